import type { WorkflowEvent } from './events.js';
import type { Continuation, LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import { loadPrior } from './prior.js';
import { RunRefusedError } from './run-errors.js';
import { execute } from './run-execution.js';
import type { ApprovalState, RunRecord, WorkflowRunStore } from './run-store.js';

/**
 * Answering a paused run: an approval node (approve, reject, a declared decision, a rework with
 * `on_reject`) or an interactive loop's gate (accept its completion, or iterate with the answer as
 * $LOOP_USER_INPUT). Exactly one decision wins (compare-and-swap on the run's status).
 */

/** Records an approval (one decision wins) and continues the run in this process. */
export async function approveRun(
  deps: LifecycleDeps,
  run: RunRecord,
  comment: string | undefined,
  request: Continuation,
): Promise<RunOutcome> {
  const approval = pendingApproval(run);
  await claim(deps, run, request, approval, 'approved');
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
  await claim(deps, run, request, approval, 'rejected', { rejections: (approval.rejections ?? 0) + 1 });
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

/** Records a rejection (one decision wins): the run is cancelled. */
export async function rejectRun(deps: LifecycleDeps, run: RunRecord, reason: string | undefined): Promise<RunRecord> {
  const approval = pendingApproval(run);
  const text = reason?.trim() || 'Rejected';
  const won = await deps.store.changeStatus(run.id, {
    from: ['paused'],
    to: 'cancelled',
    metadata: { approval: { ...approval, resolved: 'rejected' }, error: `Rejected at '${approval.nodeId}': ${text}` },
  });
  if (!won) throw alreadyDecided(run);
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision: 'rejected', reason: text }],
    ['node_failed', approval.nodeId, { error: `Rejected: ${text}`, approval_decision: 'rejected' }],
    ['workflow_cancelled', approval.nodeId, { reason: `Rejected at '${approval.nodeId}': ${text}` }],
  ]);
  return (await deps.store.getRun(run.id))!;
}

/** Takes the paused run for this decision: exactly one of several concurrent deciders wins. */
async function claim(
  deps: LifecycleDeps,
  run: RunRecord,
  request: Continuation,
  approval: ApprovalState,
  resolved: 'approved' | 'rejected',
  extra: Partial<ApprovalState> = {},
): Promise<void> {
  const moved = request.workingPath && request.workingPath !== run.workingPath;
  const won = await deps.store.changeStatus(run.id, {
    from: ['paused'],
    to: 'running',
    owner: deps.owner,
    ...(moved ? { workingPath: request.workingPath } : {}),
    metadata: { approval: { ...approval, ...extra, resolved } },
  });
  if (!won) throw alreadyDecided(run);
}

async function continueRun(
  deps: LifecycleDeps,
  run: RunRecord,
  request: Continuation,
  notice: string,
  extra: Pick<StartRequest, 'gateResume' | 'rework'> = {},
): Promise<RunOutcome> {
  const prior = await loadPrior(deps.store, run.id);
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

export function event(
  runId: string,
  type: WorkflowEvent['type'],
  nodeId: string | undefined,
  data: Record<string, unknown>,
): WorkflowEvent {
  return { type, runId, ...(nodeId ? { nodeId } : {}), data, ts: new Date().toISOString() };
}

async function appendAll(
  store: WorkflowRunStore,
  runId: string,
  events: Array<[WorkflowEvent['type'], string, Record<string, unknown>]>,
) {
  // The store writes appends in call order, batching those of the same moment.
  await Promise.all(events.map(([type, nodeId, data]) => store.appendEvent(event(runId, type, nodeId, data))));
}
