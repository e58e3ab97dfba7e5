import type { Kysely } from 'kysely';
import { applyMigrations, type KyselyStore, type Migration as MigrationOf } from '../src/store/index.js';

/**
 * The App's own tables, in the run store's database (SQLite at $ARCHAL_HOME, or PostgreSQL): the
 * deliveries it received, the jobs they became, the runs those jobs started, and the worker
 * processes consuming the queue. They are versioned apart from the run store's tables.
 */
export type AppTables = {
  app_deliveries: {
    id: string;
    event: string;
    action: string | null;
    repo: string | null;
    number: number | null;
    sender: string | null;
    outcome: DeliveryOutcome;
    reason: string | null;
    job_id: string | null;
    duplicates: number;
    received_at: string;
    last_duplicate_at: string | null;
  };
  app_jobs: {
    id: string;
    delivery_id: string;
    kind: string;
    repo: string;
    installation_id: number;
    number: number | null;
    is_pull: number;
    /** What makes two jobs "the same command on the same issue". */
    dedupe_key: string | null;
    /** `dedupe_key` while the job is queued or running, else null; unique, so two receivers cannot both admit it. */
    active_key: string | null;
    payload: string;
    status: JobStatus;
    attempts: number;
    run_after: string;
    worker: string | null;
    worker_pid: number | null;
    worker_host: string | null;
    heartbeat_at: string | null;
    run_id: string | null;
    comment_id: number | null;
    result: string | null;
    /** What a job did that a retry must not do again (JSON, shaped by the job's kind); kept across attempts. */
    state: string | null;
    created_at: string;
    updated_at: string;
  };
  app_runs: {
    run_id: string;
    job_id: string;
    repo: string;
    number: number;
    is_pull: number;
    workflow: string;
    branch: string;
    base: string;
    start_sha: string;
    comment_id: number | null;
    status: string;
    pr_number: number | null;
    pr_url: string | null;
    created_at: string;
    updated_at: string;
  };
  app_workers: {
    id: string;
    pid: number;
    host: string;
    heartbeat_at: string;
  };
  /** Which job is starting a run on an issue or pull request (`owner/repo#n`): one at a time. */
  app_target_claims: {
    target: string;
    job_id: string;
    claimed_at: string;
  };
  archal_app_schema: {
    id: number;
    version: number;
  };
};

export type DeliveryOutcome = 'queued' | 'ignored' | 'suppressed';
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type AppDb = Kysely<AppTables>;

/** The App's view of the store's database. */
export function appDb(store: KyselyStore): AppDb {
  return store.db.withTables<AppTables>() as unknown as AppDb;
}

type Migration = MigrationOf<AppTables>;

/** Append only: never edit a migration that has shipped. */
const MIGRATIONS: Migration[] = [
  async (db) => {
    await db.schema
      .createTable('app_deliveries')
      .ifNotExists()
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('event', 'text', (col) => col.notNull())
      .addColumn('action', 'text')
      .addColumn('repo', 'text')
      .addColumn('number', 'integer')
      .addColumn('sender', 'text')
      .addColumn('outcome', 'text', (col) => col.notNull())
      .addColumn('reason', 'text')
      .addColumn('job_id', 'text')
      .addColumn('duplicates', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addColumn('last_duplicate_at', 'text')
      .execute();
    await db.schema
      .createTable('app_jobs')
      .ifNotExists()
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('delivery_id', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('repo', 'text', (col) => col.notNull())
      .addColumn('installation_id', 'integer', (col) => col.notNull())
      .addColumn('number', 'integer')
      .addColumn('is_pull', 'integer', (col) => col.notNull())
      .addColumn('dedupe_key', 'text')
      .addColumn('active_key', 'text', (col) => col.unique())
      .addColumn('payload', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('run_after', 'text', (col) => col.notNull())
      .addColumn('worker', 'text')
      .addColumn('worker_pid', 'integer')
      .addColumn('worker_host', 'text')
      .addColumn('heartbeat_at', 'text')
      .addColumn('run_id', 'text')
      .addColumn('comment_id', 'bigint')
      .addColumn('result', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('app_jobs_status_after')
      .ifNotExists()
      .on('app_jobs')
      .columns(['status', 'run_after'])
      .execute();
    await db.schema.createIndex('app_jobs_dedupe').ifNotExists().on('app_jobs').column('dedupe_key').execute();
    await db.schema
      .createIndex('app_jobs_target')
      .ifNotExists()
      .on('app_jobs')
      .columns(['repo', 'number', 'created_at'])
      .execute();
    await db.schema
      .createTable('app_runs')
      .ifNotExists()
      .addColumn('run_id', 'text', (col) => col.primaryKey())
      .addColumn('job_id', 'text', (col) => col.notNull())
      .addColumn('repo', 'text', (col) => col.notNull())
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('is_pull', 'integer', (col) => col.notNull())
      .addColumn('workflow', 'text', (col) => col.notNull())
      .addColumn('branch', 'text', (col) => col.notNull())
      .addColumn('base', 'text', (col) => col.notNull())
      .addColumn('start_sha', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'bigint')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('pr_number', 'integer')
      .addColumn('pr_url', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('app_runs_job').ifNotExists().on('app_runs').column('job_id').execute();
    await db.schema
      .createIndex('app_runs_target')
      .ifNotExists()
      .on('app_runs')
      .columns(['repo', 'number', 'created_at'])
      .execute();
    await db.schema
      .createTable('app_workers')
      .ifNotExists()
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('pid', 'integer', (col) => col.notNull())
      .addColumn('host', 'text', (col) => col.notNull())
      .addColumn('heartbeat_at', 'text', (col) => col.notNull())
      .execute();
  },
  async (db) => {
    await db.schema
      .createTable('app_target_claims')
      .ifNotExists()
      .addColumn('target', 'text', (col) => col.primaryKey())
      .addColumn('job_id', 'text', (col) => col.notNull())
      .addColumn('claimed_at', 'text', (col) => col.notNull())
      .execute();
  },
  async (db) => {
    await db.schema.alterTable('app_jobs').addColumn('state', 'text').execute();
  },
];

/** Applies the App's migrations this database has not seen; one migrating process at a time. */
export async function migrateAppTables(db: AppDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await applyMigrations(db, { dialect, versionTable: 'archal_app_schema', lockKey: 7310732, migrations: MIGRATIONS });
}

export const nowIso = () => new Date().toISOString();
