import type { DomainContext } from '../domain/context.js';
import { isUnsearchableScope } from '../domain/search.js';
import { actorKey } from '../state/actor.js';
import { callOperation } from '../http/operations-call.js';
import type { RepoRecord } from '../state/model.js';
import { NEED, type Need } from '../state/permissions.js';
import { connection, gqlError, type ConnectionArgs, type Gql, type GraphqlContext } from './context.js';
import { commentObject, issueObject, pullObject, reviewObject } from './issues.js';
import { actorObject, canSee, labelObject, milestoneObject, visibleRepo } from './objects.js';
import { repoObject } from './repository.js';

/** A legacy global id (`MDU6SXNzdWUx`: base64 of `05:Issue1`) split into its type and database id. */
export function decodeNodeId(id: string): { type: string; id: number } | undefined {
  const text = Buffer.from(id, 'base64').toString('utf8');
  const match = /^0(\d+):(.+)$/.exec(text);
  if (!match) return undefined;
  const length = Number(match[1]);
  const type = match[2]!.slice(0, length);
  const rest = match[2]!.slice(length);
  return /^\d+$/.test(rest) ? { type, id: Number(rest) } : undefined;
}

/** The object a global id names, if it exists and the viewer may see it. */
export function nodeById(domain: DomainContext, id: string): Gql | null {
  const decoded = decodeNodeId(id);
  if (!decoded) return null;
  const { store } = domain;
  const seen = (repo: RepoRecord | undefined, need: Need = NEED.metadata) =>
    repo && canSee(domain, repo, need) ? repo : undefined;
  switch (decoded.type) {
    case 'Issue': {
      const issue = store.get('issue', decoded.id);
      const repo = seen(store.get('repo', issue?.repoId), NEED.issuesRead);
      return issue && repo ? issueObject(domain, repo, issue) : null;
    }
    case 'PullRequest': {
      const pull = store.get('pull', decoded.id);
      return pull && seen(store.get('repo', pull.repoId), NEED.pullsRead) ? pullObject(domain, pull) : null;
    }
    case 'IssueComment': {
      const comment = store.get('comment', decoded.id);
      const repo = seen(store.get('repo', comment?.repoId), NEED.issuesRead);
      return comment && repo ? commentObject(domain, repo, comment) : null;
    }
    case 'PullRequestReview': {
      const review = store.get('review', decoded.id);
      const pull = store.get('pull', review?.pullId);
      const repo = seen(store.get('repo', pull?.repoId), NEED.pullsRead);
      return review && pull && repo ? reviewObject(domain, repo, pull, review) : null;
    }
    case 'Label': {
      const label = store.get('label', decoded.id);
      const repo = seen(store.get('repo', label?.repoId));
      return label && repo ? labelObject(domain, repo, label) : null;
    }
    case 'Milestone': {
      const milestone = store.get('milestone', decoded.id);
      const repo = seen(store.get('repo', milestone?.repoId), NEED.issuesRead);
      return milestone && repo ? milestoneObject(domain, repo, milestone) : null;
    }
    case 'Repository': {
      const repo = seen(store.get('repo', decoded.id));
      return repo ? repoObject(domain, repo) : null;
    }
    case 'User':
    case 'Bot':
    case 'Organization': {
      const user = store.get('user', decoded.id);
      return user ? actorObject(domain, user) : null;
    }
    default:
      return null;
  }
}

const unresolved = (id: string) => gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);

/** `node(id)`: GitHub answers null with a NOT_FOUND error for an id it cannot resolve. */
function nodeOrError(domain: DomainContext, id: string): Gql | Error {
  return nodeById(domain, id) ?? unresolved(id);
}

/** `node(id)` that must be of one kind (mutation inputs): GitHub's NOT_FOUND otherwise. */
export function requireNode(ctx: GraphqlContext, id: string, ...types: string[]): Gql {
  const node = nodeById(ctx.domain, id);
  if (!node || (types.length > 0 && !types.includes(node.__typename))) throw unresolved(id);
  return node;
}

const SEARCH: Record<string, { operationId: string; count: string }> = {
  ISSUE: { operationId: 'search/issues-and-pull-requests', count: 'issueCount' },
  ISSUE_ADVANCED: { operationId: 'search/issues-and-pull-requests', count: 'issueCount' },
  REPOSITORY: { operationId: 'search/repos', count: 'repositoryCount' },
  USER: { operationId: 'search/users', count: 'userCount' },
};

/** `search(query, type)`: the REST search (same qualifiers and ranking), its results as GraphQL nodes. */
async function search(ctx: GraphqlContext, args: ConnectionArgs & { query: string; type: string }) {
  const kind = SEARCH[args.type];
  if (!kind)
    throw gqlError('NOT_IMPLEMENTED', `search of type ${args.type} is not supported by the Archal GitHub clone`);
  const offset = args.after
    ? Number(/:(\d+)$/.exec(Buffer.from(args.after, 'base64').toString('utf8'))?.[1] ?? -1) + 1
    : 0;
  const needed = Math.min(1000, offset + (args.first ?? args.last ?? 10));
  const items: Array<{ id: number }> = [];
  let total = 0;
  for (let page = 1; items.length < needed; page++) {
    const result = await callOperation(ctx.domain, kind.operationId, { query: { q: args.query, per_page: 100, page } });
    if (!result.ok) {
      // REST refuses a search scoped to a repository or user that does not exist; GraphQL's
      // search answers it with no results.
      if (isUnsearchableScope(result.errors)) break;
      throw gqlError('UNPROCESSABLE', result.message);
    }
    const body = result.body as { total_count: number; items: Array<{ id: number }> };
    total = body.total_count;
    items.push(...body.items);
    if (body.items.length < 100) break;
  }
  const { store } = ctx.domain;
  const nodes = items.map((item): Gql | null => {
    if (args.type === 'REPOSITORY') {
      const repo = store.get('repo', item.id);
      return repo ? repoObject(ctx.domain, repo) : null;
    }
    if (args.type === 'USER') {
      const user = store.get('user', item.id);
      return user ? actorObject(ctx.domain, user) : null;
    }
    const issue = store.get('issue', item.id);
    const repo = store.get('repo', issue?.repoId);
    return issue && repo ? issueObject(ctx.domain, repo, issue) : null;
  });
  return {
    ...connection(nodes, args, (node) => node, 'SearchResultItem'),
    issueCount: args.type.startsWith('ISSUE') ? total : 0,
    repositoryCount: args.type === 'REPOSITORY' ? total : 0,
    userCount: args.type === 'USER' ? total : 0,
    discussionCount: 0,
    wikiCount: 0,
    codeCount: 0,
  };
}

/** The root `Query` object. */
export function queryRoot(ctx: GraphqlContext): Gql {
  const { domain } = ctx;
  const account = (login: string, type?: 'Organization') => {
    const user = domain.store.userByLogin(login);
    if (!user || (type && user.type !== type) || (!type && user.type === 'Organization'))
      throw gqlError(
        'NOT_FOUND',
        `Could not resolve to a${type ? 'n Organization' : ' User'} with the login of '${login}'.`,
      );
    return actorObject(domain, user);
  };
  return {
    __typename: 'Query',
    viewer: () => {
      if (!ctx.viewer) throw gqlError('FORBIDDEN', 'This endpoint requires a user or installation token.');
      return actorObject(domain, ctx.viewer);
    },
    repository: (args: { owner: string; name: string }) => repoObject(domain, visibleRepo(ctx, args.owner, args.name)),
    user: (args: { login: string }) => account(args.login),
    organization: (args: { login: string }) => account(args.login, 'Organization'),
    repositoryOwner: (args: { login: string }) => {
      const user = domain.store.userByLogin(args.login);
      return user ? actorObject(domain, user) : null;
    },
    node: (args: { id: string }) => nodeOrError(domain, args.id),
    nodes: (args: { ids: string[] }) => {
      if (args.ids.length > 100) throw gqlError('UNPROCESSABLE', 'You may not request more than 100 nodes at once.');
      // graphql-js reports an Error in a list at its index (`path: ["nodes", 1]`) and nulls that entry.
      return args.ids.map((id) => nodeOrError(domain, id));
    },
    search: (args: ConnectionArgs & { query: string; type: string }) => search(ctx, args),
    rateLimit: () => {
      // The bucket this query was counted against (the one `/rate_limit` reports as `graphql`).
      const rate = domain.core.limiter.peek(actorKey(domain.actor).key, 'graphql', Date.now());
      return {
        __typename: 'RateLimit',
        cost: 1,
        limit: rate.limit,
        nodeCount: 0,
        remaining: rate.remaining,
        used: rate.used,
        resetAt: new Date(rate.reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
    },
    meta: () => ({
      __typename: 'GitHubMetadata',
      isPasswordAuthenticationVerifiable: false,
      gitHubServicesSha: '0'.repeat(40),
    }),
    id: 'Query',
    relay: () => queryRoot(ctx),
  };
}
