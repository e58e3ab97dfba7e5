import type { WorkflowEvent } from './events.js';
import type { Continuation, LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import { loadRunPrior } from './prior.js';
import { RunRefusedError } from './run-errors.js';
import { appendAll, appendEvents } from './run-events.js';
import { execute } from './run-execution.js';
import { DEFAULT_STALE_AFTER_MS, otherLocalOwner, processAlive, stopLeftovers } from './run-processes.js';
import type { ApprovalState, RunRecord } from './run-store.js';

/**
 * Answering a paused run: an approval node (approve, reject, a declared decision, a rework with
 * `on_reject`) or an interactive loop's gate (accept its completion, or iterate with the answer as
 * $LOOP_USER_INPUT). Exactly one decision wins (compare-and-swap on the run's status).
 *
 * A plain approval is answerable as soon as it waits: while its owner still executes other
 * branches (`live`), an approval is handed to the owner, which continues the waiting branch
 * itself; once the owner's execution has ended (or its process is gone), the approver continues
 * the run. Exactly one of them does, whatever the timing.
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
  request: Continuation,
): Promise<ApprovalOutcome> {
  let current = run;
  for (let tries = 0; tries < MAX_DECISION_TRIES; tries++) {
    const approval = pendingApproval(current);
    if (approval.live && ownerExecuting(deps, current)) {
      const handed = await handOver(deps, current, approval, comment);
      if (handed) return handed;
    } else if (await claim(deps, current, request, approval, 'approved', { live: false })) {
      // An owner that died while other branches ran may have left their processes behind.
      if (approval.live) await stopLeftovers(deps, current);
      return { kind: 'continued', ...(await approvedHere(deps, current, approval, comment, request)) };
    }
    // Lost a race (a heartbeat, the owner ending its execution, another decision): look again.
    const reloaded = await deps.store.getRun(current.id);
    // Not paused any more: the winner took it (and may have finished the run already).
    if (!reloaded || reloaded.status !== 'paused') throw alreadyDecided(reloaded ?? current);
    current = reloaded;
  }
  throw alreadyDecided(current);
}

/** The owner polls for the decision and continues the branch; the owner stays who it is. */
async function handOver(
  deps: LifecycleDeps,
  run: RunRecord,
  approval: ApprovalState,
  comment: string | undefined,
): Promise<ApprovalOutcome | undefined> {
  const text = comment?.trim() || 'Approved';
  const output = approval.captureResponse ? text : '';
  const won = await deps.store.changeStatus(run.id, {
    from: ['paused'],
    to: 'running',
    lastActivityAt: run.lastActivityAt,
    metadata: { approval: { ...approval, resolved: 'approved', comment: text, output } },
  });
  if (!won) return undefined;
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision: 'approved', comment: text, node_output: output }],
  ]);
  deps.engine.log?.(
    `Approved '${approval.nodeId}'; run ${run.id} continues in its process (pid ${run.ownerPid ?? '?'} on ${run.ownerHost ?? '?'}).`,
  );
  return { kind: 'handed_over', run: (await deps.store.getRun(run.id))!, nodeId: approval.nodeId };
}

/** The approver continues the run: the gate completes (or the loop iterates), the rest runs here. */
async function approvedHere(
  deps: LifecycleDeps,
  run: RunRecord,
  approval: ApprovalState,
  comment: string | undefined,
  request: Continuation,
): Promise<RunOutcome> {
  const given = comment?.trim();
  const text = given || 'Approved';
  const received: WorkflowEvent['data'] = { decision: 'approved', comment: text };
  if (approval.type === 'interactive_loop') {
    if (!given && approval.completionSignaled) {
      // Accepting the completion: the node finishes with the iteration's output, nothing runs again.
      await appendAll(deps.store, run.id, [
        ['approval_received', approval.nodeId, { ...received, iteration: approval.iteration }],
        [
          'node_completed',
          approval.nodeId,
          { node_output: approval.output ?? '', iterations: approval.iteration, attempts: 1 },
        ],
      ]);
      return continueRun(deps, run, request, `Accepted '${approval.nodeId}'`);
    }
    await appendAll(deps.store, run.id, [
      ['approval_received', approval.nodeId, { ...received, iteration: approval.iteration }],
    ]);
    return continueRun(deps, run, request, `Continuing loop '${approval.nodeId}' with your answer`, {
      gateResume: {
        nodeId: approval.nodeId,
        iteration: (approval.iteration ?? 0) + 1,
        userInput: text,
        sessionId: approval.sessionId,
      },
    });
  }
  const output = approval.decisions
    ? { node_output: JSON.stringify({ decision: 'approve', text }), structured_output: { decision: 'approve', text } }
    : { node_output: approval.captureResponse ? text : '' };
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, received],
    ['node_completed', approval.nodeId, { ...output, approval_decision: 'approved', attempts: 1 }],
  ]);
  return continueRun(deps, run, request, `Approved '${approval.nodeId}'`);
}

/**
 * Answers an approval that declares `decisions` with one of them: `approve` and `reject` as
 * approveRun and continueRejection do, any other declared id recorded as the node's output
 * `{decision, text}` for downstream `when:` conditions.
 */
export async function decideRun(
  deps: LifecycleDeps,
  run: RunRecord,
  decision: string,
  comment: string | undefined,
  request: Continuation,
): Promise<ApprovalOutcome> {
  const approval = pendingApproval(run);
  const declared = approval.decisions?.find((candidate) => candidate.id === decision);
  if (!declared)
    throw new RunRefusedError(
      'decision_not_declared',
      approval.decisions
        ? `Run ${run.id}: approval '${approval.nodeId}' has no decision '${decision}'; its decisions are ${approval.decisions.map((d) => d.id).join(', ')}.`
        : `Run ${run.id}: '${approval.nodeId}' declares no decisions; answer it with 'archal workflow approve' or 'reject' without --decision.`,
      { run, nodeId: approval.nodeId },
    );
  if (decision === 'approve') return approveRun(deps, run, comment, request);
  if (decision === 'reject') return { kind: 'continued', ...(await continueRejection(deps, run, comment, request)) };
  const text = comment?.trim() || declared.label || decision;
  if (!(await claim(deps, run, request, approval, 'approved'))) throw alreadyDecided(run);
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision, comment: text }],
    [
      'node_completed',
      approval.nodeId,
      {
        node_output: JSON.stringify({ decision, text }),
        structured_output: { decision, text },
        approval_decision: decision,
        attempts: 1,
      },
    ],
  ]);
  return {
    kind: 'continued',
    ...(await continueRun(deps, run, request, `Decided '${decision}' at '${approval.nodeId}'`)),
  };
}

/**
 * Whether a rejection continues the run rather than cancelling it: the approval declares a
 * `reject` decision (downstream nodes read it), or it reworks (`on_reject`) and may still ask again.
 */
export function rejectionContinues(run: RunRecord): boolean {
  const approval = run.status === 'paused' ? run.metadata.approval : undefined;
  if (!approval || approval.resolved || approval.type === 'interactive_loop') return false;
  if (approval.decisions?.some((decision) => decision.id === 'reject')) return true;
  return approval.maxRejections !== undefined && (approval.rejections ?? 0) < approval.maxRejections;
}

/** A rejection that continues the run: a `reject` decision recorded as the node's output, or a rework. */
export async function continueRejection(
  deps: LifecycleDeps,
  run: RunRecord,
  reason: string | undefined,
  request: Continuation,
): Promise<RunOutcome> {
  const approval = pendingApproval(run);
  if (!rejectionContinues(run))
    throw new RunRefusedError(
      'run_not_awaiting_approval',
      `Run ${run.id}: rejecting '${approval.nodeId}' cancels the run.`,
      {
        run,
      },
    );
  const text = reason?.trim() || 'Rejected';
  if (!(await claim(deps, run, request, approval, 'rejected', { rejections: (approval.rejections ?? 0) + 1 })))
    throw alreadyDecided(run);
  if (approval.decisions?.some((decision) => decision.id === 'reject')) {
    await appendAll(deps.store, run.id, [
      ['approval_received', approval.nodeId, { decision: 'rejected', reason: text }],
      [
        'node_completed',
        approval.nodeId,
        {
          node_output: JSON.stringify({ decision: 'reject', text }),
          structured_output: { decision: 'reject', text },
          approval_decision: 'rejected',
          attempts: 1,
        },
      ],
    ]);
    return continueRun(deps, run, request, `Rejected '${approval.nodeId}'`);
  }
  await appendAll(deps.store, run.id, [['approval_received', approval.nodeId, { decision: 'rejected', reason: text }]]);
  return continueRun(deps, run, request, `Reworking '${approval.nodeId}' after the rejection`, {
    rework: { nodeId: approval.nodeId, reason: text },
  });
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
    throw alreadyDecided(current ?? run);
  }
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision: 'rejected', reason: text }],
    ['node_failed', approval.nodeId, { error: `Rejected: ${text}`, approval_decision: 'rejected' }],
    ['workflow_cancelled', approval.nodeId, { reason: `Rejected at '${approval.nodeId}': ${text}` }],
  ]);
  return (await deps.store.getRun(run.id))!;
}

/**
 * Takes the paused run for this decision and this process: exactly one of several concurrent
 * deciders wins. False when the run changed since it was read (another decision, a heartbeat).
 */
async function claim(
  deps: LifecycleDeps,
  run: RunRecord,
  request: Continuation,
  approval: ApprovalState,
  resolved: 'approved' | 'rejected',
  extra: Partial<ApprovalState> = {},
): Promise<boolean> {
  const moved = request.workingPath !== undefined && request.workingPath !== run.workingPath;
  return deps.store.changeStatus(run.id, {
    from: ['paused'],
    to: 'running',
    owner: deps.owner,
    ...(moved ? { workingPath: request.workingPath } : {}),
    lastActivityAt: run.lastActivityAt,
    metadata: { approval: { ...approval, ...extra, resolved } },
  });
}

/** Whether the run's owner is still executing it (this process, a live local process, or a fresh heartbeat elsewhere). */
function ownerExecuting(deps: LifecycleDeps, run: RunRecord): boolean {
  if (run.ownerPid === deps.owner.pid && run.ownerHost === deps.owner.host) return true;
  const local = otherLocalOwner(run, deps);
  if (local !== undefined) return (deps.isProcessAlive ?? processAlive)(local);
  return Date.now() - Date.parse(run.lastActivityAt) <= (deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
}

async function continueRun(
  deps: LifecycleDeps,
  run: RunRecord,
  request: Continuation,
  notice: string,
  extra: Pick<StartRequest, 'gateResume' | 'rework'> = {},
): Promise<RunOutcome> {
  // The run is claimed: what its owner, if it died, left only in its transcript is stored now.
  const { prior, recovered } = await loadRunPrior(deps, run);
  await appendEvents(deps.store, recovered);
  deps.engine.log?.(`${notice}; continuing run ${run.id}.`);
  const claimed = (await deps.store.getRun(run.id))!;
  return execute(
    deps,
    claimed,
    {
      ...request,
      ...extra,
      workingPath: claimed.workingPath,
      userMessage: run.userMessage,
      inputs: request.inputs ?? run.metadata.inputs,
    },
    prior,
    prior.outputs.size,
  );
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
