import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { cliHint, describeError, exitCodeOf } from '../../src/cli/errors.js';
import { MissingAgentError, resolveAgent } from '../../src/harness/agent.js';
import { checkoutInPlace, IsolationError, repositoryRoot } from '../../src/isolation/index.js';
import { ArchalError } from '../../src/lib/errors.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import {
  approveRun,
  findRun,
  resumeRun,
  RunRefusedError,
  startRun,
  WorkflowLookupError,
  type LifecycleDeps,
} from '../../src/workflows/index.js';
import {
  findWorkflow,
  openRepoWorkspace,
  openRunStore,
  openWorkspace,
  workflowOfRun,
  WorkspaceError,
} from '../../src/workspace/index.js';
import { loadOk, writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** The error a promise rejects with (or a function throws). */
async function caught(work: () => unknown): Promise<ArchalError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ArchalError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('typed errors: a code and the data a host needs, never a host’s command', () => {
  const store = new MemoryStore();
  const deps = (): LifecycleDeps => ({
    store,
    engine: { providers: createProviderRegistry({}), env: { PATH: process.env.PATH } },
    owner: { pid: process.pid, host: 'errors-test' },
  });

  it('refusals of the run lifecycle', async () => {
    const dir = tempRepo();
    const gated = await loadOk('name: gated\ndescription: x\nnodes:\n  - id: gate\n    approval: {message: ok?}\n', {
      dir,
    });
    const paused = (await startRun(deps(), { workflow: gated, workingPath: dir })).run;

    const busy = await caught(() => startRun(deps(), { workflow: gated, workingPath: dir, fresh: true }));
    expect(busy).toBeInstanceOf(RunRefusedError);
    expect(busy).toMatchObject({ code: 'path_busy', data: { activeRun: { id: paused.id, status: 'paused' } } });

    const waiting = await caught(() => resumeRun(deps(), paused, { workflow: gated }));
    expect(waiting).toMatchObject({ code: 'run_awaiting_approval', data: { run: { id: paused.id }, nodeId: 'gate' } });

    const missing = await caught(() => findRun(store, 'nope-nope'));
    expect(missing).toMatchObject({ code: 'run_not_found', data: { query: 'nope-nope', matches: [] } });

    const done = (await approveRun(deps(), paused, undefined, { workflow: gated })).run;
    expect(await caught(() => approveRun(deps(), done, 'late', { workflow: gated }))).toMatchObject({
      code: 'run_not_awaiting_approval',
      data: { run: { id: paused.id } },
    });
    expect(await caught(() => resumeRun(deps(), done, { workflow: gated }))).toMatchObject({
      code: 'run_not_resumable',
    });

    for (const error of [busy, waiting, missing]) expect(error.message).not.toMatch(/archal /);
  });

  it('workflows that cannot be found or loaded', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/smoke-one.yaml': 'name: smoke-one\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
      '.archal/workflows/a-lint.yaml': 'name: a-lint\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
      '.archal/workflows/b-lint.yaml': 'name: b-lint\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
    });
    const workspace = openWorkspace({ dir, env: { ARCHAL_HOME: tempDir('archal-home-') } });
    expect(await caught(() => findWorkflow(workspace, 'smoke-onr'))).toMatchObject({
      code: 'workflow_not_found',
      data: { name: 'smoke-onr', suggestions: ['smoke-one'] },
    });
    // A suffix no bundled workflow has (archal-fix-check ends in "check").
    const ambiguous = await caught(() => findWorkflow(workspace, 'lint'));
    expect(ambiguous).toBeInstanceOf(WorkflowLookupError);
    expect(ambiguous).toMatchObject({ code: 'workflow_ambiguous', data: { suggestions: ['a-lint', 'b-lint'] } });
    expect(await caught(() => findWorkflow(workspace, 'gone/wf.yaml'))).toMatchObject({
      code: 'workflow_file_not_found',
      data: { file: join(dir, 'gone', 'wf.yaml') },
    });

    const repo = await openRepoWorkspace({ dir, env: workspace.env, store });
    const lookup = await findWorkflow(repo, 'smoke-one');
    if (lookup.kind !== 'found') throw new Error('expected smoke-one');
    const { run } = await startRun(deps(), { workflow: lookup.workflow, workingPath: dir });
    writeFiles(dir, { '.archal/workflows/smoke-one.yaml': 'name: smoke-one\ndescription: x\nnodes: []\n' });
    expect(await caught(() => workflowOfRun(repo, run))).toMatchObject({
      code: 'workflow_invalid',
      data: { file: join(dir, '.archal', 'workflows', 'smoke-one.yaml'), problems: [expect.anything()] },
    });
  });

  it("whole words found inside one workflow's name pick it, as Archon's last tier does", async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/smart.yaml':
        'name: archon-smart-pr-review\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
      '.archal/workflows/a.yaml': 'name: e2e-fanout-alldone\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
      '.archal/workflows/b.yaml': 'name: e2e-fanout-allsuccess\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
    });
    const workspace = openWorkspace({ dir, env: { ARCHAL_HOME: tempDir('archal-home-') } });
    const found = await findWorkflow(workspace, 'Smart-PR');
    expect(found).toMatchObject({ kind: 'found', workflow: { name: 'archon-smart-pr-review' } });
    // Only whole words: a typo is not a part of a name, and gets a did-you-mean.
    expect(await caught(() => findWorkflow(workspace, 'smart-p'))).toMatchObject({ code: 'workflow_not_found' });
    expect(await caught(() => findWorkflow(workspace, 'fanout'))).toMatchObject({
      code: 'workflow_ambiguous',
      data: { suggestions: ['e2e-fanout-alldone', 'e2e-fanout-allsuccess'] },
    });
  });

  it("a repository's workflow wins a partial name over Archal's bundled one (assist: archon-assist, not archal-assist)", async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archon/workflows/defaults/archon-assist.yaml':
        'name: archon-assist\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n',
    });
    const workspace = openWorkspace({ dir, env: { ARCHAL_HOME: tempDir('archal-home-') } });
    expect(await findWorkflow(workspace, 'assist')).toMatchObject({
      kind: 'found',
      workflow: { name: 'archon-assist' },
    });
    expect(await findWorkflow(workspace, 'smoke')).toMatchObject({ kind: 'found', workflow: { name: 'archal-smoke' } });
  });

  it('workspaces, repositories, branches and agents', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.archal.json': JSON.stringify({ runs: 'many', agentz: 1 }) });
    const invalid = await caught(() => openWorkspace({ dir, env: {} }));
    expect(invalid).toBeInstanceOf(WorkspaceError);
    expect(invalid).toMatchObject({
      code: 'invalid_config',
      data: {
        file: join(dir, '.archal.json'),
        problems: expect.arrayContaining([expect.objectContaining({ path: 'runs' })]),
      },
    });
    expect(
      await caught(() => openRunStore({ ARCHAL_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })),
    ).toMatchObject({
      code: 'store_unavailable',
      data: { store: 'PostgreSQL (postgres://nobody@127.0.0.1:1/none)' },
    });
    expect(await caught(() => repositoryRoot(tempDir(), {}))).toMatchObject({ code: 'not_a_repository' });
    const branch = await caught(() => checkoutInPlace(tempRepo(), '-rf'));
    expect(branch).toBeInstanceOf(IsolationError);
    expect(branch).toMatchObject({ code: 'invalid_branch', data: { branch: '-rf' } });
    const agent = await caught(() => resolveAgent(undefined, {}));
    expect(agent).toBeInstanceOf(MissingAgentError);
    expect(agent.code).toBe('missing_agent');
  });
});

describe('the CLI turns codes into exit codes and hints in its own words', () => {
  const run = { id: 'run-1234', status: 'paused' };
  it.each([
    ['invalid_config', {}, 2, /archal config validate/],
    ['missing_agent', {}, 2, /--harness/],
    ['workflow_not_found', {}, 2, undefined],
    ['invalid_branch', {}, 2, undefined],
    ['path_busy', { activeRun: run }, 1, /archal workflow approve run-1234.*archal workflow cancel run-1234/],
    ['run_awaiting_approval', { run }, 1, /archal workflow reject run-1234/],
    ['run_not_found', {}, 1, /archal workflow status/],
    ['not_a_repository', {}, 2, /git init.*--cwd/],
    ['store_unavailable', {}, 1, undefined],
    ['invalid_store_url', {}, 2, undefined],
  ] as const)('%s', (code, data, exit, hint) => {
    const error = new ArchalError(code, 'what happened.', data);
    expect(exitCodeOf(error)).toBe(exit);
    if (hint) {
      expect(cliHint(error)).toMatch(hint);
      expect(describeError(error)).toMatch(/^what happened\. /);
    } else expect(describeError(error)).toBe('what happened.');
  });
});
