import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeWhole } from '../lib/write-whole.js';
import { YAML_LIMITS, type ParsedYamlCache } from './yaml-source.js';

/**
 * The yaml library these entries were parsed with: what a text parses to may change with it. A test
 * compares it with the installed library, so that an upgrade changes the entries' names.
 */
export const YAML_LIBRARY_VERSION = '2.9.1';
/** Bump the leading number when the options given to the library change. */
const FORMAT = `1:${YAML_LIBRARY_VERSION}:${JSON.stringify(YAML_LIMITS)}`;
/** Entries kept: past this, the least recently written are removed when a new one is written. */
const MAX_ENTRIES = 256;
const KEEP_AFTER_PRUNE = 192;

/**
 * Parsed YAML values in a directory, one file per text, named by the text's SHA-256: a workflow file
 * that has not changed since it was last parsed is read back instead of parsed. An entry that cannot
 * be read is a miss; a failure to write one is ignored (the cache only saves time).
 */
export function yamlFileCache(dir: string): ParsedYamlCache {
  const entry = (text: string) => join(dir, `${createHash('sha256').update(FORMAT).update(text).digest('hex')}.v8`);
  return {
    get(text) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(entry(text));
      } catch {
        return undefined;
      }
      try {
        return { value: deserialize(bytes) as unknown };
      } catch {
        return undefined;
      }
    },
    set(text, value) {
      try {
        const bytes = serialize(value);
        mkdirSync(dir, { recursive: true });
        writeWhole(entry(text), bytes);
        pruneOldest(dir);
      } catch {
        // Not cached: the next run parses the text again.
      }
    },
  };
}

/** Removes the least recently written entries of `dir` once it holds more than it keeps. */
export function pruneOldest(dir: string): void {
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
