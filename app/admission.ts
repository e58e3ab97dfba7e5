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
  const at = nowIso();
  const row = route.kind === 'job' ? newJobRow(route.job, delivery.id) : undefined;
  // The statements of this path are written as SQL templates: building them with the query builder
  // cost as much as the Probot middleware itself, on every delivery.
  const record = async (trx: AppDb) => {
    const outcome = route.kind === 'ignore' ? 'ignored' : 'queued';
    const reason = route.kind === 'ignore' ? route.reason : null;
    const { rows } = await sql<{ id: string }>`insert into app_deliveries
      (id, event, action, repo, number, sender, outcome, reason, job_id, duplicates, received_at, last_duplicate_at)
      values (${delivery.id}, ${delivery.event}, ${delivery.action}, ${delivery.repo}, ${delivery.number},
        ${delivery.sender}, ${outcome}, ${reason}, ${row?.id ?? null}, 0, ${at}, null)
      on conflict (id) do nothing returning id`.execute(trx);
    return rows.length > 0;
  };
  const duplicate = async (trx: AppDb): Promise<Admission> => {
    await trx
      .updateTable('app_deliveries')
      .set((eb) => ({ duplicates: eb('duplicates', '+', 1), last_duplicate_at: at }))
      .where('id', '=', delivery.id)
      .execute();
    return { outcome: 'duplicate' };
  };

  // What starts nothing is one statement: no transaction to pay for on the most common deliveries.
  if (route.kind === 'ignore' || !row)
    return (await record(db))
      ? { outcome: 'ignored', reason: route.kind === 'ignore' ? route.reason : '' }
      : duplicate(db);

  const { job } = route;
  const admission = await db.transaction().execute(async (trx): Promise<Admission> => {
    if (!(await record(trx))) return duplicate(trx);
    const holder = job.dedupeKey ? await activeHolder(trx, job.dedupeKey) : undefined;
    if (holder) return suppress(trx, delivery.id, holder);
    const columns = Object.keys(row) as Array<keyof typeof row>;
    const { rows: created } = await sql<{
      id: string;
    }>`insert into app_jobs (${sql.join(columns.map((c) => sql.ref(c)))})
      values (${sql.join(columns.map((c) => row[c]))})
      on conflict (active_key) do nothing returning id`.execute(trx);
    // Another receiver admitted the same command a moment ago.
    if (created.length === 0)
      return suppress(trx, delivery.id, `the same command is already queued (${job.dedupeKey})`);
    await queue.enqueue(trx, row.id);
    return { outcome: 'queued', jobId: row.id };
  });
  if (admission.outcome === 'queued') queue.notify();
  return admission;
}

/** Why a command with this key cannot be admitted now, if it cannot. */
async function activeHolder(db: AppDb, dedupeKey: string): Promise<string | undefined> {
  const {
    rows: [queued],
  } = await sql<{
    id: string;
    status: string;
  }>`select id, status from app_jobs where active_key = ${dedupeKey}`.execute(db);
  if (queued) return `the same command is already ${queued.status} (job ${queued.id})`;
  const {
    rows: [run],
  } = await sql<{ run_id: string; status: string }>`select r.run_id, r.status from app_jobs j
    join app_runs r on r.job_id = j.id
    where j.dedupe_key = ${dedupeKey} and r.status in (${sql.join(ACTIVE_RUN)}) limit 1`.execute(db);
  return run ? `a run of the same command is ${run.status} (run ${run.run_id})` : undefined;
}

async function suppress(db: AppDb, deliveryId: string, reason: string): Promise<Admission> {
  await db.updateTable('app_deliveries').set({ outcome: 'suppressed', reason }).where('id', '=', deliveryId).execute();
  return { outcome: 'suppressed', reason };
}
