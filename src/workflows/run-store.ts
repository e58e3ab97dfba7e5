import type { Usage } from '../providers/types.js';
import type { WorkflowEvent } from './events.js';

/** What the workflow run lifecycle needs from a store. src/store implements it on SQLite, PostgreSQL and in memory. */

export const RUN_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled', 'paused'] as const;
/** The status of a stored run (the engine's own result adds no `pending` or `running`: see WorkflowRunStatus). */
export type StoredRunStatus = (typeof RUN_STATUSES)[number];

/** Statuses in which a run holds its working path. */
export const ACTIVE_STATUSES: readonly StoredRunStatus[] = ['pending', 'running', 'paused'];

export interface ApprovalState {
  nodeId: string;
  message: string;
  captureResponse: boolean;
  resolved?: 'approved' | 'rejected';
  /**
   * The run's owner is still executing other branches: once approved, it continues the waiting
   * branch itself. False once the execution has ended (an approval then continues the run where it is given).
   */
  live?: boolean;
  /** The approver's comment. */
  comment?: string;
  /** What paused the run: an approval node (default) or an interactive loop's gate. */
  type?: 'approval' | 'interactive_loop';
  /** Declared decisions of the approval: its output becomes {decision, text}. */
  decisions?: Array<{ id: string; label?: string }>;
  /** Interactive loops: the iteration that paused, whether it met its completion condition, its output. */
  iteration?: number;
  completionSignaled?: boolean;
  /** The gate's output (the comment when `captureResponse`; an interactive loop's iteration output). */
  output?: string;
  sessionId?: string;
  /** Approvals with on_reject: how often it was rejected so far, and how often it may be. */
  rejections?: number;
  maxRejections?: number;
}

export interface RunMetadata {
  /** The workflow file the run was started from (re-read on resume). */
  workflowFile?: string;
  error?: string;
  approval?: ApprovalState;
  usage?: Usage;
  nodeCounts?: Record<string, number>;
  branch?: string;
  /** Set when the run resumed an earlier attempt. */
  resumes?: number;
  /** Sub-workflow runs: the run and `workflow:` node that started it. */
  parentRunId?: string;
  parentNodeId?: string;
  /** The run's declared inputs, as given (a resume or an approval reuses them). */
  inputs?: Record<string, unknown>;
  /** false when the workflow declared mutates_checkout: false (the run does not hold its working path). */
  mutatesCheckout?: boolean;
  /** With outcome_field: the verdict its returns node recorded. */
  outcome?: 'succeeded' | 'failed';
}

export interface RunRecord {
  id: string;
  workflowName: string;
  status: StoredRunStatus;
  workingPath: string;
  conversationId: string;
  userMessage: string;
  metadata: RunMetadata;
  startedAt: string;
  completedAt: string | null;
  lastActivityAt: string;
  ownerPid: number | null;
  ownerHost: string | null;
}

export type NewRun = Pick<
  RunRecord,
  'id' | 'workflowName' | 'workingPath' | 'conversationId' | 'userMessage' | 'metadata'
> & {
  status: StoredRunStatus;
  ownerPid: number;
  ownerHost: string;
};

export interface StoredEvent extends WorkflowEvent {
  /** Position in the run's history, from 1, without gaps between writers. */
  seq: number;
}

export interface StatusChange {
  /** The change happens only if the run is in one of these statuses (compare-and-swap). */
  from: readonly StoredRunStatus[];
  to: StoredRunStatus;
  /** And, when set, only if its heartbeat is still exactly this (a second CAS key, for taking over stale runs). */
  lastActivityAt?: string;
  metadata?: Partial<RunMetadata>;
  owner?: { pid: number; host: string };
  /** And moves the run to this working path (a host continuing it in its own checkout). */
  workingPath?: string;
}

export interface RunFilter {
  statuses?: readonly StoredRunStatus[];
  workingPath?: string;
  /** Runs whose working path is one of these directories or inside one (a repository and its worktrees). */
  workingPathUnder?: readonly string[];
  workflowName?: string;
  /** The runs a host started for one conversation (an issue, a pull request, a CLI invocation). */
  conversationId?: string;
  limit?: number;
}

export interface TrackedProcess {
  runId: string;
  pid: number;
  nodeId: string;
  host: string;
}

/**
 * The `code` of the error `createRun` rejects with when the new run would be active (pending,
 * running, paused) on a working path another active run holds. The database enforces it, so of any
 * number of processes admitting runs on one path at once, exactly one succeeds.
 */
export const WORKING_PATH_TAKEN = 'working_path_taken';

export function isWorkingPathTaken(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === WORKING_PATH_TAKEN;
}

export interface WorkflowRunStore {
  readonly kind: 'sqlite' | 'postgres' | 'memory';
  /** Rejects with `code` WORKING_PATH_TAKEN when another active run holds the path of an active new run. */
  createRun(run: NewRun): Promise<RunRecord>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Runs whose id starts with `prefix` (at most a few; callers want exactly one). */
  findRunsByPrefix(prefix: string): Promise<RunRecord[]>;
  /** Runs matching every filter given, newest first (at most `limit`, default 50). */
  listRuns(filter: RunFilter): Promise<RunRecord[]>;
  /**
   * Compare-and-swap of the status: true for exactly one of any number of concurrent callers; false
   * also when the change would make the run active where another active run holds its path.
   */
  changeStatus(id: string, change: StatusChange): Promise<boolean>;
  /** Refreshes the heartbeat and returns the current status (so a run notices it was cancelled). */
  heartbeat(id: string): Promise<StoredRunStatus | undefined>;
  /** Appends an event with the next sequence number of its run; safe under concurrent writers. */
  appendEvent(event: WorkflowEvent): Promise<number>;
  listEvents(runId: string, types?: readonly string[]): Promise<StoredEvent[]>;
  trackProcess(process: TrackedProcess): Promise<void>;
  untrackProcess(runId: string, pid: number): Promise<void>;
  listProcesses(runId: string): Promise<TrackedProcess[]>;
  close(): Promise<void>;
}
