import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `value` as indented JSON with a final newline, creating the directory first. */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The same for caches, which are a convenience: a read-only checkout or a full disk is not an error. */
export function writeJsonCache(file: string, value: unknown): void {
  try {
    writeJsonFile(file, value);
  } catch {
    // Results are still reported; only the cached copy is missing.
  }
}
