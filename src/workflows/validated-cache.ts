import { join } from 'node:path';
import { textHash } from '../lib/text-hash.js';
import { readCacheEntry, writeCacheEntry } from '../lib/v8-file-cache.js';
import type { Workflow } from './model.js';
import type { WorkflowProblem } from './problems.js';

/** Bump when what an entry holds changes shape. */
const FORMAT = 'validated-2';

/** What validation asked the world outside the text, with what it answered (see answerRecord). */
export type Lookups = Array<[kind: 'command' | 'script' | 'source', name: string, answer: string]>;

export interface ValidatedEntry {
  lookups: Lookups;
  workflow: Workflow;
  warnings: WorkflowProblem[];
}

/**
 * Workflows validated before, by everything their validation read: the text, the file's path and
 * scope, the engine defaults, the running build, and the answers of the command, script and workflow
 * lookups it made (asked again on every hit, so a changed command file or included workflow misses).
 */
export interface ValidatedWorkflowCache {
  get(key: string): ValidatedEntry | undefined;
  set(key: string, entry: ValidatedEntry): void;
}

/** A lookup's answer as an entry keeps it, to be compared whole with the answer on every hit. */
export function answerRecord(answer: unknown): string {
  return JSON.stringify(answer ?? null);
}

/**
 * The key of one validation: everything it read, written down (an entry keeps it, and is used only
 * for the same key). Undefined when its inputs cannot be written down (no caching then).
 */
export function validationKey(identity: string, parts: unknown[]): string | undefined {
  try {
    return `${FORMAT}\0${identity}\0${JSON.stringify(parts)}`;
  } catch {
    return undefined;
  }
}

/**
 * Entries in `dir` (`<hash of the key>.validated.v8`, each holding its whole key), written aside and
 * renamed so that a reader sees a whole entry or none. An entry that cannot be read, or is not shaped
 * like one, is a miss; a failure to write (a read-only home) only costs the next run the validation.
 */
export function validatedFileCache(dir: string): ValidatedWorkflowCache {
  const entry = (key: string) => join(dir, `${textHash(key)}.validated.v8`);
  return {
    get(key) {
      const stored = readCacheEntry(entry(key))?.value;
      return isEntry(stored, key) ? stored.entry : undefined;
    },
    set: (key, value) => writeCacheEntry(dir, entry(key), { key, entry: value }),
  };
}

/** An entry written for `key`: another key's (one with the same hash, or a file copied over) is foreign. */
function isEntry(value: unknown, key: string): value is { key: string; entry: ValidatedEntry } {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as { key?: unknown; entry?: unknown };
  if (stored.key !== key || typeof stored.entry !== 'object' || stored.entry === null) return false;
  const entry = stored.entry as Record<string, unknown>;
  const workflow = entry.workflow as Record<string, unknown> | undefined;
  return (
    Array.isArray(entry.lookups) &&
    entry.lookups.every(
      (lookup) => Array.isArray(lookup) && lookup.length === 3 && lookup.every((part) => typeof part === 'string'),
    ) &&
    Array.isArray(entry.warnings) &&
    typeof workflow === 'object' &&
    workflow !== null &&
    typeof workflow.name === 'string' &&
    Array.isArray(workflow.nodes)
  );
}
