import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../lib/write-whole.js';
import type { Comparison, PhraseCheck } from './phrases.js';

const COMPARISONS: readonly Comparison[] = ['==', '>=', '<=', '<', '>'];

/**
 * What the phrase library made of criteria it has seen, kept between processes: matching a phrase
 * tries some hundred regular expressions, and compiling them cost every `archal run` ~5 ms before
 * its agent started. `null` is a phrase the library does not know.
 */
export interface CompiledPhrases {
  get(text: string): PhraseCheck | null | undefined;
  set(text: string, check: PhraseCheck | null): void;
  /** Writes what was added (one small file, whole or not at all); a failure only costs the next run the compile. */
  save(): void;
}

const FILE_PATTERN = /^phrases-[0-9a-f]{16}\.json$/;

/**
 * The compiled phrases of the code `identity` names, in one file of `dir` (`phrases-<hash>.json`);
 * when it is written, only the few most recent files of other code (earlier builds) are kept.
 */
export function compiledPhrasesIn(dir: string, identity: string): CompiledPhrases {
  const name = `phrases-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.json`;
  const file = join(dir, name);
  let entries: Map<string, PhraseCheck | null> | undefined;
  let added = false;
  const loaded = () => (entries ??= readEntries(file));
  return {
    get: (text) => loaded().get(text),
    set(text, check) {
      loaded().set(text, check);
      added = true;
    },
    save() {
      if (!added) return;
      added = false;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeWhole(file, JSON.stringify(Object.fromEntries(loaded())));
        pruneOthers(dir);
      } catch {
        // Compiled again by the next process.
      }
    },
  };
}

/** Files of other code kept at most: two installs used in turn do not undo each other's. */
const KEPT_FILES = 4;

/** Removes all but the `KEPT_FILES` most recently written files. */
function pruneOthers(dir: string): void {
  const files = readdirSync(dir)
    .filter((entry) => FILE_PATTERN.test(entry))
    .map((entry) => ({
      file: join(dir, entry),
      written: statSync(join(dir, entry), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    }))
    .sort((a, b) => b.written - a.written);
  for (const { file } of files.slice(KEPT_FILES)) rmSync(file, { force: true });
}

/** The entries of a file, keeping only those shaped like a compiled phrase (a damaged file is none). */
function readEntries(file: string): Map<string, PhraseCheck | null> {
  const entries = new Map<string, PhraseCheck | null>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return entries;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return entries;
  for (const [text, check] of Object.entries(parsed))
    if (check === null || isPhraseCheck(check)) entries.set(text, check);
  return entries;
}

function isPhraseCheck(value: unknown): value is PhraseCheck {
  if (typeof value !== 'object' || value === null) return false;
  const check = value as Record<string, unknown>;
  const strings = (...keys: string[]) => keys.every((key) => typeof check[key] === 'string');
  switch (check.kind) {
    case 'count':
      return (
        strings('pattern', 'items', 'subject', 'subjectOne') &&
        COMPARISONS.includes(check.op as Comparison) &&
        typeof check.expected === 'number'
      );
    case 'every':
      return (
        strings('pattern', 'items', 'failing', 'subject', 'subjectOne', 'predicate') &&
        (check.single === undefined || typeof check.single === 'boolean')
      );
    case 'boolean':
      return strings('pattern', 'expression', 'subject');
    default:
      return false;
  }
}
