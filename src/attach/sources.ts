import { resolve } from 'node:path';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { findAttachment, saveAttachment } from './attachments.js';
import type { FileOutcome } from './import.js';
import type { AttachLayout } from './layout.js';
import { attachDirectory } from './local.js';
import { processQueue, type AttachDeps, type JobSummary, type PolicyOptions } from './pipeline.js';
import {
  checkSource,
  pullSource,
  SourceError,
  sourceQuery,
  type CheckReport,
  type DatabaseSourceSpec,
} from './postgres.js';
import type { DatabaseAttachment, ExecutionPolicy } from './schema.js';
import type { AttachStore } from './store-port.js';

const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface SourceRequest {
  kind: 'postgres' | 'supabase';
  name: string;
  databaseUrlEnv: string;
  table: string | null;
  /** As given, relative to the repository. */
  queryFile: string | null;
  policy: ExecutionPolicy;
}

function readQueryFile(layout: AttachLayout, queryFile: string): string {
  const path = resolve(layout.repo, queryFile);
  const read = readInputFile(path, { maxBytes: INPUT_LIMITS.config, strictUtf8: true });
  if (!read.ok)
    throw new SourceError(
      read.problem === 'missing' ? `--query-file ${queryFile}: no such file` : `--query-file ${read.message}`,
      'invalid',
    );
  return read.text;
}

/** The connection settings of a source: the query file is read now, the URL from the named variable. */
export function sourceSpec(
  layout: AttachLayout,
  source: Pick<SourceRequest, 'name' | 'databaseUrlEnv' | 'table' | 'queryFile'>,
  env: NodeJS.ProcessEnv,
  /** `--check` without a table or query: the source's mapping is what it reports on. */
  { mappingOptional = false }: { mappingOptional?: boolean } = {},
): DatabaseSourceSpec {
  if (!SOURCE_NAME.test(source.name))
    throw new SourceError(
      `--source-name: '${source.name}' must be letters, digits, '.', '_' or '-' (at most 64)`,
      'invalid',
    );
  const unmapped = source.table === null && source.queryFile === null;
  if ((source.table === null) === (source.queryFile === null) && !(unmapped && mappingOptional))
    throw new SourceError('give the source as --table T or as --query-file F (one of them)', 'invalid');
  const spec = {
    name: source.name,
    databaseUrlEnv: source.databaseUrlEnv,
    table: source.table,
    query: source.queryFile === null ? null : readQueryFile(layout, source.queryFile),
    queryFile: source.queryFile,
    env,
  };
  // A table name or query that can never run is refused now, before a connection is tried.
  if (!unmapped) sourceQuery(spec);
  return spec;
}

/** `archal attach --source … --check`: what registration would find, without registering. */
export function checkDatabaseSource(
  deps: Pick<AttachDeps, 'layout' | 'env'>,
  request: SourceRequest,
  options: { mappingOptional?: boolean } = {},
): Promise<CheckReport> {
  return checkSource(sourceSpec(deps.layout, request, deps.env, options), {
    layout: deps.layout,
    source: request.name,
    format: 'auto',
    preview: true,
    env: deps.env,
  });
}

/**
 * Registers a database source in attachments.json and the run store, after the same checks as
 * `--check` (a writable role, an unreachable database, or rows that map to no trace are refused; a
 * table with the columns of traces and no row yet is not).
 * Only the variable's name is kept, never the connection string.
 */
export async function registerDatabaseSource(
  deps: Pick<AttachDeps, 'layout' | 'env'> & { store: AttachStore },
  request: SourceRequest,
): Promise<{ attachment: DatabaseAttachment; report: CheckReport }> {
  const report = await checkDatabaseSource(deps, request);
  if (!report.ok) {
    const [part, code] = !report.connection.ok
      ? ([report.connection.detail, 'unreachable'] as const)
      : !report.readOnly.ok
        ? ([report.readOnly.detail, 'writable'] as const)
        : ([report.mapping.detail, 'mapping'] as const);
    throw new SourceError(`${request.name} was not registered: ${part}`, code);
  }
  const at = new Date().toISOString();
  const attachment: DatabaseAttachment = {
    kind: request.kind,
    name: request.name,
    databaseUrlEnv: request.databaseUrlEnv,
    table: request.table,
    queryFile: request.queryFile,
    policy: request.policy,
    registeredAt: at,
    checkedAt: at,
  };
  deps.layout.ensure();
  saveAttachment(deps.layout, attachment);
  await deps.store.saveSource(deps.layout.repo, attachment);
  return { attachment, report };
}

export interface PullResult {
  source: string;
  kind: 'directory' | 'postgres' | 'supabase' | 'queue';
  rows: number | null;
  imported: Array<{ file: string; outcome: FileOutcome }>;
  jobs: JobSummary[];
}

async function databaseSource(
  deps: AttachDeps & { store: AttachStore },
  name: string,
): Promise<DatabaseAttachment | undefined> {
  const local = findAttachment(deps.layout, name);
  if (local && local.kind !== 'directory') return local;
  return (await deps.store.listSources(deps.layout.repo)).find((entry) => entry.source.name === name)?.source;
}

/**
 * One pull of a registered source, then its jobs: what the App's worker and
 * `archal attach --source-name NAME --once` run. A directory attachment is scanned once; a database
 * source is read (read-only) and its new traces queued; any other name (`otlp-http`, `import`)
 * processes the jobs its traces already queued.
 */
export async function pullRegisteredSource(
  deps: AttachDeps & { store: AttachStore },
  name: string,
  options: PolicyOptions & { owner: { pid: number; host: string }; isProcessAlive: (pid: number) => boolean },
): Promise<PullResult> {
  const local = findAttachment(deps.layout, name);
  if (local?.kind === 'directory') {
    const result = await attachDirectory(deps, { ...options, dir: local.path, once: true, policy: options.policy });
    return {
      source: name,
      kind: 'directory',
      rows: null,
      imported: result.imported.map((outcome) => ({ file: outcome.file, outcome })),
      jobs: result.jobs,
    };
  }
  const source = await databaseSource(deps, name);
  if (!source) {
    const queued = await deps.ledger.jobs({ source: name });
    if (queued.length === 0)
      throw new SourceError(
        `no source named '${name}': register one with \`archal attach --repo . --source postgres --database-url-env NAME --source-name ${name} --table T\``,
        'invalid',
      );
    return {
      source: name,
      kind: 'queue',
      rows: null,
      imported: [],
      jobs: await processQueue(deps, options, { source: name }),
    };
  }
  deps.layout.ensure();
  const pulled = await pullSource(sourceSpec(deps.layout, source, deps.env), {
    layout: deps.layout,
    source: name,
    format: 'auto',
    env: deps.env,
    onTrace: async (trace, change) => {
      await deps.ledger.enqueue(trace, options.policy, change);
    },
  });
  return {
    source: name,
    kind: source.kind,
    rows: pulled.rows,
    imported: pulled.outcomes.map(({ row, outcome }) => ({ file: row, outcome })),
    jobs: await processQueue(deps, options, { source: name }),
  };
}
