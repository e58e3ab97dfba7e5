import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createProviderRegistry } from '../../src/providers/registry.js';
import {
  approveRun,
  cancelRun,
  findConversationRun,
  listConversationRuns,
  RunRefusedError,
  startRun,
  type LifecycleDeps,
  type WorkflowRunStore,
} from '../../src/workflows/index.js';
import { loadOk } from '../helpers/engine.js';
import { RUN_STORES } from '../helpers/stores.js';
import { tempRepo } from '../helpers/tmp.js';

const gated = `name: gated
description: waits for a person
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
`;

describe.each(RUN_STORES)('runs found by their conversation on $name', ({ open }) => {
  let store: WorkflowRunStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  // An adapter's dependencies: its own environment map, never the process's.
  const deps = (): LifecycleDeps => ({
    store,
    engine: { providers: createProviderRegistry({}), env: { PATH: process.env.PATH } },
    owner: { pid: process.pid, host: 'adapter-host' },
  });

  it('starts, finds, approves and cancels runs by the conversation id the host gives', async () => {
    const environment = JSON.stringify(process.env);
    const conversation = `acme/widgets#${Math.floor(Math.random() * 1e9)}`;
    const dir = tempRepo();
    const workflow = await loadOk(gated, { dir });

    const paused = await startRun(deps(), { workflow, workingPath: dir, conversationId: conversation });
    expect(paused.run).toMatchObject({ status: 'paused', conversationId: conversation });
    const other = await startRun(deps(), {
      workflow,
      workingPath: tempRepo(),
      conversationId: `${conversation}-other`,
    });

    // Found again by the conversation alone, and only its own runs.
    expect((await listConversationRuns(store, conversation)).map((run) => run.id)).toEqual([paused.run.id]);
    const waiting = await findConversationRun(store, conversation, ['paused']);
    expect(waiting.id).toBe(paused.run.id);

    const approved = await approveRun(deps(), waiting, 'ship it', { workflow });
    if (approved.kind !== 'continued') throw new Error('the paused run should continue in the approving process');
    expect(approved.result.status).toBe('completed');
    expect(approved.result.nodes.apply!.output).toBe('applied (ship it)');
    expect(await findConversationRun(store, conversation)).toMatchObject({ id: paused.run.id, status: 'completed' });

    // A second run of the conversation is the newest; cancelling it by conversation leaves the first as it was.
    const again = await startRun(deps(), { workflow, workingPath: dir, conversationId: conversation });
    const latest = await findConversationRun(store, conversation, ['paused']);
    expect(latest.id).toBe(again.run.id);
    expect((await listConversationRuns(store, conversation)).map((run) => run.id)).toEqual([
      again.run.id,
      paused.run.id,
    ]);
    expect((await cancelRun(deps(), latest, 'closed the issue')).cancelled).toBe(true);
    expect((await store.getRun(again.run.id))!.status).toBe('cancelled');
    expect((await store.getRun(other.run.id))!.status).toBe('paused');
    await expect(findConversationRun(store, conversation, ['paused'])).rejects.toMatchObject({
      code: 'run_not_found',
    });

    // Nothing of this went through the process's environment.
    expect(JSON.stringify(process.env)).toBe(environment);
  });

  it('resumes automatically only a failed run of the same conversation', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(
      `name: flaky\ndescription: x\nnodes:\n  - id: a\n    bash: echo a\n  - id: b\n    depends_on: [a]\n    bash: '[ -f ok ] || exit 1'\n`,
      { dir },
    );
    const failed = await startRun(deps(), { workflow, workingPath: dir, conversationId: 'issue-1' });
    expect(failed.run.status).toBe('failed');
    const other = await startRun(deps(), { workflow, workingPath: dir, conversationId: 'issue-2' });
    expect(other.resumed).toBeUndefined();
    expect(other.run.id).not.toBe(failed.run.id);
    const again = await startRun(deps(), { workflow, workingPath: dir, conversationId: 'issue-1' });
    expect(again).toMatchObject({ resumed: { skipped: 1 }, run: { id: failed.run.id, conversationId: 'issue-1' } });
  });

  it('gives runs started without a conversation a CLI conversation id of their own', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(`name: once\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n`, { dir });
    const first = await startRun(deps(), { workflow, workingPath: dir });
    const second = await startRun(deps(), { workflow, workingPath: dir });
    expect(first.run.conversationId).toMatch(/^cli-\d+-[0-9a-f]{6}$/);
    expect(second.run.conversationId).not.toBe(first.run.conversationId);
  });

  it('lets exactly one of two concurrent approvals win', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(gated, { dir });
    const conversation = `race-${Math.random()}`;
    await startRun(deps(), { workflow, workingPath: dir, conversationId: conversation });
    const run = await findConversationRun(store, conversation, ['paused']);
    const outcomes = await Promise.allSettled([
      approveRun(deps(), run, 'one', { workflow }),
      approveRun(deps(), run, 'two', { workflow }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RunRefusedError);
    expect(refused.reason).toMatchObject({ code: 'run_already_decided' });
  });

  it('tells the loser the run was already decided even when the winner finished it first', async () => {
    const dir = tempRepo();
    const workflow = await loadOk(gated, { dir });
    const conversation = `late-${Math.random()}`;
    await startRun(deps(), { workflow, workingPath: dir, conversationId: conversation });
    const seen = await findConversationRun(store, conversation, ['paused']);
    const winner = await approveRun(deps(), seen, 'one', { workflow });
    expect(winner).toMatchObject({ kind: 'continued', run: { status: 'completed' } });
    const late = approveRun(deps(), seen, 'two', { workflow });
    await expect(late).rejects.toBeInstanceOf(RunRefusedError);
    await expect(late).rejects.toMatchObject({ code: 'run_already_decided' });
  });
});
