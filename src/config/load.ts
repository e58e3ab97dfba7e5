import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { join } from 'node:path';
import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import { duplicateJsonKeys, parseJsonWithLocation } from '../lib/json-position.js';
import { CLONE_KEYWORDS } from '../scenarios/clones.js';
import { archalConfigSchema, type ArchalConfig } from './schema.js';

export const CONFIG_FILE = '.archal.json';

export interface ConfigProblem {
  /** Dotted key path, e.g. "assistants.exec.command"; empty for the whole file. */
  path: string;
  message: string;
}

export type ConfigLoadResult =
  | { status: 'missing'; file: string; config: ArchalConfig; warnings?: ConfigProblem[] }
  | { status: 'valid'; file: string; config: ArchalConfig; warnings?: ConfigProblem[] }
  | { status: 'invalid'; file: string; errors: ConfigProblem[] };

/** Reads and validates `<dir>/.archal.json`. A missing file is not an error: every key is optional. */
export function loadConfig(dir: string): ConfigLoadResult {
  return loadConfigFile(join(dir, CONFIG_FILE));
}

/**
 * Reads and validates a config file (`archal run -c <file>`); with `required`, a missing file is
 * invalid. Paths in it (scenarios, seed files) are relative to its directory.
 */
export function loadConfigFile(file: string, options: { required?: boolean } = {}): ConfigLoadResult {
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.config, strictUtf8: true });
  if (!read.ok && read.problem === 'missing')
    return options.required
      ? // Named once: the error's heading and each problem's prefix already name the file.
        { status: 'invalid', file, errors: [{ path: '', message: 'no such file' }] }
      : { status: 'missing', file, config: {} };
  if (!read.ok) return { status: 'invalid', file, errors: [{ path: '', message: read.message }] };
  if (read.text.trim() === '')
    return {
      status: 'invalid',
      file,
      errors: [{ path: '', message: 'the file is empty: write {} (or delete the file) to use the defaults' }],
    };
  const parsed = parseJsonWithLocation(read.text);
  if (!parsed.ok)
    return { status: 'invalid', file, errors: [{ path: '', message: `invalid JSON: ${parsed.message}` }] };
  const loaded = validateConfig(parsed.value, file);
  const duplicates = duplicateKeyProblems(read.text);
  if (loaded.status !== 'valid' || duplicates.length === 0) return loaded;
  return { ...loaded, warnings: [...duplicates, ...(loaded.warnings ?? [])] };
}

/**
 * A key given twice in one object: JSON.parse keeps the last one without a word, so the one the
 * reader sees first (often the one they edited) may not be the one used.
 */
function duplicateKeyProblems(text: string): ConfigProblem[] {
  return duplicateJsonKeys(text).map(({ path, key, lines }) => {
    const times = lines.length === 2 ? 'twice' : `${lines.length} times`;
    const list = `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)!}`;
    return {
      path: [...path, key].join('.'),
      message: `"${key}" is given ${times} (lines ${list}); the last one (line ${lines.at(-1)!}) is used: keep one`,
    };
  });
}

export function validateConfig(value: unknown, file: string): ConfigLoadResult {
  const result = archalConfigSchema.safeParse(value);
  if (!result.success)
    return { status: 'invalid', file, errors: result.error.issues.flatMap((issue) => describeIssue(issue, value)) };
  return normaliseConfig(result.data, file);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item.toLowerCase() === b[index]!.toLowerCase());

/** Archal's aliases resolved to one key each (`twins` → `clones`, `model` → `evaluatorModel`), and what is ignored. */
function normaliseConfig(parsed: ArchalConfig, file: string): ConfigLoadResult {
  const { twins, model, ...config } = parsed;
  const errors: ConfigProblem[] = [];
  // Clone names are case-insensitive (Archal's docs write "GitHub" and "github").
  if (config.clones) config.clones = config.clones.map((clone) => clone.toLowerCase());
  const warnings: ConfigProblem[] = [];
  if (twins) {
    if (config.clones && !sameList(config.clones, twins))
      errors.push({
        path: 'twins',
        message: `"twins" is Archal's older name of "clones", and the two differ (${JSON.stringify(twins)} vs ${JSON.stringify(config.clones)}): keep one`,
      });
    else config.clones = twins.map((clone) => clone.toLowerCase());
  }
  if (model) {
    if (config.evaluatorModel && config.evaluatorModel !== model)
      errors.push({
        path: 'model',
        message: `"model" and "evaluatorModel" both name the judge's model and differ ('${model}' vs '${config.evaluatorModel}'): keep one`,
      });
    else config.evaluatorModel = model;
  }
  if (config.evaluatorModel && config.evaluator?.model && config.evaluator.model !== config.evaluatorModel)
    errors.push({
      path: 'evaluatorModel',
      message: `"evaluatorModel" ('${config.evaluatorModel}') and "evaluator.model" ('${config.evaluator.model}') differ: keep one`,
    });
  if (config.seeds) {
    const seeds = lowerCaseKeys(config.seeds);
    if (seeds.conflict)
      errors.push({
        path: 'seeds',
        message: `${seeds.conflict} name the same clone (clone names are case-insensitive): keep one`,
      });
    config.seeds = seeds.record;
  }
  warnings.push(...unknownCloneProblems(config));
  for (const key of ['suite', 'autoloop'] as const)
    if (config[key] !== undefined)
      warnings.push({
        path: key,
        message: `"${key}" configures Archal's hosted service; it is accepted and ignored here (runs are local)`,
      });
  if (errors.length > 0) return { status: 'invalid', file, errors };
  return { status: 'valid', file, config, ...(warnings.length > 0 ? { warnings } : {}) };
}

/** `record` with its keys in lower case; `conflict` names two keys that then collide. */
function lowerCaseKeys(record: Record<string, string>): { record: Record<string, string>; conflict?: string } {
  const lower: Record<string, string> = {};
  const original: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = key.toLowerCase();
    if (original[name] !== undefined) return { record, conflict: `"${original[name]}" and "${key}"` };
    original[name] = key;
    lower[name] = value;
  }
  return { record: lower };
}

/**
 * Clones Archal does not run, named as defaults: a scenario that falls back to one cannot run, and a
 * seed of one is never used. Warnings, not errors: a file written for Archal's hosted clones
 * (`"twins": ["slack"]`) still serves the scenarios that name their own clones.
 */
function unknownCloneProblems(config: ArchalConfig): ConfigProblem[] {
  const local = Object.keys(CLONE_KEYWORDS);
  const problems: ConfigProblem[] = [];
  for (const clone of config.clones ?? [])
    if (!local.includes(clone))
      problems.push({
        path: 'clones',
        message: `clone '${clone}' is not one Archal runs (${local.join(', ')}): scenarios that name no clone cannot run.${didYouMean(clone, local)}`,
      });
  for (const clone of Object.keys(config.seeds ?? {}))
    if (!local.includes(clone))
      problems.push({
        path: `seeds.${clone}`,
        message: `no clone '${clone}' here (Archal runs ${local.join(', ')}): this seed is never used.${didYouMean(clone, local)}`,
      });
  return problems;
}

/** One zod issue as problems of key paths; `file` is the parsed file, for the value an issue is about. */
function describeIssue(issue: z.core.$ZodIssue, file: unknown): ConfigProblem[] {
  const path = issue.path.map(String).join('.');
  // A union whose schema says what it wants keeps that message.
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return describeUnion(issue, file);
  if (issue.code === 'invalid_value') {
    const given = valueAt(file, issue.path);
    const options = issue.values.filter((option): option is string => typeof option === 'string');
    return [{ path, message: typeof given === 'string' ? issue.message + didYouMean(given, options) : issue.message }];
  }
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      message: `unknown key.${didYouMean(key, known)}`,
    }));
  }
  return [{ path, message: issue.message }];
}

/**
 * A value that fits none of a union's shapes (`agent`: a command string or {command, args, env}):
 * the problems of the shape whose type the value has, else the types that were expected. zod's own
 * message for it is only "Invalid input".
 */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion, file: unknown): ConfigProblem[] {
  const typeMismatch = (branch: z.core.$ZodIssue[]) =>
    branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
  const matched = issue.errors.filter((branch) => branch.length > 0 && !typeMismatch(branch));
  if (matched.length === 1)
    return matched[0]!.flatMap((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, file));
  const expected = [
    ...new Set(
      issue.errors.flatMap((branch) =>
        typeMismatch(branch) && branch[0]!.code === 'invalid_type' ? [article(branch[0]!.expected)] : [],
      ),
    ),
  ];
  const path = issue.path.map(String).join('.');
  if (expected.length === 0) return [{ path, message: issue.message }];
  return [{ path, message: `expected ${expected.join(' or ')}` }];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const segment of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[segment];
  }
  return at;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Keys the schema accepts at a path, for did-you-mean hints. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: unknown = archalConfigSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (!shape || typeof segment !== 'string') return [];
    schema = shape[segment];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { type?: string; options?: unknown[] } };
  for (let i = 0; i < 10 && current; i++) {
    if (typeof current.unwrap === 'function') current = current.unwrap() as typeof current;
    else if (current.def?.type === 'union') {
      const objectOption = current.def.options
        ?.map((option) => unwrap(option))
        .find((option) => (option as { shape?: unknown }).shape);
      if (!objectOption) break;
      current = objectOption as typeof current;
    } else break;
  }
  return current;
}

/** "assistants.exec.command: Invalid input: expected string, received number" */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  if (problem.path) return `${file}: ${problem.path}: ${problem.message}`;
  // A message that starts by naming its file (a harness's own error) is not prefixed with it again.
  return problem.message.startsWith(`${file} `) || problem.message.startsWith(`${file}:`)
    ? problem.message
    : `${file}: ${problem.message}`;
}
