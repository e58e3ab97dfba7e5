import { readFileSync, statSync } from 'node:fs';
import type * as z from 'zod';
import { errorMessage } from '../../lib/errors.js';

/** A JSON record that could not be read, said so on the list page instead of silently missing. */
export interface RecordProblem {
  file: string;
  message: string;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: RecordProblem };

/**
 * Parsed JSON files, re-read only when their size or modification time changes: the viewer lists the
 * same records on every request, and most of them never change once written.
 */
export class JsonFileCache<T> {
  private readonly entries = new Map<string, { mtimeMs: number; size: number; result: ReadResult<T> }>();

  constructor(private readonly schema: z.ZodType<T>) {}

  read(file: string): ReadResult<T> | undefined {
    let stats;
    try {
      stats = statSync(file);
    } catch {
      this.entries.delete(file);
      return undefined;
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.result;
    const result = this.parse(file);
    this.entries.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, result });
    return result;
  }

  private parse(file: string): ReadResult<T> {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      return { ok: false, problem: { file, message: `not readable JSON: ${errorMessage(error)}` } };
    }
    const parsed = this.schema.safeParse(data);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return { ok: false, problem: { file, message: `unexpected shape at ${where}: ${issue.message}` } };
  }
}
