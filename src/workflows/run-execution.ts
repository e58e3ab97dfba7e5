import { randomUUID } from 'node:crypto';
import { errorMessage } from '../lib/errors.js';
import { addUsage } from '../providers/types.js';
import { fanOut, type EventSink, type WorkflowEvent } from './events.js';
import { executeWorkflow, type PriorOutputs, type WorkflowRunResult } from './executor.js';
import type { LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import type { Workflow } from './model.js';
import type { ChildRunner, EngineDeps } from './run-context.js';
import type { ApprovalState, RunRecord, StoredRunStatus, WorkflowRunStore } from './run-store.js';

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
        runChild: storeChildRunner(deps, run, request),
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
    ...(result.outcome ? { outcome: result.outcome } : {}),
    ...(result.pause ? { approval: approvalState(request.workflow, result, run.metadata.approval) } : {}),
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

/** What a paused run waits for, as the store keeps it for whoever answers. */
function approvalState(
  workflow: Workflow,
  result: WorkflowRunResult,
  previous: ApprovalState | undefined,
): ApprovalState {
  const pause = result.pause!;
  const node = workflow.nodes.find((candidate) => candidate.id === pause.nodeId);
  const gate = result.gate;
  const base: ApprovalState = {
    nodeId: pause.nodeId,
    message: pause.message,
    captureResponse:
      gate?.type === 'approval' ? gate.captureResponse : node?.kind === 'approval' && node.approval.capture_response,
  };
  if (gate?.type === 'interactive_loop')
    return {
      ...base,
      type: 'interactive_loop',
      iteration: gate.iteration,
      completionSignaled: gate.completionSignaled,
      output: gate.output,
      ...(gate.sessionId ? { sessionId: gate.sessionId } : {}),
    };
  const onReject = node?.kind === 'approval' ? node.approval.on_reject : undefined;
  return {
    ...base,
    type: 'approval',
    ...(gate?.type === 'approval' && gate.decisions ? { decisions: gate.decisions } : {}),
    ...(onReject
      ? {
          maxRejections: onReject.max_attempts,
          rejections: previous?.nodeId === pause.nodeId ? (previous.rejections ?? 0) : 0,
        }
      : {}),
  };
}

/**
 * Children of `workflow:` nodes run as runs of their own in the store, linked to this one
 * (`parentRunId`), in the same conversation. They share the parent's working path (or a worktree of
 * their own) and do not hold it. A child that pauses is cancelled: its parent cannot answer it.
 */
function storeChildRunner(deps: LifecycleDeps, parent: RunRecord, request: StartRequest): ChildRunner {
  return async (child) => {
    const cwd =
      child.isolation === 'worktree'
        ? await childWorktree(deps, {
            parentRunId: parent.id,
            nodeId: child.parent.nodeId,
            index: child.index,
            workflow: child.workflow.name,
          })
        : child.cwd;
    const record = await deps.store.createRun({
      id: randomUUID(),
      workflowName: child.workflow.name,
      workingPath: cwd,
      conversationId: parent.conversationId,
      userMessage: child.userMessage,
      metadata: {
        workflowFile: child.workflow.file,
        parentRunId: parent.id,
        parentNodeId: child.parent.nodeId,
        inputs: child.inputs,
        mutatesCheckout: false,
      },
      status: 'running',
      ownerPid: deps.owner.pid,
      ownerHost: deps.owner.host,
    });
    const outcome = await execute(
      deps,
      record,
      {
        workflow: child.workflow,
        workingPath: cwd,
        userMessage: child.userMessage,
        inputs: child.inputs,
        depth: child.depth,
        signal: child.signal,
        stateDir: request.stateDir,
        docsDir: request.docsDir,
        baseBranch: request.baseBranch,
        env: request.env,
      },
      undefined,
      0,
    );
    if (outcome.result.status === 'paused')
      await deps.store.changeStatus(record.id, {
        from: ['paused'],
        to: 'cancelled',
        metadata: {
          error: `paused at '${outcome.result.pause?.nodeId}' inside sub-workflow node '${child.parent.nodeId}' of run ${parent.id}`,
        },
      });
    return outcome.result;
  };
}

async function childWorktree(deps: LifecycleDeps, request: Parameters<NonNullable<LifecycleDeps['childWorktree']>>[0]) {
  if (!deps.childWorktree)
    throw new Error(`isolation: worktree for node '${request.nodeId}' needs a host that creates worktrees`);
  return deps.childWorktree(request);
}

function countStates(result: WorkflowRunResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of Object.values(result.nodes)) counts[node.state] = (counts[node.state] ?? 0) + 1;
  return counts;
}
