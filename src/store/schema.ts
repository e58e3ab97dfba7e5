import type { Generated } from 'kysely';
import { sql } from 'kysely';
import type { Migration as MigrationOf } from './migrate.js';

/** Tables, as Kysely sees them. Times are ISO-8601 UTC text and JSON is text, on both backends. */
export interface Database {
  workflow_runs: {
    id: string;
    workflow_name: string;
    status: string;
    working_path: string;
    conversation_id: string;
    user_message: string;
    metadata: string;
    started_at: string;
    completed_at: string | null;
    last_activity_at: string;
    owner_pid: number | null;
    owner_host: string | null;
    /** 1 when the run holds its working path while active (0: mutates_checkout: false, sub-workflow runs). */
    holds_path: Generated<number>;
  };
  workflow_events: {
    id: Generated<number>;
    run_id: string;
    seq: number;
    type: string;
    node_id: string | null;
    data: string;
    created_at: string;
  };
  run_processes: {
    run_id: string;
    pid: number;
    node_id: string;
    host: string;
    started_at: string;
  };
  worktrees: {
    path: string;
    repo_root: string;
    branch: string;
    workflow_name: string | null;
    status: string;
    created_at: string;
    last_activity_at: string;
  };
  archal_schema: {
    id: number;
    version: number;
  };
  attach_jobs: {
    repo: string;
    trace_id: string;
    source: string;
    stage: string;
    status: string;
    seq: number;
    revision: number;
    policy: string;
    content_hash: string;
    line: string;
    owner_pid: number | null;
    owner_host: string | null;
    owner_at: string | null;
    created_at: string;
    updated_at: string;
  };
  attach_job_lines: {
    repo: string;
    trace_id: string;
    seq: number;
    line: string;
    created_at: string;
  };
  attach_sources: {
    repo: string;
    name: string;
    source: string;
    updated_at: string;
  };
}

/** The PostgreSQL schema of Archal's tables (graphile-worker keeps its own, `graphile_worker`). */
export const POSTGRES_SCHEMA = 'archal';

type Migration = MigrationOf<Database>;

/**
 * Ordered schema changes; the store applies the ones a database has not seen yet. Append only:
 * never edit a migration that has shipped.
 */
export const MIGRATIONS: Migration[] = [
  async (db, dialect) => {
    const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
    await db.schema
      .createTable('workflow_runs')
      .ifNotExists()
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workflow_name', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('working_path', 'text', (col) => col.notNull())
      .addColumn('conversation_id', 'text', (col) => col.notNull())
      .addColumn('user_message', 'text', (col) => col.notNull())
      .addColumn('metadata', 'text', (col) => col.notNull())
      .addColumn('started_at', 'text', (col) => col.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('last_activity_at', 'text', (col) => col.notNull())
      .addColumn('owner_pid', 'integer')
      .addColumn('owner_host', 'text')
      .execute();
    await db.schema
      .createIndex('workflow_runs_path_status')
      .ifNotExists()
      .on('workflow_runs')
      .columns(['working_path', 'status'])
      .execute();
    await db.schema
      .createIndex('workflow_runs_name_path')
      .ifNotExists()
      .on('workflow_runs')
      .columns(['workflow_name', 'working_path', 'started_at'])
      .execute();
    await db.schema
      .createIndex('workflow_runs_started')
      .ifNotExists()
      .on('workflow_runs')
      .column('started_at')
      .execute();

    await db.schema
      .createTable('workflow_events')
      .ifNotExists()
      .addColumn('id', sql.raw(serial), (col) =>
        dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
      )
      .addColumn('run_id', 'text', (col) => col.notNull().references('workflow_runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('node_id', 'text')
      .addColumn('data', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    // Ordering, gap-free sequences and resume reads all go through this index, so their cost does
    // not grow with the size of the table.
    await db.schema
      .createIndex('workflow_events_run_seq')
      .ifNotExists()
      .unique()
      .on('workflow_events')
      .columns(['run_id', 'seq'])
      .execute();

    await db.schema
      .createTable('run_processes')
      .ifNotExists()
      .addColumn('run_id', 'text', (col) => col.notNull().references('workflow_runs.id').onDelete('cascade'))
      .addColumn('pid', 'integer', (col) => col.notNull())
      .addColumn('node_id', 'text', (col) => col.notNull())
      .addColumn('host', 'text', (col) => col.notNull())
      .addColumn('started_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('run_processes_pk', ['run_id', 'pid'])
      .execute();

    await db.schema
      .createTable('worktrees')
      .ifNotExists()
      .addColumn('path', 'text', (col) => col.primaryKey())
      .addColumn('repo_root', 'text', (col) => col.notNull())
      .addColumn('branch', 'text', (col) => col.notNull())
      .addColumn('workflow_name', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_activity_at', 'text', (col) => col.notNull())
      .execute();
  },
  // Hosts find the runs of a conversation (an issue, a pull request) again.
  async (db) => {
    await db.schema
      .createIndex('workflow_runs_conversation')
      .ifNotExists()
      .on('workflow_runs')
      .columns(['conversation_id', 'started_at'])
      .execute();
  },
  // The post-prod loop: one job per (repository, trace), its state changes, and registered sources.
  async (db) => {
    await db.schema
      .createTable('attach_jobs')
      .ifNotExists()
      .addColumn('repo', 'text', (col) => col.notNull())
      .addColumn('trace_id', 'text', (col) => col.notNull())
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('stage', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('seq', 'integer', (col) => col.notNull())
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('policy', 'text', (col) => col.notNull())
      .addColumn('content_hash', 'text', (col) => col.notNull())
      .addColumn('line', 'text', (col) => col.notNull())
      .addColumn('owner_pid', 'integer')
      .addColumn('owner_host', 'text')
      .addColumn('owner_at', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('attach_jobs_pk', ['repo', 'trace_id'])
      .execute();
    await db.schema
      .createTable('attach_job_lines')
      .ifNotExists()
      .addColumn('repo', 'text', (col) => col.notNull())
      .addColumn('trace_id', 'text', (col) => col.notNull())
      .addColumn('seq', 'integer', (col) => col.notNull())
      .addColumn('line', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('attach_job_lines_pk', ['repo', 'trace_id', 'seq'])
      .execute();
    await db.schema
      .createTable('attach_sources')
      .ifNotExists()
      .addColumn('repo', 'text', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('attach_sources_pk', ['repo', 'name'])
      .execute();
  },
  // Runs that do not hold their working path (mutates_checkout: false, sub-workflow runs).
  async (db) => {
    await db.schema
      .alterTable('workflow_runs')
      .addColumn('holds_path', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
  },
  // One active run per working path, kept by the database itself: admission is one insert, and of
  // any number of processes admitting runs on a path at once exactly one wins.
  async (db) => {
    // Earlier versions could leave several active runs on one path (a race, or runs of dead owners):
    // the newest keeps it, the others end as interrupted (and stay resumable).
    const active = await db
      .selectFrom('workflow_runs')
      .select(['id', 'working_path', 'metadata'])
      .where('status', 'in', ['pending', 'running', 'paused'])
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const holders = new Set<string>();
    for (const row of active) {
      if ((JSON.parse(row.metadata) as { mutatesCheckout?: boolean }).mutatesCheckout === false) {
        await db.updateTable('workflow_runs').set({ holds_path: 0 }).where('id', '=', row.id).execute();
        continue;
      }
      if (!holders.has(row.working_path)) {
        holders.add(row.working_path);
        continue;
      }
      const metadata = { ...(JSON.parse(row.metadata) as object), error: 'interrupted: another run held its path' };
      await db
        .updateTable('workflow_runs')
        .set({ status: 'failed', completed_at: new Date().toISOString(), metadata: JSON.stringify(metadata) })
        .where('id', '=', row.id)
        .execute();
    }
    await sql`create unique index if not exists workflow_runs_one_active_per_path on workflow_runs (working_path) where holds_path = 1 and status in ('pending', 'running', 'paused')`.execute(
      db,
    );
  },
];
