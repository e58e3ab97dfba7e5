import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { ArchalError, errorMessage } from '../lib/errors.js';
import { processesWithEnv } from '../lib/process.js';
import { addUsage, type Usage } from '../providers/types.js';
import { fanOut, type EventSink, type WorkflowEvent } from './events.js';
import { executeWorkflow, type PriorOutputs, type RunOptions, type WorkflowRunResult } from './executor.js';
import type { Workflow } from './model.js';
import type { EngineDeps } from './run-context.js';
import {
  ACTIVE_STATUSES,
  type RunRecord,
  type StoredRunStatus,
  type StoredEvent,
  type WorkflowRunStore,
} from './run-store.js';

/**
 * A run's life beyond one execution: the concurrent-run guard, automatic resume after a failure,
 * approvals, cancellation from another process. The engine executes; this module decides which
 * run executes and keeps the store's status honest, with compare-and-swap at every step.
 */

export const DEFAULT_STALE_AFTER_MS = 15 * 60 * 1000;

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
}

export type RunRefusalCode =
  /** Another active run holds the working path (`activeRun`). */
  | 'path_busy'
  /** No run has this id (or unique prefix). */
  | 'run_not_found'
  /** Several runs start with this prefix (`matches`). */
  | 'run_id_ambiguous'
  /** The run waits for a decision at an approval node (`run`, `nodeId`): approve or reject it. */
  | 'run_awaiting_approval'
  /** The run is still running under a live owner (`run`): cancel it first. */
  | 'run_still_running'
  /** The run is completed or cancelled (`run`): nothing to resume. */
  | 'run_not_resumable'
  /** An approval or rejection for a run that is not paused at an approval (`run`). */
  | 'run_not_awaiting_approval'
  /** Someone else decided or cancelled the run first (`run`). */
  | 'run_already_decided'
  /** Another process took the run over, or cancelled it, a moment before this one could. */
  | 'run_taken';

export interface RunRefusalData {
  /** The run the request was about. */
  run?: RunRecord;
  /** path_busy: the run holding the working path. */
  activeRun?: RunRecord;
  /** run_not_found, run_id_ambiguous: what was asked for, and the ids it matched. */
  query?: string;
  matches?: string[];
  /** run_awaiting_approval: the approval node. */
  nodeId?: string;
}

/** A request the lifecycle refuses (another run holds the path, nothing to resume...). */
export class RunRefusedError extends ArchalError<RunRefusalCode, RunRefusalData> {
  constructor(code: RunRefusalCode, message: string, data: RunRefusalData = {}) {
    super(code, message, data);
    this.name = 'RunRefusedError';
  }

  /** The run in the way of a path_busy refusal. */
  get activeRun(): RunRecord | undefined {
    return this.data.activeRun;
  }
}

export interface StartRequest extends Omit<RunOptions, 'workflow' | 'cwd' | 'runId' | 'prior'> {
  workflow: Workflow;
  workingPath: string;
  /**
   * What the run belongs to in the host's world (an issue, a pull request), so the host can find it
   * again (`listConversationRuns`). Default: a new CLI-style id, `cli-<ms>-<hex>`. A resumed run
   * keeps the conversation it started in.
   */
  conversationId?: string;
  /** Start over even if the last run of this workflow here failed part-way. */
  fresh?: boolean;
  branch?: string;
}

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

/** The pid of the run's owner when that is another process on this host (alive or not). */
function otherLocalOwner(run: RunRecord, deps: Pick<LifecycleDeps, 'owner'>): number | undefined {
  const { ownerHost, ownerPid } = run;
  return ownerHost === deps.owner.host && ownerPid !== null && ownerPid !== deps.owner.pid ? ownerPid : undefined;
}

/** Starts a workflow on a working path, resuming the last failed run of it there when it can. */
export async function startRun(deps: LifecycleDeps, request: StartRequest): Promise<RunOutcome> {
  const { store } = deps;
  const { workflow, workingPath } = request;

  const candidate = request.fresh ? undefined : await resumableRun(deps, workflow.name, workingPath);
  await refuseIfBusy(deps, workingPath, candidate?.id);
  const prior = candidate ? await loadPrior(store, candidate.id) : undefined;
  const reusable = prior ? reusableCount(prior, workflow) : 0;

  if (candidate && prior && reusable > 0) {
    const taken = await takeOver(deps, candidate);
    if (!taken) throw await busyError(deps, workingPath, candidate);
    deps.engine.log?.(`Resuming workflow — skipping ${reusable} already-completed node(s).`);
    return execute(deps, taken, request, prior, reusable);
  }

  if (candidate && candidate.status !== 'failed') {
    // A crashed run with nothing worth keeping: record how it ended instead of leaving it 'running'.
    await store.changeStatus(candidate.id, {
      from: [candidate.status],
      to: 'failed',
      lastActivityAt: candidate.lastActivityAt,
      metadata: { error: 'interrupted: its process stopped before any node completed' },
    });
  }

  const run = await store.createRun({
    id: randomUUID(),
    workflowName: workflow.name,
    workingPath,
    conversationId: request.conversationId ?? cliConversationId(),
    userMessage: request.userMessage ?? '',
    metadata: { workflowFile: workflow.file, ...(request.branch ? { branch: request.branch } : {}) },
    status: 'pending',
    ownerPid: deps.owner.pid,
    ownerHost: deps.owner.host,
  });
  // Two invocations can both pass the check above; the older pending run wins, the other steps back.
  const rival = (await activeRuns(deps, workingPath)).find((other) => other.id !== run.id && isOlder(other, run));
  if (rival) {
    await store.changeStatus(run.id, {
      from: ['pending'],
      to: 'cancelled',
      metadata: { error: `refused: path in use by run ${rival.id}` },
    });
    throw busyRefusal(rival, workingPath);
  }
  if (!(await store.changeStatus(run.id, { from: ['pending'], to: 'running' })))
    throw new RunRefusedError('run_taken', `Run ${run.id} was cancelled before it started.`, { run });
  return execute(deps, (await store.getRun(run.id))!, request, undefined, 0);
}

/** Resumes a failed (or crashed) run by its record, whatever is in the working path. */
export async function resumeRun(
  deps: LifecycleDeps,
  run: RunRecord,
  request: Omit<StartRequest, 'workingPath' | 'fresh'>,
): Promise<RunOutcome> {
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
  await refuseIfBusy(deps, run.workingPath, run.id);
  const prior = await loadPrior(deps.store, run.id);
  const taken = await takeOver(deps, run);
  if (!taken) throw await busyError(deps, run.workingPath, run);
  const reusable = reusableCount(prior, request.workflow);
  deps.engine.log?.(`Resuming workflow — skipping ${reusable} already-completed node(s).`);
  return execute(
    deps,
    taken,
    { ...request, workingPath: run.workingPath, userMessage: request.userMessage ?? run.userMessage },
    prior,
    reusable,
  );
}

/** Records an approval (one decision wins) and continues the run in this process. */
export async function approveRun(
  deps: LifecycleDeps,
  run: RunRecord,
  comment: string | undefined,
  request: Omit<StartRequest, 'workingPath' | 'fresh'>,
): Promise<RunOutcome> {
  const approval = pendingApproval(run);
  const won = await deps.store.changeStatus(run.id, {
    from: ['paused'],
    to: 'running',
    owner: deps.owner,
    metadata: { approval: { ...approval, resolved: 'approved' } },
  });
  if (!won) throw alreadyDecided(run);
  const text = comment?.trim() || 'Approved';
  const output = approval.captureResponse ? text : '';
  await appendAll(deps.store, run.id, [
    ['approval_received', approval.nodeId, { decision: 'approved', comment: text }],
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
  await deps.store.appendEvent(event(run.id, 'workflow_cancelled', undefined, { reason }));
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

/** The runs of a conversation, newest first; `statuses` keeps only those in one of them. */
export function listConversationRuns(
  store: WorkflowRunStore,
  conversationId: string,
  options: { statuses?: readonly StoredRunStatus[]; limit?: number } = {},
): Promise<RunRecord[]> {
  return store.listRuns({ conversationId, statuses: options.statuses, limit: options.limit });
}

/**
 * The newest run of a conversation (in one of `statuses` when given), to approve, reject, resume or
 * cancel it; RunRefusedError run_not_found when there is none.
 */
export async function findConversationRun(
  store: WorkflowRunStore,
  conversationId: string,
  statuses?: readonly StoredRunStatus[],
): Promise<RunRecord> {
  const [latest] = await listConversationRuns(store, conversationId, { statuses, limit: 1 });
  if (latest) return latest;
  throw new RunRefusedError(
    'run_not_found',
    `No run${statuses ? ` (${statuses.join(', ')})` : ''} in conversation '${conversationId}'.`,
    { query: conversationId, matches: [] },
  );
}

/** Resolves `id or unique prefix` to one run. */
export async function findRun(store: WorkflowRunStore, idOrPrefix: string): Promise<RunRecord> {
  const exact = await store.getRun(idOrPrefix);
  if (exact) return exact;
  const matches = idOrPrefix.length >= 4 ? await store.findRunsByPrefix(idOrPrefix) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const ids = matches.map((run) => run.id);
    throw new RunRefusedError('run_id_ambiguous', `Run id prefix '${idOrPrefix}' is ambiguous: ${ids.join(', ')}`, {
      query: idOrPrefix,
      matches: ids,
    });
  }
  throw new RunRefusedError(
    'run_not_found',
    `No run with id '${idOrPrefix}'${idOrPrefix.length < 4 ? ' (give at least 4 characters of the id)' : ''}.`,
    { query: idOrPrefix, matches: [] },
  );
}

/** The only events what earlier attempts completed is read from. */
const PRIOR_EVENT_TYPES = ['node_completed', 'node_failed', 'node_skipped_prior_success'] as const;

async function loadPrior(store: WorkflowRunStore, runId: string) {
  return priorFromEvents(await store.listEvents(runId, PRIOR_EVENT_TYPES));
}

/** How many of the prior outputs belong to nodes the workflow (as it is now) still has. */
function reusableCount(prior: { outputs: Map<string, unknown> }, workflow: Workflow): number {
  const known = new Set(workflow.nodes.map((node) => node.id));
  return [...prior.outputs.keys()].filter((id) => known.has(id)).length;
}

/** What earlier attempts of a run completed (outputs), and what they spent. */
export function priorFromEvents(
  events: readonly StoredEvent[],
): PriorOutputs & { outputs: Map<string, { text: string; structured?: unknown }> } {
  const outputs = new Map<string, { text: string; structured?: unknown }>();
  let usage: Usage | undefined;
  for (const stored of events) {
    const node = stored.nodeId;
    if (!node) continue;
    if (stored.type === 'node_completed' || stored.type === 'node_skipped_prior_success') {
      const text = fullOutput(stored.data);
      if (text !== undefined) outputs.set(node, { text, structured: stored.data.structured_output });
    } else if (stored.type === 'node_failed') outputs.delete(node);
    if (stored.type === 'node_completed' || stored.type === 'node_failed')
      usage = addUsage(usage, usageOf(stored.data));
  }
  return { outputs, usage };
}

function fullOutput(data: Record<string, unknown>): string | undefined {
  if (typeof data.node_output !== 'string') return undefined;
  if (typeof data.node_output_file === 'string') {
    try {
      if (statSync(data.node_output_file).size === data.node_output_original_bytes)
        return readFileSync(data.node_output_file, 'utf8');
    } catch {
      // Fall back to the preview.
    }
  }
  return data.node_output;
}

function usageOf(data: Record<string, unknown>): Usage | undefined {
  const tokens = data.tokens as
    { input?: number; output?: number; cacheRead?: number; cacheWrite?: number } | undefined;
  const cost = typeof data.cost_usd === 'number' ? data.cost_usd : undefined;
  if (!tokens && cost === undefined) return undefined;
  return {
    inputTokens: tokens?.input ?? 0,
    outputTokens: tokens?.output ?? 0,
    cacheReadTokens: tokens?.cacheRead,
    cacheWriteTokens: tokens?.cacheWrite,
    costUsd: cost,
  };
}

async function execute(
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

async function resumableRun(
  deps: LifecycleDeps,
  workflowName: string,
  workingPath: string,
): Promise<RunRecord | undefined> {
  const [latest] = await deps.store.listRuns({ workflowName, workingPath, limit: 1 });
  if (!latest) return undefined;
  if (latest.status === 'failed') return latest;
  if ((latest.status === 'running' || latest.status === 'pending') && isStale(latest, deps)) return latest;
  return undefined;
}

/** Claims a failed or stale run for this process: exactly one claimant wins. */
async function takeOver(deps: LifecycleDeps, run: RunRecord): Promise<RunRecord | undefined> {
  const won = await deps.store.changeStatus(run.id, {
    from: [run.status],
    to: 'running',
    owner: deps.owner,
    lastActivityAt: run.lastActivityAt,
    metadata: { error: undefined, resumes: (run.metadata.resumes ?? 0) + 1 },
  });
  if (!won) return undefined;
  // Node processes a crashed owner left behind would race the resumed nodes.
  await killTracked(deps, run, { forgetOtherHosts: true });
  await deps.store.appendEvent(
    event(run.id, 'workflow_resumed', undefined, { previousStatus: run.status, error: run.metadata.error ?? null }),
  );
  return deps.store.getRun(run.id);
}

/**
 * Kills the node processes of a run on this host, those recorded and those carrying its id in
 * their environment (an owner killed just after starting a node may not have recorded it yet), and
 * forgets the recorded ones; returns the pids.
 */
async function killTracked(
  deps: LifecycleDeps,
  run: RunRecord,
  options: { forgetOtherHosts: boolean },
): Promise<number[]> {
  const kill = deps.killProcessGroup ?? killGroup;
  const killed = new Set<number>();
  for (const tracked of await deps.store.listProcesses(run.id)) {
    const local = tracked.host === deps.owner.host;
    if (local) {
      kill(tracked.pid);
      killed.add(tracked.pid);
    }
    if (local || options.forgetOtherHosts) await deps.store.untrackProcess(run.id, tracked.pid);
  }
  for (const pid of processesWithEnv('ARCHAL_RUN_ID', run.id))
    if (pid !== process.pid && pid !== run.ownerPid && !killed.has(pid)) {
      kill(pid);
      killed.add(pid);
    }
  return [...killed];
}

async function activeRuns(deps: LifecycleDeps, workingPath: string): Promise<RunRecord[]> {
  const runs = await deps.store.listRuns({ workingPath, statuses: ACTIVE_STATUSES, limit: 20 });
  return runs.filter((run) => !isStale(run, deps));
}

async function refuseIfBusy(deps: LifecycleDeps, workingPath: string, except?: string): Promise<void> {
  const active = (await activeRuns(deps, workingPath)).filter((run) => run.id !== except);
  if (active.length > 0) throw busyRefusal(active[0]!, workingPath);
}

/** Why a takeover of `run` lost: the run that holds the path now, else whoever took `run`. */
async function busyError(deps: LifecycleDeps, workingPath: string, run: RunRecord): Promise<RunRefusedError> {
  const [active] = await activeRuns(deps, workingPath);
  return active
    ? busyRefusal(active, workingPath)
    : new RunRefusedError('run_taken', `Run ${run.id} was resumed by another process just now.`, { run });
}

function busyRefusal(active: RunRecord, workingPath: string): RunRefusedError {
  const waiting = active.status === 'paused' ? ' It is waiting for approval.' : '';
  return new RunRefusedError(
    'path_busy',
    `${workingPath} is in use by run ${active.id} of '${active.workflowName}' (${active.status} since ${active.startedAt}, pid ${active.ownerPid ?? '?'} on ${active.ownerHost ?? '?'}).${waiting}`,
    { activeRun: active },
  );
}

function alreadyDecided(run: RunRecord): RunRefusedError {
  return new RunRefusedError(
    'run_already_decided',
    `Run ${run.id} was already decided (or cancelled) by someone else.`,
    { run },
  );
}

function isOlder(a: RunRecord, b: RunRecord): boolean {
  return a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.id < b.id);
}

function pendingApproval(run: RunRecord) {
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

function captureResponse(workflow: Workflow, nodeId: string): boolean {
  const node = workflow.nodes.find((candidate) => candidate.id === nodeId);
  return node?.kind === 'approval' ? node.approval.capture_response : false;
}

function countStates(result: WorkflowRunResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of Object.values(result.nodes)) counts[node.state] = (counts[node.state] ?? 0) + 1;
  return counts;
}

function event(
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

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
