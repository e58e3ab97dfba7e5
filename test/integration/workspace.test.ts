import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MemoryStore } from '../../src/store/memory-store.js';
import { startRun } from '../../src/workflows/index.js';
import {
  docsDirOf,
  findWorkflow,
  lifecycleDeps,
  openRepoWorkspace,
  openWorkspace,
  readDotEnv,
  withDotEnv,
} from '../../src/workspace/index.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

describe('.env files as an explicit environment map', () => {
  it('reads <dir>/.env, then $ARCHAL_HOME/.env, into a map; the given environment wins and nothing is written', () => {
    const dir = tempDir();
    const home = tempDir('archal-home-');
    writeFiles(dir, { '.env': 'FROM_CWD=cwd\nSHARED=cwd-wins\nPRESET=from-file\nSEEN_BY_TEST_ONLY=yes\n' });
    writeFiles(home, { '.env': 'FROM_HOME=home\nSHARED=home-loses\n' });
    const processBefore = JSON.stringify(process.env);
    const given = { ARCHAL_HOME: home, PRESET: 'from-env' };
    const givenBefore = JSON.stringify(given);

    expect(readDotEnv(dir, given)).toEqual({
      values: {
        FROM_CWD: 'cwd',
        SHARED: 'cwd-wins',
        PRESET: 'from-file',
        SEEN_BY_TEST_ONLY: 'yes',
        FROM_HOME: 'home',
      },
      files: [join(dir, '.env'), join(home, '.env')],
    });
    const env = withDotEnv(dir, given);
    expect(env).toMatchObject({ FROM_CWD: 'cwd', FROM_HOME: 'home', SHARED: 'cwd-wins', PRESET: 'from-env' });

    // The map is new: neither the process's environment nor the one given was touched.
    expect(JSON.stringify(process.env)).toBe(processBefore);
    expect(process.env.SEEN_BY_TEST_ONLY).toBeUndefined();
    expect(JSON.stringify(given)).toBe(givenBefore);
  });

  it('keeps two repositories’ variables apart in one process (one tenant never sees the other’s)', async () => {
    const store = new MemoryStore();
    const workflow = `name: tenant\ndescription: prints its secret\nnodes:\n  - id: show\n    bash: printf '%s' "$TENANT_SECRET"\n`;
    const run = async (secret: string) => {
      const dir = tempRepo();
      writeFiles(dir, { '.env': `TENANT_SECRET=${secret}\n`, '.archal/workflows/tenant.yaml': workflow });
      const base = { PATH: process.env.PATH, ARCHAL_HOME: tempDir('archal-home-') };
      const repo = await openRepoWorkspace({ dir, env: withDotEnv(dir, base), store });
      const lookup = await findWorkflow(repo, 'tenant');
      if (lookup.kind !== 'found') throw new Error(JSON.stringify(lookup));
      const { result } = await startRun(lifecycleDeps(repo), { workflow: lookup.workflow, workingPath: repo.root });
      return result.nodes.show!.output;
    };
    expect(await Promise.all([run('alpha'), run('beta')])).toEqual(['alpha', 'beta']);
    expect(process.env.TENANT_SECRET).toBeUndefined();
  });
});

describe('workflow lookup by name', () => {
  it('takes the highest-precedence file that declares the name; lower scopes neither override nor block it', async () => {
    const dir = tempRepo();
    const home = tempDir('archal-home-');
    const workflow = (name: string, says: string) =>
      `name: ${name}\ndescription: says ${says}\nnodes:\n  - id: say\n    bash: echo ${says}\n`;
    writeFiles(dir, { '.archal/workflows/one.yaml': workflow('one', 'repo') });
    writeFiles(home, {
      'workflows/one.yaml': workflow('one', 'home'),
      'workflows/broken.yaml': 'name: one\ndescription: [broken\n',
      'workflows/quoted.yaml': workflow('"one"', 'quoted'),
    });
    const repo = openWorkspace({ dir, env: { ARCHAL_HOME: home } });

    const found = await findWorkflow(repo, 'one');
    expect(found).toMatchObject({ kind: 'found', workflow: { file: join(dir, '.archal/workflows/one.yaml') } });
    expect(await findWorkflow(repo, 'archal-smoke')).toMatchObject({
      kind: 'found',
      workflow: { name: 'archal-smoke', scope: 'bundled' },
    });
    // Where the repository declares none, the home directory's files answer (here: broken, so invalid).
    writeFiles(dir, { '.archal/workflows/one.yaml': workflow('other', 'repo') });
    const fallback = await findWorkflow(repo, 'one');
    expect(fallback.kind).toBe('invalid');
    expect(fallback.kind === 'invalid' && fallback.file.startsWith(join(home, 'workflows'))).toBe(true);
  });
});

describe('workspaces', () => {
  it('takes home, config and environment from what the host gives', () => {
    const dir = tempDir();
    const home = tempDir('archal-home-');
    writeFiles(dir, { '.archal.json': JSON.stringify({ agent: 'node agent.mjs', runs: 3 }) });
    const workspace = openWorkspace({ dir, env: { ARCHAL_HOME: home } });
    expect(workspace).toMatchObject({
      root: dir,
      home,
      config: { agent: 'node agent.mjs', runs: 3 },
      configFile: join(dir, '.archal.json'),
      env: { ARCHAL_HOME: home },
    });
  });

  it('resolves a directory inside a repository to its root, and keeps a store the host gives open', async () => {
    const repo = tempRepo();
    writeFiles(repo, { 'sub/dir/file.txt': 'x' });
    const store = new MemoryStore();
    const workspace = await openRepoWorkspace({ dir: join(repo, 'sub', 'dir'), env: {}, store });
    expect(workspace.root).toBe(repo);
    expect(workspace.store).toBe(store);
    await workspace.close();
    // Still usable: the workspace did not open it, so it does not close it.
    expect(await store.listRuns({})).toEqual([]);
    const deps = lifecycleDeps({ ...workspace, env: { ARCHAL_STALE_AFTER_MS: '1234', PATH: '/bin' } });
    expect(deps).toMatchObject({ staleAfterMs: 1234, engine: { env: { PATH: '/bin' } } });
  });

  it("reads Archon's .archon/config.yaml once per workspace, as it reads .archal.json", async () => {
    const dir = tempRepo();
    const home = tempDir('archal-home-');
    writeFiles(dir, {
      '.archon/config.yaml': 'docs:\n  path: first-docs\n',
      '.archal/workflows/one.yaml': "name: one\ndescription: one\nnodes:\n  - id: a\n    bash: 'true'\n",
    });
    const workspace = openWorkspace({ dir, env: { ARCHAL_HOME: home, HOME: home } });
    expect(docsDirOf(workspace)).toBe('first-docs');
    writeFiles(dir, { '.archon/config.yaml': 'docs:\n  path: second-docs\n' });
    expect((await findWorkflow(workspace, 'one')).kind).toBe('found');
    expect(docsDirOf(workspace)).toBe('first-docs');
    // A workspace opened later reads the file as it is then.
    expect(docsDirOf(openWorkspace({ dir, env: { ARCHAL_HOME: home, HOME: home } }))).toBe('second-docs');
  });
});
