import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readCacheEntry, writeCacheEntry } from '../lib/v8-file-cache.js';
import { YAML_LIMITS, type ParsedYamlCache } from './yaml-source.js';

/**
 * The yaml library these entries were parsed with: what a text parses to may change with it. A test
 * compares it with the installed library, so that an upgrade changes the entries' names.
 */
export const YAML_LIBRARY_VERSION = '2.9.1';
/** Bump the leading number when the options given to the library change. */
const FORMAT = `1:${YAML_LIBRARY_VERSION}:${JSON.stringify(YAML_LIMITS)}`;

/**
 * Parsed YAML values in a directory, one file per text, named by the text's SHA-256: a workflow file
 * that has not changed since it was last parsed is read back instead of parsed. An entry that cannot
 * be read is a miss; a failure to write one is ignored (the cache only saves time).
 */
export function yamlFileCache(dir: string): ParsedYamlCache {
  const entry = (text: string) => join(dir, `${createHash('sha256').update(FORMAT).update(text).digest('hex')}.v8`);
  return {
    get: (text) => readCacheEntry(entry(text)),
    set: (text, value) => writeCacheEntry(dir, entry(text), value),
  };
}
