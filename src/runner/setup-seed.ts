import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCheckedSeed, seedJsonSchema, type Seed } from '../clones/github/entry.js';
import { errorMessage } from '../lib/errors.js';
import { ensureIgnoredDir } from '../lib/ignored-dir.js';
import { writeJsonCache } from '../lib/json-file.js';
import { unfenceJson } from '../lib/json-position.js';
import { ProviderError } from '../providers/types.js';
import type { Scenario } from '../scenarios/schema.js';
import type { JudgeConfig } from './run-once.js';

/**
 * Archal's dynamic seeds: a scenario's `## Setup` prose becomes the clone's starting state. The
 * evaluator's provider writes a seed (JSON valid against the clone's seed schema); what fails
 * validation goes back to it with the errors, up to three attempts. Seeds are kept in
 * `.archal/cache/seeds/`, keyed by the Setup text, the clone and the model.
 */

export const SEED_ATTEMPTS = 3;

export interface SeedCacheOptions {
  /** `.archal/cache` of the repository (`seeds/` is under it). */
  cacheDir: string;
  /** Reuse a seed generated earlier for the same Setup, clone and model (`--seed-cache`). */
  reuse: boolean;
  /** Never reuse (`--fresh-seed`). */
  fresh?: boolean;
}

export interface GeneratedSeed {
  seed: Seed;
  /** Where it is kept. */
  file: string;
  /** Read from the cache rather than generated now. */
  cached: boolean;
  attempts: number;
}

export class SeedGenerationError extends Error {
  constructor(
    readonly scenarioFile: string,
    message: string,
  ) {
    super(message);
    this.name = 'SeedGenerationError';
  }
}

/** `.archal/cache/seeds` (made ignored by git). */
export function seedCacheDir(cacheDir: string): string {
  return join(cacheDir, 'seeds');
}

/** `--clear-seed-cache`: forgets every generated seed. */
export function clearSeedCache(cacheDir: string): void {
  rmSync(seedCacheDir(cacheDir), { recursive: true, force: true });
}

export function seedCacheKey(setup: string, clone: string, judge: Pick<JudgeConfig, 'providerName' | 'model'>): string {
  return createHash('sha256')
    .update(
      JSON.stringify({ v: 1, setup: setup.trim(), clone, provider: judge.providerName, model: judge.model ?? '' }),
    )
    .digest('hex')
    .slice(0, 32);
}

/** The seed of a scenario's `## Setup`: from the cache when allowed, else written by the evaluator. */
export async function seedFromSetup(
  scenario: Scenario,
  judge: JudgeConfig,
  options: SeedCacheOptions & { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<GeneratedSeed> {
  const setup = scenario.setup ?? '';
  const clone = 'github';
  const dir = seedCacheDir(options.cacheDir);
  const file = join(dir, `${seedCacheKey(setup, clone, judge)}.json`);
  if (options.reuse && !options.fresh && existsSync(file)) {
    const cached = readCached(file);
    if (cached) return { seed: cached, file, cached: true, attempts: 0 };
  }
  const errors: string[] = [];
  for (let attempt = 1; attempt <= SEED_ATTEMPTS; attempt++) {
    let text: string;
    try {
      const result = await judge.provider.run(
        {
          prompt: seedPrompt(scenario, errors.at(-1)),
          cwd: options.cwd,
          env: options.env,
          model: judge.model,
          allowedTools: [],
          nodeId: 'seed',
          runId: 'seed',
          workflowName: 'seed',
          iteration: attempt,
          idleTimeoutMs: 5 * 60 * 1000,
          signal: options.signal ?? new AbortController().signal,
        },
        () => {},
      );
      text = result.structuredOutput === undefined ? result.text : JSON.stringify(result.structuredOutput);
    } catch (error) {
      const message = error instanceof ProviderError ? `${error.kind}: ${error.message}` : errorMessage(error);
      throw new SeedGenerationError(
        scenario.file,
        `the evaluator (${judge.providerName}) could not write the seed of its '## Setup': ${message}`,
      );
    }
    const candidate = parseSeedAnswer(text);
    if (!candidate.ok) {
      errors.push(candidate.error);
      continue;
    }
    try {
      loadCheckedSeed(candidate.seed);
    } catch (error) {
      errors.push(errorMessage(error));
      continue;
    }
    ensureIgnoredDir(dir);
    writeJsonCache(file, {
      version: 1,
      setup,
      clone,
      provider: judge.providerName,
      model: judge.model ?? null,
      createdAt: new Date().toISOString(),
      seed: candidate.seed,
    });
    return { seed: candidate.seed, file, cached: false, attempts: attempt };
  }
  throw new SeedGenerationError(
    scenario.file,
    `the evaluator (${judge.providerName}) wrote no valid seed for its '## Setup' in ${SEED_ATTEMPTS} attempts; last problem: ${errors.at(-1)}. Give the scenario a seed ('seed:' in Config or a '## Seed State' block) instead`,
  );
}

function readCached(file: string): Seed | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { seed?: unknown };
    if (typeof record.seed !== 'object' || record.seed === null) return undefined;
    loadCheckedSeed(record.seed as Seed);
    return record.seed as Seed;
  } catch {
    return undefined;
  }
}

function parseSeedAnswer(text: string): { ok: true; seed: Seed } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(unfenceJson(text.trim()));
  } catch {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    try {
      value = start === -1 || end <= start ? undefined : JSON.parse(text.slice(start, end + 1));
    } catch {
      value = undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'the answer is not one JSON object' };
  const record = value as Record<string, unknown>;
  // An answer wrapped as {"seed": {...}} is accepted too.
  const seed = typeof record.seed === 'object' && record.seed !== null && !record.users ? record.seed : record;
  return { ok: true, seed: seed as Seed };
}

function seedPrompt(scenario: Scenario, previousError: string | undefined): string {
  return [
    'You write the starting state of a simulated GitHub for an automated test of an AI agent.',
    'Turn the description below into one seed: a JSON object valid against the JSON Schema that follows.',
    'Create exactly what the description states (names, quantities, labels, ages as relative times such as "-95d"), every user it mentions in "users", and the repositories under their owners (add an org to "orgs" when the owner is an organization). Invent plausible titles and bodies where it gives none.',
    '',
    `Scenario: ${scenario.title}`,
    '<setup>',
    scenario.setup ?? '',
    '</setup>',
    '',
    'JSON Schema of the seed:',
    JSON.stringify(seedJsonSchema()),
    ...(previousError
      ? ['', `Your previous answer was not a valid seed: ${previousError}`, 'Fix exactly that and answer again.']
      : []),
    '',
    'Answer with the JSON object only, no prose.',
  ].join('\n');
}
