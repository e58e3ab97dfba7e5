import {
  parseQuery,
  searchIssues,
  sortQualifier,
  UNSEARCHABLE_SCOPES,
  UNSEARCHABLE_USERS,
  type Term,
} from '../domain/search.js';
import {
  CODE_QUALIFIERS,
  REPO_QUALIFIERS,
  codeTextMatches,
  searchCode,
  searchRepos,
  searchUsers,
  USER_QUALIFIERS,
} from '../domain/search-more.js';
import { COMMIT_QUALIFIERS, searchCommits } from '../domain/search-commits.js';
import { pageParams, paginate } from '../http/pagination.js';
import { renderCommit } from '../render/git.js';
import { ok, type Reply, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderIssue } from '../render/issues.js';
import { forkCount, fullName, renderRepo } from '../render/repos.js';
import { simpleUser } from '../render/users.js';
import { ApiError, validationFailed } from '../state/errors.js';
import type { RepoRecord } from '../state/model.js';
import { actingUser } from '../state/actor.js';
import { actorRole } from '../state/permissions.js';

/** GitHub serves at most the first 1,000 results of a search; asking past them is a 422. */
const MAX_RESULTS = 1000;

function queryOf(ctx: RequestContext): string {
  const q = ctx.query.get('q')?.trim();
  if (!q) throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }]);
  if (q.length > 256)
    throw validationFailed([
      { resource: 'Search', field: 'q', code: 'invalid', message: 'The search is longer than 256 characters.' },
    ]);
  return q;
}

const canRead = (ctx: RequestContext) => (repo: RepoRecord) => actorRole(ctx.store, ctx.actor, repo) !== undefined;

const SEARCH_DOCS = 'https://docs.github.com/v3/search/';
/**
 * GitHub refuses a search scoped to an account or repository that does not exist (or that the
 * searcher cannot see) instead of answering nothing, so a misspelt `repo:` is not taken for an
 * empty result. `users` are the qualifiers naming a person (`author:` in issue search).
 */
function checkScopes(ctx: RequestContext, terms: Term[], users: ReadonlySet<string> = new Set()): Term[] {
  const invalid = (message: string) =>
    new ApiError(422, 'Validation Failed', {
      errors: [{ message, resource: 'Search', field: 'q', code: 'invalid' }],
      documentationUrl: SEARCH_DOCS,
    });
  const read = canRead(ctx);
  for (const term of terms) {
    if (term.kind !== 'qualifier' || term.negated) continue;
    const value = term.value;
    if (term.key === 'repo') {
      const [owner, name, extra] = value.split('/');
      const repo = owner && name && extra === undefined ? ctx.store.repoByFullName(owner, name) : undefined;
      if (!repo || !read(repo)) throw invalid(UNSEARCHABLE_SCOPES);
    } else if ((term.key === 'user' || term.key === 'org') && !ctx.store.userByLogin(value)) {
      throw invalid(UNSEARCHABLE_SCOPES);
    } else if (users.has(term.key) && !/^(@me|app\/.+)$/i.test(value) && !ctx.store.userByLogin(value)) {
      throw invalid(UNSEARCHABLE_USERS);
    }
  }
  return terms;
}

/** Sorted hits (`order` asc or desc, best match first by default, newest first on ties). */
function sortHits<T>(
  ctx: RequestContext,
  hits: Array<{ item: T; score: number }>,
  keys: Record<string, (item: T) => number>,
  created: (item: T) => number,
  qualifier?: { sort: string; order: 'asc' | 'desc' },
  /** Orders equal keys (times have a second's precision) in the direction asked, as listings do. */
  tie: (item: T) => number = () => 0,
) {
  const sort = qualifier?.sort ?? ctx.query.get('sort') ?? '';
  const order = (qualifier?.order ?? ctx.query.get('order')) === 'asc' ? 1 : -1;
  const key = keys[sort];
  hits.sort((a, b) =>
    key
      ? order * (key(a.item) - key(b.item) || tie(a.item) - tie(b.item)) || created(b.item) - created(a.item)
      : order * (a.score - b.score) || created(b.item) - created(a.item),
  );
  return hits;
}

/** One page of the first 1,000 hits as `{total_count, incomplete_results, items}`. */
function searchReply<T>(
  ctx: RequestContext,
  hits: T[],
  render: (hit: T) => unknown,
  extra: Record<string, unknown> = {},
): Reply {
  const { page, perPage } = pageParams(ctx.query);
  if ((page - 1) * perPage >= MAX_RESULTS)
    throw new ApiError(422, 'Only the first 1000 search results are available', {
      documentationUrl: 'https://docs.github.com/v3/search/',
    });
  const shown = paginate(ctx, hits.slice(0, MAX_RESULTS));
  return ok(
    { total_count: hits.length, incomplete_results: false, items: shown.items.map(render), ...extra },
    shown.headers,
  );
}

export const searchRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/search/issues',
    operationId: 'search/issues-and-pull-requests',
    docs: 'search/search#search-issues-and-pull-requests',
    resource: 'search',
    handler: (ctx) => {
      const read = canRead(ctx);
      const terms = checkScopes(ctx, parseQuery(queryOf(ctx)), new Set(['author']));
      const hits = searchIssues(
        {
          store: ctx.store,
          canRead: (repoId) => read(ctx.store.get('repo', repoId)!),
          me: actingUser(ctx.actor)?.login,
        },
        terms,
      ).map(({ issue, score }) => ({ item: issue, score }));
      sortHits(
        ctx,
        hits,
        {
          created: (issue) => Date.parse(issue.createdAt),
          updated: (issue) => Date.parse(issue.updatedAt),
          comments: (issue) => ctx.store.countWhere('comment', `issue:${issue.id}`),
          reactions: (issue) => ctx.store.countWhere('reaction', `issue:${issue.id}`),
          interactions: (issue) =>
            ctx.store.countWhere('comment', `issue:${issue.id}`) +
            ctx.store.countWhere('reaction', `issue:${issue.id}`),
        },
        (issue) => Date.parse(issue.createdAt),
        sortQualifier(terms),
        (issue) => issue.id,
      );
      return searchReply(
        ctx,
        hits,
        ({ item, score }) => ({ ...renderIssue(ctx, ctx.store.get('repo', item.repoId)!, item), score }),
        { search_type: 'lexical' },
      );
    },
  },
  {
    method: 'GET',
    path: '/search/repositories',
    operationId: 'search/repos',
    docs: 'search/search#search-repositories',
    resource: 'search',
    handler: (ctx) => {
      const hits = searchRepos(ctx.store, canRead(ctx), checkScopes(ctx, parseQuery(queryOf(ctx), REPO_QUALIFIERS)));
      sortHits(
        ctx,
        hits,
        { updated: (repo) => Date.parse(repo.updatedAt), stars: () => 0, forks: (repo) => forkCount(ctx, repo) },
        (repo) => Date.parse(repo.createdAt),
      );
      return searchReply(ctx, hits, ({ item, score }) => ({ ...renderRepo(ctx, item), score }));
    },
  },
  {
    method: 'GET',
    path: '/search/users',
    operationId: 'search/users',
    docs: 'search/search#search-users',
    resource: 'search',
    handler: (ctx) => {
      const hits = searchUsers(ctx.store, parseQuery(queryOf(ctx), USER_QUALIFIERS));
      sortHits(
        ctx,
        hits,
        {
          joined: (user) => Date.parse(user.createdAt),
          repositories: (user) => ctx.store.countWhere('repo', `owner:${user.id}`),
          followers: () => 0,
        },
        (user) => Date.parse(user.createdAt),
      );
      return searchReply(ctx, hits, ({ item, score }) => ({ ...simpleUser(ctx, item), score }));
    },
  },
  {
    method: 'GET',
    path: '/search/code',
    operationId: 'search/code',
    docs: 'search/search#search-code',
    resource: 'search',
    handler: (ctx) => {
      const terms = checkScopes(ctx, parseQuery(queryOf(ctx), CODE_QUALIFIERS));
      const hits = searchCode(ctx.store, canRead(ctx), terms);
      hits.sort((a, b) => b.score - a.score || (a.item.path < b.item.path ? -1 : 1));
      // GitHub adds the matched fragments only for its text-match media type.
      const needles = /text-match/.test(String(ctx.headers.accept ?? ''))
        ? terms.flatMap((term) =>
            term.kind === 'text' && !term.negated && term.value ? [term.value.toLowerCase()] : [],
          )
        : undefined;
      return searchReply(ctx, hits, ({ item, score }) => {
        const name = fullName(ctx, item.repo);
        const repoUrl = ctx.urls.repo(name);
        const path = item.path.split('/').map(encodeURIComponent).join('/');
        const url = `${repoUrl}/contents/${path}?ref=${item.commit}`;
        return {
          name: item.path.split('/').pop(),
          path: item.path,
          sha: item.sha,
          url,
          git_url: `${repoUrl}/git/blobs/${item.sha}`,
          html_url: `${ctx.urls.repoHtml(name)}/blob/${item.commit}/${path}`,
          repository: renderRepo(ctx, item.repo),
          score,
          ...(needles ? { text_matches: codeTextMatches(item.repo, item.sha, needles, url) } : {}),
        };
      });
    },
  },
  {
    method: 'GET',
    path: '/search/commits',
    operationId: 'search/commits',
    docs: 'search/search#search-commits',
    resource: 'search',
    handler: (ctx) => {
      const terms = checkScopes(ctx, parseQuery(queryOf(ctx), COMMIT_QUALIFIERS), new Set(['author', 'committer']));
      const hits = searchCommits(ctx, canRead(ctx), terms);
      sortHits(
        ctx,
        hits,
        {
          'author-date': ({ commit }) => commit.author.seconds,
          'committer-date': ({ commit }) => commit.committer.seconds,
        },
        ({ commit }) => commit.committer.seconds,
      );
      return searchReply(ctx, hits, ({ item, score }) => {
        const { url, sha, node_id, html_url, comments_url, commit, author, committer, parents } = renderCommit(
          ctx,
          item.repo,
          item.sha,
          item.commit,
        );
        return {
          url,
          sha,
          node_id,
          html_url,
          comments_url,
          commit,
          author,
          committer,
          parents,
          repository: renderRepo(ctx, item.repo),
          score,
        };
      });
    },
  },
];
