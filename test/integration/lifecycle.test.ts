import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describeError } from '../../src/cli/errors.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { MemorySink } from '../../src/workflows/events.js';
import {
  approveRun,
  cancelRun,
  findRun,
  isStale,
  rejectRun,
  resumeRun,
  RunRefusedError,
  startRun,
  type LifecycleDeps,
} from '../../src/workflows/lifecycle.js';
import type { RunRecord, WorkflowRunStore } from '../../src/workflows/run-store.js';
import { loadOk, recordingClock } from '../helpers/engine.js';
import { RUN_STORES } from '../helpers/stores.js';
import { waitFor } from '../helpers/cli.js';
import { isRunning, tempRepo } from '../helpers/tmp.js';

const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));
const header = 'name: lifecycle\ndescription: lifecycle test\n';

describe.each(RUN_STORES)('run lifecycle on $name', (backend) => {
  let store: WorkflowRunStore;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
  });

  function deps(overrides: Partial<LifecycleDeps> = {}): LifecycleDeps & { logs: string[]; sink: MemorySink } {
    const logs: string[] = [];
    const sink = new MemorySink();
    return {
      store,
      engine: {
        providers: createProviderRegistry({}),
        env: process.env,
        clock: recordingClock(),
        log: (line) => logs.push(line),
        sink,
      },
      owner: { pid: process.pid, host: 'test-host' },
      logs,
      sink,
      ...overrides,
    };
  }

  /** A run left 'running' by an owner on this host that has died. */
  async function orphanedRun(id: string, workingPath: string, workflowName = 'lifecycle') {
    return store.createRun({
      id,
      workflowName,
      workingPath,
      conversationId: 'c',
      userMessage: '',
      metadata: {},
      status: 'running',
      ownerPid: await exitedPid(),
      ownerHost: 'test-host',
    });
  }

  it('resumes a failed run: completed nodes are skipped, their outputs reused, the rest run', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: a\n    bash: printf 'a-%s' "$RANDOM"\n  - id: b\n    depends_on: [a]\n    bash: '[ -f ok ] || exit 1'\n  - id: c\n    depends_on: [b]\n    bash: printf 'c saw %s' $a.output\n`,
      { dir },
    );
    const first = await startRun(deps(), { workflow, workingPath: dir });
    expect(first.result.status).toBe('failed');
    expect(first.run.status).toBe('failed');
    const aOutput = first.result.nodes.a!.output!;

    writeFileSync(join(dir, 'ok'), '');
    const d = deps();
    const second = await startRun(d, { workflow, workingPath: dir });
    expect(second.resumed).toEqual({ skipped: 1 });
    expect(second.run.id).toBe(first.run.id);
    expect(d.logs).toContain('Resuming workflow — skipping 1 already-completed node(s).');
    expect(second.result.status).toBe('completed');
    expect(second.result.nodes.a).toMatchObject({ state: 'completed', skipReason: 'prior_success', output: aOutput });
    expect(second.result.nodes.c!.output).toBe(`c saw ${aOutput}`);
    expect((await store.getRun(first.run.id))!.status).toBe('completed');
    const types = (await store.listEvents(first.run.id)).map((event) => event.type);
    expect(types).toContain('workflow_resumed');
    expect(types).toContain('node_skipped_prior_success');
  });

  it('starts fresh with --fresh, and when the failed run completed nothing', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: a\n    bash: echo a\n  - id: b\n    depends_on: [a]\n    bash: exit 1\n`,
      { dir },
    );
    const first = await startRun(deps(), { workflow, workingPath: dir });
    const fresh = await startRun(deps(), { workflow, workingPath: dir, fresh: true });
    expect(fresh.run.id).not.toBe(first.run.id);
    expect(fresh.resumed).toBeUndefined();

    const nothing = await loadOk(`${header}nodes:\n  - id: only\n    bash: exit 1\n`, { dir: tempRepo() });
    const failed = await startRun(deps(), { workflow: nothing, workingPath: dir });
    const again = await startRun(deps(), { workflow: nothing, workingPath: dir });
    expect(again.run.id).not.toBe(failed.run.id);
  });

  it('adds up the usage of the failed attempt and of its resume', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: ask\n    prompt: hi\n  - id: gate\n    depends_on: [ask]\n    bash: '[ -f ok ] || exit 1'\n  - id: finish\n    depends_on: [gate]\n    prompt: bye\n`,
      { dir },
    );
    const env = { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}` };
    const first = await startRun(deps(), { workflow, workingPath: dir, env });
    expect(first.result.usage?.costUsd).toBeCloseTo(0.0123);
    writeFileSync(join(dir, 'ok'), '');
    const second = await startRun(deps(), { workflow, workingPath: dir, env });
    expect(second.result.status).toBe('completed');
    expect(second.result.usage?.costUsd).toBeCloseTo(0.0246);
    expect((await store.getRun(second.run.id))!.metadata.usage?.costUsd).toBeCloseTo(0.0246);
  });

  it('refuses a second run on a busy path, naming the active run and how to cancel it', async () => {
    const dir = tempRepo();
    const gated = await loadOk(`${header}nodes:\n  - id: gate\n    approval: {message: ok?}\n`, { dir });
    const paused = await startRun(deps(), { workflow: gated, workingPath: dir });
    expect(paused.run.status).toBe('paused');
    const other = await loadOk('name: other\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n', { dir });
    const refusal = await startRun(deps(), { workflow: other, workingPath: dir }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RunRefusedError);
    expect(refusal).toMatchObject({ code: 'path_busy', data: { activeRun: { id: paused.run.id } } });
    // The core names the run in the way; the CLI adds how to answer or cancel it in its own commands.
    expect((refusal as Error).message).toContain(`in use by run ${paused.run.id} of 'lifecycle'`);
    expect((refusal as Error).message).not.toContain('archal workflow');
    const printed = describeError(refusal as RunRefusedError);
    expect(printed).toContain(`archal workflow cancel ${paused.run.id}`);
    expect(printed).toContain(`archal workflow approve ${paused.run.id}`);
  });

  it('does not let a stale run block: dead owner at once, silent heartbeat after the threshold', async () => {
    const dir = tempRepo();
    const crashed = await orphanedRun(`crashed-${backend.name}-${Date.now()}`, dir, 'other');
    expect(isStale(crashed, deps())).toBe(true);
    expect(isStale({ ...crashed, ownerPid: process.pid }, { owner: { pid: 1, host: 'test-host' } })).toBe(false);
    expect(isStale({ ...crashed, ownerHost: 'elsewhere' }, deps())).toBe(false);
    expect(
      isStale(
        { ...crashed, ownerHost: 'elsewhere', lastActivityAt: new Date(Date.now() - 60_000).toISOString() },
        { ...deps(), staleAfterMs: 30_000 },
      ),
    ).toBe(true);
    const workflow = await loadOk(`${header}nodes:\n  - id: a\n    bash: echo fine\n`, { dir });
    const run = await startRun(deps(), { workflow, workingPath: dir });
    expect(run.result.status).toBe('completed');
  });

  it('resumes an interrupted run whose owner died, and fails it when nothing completed', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: a\n    bash: echo a\n  - id: b\n    depends_on: [a]\n    bash: echo b\n`,
      { dir },
    );
    const runId = `interrupted-${backend.name}-${Date.now()}`;
    await orphanedRun(runId, dir);
    // A node process the dead owner never got to record: found by the run id in its environment.
    const orphan = spawn('sleep', ['30'], { env: { ...process.env, ARCHAL_RUN_ID: runId }, stdio: 'ignore' });
    await store.appendEvent({
      type: 'node_completed',
      runId,
      nodeId: 'a',
      data: { node_output: 'from before' },
      ts: new Date().toISOString(),
    });
    const resumed = await startRun(deps(), { workflow, workingPath: dir });
    expect(resumed.run.id).toBe(runId);
    expect(resumed.result.nodes.a!.output).toBe('from before');
    await waitFor(() => !isRunning(orphan.pid!), 5000, 'the unrecorded orphan to be killed');

    const dir2 = tempRepo();
    const lost = `lost-${backend.name}-${Date.now()}`;
    await orphanedRun(lost, dir2);
    const fresh = await startRun(deps(), { workflow, workingPath: dir2 });
    expect(fresh.run.id).not.toBe(lost);
    expect((await store.getRun(lost))!.status).toBe('failed');
  });

  it('continues a run in the checkout of the host that took it over: the run moves there', async () => {
    const [first, second] = [tempRepo(), tempRepo()];
    const workflow = await loadOk(
      `${header}nodes:\n  - id: a\n    bash: echo a\n  - id: b\n    depends_on: [a]\n    bash: pwd\n`,
      { dir: first },
    );
    const runId = `moved-${backend.name}-${Date.now()}`;
    const orphan = await orphanedRun(runId, first);
    await store.appendEvent({
      type: 'node_completed',
      runId,
      nodeId: 'a',
      data: { node_output: 'a' },
      ts: new Date().toISOString(),
    });
    const resumed = await resumeRun(deps(), orphan, { workflow, workingPath: second });
    expect(resumed.result.status).toBe('completed');
    expect(resumed.result.nodes.a!.skipReason).toBe('prior_success');
    expect(resumed.result.nodes.b!.output).toBe(second);
    expect((await store.getRun(runId))!.workingPath).toBe(second);

    const gated = await loadOk(
      `${header}nodes:\n  - id: gate\n    approval: {message: go?}\n  - id: where\n    depends_on: [gate]\n    bash: pwd\n`,
      { dir: first },
    );
    const paused = await startRun(deps(), { workflow: gated, workingPath: first });
    expect(paused.run.status).toBe('paused');
    const approved = await approveRun(deps(), paused.run, 'go', { workflow: gated, workingPath: second });
    expect(approved.kind).toBe('continued');
    expect(approved.kind === 'continued' && approved.result.nodes.where!.output).toBe(second);
    expect((await store.getRun(paused.run.id))!.workingPath).toBe(second);
  });

  it('approves a paused run once, captures the comment, and continues it', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: plan\n    bash: echo plan\n  - id: gate\n    depends_on: [plan]\n    approval: {message: "go with $plan.output?", capture_response: true}\n  - id: apply\n    depends_on: [gate]\n    bash: "printf 'applied: %s' $gate.output"\n`,
      { dir },
    );
    const paused = await startRun(deps(), { workflow, workingPath: dir });
    expect(paused.run).toMatchObject({
      status: 'paused',
      metadata: { approval: { nodeId: 'gate', message: 'go with plan?', captureResponse: true } },
    });

    const outcomes = await Promise.allSettled([
      approveRun(deps(), paused.run, 'ship it', { workflow }),
      approveRun(deps(), paused.run, 'me too', { workflow }),
      rejectRun(deps(), paused.run, 'no'),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const winner = outcomes.find((outcome) => outcome.status === 'fulfilled')!;
    const final = await store.getRun(paused.run.id);
    if (final!.status === 'completed') {
      const approved = (winner as PromiseFulfilledResult<Awaited<ReturnType<typeof approveRun>>>).value;
      if (approved.kind !== 'continued') throw new Error('the paused run should continue in the approving process');
      const { result } = approved;
      expect(['applied: ship it', 'applied: me too']).toContain(result.nodes.apply!.output);
      expect(result.nodes.plan!.skipReason).toBe('prior_success');
    } else expect(final!.status).toBe('cancelled');
    const received = await store.listEvents(paused.run.id, ['approval_received']);
    expect(received).toHaveLength(1);
  });

  it('takes an approval as soon as the gate waits; the running execution continues the approved branch', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: slow\n    bash: sleep 3; echo slow\n  - id: gate\n    approval: {message: "go?", capture_response: true}\n  - id: apply\n    depends_on: [gate]\n    bash: "printf 'applied %s' $gate.output"\n`,
      { dir },
    );
    const runner = deps();
    runner.engine = { ...runner.engine, approvalPollMs: 50 };
    const running = startRun(runner, { workflow, workingPath: dir });
    let paused;
    for (let i = 0; i < 100 && !paused; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [paused] = await store.listRuns({ workingPath: dir, statuses: ['paused'] });
    }
    expect(paused!.metadata.approval).toMatchObject({ nodeId: 'gate', live: true });
    const approved = await approveRun(deps(), paused!, 'now', { workflow });
    expect(approved).toMatchObject({ kind: 'handed_over', nodeId: 'gate' });
    const outcome = await running;
    expect(outcome.result.status).toBe('completed');
    expect(outcome.result.nodes.apply!.output).toBe('applied now');
    expect(outcome.run.status).toBe('completed');
    const events = await store.listEvents(paused!.id, ['approval_received', 'node_completed']);
    expect(events.filter((event) => event.type === 'approval_received')).toHaveLength(1);
    expect(events.filter((event) => event.nodeId === 'gate')).toHaveLength(2);
    // The approved branch did not wait for the slow one.
    const completed = events.filter((event) => event.type === 'node_completed').map((event) => event.nodeId);
    expect(completed.indexOf('apply')).toBeLessThan(completed.indexOf('slow'));
  });

  it('records how a run ended when another branch cancels it while an approval waits', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: gate\n    approval: {message: "go?"}\n  - id: check\n    bash: sleep 0.3\n  - id: stop\n    depends_on: [check]\n    cancel: "nothing to do"\n`,
      { dir },
    );
    const outcome = await startRun(deps(), { workflow, workingPath: dir });
    expect(outcome.result.status).toBe('cancelled');
    expect(outcome.run).toMatchObject({ status: 'cancelled' });
    expect((await store.getRun(outcome.run.id))!.status).toBe('cancelled');
  });

  it('rejects a paused run: cancelled, with the gate failed and the reason recorded', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: gate\n    approval: {message: deploy?}\n  - id: deploy\n    depends_on: [gate]\n    bash: echo deployed\n`,
      { dir },
    );
    const paused = await startRun(deps(), { workflow, workingPath: dir });
    const rejected = await rejectRun(deps(), paused.run, 'too risky');
    expect(rejected).toMatchObject({
      status: 'cancelled',
      metadata: { approval: { resolved: 'rejected' }, error: "Rejected at 'gate': too risky" },
    });
    const events = await store.listEvents(paused.run.id);
    expect(events.filter((e) => e.nodeId === 'gate').map((e) => e.type)).toEqual([
      'node_started',
      'approval_requested',
      'workflow_paused',
      'approval_received',
      'node_failed',
      'workflow_cancelled',
    ]);
    await expect(approveRun(deps(), rejected, 'late', { workflow })).rejects.toThrow(
      'is cancelled; it is not waiting for an approval',
    );
  });

  it('cancels a running run from outside: the run notices, stops its processes and stays cancelled', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}nodes:\n  - id: long\n    bash: sleep 30\n  - id: after\n    depends_on: [long]\n    bash: echo never\n`,
      { dir },
    );
    const runner = deps();
    runner.engine = { ...runner.engine, heartbeatIntervalMs: 50 };
    const started = Date.now();
    const running = startRun(runner, { workflow, workingPath: dir });
    let run: RunRecord | undefined;
    await waitFor(
      async () => {
        [run] = await store.listRuns({ workingPath: dir, statuses: ['running'] });
        return run !== undefined && (await store.listProcesses(run.id)).length > 0;
      },
      5000,
      "the run's bash node to start",
    );
    const killed: number[] = [];
    const cancelled = await cancelRun(deps({ killProcessGroup: (pid) => killed.push(pid) }), run!, 'stop it');
    expect(cancelled.cancelled).toBe(true);
    expect(killed).toHaveLength(1);
    const outcome = await running;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(outcome.result.status).toBe('cancelled');
    expect(outcome.result.nodes.after!.skipReason).toBe('run_cancelled');
    expect((await store.getRun(run!.id))!.status).toBe('cancelled');
    expect((await cancelRun(deps(), run!)).cancelled).toBe(false);
  });

  it('keeps the heartbeat fresh while a long bash node runs', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(`${header}nodes:\n  - id: quiet\n    bash: sleep 0.6\n`, { dir });
    const runner = deps();
    runner.engine = { ...runner.engine, heartbeatIntervalMs: 100 };
    const running = startRun(runner, { workflow, workingPath: dir });
    let run;
    for (let i = 0; i < 100 && !run; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [run] = await store.listRuns({ workingPath: dir, statuses: ['running'] });
    }
    const first = run!.lastActivityAt;
    await new Promise((resolve) => setTimeout(resolve, 350));
    const later = (await store.getRun(run!.id))!.lastActivityAt;
    expect(later > first).toBe(true);
    expect((await running).result.status).toBe('completed');
  });

  it('marks a run failed when its setup fails, never leaving it running', async () => {
    const dir = tempRepo();
    writeFileSync(join(dir, '.archal'), 'a file where the artifacts directory should go');
    const workflow = await loadOk(`${header}nodes:\n  - id: a\n    bash: echo\n`, { dir: tempRepo() });
    const outcome = await startRun(deps(), { workflow, workingPath: dir });
    expect(outcome.result.status).toBe('failed');
    expect(outcome.result.error).toContain('Could not set up the run');
    expect((await store.getRun(outcome.run.id))!.status).toBe('failed');
  });

  it('resolves run ids by unique prefix', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(`${header}nodes:\n  - id: a\n    bash: echo\n`, { dir });
    const { run } = await startRun(deps(), { workflow, workingPath: dir });
    expect((await findRun(store, run.id.slice(0, 8))).id).toBe(run.id);
    await expect(findRun(store, 'zzzzzzzz')).rejects.toThrow("No run with id 'zzzzzzzz'");
    await expect(findRun(store, run.id.slice(0, 2))).rejects.toThrow('give at least 4 characters');
    await expect(resumeRun(deps(), (await store.getRun(run.id))!, { workflow })).rejects.toThrow(
      'only failed or interrupted runs can be resumed',
    );
  });
});

/** The pid of a process that has already exited. */
function exitedPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('true');
    child.on('close', () => resolve(child.pid!));
  });
}
