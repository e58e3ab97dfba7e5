import { errorMessage } from '../lib/errors.js';
import { addUsage } from '../providers/types.js';
import { fanOut, type EventSink, type WorkflowEvent } from './events.js';
import { executeWorkflow, type PriorOutputs, type WorkflowRunResult } from './executor.js';
import type { LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import type { Workflow } from './model.js';
import type { EngineDeps } from './run-context.js';
import type { RunRecord, StoredRunStatus, WorkflowRunStore } from './run-store.js';

/**
 * One execution of a stored run: the engine with the store as a sink, heartbeats that notice a
 * cancel from elsewhere, node processes recorded as they start, and the outcome recorded with
 * compare-and-swap (a cancel made meanwhile stands).
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
      },
      { ...request, cwd: request.workingPath, runId: run.id, prior, signal: abort.signal },
    );
  } catch (error) {
    // Never leave a run 'running' behind: an unexpected failure is recorded as one.
    const message = errorMessage(error);
    await store.changeStatus(run.id, { from: ['running', 'pending'], to: 'failed', metadata: { error: message } });
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
          },
        }
      : {}),
  };
  // From 'running' only: if someone cancelled the run meanwhile, their decision stands.
  await store.changeStatus(run.id, { from: ['running'], to: status, metadata });
  const final = (await store.getRun(run.id))!;
  if (final.status === 'cancelled' && status !== 'cancelled')
    result = { ...result, status: 'cancelled', error: final.metadata.error ?? result.error };
  return { result, run: final, ...(prior ? { resumed: { skipped } } : {}) };
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
