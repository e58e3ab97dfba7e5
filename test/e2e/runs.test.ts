import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { openStore } from '../../src/store/index.js';
import { BACKENDS } from '../helpers/stores.js';
import { isRunning, tempDir, tempRepo } from '../helpers/tmp.js';

interface RunJson {
  runId: string;
  status: string;
  nodes: Record<string, { state: string; output: string | null; skipReason: string | null }>;
  resumed: { skipped: number } | null;
}

/** A user environment whose runs go to the given backend. */
async function envFor(backend: (typeof BACKENDS)[number]): Promise<NodeJS.ProcessEnv> {
  const home = tempDir('archal-home-');
  const options = await backend.fresh();
  return {
    ARCHAL_HOME: home,
    ...(options.databaseUrl ? { ARCHAL_DATABASE_URL: options.databaseUrl } : { ARCHAL_DATABASE_URL: '' }),
  };
}

function activeRunId(dir: string, env: NodeJS.ProcessEnv, section: 'active' | 'paused' = 'active') {
  return async () => {
    const status = json<Record<string, Array<{ id: string; workingPath: string }>>>(
      await runCli(['--cwd', dir, 'workflow', 'status', '--json'], { env }),
    );
    return status[section]!.find((run) => run.workingPath === dir)?.id;
  };
}

describe.each(BACKENDS)('durable runs from the CLI ($name)', (backend) => {
  it('resumes after the CLI is killed with SIGKILL mid-workflow, skipping completed nodes', async () => {
    const dir = tempRepo();
    const env = await envFor(backend);
    writeFiles(dir, {
      '.archal/workflows/killable.yaml': `name: killable
description: interrupted on purpose
nodes:
  - id: first
    bash: printf 'first-%s' "$RANDOM"
  - id: slow
    depends_on: [first]
    bash: '[ -f marker ] && printf slow-done || { sleep 60 & echo $! > sleep.pid; touch marker; wait; }'
  - id: last
    depends_on: [slow]
    bash: printf 'last saw %s' $first.output
`,
    });
    const victim = startCli(['--cwd', dir, 'workflow', 'run', 'killable'], { env });
    await waitFor(() => existsSync(join(dir, 'marker')), 15_000, 'the slow node to start');
    victim.kill('SIGKILL');
    await victim.done;

    const resumed = await runCli(['--cwd', dir, 'workflow', 'run', 'killable', '--json'], { env });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('Resuming workflow — skipping 1 already-completed node(s).');
    const body = json<RunJson>(resumed);
    expect(body.resumed).toEqual({ skipped: 1 });
    expect(body.nodes.first).toMatchObject({ state: 'completed', skipReason: 'prior_success' });
    expect(body.nodes.slow!.output).toBe('slow-done');
    expect(body.nodes.last!.output).toBe(`last saw ${body.nodes.first!.output}`);
    // The orphaned `sleep 60` of the killed run was stopped before the node ran again.
    expect(isRunning(Number(readFileSync(join(dir, 'sleep.pid'), 'utf8')))).toBe(false);
  });

  it('pauses at an approval, refuses a second run, and continues when approved', async () => {
    const dir = tempRepo();
    const env = await envFor(backend);
    writeFiles(dir, {
      '.archal/workflows/gated.yaml': `name: gated
description: needs a yes
nodes:
  - id: plan
    bash: printf 'rename the API'
  - id: gate
    depends_on: [plan]
    approval:
      message: "Apply: $plan.output?"
      capture_response: true
  - id: apply
    depends_on: [gate]
    bash: "printf 'applied (%s)' $gate.output"
`,
    });
    const paused = await runCli(['--cwd', dir, 'workflow', 'run', 'gated', '--json'], { env });
    expect(paused.code).toBe(0);
    const { runId, status } = json<RunJson>(paused);
    expect(status).toBe('paused');
    expect(paused.stderr).toContain(`archal workflow approve ${runId}`);

    const busy = await runCli(['--cwd', dir, 'workflow', 'run', 'gated'], { env });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`is in use by run ${runId}`);
    expect(busy.stderr).toContain(`archal workflow cancel ${runId}`);

    const listing = json<{
      paused: Array<{ id: string; approval: { nodeId: string; message: string }; nodes: Record<string, string> }>;
    }>(await runCli(['--cwd', dir, 'workflow', 'status', '--json'], { env }));
    expect(listing.paused).toEqual([
      expect.objectContaining({
        id: runId,
        approval: expect.objectContaining({ nodeId: 'gate', message: 'Apply: rename the API?' }),
        nodes: { plan: 'completed', gate: 'paused' },
      }),
    ]);

    const approved = await runCli(['--cwd', dir, 'workflow', 'approve', runId.slice(0, 8), 'looks', 'good', '--json'], {
      env,
    });
    expect(approved.code).toBe(0);
    expect(json<RunJson>(approved)).toMatchObject({
      runId,
      status: 'completed',
      nodes: { apply: { output: 'applied (looks good)' } },
    });

    const twice = await runCli(['--cwd', dir, 'workflow', 'approve', runId], { env });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('is completed; it is not waiting for an approval');
  });

  it('rejects a paused run, cancelling it', async () => {
    const dir = tempRepo();
    const env = await envFor(backend);
    writeFiles(dir, {
      'gate.yaml':
        'name: gate\ndescription: x\nnodes:\n  - id: ask\n    approval: {message: "ok?"}\n  - id: act\n    depends_on: [ask]\n    bash: echo acted\n',
    });
    const { runId } = json<RunJson>(await runCli(['--cwd', dir, 'workflow', 'run', 'gate.yaml', '--json'], { env }));
    const rejected = await runCli(['--cwd', dir, 'workflow', 'reject', runId, 'not', 'today', '--json'], { env });
    expect(rejected.code).toBe(0);
    expect(json(rejected)).toEqual({ runId, status: 'cancelled', error: "Rejected at 'ask': not today" });
  });

  it('cancels a running run from another process and kills its node processes', async () => {
    const dir = tempRepo();
    const env = await envFor(backend);
    writeFiles(dir, {
      'long.yaml':
        'name: long\ndescription: x\nnodes:\n  - id: wait\n    bash: echo $$ > pid; sleep 60\n  - id: after\n    depends_on: [wait]\n    bash: echo never\n',
    });
    const running = startCli(['--cwd', dir, 'workflow', 'run', 'long.yaml', '--json'], { env });
    await waitFor(() => existsSync(join(dir, 'pid')), 15_000, 'the node to start');
    const runId = (await activeRunId(dir, env)())!;
    const nodePid = Number(readFileSync(join(dir, 'pid'), 'utf8'));

    const cancelled = await runCli(['--cwd', dir, 'workflow', 'cancel', runId], { env });
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain(`Cancelled run ${runId}`);
    const outcome = await running.done;
    expect(outcome.code).toBe(1);
    expect(json<RunJson>(outcome)).toMatchObject({
      status: 'cancelled',
      nodes: { after: { skipReason: 'run_cancelled' } },
    });
    await waitFor(() => !isRunning(nodePid), 5000, 'the node process to die');
    const again = await runCli(['--cwd', dir, 'workflow', 'cancel', runId], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is already cancelled');
  });

  it('records events emitted from inside a running workflow without losing the engine’s own', async () => {
    const dir = tempRepo();
    const env = await envFor(backend);
    const emit = `node ${join(process.cwd(), 'bin', 'archal.js')} workflow event emit --run-id "$ARCHAL_RUN_ID"`;
    writeFiles(dir, {
      'emits.yaml': `name: emits
description: nodes emit story events while others run
max_parallel: 4
nodes:
${Array.from(
  { length: 4 },
  (_, i) => `  - id: story-${i}
    bash: ${JSON.stringify(`${emit} --type ralph_story_started --data '{"story": ${i}}' && ${emit} --type ralph_story_completed --data '{"story": ${i}}'`)}
`,
).join('')}  - id: chatter
    bash: "for i in 1 2 3 4 5; do echo $i; done"
`,
    });
    const result = await runCli(['--cwd', dir, 'workflow', 'run', 'emits.yaml', '--json'], { env, timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    const { runId } = json<RunJson>(result);
    const transcript = readFileSync(join(dir, '.archal', 'logs', `${runId}.jsonl`), 'utf8')
      .trim()
      .split('\n');
    const status = json<{ recent: Array<{ id: string; nodes: Record<string, string> }> }>(
      await runCli(['--cwd', dir, 'workflow', 'status', '--json'], { env }),
    );
    expect(status.recent.find((run) => run.id === runId)!.nodes).toMatchObject({
      'story-0': 'completed',
      chatter: 'completed',
    });
    // Every engine event (the transcript) plus the 8 emitted ones are in the store, numbered without gaps.
    const script = `const { openStore, storeOptionsFromEnv } = await import(${JSON.stringify(join(process.cwd(), 'build', 'index.js'))});
      const store = await openStore(storeOptionsFromEnv(process.env)); const events = await store.listEvents(${JSON.stringify(runId)}); await store.close();
      console.log(JSON.stringify(events.map((e) => [e.seq, e.type])));`;
    const stored = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, ...env, NODE_OPTIONS: '' },
      }).toString(),
    ) as Array<[number, string]>;
    expect(stored.map(([seq]) => seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(stored.filter(([, type]) => type.startsWith('ralph_story'))).toHaveLength(8);
    expect(stored.length).toBe(transcript.length + 8);
  });
});

describe('--json answers a run id that names no run, or several, in JSON', () => {
  const COMMANDS = [['resume'], ['approve'], ['reject'], ['cancel']];

  it.each(COMMANDS)('workflow %s <unknown|short|ambiguous id> --json', async (command) => {
    const dir = tempRepo();
    const home = tempDir('archal-home-');
    const env = { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    // Two stored runs whose ids share the prefix `abcd`.
    const store = await openStore({ home });
    for (const id of ['abcd0001-0000-4000-8000-000000000000', 'abcd0002-0000-4000-8000-000000000000'])
      await store.createRun({
        id,
        workflowName: 'gone',
        workingPath: dir,
        conversationId: id,
        userMessage: '',
        metadata: {},
        status: 'failed',
        ownerPid: 1,
        ownerHost: 'elsewhere',
      });
    await store.close();
    const cases = [
      ['no-such-run', 'run_not_found', "No run with id 'no-such-run'."],
      ['ab', 'run_not_found', 'give at least 4 characters of the id'],
      ['abcd', 'run_id_ambiguous', "Run id prefix 'abcd' is ambiguous"],
    ] as const;
    for (const [id, code, message] of cases) {
      const result = await runCli(['--cwd', dir, 'workflow', command!, id, '--json'], { env });
      expect({ id, code: result.code }).toEqual({ id, code: 1 });
      expect(json(result)).toEqual({
        status: 'refused',
        error: { code, message: expect.stringContaining(message) },
        activeRun: null,
      });
      expect(result.stderr).toContain(message);
    }
  });
});

describe('archal workflow event emit', () => {
  it("accepts every type Archon's CLI accepts, its container and write-back events included", async () => {
    const dir = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    writeFiles(dir, { 'one.yaml': 'name: one\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n' });
    const { runId } = json<RunJson>(await runCli(['--cwd', dir, 'workflow', 'run', 'one.yaml', '--json'], { env }));
    const archonTypes =
      `workflow_started workflow_completed workflow_failed workflow_resumed node_started node_completed
      node_failed node_skipped node_skipped_prior_success node_prior_cache_invalidated node_always_run_reset
      loop_iteration_started loop_iteration_completed loop_iteration_failed tool_called tool_completed
      ralph_story_started ralph_story_completed approval_requested approval_received workflow_cancelled
      workflow_artifact node_session_resumed task_activity hook_activity container_created container_stopped
      container_resumed container_destroyed writeback_requested writeback_applied writeback_discarded
      evidence_validation_failed workflow_parse_warnings`.split(/\s+/);
    const listed = await runCli(['--cwd', dir, 'workflow', 'event', 'emit', '--run-id', runId, '--type', 'x'], { env });
    const valid = listed.stderr.split('Valid types: ')[1]!.trim().split(', ');
    expect(archonTypes.filter((type) => !valid.includes(type))).toEqual([]);
    const emitted = await runCli(
      ['--cwd', dir, 'workflow', 'event', 'emit', '--run-id', runId, '--type', 'writeback_requested'],
      { env },
    );
    expect(emitted.code).toBe(0);
    expect(emitted.stdout).toContain(`Event submitted (best-effort): writeback_requested for run ${runId}`);
  });

  it('rejects unknown types listing the valid ones, and warns about invalid data', async () => {
    const dir = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    writeFiles(dir, { 'one.yaml': 'name: one\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n' });
    const { runId } = json<RunJson>(await runCli(['--cwd', dir, 'workflow', 'run', 'one.yaml', '--json'], { env }));

    const unknown = await runCli(
      ['--cwd', dir, 'workflow', 'event', 'emit', '--run-id', runId, '--type', 'story_done'],
      { env },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Error: unknown event type: story_done');
    expect(unknown.stderr).toContain('ralph_story_started');

    const bad = await runCli(
      [
        '--cwd',
        dir,
        'workflow',
        'event',
        'emit',
        '--run-id',
        runId.slice(0, 6),
        '--type',
        'ralph_story_started',
        '--data',
        '{oops',
      ],
      { env },
    );
    expect(bad.code).toBe(0);
    expect(bad.stderr).toContain('the event is emitted without data');
    expect(bad.stdout).toContain(`Event submitted (best-effort): ralph_story_started for run ${runId}`);

    const missing = await runCli(['--cwd', dir, 'workflow', 'event', 'emit', '--type', 'ralph_story_started'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--run-id <id>' not specified");
  });
});

describe('repositories and isolation', () => {
  it('needs a git repository, and resolves a subdirectory to its root', async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    const outside = await runCli(['--cwd', tempDir(), 'workflow', 'list'], { env });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
    expect((await runCli(['--cwd', tempDir(), 'version'], { env })).code).toBe(0);
    expect((await runCli(['--cwd', tempDir(), 'config', 'validate'], { env })).code).toBe(0);

    const repo = tempRepo();
    writeFiles(repo, {
      '.archal/workflows/here.yaml': 'name: here\ndescription: x\nnodes:\n  - id: where\n    bash: pwd\n',
    });
    mkdirSync(join(repo, 'deep', 'er'), { recursive: true });
    const result = await runCli(['--cwd', join(repo, 'deep', 'er'), 'workflow', 'run', 'here', '--json'], { env });
    expect(result.code).toBe(0);
    expect(json<RunJson>(result).nodes.where!.output).toBe(repo);
  });

  it('outside a git repository, workflow run (also with --branch) and isolation are invalid input: exit 2, saying how to fix it, nothing started', async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    const outside = tempDir('archal-no-repo-');
    writeFiles(outside, {
      '.archal/workflows/here.yaml': 'name: here\ndescription: x\nnodes:\n  - id: touch\n    bash: touch ran\n',
    });
    const fix = `${outside} is not inside a git repository. Workflow and isolation commands run in a git repository: run \`git init\` there to make it one, or use --cwd <repository>.\n`;
    for (const args of [
      ['workflow', 'run', 'here'],
      ['workflow', 'run', 'here', '--branch', 'feature/x'],
      ['isolation', 'list'],
      ['isolation', 'cleanup', '0'],
    ]) {
      const result = await runCli(['--cwd', outside, ...args], { env });
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 2, stderr: fix });
    }
    const asJson = await runCli(['--cwd', outside, 'workflow', 'run', 'here', '--json'], { env });
    expect(asJson.code).toBe(2);
    expect(json(asJson)).toEqual({
      status: 'error',
      error: { code: 'not_a_repository', message: fix.trimEnd() },
    });
    expect(existsSync(join(outside, 'ran'))).toBe(false);
  });

  it('runs in a worktree for --branch, reuses it, honours --from, and lists and cleans worktrees', async () => {
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    const env = { ARCHAL_HOME: home, DATABASE_URL: '' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo }).toString().trim();
    writeFiles(repo, { 'README.md': 'v1\n' });
    git('add', '.');
    git('commit', '-qm', 'v1');
    const v1 = git('rev-parse', 'HEAD');
    writeFiles(repo, { 'README.md': 'v2\n' });
    git('commit', '-qam', 'v2');
    writeFiles(repo, {
      '.archal/workflows/where.yaml':
        'name: where\ndescription: x\nnodes:\n  - id: info\n    bash: printf "%s %s %s" "$(pwd)" "$(git rev-parse --abbrev-ref HEAD)" "$(cat README.md)"\n',
    });

    const created = await runCli(
      ['--cwd', repo, 'workflow', 'run', 'where', '--branch', 'fix/Issue-42', '--from', v1, '--json'],
      { env },
    );
    expect(created.code).toBe(0);
    const expectedPath = join(realpathSync(home), 'worktrees', repo.split('/').pop()!, 'fix-issue-42');
    expect(json<RunJson>(created).nodes.info!.output).toBe(`${expectedPath} fix/Issue-42 v1`);
    expect(created.stderr).toContain(`Created worktree ${expectedPath}`);

    const reused = await runCli(
      ['--cwd', repo, 'workflow', 'run', 'where', '--branch', 'fix/Issue-42', '--from', 'HEAD', '--json'],
      { env },
    );
    expect(reused.code).toBe(0);
    expect(reused.stderr).toContain(`Reusing the existing worktree ${expectedPath}; --from HEAD was not applied`);

    const listed = json<{
      repositories: Array<{
        repoRoot: string;
        worktrees: Array<{ path: string; branch: string; workflowName: string; daysSinceActivity: number }>;
      }>;
    }>(await runCli(['--cwd', repo, 'isolation', 'list', '--json'], { env }));
    expect(listed.repositories).toEqual([
      {
        repoRoot: repo,
        worktrees: [
          expect.objectContaining({
            path: expectedPath,
            branch: 'fix/Issue-42',
            workflowName: 'where',
            daysSinceActivity: 0,
          }),
        ],
      },
    ]);

    writeFileSync(join(expectedPath, 'wip.txt'), 'uncommitted');
    const kept = await runCli(['--cwd', repo, 'isolation', 'cleanup', '0', '--json'], { env });
    expect(json(kept)).toEqual({
      results: [expect.objectContaining({ path: expectedPath, action: 'kept-uncommitted-changes' })],
    });
    expect(existsSync(expectedPath)).toBe(true);
    const forced = await runCli(['--cwd', repo, 'isolation', 'cleanup', '0', '--force', '--json'], { env });
    expect(json(forced)).toEqual({ results: [expect.objectContaining({ path: expectedPath, action: 'removed' })] });
    expect(existsSync(expectedPath)).toBe(false);
  });

  it.each([[''], [' '], ['0x10'], ['1e1'], ['seven']])(
    'isolation cleanup refuses the days value %j and removes nothing',
    async (days) => {
      const repo = tempRepo();
      const home = tempDir('archal-home-');
      const env = { ARCHAL_HOME: home, DATABASE_URL: '' };
      writeFiles(repo, {
        '.archal/workflows/here.yaml': 'name: here\ndescription: x\nnodes:\n  - id: a\n    bash: pwd\n',
      });
      const created = await runCli(['--cwd', repo, 'workflow', 'run', 'here', '--branch', 'idle', '--json'], { env });
      expect(created.code).toBe(0);
      const path = json<RunJson>(created).nodes.a!.output as string;

      const result = await runCli(['--cwd', repo, 'isolation', 'cleanup', days, '--json'], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `days must be a whole or decimal number of days, such as 7 or 0.5 (got '${days}')`,
      );
      expect(existsSync(path)).toBe(true);
    },
  );

  it('isolation cleanup keeps the worktree of a run waiting for approval, even with --force', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    writeFiles(repo, {
      '.archal/workflows/gated.yaml':
        'name: gated\ndescription: x\ninteractive: true\nnodes:\n  - id: a\n    bash: pwd\n  - id: gate\n    depends_on: [a]\n    approval:\n      message: Go?\n  - id: b\n    depends_on: [gate]\n    bash: git rev-parse --abbrev-ref HEAD\n',
    });
    const paused = json<RunJson>(
      await runCli(['--cwd', repo, 'workflow', 'run', 'gated', '--branch', 'held', '--json'], { env }),
    );
    expect(paused.status).toBe('paused');
    const path = paused.nodes.a!.output as string;

    const cleaned = await runCli(['--cwd', repo, 'isolation', 'cleanup', '0', '--force', '--json'], { env });
    expect(cleaned.code).toBe(0);
    expect(json(cleaned)).toEqual({
      results: [
        expect.objectContaining({
          path,
          action: 'kept-active-run',
          detail: expect.stringContaining(`run ${paused.runId} of 'gated' is paused there`),
        }),
      ],
    });
    expect(existsSync(join(path, '.git'))).toBe(true);

    const approved = await runCli(['--cwd', repo, 'workflow', 'approve', paused.runId, '--json'], { env });
    expect(json<RunJson>(approved).nodes.b!.output).toBe('held');
  });

  it('gives branches whose folder names collide (feat/a, feat-a) worktrees of their own, found again on every run', async () => {
    const repo = tempRepo();
    const home = realpathSync(tempDir('archal-home-'));
    const env = { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    writeFiles(repo, {
      'where.yaml':
        'name: where\ndescription: x\nnodes:\n  - id: info\n    bash: printf "%s %s" "$(pwd)" "$(git rev-parse --abbrev-ref HEAD)"\n',
    });
    const runOn = async (branch: string) => {
      const result = await runCli(['--cwd', repo, 'workflow', 'run', 'where.yaml', '--branch', branch, '--json'], {
        env,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain('⚠️');
      const [path, checkedOut] = (json<RunJson>(result).nodes.info!.output ?? '').split(' ');
      return { path, checkedOut, stderr: result.stderr };
    };
    const folder = join(home, 'worktrees', repo.split('/').pop()!, 'feat-a');

    const slashed = await runOn('feat/a');
    expect(slashed).toMatchObject({ path: folder, checkedOut: 'feat/a' });
    const dashed = await runOn('feat-a');
    expect(dashed.path).toMatch(new RegExp(`^${folder}-[0-9a-f]{8}$`));
    expect(dashed.checkedOut).toBe('feat-a');
    expect(dashed.stderr).toContain(`Created worktree ${dashed.path} (branch feat-a)`);

    expect(await runOn('feat-a')).toMatchObject({ path: dashed.path, checkedOut: 'feat-a' });
    expect(await runOn('feat/a')).toMatchObject({ path: folder, checkedOut: 'feat/a' });
    expect(execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: folder }).toString().trim()).toBe(
      'feat/a',
    );
  });

  it('checks the branch out in place with --no-worktree', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    writeFiles(repo, {
      'b.yaml': 'name: b\ndescription: x\nnodes:\n  - id: branch\n    bash: git rev-parse --abbrev-ref HEAD\n',
    });
    const result = await runCli(
      ['--cwd', repo, 'workflow', 'run', 'b.yaml', '--branch', 'in-place', '--no-worktree', '--json'],
      { env },
    );
    expect(result.code).toBe(0);
    expect(json<RunJson>(result).nodes.branch!.output).toBe('in-place');
  });

  it.each([['-rf'], ['a..b'], ['x@{1}'], ['with space'], ['semi;colon'], ['ctl\u0007']])(
    'rejects the branch name %j',
    async (branch) => {
      const repo = tempRepo();
      const result = await runCli(['--cwd', repo, 'workflow', 'run', 'archal-smoke', `--branch=${branch}`], {
        env: { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Invalid branch name');
    },
  );

  it('runs in the repository as it is with --no-worktree and no --branch (Archon: run without isolation)', async () => {
    const repo = tempRepo();
    writeFiles(repo, {
      'w.yaml': 'name: w\ndescription: x\nnodes:\n  - id: where\n    bash: pwd -P\n',
    });
    const result = await runCli(['--cwd', repo, 'workflow', 'run', 'w.yaml', '--no-worktree', 'Fix typo', '--json'], {
      env: { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' },
    });
    expect(result.code).toBe(0);
    expect(json<RunJson>(result).nodes.where!.output).toBe(realpathSync(repo));

    writeFiles(repo, {
      'iso.yaml': 'name: iso\ndescription: x\nworktree: {enabled: true}\nnodes:\n  - id: a\n    bash: pwd\n',
    });
    const pinned = await runCli(['--cwd', repo, 'workflow', 'run', 'iso.yaml', '--no-worktree'], {
      env: { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' },
    });
    expect(pinned.code).toBe(2);
    expect(pinned.stderr).toContain(
      "'iso' sets worktree.enabled: true: it must run in a worktree; drop --no-worktree.",
    );
  });

  it("--resume (Archon's flag) resumes the failed run here, and is refused when there is none", async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '' };
    writeFiles(repo, {
      'w.yaml':
        'name: w\ndescription: x\nnodes:\n  - id: first\n    bash: echo one\n  - id: second\n    depends_on: [first]\n    bash: test -f ok\n',
    });
    const none = await runCli(['--cwd', repo, 'workflow', 'run', 'w.yaml', '--resume', '--json'], { env });
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toEqual({
      status: 'refused',
      error: {
        code: 'no_resumable_run',
        message: `No resumable run found for workflow 'w' at path '${repo}'. Run it without --resume to start one.`,
      },
      activeRun: null,
    });

    expect((await runCli(['--cwd', repo, 'workflow', 'run', 'w.yaml'], { env })).code).toBe(1);
    writeFileSync(join(repo, 'ok'), '');
    const resumed = await runCli(['--cwd', repo, 'workflow', 'run', 'w.yaml', '--resume', '--json'], { env });
    expect(resumed.code).toBe(0);
    expect(json<RunJson>(resumed).resumed).toEqual({ skipped: 1 });

    const both = await runCli(['--cwd', repo, 'workflow', 'run', 'w.yaml', '--resume', '--fresh'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--resume and --fresh are mutually exclusive');
  });

  it('refuses --from without --branch', async () => {
    const result = await runCli(['--cwd', tempRepo(), 'workflow', 'run', 'archal-smoke', '--from', 'main'], {
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--from needs --branch');
  });
});
