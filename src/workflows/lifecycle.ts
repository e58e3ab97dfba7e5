import { randomBytes, randomUUID } from '../lib/random.js';
import { errorMessage } from '../lib/errors.js';
import type { EventSink } from './events.js';
import type { RunOptions, WorkflowRunResult } from './executor.js';
import type { Workflow } from './model.js';
import { loadRunPrior, reusableCount } from './prior.js';
import type { EngineDeps } from './run-context.js';
import { RunRefusedError } from './run-errors.js';
import { execute } from './run-execution.js';
import { appendEvents, runEvent } from './run-events.js';
import { DEFAULT_STALE_AFTER_MS, killTracked, otherLocalOwner, processAlive, stopLeftovers } from './run-processes.js';
import { ACTIVE_STATUSES, isWorkingPathTaken, type RunRecord, type WorkflowRunStore } from './run-store.js';

export { approveRun, continueRejection, decideRun, rejectionContinues, rejectRun } from './gates.js';
export type { ApprovalOutcome } from './gates.js';
export { RunRefusedError } from './run-errors.js';
export type { RunRefusalCode, RunRefusalData } from './run-errors.js';
export { findConversationRun, findRun, listConversationRuns } from './run-lookup.js';
export { priorFromEvents } from './prior.js';
export { DEFAULT_STALE_AFTER_MS, processAlive } from './run-processes.js';

/**
 * A run's life beyond one execution: the concurrent-run guard, automatic resume after a failure,
 * approvals, cancellation from another process. The engine executes; this module decides which
 * run executes and keeps the store's status honest, with compare-and-swap at every step.
 */

export interface LifecycleDeps {
  store: WorkflowRunStore;
  /** Engine dependencies; the sink here receives events in addition to the store. */
  engine: Omit<EngineDeps, 'sink' | 'heartbeat' | 'onProcess'> & { sink?: EventSink };
  /** This process, as recorded on the runs it owns. */
  owner: { pid: number; host: string };
  staleAfterMs?: number;
  isProcessAlive?: (pid: number) => boolean;
  /** Stops a process group (cancel of a run owned by a dead process). */
  killProcessGroup?: (pid: number) => void;
  /** Creates the worktree a `workflow:` node with `isolation: worktree` runs its child in; returns its path. */
  childWorktree?: (request: {
    parentRunId: string;
    nodeId: string;
    index?: number;
    workflow: string;
  }) => Promise<string>;
}

export interface StartRequest extends Omit<RunOptions, 'workflow' | 'cwd' | 'runId' | 'prior'> {
  workflow: Workflow;
  workingPath: string;
  /**
   * What the run belongs to in the host's world (an issue, a pull request), so the host can find it
   * again (`listConversationRuns`). With one, only a failed run of the same conversation is resumed
   * automatically; without, any failed run of the workflow in the path is, and a new run gets a
   * CLI-style id, `cli-<ms>-<hex>`. A resumed run keeps the conversation it started in.
   */
  conversationId?: string;
  /** Start over even if the last run of this workflow here failed part-way. */
  fresh?: boolean;
  /** Only continue the last failed or interrupted run of this workflow here: without one, refuse (`no_resumable_run`). */
  resumeOnly?: boolean;
  branch?: string;
}

/**
 * What continuing a stored run (resume, approval) takes. It goes on in the path it ran in, unless a
 * working path is given: a host that took the run over with a checkout of its own (another machine,
 * another ARCHAL_HOME) continues it there, and the run moves with it.
 */
export type Continuation = Omit<StartRequest, 'workingPath' | 'fresh'> & { workingPath?: string };

export interface RunOutcome {
  result: WorkflowRunResult;
  run: RunRecord;
  /** Set when this execution resumed an earlier run. */
  resumed?: { skipped: number };
}

/** `cli-1705932847321-a7f3b2`: the conversation id of runs started from the command line. */
export function cliConversationId(now = Date.now()): string {
  return `cli-${now}-${randomBytes(3).toString('hex')}`;
}

export function isStale(
  run: RunRecord,
  deps: Pick<LifecycleDeps, 'owner' | 'staleAfterMs' | 'isProcessAlive'>,
  now = Date.now(),
): boolean {
  if (run.status !== 'running' && run.status !== 'pending') return false;
  const staleAfter = deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  if (now - Date.parse(run.lastActivityAt) > staleAfter) return true;
  const owner = otherLocalOwner(run, deps);
  return owner !== undefined && !(deps.isProcessAlive ?? processAlive)(owner);
}

/** Starts a workflow on a working path, resuming the last failed run of it there when it can. */
export async function startRun(deps: LifecycleDeps, request: StartRequest): Promise<RunOutcome> {
  const { store } = deps;
  const { workflow, workingPath } = request;

  const holdsPath = workflow.mutates_checkout !== false;
  const candidate = request.fresh
    ? undefined
    : await resumableRun(deps, workflow.name, workingPath, request.conversationId);
  if (holdsPath) await refuseIfBusy(deps, workingPath, candidate?.id);
  if (request.resumeOnly && !candidate)
    throw new RunRefusedError(
      'no_resumable_run',
      `No resumable run found for workflow '${workflow.name}' at path '${workingPath}'. Run it without --resume to start one.`,
    );
  const loaded = candidate ? await loadRunPrior(deps, candidate) : undefined;
  const prior = loaded?.prior;
  const reusable = prior ? reusableCount(prior, workflow) : 0;
  // A run whose process died while a node ran is continued even if nothing completed: that node's
  // side effects may have happened, and it must run again as the same run (ARCHAL_RUN_ID) with its
  // next attempt number, or it could not tell that it is repeating itself.
  const interrupted = candidate !== undefined && candidate.status !== 'failed' && (prior?.attempts.size ?? 0) > 0;

  if (candidate && loaded && prior && (reusable > 0 || interrupted)) {
    const taken = await takeOver(deps, candidate);
    if (!taken) throw await busyError(deps, workingPath, candidate);
    await appendEvents(store, loaded.recovered);
    deps.engine.log?.(`Resuming workflow — skipping ${reusable} already-completed node(s).`);
    return execute(deps, taken, request, prior, reusable);
  }

  if (candidate && candidate.status !== 'failed') {
    // A crashed run with nothing worth keeping: record how it ended instead of leaving it 'running'.
    await retire(deps, candidate, 'interrupted: its process stopped before any node completed');
  }

  // Admission is one insert: the store refuses a second active run on a path it holds, so of any
  // number of processes starting here at once, exactly one gets through.
  let run: RunRecord;
  try {
    run = await store.createRun({
      id: randomUUID(),
      workflowName: workflow.name,
      workingPath,
      conversationId: request.conversationId ?? cliConversationId(),
      userMessage: request.userMessage ?? '',
      metadata: {
        workflowFile: workflow.file,
        ...(request.branch ? { branch: request.branch } : {}),
        ...(request.inputs ? { inputs: request.inputs } : {}),
        ...(holdsPath ? {} : { mutatesCheckout: false }),
      },
      status: 'pending',
      ownerPid: deps.owner.pid,
      ownerHost: deps.owner.host,
    });
  } catch (error) {
    if (isWorkingPathTaken(error)) throw await busyError(deps, workingPath);
    throw error;
  }
  if (!(await store.changeStatus(run.id, { from: ['pending'], to: 'running' })))
    throw new RunRefusedError('run_taken', `Run ${run.id} was cancelled before it started.`, { run });
  const previousSessions = await persistedSessions(deps, workflow, workingPath, request.conversationId, run.id);
  return execute(deps, (await store.getRun(run.id))!, { ...request, previousSessions }, undefined, 0);
}

/** Resumes a failed (or crashed) run by its record, whatever is in the working path. */
export async function resumeRun(deps: LifecycleDeps, run: RunRecord, request: Continuation): Promise<RunOutcome> {
  if (run.status === 'paused') {
    const nodeId = run.metadata.approval?.nodeId ?? '?';
    throw new RunRefusedError('run_awaiting_approval', `Run ${run.id} is waiting for approval of '${nodeId}'.`, {
      run,
      nodeId,
    });
  }
  const resumable = run.status === 'failed' || isStale(run, deps);
  if (!resumable)
    throw run.status === 'running'
      ? new RunRefusedError(
          'run_still_running',
          `Run ${run.id} is still running (pid ${run.ownerPid ?? '?'} on ${run.ownerHost ?? '?'}).`,
          { run },
        )
      : new RunRefusedError(
          'run_not_resumable',
          `Run ${run.id} is ${run.status}; only failed or interrupted runs can be resumed.`,
          { run },
        );
  const workingPath = request.workingPath ?? run.workingPath;
  if (request.workflow.mutates_checkout !== false) await refuseIfBusy(deps, workingPath, run.id);
  const { prior, recovered } = await loadRunPrior(deps, run);
  const taken = await takeOver(deps, run, workingPath);
  if (!taken) throw await busyError(deps, workingPath, run);
  await appendEvents(deps.store, recovered);
  const reusable = reusableCount(prior, request.workflow);
  deps.engine.log?.(`Resuming workflow — skipping ${reusable} already-completed node(s).`);
  return execute(
    deps,
    taken,
    {
      ...request,
      workingPath,
      userMessage: request.userMessage ?? run.userMessage,
      inputs: request.inputs ?? run.metadata.inputs,
    },
    prior,
    reusable,
  );
}

/**
 * Cancels a run: the status first (so its owner, polling, stops), then the owner itself (SIGTERM:
 * it aborts and kills its node processes), then any node process left by a dead owner.
 */
export async function cancelRun(
  deps: LifecycleDeps,
  run: RunRecord,
  reason = 'Cancelled by user',
): Promise<{ cancelled: boolean; signalled: number[] }> {
  const won = await deps.store.changeStatus(run.id, {
    from: ['pending', 'running', 'paused', 'failed'],
    to: 'cancelled',
    metadata: { error: reason },
  });
  if (!won) return { cancelled: false, signalled: [] };
  await deps.store.appendEvent(runEvent(run.id, 'workflow_cancelled', undefined, { reason }));
  const signalled: number[] = [];
  const owner = otherLocalOwner(run, deps);
  if (owner !== undefined && (deps.isProcessAlive ?? processAlive)(owner)) {
    try {
      process.kill(owner, 'SIGTERM');
      signalled.push(owner);
    } catch {
      // Already gone.
    }
  }
  signalled.push(...(await killTracked(deps, run, { forgetOtherHosts: false })));
  return { cancelled: true, signalled };
}

/** The last run of the workflow in the path (of the conversation, when one is given), if it can be resumed. */
async function resumableRun(
  deps: LifecycleDeps,
  workflowName: string,
  workingPath: string,
  conversationId: string | undefined,
): Promise<RunRecord | undefined> {
  const [latest] = await deps.store.listRuns({ workflowName, workingPath, conversationId, limit: 1 });
  if (!latest) return undefined;
  if (latest.status === 'failed') return latest;
  if ((latest.status === 'running' || latest.status === 'pending') && isStale(latest, deps)) return latest;
  return undefined;
}

/**
 * Claims a failed or stale run for this process, in `workingPath` (exactly one claimant wins), and
 * makes sure nothing of its earlier attempt still runs before any node runs again.
 */
async function takeOver(
  deps: LifecycleDeps,
  run: RunRecord,
  workingPath = run.workingPath,
): Promise<RunRecord | undefined> {
  const won = await deps.store.changeStatus(run.id, {
    from: [run.status],
    to: 'running',
    owner: deps.owner,
    ...(workingPath !== run.workingPath ? { workingPath } : {}),
    lastActivityAt: run.lastActivityAt,
    metadata: { error: undefined, resumes: (run.metadata.resumes ?? 0) + 1 },
  });
  if (!won) return undefined;
  try {
    await stopLeftovers(deps, run);
  } catch (error) {
    await deps.store.changeStatus(run.id, {
      from: ['running'],
      to: 'failed',
      metadata: { error: errorMessage(error) },
    });
    throw error;
  }
  await deps.store.appendEvent(
    runEvent(run.id, 'workflow_resumed', undefined, { previousStatus: run.status, error: run.metadata.error ?? null }),
  );
  return deps.store.getRun(run.id);
}

/** Ends a stale run as failed (it stays resumable), so it no longer holds its working path. */
async function retire(deps: LifecycleDeps, run: RunRecord, error: string): Promise<void> {
  if (run.status === 'failed') return;
  const retired = await deps.store.changeStatus(run.id, {
    from: [run.status],
    to: 'failed',
    lastActivityAt: run.lastActivityAt,
    metadata: { error },
  });
  // Anything its dead owner left running must not go on beside the next run.
  if (retired) await killTracked(deps, run, { forgetOtherHosts: true });
}

async function activeRuns(deps: LifecycleDeps, workingPath: string): Promise<RunRecord[]> {
  const runs = await deps.store.listRuns({ workingPath, statuses: ACTIVE_STATUSES, limit: 20 });
  // Sub-runs share their parent's path; runs of workflows that do not mutate the checkout hold none.
  return runs.filter(
    (run) => !isStale(run, deps) && run.metadata.mutatesCheckout !== false && !run.metadata.parentRunId,
  );
}

/**
 * The sessions AI nodes with `persist_session` had in the previous run of the workflow: of the same
 * conversation when the run has one, else in the same working path.
 */
async function persistedSessions(
  deps: LifecycleDeps,
  workflow: Workflow,
  workingPath: string,
  conversationId: string | undefined,
  current: string,
): Promise<Map<string, string>> {
  const persisting = new Set(
    workflow.nodes.flatMap((node) =>
      (node.kind === 'command' || node.kind === 'prompt') && node.persistSession ? [node.id] : [],
    ),
  );
  const sessions = new Map<string, string>();
  if (persisting.size === 0) return sessions;
  const runs = await deps.store.listRuns({
    workflowName: workflow.name,
    ...(conversationId ? { conversationId } : { workingPath }),
    limit: 5,
  });
  const previous = runs.find((run) => run.id !== current);
  if (!previous) return sessions;
  for (const stored of await deps.store.listEvents(previous.id, ['node_completed']))
    if (stored.nodeId && persisting.has(stored.nodeId) && typeof stored.data.session_id === 'string')
      sessions.set(stored.nodeId, stored.data.session_id);
  return sessions;
}

/**
 * Refuses when a live run holds the path. Stale runs there (their owner is gone) stop holding it:
 * `except`, the run about to be resumed, is taken over; any other ends as failed (still resumable).
 */
async function refuseIfBusy(deps: LifecycleDeps, workingPath: string, except?: string): Promise<void> {
  const runs = await deps.store.listRuns({ workingPath, statuses: ACTIVE_STATUSES, limit: 20 });
  for (const run of runs) {
    if (run.id === except) continue;
    if (!isStale(run, deps)) throw busyRefusal(run, workingPath);
    await retire(deps, run, `interrupted: its process stopped (${describeOwner(run)})`);
  }
}

/** Why a run could not take the path: the run that holds it now, else whoever took `run`. */
async function busyError(deps: LifecycleDeps, workingPath: string, run?: RunRecord): Promise<RunRefusedError> {
  const [active] = await activeRuns(deps, workingPath);
  if (active) return busyRefusal(active, workingPath);
  return run
    ? new RunRefusedError('run_taken', `Run ${run.id} was resumed by another process just now.`, { run })
    : new RunRefusedError('path_busy', `${workingPath} was taken by another run just now.`, {});
}

function busyRefusal(active: RunRecord, workingPath: string): RunRefusedError {
  const waiting = active.status === 'paused' ? ' It is waiting for approval.' : '';
  return new RunRefusedError(
    'path_busy',
    `${workingPath} is in use by run ${active.id} of '${active.workflowName}' (${active.status} since ${active.startedAt}, ${describeOwner(active)}).${waiting}`,
    { activeRun: active },
  );
}

function describeOwner(run: RunRecord): string {
  return `pid ${run.ownerPid ?? '?'} on ${run.ownerHost ?? '?'}`;
}
