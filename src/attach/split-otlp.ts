import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { otlpDocuments } from './formats/detect.js';
import { parseOtlp } from './formats/otlp.js';
import type { ParsedTrace } from './formats/types.js';
import { readTraceFile } from './trace-file.js';

/**
 * The spans of one OTLP trace often arrive in several files (an exporter's batches, a collector's
 * rotated files). A file importing a trace that other files already brought in is read together
 * with them, so the trace is their union rather than whichever file came last. Which files those
 * are is recorded in the imported trace (`source.files`); a file that is gone is left out.
 */
export function withSpansOfOtherFiles(
  parsed: ParsedTrace,
  where: { file: string; target: string; repo: string },
): { parsed: ParsedTrace; files: string[] } {
  const others = filesOf(where.target).filter((file) => file !== where.file);
  if (others.length === 0) return { parsed, files: [where.file] };
  const documents: Array<Record<string, unknown>> = [];
  const files: string[] = [];
  for (const file of [...others, where.file]) {
    const text = readTraceFile(resolve(where.repo, file));
    const found = typeof text === 'string' ? otlpDocuments(text) : null;
    if (!found) continue;
    documents.push(...found);
    files.push(file);
  }
  const outcome = parseOtlp(documents);
  const merged = outcome.ok ? outcome.traces.find((trace) => trace.draft.id === parsed.draft.id) : undefined;
  return merged ? { parsed: merged, files } : { parsed, files: [where.file] };
}

/** The OTLP files an imported trace was read from. */
function filesOf(target: string): string[] {
  if (!existsSync(target)) return [];
  try {
    const { source } = JSON.parse(readFileSync(target, 'utf8')) as {
      source?: { format?: unknown; file?: unknown; files?: unknown };
    };
    if (source?.format !== 'otlp') return [];
    if (Array.isArray(source.files)) return source.files.filter((file): file is string => typeof file === 'string');
    return typeof source.file === 'string' ? [source.file] : [];
  } catch {
    return [];
  }
}
