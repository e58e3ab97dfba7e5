import type * as z from 'zod';
import { closest } from '../../../lib/did-you-mean.js';

/** A seed that cannot be applied: names where (`repos[0].issues[2].labels[1]`) and what is wrong. */
export class SeedError extends Error {
  constructor(
    readonly problems: Array<{ path: string; message: string }>,
    readonly source = 'seed',
  ) {
    super(`Invalid ${source}:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

export function fromZodError(error: z.ZodError, source?: string): SeedError {
  return new SeedError(
    error.issues.map((issue) => ({
      path: issue.path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
        .join(''),
      message: issue.message,
    })),
    source,
  );
}

/** "unknown label "bgu" (did you mean "bug"?)" */
export function unknown(what: string, value: string, candidates: Iterable<string>): string {
  const suggestion = closest(value, candidates);
  return `unknown ${what} "${value}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}
