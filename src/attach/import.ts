import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SecretRedactor } from '../lib/redact.js';
import { parseScenarioFile } from '../scenarios/parse.js';
import { parseTraceText, type FormatChoice } from './formats/detect.js';
import type { ParsedTrace, ParseOutcome } from './formats/types.js';
import { writeFileAtomic, writeJsonAtomic, type AttachLayout } from './layout.js';
import { safeTraceId, sha256 } from './normalize.js';
import { withSpansOfOtherFiles } from './split-otlp.js';
import { readTraceFile } from './trace-file.js';
import type { Trace, TraceFormat } from './schema.js';

export { MAX_TRACE_FILE_BYTES } from './trace-file.js';

/** A path given to `trace-source import` that does not exist, or is neither a file nor a directory. */
export class TraceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceInputError';
  }
}

export interface ImportContext {
  layout: AttachLayout;
  /** The source the traces are attributed to (an attachment's name, `import`, `otlp-http`…). */
  source: string;
  format: FormatChoice;
  /** Look, write nothing. */
  preview?: boolean;
  /** Where normalized traces go (default `.archal/attach/raw/`). */
  outDir?: string;
  env: NodeJS.ProcessEnv;
  /** The name a refusal of input that is not a file gets in failed/ (a database row, say). */
  failedName?: string;
  /** How messages and failed/ name input that is not a file (default: `<source> (pushed)`). */
  inputLabel?: string;
  /** Called for every trace written, e.g. to queue its job. */
  onTrace?: (trace: Trace, change: TraceChange) => Promise<void>;
}

export type TraceChange = 'new' | 'changed' | 'unchanged';

export interface ImportedTrace {
  id: string;
  change: TraceChange;
  task: string | null;
  calls: number;
  file: string;
}

export type FileOutcome =
  | { file: string; status: 'imported'; format: string; traces: ImportedTrace[] }
  | { file: string; status: 'refused'; reason: string; failedFile: string | null };

/** The files under the given paths, in a stable order (directories recursively; hidden entries skipped). */
export function traceFiles(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new TraceInputError(`${path}: no such file or directory`);
    const stat = statSync(absolute);
    if (stat.isDirectory()) files.push(...filesUnder(absolute));
    else if (stat.isFile()) files.push(absolute);
    else throw new TraceInputError(`${path}: not a file or a directory`);
  }
  return files;
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      if (entry.isFile()) return [path];
      // An export linked into the directory is read; a linked directory is not followed (a link
      // back up would loop), and a FIFO or socket is never waited on.
      return entry.isSymbolicLink() && isRegularFile(path) ? [path] : [];
    });
}

/**
 * Imports one file: its traces are normalized, redacted and written to raw/; a file that is not a
 * trace becomes failed/<its name>.json with the reason (see `refusalRecords` for a name that is
 * taken). Never throws for what the file contains.
 */
export async function importFile(file: string, context: ImportContext): Promise<FileOutcome> {
  const text = readTraceFile(file);
  if (typeof text !== 'string') return refuseFile(file, text.refused, { ...context, file });
  const promptOf = (scenarioFile: string) => scenarioPrompt(scenarioFile, context.layout.repo);
  return importText(text, { ...context, file, promptOf });
}

export const NESTED_TOO_DEEPLY =
  'JSON nested too deeply to read (thousands of levels of arrays or objects); export the trace again';

/** Reading, hashing and redacting walk JSON recursively: nesting deeper than the stack ends there. */
export const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError && /call stack/i.test(error.message);

/** Imports traces from text (a pushed OTLP body, a database row) or a file's content. */
export async function importText(
  text: string,
  context: ImportContext & { file?: string; promptOf?: (scenarioFile: string) => string | null },
): Promise<FileOutcome> {
  const label = context.file ?? `${context.source} (pushed)`;
  const shown = context.file ?? context.inputLabel ?? label;
  const rawDir = context.outDir ?? join(context.layout.root, 'raw');
  let read: { format: TraceFormat; traces: Trace[] };
  try {
    const outcome = parseTraceText(text, { format: context.format, promptOf: context.promptOf });
    if (!outcome.ok) return refuseFile(shown, outcome.reason, context);
    read = { format: outcome.format, traces: finishTraces(outcome, rawDir, label, context) };
  } catch (error) {
    // No real export comes near that depth: the file is refused before anything of it is written.
    if (!isStackOverflow(error)) throw error;
    return refuseFile(shown, NESTED_TOO_DEEPLY, context);
  }
  if (!context.preview) mkdirSync(rawDir, { recursive: true });
  const traces: ImportedTrace[] = [];
  for (const trace of read.traces) {
    const target = join(rawDir, `${trace.id}.json`);
    const change = changeOf(target, trace);
    if (!context.preview) {
      // Compact: imported traces are data, often megabytes of response bodies.
      if (change !== 'unchanged') writeFileAtomic(target, `${JSON.stringify(trace)}\n`, { mkdir: false });
      await context.onTrace?.(trace, change);
    }
    traces.push({ id: trace.id, change, task: trace.task, calls: trace.calls.length, file: target });
  }
  const failedName = context.file ? basename(context.file) : context.failedName;
  if (!context.preview && failedName) forgetRefusal(context.layout, failedName, context.layout.display(shown));
  return { file: shown, status: 'imported', format: read.format, traces };
}

/** The parsed traces of one input, joined with their spans in other files, named, hashed and redacted. */
function finishTraces(
  outcome: Extract<ParseOutcome, { ok: true }>,
  rawDir: string,
  label: string,
  context: ImportContext & { file?: string },
): Trace[] {
  return outcome.traces.map((single, index) => {
    const file = context.file ? context.layout.display(context.file) : null;
    const fallbackId = `${label}#${index}`;
    const split =
      outcome.format === 'otlp' && file !== null
        ? withSpansOfOtherFiles(single, {
            file,
            target: join(rawDir, `${safeTraceId(single.draft.id, fallbackId)}.json`),
            repo: context.layout.repo,
          })
        : { parsed: single, files: [] };
    const trace = finishTrace(split.parsed, {
      source: context.source,
      format: outcome.format,
      file,
      fallbackId,
      env: context.env,
    });
    if (split.files.length > 1) trace.source.files = split.files;
    return trace;
  });
}

/** Names, hashes and redacts a parsed trace. The hash is of the content, so the same trace always hashes the same. */
export function finishTrace(
  parsed: ParsedTrace,
  origin: {
    source: string;
    format: Trace['source']['format'];
    file: string | null;
    fallbackId: string;
    env: NodeJS.ProcessEnv;
  },
): Trace {
  const id = safeTraceId(parsed.draft.id, origin.fallbackId);
  const { id: _raw, ...content } = parsed.draft;
  const contentHash = sha256(JSON.stringify({ id, format: origin.format, ...content }));
  const redactor = new SecretRedactor(parsed.secrets, origin.env);
  return {
    schemaVersion: 1,
    id,
    source: { name: origin.source, format: origin.format, file: origin.file },
    // The draft is this import's own (parsed from the file): redacting it in place spares a copy.
    ...redactor.valueInPlace(content),
    contentHash,
  };
}

function changeOf(target: string, trace: Trace): TraceChange {
  if (!existsSync(target)) return 'new';
  try {
    const existing = JSON.parse(readFileSync(target, 'utf8')) as { contentHash?: unknown };
    return existing.contentHash === trace.contentHash ? 'unchanged' : 'changed';
  } catch {
    return 'changed';
  }
}

/** The input a refusal record in failed/ is about (its `file`), or null when there is no readable record. */
function refusedInput(record: string): string | null {
  if (!existsSync(record)) return null;
  try {
    const { file } = JSON.parse(readFileSync(record, 'utf8')) as { file?: unknown };
    return typeof file === 'string' ? file : null;
  } catch {
    return null;
  }
}

/**
 * Where the refusal of an input goes: `failed/<name>.json`, unless that record is another input's
 * (a file of the same name in another folder); then `failed/<name>-<digest>.json`, the digest being
 * the first 8 hex digits of the SHA-256 of the input's path as recorded, so each input has its own.
 */
function refusalRecords(layout: AttachLayout, name: string, input: string): { plain: string; distinct: string } {
  return { plain: layout.failed(name), distinct: layout.failed(`${name}-${sha256(input).slice(0, 8)}`) };
}

/** Removes an input's refusal record once it imports: its own only, never another input's of the same name. */
function forgetRefusal(layout: AttachLayout, name: string, input: string): void {
  const { plain, distinct } = refusalRecords(layout, name, input);
  rmSync(distinct, { force: true });
  if (refusedInput(plain) === input) rmSync(plain, { force: true });
}

function refuseFile(file: string, reason: string, context: ImportContext & { file?: string }): FileOutcome {
  const name = context.file ? basename(context.file) : context.failedName;
  if (context.preview || !name) return { file, status: 'refused', reason, failedFile: null };
  const input = context.layout.display(file);
  const { plain, distinct } = refusalRecords(context.layout, name, input);
  const owner = refusedInput(plain);
  const failedFile = owner === null || owner === input ? plain : distinct;
  writeJsonAtomic(failedFile, { file: input, source: context.source, reason, refusedAt: new Date().toISOString() });
  // An input that held the distinct name while another held the plain one keeps one record only.
  if (failedFile === plain) rmSync(distinct, { force: true });
  return { file, status: 'refused', reason, failedFile };
}

/** The prompt of the scenario an older run record names, when that scenario is a markdown file in the repository. */
function scenarioPrompt(scenarioFile: string, repo: string): string | null {
  const path = resolve(repo, scenarioFile);
  if (!path.startsWith(`${repo}/`) || !path.endsWith('.md') || !existsSync(path)) return null;
  const parsed = parseScenarioFile(path);
  return parsed.ok ? parsed.scenario.prompt : null;
}
