import { requestContext } from '../domain/context.js';
import {
  execute,
  GraphQLError,
  OverlappingFieldsCanBeMergedRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from 'graphql';
import type { CloneCore } from '../core.js';
import type { Exchange } from '../http/server.js';
import { credential, resolveActor } from '../http/auth.js';
import { BodyTooLargeError, readBody } from '../http/body.js';
import { nextRequestId } from '../http/request-id.js';
import type { Urls } from '../render/urls.js';
import { actingUser, actorKey, type Actor } from '../state/actor.js';
import { retryAfter, secondaryLimitMessage } from '../http/admission.js';
import { rateHeaders } from '../http/rate-limit.js';
import { ApiError } from '../state/errors.js';
import { Journal } from '../state/store.js';
import type { GraphqlContext } from './context.js';
import './wire.js';
import { mutationRoot } from './mutations.js';
import { queryRoot } from './query.js';
import { githubSchema } from './schema.js';
import { monotonicMs } from '../../../lib/elapsed.js';

const DOCS = 'https://docs.github.com/graphql';
// GitHub (graphql-ruby) accepts a field whose type differs between fragments on exclusive types
// (`... on Issue { state } ... on PullRequest { state }`, as gh asks it); graphql-js would refuse it.
const RULES = specifiedRules.filter((rule) => rule !== OverlappingFieldsCanBeMergedRule);
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A field the clone implements is a property of the object its parent resolved to (a value, or a
 * function of the arguments); any other field is answered with GitHub's error shape and recorded
 * as not implemented.
 */
const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, ctx, info) => {
  if (source !== null && typeof source === 'object' && info.fieldName in source) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(args, ctx, info) : value;
  }
  const name = `${info.parentType.name}.${info.fieldName}`;
  ctx.unsupported.add(name);
  throw new GraphQLError(
    `Field '${info.fieldName}' on type '${info.parentType.name}' is not implemented by the Archal GitHub clone.`,
    {
      extensions: { type: 'NOT_IMPLEMENTED' },
    },
  );
};

const typeResolver: GraphQLTypeResolver<unknown, GraphqlContext> = (value) =>
  value !== null && typeof value === 'object' ? (value as { __typename?: string }).__typename : undefined;

interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Serves `POST /graphql` (and `/api/graphql`) over GitHub's schema, logging it like a REST request. */
export async function handleGraphql(core: CloneCore, exchange: Exchange, urls: Urls): Promise<void> {
  const started = monotonicMs();
  const { req, res } = exchange;
  const requestId = nextRequestId();
  const journal = new Journal();
  const deliveries: string[] = [];
  let actor: Actor = { kind: 'anonymous' };
  let status = 200;
  let requestText: string | undefined;
  let responseText = '';
  let operationId: string | null = null;
  const unsupported = new Set<string>();
  const headers: string[] = [];
  try {
    const raw = await readBody(req, core.config.maxBodyBytes).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) throw new ApiError(413, 'Request body too large');
      throw error;
    });
    requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
    if (req.method !== 'POST') throw new ApiError(404, 'Not Found');
    actor = resolveActor(core.store, credential(req.headers.authorization), core.unknownTokenUserId, core.now());
    if (actor.kind === 'anonymous' || actor.kind === 'app')
      throw new ApiError(401, 'This endpoint requires you to be authenticated.');
    // GraphQL has its own bucket; past it GitHub still answers 200, with a RATE_LIMITED error.
    const { key, label } = actorKey(actor);
    const rate = core.limiter.take(key, 'graphql', Date.now());
    headers.push(...rateHeaders(rate));
    if (rate.exceeded) {
      if (core.limiter.kind === 'secondary') {
        headers.push('retry-after', retryAfter(rate));
        throw new ApiError(403, secondaryLimitMessage(requestId));
      }
      responseText = JSON.stringify({
        errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for ${label}.` }],
      });
      return;
    }
    let request: GraphqlRequest;
    try {
      request = JSON.parse(requestText ?? '') as GraphqlRequest;
    } catch {
      throw new ApiError(400, 'Problems parsing JSON');
    }
    const ctx: GraphqlContext = {
      domain: requestContext(core, { urls, actor, journal, requestId, deliveries }),
      viewer: actingUser(actor),
      unsupported,
    };
    const result = await run(ctx, request);
    operationId = result.operationId;
    responseText = JSON.stringify(result.body);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status = error.status;
    responseText = JSON.stringify({ message: error.message, documentation_url: DOCS });
  } finally {
    if (!res.headersSent) {
      res.writeHead(status, [
        'content-type',
        JSON_TYPE,
        'content-length',
        String(Buffer.byteLength(responseText)),
        'x-github-request-id',
        requestId,
        'server',
        'GitHub.com',
        ...(status === 401 ? ['www-authenticate', 'Bearer realm="GitHub"'] : []),
        ...headers,
      ]);
      res.end(responseText);
    }
    core.log.add(
      {
        requestId,
        kind: 'graphql',
        method: req.method ?? 'POST',
        path: exchange.path,
        query: exchange.search,
        operationId: unsupported.size > 0 ? `graphql:${[...unsupported].join(',')}` : operationId,
        notImplemented: unsupported.size > 0,
        status,
        durationMs: Math.round((monotonicMs() - started) * 100) / 100,
        actor: actor.kind === 'app' ? `app:${actor.app.slug}` : (actingUser(actor)?.login ?? null),
        changes: journal.changes,
        deliveries,
      },
      { request: requestText, response: responseText },
    );
  }
}

async function run(
  ctx: GraphqlContext,
  request: GraphqlRequest,
): Promise<{ body: unknown; operationId: string | null }> {
  if (typeof request.query !== 'string' || request.query.trim() === '')
    return {
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
      operationId: null,
    };
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return { body: { errors: [formatError(error as GraphQLError)] }, operationId: null };
  }
  const schema = githubSchema();
  const invalid = validate(schema, document, RULES);
  if (invalid.length > 0) return { body: { errors: invalid.map(formatError) }, operationId: null };
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition' && (!operationName || definition.name?.value === operationName),
  );
  const isMutation = operation?.operation === 'mutation';
  const result: ExecutionResult = await execute({
    schema,
    document,
    rootValue: isMutation ? mutationRoot(ctx) : queryRoot(ctx),
    contextValue: ctx,
    variableValues:
      request.variables && typeof request.variables === 'object'
        ? (request.variables as Record<string, unknown>)
        : undefined,
    operationName,
    fieldResolver,
    typeResolver,
  });
  const body: Record<string, unknown> = {};
  if (result.data !== undefined) body.data = result.data;
  if (result.errors?.length) body.errors = result.errors.map(formatError);
  const firstField = operation?.selectionSet.selections.find((selection) => selection.kind === 'Field');
  const name = operation?.name?.value ?? (firstField?.kind === 'Field' ? firstField.name.value : 'anonymous');
  return { body, operationId: `graphql/${operation?.operation ?? 'query'} ${name}` };
}

/** GitHub's error entries: `type` (NOT_FOUND, FORBIDDEN…), `path`, `locations`, `message`. */
function formatError(error: GraphQLError) {
  const type = error.extensions?.type;
  const original = error.originalError;
  const internal = original && !(original instanceof GraphQLError) && !type;
  return {
    ...(type ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: internal
      ? `Something went wrong while executing your query. (${original.message})`
      : githubMessage(error.message),
  };
}

/** graphql-js validation messages in GitHub's wording where agents match on it. */
function githubMessage(message: string): string {
  const field = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(message);
  return field ? `Field '${field[1]}' doesn't exist on type '${field[2]}'` : message;
}
