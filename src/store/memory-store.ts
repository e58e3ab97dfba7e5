import type { WorktreeRecord, WorktreeStore } from '../isolation/worktree-store.js';
import { isAtOrUnder } from '../lib/paths.js';
import type { WorkflowEvent } from '../workflows/events.js';
import type {
  NewRun,
  RunFilter,
  RunMetadata,
  RunRecord,
  StoredRunStatus,
  StatusChange,
  StoredEvent,
  TrackedProcess,
  WorkflowRunStore,
} from '../workflows/run-store.js';

const TERMINAL: readonly StoredRunStatus[] = ['completed', 'failed', 'cancelled'];
// The port's values, repeated: the store depends on the port's types only.
const ACTIVE: readonly StoredRunStatus[] = ['pending', 'running', 'paused'];
const WORKING_PATH_TAKEN = 'working_path_taken';
/** Runs that declare mutates_checkout: false (and sub-workflow runs) do not hold their working path. */
const holdsWorkingPath = (metadata: RunMetadata) => metadata.mutatesCheckout !== false;

/**
 * The run, event and worktree store in this process's memory, for hosts with no disk to keep (a
 * short-lived job, a test). Same contract as the SQL stores: compare-and-swap status changes,
 * gap-free event sequences, newest runs first. Everything is gone when the process ends.
 */
export class MemoryStore implements WorkflowRunStore, WorktreeStore {
  readonly kind = 'memory' as const;
  private readonly runs = new Map<string, RunRecord>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly processes = new Map<string, Map<number, TrackedProcess>>();
  private readonly worktrees = new Map<string, WorktreeRecord>();
  private lastTime = '';

  async createRun(run: NewRun): Promise<RunRecord> {
    if (this.runs.has(run.id)) throw new Error(`A run with id ${run.id} already exists.`);
    if (holdsWorkingPath(run.metadata) && this.pathTaken(run.id, run.workingPath, run.status))
      throw Object.assign(new Error(`Another active run holds ${run.workingPath}.`), { code: WORKING_PATH_TAKEN });
    const at = this.now();
    this.runs.set(run.id, {
      id: run.id,
      workflowName: run.workflowName,
      status: run.status,
      workingPath: run.workingPath,
      conversationId: run.conversationId,
      userMessage: run.userMessage,
      metadata: structuredClone(run.metadata),
      startedAt: at,
      completedAt: null,
      lastActivityAt: at,
      ownerPid: run.ownerPid,
      ownerHost: run.ownerHost,
    });
    this.events.set(run.id, []);
    return (await this.getRun(run.id))!;
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const run = this.runs.get(id);
    return run && structuredClone(run);
  }

  async findRunsByPrefix(prefix: string): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .filter((run) => run.id.startsWith(prefix))
      .slice(0, 10)
      .map((run) => structuredClone(run));
  }

  async listRuns(filter: RunFilter): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .filter(
        (run) =>
          (!filter.statuses || filter.statuses.includes(run.status)) &&
          (!filter.workingPath || run.workingPath === filter.workingPath) &&
          (!filter.workingPathUnder || isAtOrUnder(run.workingPath, filter.workingPathUnder)) &&
          (!filter.workflowName || run.workflowName === filter.workflowName) &&
          (!filter.conversationId || run.conversationId === filter.conversationId),
      )
      .sort((a, b) => compare(b.startedAt, a.startedAt) || compare(b.id, a.id))
      .slice(0, filter.limit ?? 50)
      .map((run) => structuredClone(run));
  }

  async changeStatus(id: string, change: StatusChange): Promise<boolean> {
    const run = this.runs.get(id);
    if (!run || !change.from.includes(run.status)) return false;
    if (change.lastActivityAt !== undefined && run.lastActivityAt !== change.lastActivityAt) return false;
    if (holdsWorkingPath(run.metadata) && this.pathTaken(id, change.workingPath ?? run.workingPath, change.to))
      return false;
    const at = this.now();
    run.status = change.to;
    run.lastActivityAt = at;
    run.completedAt = TERMINAL.includes(change.to) ? at : null;
    if (change.owner) {
      run.ownerPid = change.owner.pid;
      run.ownerHost = change.owner.host;
    }
    if (change.workingPath) run.workingPath = change.workingPath;
    // As in SQL, where metadata round-trips through JSON: keys set to undefined are dropped.
    if (change.metadata)
      run.metadata = JSON.parse(JSON.stringify({ ...run.metadata, ...change.metadata })) as RunRecord['metadata'];
    return true;
  }

  async heartbeat(id: string): Promise<StoredRunStatus | undefined> {
    const run = this.runs.get(id);
    if (!run) return undefined;
    run.lastActivityAt = this.now();
    return run.status;
  }

  async appendEvent(event: WorkflowEvent): Promise<number> {
    const events = this.events.get(event.runId);
    if (!events) throw new Error(`Cannot store an event of unknown run ${event.runId}.`);
    const seq = events.length + 1;
    events.push({ ...structuredClone(event), seq });
    return seq;
  }

  async listEvents(runId: string, types?: readonly string[]): Promise<StoredEvent[]> {
    return (this.events.get(runId) ?? [])
      .filter((event) => !types || types.includes(event.type))
      .map((event) => structuredClone(event));
  }

  async trackProcess(process: TrackedProcess): Promise<void> {
    if (!this.runs.has(process.runId)) throw new Error(`Cannot track a process of unknown run ${process.runId}.`);
    const tracked = this.processes.get(process.runId) ?? new Map<number, TrackedProcess>();
    if (!tracked.has(process.pid)) tracked.set(process.pid, { ...process });
    this.processes.set(process.runId, tracked);
  }

  async untrackProcess(runId: string, pid: number): Promise<void> {
    this.processes.get(runId)?.delete(pid);
  }

  async listProcesses(runId: string): Promise<TrackedProcess[]> {
    return [...(this.processes.get(runId)?.values() ?? [])].map((process) => ({ ...process }));
  }

  async upsertWorktree(record: Omit<WorktreeRecord, 'createdAt' | 'lastActivityAt'>): Promise<void> {
    const at = this.now();
    const existing = this.worktrees.get(record.path);
    this.worktrees.set(record.path, { ...record, createdAt: existing?.createdAt ?? at, lastActivityAt: at });
  }

  async listWorktrees(status?: WorktreeRecord['status']): Promise<WorktreeRecord[]> {
    return [...this.worktrees.values()]
      .filter((worktree) => !status || worktree.status === status)
      .sort((a, b) => compare(a.repoRoot, b.repoRoot) || compare(a.path, b.path))
      .map((worktree) => ({ ...worktree }));
  }

  async setWorktreeStatus(path: string, status: WorktreeRecord['status']): Promise<void> {
    const worktree = this.worktrees.get(path);
    if (worktree) Object.assign(worktree, { status, lastActivityAt: this.now() });
  }

  async close(): Promise<void> {}

  /** Whether a run of `status` on `path` would be a second active run there (the SQL stores' unique index). */
  private pathTaken(id: string, path: string, status: StoredRunStatus): boolean {
    if (!ACTIVE.includes(status)) return false;
    for (const other of this.runs.values())
      if (
        other.id !== id &&
        other.workingPath === path &&
        ACTIVE.includes(other.status) &&
        holdsWorkingPath(other.metadata)
      )
        return true;
    return false;
  }

  /** Now, never earlier than the last time handed out (heartbeats compare these strings). */
  private now(): string {
    const at = new Date().toISOString();
    this.lastTime = at > this.lastTime ? at : this.lastTime;
    return this.lastTime;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
