import { sql } from 'kysely';
import { nowIso, type AppDb, type AppTables } from '../db.js';

/** The App's record of a run: which issue or pull request it is for, its comment and its pull request. */
export interface AppRun {
  runId: string;
  jobId: string;
  repo: string;
  number: number;
  isPull: boolean;
  workflow: string;
  branch: string;
  base: string;
  startSha: string;
  commentId: number | null;
  status: string;
  prNumber: number | null;
  prUrl: string | null;
  createdAt: string;
}

export const ACTIVE_RUN_STATUSES = ['pending', 'running', 'paused'];

function toRun(row: AppTables['app_runs']): AppRun {
  return {
    runId: row.run_id,
    jobId: row.job_id,
    repo: row.repo,
    number: Number(row.number),
    isPull: Number(row.is_pull) === 1,
    workflow: row.workflow,
    branch: row.branch,
    base: row.base,
    startSha: row.start_sha,
    commentId: row.comment_id === null ? null : Number(row.comment_id),
    status: row.status,
    prNumber: row.pr_number === null ? null : Number(row.pr_number),
    prUrl: row.pr_url,
    createdAt: row.created_at,
  };
}

export async function recordRun(db: AppDb, run: Omit<AppRun, 'createdAt' | 'prNumber' | 'prUrl'>): Promise<void> {
  const at = nowIso();
  await db
    .insertInto('app_runs')
    .values({
      run_id: run.runId,
      job_id: run.jobId,
      repo: run.repo,
      number: run.number,
      is_pull: run.isPull ? 1 : 0,
      workflow: run.workflow,
      branch: run.branch,
      base: run.base,
      start_sha: run.startSha,
      comment_id: run.commentId,
      status: run.status,
      pr_number: null,
      pr_url: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) => conflict.column('run_id').doUpdateSet({ status: run.status, updated_at: at }))
    .execute();
}

/**
 * A job's run, recorded on the job and in `app_runs` in one transaction: a cancel reading in between
 * would otherwise find the job with a run (so not setting up) and no run of the issue to cancel.
 */
export async function recordJobRun(db: AppDb, run: Omit<AppRun, 'createdAt' | 'prNumber' | 'prUrl'>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_jobs')
      .set({ run_id: run.runId, updated_at: nowIso() })
      .where('id', '=', run.jobId)
      .execute();
    await recordRun(trx, run);
  });
}

export async function updateRun(
  db: AppDb,
  runId: string,
  patch: Partial<Pick<AppTables['app_runs'], 'status' | 'pr_number' | 'pr_url' | 'comment_id'>>,
  options: { unless?: string[] } = {},
): Promise<void> {
  let query = db
    .updateTable('app_runs')
    .set({ ...patch, updated_at: nowIso() })
    .where('run_id', '=', runId);
  if (options.unless?.length) query = query.where('status', 'not in', options.unless);
  await query.execute();
}

export async function getAppRun(db: AppDb, runId: string): Promise<AppRun | undefined> {
  const row = await db.selectFrom('app_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
  return row && toRun(row);
}

/** Runs of an issue or pull request, newest first. */
export async function runsOf(
  db: AppDb,
  repo: string,
  number: number,
  options: { statuses?: string[]; limit?: number } = {},
): Promise<AppRun[]> {
  let query = db.selectFrom('app_runs').selectAll().where('repo', '=', repo).where('number', '=', number);
  if (options.statuses) query = query.where('status', 'in', options.statuses);
  const rows = await query
    .orderBy('created_at', 'desc')
    .limit(options.limit ?? 20)
    .execute();
  return rows.map(toRun);
}

/** How many runs of a repository are executing now (paused runs hold no worker). */
export async function executingRuns(db: AppDb, repo: string, except?: string): Promise<number> {
  let query = db
    .selectFrom('app_runs')
    .select('run_id')
    .where('repo', '=', repo)
    .where('status', 'in', ['pending', 'running']);
  if (except) query = query.where('run_id', '!=', except);
  return (await query.execute()).length;
}

/**
 * Claims an issue or pull request for a job about to start a run there, in one statement (atomic on
 * SQLite and PostgreSQL, across processes): a run is recorded only once its first node starts, so
 * two jobs taken at the same moment would otherwise both find the issue free. A claim held by a job
 * that is no longer running is taken over. Returns the job that holds it when that is another one.
 */
export async function claimTarget(
  db: AppDb,
  repo: string,
  number: number,
  jobId: string,
): Promise<{ claimed: true } | { claimed: false; holder: string }> {
  const target = `${repo}#${number}`;
  const { rows } = await sql<{ job_id: string }>`insert into app_target_claims (target, job_id, claimed_at)
    values (${target}, ${jobId}, ${nowIso()})
    on conflict (target) do update set job_id = excluded.job_id, claimed_at = excluded.claimed_at
    where app_target_claims.job_id = excluded.job_id
      or app_target_claims.job_id not in (select id from app_jobs where status = 'running')
    returning job_id`.execute(db);
  if (rows.length > 0) return { claimed: true };
  const holder = await db
    .selectFrom('app_target_claims')
    .select('job_id')
    .where('target', '=', target)
    .executeTakeFirst();
  return { claimed: false, holder: holder?.job_id ?? 'unknown' };
}
