import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeWhole } from './write-whole.js';

/** Entries kept in a cache directory: past this, the least recently written are removed when one is written. */
const MAX_ENTRIES = 256;
const KEEP_AFTER_PRUNE = 192;

/** The value stored in a cache file, or undefined when it is missing or cannot be read (a miss). */
export function readCacheEntry(file: string): { value: unknown } | undefined {
  try {
    return { value: deserialize(readFileSync(file)) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` in `file` of the private directory `dir`, whole or not at all, and keeps the
 * directory to its size. A failure (a read-only home) is ignored: the cache only saves time.
 */
export function writeCacheEntry(dir: string, file: string, value: unknown): void {
  try {
    const bytes = serialize(value);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeWhole(file, bytes);
    pruneOldest(dir);
  } catch {
    // Not cached: the next run does the work again.
  }
}

/** Removes the least recently written entries of `dir` once it holds more than it keeps. */
function pruneOldest(dir: string): void {
  const names = readdirSync(dir);
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names
    .flatMap((name) => {
      try {
        return [{ name, written: statSync(join(dir, name)).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.written - b.written);
  for (const { name } of byAge.slice(0, byAge.length - KEEP_AFTER_PRUNE)) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Removed by another process.
    }
  }
}
