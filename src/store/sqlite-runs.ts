import type BetterSqlite3 from 'better-sqlite3';
import { sep } from 'node:path';
import type { Selectable } from 'kysely';
import type { RunFilter } from '../workflows/run-store.js';
import type { Database } from './schema.js';

export type RunRow = Selectable<Database['workflow_runs']>;

/** The values of a new run's row, in INSERT_RUN's column order. */
export type NewRunRow = Omit<RunRow, 'holds_path'> & { holds_path: number };

const RUN_COLUMNS = [
  'id',
  'workflow_name',
  'status',
  'working_path',
  'conversation_id',
  'user_message',
  'metadata',
  'started_at',
  'completed_at',
  'last_activity_at',
  'owner_pid',
  'owner_host',
  'holds_path',
] as const;
const INSERT_RUN = `insert into workflow_runs (${RUN_COLUMNS.join(', ')}) values (${RUN_COLUMNS.map(() => '?').join(', ')})`;

/**
 * The run rows' statements of a SQLite file, run on its connection directly, as the event writes
 * are (SqliteWriter): building and compiling each through Kysely cost a `workflow run` more than
 * running them. They mean what the store's Kysely queries mean (KyselyStore, which PostgreSQL and
 * a connection inside a Kysely transaction use); each SQL text is prepared once per connection.
 */
export class SqliteRuns {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly database: BetterSqlite3.Database) {}

  private statement(source: string): BetterSqlite3.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.database.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  /** The schema version migrations recorded; 0 before the first (the table does not exist yet). */
  schemaVersion(): number {
    try {
      const row = this.statement('select version from archal_schema where id = 1').get() as
        { version: number } | undefined;
      return row?.version ?? 0;
    } catch {
      return 0;
    }
  }

  get(id: string): RunRow | undefined {
    return this.statement('select * from workflow_runs where id = ?').get(id) as RunRow | undefined;
  }

  insert(row: NewRunRow): void {
    this.statement(INSERT_RUN).run(...RUN_COLUMNS.map((column) => row[column]));
  }

  list(filter: RunFilter): RunRow[] {
    const conditions: string[] = [];
    const values: unknown[] = [];
    if (filter.statuses) {
      conditions.push(`status in (${filter.statuses.map(() => '?').join(', ')})`);
      values.push(...filter.statuses);
    }
    if (filter.workingPath) {
      conditions.push('working_path = ?');
      values.push(filter.workingPath);
    }
    const roots = filter.workingPathUnder;
    if (roots) {
      // A prefix compared as text: LIKE would be case-insensitive in SQLite and need escaping.
      conditions.push(
        `(${roots.map(() => 'working_path = ? or substr(working_path, 1, length(cast(? as text))) = ?').join(' or ') || '0'})`,
      );
      for (const root of roots) values.push(root, root + sep, root + sep);
    }
    if (filter.workflowName) {
      conditions.push('workflow_name = ?');
      values.push(filter.workflowName);
    }
    if (filter.conversationId) {
      conditions.push('conversation_id = ?');
      values.push(filter.conversationId);
    }
    const where = conditions.length > 0 ? ` where ${conditions.join(' and ')}` : '';
    return this.statement(`select * from workflow_runs${where} order by started_at desc, id desc limit ?`).all(
      ...values,
      filter.limit ?? 50,
    ) as RunRow[];
  }

  /** Marks the run active now; its status (undefined when there is no such run). */
  heartbeat(id: string, at: string): string | undefined {
    this.statement('update workflow_runs set last_activity_at = ? where id = ?').run(at, id);
    const row = this.statement('select status from workflow_runs where id = ?').get(id) as
      { status: string } | undefined;
    return row?.status;
  }

  /** Sets `set` on the run when it is in one of `from` (and the other conditions hold); whether it changed. */
  changeStatus(
    id: string,
    set: Record<string, string | number | null>,
    conditions: { from: readonly string[]; lastActivityAt?: string; metadata?: string },
  ): boolean {
    const columns = Object.keys(set);
    const values: unknown[] = [...Object.values(set), id, ...conditions.from];
    let where = `id = ? and status in (${conditions.from.map(() => '?').join(', ')})`;
    if (conditions.lastActivityAt !== undefined) {
      where += ' and last_activity_at = ?';
      values.push(conditions.lastActivityAt);
    }
    if (conditions.metadata !== undefined) {
      where += ' and metadata = ?';
      values.push(conditions.metadata);
    }
    const sql = `update workflow_runs set ${columns.map((column) => `${column} = ?`).join(', ')} where ${where}`;
    return this.statement(sql).run(...values).changes === 1;
  }
}
