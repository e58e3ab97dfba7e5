import type { DomainContext } from '../domain/context.js';
import { ROUTES } from '../routes/index.js';
import { ApiError } from '../state/errors.js';
import type { RouteSpec } from './route.js';

const BY_OPERATION = new Map<string, RouteSpec>();
for (const route of ROUTES) if (!BY_OPERATION.has(route.operationId)) BY_OPERATION.set(route.operationId, route);

export interface OperationCall {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Request headers the operation reads (`accept` for diffs). */
  headers?: Record<string, string>;
}

export type OperationResult =
  | { ok: true; status: number; body: unknown; headers: Record<string, string> }
  | { ok: false; status: number; message: string; errors: unknown[]; request: { method: string; url: string } };

/**
 * Runs a REST operation of the clone from inside another API (GraphQL, MCP), as the same actor
 * and into the same journal, so that both take exactly the REST path's checks, state changes and
 * webhooks. The caller's request is the one the request log records.
 */
export async function callOperation(
  ctx: DomainContext,
  operationId: string,
  call: OperationCall = {},
): Promise<OperationResult> {
  const route = BY_OPERATION.get(operationId);
  if (!route) throw new Error(`unknown operation ${operationId}`);
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.params ?? {})) params[name] = String(value);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) query.set(name, String(value));
  const path = route.path.replace(/\{(\w+)[+*]?\}/g, (_, name: string) => params[name] ?? '');
  try {
    const reply = await route.handler({
      ...ctx,
      method: route.method,
      path,
      params,
      query,
      body: call.body,
      headers: call.headers ?? {},
      selfUrl: `${ctx.urls.api}${path}`,
    });
    const body =
      reply.kind === 'raw' ? (typeof reply.data === 'string' ? reply.data : reply.data.toString('utf8')) : reply.body;
    return { ok: true, status: reply.status, body, headers: reply.headers ?? {} };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const search = query.toString();
    return {
      ok: false,
      status: error.status,
      message: error.message,
      errors: error.extra.errors ?? [],
      request: { method: route.method, url: `${ctx.urls.api}${path}${search ? `?${search}` : ''}` },
    };
  }
}

/** One line for an operation's failure: GitHub's message and its validation errors. */
export function failureText(result: Extract<OperationResult, { ok: false }>): string {
  const details = result.errors
    .map((item) =>
      typeof item === 'string'
        ? item
        : ((item as { message?: string }).message ??
          [(item as { field?: string }).field, (item as { code?: string }).code].filter(Boolean).join(' ')),
    )
    .filter(Boolean);
  return details.length > 0 ? `${result.message}: ${details.join('; ')}` : result.message;
}
