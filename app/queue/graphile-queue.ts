import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from 'graphile-worker';
import { processAlive } from '../../src/workflows/lifecycle.js';
import { nowIso, type AppDb } from '../db.js';
import { DEFAULT_LEASE_MS, HEARTBEAT_MS, type JobLedger } from '../jobs.js';
import type { Consumer, JobHandler, JobQueue } from './queue.js';
import { waitAtMost } from './store-queue.js';

const TASK = 'archal_app_job';
const SWEEP_MS = 5_000;
/** graphile-worker retries a job that vanished with its worker (kill -9) this many times. */
const MAX_ATTEMPTS = 10;

/**
 * The queue of many machines: graphile-worker on the run store's PostgreSQL. Receivers add jobs in
 * their admission transaction; workers take them with row locks, so each job runs on exactly one
 * worker. graphile-worker only unlocks a dead worker's jobs after four hours, so every process
 * records its graphile workers in app_workers and unlocks the jobs of those whose process is gone
 * (on this host at once, elsewhere once their heartbeat is older than the lease).
 */
export class GraphileQueue implements JobQueue {
  readonly kind = 'graphile' as const;

  private constructor(
    private readonly connectionString: string,
    private readonly db: AppDb,
    private readonly ledger: JobLedger,
    private readonly utils: WorkerUtils,
    private readonly leaseMs: number,
  ) {}

  static async open(options: {
    connectionString: string;
    db: AppDb;
    ledger: JobLedger;
    leaseMs?: number;
  }): Promise<GraphileQueue> {
    const utils = await makeWorkerUtils({ connectionString: options.connectionString, logger: quietLogger() });
    try {
      await utils.migrate();
    } catch (error) {
      await utils.release();
      throw error;
    }
    return new GraphileQueue(
      options.connectionString,
      options.db,
      options.ledger,
      utils,
      options.leaseMs ?? DEFAULT_LEASE_MS,
    );
  }

  async enqueue(trx: AppDb, jobId: string, runAt?: Date): Promise<void> {
    await sql`select graphile_worker.add_job(${TASK}::text, json_build_object('jobId', ${jobId}::text), run_at => ${(runAt ?? new Date()).toISOString()}::timestamptz, max_attempts => ${MAX_ATTEMPTS}::int, job_key => ${jobId}::text)`.execute(
      trx,
    );
  }

  notify(): void {
    // graphile-worker's LISTEN/NOTIFY wakes the workers.
  }

  async requeue(jobId: string, runAt: Date): Promise<void> {
    await this.enqueue(this.db, jobId, runAt);
  }

  async consume(options: { concurrency: number; handle: JobHandler; log: (message: string) => void }) {
    const abort = new AbortController();
    const workerIds = new Set<string>();
    const events = new EventEmitter();
    const { ledger } = this;
    // Jobs are locked by the pool's id (and by worker ids in older schemas): record both.
    const remember = (id: string) => {
      workerIds.add(id);
      void this.register([id]).catch(() => {});
    };
    events.on('pool:create', ({ workerPool }: { workerPool: { id: string } }) => remember(workerPool.id));
    events.on('worker:create', ({ worker }: { worker: { workerId: string } }) => remember(worker.workerId));
    const runner: Runner = await run({
      connectionString: this.connectionString,
      concurrency: options.concurrency,
      noHandleSignals: true,
      pollInterval: 1_000,
      logger: quietLogger(options.log),
      events: events as never,
      taskList: {
        [TASK]: async (payload) => {
          const { jobId } = payload as { jobId: string };
          const job = await ledger.claim(jobId);
          if (job) return options.handle(job, abort.signal);
          const current = await ledger.get(jobId);
          // Finished, cancelled or unknown: nothing to do. Held by a live worker: try again later.
          if (current?.status === 'running') throw new Error(`job ${jobId} is running on ${current.worker}`);
        },
      },
    });

    const beat = setInterval(() => void this.register([...workerIds]).catch(() => {}), HEARTBEAT_MS);
    beat.unref();
    const sweep = async () => {
      try {
        const unlocked = await this.unlockDeadWorkers(new Set(workerIds));
        if (unlocked.length > 0) options.log(`Unlocked the jobs of stopped workers: ${unlocked.join(', ')}`);
      } catch (error) {
        options.log(`Cannot sweep stopped workers: ${String(error)}`);
      }
    };
    await sweep();
    const sweeper = setInterval(() => void sweep(), SWEEP_MS);
    sweeper.unref();

    const consumer: Consumer = {
      stop: async (graceMs = 10_000) => {
        clearInterval(beat);
        clearInterval(sweeper);
        abort.abort();
        await waitAtMost(runner.stop(), graceMs);
        if (workerIds.size > 0)
          await this.db
            .deleteFrom('app_workers')
            .where('id', 'in', [...workerIds])
            .execute()
            .catch(() => {});
      },
    };
    return consumer;
  }

  private async register(ids: string[]): Promise<void> {
    const { pid, host } = this.ledger.worker;
    for (const id of ids)
      await this.db
        .insertInto('app_workers')
        .values({ id, pid, host, heartbeat_at: nowIso() })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ heartbeat_at: nowIso() }))
        .execute();
  }

  private async unlockDeadWorkers(mine: Set<string>): Promise<string[]> {
    const { pid, host } = this.ledger.worker;
    const rows = await this.db.selectFrom('app_workers').selectAll().execute();
    const dead = rows.filter((row) => {
      if (mine.has(row.id)) return false;
      if (Date.now() - Date.parse(row.heartbeat_at) > this.leaseMs) return true;
      return row.host === host && Number(row.pid) !== pid && !processAlive(Number(row.pid));
    });
    if (dead.length === 0) return [];
    const ids = dead.map((row) => row.id);
    await this.utils.forceUnlockWorkers(ids);
    await this.db.deleteFrom('app_workers').where('id', 'in', ids).execute();
    return ids;
  }

  async close(): Promise<void> {
    await this.utils.release();
  }
}

/** graphile-worker's logger, reduced to warnings and errors on our log. */
function quietLogger(log: (message: string) => void = () => {}): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`queue: ${message}`);
  });
}
