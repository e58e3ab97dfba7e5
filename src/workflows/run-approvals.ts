import type { LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import { loadPrior } from './prior.js';
import { RunRefusedError } from './run-errors.js';
import { appendAll } from './run-events.js';
import { execute } from './run-execution.js';
import { DEFAULT_STALE_AFTER_MS, otherLocalOwner, processAlive, stopLeftovers } from './run-processes.js';
import type { ApprovalState, RunRecord } from './run-store.js';

/**
 * Decisions on approval nodes. A run is approvable as soon as an approval node waits: while its
 * owner still executes other branches, the decision is handed to the owner, which continues the
 * waiting branch itself; once the owner's execution has ended (or its process is gone), the
 * approver continues the run. Exactly one of them does, whatever the timing.
 */

/** What an approval did: continued the run in this process, or handed the decision to the run's owner. */
export type ApprovalOutcome =
  ({ kind: 'continued' } & RunOutcome) | { kind: 'handed_over'; run: RunRecord; nodeId: string };

/** How many times a decision is retried when the run changed under it (a heartbeat, its owner finishing). */
const MAX_DECISION_TRIES = 20;

/** Records an approval (one decision wins) and makes sure the run goes on: here, or in its owner. */
export async function approveRun(
  deps: LifecycleDeps,
  run: RunRecord,
  comment: string | undefined,
  request: Omit<StartRequest, 'workingPath' | 'fresh'>,
): Promise<ApprovalOutcome> {
  const text = comment?.trim() || 'Approved';
  let current = run;
  for (let tries = 0; tries < MAX_DECISION_TRIES; tries++) {
    const approval = pendingApproval(current);
    const output = approval.captureResponse ? text : '';
    const decided: ApprovalState = { ...approval, resolved: 'approved', comment: text, output };
    if (approval.live && ownerExecuting(deps, current)) {
      // The owner polls for the decision and continues the branch; the owner stays who it is.
      const won = await deps.store.changeStatus(current.id, {
        from: ['paused'],
        to: 'running',
        lastActivityAt: current.lastActivityAt,
        metadata: { approval: decided },
      });
      if (won) {
        await appendAll(deps.store, current.id, [
          ['approval_received', approval.nodeId, { decision: 'approved', comment: text, node_output: output }],
        ]);
        deps.engine.log?.(
          `Approved '${approval.nodeId}'; run ${current.id} continues in its process (pid ${current.ownerPid ?? '?'} on ${current.ownerHost ?? '?'}).`,
        );
        return { kind: 'handed_over', run: (await deps.store.getRun(current.id))!, nodeId: approval.nodeId };
      }
    } else {
      const won = await deps.store.changeStatus(current.id, {
        from: ['paused'],
        to: 'running',
        owner: deps.owner,
        lastActivityAt: current.lastActivityAt,
        metadata: { approval: { ...decided, live: false } },
      });
      if (won) return { kind: 'continued', ...(await continueHere(deps, current, approval, text, output, request)) };
    }
    // Lost a race (a heartbeat, the owner ending its execution, another decision): look again.
    const reloaded = await deps.store.getRun(current.id);
    if (!reloaded) throw alreadyDecided(current);
    current = reloaded;
  }
  throw alreadyDecided(current);
}

/** Records a rejection (one decision wins): the run is cancelled, and a live owner stops. */
export async function rejectRun(deps: LifecycleDeps, run: RunRecord, reason: string | undefined): Promise<RunRecord> {
  const approval = pendingApproval(run);
  const text = reason?.trim() || 'Rejected';
  const won = await deps.store.changeStatus(run.id, {
    from: ['paused'],
    to: 'cancelled',
    metadata: {
      approval: { ...approval, resolved: 'rejected', comment: text },
      error: `Rejected at '${approval.nodeId}': ${text}`,
    },
  });
  if (!won) {
    const current = await deps.store.getRun(run.id);
    throw current && current.status !== 'paused' ? alreadyDecided(current) : alreadyDecided(run);
  }
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision: 'rejected', reason: text }],
    ['node_failed', approval.nodeId, { error: `Rejected: ${text}`, approval_decision: 'rejected' }],
    ['workflow_cancelled', approval.nodeId, { reason: `Rejected at '${approval.nodeId}': ${text}` }],
  ]);
  return (await deps.store.getRun(run.id))!;
}

/** The approver continues the run: the gate completes, and the rest runs in this process. */
async function continueHere(
  deps: LifecycleDeps,
  run: RunRecord,
  approval: ApprovalState,
  text: string,
  output: string,
  request: Omit<StartRequest, 'workingPath' | 'fresh'>,
): Promise<RunOutcome> {
  // An owner that died while other branches ran may have left their processes behind.
  if (approval.live) await stopLeftovers(deps, run);
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision: 'approved', comment: text, node_output: output }],
    ['node_completed', approval.nodeId, { node_output: output, approval_decision: 'approved', attempts: 1 }],
  ]);
  const prior = await loadPrior(deps.store, run.id);
  deps.engine.log?.(`Approved '${approval.nodeId}'; continuing run ${run.id}.`);
  return execute(
    deps,
    (await deps.store.getRun(run.id))!,
    { ...request, workingPath: run.workingPath, userMessage: run.userMessage },
    prior,
    prior.outputs.size,
  );
}

/** Whether the run's owner is still executing it (this process, a live local process, or a fresh heartbeat elsewhere). */
function ownerExecuting(deps: LifecycleDeps, run: RunRecord): boolean {
  if (run.ownerPid === deps.owner.pid && run.ownerHost === deps.owner.host) return true;
  const local = otherLocalOwner(run, deps);
  if (local !== undefined) return (deps.isProcessAlive ?? processAlive)(local);
  return Date.now() - Date.parse(run.lastActivityAt) <= (deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
}

function pendingApproval(run: RunRecord): ApprovalState {
  const approval = run.metadata.approval;
  if (approval?.resolved && run.status === 'running')
    throw new RunRefusedError('run_already_decided', `Run ${run.id} was already ${approval.resolved}.`, { run });
  if (run.status !== 'paused' || !approval)
    throw new RunRefusedError(
      'run_not_awaiting_approval',
      `Run ${run.id} is ${run.status}; it is not waiting for an approval.`,
      { run },
    );
  if (approval.resolved)
    throw new RunRefusedError('run_already_decided', `Run ${run.id} was already ${approval.resolved}.`, { run });
  return approval;
}

function alreadyDecided(run: RunRecord): RunRefusedError {
  return new RunRefusedError(
    'run_already_decided',
    `Run ${run.id} was already decided (or cancelled) by someone else.`,
    { run },
  );
}
