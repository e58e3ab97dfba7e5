import type { TraceDraft, TraceFormat } from '../schema.js';

/** A trace read from a file, with the secrets it carried (redacted wherever they appear). */
export interface ParsedTrace {
  draft: TraceDraft;
  secrets: string[];
}

/** What a parser made of a file: traces, or why the file was refused. */
export type ParseOutcome = { ok: true; format: TraceFormat; traces: ParsedTrace[] } | { ok: false; reason: string };

export function refuse(reason: string): ParseOutcome {
  return { ok: false, reason };
}

/** A JSON object (not an array, not null): what a trace record or event is. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
