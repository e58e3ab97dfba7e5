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
