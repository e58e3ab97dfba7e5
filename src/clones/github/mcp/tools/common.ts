import type { DomainContext } from '../../domain/context.js';
import { callOperation, failureText, type OperationCall } from '../../http/operations-call.js';

/** A tool's failure: github-mcp-server answers it as an error result with GitHub's message. */
export class ToolError extends Error {}

export type Args = Record<string, unknown>;
/** What a tool does with its arguments; a string result is sent as is, anything else as JSON. */
export type ToolHandler = (ctx: DomainContext, args: Args) => Promise<unknown>;

/**
 * Runs a REST operation of the clone; its failure becomes the tool's error, worded as github-mcp-server
 * words it: `failed to <what>: <GitHub's message>`, `what` being the operation's name unless given.
 */
export async function rest(
  ctx: DomainContext,
  operationId: string,
  call: OperationCall = {},
  what = operationId.split('/')[1]!.replace(/-/g, ' '),
): Promise<unknown> {
  const result = await callOperation(ctx, operationId, call);
  if (!result.ok) throw new ToolError(`failed to ${what}: ${failureText(result)}`);
  return result.body;
}

/** Like `rest`, for operations whose answer is a list. */
export async function restList(ctx: DomainContext, operationId: string, call: OperationCall = {}): Promise<unknown[]> {
  const body = await rest(ctx, operationId, call);
  return Array.isArray(body) ? body : [];
}

export const repoParams = (args: Args) => ({ owner: String(args.owner), repo: String(args.repo) });

export const paging = (args: Args) => ({
  page: args.page as number | undefined,
  per_page: args.perPage as number | undefined,
});

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `fields`: only those keys of each item (github-mcp-server's field filter). */
export function pick<T>(items: T[], fields: unknown): Array<T | Record<string, unknown>> {
  if (!Array.isArray(fields) || fields.length === 0) return items;
  return items.map((item) => {
    const out: Record<string, unknown> = {};
    for (const field of fields as string[])
      if (item && typeof item === 'object' && field in item) out[field] = (item as Record<string, unknown>)[field];
    return out;
  });
}

/** A tool's whole result (several content items, as a file with its embedded resource), sent as is. */
export class ToolContent {
  constructor(readonly result: { content: Array<Record<string, unknown>> }) {}
}

/**
 * A reaction a tool added, as github-mcp-server answers it: its id and its REST URL under `subject`
 * (`issues/1`, `issues/comments/2`, `pulls/comments/3`), the reaction itself having no URL.
 */
export function reactionResponse(ctx: DomainContext, args: Args, subject: string, reaction: unknown) {
  const id = String((reaction as { id?: unknown }).id ?? '');
  return { id, url: `${ctx.urls.api}/repos/${String(args.owner)}/${String(args.repo)}/${subject}/reactions/${id}` };
}
