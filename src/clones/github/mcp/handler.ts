import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  type CallToolRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { CloneCore } from '../core.js';
import { requestContext, type DomainContext } from '../domain/context.js';
import { credential, resolveActor } from '../http/auth.js';
import { BodyTooLargeError, readBody } from '../http/body.js';
import { nextRequestId } from '../http/request-id.js';
import type { Exchange } from '../http/server.js';
import type { Urls } from '../render/urls.js';
import { actingUser, actorKey, type Actor } from '../state/actor.js';
import { secondaryLimitMessage } from '../http/admission.js';
import type { RateState } from '../http/rate-limit.js';
import { ApiError } from '../state/errors.js';
import { Journal } from '../state/store.js';
import { MAX_BODY_CHARS } from '../request-log.js';
import type { ServerResponse } from 'node:http';
import { ArgumentError, checkArguments } from './arguments.js';
import { GITHUB_TOOL_NAMES, INSTRUCTIONS } from './definitions.js';
import { TOOLS, ToolContent, ToolError } from './tools.js';

const BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));
const LENIENT_CALL_TOOL = CallToolRequestSchema.extend({ params: z.unknown() });

/**
 * Serves GitHub's MCP server tools at `/mcp` over MCP streamable HTTP (stateless: each POST is
 * one JSON-RPC exchange), authenticated like GitHub's remote MCP server with the token as a
 * bearer. Tool calls run the REST operations on the clone's state; each request is logged.
 */
export async function handleMcp(core: CloneCore, exchange: Exchange, urls: Urls): Promise<void> {
  const started = performance.now();
  const { req, res } = exchange;
  const requestId = nextRequestId();
  const journal = new Journal();
  const deliveries: string[] = [];
  let actor: Actor = { kind: 'anonymous' };
  let requestText: string | undefined;
  /** What the request log says of a tool call. */
  const logged: CallLog = { operationId: null, notImplemented: false };
  let status = 200;
  const response = captureBody(res);
  try {
    const raw = await readBody(req, core.config.maxBodyBytes).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) throw new ApiError(413, 'Request body too large');
      throw error;
    });
    requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
    actor = resolveActor(core.store, credential(req.headers.authorization), core.unknownTokenUserId, core.now());
    if (actor.kind === 'anonymous' || actor.kind === 'app') throw new ApiError(401, 'Bad credentials');
    if (req.method !== 'POST') {
      // Stateless, as GitHub's MCP server: no event stream to GET (the SDK's would stay open with
      // nothing to send) and no session to DELETE. Clients take 405 as "no stream".
      status = 405;
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method Not Allowed\n');
      return;
    }
    let body: unknown;
    try {
      body = requestText === undefined ? undefined : JSON.parse(requestText);
    } catch {
      // JSON-RPC's parse error, as the SDK's transport answers a body it cannot parse.
      status = 400;
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          jsonrpc: '2.0',
          error: { code: ErrorCode.ParseError, message: 'Parse error: Invalid JSON' },
          id: null,
        }),
      );
      return;
    }
    const domain = requestContext(core, { urls, actor, journal, requestId, deliveries });
    const server = new Server(
      { name: 'github-mcp-server', version: 'archal-clone' },
      { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: TOOLS.map((tool) => ({
        name: tool.name,
        description: tool.description,
        inputSchema: tool.inputSchema,
        annotations: tool.annotations,
      })),
    }));
    // The SDK's own tools/call schema would fail a call without a name as an internal error (-32603):
    // read leniently here, the SDK's server checks it again and answers invalid params (-32602).
    server.setRequestHandler(LENIENT_CALL_TOOL, (lenient) =>
      callTool(core, { domain, actor, requestId, logged }, lenient as CallToolRequest),
    );
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await transport.handleRequest(req, res, body);
    status = res.statusCode;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status = error.status;
    if (!res.headersSent) {
      const text = JSON.stringify({ message: error.message, documentation_url: 'https://docs.github.com/rest' });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...(status === 401 ? { 'www-authenticate': 'Bearer realm="GitHub"' } : {}),
      });
      res.end(text);
    }
  } finally {
    core.log.add(
      {
        requestId,
        kind: 'mcp',
        method: req.method ?? 'POST',
        path: exchange.path,
        query: exchange.search,
        operationId: logged.operationId,
        notImplemented: logged.notImplemented,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        actor: actor.kind === 'app' ? `app:${actor.app.slug}` : (actingUser(actor)?.login ?? null),
        changes: journal.changes,
        deliveries,
      },
      { request: requestText, response: response() },
    );
  }
}

interface CallLog {
  operationId: string | null;
  notImplemented: boolean;
}

/** One tools/call: the tool run on the clone's state, as github-mcp-server answers it; `logged` says what ran. */
async function callTool(
  core: CloneCore,
  call: { domain: DomainContext; actor: Actor; requestId: string; logged: CallLog },
  request: CallToolRequest,
) {
  const { domain, actor, requestId, logged } = call;
  const tool = BY_NAME.get(request.params.name);
  logged.operationId = `mcp/${request.params.name}`;
  if (!tool && !GITHUB_TOOL_NAMES.includes(request.params.name))
    // As GitHub's server (go-sdk) answers a name it has no tool for: invalid params.
    throw Object.assign(new Error(`unknown tool ${JSON.stringify(request.params.name)}`), {
      code: ErrorCode.InvalidParams,
    });
  if (!tool) {
    logged.notImplemented = true;
    return {
      isError: true,
      content: [{ type: 'text', text: `tool ${request.params.name} is not implemented by the Archal GitHub clone` }],
    };
  }
  let args: Record<string, unknown>;
  try {
    args = checkArguments(tool, (request.params.arguments ?? {}) as Record<string, unknown>);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    return { isError: true, content: [{ type: 'text', text: error.message }] };
  }
  // GitHub's MCP server calls the REST API with the same token: a tool call counts against
  // the token's `core` limit, and past it fails with the API's answer.
  const { key, label } = actorKey(actor);
  const rate = core.limiter.take(key, 'core', Date.now());
  if (rate.exceeded) {
    const text =
      core.limiter.kind === 'secondary'
        ? `429 ${secondaryLimitMessage(requestId)}`
        : `403 API rate limit exceeded for ${label}. [rate reset in ${resetIn(rate)}]`;
    return { isError: true, content: [{ type: 'text', text }] };
  }
  try {
    const result = await tool.run(domain, args);
    if (result instanceof ToolContent) return result.result;
    return { content: [{ type: 'text', text: typeof result === 'string' ? result : JSON.stringify(result) }] };
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return { isError: true, content: [{ type: 'text', text: error.message }] };
  }
}

/** `59m30s`: how go-github (and so GitHub's MCP server) says when a rate limit resets. */
function resetIn(rate: RateState): string {
  const seconds = Math.max(0, rate.reset - Math.floor(Date.now() / 1000));
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * What the MCP transport writes to the response, for the request log (which caps bodies at
 * MAX_BODY_CHARS: bytes past what that many characters can take are not kept).
 */
function captureBody(res: ServerResponse): () => string | undefined {
  const limit = MAX_BODY_CHARS * 4 + 4;
  const chunks: Buffer[] = [];
  let kept = 0;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || kept >= limit) return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer.subarray(0, limit - kept));
    kept += Math.min(buffer.length, limit - kept);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
  return () => (kept === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
}

export const MCP_TOOL_NAMES = TOOLS.map((tool) => tool.name);
