import type { DomainContext } from '../../domain/context.js';
import { callOperation, type OperationCall, type OperationResult } from '../../http/operations-call.js';

/** A tool's failure: github-mcp-server answers it as an error result with GitHub's message. */
export class ToolError extends Error {}

export type Args = Record<string, unknown>;
/** What a tool does with its arguments; a string result is sent as is, anything else as JSON. */
export type ToolHandler = (ctx: DomainContext, args: Args) => Promise<unknown>;

/** What github-mcp-server says failed, for the operations its common tools run. */
const WHAT: Record<string, string> = {
  'issues/get': 'get issue',
  'issues/create': 'create issue',
  'issues/update': 'update issue',
  'issues/create-comment': 'create comment',
  'issues/list-comments': 'get issue comments',
  'pulls/get': 'get pull request',
  'pulls/create': 'create pull request',
  'pulls/update': 'update pull request',
  'pulls/merge': 'merge pull request',
  'pulls/list': 'list pull requests',
  'pulls/list-files': 'get pull request files',
  'pulls/list-reviews': 'get pull request reviews',
  'repos/get-commit': 'get commit',
  'repos/list-commits': 'list commits',
  'repos/list-branches': 'list branches',
  'git/create-ref': 'create branch',
};

/** Collapses whitespace, as github-mcp-server prints GitHub's validation texts. */
const squash = (value: unknown) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean).join(' ') : '');

/**
 * An API failure as github-mcp-server reports it: a validation failure (422) as GitHub's message then
 * each error (`Resource.field (code): message`) a line; anything else as go-github words an error
 * response (`GET <url>: 404 Not Found []`).
 */
export function apiErrorText(result: Extract<OperationResult, { ok: false }>): string {
  const errors = result.errors.map((item) =>
    typeof item === 'string' ? { message: item } : (item as Record<string, unknown>),
  );
  if (result.status === 422) {
    const details = errors.map((error) => {
      let location = [squash(error.resource), squash(error.field)].filter(Boolean).join('.');
      const code = squash(error.code);
      if (location && code) location += ` (${code})`;
      else if (!location) location = code;
      const message = squash(error.message);
      return location && message ? `${location}: ${message}` : message || location;
    });
    const parts = [squash(result.message), ...details].filter(Boolean);
    return parts.length > 0 ? parts.join('\n') : 'GitHub API validation failed';
  }
  const listed = errors.map(
    (error) =>
      `{Resource:${squash(error.resource)} Field:${squash(error.field)} Code:${squash(error.code)} Message:${squash(error.message)}}`,
  );
  return `${result.request.method} ${result.request.url}: ${result.status} ${result.message} [${listed.join(' ')}]`;
}

/** The operation names github-mcp-server gives in `failed to <what>`, unless a tool gives its own. */
const whatOf = (operationId: string) => WHAT[operationId] ?? operationId.split('/')[1]!.replace(/-/g, ' ');

/**
 * Runs a REST operation of the clone; its failure becomes the tool's error, worded as github-mcp-server
 * words it: `failed to <what>: <the API's error>`, `what` being the operation's name unless given.
 * The whole answer, for a tool that reads its status or headers.
 */
export async function restResult(
  ctx: DomainContext,
  operationId: string,
  call: OperationCall = {},
  what = whatOf(operationId),
): Promise<Extract<OperationResult, { ok: true }>> {
  const result = await callOperation(ctx, operationId, call);
  if (!result.ok) throw new ToolError(`failed to ${what}: ${apiErrorText(result)}`);
  return result;
}

/** Like `restResult`, for the answer's body. */
export async function rest(
  ctx: DomainContext,
  operationId: string,
  call: OperationCall = {},
  what = whatOf(operationId),
): Promise<unknown> {
  return (await restResult(ctx, operationId, call, what)).body;
}

/**
 * Like `rest`, for an operation GitHub answers 202 Accepted (a fork, a branch update): go-github
 * reports that as an error github-mcp-server answers with `inProgress`.
 */
export async function restAccepted(
  ctx: DomainContext,
  operationId: string,
  call: OperationCall,
  what: string,
  inProgress: string,
): Promise<unknown> {
  const result = await restResult(ctx, operationId, call, what);
  return result.status === 202 ? inProgress : result.body;
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
