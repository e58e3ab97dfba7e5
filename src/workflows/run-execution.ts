import { errorMessage } from '../lib/errors.js';
import { addUsage } from '../providers/types.js';
import { fanOut, type EventSink, type WorkflowEvent } from './events.js';
import { executeWorkflow, type PriorOutputs, type WorkflowRunResult } from './executor.js';
import type { LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import type { Workflow } from './model.js';
import { loadPrior } from './prior.js';
import type { ApprovalDecision, EngineDeps } from './run-context.js';
import { appendAll } from './run-events.js';
import type { ApprovalState, RunRecord, StoredRunStatus, WorkflowRunStore } from './run-store.js';

/**
 * One execution of a stored run: the engine with the store as a sink, heartbeats that notice a
 * cancel from elsewhere, node processes recorded as they start, approvals recorded as soon as they
 * wait (and decisions on them picked up while other branches run), and the outcome recorded with
 * compare-and-swap (a cancel or a decision made meanwhile stands).
 */

export async function execute(
  deps: LifecycleDeps,
  run: RunRecord,
  request: StartRequest,
  prior: PriorOutputs | undefined,
  skipped: number,
): Promise<RunOutcome> {
  const { store } = deps;
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  request.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const log = deps.engine.log ?? (() => {});
  const sinks: EventSink[] = [new StoreSink(store, log)];
  if (deps.engine.sink) sinks.push(deps.engine.sink);

  let result: WorkflowRunResult;
  try {
    result = await executeWorkflow(
      {
        ...deps.engine,
        sink: fanOut(...sinks),
        heartbeat: () => {
          void store.heartbeat(run.id).then(
            (status) => {
              if (status === 'cancelled') abort.abort();
            },
            () => {},
          );
        },
        onProcess: processTracker(store, run.id, deps.owner.host),
        onApprovalRequested: async ({ nodeId, message }) => {
          // Paused from now on, while other branches go on: the approval can be answered at once.
          const approval: ApprovalState = {
            nodeId,
            message,
            captureResponse: captureResponse(request.workflow, nodeId),
            live: true,
          };
          await store.changeStatus(run.id, { from: ['running'], to: 'paused', metadata: { approval } }).catch(() => {});
        },
        approvalDecision: (nodeId) => decisionOn(store, run.id, nodeId),
      },
      { ...request, cwd: request.workingPath, runId: run.id, prior, signal: abort.signal },
    );
  } catch (error) {
    // Never leave a run 'running' behind: an unexpected failure is recorded as one.
    const message = errorMessage(error);
    await store.changeStatus(run.id, {
      from: ['running', 'pending', 'paused'],
      to: 'failed',
      metadata: { error: message },
    });
    throw error;
  } finally {
    request.signal?.removeEventListener('abort', onOuterAbort);
  }

  const status: StoredRunStatus = result.status;
  const metadata = {
    error: result.error,
    usage: addUsage(undefined, result.usage),
    nodeCounts: countStates(result),
    ...(result.pause
      ? {
          approval: {
            nodeId: result.pause.nodeId,
            message: result.pause.message,
            captureResponse: captureResponse(request.workflow, result.pause.nodeId),
            live: false,
          },
        }
      : {}),
  };
  // 'paused' in the store is this execution's own waiting approval (a decision moves the run on to
  // 'running' or 'cancelled'). If someone cancelled the run meanwhile, their decision stands.
  const recorded = await store.changeStatus(run.id, {
    from: status === 'paused' ? ['paused'] : ['running', 'paused'],
    to: status,
    metadata,
  });
  const final = (await store.getRun(run.id))!;
  if (!recorded && status === 'paused' && approvedMeanwhile(final, result.pause!.nodeId)) {
    // Approved between the engine's last look and the end of this execution: go on here.
    const approval = final.metadata.approval!;
    await appendAll(store, run.id, [
      [
        'node_completed',
        approval.nodeId,
        { node_output: approval.output ?? '', approval_decision: 'approved', attempts: 1 },
      ],
    ]);
    const next = await loadPrior(store, run.id);
    log(`Approved '${approval.nodeId}' meanwhile; continuing run ${run.id}.`);
    const continued = await execute(deps, final, request, next, next.outputs.size);
    return { ...continued, ...(prior ? { resumed: { skipped } } : {}) };
  }
  if (final.status === 'cancelled' && status !== 'cancelled')
    result = { ...result, status: 'cancelled', error: final.metadata.error ?? result.error };
  return { result, run: final, ...(prior ? { resumed: { skipped } } : {}) };
}

/** The decision on a waiting approval, as the store has it now. */
async function decisionOn(
  store: WorkflowRunStore,
  runId: string,
  nodeId: string,
): Promise<ApprovalDecision | undefined> {
  const run = await store.getRun(runId);
  if (!run) return undefined;
  if (run.status === 'cancelled') return { decision: 'rejected', reason: run.metadata.error ?? 'Cancelled' };
  if (approvedMeanwhile(run, nodeId)) {
    const approval = run.metadata.approval!;
    return { decision: 'approved', output: approval.output ?? '', comment: approval.comment ?? '' };
  }
  return undefined;
}

function approvedMeanwhile(run: RunRecord, nodeId: string): boolean {
  const approval = run.metadata.approval;
  return run.status === 'running' && approval?.nodeId === nodeId && approval.resolved === 'approved';
}

/**
 * Persists the engine's events. The store writes appends in call order (batching those of the
 * same moment), so the run's sequence follows emission order; `workflow event emit` from inside a
 * node interleaves without losing anything. A failing write is reported once, never fatal.
 */
class StoreSink implements EventSink {
  private writes: Array<Promise<unknown>> = [];
  private reported = false;
  constructor(
    private readonly store: WorkflowRunStore,
    private readonly log: (message: string) => void,
  ) {}
  write(stored: WorkflowEvent): void {
    this.writes.push(
      this.store.appendEvent(stored).catch((error: unknown) => {
        if (this.reported) return;
        this.reported = true;
        this.log(`⚠️ Cannot store run events (${errorMessage(error)}); the JSONL transcript still has them.`);
      }),
    );
  }
  async flush(): Promise<void> {
    const writes = this.writes;
    this.writes = [];
    await Promise.all(writes);
  }
}

/**
 * Records node processes in the store while they run, so that `workflow cancel` (or a resume after
 * a crash) can stop them even when this process is gone.
 */
function processTracker(store: WorkflowRunStore, runId: string, host: string): EngineDeps['onProcess'] {
  const recorded = new Map<number, Promise<void>>();
  return ({ nodeId, pid, phase }) => {
    if (phase === 'start') {
      recorded.set(
        pid,
        store.trackProcess({ runId, pid, nodeId, host }).catch(() => {}),
      );
      return;
    }
    const tracking = recorded.get(pid) ?? Promise.resolve();
    recorded.delete(pid);
    void tracking.then(() => store.untrackProcess(runId, pid)).catch(() => {});
  };
}

function captureResponse(workflow: Workflow, nodeId: string): boolean {
  const node = workflow.nodes.find((candidate) => candidate.id === nodeId);
  return node?.kind === 'approval' ? node.approval.capture_response : false;
}

function countStates(result: WorkflowRunResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of Object.values(result.nodes)) counts[node.state] = (counts[node.state] ?? 0) + 1;
  return counts;
}
