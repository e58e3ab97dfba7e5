import type * as z from 'zod';
import type { RequestContext } from './route.js';
import { ApiError } from '../state/errors.js';

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  integer: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const show = (value: unknown) => (value === undefined ? 'nil' : JSON.stringify(value));

/**
 * Validates a request body with a zod schema. Failures are GitHub's 422: `Invalid request.` with
 * one line per problem (`"title" wasn't supplied.`, `For 'properties/labels', "bug" is not an
 * array.`) and, as GitHub sends it for schema failures, no `errors[]`.
 */
export function parseBody<S extends z.ZodType>(ctx: RequestContext, schema: S): z.output<S> {
  const body = ctx.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(422, `Invalid request.\n\nFor 'links/0/schema', ${show(body)} is not an object.`);
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const lines: string[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('/');
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && issue.path.length > 0) {
      lines.push(`"${field}" wasn't supplied.`);
      continue;
    }
    let problem: string;
    if (issue.code === 'invalid_type') problem = `is not ${ARTICLE[issue.expected] ?? issue.expected}.`;
    else if (issue.code === 'invalid_value') problem = `is not a member of ${JSON.stringify(issue.values)}.`;
    else problem = `is invalid: ${issue.message}.`;
    lines.push(`For 'properties/${field}', ${show(input)} ${problem}`);
  }
  throw new ApiError(422, `Invalid request.\n\n${lines.join('\n')}`);
}
