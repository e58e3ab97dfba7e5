import { sql } from 'kysely';
import { nowIso, type AppDb } from './db.js';
import { newJobRow } from './jobs.js';
import type { JobQueue } from './queue/queue.js';
import type { DeliverySummary, Route } from './route.js';

export interface Delivery extends DeliverySummary {
  /** `X-GitHub-Delivery`. */
  id: string;
  event: string;
  action: string | null;
}

export type Admission =
  | { outcome: 'queued'; jobId: string }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'suppressed'; reason: string }
  | { outcome: 'duplicate' };

/** Run statuses during which a run holds its issue: a second identical command is suppressed. */
const ACTIVE_RUN = ['pending', 'running', 'paused'];

/**
 * Stores a delivery and, when it asks for work, its job and queue entry, in one transaction: the
 * delivery is acknowledged only once this returns. A delivery seen before (same `X-GitHub-Delivery`)
 * and a command already queued, running or waiting on the same issue are recorded and suppressed.
 */
export async function admit(db: AppDb, queue: JobQueue, delivery: Delivery, route: Route): Promise<Admission> {
  const admission = await db.transaction().execute(async (trx): Promise<Admission> => {
    const at = nowIso();
    const inserted = await trx
      .insertInto('app_deliveries')
      .values({
        id: delivery.id,
        event: delivery.event,
        action: delivery.action,
        repo: delivery.repo,
        number: delivery.number,
        sender: delivery.sender,
        outcome: route.kind === 'ignore' ? 'ignored' : 'queued',
        reason: route.kind === 'ignore' ? route.reason : null,
        job_id: null,
        duplicates: 0,
        received_at: at,
        last_duplicate_at: null,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      await trx
        .updateTable('app_deliveries')
        .set((eb) => ({ duplicates: eb('duplicates', '+', 1), last_duplicate_at: at }))
        .where('id', '=', delivery.id)
        .execute();
      return { outcome: 'duplicate' };
    }
    if (route.kind === 'ignore') return { outcome: 'ignored', reason: route.reason };

    const { job } = route;
    const suppressed = job.dedupeKey ? await activeHolder(trx, job.dedupeKey) : undefined;
    if (suppressed) return suppress(trx, delivery.id, suppressed);
    const row = newJobRow(job, delivery.id);
    const created = await trx
      .insertInto('app_jobs')
      .values(row)
      .onConflict((conflict) => conflict.column('active_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    // Another receiver admitted the same command a moment ago.
    if (!created) return suppress(trx, delivery.id, `the same command is already queued (${job.dedupeKey})`);
    await queue.enqueue(trx, row.id);
    await trx.updateTable('app_deliveries').set({ job_id: row.id }).where('id', '=', delivery.id).execute();
    return { outcome: 'queued', jobId: row.id };
  });
  if (admission.outcome === 'queued') queue.notify();
  return admission;
}

/** Why a command with this key cannot be admitted now, if it cannot. */
async function activeHolder(db: AppDb, dedupeKey: string): Promise<string | undefined> {
  const queued = await db
    .selectFrom('app_jobs')
    .select(['id', 'status'])
    .where('active_key', '=', dedupeKey)
    .executeTakeFirst();
  if (queued) return `the same command is already ${queued.status} (job ${queued.id})`;
  const run = await db
    .selectFrom('app_runs')
    .innerJoin('app_jobs', 'app_jobs.id', 'app_runs.job_id')
    .select(['app_runs.run_id', 'app_runs.status'])
    .where('app_jobs.dedupe_key', '=', dedupeKey)
    .where('app_runs.status', 'in', ACTIVE_RUN)
    .executeTakeFirst();
  return run ? `a run of the same command is ${run.status} (run ${run.run_id})` : undefined;
}

async function suppress(db: AppDb, deliveryId: string, reason: string): Promise<Admission> {
  await db.updateTable('app_deliveries').set({ outcome: 'suppressed', reason }).where('id', '=', deliveryId).execute();
  return { outcome: 'suppressed', reason };
}

/** Counts for the health endpoint and the benchmark. */
export async function deliveryCounts(db: AppDb): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('app_deliveries')
    .select(['outcome', sql<number>`count(*)`.as('count')])
    .groupBy('outcome')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.count)]));
}
