import type { AppDb } from '../db.js';
import type { JobLedger } from '../jobs.js';
import type { Consumer, JobHandler, JobQueue } from './queue.js';

const POLL_MS = 250;
const SWEEP_MS = 5_000;

/**
 * The queue of one machine: app_jobs itself, polled (and woken at once when this process admits a
 * job). Workers in other processes on the same SQLite file take jobs the same way; a job whose
 * worker died is put back in the queue by the next sweep.
 */
export class StoreQueue implements JobQueue {
  readonly kind = 'store' as const;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly ledger: JobLedger) {}

  async enqueue(_trx: AppDb, _jobId: string): Promise<void> {
    // The queued row is the queue entry.
  }

  notify(): void {
    for (const wake of this.wakers) wake();
  }

  async requeue(): Promise<void> {
    // The ledger already set the job queued with its new due time.
  }

  async consume(options: { concurrency: number; handle: JobHandler; log: (message: string) => void }) {
    const abort = new AbortController();
    let stopped = false;
    const sweep = async () => {
      try {
        const requeued = await this.ledger.requeueAbandoned();
        if (requeued.length > 0) {
          options.log(`Requeued ${requeued.length} job(s) whose worker stopped: ${requeued.join(', ')}`);
          this.notify();
        }
      } catch (error) {
        options.log(`Cannot sweep abandoned jobs: ${String(error)}`);
      }
    };
    await sweep();
    const sweeper = setInterval(() => void sweep(), SWEEP_MS);
    sweeper.unref();

    const loop = async () => {
      while (!stopped) {
        let job;
        try {
          job = await this.ledger.claimNext();
        } catch (error) {
          options.log(`Cannot read the queue: ${String(error)}`);
        }
        if (job) {
          await options.handle(job, abort.signal);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, POLL_MS);
          function done() {
            clearTimeout(timer);
            wakers.delete(done);
            resolve();
          }
          const wakers = this.wakers;
          wakers.add(done);
        });
      }
    };
    const loops = Array.from({ length: options.concurrency }, () => loop());
    const consumer: Consumer = {
      stop: async (graceMs = 10_000) => {
        stopped = true;
        clearInterval(sweeper);
        abort.abort();
        this.notify();
        await waitAtMost(Promise.all(loops), graceMs);
      },
    };
    return consumer;
  }

  async close(): Promise<void> {}
}

/** Waits for `work`, or `ms` at most (jobs still running then are resumed by the next worker). */
export function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
