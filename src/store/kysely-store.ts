import type BetterSqlite3 from 'better-sqlite3';
import { sep } from 'node:path';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { WorktreeRecord, WorktreeStore } from '../isolation/worktree-store.js';
import type { WorkflowEvent, WorkflowEventType } from '../workflows/events.js';
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
import { isoTime } from '../lib/iso-time.js';
import { applyMigrations } from './migrate.js';
import { MIGRATIONS, POSTGRES_SCHEMA, type Database } from './schema.js';
import { SqliteRuns } from './sqlite-runs.js';

export type Dialect = 'sqlite' | 'postgres';

const now = () => isoTime();
// The port's value, repeated: the store depends on the port's types only.
const WORKING_PATH_TAKEN = 'working_path_taken';
/** Runs that declare mutates_checkout: false (and sub-workflow runs) do not hold their working path. */
const holdsWorkingPath = (metadata: RunMetadata) => metadata.mutatesCheckout !== false;
const MAX_SEQUENCE_RETRIES = 20;
const MAX_EVENT_BATCH = 500;

/** A node process recorded or forgotten. */
type ProcessWrite =
  { kind: 'track'; process: TrackedProcess; at: string } | { kind: 'untrack'; runId: string; pid: number };

/** A write waiting in the store's queue: an event, or (SQLite) a process write. */
type PendingWrite = { reject: (error: unknown) => void } & (
  { kind: 'event'; event: WorkflowEvent; resolve: (seq: number) => void } | (ProcessWrite & { resolve: () => void })
);

/**
 * The run, event and worktree store on any Kysely database. All SQL is written once through
 * Kysely, except the hot path of a SQLite file (a node's events and process records, SqliteWriter);
 * the two backends otherwise differ only in how they are opened (see open.ts).
 */
export class KyselyStore implements WorkflowRunStore, WorktreeStore {
  private sqliteWriter: SqliteWriter | undefined;
  private sqliteRunStatements: SqliteRuns | undefined;
  private kysely: Kysely<Database> | (() => Kysely<Database>);

  /**
   * `db`: the database, or what makes it when it is first used (on a SQLite file, a run reads and
   * writes through `sqliteDatabase` alone, and Kysely is only loaded to migrate the store or for its
   * rarer queries). `sqliteDatabase`: the connection under a SQLite `db`, which writes the store's
   * hot path directly. `keepAtClose`: whether `close()` leaves that connection to the process's exit
   * (see exit.ts).
   */
  constructor(
    db: Kysely<Database> | (() => Kysely<Database>),
    readonly kind: Dialect,
    private readonly sqliteDatabase?: BetterSqlite3.Database,
    private readonly keepAtClose?: () => boolean,
  ) {
    this.kysely = db;
  }

  get db(): Kysely<Database> {
    if (typeof this.kysely === 'function') this.kysely = this.kysely();
    return this.kysely;
  }

  /**
   * The run rows' statements on a SQLite file's connection, outside Kysely, as the event writes
   * (unless a Kysely transaction is open on the connection, which they must neither join nor pass).
   */
  private get sqliteRuns(): SqliteRuns | undefined {
    if (!this.sqliteDatabase || this.sqliteDatabase.inTransaction) return undefined;
    return (this.sqliteRunStatements ??= new SqliteRuns(this.sqliteDatabase));
  }

  /** Applies the migrations this database has not seen. Cheap (one query) when it is up to date. */
  async migrate(): Promise<void> {
    if (this.sqliteRuns && this.sqliteRuns.schemaVersion() >= MIGRATIONS.length) return;
    await applyMigrations(this.db, {
      dialect: this.kind,
      versionTable: 'archal_schema',
      lockKey: 7310731,
      migrations: MIGRATIONS,
      ...(this.kind === 'postgres' ? { before: adoptPublicTables } : {}),
    });
  }

  async createRun(run: NewRun): Promise<RunRecord> {
    const at = now();
    try {
      await this.insertRun(run, at);
    } catch (error) {
      if (isUniqueViolation(error) && (await this.getRun(run.id)) === undefined)
        throw Object.assign(new Error(`Another active run holds ${run.workingPath}.`), {
          code: WORKING_PATH_TAKEN,
          cause: error,
        });
      throw error;
    }
    return (await this.getRun(run.id))!;
  }

  private async insertRun(run: NewRun, at: string): Promise<void> {
    const row = {
      id: run.id,
      workflow_name: run.workflowName,
      status: run.status,
      working_path: run.workingPath,
      conversation_id: run.conversationId,
      user_message: run.userMessage,
      metadata: JSON.stringify(run.metadata),
      started_at: at,
      completed_at: null,
      last_activity_at: at,
      owner_pid: run.ownerPid,
      owner_host: run.ownerHost,
      holds_path: holdsWorkingPath(run.metadata) ? 1 : 0,
    };
    const sqlite = this.sqliteRuns;
    if (sqlite) return sqlite.insert(row);
    await this.db.insertInto('workflow_runs').values(row).execute();
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const sqlite = this.sqliteRuns;
    if (sqlite) {
      const row = sqlite.get(id);
      return row && toRun(row);
    }
    const row = await this.db.selectFrom('workflow_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  async findRunsByPrefix(prefix: string): Promise<RunRecord[]> {
    const escaped = prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    const rows = await this.db
      .selectFrom('workflow_runs')
      .selectAll()
      .where(sql<boolean>`id like ${`${escaped}%`} escape '\\'`)
      .limit(10)
      .execute();
    return rows.map(toRun);
  }

  async listRuns(filter: RunFilter): Promise<RunRecord[]> {
    const sqlite = this.sqliteRuns;
    if (sqlite) return sqlite.list(filter).map(toRun);
    let query = this.db.selectFrom('workflow_runs').selectAll();
    if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.workingPath) query = query.where('working_path', '=', filter.workingPath);
    const roots = filter.workingPathUnder;
    if (roots)
      query = query.where((eb) =>
        eb.or(
          roots.flatMap((root) => [
            eb('working_path', '=', root),
            // A prefix compared as text: LIKE would be case-insensitive in SQLite and need escaping.
            eb(sql<string>`substr(working_path, 1, length(cast(${root + sep} as text)))`, '=', root + sep),
          ]),
        ),
      );
    if (filter.workflowName) query = query.where('workflow_name', '=', filter.workflowName);
    if (filter.conversationId) query = query.where('conversation_id', '=', filter.conversationId);
    const rows = await query
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 50)
      .execute();
    return rows.map(toRun);
  }

  async changeStatus(id: string, change: StatusChange): Promise<boolean> {
    const current = change.metadata ? await this.getRun(id) : undefined;
    const at = now();
    const set = {
      status: change.to,
      last_activity_at: at,
      completed_at: change.to === 'completed' || change.to === 'failed' || change.to === 'cancelled' ? at : null,
      ...(change.owner ? { owner_pid: change.owner.pid, owner_host: change.owner.host } : {}),
      ...(change.workingPath ? { working_path: change.workingPath } : {}),
      ...(current ? { metadata: JSON.stringify({ ...current.metadata, ...change.metadata }) } : {}),
    };
    const sqlite = this.sqliteRuns;
    if (sqlite)
      try {
        return sqlite.changeStatus(id, set, {
          from: change.from,
          lastActivityAt: change.lastActivityAt,
          metadata: current && JSON.stringify(current.metadata),
        });
      } catch (error) {
        // The run would become a second active run on its path: the database refused.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    let query = this.db
      .updateTable('workflow_runs')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', [...change.from]);
    if (change.lastActivityAt !== undefined) query = query.where('last_activity_at', '=', change.lastActivityAt);
    // Metadata is merged from what was read; the CAS must then also hold on what was read.
    if (current) query = query.where('metadata', '=', JSON.stringify(current.metadata));
    try {
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } catch (error) {
      // The run would become a second active run on its path: the database refused.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async heartbeat(id: string): Promise<StoredRunStatus | undefined> {
    const sqlite = this.sqliteRuns;
    if (sqlite) return sqlite.heartbeat(id, now()) as StoredRunStatus | undefined;
    await this.db.updateTable('workflow_runs').set({ last_activity_at: now() }).where('id', '=', id).execute();
    const row = await this.db.selectFrom('workflow_runs').select('status').where('id', '=', id).executeTakeFirst();
    return row?.status as StoredRunStatus | undefined;
  }

  /**
   * Appends an event with the next sequence number of its run. Appends made while a write is in
   * flight are grouped into one statement (group commit), so many concurrent runs cost little more
   * than one; order is preserved because batches are written one at a time.
   */
  appendEvent(event: WorkflowEvent): Promise<number> {
    return new Promise((resolve, reject) => {
      this.enqueue({ kind: 'event', event, resolve, reject });
    });
  }

  /**
   * Records a node process. On SQLite it joins the write queue of the events, so that a node's
   * process records and the events around it are written in one transaction (after the writes
   * queued before it). On PostgreSQL it is a statement of its own, on another connection of the
   * pool, so that it never delays the events a node waits for.
   */
  trackProcess(process: TrackedProcess): Promise<void> {
    return this.processWrite({ kind: 'track', process, at: now() });
  }

  untrackProcess(runId: string, pid: number): Promise<void> {
    return this.processWrite({ kind: 'untrack', runId, pid });
  }

  private processWrite(write: ProcessWrite): Promise<void> {
    if (!this.sqliteDatabase) return this.writeProcess(write);
    return new Promise((resolve, reject) => this.enqueue({ ...write, resolve, reject }));
  }

  private pendingWrites: PendingWrite[] = [];
  private draining = false;

  private enqueue(write: PendingWrite): void {
    this.pendingWrites.push(write);
    if (!this.draining) void this.drainWrites();
  }

  private async drainWrites(): Promise<void> {
    this.draining = true;
    try {
      // Let writes made in the same turn of the event loop join the batch.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.pendingWrites.length > 0) {
        const batch = this.pendingWrites.splice(0, MAX_EVENT_BATCH);
        try {
          const seqs = await this.writeBatch(batch);
          let next = 0;
          for (const write of batch) settle(write, write.kind === 'event' ? seqs[next++]! : 0);
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          // One bad write (an unknown run) must not take the others down with it.
          else
            for (const write of batch)
              await this.writeBatch([write]).then(([seq]) => settle(write, seq ?? 0), write.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Writes a batch; the events' sequence numbers, in order. */
  private async writeBatch(batch: readonly PendingWrite[]): Promise<number[]> {
    // A SQLite file is written in one transaction per batch, outside Kysely (unless a Kysely
    // transaction is open on the connection, which the batch must not join).
    if (this.sqliteDatabase && !this.sqliteDatabase.inTransaction) {
      // Prepared on first use: the tables exist once the store is migrated.
      this.sqliteWriter ??= new SqliteWriter(this.sqliteDatabase);
      return this.sqliteWriter.write(batch);
    }
    const events = batch.flatMap((write) => (write.kind === 'event' ? [write.event] : []));
    const seqs = events.length > 0 ? await this.insertEvents(this.db, events) : [];
    // The events are written: a process record that fails is settled on its own, so that the
    // batch is not written again.
    for (const write of batch) {
      if (write.kind === 'event') continue;
      await this.writeProcess(write).then(write.resolve, write.reject);
    }
    return seqs;
  }

  private async writeProcess(write: ProcessWrite): Promise<void> {
    switch (write.kind) {
      case 'track':
        await this.db
          .insertInto('run_processes')
          .values({
            run_id: write.process.runId,
            pid: write.process.pid,
            node_id: write.process.nodeId,
            host: write.process.host,
            started_at: write.at,
          })
          .onConflict((conflict) => conflict.columns(['run_id', 'pid']).doNothing())
          .execute();
        return;
      case 'untrack':
        await this.db
          .deleteFrom('run_processes')
          .where('run_id', '=', write.runId)
          .where('pid', '=', write.pid)
          .execute();
        return;
    }
  }

  private async insertEvents(db: Kysely<Database>, events: readonly WorkflowEvent[]): Promise<number[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.insertEventsOnce(db, events);
      } catch (error) {
        // Another process took a number first (PostgreSQL): read the new maximum and try again.
        if (!isUniqueViolation(error) || attempt >= MAX_SEQUENCE_RETRIES) throw error;
      }
    }
  }

  private async insertEventsOnce(db: Kysely<Database>, events: readonly WorkflowEvent[]): Promise<number[]> {
    // Each event's sequence is its run's current maximum plus its position among this batch's
    // events of that run; the statement reads the maximum before it writes, on both backends.
    const counters = new Map<string, number>();
    const ordinals = events.map((event) => {
      const next = (counters.get(event.runId) ?? 0) + 1;
      counters.set(event.runId, next);
      return next;
    });
    const rows = events.map(
      (event, index) =>
        sql`select cast(${event.runId} as text) as run_id, cast(${ordinals[index]} as integer) as ord, cast(${event.type} as text) as type, cast(${event.nodeId ?? null} as text) as node_id, cast(${JSON.stringify(event.data)} as text) as data, cast(${event.ts} as text) as created_at`,
    );
    const result = await sql<{ run_id: string; seq: number }>`
      insert into workflow_events (run_id, seq, type, node_id, data, created_at)
      select v.run_id, coalesce((select max(e.seq) from workflow_events e where e.run_id = v.run_id), 0) + v.ord, v.type, v.node_id, v.data, v.created_at
      from (${sql.join(rows, sql` union all `)}) as v
      returning run_id, seq`.execute(db);
    const byRun = new Map<string, number[]>();
    for (const row of result.rows) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), Number(row.seq)]);
    for (const seqs of byRun.values()) seqs.sort((a, b) => a - b);
    return events.map((event, index) => byRun.get(event.runId)![ordinals[index]! - 1]!);
  }

  async listEvents(runId: string, types?: readonly string[]): Promise<StoredEvent[]> {
    let query = this.db.selectFrom('workflow_events').selectAll().where('run_id', '=', runId);
    if (types) query = query.where('type', 'in', [...types]);
    const rows = await query.orderBy('seq').execute();
    return rows.map((row) => ({
      seq: Number(row.seq),
      type: row.type as WorkflowEventType,
      runId: row.run_id,
      ...(row.node_id === null ? {} : { nodeId: row.node_id }),
      data: JSON.parse(row.data) as Record<string, unknown>,
      ts: row.created_at,
    }));
  }

  async listProcesses(runId: string): Promise<TrackedProcess[]> {
    const rows = await this.db.selectFrom('run_processes').selectAll().where('run_id', '=', runId).execute();
    return rows.map((row) => ({ runId: row.run_id, pid: Number(row.pid), nodeId: row.node_id, host: row.host }));
  }

  async upsertWorktree(record: Omit<WorktreeRecord, 'createdAt' | 'lastActivityAt'>): Promise<void> {
    const at = now();
    await this.db
      .insertInto('worktrees')
      .values({
        path: record.path,
        repo_root: record.repoRoot,
        branch: record.branch,
        workflow_name: record.workflowName,
        status: record.status,
        created_at: at,
        last_activity_at: at,
      })
      .onConflict((conflict) =>
        conflict.column('path').doUpdateSet({
          repo_root: record.repoRoot,
          branch: record.branch,
          workflow_name: record.workflowName,
          status: record.status,
          last_activity_at: at,
        }),
      )
      .execute();
  }

  async listWorktrees(status?: WorktreeRecord['status']): Promise<WorktreeRecord[]> {
    let query = this.db.selectFrom('worktrees').selectAll();
    if (status) query = query.where('status', '=', status);
    const rows = await query.orderBy('repo_root').orderBy('path').execute();
    return rows.map((row) => ({
      path: row.path,
      repoRoot: row.repo_root,
      branch: row.branch,
      workflowName: row.workflow_name,
      status: row.status as WorktreeRecord['status'],
      createdAt: row.created_at,
      lastActivityAt: row.last_activity_at,
    }));
  }

  async setWorktreeStatus(path: string, status: WorktreeRecord['status']): Promise<void> {
    await this.db.updateTable('worktrees').set({ status, last_activity_at: now() }).where('path', '=', path).execute();
  }

  async close(): Promise<void> {
    if (this.keepAtClose?.()) return;
    // A Kysely never made holds no connection of its own.
    if (typeof this.kysely !== 'function') await this.kysely.destroy();
    // Kysely closes a SQLite connection only when it ran a query on it; the store may not have.
    this.sqliteDatabase?.close();
  }
}

/**
 * The write queue's batches on SQLite: one immediate transaction (one commit) for a node's events
 * and its process records, through statements prepared once.
 */
class SqliteWriter {
  private readonly insertEvent: BetterSqlite3.Statement;
  private readonly insertProcess: BetterSqlite3.Statement;
  private readonly deleteProcess: BetterSqlite3.Statement;
  private readonly writeAll: BetterSqlite3.Transaction<(batch: readonly PendingWrite[]) => number[]>;

  constructor(database: BetterSqlite3.Database) {
    this.insertEvent = database.prepare(
      `insert into workflow_events (run_id, seq, type, node_id, data, created_at)
       values (?, coalesce((select max(e.seq) from workflow_events e where e.run_id = ?), 0) + 1, ?, ?, ?, ?)
       returning seq`,
    );
    this.insertProcess = database.prepare(
      'insert into run_processes (run_id, pid, node_id, host, started_at) values (?, ?, ?, ?, ?) on conflict (run_id, pid) do nothing',
    );
    this.deleteProcess = database.prepare('delete from run_processes where run_id = ? and pid = ?');
    this.writeAll = database.transaction((batch: readonly PendingWrite[]) => {
      const seqs: number[] = [];
      for (const write of batch) {
        switch (write.kind) {
          case 'event': {
            const { event } = write;
            const row = this.insertEvent.get(
              event.runId,
              event.runId,
              event.type,
              event.nodeId ?? null,
              JSON.stringify(event.data),
              event.ts,
            ) as { seq: number };
            seqs.push(Number(row.seq));
            break;
          }
          case 'track': {
            const { process } = write;
            this.insertProcess.run(process.runId, process.pid, process.nodeId, process.host, write.at);
            break;
          }
          case 'untrack':
            this.deleteProcess.run(write.runId, write.pid);
            break;
        }
      }
      return seqs;
    });
  }

  write(batch: readonly PendingWrite[]): Promise<number[]> {
    try {
      // Immediate: the write lock is taken at the start, so a busy database waits (busy_timeout)
      // instead of failing when a read turns into a write.
      return Promise.resolve(this.writeAll.immediate(batch));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function settle(write: PendingWrite, seq: number): void {
  if (write.kind === 'event') write.resolve(seq);
  else write.resolve();
}

/** Archal's tables, in the order they can move (the events and processes reference the runs). */
const TABLES = [
  'archal_schema',
  'workflow_runs',
  'workflow_events',
  'run_processes',
  'worktrees',
  'attach_jobs',
  'attach_job_lines',
  'attach_sources',
];

/**
 * Creates Archal's schema (the connection's search_path names it). Earlier versions created their
 * tables in `public`: when `public` has Archal's (its `archal_schema` marks them) and the schema
 * has none yet, they move over with their data.
 */
async function adoptPublicTables(connection: Kysely<Database>): Promise<void> {
  await sql`create schema if not exists ${sql.id(POSTGRES_SCHEMA)}`.execute(connection);
  const found = await sql<{ schema: string }>`
    select table_schema as schema from information_schema.tables
    where table_name = 'archal_schema' and table_schema in (${POSTGRES_SCHEMA}, 'public')`.execute(connection);
  const schemas = found.rows.map((row) => row.schema);
  if (schemas.includes(POSTGRES_SCHEMA) || !schemas.includes('public')) return;
  for (const table of TABLES)
    await sql`alter table if exists ${sql.id('public', table)} set schema ${sql.id(POSTGRES_SCHEMA)}`.execute(
      connection,
    );
}

function toRun(row: Selectable<Database['workflow_runs']>): RunRecord {
  return {
    id: row.id,
    workflowName: row.workflow_name,
    status: row.status as StoredRunStatus,
    workingPath: row.working_path,
    conversationId: row.conversation_id,
    userMessage: row.user_message,
    metadata: JSON.parse(row.metadata) as RunMetadata,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    lastActivityAt: row.last_activity_at,
    ownerPid: row.owner_pid === null ? null : Number(row.owner_pid),
    ownerHost: row.owner_host,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
