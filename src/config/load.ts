import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { join } from 'node:path';
import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import { parseJsonWithLocation } from '../lib/json-position.js';
import { archalConfigSchema, type ArchalConfig } from './schema.js';

export const CONFIG_FILE = '.archal.json';

export interface ConfigProblem {
  /** Dotted key path, e.g. "assistants.exec.command"; empty for the whole file. */
  path: string;
  message: string;
}

export type ConfigLoadResult =
  | { status: 'missing'; file: string; config: ArchalConfig }
  | { status: 'valid'; file: string; config: ArchalConfig }
  | { status: 'invalid'; file: string; errors: ConfigProblem[] };

/** Reads and validates `<dir>/.archal.json`. A missing file is not an error: every key is optional. */
export function loadConfig(dir: string): ConfigLoadResult {
  const file = join(dir, CONFIG_FILE);
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.config, strictUtf8: true });
  if (!read.ok && read.problem === 'missing') return { status: 'missing', file, config: {} };
  if (!read.ok) return { status: 'invalid', file, errors: [{ path: '', message: read.message }] };
  const parsed = parseJsonWithLocation(read.text);
  if (!parsed.ok)
    return { status: 'invalid', file, errors: [{ path: '', message: `invalid JSON: ${parsed.message}` }] };
  return validateConfig(parsed.value, file);
}

export function validateConfig(value: unknown, file: string): ConfigLoadResult {
  const result = archalConfigSchema.safeParse(value);
  if (result.success) return { status: 'valid', file, config: result.data };
  return { status: 'invalid', file, errors: result.error.issues.flatMap(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      message: `unknown key.${didYouMean(key, known)}`,
    }));
  }
  return [{ path, message: issue.message }];
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
      const objectOption = current.def.options?.find((option) => (option as { shape?: unknown }).shape);
      if (!objectOption) break;
      current = objectOption as typeof current;
    } else break;
  }
  return current;
}

/** "assistants.exec.command: Invalid input: expected string, received number" */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  return problem.path ? `${file}: ${problem.path}: ${problem.message}` : `${file}: ${problem.message}`;
}
