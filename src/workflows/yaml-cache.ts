import { join } from 'node:path';
import { textHash } from '../lib/text-hash.js';
import { readCacheEntry, writeCacheEntry } from '../lib/v8-file-cache.js';
import { YAML_LIMITS, type ParsedYamlCache } from './yaml-source.js';

/**
 * The yaml library these entries were parsed with: what a text parses to may change with it. A test
 * compares it with the installed library, so that an upgrade changes the entries' names.
 */
export const YAML_LIBRARY_VERSION = '2.9.1';
/** Bump the leading number when the options given to the library change. */
const FORMAT = `2:${YAML_LIBRARY_VERSION}:${JSON.stringify(YAML_LIMITS)}`;

/**
 * Parsed YAML values in a directory, one file per text, named by a hash of the text and holding the
 * text itself: a workflow file that has not changed since it was last parsed is read back instead of
 * parsed. An entry is used only for the very text it was parsed from (another text with the same
 * hash misses); one that cannot be read is a miss; a failure to write one is ignored (the cache only
 * saves time).
 */
export function yamlFileCache(dir: string): ParsedYamlCache {
  const entry = (text: string) => join(dir, `${textHash(`${FORMAT}\0${text}`)}.v8`);
  return {
    get: (text) => {
      const stored = readCacheEntry(entry(text))?.value as
        { format?: unknown; text?: unknown; value?: unknown } | undefined;
      return typeof stored === 'object' && stored !== null && stored.format === FORMAT && stored.text === text
        ? { value: stored.value }
        : undefined;
    },
    set: (text, value) => writeCacheEntry(dir, entry(text), { format: FORMAT, text, value }),
  };
}
