import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySeed } from './apply.js';
import { loadSeed, NAMED_SEEDS, type SeedFileRules } from './named.js';
import type { ParsedSeed, Seed } from './schema.js';

/** Seeds already applied once without a problem: every run of a suite checks the same seed at most once. */
const checked = new WeakSet<ParsedSeed>();

/**
 * Applies a seed to a throwaway clone state and discards it: the referential problems the schema
 * cannot see (an owner, label or branch that does not exist) surface as a SeedError before any run.
 */
export function checkSeed(seed: ParsedSeed, source: string): void {
  if (checked.has(seed)) return;
  const dir = mkdtempSync(join(tmpdir(), 'archal-seed-check-'));
  try {
    applySeed(seed, { reposDir: dir, now: new Date(), defaultToken: 'seed-check', source });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  checked.add(seed);
}

/** `loadSeed`, then a dry run of the seed (named seeds are ours and known to apply). */
export function loadCheckedSeed(
  input: string | Seed,
  cwd?: string,
  rules?: SeedFileRules,
): ReturnType<typeof loadSeed> {
  const loaded = loadSeed(input, cwd, rules);
  if (!(NAMED_SEEDS as readonly string[]).includes(loaded.source))
    checkSeed(loaded.seed, loaded.source === 'custom' ? 'seed' : `seed ${loaded.source}`);
  return loaded;
}
