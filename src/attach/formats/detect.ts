import { findJsonError, jsonErrorAt } from '../../lib/json-position.js';
import type { TraceFormat } from '../schema.js';
import { looksLikeRunRecord, parseArchalRecord } from './archal.js';
import { foreignExport, foreignExportReason } from './foreign.js';
import { parseJsonl } from './jsonl.js';
import { parseOtlp } from './otlp.js';
import { isRecord } from '../../lib/is-record.js';
import { refuse, type ParseOutcome } from './types.js';

export type FormatChoice = TraceFormat | 'auto';

export interface ParseTextOptions {
  format: FormatChoice;
  /** The task of Archal run records that do not carry their prompt. */
  promptOf?: (scenarioFile: string) => string | null;
}

const EXPECTED =
  'expected OTLP/JSON (resourceSpans), an Archal run record (.archal/cache/runs/*.json) or JSONL trace events (one {"trace_id", "type", …} per line)';

/** One JSON value of a file, with where it is (`line N`, or `event N of the JSON array`). */
type JsonLine = { where: string; value: unknown };

function jsonLines(text: string): JsonLine[] | { error: string } {
  const lines: JsonLine[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    try {
      lines.push({ where: `line ${i + 1}`, value: JSON.parse(row) as unknown });
    } catch {
      // Where, not JSON.parse's message: that one quotes the line, which may hold a secret or escapes.
      const problem = findJsonError(rows[i]!);
      return { error: `line ${i + 1}: not JSON (column ${problem.offset + 1}: ${problem.message})` };
    }
  }
  return lines;
}

/**
 * Reads the traces in one file's text, in the given format or the one it looks like. Never throws:
 * a file that is not a trace gets a reason a person can act on.
 */
export function parseTraceText(text: string, options: ParseTextOptions): ParseOutcome {
  if (text.includes('\u0000')) return refuse(`a binary file, not a trace: ${EXPECTED}`);
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return refuse(`an empty file: ${EXPECTED}`);

  let whole: unknown;
  let wholeIsJson = true;
  try {
    whole = JSON.parse(content) as unknown;
  } catch {
    wholeIsJson = false;
  }
  const format = options.format;

  if (format === 'archal' || (format === 'auto' && isRecord(whole) && looksLikeRunRecord(whole))) {
    if (!isRecord(whole))
      return refuse(
        `not an Archal run record: ${wholeIsJson ? 'not a JSON object' : `not JSON (${jsonErrorAt(content)})`}`,
      );
    return parseArchalRecord(whole, options.promptOf);
  }
  if (isRecord(whole) && (format === 'otlp' || (format === 'auto' && 'resourceSpans' in whole)))
    return parseOtlp([whole]);

  const lines = whole !== undefined ? [{ where: 'line 1', value: whole }] : jsonLines(content);
  if (!Array.isArray(lines)) {
    if (format === 'auto' && !/^\s*[[{]/.test(content)) return refuse(`not JSON: ${EXPECTED}`);
    return refuse(`${lines.error}: ${EXPECTED}`);
  }
  // A JSON array of events is accepted as if it were one event per line; its events are named by
  // their position, since an indented array spreads each one over many lines.
  const events =
    lines.length === 1 && Array.isArray(lines[0]!.value)
      ? (lines[0]!.value as unknown[]).map((value, index) => ({ where: `event ${index + 1} of the JSON array`, value }))
      : lines;
  if (
    format === 'otlp' ||
    (format === 'auto' && events.every(({ value }) => isRecord(value) && 'resourceSpans' in value))
  ) {
    const bad = events.find(({ value }) => !isRecord(value));
    if (bad) return refuse(`${bad.where}: not an OTLP/JSON object`);
    return parseOtlp(events.map(({ value }) => value as Record<string, unknown>));
  }
  if (format === 'auto' && !events.some(({ value }) => isRecord(value) && 'trace_id' in value)) {
    const product = foreignExport(events.map(({ value }) => value));
    return refuse(product ? foreignExportReason(product) : `JSON, but not a trace: ${EXPECTED}`);
  }
  return parseJsonl(events);
}

/**
 * The OTLP/JSON documents of a file's text (one object, or one per line as collectors' file
 * exporters write), or null when the text is not OTLP/JSON.
 */
export function otlpDocuments(text: string): Array<Record<string, unknown>> | null {
  const content = text.replace(/^\uFEFF/, '');
  try {
    const whole = JSON.parse(content) as unknown;
    return isRecord(whole) && 'resourceSpans' in whole ? [whole] : null;
  } catch {
    const lines = jsonLines(content);
    if (!Array.isArray(lines) || lines.length === 0) return null;
    const documents = lines.map(({ value }) => value);
    return documents.every((value) => isRecord(value) && 'resourceSpans' in value)
      ? (documents as Array<Record<string, unknown>>)
      : null;
  }
}
