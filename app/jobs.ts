import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import * as z from 'zod';
import { processAlive } from '../src/workflows/lifecycle.js';
import { nowIso, type AppDb, type AppTables, type JobStatus } from './db.js';
import { ACTIVE_RUN_STATUSES } from './worker/records.js';

/** What a job is asked to do: the routed form of one delivery. */
export const JOB_KINDS = [
  'fix',
  'run',
  'status',
  'cancel',
  'approve',
  'reject',
  'retry',
  'help',
  'unknown',
  'invalid',
  'label',
  'check_failed',
  'pr_closed',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Job kinds that start (or continue) runs: they share the per-repository concurrency limit, and a cancel stops them. */
export const RUN_JOB_KINDS: readonly JobKind[] = ['fix', 'run', 'retry', 'label', 'approve', 'check_failed'];

export const jobPayloadSchema = z.object({
  sender: z.string(),
  /** What started it: a comment, a label, the "Fix with Archal" button, a failing check, or an event. */
  trigger: z.enum(['comment', 'label', 'button', 'check', 'event']),
  commentId: z.number().optional(),
  /** fix instructions, run message, approval comment or rejection reason. */
  text: z.string().optional(),
  /** `/archal run <workflow>`, or the unknown word of `unknown`/`invalid`. */
  word: z.string().optional(),
  problem: z.string().optional(),
  label: z.string().optional(),
  /** The failing check run (check_failed, and the button's check run's external_id). */
  check: z.object({ id: z.number(), name: z.string(), headSha: z.string() }).optional(),
});
export type JobPayload = z.infer<typeof jobPayloadSchema>;

export interface JobSpec {
  kind: JobKind;
  repo: string;
  installationId: number;
  number: number | null;
  isPull: boolean;
  /** Jobs with the same key are "the same command on the same issue": one at a time. */
  dedupeKey?: string;
  payload: JobPayload;
}

export interface JobRecord extends JobSpec {
  id: string;
  deliveryId: string;
  status: JobStatus;
  attempts: number;
  runId: string | null;
  commentId: number | null;
  /** What an earlier attempt did that a retry must not do again (see `JobLedger.saveState`). */
  state: unknown;
  worker: string | null;
  workerPid: number | null;
  workerHost: string | null;
  heartbeatAt: string | null;
  createdAt: string;
}

export function toJob(row: AppTables['app_jobs']): JobRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    kind: row.kind as JobKind,
    repo: row.repo,
    installationId: Number(row.installation_id),
    number: row.number === null ? null : Number(row.number),
    isPull: Number(row.is_pull) === 1,
    ...(row.dedupe_key ? { dedupeKey: row.dedupe_key } : {}),
    payload: jobPayloadSchema.parse(JSON.parse(row.payload)),
    status: row.status,
    attempts: Number(row.attempts),
    runId: row.run_id,
    commentId: row.comment_id === null ? null : Number(row.comment_id),
    state: row.state === null ? undefined : (JSON.parse(row.state) as unknown),
    worker: row.worker,
    workerPid: row.worker_pid === null ? null : Number(row.worker_pid),
    workerHost: row.worker_host,
    heartbeatAt: row.heartbeat_at,
    createdAt: row.created_at,
  };
}

export function newJobRow(spec: JobSpec, deliveryId: string): AppTables['app_jobs'] {
  const at = nowIso();
  return {
    id: randomUUID(),
    delivery_id: deliveryId,
    kind: spec.kind,
    repo: spec.repo,
    installation_id: spec.installationId,
    number: spec.number,
    is_pull: spec.isPull ? 1 : 0,
    dedupe_key: spec.dedupeKey ?? null,
    active_key: spec.dedupeKey ?? null,
    payload: JSON.stringify(spec.payload),
    status: 'queued',
    attempts: 0,
    run_after: at,
    worker: null,
    worker_pid: null,
    worker_host: null,
    heartbeat_at: null,
    run_id: null,
    comment_id: null,
    result: null,
    state: null,
    created_at: at,
    updated_at: at,
  };
}

/** A process consuming jobs, as recorded on the jobs it holds. */
export interface WorkerIdentity {
  id: string;
  pid: number;
  host: string;
}

/** How long a job's heartbeat may be silent before another host takes it over. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;
export const HEARTBEAT_MS = 10_000;
/** Attempts of a job whose errors may pass (GitHub 5xx or 429, the network) before it fails. */
export const MAX_ATTEMPTS = 5;

/**
 * The durable record of jobs: claimed with compare-and-swap, heartbeated while they run, taken over
 * when their worker died (a dead process on this host at once, elsewhere once the lease runs out).
 */
export class JobLedger {
  constructor(
    readonly db: AppDb,
    readonly worker: WorkerIdentity,
    private readonly options: { leaseMs?: number; isProcessAlive?: (pid: number) => boolean } = {},
  ) {}

  async get(id: string): Promise<JobRecord | undefined> {
    const row = await this.db.selectFrom('app_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toJob(row);
  }

  /** Whether the worker holding a running job is gone. */
  isAbandoned(job: Pick<JobRecord, 'status' | 'workerPid' | 'workerHost' | 'heartbeatAt' | 'worker'>): boolean {
    if (job.status !== 'running') return false;
    if (job.worker === this.worker.id) return false;
    const lease = this.options.leaseMs ?? DEFAULT_LEASE_MS;
    if (!job.heartbeatAt || Date.now() - Date.parse(job.heartbeatAt) > lease) return true;
    const alive = this.options.isProcessAlive ?? processAlive;
    return job.workerHost === this.worker.host && job.workerPid !== null && !alive(job.workerPid);
  }

  /** Takes a queued job, or one whose worker died, for this worker; false when someone else has it. */
  async claim(id: string): Promise<JobRecord | undefined> {
    const job = await this.get(id);
    if (!job) return undefined;
    if (job.status !== 'queued' && !this.isAbandoned(job)) return undefined;
    let query = this.db
      .updateTable('app_jobs')
      .set((eb) => ({
        status: 'running',
        worker: this.worker.id,
        worker_pid: this.worker.pid,
        worker_host: this.worker.host,
        heartbeat_at: nowIso(),
        attempts: eb('attempts', '+', 1),
        active_key: eb.ref('dedupe_key'),
        updated_at: nowIso(),
      }))
      .where('id', '=', id)
      .where('status', '=', job.status);
    if (job.status !== 'queued') query = query.where(sameHolder(job));
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    return this.get(id);
  }

  /** The next job due in the queue (store queue), claimed; undefined when there is none. */
  async claimNext(): Promise<JobRecord | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = await this.db
        .selectFrom('app_jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_after', '<=', nowIso())
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (!next) return undefined;
      const claimed = await this.claim(next.id);
      if (claimed) return claimed;
    }
    return undefined;
  }

  /** Running jobs whose worker is gone, put back in the queue (store queue). */
  async requeueAbandoned(): Promise<string[]> {
    const rows = await this.db.selectFrom('app_jobs').selectAll().where('status', '=', 'running').execute();
    const requeued: string[] = [];
    for (const job of rows.map(toJob)) {
      if (!this.isAbandoned(job)) continue;
      const result = await this.db
        .updateTable('app_jobs')
        .set({ status: 'queued', updated_at: nowIso() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where(sameHolder(job))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) requeued.push(job.id);
    }
    return requeued;
  }

  async heartbeat(id: string): Promise<JobStatus | undefined> {
    await this.db
      .updateTable('app_jobs')
      .set({ heartbeat_at: nowIso() })
      .where('id', '=', id)
      .where('worker', '=', this.worker.id)
      .execute();
    const row = await this.db.selectFrom('app_jobs').select('status').where('id', '=', id).executeTakeFirst();
    return row?.status;
  }

  async update(
    id: string,
    patch: Partial<Pick<AppTables['app_jobs'], 'run_id' | 'comment_id' | 'result'>>,
  ): Promise<void> {
    await this.db
      .updateTable('app_jobs')
      .set({ ...patch, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  /** Records what this attempt did, before the GitHub write that may fail: an attempt after a 5xx reads it back. */
  async saveState(id: string, state: unknown): Promise<void> {
    await this.db
      .updateTable('app_jobs')
      .set({ state: JSON.stringify(state), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  /** Ends a job this worker holds (a job cancelled meanwhile stays cancelled). */
  async finish(id: string, status: 'done' | 'failed', result: string): Promise<void> {
    await this.db
      .updateTable('app_jobs')
      .set({ status, active_key: null, result, updated_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', this.worker.id)
      .execute();
  }

  /** Puts a job this worker holds back in the queue, due after `delayMs`; waiting is not an attempt. */
  async defer(
    id: string,
    delayMs: number,
    reason: string,
    options: { attempted: boolean } = { attempted: false },
  ): Promise<void> {
    await this.db
      .updateTable('app_jobs')
      .set((eb) => ({
        status: 'queued',
        attempts: options.attempted ? eb.ref('attempts') : eb('attempts', '-', 1),
        run_after: new Date(Date.now() + delayMs).toISOString(),
        result: reason,
        updated_at: nowIso(),
      }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', this.worker.id)
      .execute();
  }

  /**
   * Cancels the queued jobs of an issue or pull request (except `except`); returns their ids. One
   * statement that returns the rows it changed: a job a worker claimed meanwhile is neither cancelled
   * nor reported as such.
   */
  async cancelQueued(repo: string, number: number, except?: string): Promise<string[]> {
    let query = this.db
      .updateTable('app_jobs')
      .set({ status: 'cancelled', active_key: null, result: 'cancelled', updated_at: nowIso() })
      .where('repo', '=', repo)
      .where('number', '=', number)
      .where('status', '=', 'queued');
    if (except) query = query.where('id', '!=', except);
    return (await query.returning('id').execute()).map((row) => row.id);
  }

  /**
   * Cancels the jobs of an issue or pull request that are starting a run but have none active yet
   * (fetching, preparing the worktree; a `/archal retry` holds the failed run it will resume): their
   * worker checks before the run starts, and again once it is recorded as running. A job whose run is
   * active meanwhile is left to the run's own cancellation. Returns those cancelled.
   */
  async cancelSettingUp(repo: string, number: number, except?: string): Promise<JobRecord[]> {
    const settingUp = (eb: ExpressionBuilder<AppTables, 'app_jobs'>) =>
      eb.or([
        eb('run_id', 'is', null),
        eb(
          'run_id',
          'not in',
          eb.selectFrom('app_runs').select('app_runs.run_id').where('app_runs.status', 'in', ACTIVE_RUN_STATUSES),
        ),
      ]);
    let query = this.db
      .selectFrom('app_jobs')
      .selectAll()
      .where('repo', '=', repo)
      .where('number', '=', number)
      .where('status', '=', 'running')
      .where('kind', 'in', RUN_JOB_KINDS)
      .where(settingUp);
    if (except) query = query.where('id', '!=', except);
    const cancelled: JobRecord[] = [];
    for (const job of (await query.execute()).map(toJob)) {
      const result = await this.db
        .updateTable('app_jobs')
        .set({ status: 'cancelled', active_key: null, result: 'cancelled while setting up', updated_at: nowIso() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where(settingUp)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) cancelled.push({ ...job, status: 'cancelled' });
    }
    return cancelled;
  }
}

/** The job is still held by the worker seen, with the heartbeat seen (a second compare-and-swap key). */
function sameHolder(job: Pick<JobRecord, 'worker' | 'heartbeatAt'>) {
  return (eb: ExpressionBuilder<AppTables, 'app_jobs'>) =>
    eb.and([
      job.worker === null ? eb('worker', 'is', null) : eb('worker', '=', job.worker),
      job.heartbeatAt === null ? eb('heartbeat_at', 'is', null) : eb('heartbeat_at', '=', job.heartbeatAt),
    ]);
}
