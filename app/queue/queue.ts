import type { AppDb } from '../db.js';
import type { JobRecord } from '../jobs.js';

/**
 * Runs one job, already claimed for this worker in app_jobs; resolves when the job is finished or
 * deferred. It never throws: failures are recorded on the job.
 */
export type JobHandler = (job: JobRecord, signal: AbortSignal) => Promise<void>;

export interface Consumer {
  /**
   * Stops taking jobs and waits up to `graceMs` for the running ones. The signal handed to them is
   * aborted: they stop at their next safe point; a job still running when the process exits is
   * taken over and resumed by the next worker, as after a crash.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Transport of jobs from receivers to workers. The job itself lives in app_jobs; the queue only
 * decides which worker runs it, and when: the store queue polls app_jobs (SQLite, one machine),
 * graphile-worker does it with LISTEN/NOTIFY and row locks (PostgreSQL, any number of machines).
 */
export interface JobQueue {
  readonly kind: 'store' | 'graphile';
  /** Called inside the admission transaction, so a job is queued exactly when its delivery is stored. */
  enqueue(trx: AppDb, jobId: string, runAt?: Date): Promise<void>;
  /** A job was just queued by this process: wake a local consumer now instead of at its next poll. */
  notify(): void;
  /** Puts a job back in the queue after the handler deferred it. */
  requeue(jobId: string, runAt: Date): Promise<void>;
  consume(options: { concurrency: number; handle: JobHandler; log: (message: string) => void }): Promise<Consumer>;
  close(): Promise<void>;
}
