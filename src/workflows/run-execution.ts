import { randomUUID } from '../lib/random.js';
import { errorMessage } from '../lib/errors.js';
import { addUsage } from '../providers/types.js';
import { fanOut, type EventSink, type WorkflowEvent } from './events.js';
import { executeWorkflow, type PriorOutputs, type WorkflowRunResult } from './executor.js';
import type { LifecycleDeps, RunOutcome, StartRequest } from './lifecycle.js';
import type { Workflow } from './model.js';
import { loadPrior } from './prior.js';
import type { ApprovalDecision, ChildRunner, EngineDeps, Gate } from './run-context.js';
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
  if (request.signal?.aborted) abort.abort();
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
        onApprovalRequested: async (pause) => {
          // Paused from now on, while other branches go on: the approval can be answered at once.
          if (!isLiveGate(request.workflow, pause)) return;
          const approval = { ...approvalState(request.workflow, pause, run.metadata.approval), live: true };
          await store.changeStatus(run.id, { from: ['running'], to: 'paused', metadata: { approval } }).catch(() => {});
        },
        approvalDecision: (nodeId) => decisionOn(store, run.id, nodeId),
        runChild: storeChildRunner(deps, run, request),
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
  const pause = result.pause ? { ...result.pause, gate: result.gate } : undefined;
  // A live gate made the run 'paused' in the store as soon as it waited (a decision since moved it
  // on to 'running' or 'cancelled'); otherwise the run is 'running' until here.
  const live = pause !== undefined && isLiveGate(request.workflow, pause);
  const metadata = {
    error: result.error,
    usage: addUsage(undefined, result.usage),
    nodeCounts: countStates(result),
    ...(result.outcome ? { outcome: result.outcome } : {}),
    ...(pause ? { approval: { ...approvalState(request.workflow, pause, run.metadata.approval), live: false } } : {}),
  };
  // If someone cancelled the run meanwhile, or decided its live approval, their decision stands.
  const recorded = await store.changeStatus(run.id, {
    from: live ? ['paused'] : status === 'paused' ? ['running'] : ['running', 'paused'],
    to: status,
    metadata,
  });
  const final = (await store.getRun(run.id))!;
  if (!recorded && live && approvedMeanwhile(final, pause.nodeId)) {
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
 * How long the engine's events wait to be stored together. A node no longer waits for the store
 * (the run's transcript has its dependencies' events first), so a run of short nodes would pay a
 * transaction (or a round trip) for each; grouped, a chain of 10 ms nodes pays one for several.
 * A transaction's cost is mostly not its statements: every node's fork makes the CLI's memory
 * copy-on-write, and a transaction writes to SQLite's page cache all over again (~35 page faults a
 * node when each node had its own transaction; a page fault is slow on virtual machines).
 * Other processes see a running run's events this much later at most.
 */
const STORE_EVENTS_EVERY_MS = 50;

/**
 * Persists the engine's events. The store writes appends in call order (batching those of the
 * same moment), so the run's sequence follows emission order; `workflow event emit` from inside a
 * node interleaves without losing anything. Events are handed to the store every
 * STORE_EVENTS_EVERY_MS, and at once on `flush`. A failing write is reported once, never fatal.
 */
class StoreSink implements EventSink {
  private pending: WorkflowEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Settles once every event handed over so far is written (or its failure reported). */
  private written: Promise<unknown> = Promise.resolve();
  private reported = false;
  constructor(
    private readonly store: WorkflowRunStore,
    private readonly log: (message: string) => void,
  ) {}
  write(stored: WorkflowEvent): void {
    this.pending.push(stored);
    this.timer ??= setTimeout(() => this.handOver(), STORE_EVENTS_EVERY_MS);
  }
  async flush(): Promise<void> {
    this.handOver();
    await this.written;
  }
  private handOver(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const writes = this.pending.splice(0).map((event) =>
      this.store.appendEvent(event).catch((error: unknown) => {
        if (this.reported) return;
        this.reported = true;
        this.log(`⚠️ Cannot store run events (${errorMessage(error)}); the JSONL transcript still has them.`);
      }),
    );
    this.written = Promise.all([this.written, ...writes]);
  }
}

/**
 * A node process is recorded once it has run this long. Most processes of a workflow (a `git`
 * call, a short script) end sooner and cost the store nothing; until then, what a record is for is
 * covered otherwise: an owner that dies has its process groups killed by its watchdog
 * (lib/process.ts), and a cancel or resume also finds the run's processes by their
 * ARCHAL_RUN_ID (run-processes.ts).
 */
export const TRACK_PROCESS_AFTER_MS = 25;

/**
 * Records node processes in the store while they run, so that `workflow cancel` (or a resume after
 * a crash) can stop them even when this process is gone.
 */
function processTracker(store: WorkflowRunStore, runId: string, host: string): EngineDeps['onProcess'] {
  const pending = new Map<number, NodeJS.Timeout>();
  const recorded = new Map<number, Promise<void>>();
  return ({ nodeId, pid, phase }) => {
    if (phase === 'start') {
      const timer = setTimeout(() => {
        pending.delete(pid);
        recorded.set(
          pid,
          store.trackProcess({ runId, pid, nodeId, host }).catch(() => {}),
        );
      }, TRACK_PROCESS_AFTER_MS);
      // Never what keeps this process alive (the process it records does).
      timer.unref();
      pending.set(pid, timer);
      return;
    }
    const timer = pending.get(pid);
    if (timer) {
      // Gone before it was recorded: nothing to forget.
      clearTimeout(timer);
      pending.delete(pid);
      return;
    }
    const tracking = recorded.get(pid);
    if (!tracking) return;
    recorded.delete(pid);
    void tracking.then(() => store.untrackProcess(runId, pid)).catch(() => {});
  };
}

interface GatePause {
  nodeId: string;
  message: string;
  gate?: Gate;
}

/**
 * Whether a gate is answerable while other branches still run: a plain approval (its owner takes
 * the decision as it is). A declared decision, a rework (on_reject) or an interactive loop is
 * answered once the execution has ended, as the run the approver continues.
 */
function isLiveGate(workflow: Workflow, pause: GatePause): boolean {
  const node = workflow.nodes.find((candidate) => candidate.id === pause.nodeId);
  return (
    pause.gate?.type === 'approval' &&
    !pause.gate.decisions &&
    node?.kind === 'approval' &&
    node.approval.on_reject === undefined
  );
}

/** What a paused run waits for, as the store keeps it for whoever answers. */
function approvalState(workflow: Workflow, pause: GatePause, previous: ApprovalState | undefined): ApprovalState {
  const node = workflow.nodes.find((candidate) => candidate.id === pause.nodeId);
  const { gate } = pause;
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
