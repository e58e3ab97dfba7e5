import { createRequire } from 'node:module';
import type PgModule from 'pg';
import { errorMessage } from '../lib/errors.js';
import { maskUrlPassword } from '../lib/redact.js';
import { jsonlEventSchema } from './formats/jsonl.js';
import { importText, type FileOutcome, type ImportContext } from './import.js';

/**
 * Postgres (and Supabase, which is Postgres) as a trace source, read-only: every query runs in a
 * READ ONLY transaction, and a role that could write is refused before anything is read. The
 * connection string is read from the named environment variable only and never written anywhere.
 *
 * Mapping: a result with a `trace` column holds one whole trace per row (OTLP/JSON, an Archal run
 * record or an array of JSONL events, as JSON or text); otherwise each row is one JSONL event
 * (columns named like the JSONL fields: trace_id, type, method, url, status, …).
 */

const requireFromHere = createRequire(import.meta.url);
const MAX_ROWS = 100_000;
const SAMPLE_ROWS = 100;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/;

export interface DatabaseSourceSpec {
  name: string;
  databaseUrlEnv: string;
  table: string | null;
  /** The SQL of --query-file (its text, read by the caller). */
  query: string | null;
  /** The query file as the user named it, for messages. */
  queryFile?: string | null;
  env: NodeJS.ProcessEnv;
}

/** The source cannot be used: missing variable, unreachable, writable role, bad mapping. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid' | 'unreachable' | 'writable' | 'mapping',
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface CheckReport {
  source: string;
  ok: boolean;
  connection: { ok: boolean; user: string | null; database: string | null; server: string | null; detail: string };
  readOnly: { ok: boolean; superuser: boolean; writable: string[]; detail: string };
  mapping: {
    ok: boolean;
    mode: 'trace-column' | 'event-rows' | null;
    rows: number;
    traces: Array<{ id: string; task: string | null; calls: number }>;
    refused: Array<{ row: string; reason: string }>;
    /** Without --table or --query-file: the tables and views the role can read that hold traces. */
    candidates?: string[];
    detail: string;
  };
}

type Client = InstanceType<typeof PgModule.Client>;

function connectionString(spec: DatabaseSourceSpec): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(spec.databaseUrlEnv))
    throw new SourceError(
      `--database-url-env: '${spec.databaseUrlEnv}' is not an environment variable name`,
      'invalid',
    );
  const url = spec.env[spec.databaseUrlEnv]?.trim();
  if (!url)
    throw new SourceError(
      `${spec.databaseUrlEnv} is not set: put the source's read-only connection string in it (postgres://user:password@host/db)`,
      'invalid',
    );
  const problem = connectionUrlProblem(url);
  if (problem)
    throw new SourceError(
      `${spec.databaseUrlEnv} is not a PostgreSQL connection URL (${problem}): write it as postgres://user:password@host:port/database, with the user's and password's special characters percent-encoded (@ as %40, # as %23, / as %2F, : as %3A, ? as %3F)`,
      'invalid',
    );
  return url;
}

/**
 * Why a connection string cannot be what its writer meant, or null. pg reads anything as a URL
 * relative to `postgres://base`, so a malformed one fails later as a host lookup of a fragment of
 * the password (`getaddrinfo ENOTFOUND ss`), which names neither the variable nor the fix and
 * prints part of the secret. The reasons never quote the value.
 */
function connectionUrlProblem(url: string): string | null {
  // A Unix socket directory, which pg takes as is.
  if (url.startsWith('/')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it does not parse as a URL';
  }
  if (!['postgres:', 'postgresql:', 'socket:'].includes(parsed.protocol))
    return 'its scheme is not postgres:// or postgresql://';
  if (url.includes('#')) return 'it holds a "#", which ends a URL: a "#" in the password is written %23';
  return null;
}

/** The query that reads the source: the table, or the query file's SQL. */
export function sourceQuery(spec: Pick<DatabaseSourceSpec, 'table' | 'query' | 'queryFile'>, limit?: number): string {
  if (spec.table) {
    if (!IDENTIFIER.test(spec.table))
      throw new SourceError(
        `--table: '${spec.table}' is not a table name (schema.table, letters, digits, _)`,
        'invalid',
      );
    const quoted = spec.table
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
    return `select * from ${quoted}${limit ? ` limit ${limit}` : ''}`;
  }
  const sql = (spec.query ?? '').trim().replace(/;\s*$/, '');
  if (!sql)
    throw new SourceError(
      `${spec.queryFile ? `--query-file ${spec.queryFile}` : 'the query file'} is empty: write the SELECT that returns the traces`,
      'invalid',
    );
  return limit ? `select * from (${sql}) as archal_source limit ${limit}` : sql;
}

/** Statements that are not a read (PostgreSQL's, as a query file might start with them). */
const NOT_READ_KEYWORDS = new Set(
  'INSERT UPDATE DELETE MERGE TRUNCATE COPY CREATE ALTER DROP GRANT REVOKE CALL DO BEGIN START COMMIT END ROLLBACK SET RESET LOCK VACUUM ANALYZE CLUSTER REINDEX REFRESH COMMENT SECURITY DISCARD PREPARE EXECUTE DEALLOCATE LISTEN NOTIFY UNLISTEN'.split(
    ' ',
  ),
);

/** The first keyword of a query, after comments (`DELETE`, `SELECT`…), or null. */
function leadingKeyword(sql: string): string | null {
  const match = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(sql);
  return match ? match[1]!.toUpperCase() : null;
}

/** What reads the source, as the user gave it. */
function describeSource(spec: DatabaseSourceSpec): string {
  return spec.table ? `--table ${spec.table}` : `--query-file ${spec.queryFile ?? '(the query)'}`;
}

/**
 * A source query PostgreSQL refused, as an error a user can act on: a query that is not one read,
 * or names what does not exist, is invalid input; a role that may not read is a source that cannot
 * be used; anything else is the database's failure.
 */
function queryError(spec: DatabaseSourceSpec, error: unknown): SourceError {
  const code = (error as { code?: unknown }).code;
  const message = errorMessage(error);
  const where = describeSource(spec);
  if (code === '25006')
    return new SourceError(
      `${where}: the query is not a read (${message}). Archal reads trace sources in a read-only transaction: write a SELECT that returns the traces`,
      'invalid',
    );
  if (code === '42601' && /multiple commands/.test(message))
    return new SourceError(
      `${where}: the query holds more than one statement. Write one SELECT that returns the traces`,
      'invalid',
    );
  // `--check` reads a sample through `select * from (<query>) limit N`, where a write is a syntax error.
  const verb = leadingKeyword(spec.query ?? '');
  if (code === '42601' && verb && NOT_READ_KEYWORDS.has(verb))
    return new SourceError(
      `${where}: the query is not a read (it is a ${verb}). Archal reads trace sources in a read-only transaction: write a SELECT that returns the traces`,
      'invalid',
    );
  if (code === '42P01' && spec.table)
    return new SourceError(
      `--table ${spec.table}: no such table or view (${message}). Name a table or view the role can read (table or schema.table)`,
      'invalid',
    );
  if (code === '42501')
    return new SourceError(
      `${where}: the role may not read it (${message}). GRANT SELECT on it to the source's role`,
      'mapping',
    );
  // Class 42: syntax errors, unknown tables, columns and functions.
  if (typeof code === 'string' && code.startsWith('42'))
    return new SourceError(
      `${where}: PostgreSQL refused the query (${message}). Fix the query: one SELECT that returns the traces`,
      'invalid',
    );
  return new SourceError(`${spec.name}: the query failed: ${message}`, 'unreachable');
}

/**
 * Runs the source's query: the extended protocol takes one statement only, so a query file cannot
 * end the read-only transaction (`commit; …`) and write after it.
 */
async function runSourceQuery(client: Client, spec: DatabaseSourceSpec, sql: string) {
  try {
    // queryMode is pg's own (8.10 on); its type definitions do not name it yet.
    const query = { text: sql, queryMode: 'extended' } as PgModule.QueryConfig;
    return await readOnly(client, () => client.query<Record<string, unknown>>(query));
  } catch (error) {
    throw queryError(spec, error);
  }
}

async function connect(spec: DatabaseSourceSpec): Promise<Client> {
  const url = connectionString(spec);
  const pg = requireFromHere('pg') as typeof PgModule;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new SourceError(
      `cannot connect to ${maskUrlPassword(url)} (${spec.databaseUrlEnv}): ${errorMessage(error)}`,
      'unreachable',
    );
  }
  return client;
}

/** Runs `work` in a READ ONLY transaction, rolled back whatever happens. */
async function readOnly<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('begin transaction read only');
  try {
    await client.query("set local statement_timeout = '120s'");
    return await work();
  } finally {
    await client.query('rollback').catch(() => {});
  }
}

/**
 * What the session's role may change: superuser, and every relation it may insert into, update,
 * delete from or truncate. INSERT and UPDATE are checked per column too: a grant on one column is
 * a write all the same.
 */
async function writePrivileges(client: Client): Promise<{ superuser: boolean; writable: string[] }> {
  const role = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  const writable = await client.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        and (has_any_column_privilege(c.oid, 'INSERT') or has_any_column_privilege(c.oid, 'UPDATE')
             or has_table_privilege(c.oid, 'DELETE') or has_table_privilege(c.oid, 'TRUNCATE'))
      order by 1 limit 20`,
  );
  return { superuser: role.rows[0]?.rolsuper === true, writable: writable.rows.map((row) => row.name) };
}

function jsonValue(key: string, value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  // numeric and bigint columns arrive as text.
  if (
    (key === 'status' || key === 'duration_ms') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  )
    return Number(value);
  return value;
}

/** The rows of a result as texts to import, one per trace. */
function rowTexts(
  rows: Array<Record<string, unknown>>,
  fields: string[],
): {
  mode: 'trace-column' | 'event-rows';
  /** `row`: the row or trace id (failed/ names); `label`: how messages name the rows. */
  items: Array<{ row: string; label: string; text: string }>;
} {
  if (fields.includes('trace'))
    return {
      mode: 'trace-column',
      items: rows.map((row, index) => ({
        row: `row ${index + 1}`,
        label: `row ${index + 1}`,
        text: typeof row.trace === 'string' ? row.trace : JSON.stringify(row.trace ?? null),
      })),
    };
  const known = new Set(jsonlEventSchema.options.flatMap((option) => Object.keys(option.shape)));
  const byTrace = new Map<string, { label: string; lines: string[] }>();
  rows.forEach((row, index) => {
    const event: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row))
      if (known.has(key) && value !== null) event[key] = jsonValue(key, value);
    const hasId = typeof event.trace_id === 'string';
    const traceId = hasId ? (event.trace_id as string) : `row ${index + 1}`;
    // A trace's event rows are read as the lines of one JSONL text, in the order the query returned them.
    const entry = byTrace.get(traceId) ?? { label: hasId ? `the rows of trace ${traceId}` : traceId, lines: [] };
    entry.lines.push(JSON.stringify(event));
    byTrace.set(traceId, entry);
  });
  return {
    mode: 'event-rows',
    items: [...byTrace].map(([traceId, entry]) => ({ row: traceId, label: entry.label, text: entry.lines.join('\n') })),
  };
}

/**
 * Refuses a result whose columns map to no trace at all (neither a `trace` column nor the JSONL
 * event's `trace_id` and `type`): every row would be refused alike, which says nothing about the
 * mapping that is wrong.
 */
function checkColumns(spec: DatabaseSourceSpec, fields: string[]): void {
  if (fields.includes('trace') || (fields.includes('trace_id') && fields.includes('type'))) return;
  const shown = fields.length > 20 ? [...fields.slice(0, 20), `… ${fields.length - 20} more`] : fields;
  throw new SourceError(
    `${describeSource(spec)}: its columns (${shown.join(', ') || 'none'}) hold no trace: return a "trace" column with one whole trace per row (OTLP/JSON, an Archal run record or JSONL events), or one JSONL event per row with the columns trace_id and type (request: method, url, status, request_body, response_body; message: role, content; error: message). A view or --query-file can rename columns with AS`,
    'invalid',
  );
}

/**
 * The tables and views the session's role can read whose columns hold traces as the mapping reads
 * them. information_schema lists only the columns the role has a privilege on.
 */
async function traceTables(client: Client): Promise<string[]> {
  const found = await readOnly(client, () =>
    client.query<{ name: string }>(
      `select table_schema || '.' || table_name as name
         from information_schema.columns
        where table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg_toast%'
          and column_name in ('trace', 'trace_id', 'type')
        group by table_schema, table_name
       having bool_or(column_name = 'trace') or (bool_or(column_name = 'trace_id') and bool_or(column_name = 'type'))
        order by 1 limit 20`,
    ),
  );
  return found.rows.map((row) => row.name);
}

/** The rows a query returned, as traces: refused first when its columns map to no trace (see `checkColumns`). */
function importResult(
  spec: DatabaseSourceSpec,
  result: { rows: unknown[]; fields: Array<{ name: string }> },
  context: ImportContext,
): ReturnType<typeof importRows> {
  const fields = result.fields.map((field) => field.name);
  checkColumns(spec, fields);
  return importRows(result.rows as Array<Record<string, unknown>>, fields, context);
}

const failedName = (source: string, row: string) => `${source}-${row}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

async function importRows(
  rows: Array<Record<string, unknown>>,
  fields: string[],
  context: ImportContext,
): Promise<{ mode: 'trace-column' | 'event-rows'; outcomes: Array<{ row: string; outcome: FileOutcome }> }> {
  const { mode, items } = rowTexts(rows, fields);
  const outcomes: Array<{ row: string; outcome: FileOutcome }> = [];
  for (const item of items)
    outcomes.push({
      row: item.row,
      outcome: await importText(item.text, {
        ...context,
        format: mode === 'event-rows' ? 'jsonl' : context.format,
        failedName: failedName(context.source, item.row),
        // A row of the trace column, or the event rows of one trace (their lines are its rows in order).
        inputLabel: `${context.source} (${item.label})`,
      }),
    });
  return { mode, outcomes };
}

/**
 * `--check`: connects, refuses a role that can write (or a superuser), runs the mapping on the
 * first rows, and reports what it found. Never writes anything, in the database or here.
 */
export async function checkSource(spec: DatabaseSourceSpec, context: ImportContext): Promise<CheckReport> {
  const report: CheckReport = {
    source: spec.name,
    ok: false,
    connection: { ok: false, user: null, database: null, server: null, detail: '' },
    readOnly: { ok: false, superuser: false, writable: [], detail: 'not checked' },
    mapping: { ok: false, mode: null, rows: 0, traces: [], refused: [], detail: 'not checked' },
  };
  let client: Client;
  try {
    client = await connect(spec);
  } catch (error) {
    if (error instanceof SourceError && error.code === 'invalid') throw error;
    report.connection.detail = errorMessage(error);
    return report;
  }
  try {
    const who = await client.query<{ user: string; database: string; version: string }>(
      'select current_user as user, current_database() as database, version() as version',
    );
    report.connection = {
      ok: true,
      user: who.rows[0]!.user,
      database: who.rows[0]!.database,
      server: who.rows[0]!.version.split(' on ')[0] ?? who.rows[0]!.version,
      detail: `connected as ${who.rows[0]!.user} to ${who.rows[0]!.database}`,
    };
    const privileges = await writePrivileges(client);
    report.readOnly = {
      ok: !privileges.superuser && privileges.writable.length === 0,
      ...privileges,
      detail: privileges.superuser
        ? `${report.connection.user} is a superuser: it can write everything. Use a role with SELECT only`
        : privileges.writable.length > 0
          ? `${report.connection.user} can write ${privileges.writable.join(', ')}. Use a role with SELECT only (GRANT SELECT ON … TO a role without INSERT/UPDATE/DELETE/TRUNCATE)`
          : `${report.connection.user} cannot write any table or view`,
    };
    if (spec.table === null && spec.query === null) {
      const candidates = await traceTables(client);
      report.mapping.candidates = candidates;
      report.mapping.detail = `no --table or --query-file: name what to read. ${
        candidates.length > 0
          ? `Tables and views the role can read that hold traces: ${candidates.join(', ')} (add --table ${candidates[0]})`
          : `No table or view the role can read has a "trace" column, or the columns trace_id and type: write a view or --query-file that returns them`
      }`;
      return report;
    }
    const result = await runSourceQuery(client, spec, sourceQuery(spec, SAMPLE_ROWS));
    report.mapping.rows = result.rows.length;
    const imported = await importResult(spec, result, { ...context, preview: true });
    report.mapping.mode = imported.mode;
    for (const { row, outcome } of imported.outcomes) {
      if (outcome.status === 'refused') report.mapping.refused.push({ row, reason: outcome.reason });
      else
        for (const trace of outcome.traces)
          report.mapping.traces.push({ id: trace.id, task: trace.task, calls: trace.calls });
    }
    const mode =
      imported.mode === 'trace-column' ? 'one trace per row, from the "trace" column' : 'one JSONL event per row';
    // No row yet is a source set up before its first traces: its columns were checked above.
    report.mapping.ok = result.rows.length === 0 || report.mapping.traces.length > 0;
    report.mapping.detail =
      result.rows.length === 0
        ? `no row yet; the columns map to traces (${mode}): they are pulled when they come`
        : report.mapping.ok
          ? `${report.mapping.traces.length} trace(s) in the first ${result.rows.length} row(s) (${mode})`
          : `none of the first ${result.rows.length} row(s) maps to a trace: ${report.mapping.refused[0]?.reason ?? ''}`;
  } catch (error) {
    // The user's table or query is wrong: invalid input, as for the command's flags.
    if (error instanceof SourceError && error.code === 'invalid') throw error;
    const message = errorMessage(error);
    if (error instanceof SourceError) report.mapping.detail = message;
    else if (report.connection.ok && report.readOnly.detail !== 'not checked')
      report.mapping.detail = `the query failed: ${message}`;
    else report.connection.detail ||= message;
  } finally {
    await client.end().catch(() => {});
  }
  report.ok = report.connection.ok && report.readOnly.ok && report.mapping.ok;
  return report;
}

/** Reads the source (after the same read-only check) and imports every trace it maps to. */
export async function pullSource(
  spec: DatabaseSourceSpec,
  context: ImportContext,
): Promise<{ rows: number; outcomes: Array<{ row: string; outcome: FileOutcome }> }> {
  const client = await connect(spec);
  try {
    const privileges = await writePrivileges(client);
    if (privileges.superuser || privileges.writable.length > 0)
      throw new SourceError(
        `${spec.name}: the role can write (${privileges.superuser ? 'superuser' : privileges.writable.join(', ')}); Archal reads trace sources with a read-only role only`,
        'writable',
      );
    const result = await runSourceQuery(client, spec, sourceQuery(spec));
    if (result.rows.length > MAX_ROWS)
      throw new SourceError(
        `${spec.name}: the query returned ${result.rows.length} rows (at most ${MAX_ROWS}); narrow it`,
        'mapping',
      );
    const imported = await importResult(spec, result, context);
    return { rows: result.rows.length, outcomes: imported.outcomes };
  } finally {
    await client.end().catch(() => {});
  }
}
