import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { MemorySink } from '../../src/workflows/events.js';
import {
  approveRun,
  continueRejection,
  rejectionContinues,
  startRun,
  type ApprovalOutcome,
  type LifecycleDeps,
} from '../../src/workflows/lifecycle.js';
import type { WorkflowRunStore } from '../../src/workflows/run-store.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { loadOk, recordingClock, workflowsIn, writeFiles } from '../helpers/engine.js';
import { RUN_STORES } from '../helpers/stores.js';
import { tempRepo } from '../helpers/tmp.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The approval continued the run in this process (gates with decisions, reworks and loops always do). */
function continued(outcome: ApprovalOutcome): Extract<ApprovalOutcome, { kind: 'continued' }> {
  if (outcome.kind !== 'continued')
    throw new Error(`expected the approval to continue the run here, got ${outcome.kind}`);
  return outcome;
}

const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));

/** Archon's run-level behaviours through the run store: sub-runs, interactive gates, decisions, checkout locks, sessions. */

const header = 'name: archon-lifecycle\ndescription: lifecycle of Archon workflows\n';
const echoAi = 'provider: exec\nexec: {command: head, args: ["-n", "1"]}\n';

describe.each(RUN_STORES)('Archon workflows through the run store ($name)', (backend) => {
  let store: WorkflowRunStore;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
  });

  function deps(dir: string, env: NodeJS.ProcessEnv = process.env): LifecycleDeps & { logs: string[] } {
    const logs: string[] = [];
    return {
      store,
      engine: {
        providers: createProviderRegistry({}),
        env,
        clock: recordingClock(),
        log: (line) => logs.push(line),
        sink: new MemorySink(),
        resolveWorkflow: workflowsIn(dir),
      },
      owner: { pid: process.pid, host: 'test-host' },
      logs,
    };
  }

  it("records a workflow: node's child as a run of its own, linked to its parent", async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archon/workflows/child.yaml':
        'name: child-flow\ndescription: c\nnodes:\n  - id: say\n    bash: printf "child says %s" "$ARGUMENTS"\n',
    });
    const workflow = await loadOk(`${header}nodes:\n  - id: delegate\n    workflow: child-flow\n    input: hello\n`, {
      dir,
    });
    const outcome = await startRun(deps(dir), { workflow, workingPath: dir, conversationId: 'acme/widgets#3' });
    expect(outcome.result.status).toBe('completed');
    expect(outcome.result.nodes.delegate!.output).toBe('child says hello');
    const children = (await store.listRuns({ workflowName: 'child-flow', conversationId: 'acme/widgets#3' })).filter(
      (run) => run.metadata.parentRunId === outcome.run.id,
    );
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ status: 'completed', metadata: { parentNodeId: 'delegate' } });
    const completed = (await store.listEvents(outcome.run.id, ['node_completed'])).find(
      (event) => event.nodeId === 'delegate',
    );
    expect(completed!.data.child_run_id).toBe(children[0]!.id);
  });

  it('answers an interactive loop: an answer runs another iteration, a bare approval accepts a completed one', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}${echoAi}interactive: true
nodes:
  - id: draft
    loop:
      prompt: "draft v$LOOP_USER_INPUT DONE"
      until: DONE
      max_iterations: 5
      interactive: true
      gate_message: Good?
  - id: publish
    depends_on: [draft]
    bash: echo published $draft.output
`,
      { dir },
    );
    const d = deps(dir);
    const first = await startRun(d, { workflow, workingPath: dir });
    expect(first.run.status).toBe('paused');
    expect(first.run.metadata.approval).toMatchObject({
      nodeId: 'draft',
      type: 'interactive_loop',
      iteration: 1,
      completionSignaled: true,
    });
    const second = continued(await approveRun(d, first.run, '2', { workflow }));
    expect(second.run.status).toBe('paused');
    expect(second.run.metadata.approval).toMatchObject({ iteration: 2, output: 'draft v2 DONE' });
    const third = continued(await approveRun(d, second.run, undefined, { workflow }));
    expect(third.result.status).toBe('completed');
    expect(third.result.nodes.publish!.output).toBe('published draft v2 DONE');
  });

  it('continues the run with a declared reject decision instead of cancelling it', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}interactive: true
nodes:
  - id: gate
    approval:
      message: Ship it?
      decisions: [{id: approve}, {id: reject}]
  - id: rework
    depends_on: [gate]
    when: "$gate.output.decision == 'reject'"
    bash: echo reworking because $gate.output.text
`,
      { dir },
    );
    const d = deps(dir);
    const paused = await startRun(d, { workflow, workingPath: dir });
    expect(rejectionContinues(paused.run)).toBe(true);
    const outcome = await continueRejection(d, paused.run, 'tests are red', { workflow });
    expect(outcome.result.status).toBe('completed');
    expect(outcome.result.nodes.rework!.output).toBe('reworking because tests are red');
  });

  it('reworks after a rejection with on_reject ($REJECTION_REASON), then asks again', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}${echoAi}interactive: true
nodes:
  - id: gate
    approval:
      message: Ship it?
      on_reject: {prompt: "Rework because $REJECTION_REASON", max_attempts: 2}
  - id: after
    depends_on: [gate]
    bash: echo shipped
`,
      { dir },
    );
    const d = deps(dir);
    const paused = await startRun(d, { workflow, workingPath: dir });
    expect(paused.result.pause).toMatchObject({ nodeId: 'gate', message: 'Ship it?' });
    expect(rejectionContinues(paused.run)).toBe(true);
    const again = await continueRejection(d, paused.run, 'too slow', { workflow });
    expect(again.result.status).toBe('paused');
    expect(again.result.pause!.message).toContain('Rework because too slow');
    const done = continued(await approveRun(d, again.run, undefined, { workflow }));
    expect(done.result.status).toBe('completed');
    expect(done.result.nodes.after!.output).toBe('shipped');
  });

  it('continues a persist_session node in the session the previous run left', async () => {
    const dir = tempRepo();
    const log = join(dir, '.git', 'claude-calls.jsonl');
    const env = { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}`, FAKE_CLAUDE_LOG: log };
    const workflow = await loadOk(
      `${header}nodes:\n  - id: chat\n    provider: claude\n    prompt: "remember $ARGUMENTS"\n    persist_session: true\n`,
      { dir },
    );
    const first = await startRun(deps(dir, env), { workflow, workingPath: dir, userMessage: 'one' });
    expect(first.result.status).toBe('completed');
    const second = await startRun(deps(dir, env), { workflow, workingPath: dir, userMessage: 'two' });
    expect(second.result.status).toBe('completed');
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { argv: string[] });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.argv.some((arg) => arg.startsWith('--resume'))).toBe(false);
    const resumed = calls[1]!.argv.find((arg) => arg.startsWith('--resume='))?.slice('--resume='.length);
    const firstSession = (await store.listEvents(first.run.id, ['node_completed'])).find((e) => e.nodeId === 'chat')!
      .data.session_id;
    expect(resumed).toBe(firstSession);
  });

  it("starts a persist_session node afresh, with a warning, when the CLI no longer has the previous run's session", async () => {
    const dir = tempRepo();
    const log = join(dir, '.git', 'claude-calls.jsonl');
    const env = (home: string) => ({
      ...process.env,
      PATH: `${FAKE_BIN}:${process.env.PATH}`,
      FAKE_CLAUDE_LOG: log,
      CLAUDE_CONFIG_DIR: join(dir, '.git', home),
    });
    const workflow = await loadOk(
      `${header}nodes:\n  - id: chat\n    provider: claude\n    prompt: "remember $ARGUMENTS"\n    persist_session: true\n`,
      { dir },
    );
    const first = await startRun(deps(dir, env('machine-a')), { workflow, workingPath: dir, userMessage: 'one' });
    expect(first.result.status).toBe('completed');
    // The next run happens where Claude Code keeps other sessions (another runner, a cleaned ~/.claude).
    const secondDeps = deps(dir, env('machine-b'));
    const second = await startRun(secondDeps, { workflow, workingPath: dir, userMessage: 'two' });
    expect(second.result.status).toBe('completed');
    expect(second.result.nodes.chat!.output).toBe('Done: remember two');
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { argv: string[]; session: string });
    const firstSession = calls[0]!.session;
    expect(calls.map((call) => call.argv.find((arg) => arg.startsWith('--resume=')))).toEqual([
      undefined,
      `--resume=${firstSession}`,
      undefined,
    ]);
    expect(secondDeps.logs).toContainEqual(
      `⚠️ Node 'chat': the claude CLI no longer has the session ${firstSession} of an earlier run; starting a fresh session`,
    );
  });

  it('lets runs of a workflow that does not mutate the checkout share the working path', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `${header}mutates_checkout: false\ninteractive: true\nnodes:\n  - id: wait\n    approval: {message: hold}\n`,
      { dir },
    );
    const first = await startRun(deps(dir), { workflow, workingPath: dir, fresh: true });
    expect(first.run.status).toBe('paused');
    const second = await startRun(deps(dir), { workflow, workingPath: dir, fresh: true });
    expect(second.run.status).toBe('paused');
    expect(second.run.id).not.toBe(first.run.id);
  });
});
