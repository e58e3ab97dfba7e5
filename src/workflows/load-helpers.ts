import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import { memo } from '../lib/lazy.js';
import type { WorkflowProblem } from './problems.js';
import { NESTED_KEYS, NODE_KEYS } from './schema.js';
import type { SourceLocator } from './yaml-source.js';
import { isRecord } from '../lib/is-record.js';

/** What the workflow and node loaders share: problems from zod issues, unknown nested keys, value checks. */

/** Every key some node kind has (to tell a misplaced key from an unknown one); builds every kind's schema. */
export const allNodeKeys = memo(() => new Set(Object.values(NODE_KEYS).flatMap((keys) => [...keys])));

/** A problem about the node being loaded, at a field when given. */
export type Problem = (message: string, field?: string) => WorkflowProblem;

/** Warns about keys inside a nested section (`exec:`, `loop:`…) that it does not know. */
export function warnNestedKeys(value: unknown, key: string, warn: (message: string, field: string) => void): void {
  if (!isRecord(value)) return;
  const known = NESTED_KEYS[key];
  if (!known) return;
  for (const nested of Object.keys(value)) {
    if (!known.has(nested))
      warn(`unknown field '${key}.${nested}' is ignored.${didYouMean(nested, known)}`, `${key}.${nested}`);
  }
}

export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  basePath: Array<string | number>,
  file: string,
  source: SourceLocator,
  node: string | undefined,
  raw: Record<string, unknown>,
): WorkflowProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    let message = issue.message;
    if (issue.code === 'invalid_value') {
      const actual = getPath(raw, issue.path);
      if (typeof actual === 'string')
        message = `'${actual}' is not valid; expected one of ${issue.values.map(String).join(', ')}.${didYouMean(actual, issue.values.map(String))}`;
    }
    if (issue.code === 'invalid_type' && getPath(raw, issue.path) === undefined)
      message = `missing required field '${field}'`;
    const fullPath = [
      ...basePath,
      ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    ];
    return { file, node, field, line: source.line(fullPath) ?? source.line(basePath), message };
  });
}

function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value === 'string' ? value.trim().length > 0 : true;
}

export function quoteList(items: readonly string[]): string {
  return items.map((item) => `'${item}'`).join(', ');
}
