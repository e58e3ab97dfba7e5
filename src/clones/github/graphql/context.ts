import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { DomainContext } from '../domain/context.js';
import { callOperation, failureText, type OperationCall } from '../http/operations-call.js';
import type { UserRecord } from '../state/model.js';

/** What every resolver gets: the domain context of the request and what it used that the clone lacks. */
export interface GraphqlContext {
  domain: DomainContext;
  viewer: UserRecord | undefined;
  /** `Type.field` the query asked for that the clone does not implement. */
  unsupported: Set<string>;
}

/**
 * A GraphQL object as resolvers build it: its type name and its fields, each a value or a function
 * of the field's arguments. A field that is absent is one the clone does not implement.
 */
export type Gql = { __typename: string } & Record<string, unknown>;

export type Resolver<A = Record<string, unknown>> = (args: A, ctx: GraphqlContext, info: GraphQLResolveInfo) => unknown;

/** GitHub's GraphQL error types (`errors[].type`). */
export type ErrorType =
  'NOT_FOUND' | 'FORBIDDEN' | 'UNPROCESSABLE' | 'INTERNAL' | 'MAX_NODE_LIMIT_EXCEEDED' | 'STALE_DATA';

export function gqlError(type: ErrorType | 'NOT_IMPLEMENTED', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** Runs a REST operation for a mutation; its failure becomes GitHub's GraphQL error. */
export async function operation(ctx: GraphqlContext, operationId: string, call: OperationCall): Promise<unknown> {
  const result = await callOperation(ctx.domain, operationId, call);
  if (result.ok) return result.body;
  const type: ErrorType =
    result.status === 404
      ? 'NOT_FOUND'
      : result.status === 403 || result.status === 401
        ? 'FORBIDDEN'
        : 'UNPROCESSABLE';
  throw gqlError(type, failureText(result));
}

// Cursors are opaque to clients; here they are offsets into the ordered list.
const encodeCursor = (offset: number) => Buffer.from(`cursor:v2:${offset}`).toString('base64');
function decodeCursor(cursor: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw gqlError('UNPROCESSABLE', `\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]);
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * A connection (nodes, edges with cursors, pageInfo, totalCount) over an ordered list, paginated as
 * GitHub does: asking for its nodes or edges needs `first` or `last` (at most 100); `totalCount`
 * alone does not.
 */
export function connection<T>(items: readonly T[], args: ConnectionArgs, node: (item: T) => unknown, name = 'items') {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value != null && (value < 0 || value > 100))
      throw gqlError(
        'UNPROCESSABLE',
        value < 0
          ? `\`${key}\` on the \`${name}\` connection cannot be less than zero.`
          : `Requesting ${value} records on the \`${name}\` connection exceeds the \`${key}\` limit of 100 records.`,
      );
  }
  const paginated = () => {
    if (args.first == null && args.last == null)
      throw gqlError(
        'UNPROCESSABLE',
        `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      );
  };
  let start = 0;
  let end = items.length;
  if (args.after) start = Math.min(end, decodeCursor(args.after) + 1);
  if (args.before) end = Math.max(start, Math.min(end, decodeCursor(args.before)));
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = items.slice(start, end);
  return {
    __typename: `${name}Connection`,
    totalCount: items.length,
    nodes: () => {
      paginated();
      return slice.map(node);
    },
    edges: () => {
      paginated();
      return slice.map((item, index) => ({ cursor: encodeCursor(start + index), node: node(item) }));
    },
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? encodeCursor(start) : null,
      endCursor: slice.length > 0 ? encodeCursor(end - 1) : null,
    },
  };
}

/** A connection of things the clone does not keep (projects, reactions…): always empty. */
export const emptyConnection = (args: ConnectionArgs) => connection([], args, () => null);

/** `OPEN` for `open`: GitHub's GraphQL enums are the REST values upper-cased. */
export const upper = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '_');
