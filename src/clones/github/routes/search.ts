import { actorRole } from '../state/permissions.js';
import { parseQuery, searchIssues } from '../domain/search.js';
import { validationFailed } from '../state/errors.js';
import { paginate } from '../http/pagination.js';
import { renderIssue } from '../render/issues.js';
import { ok, type RouteSpec } from '../http/route.js';

export const searchRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/search/issues',
    operationId: 'search/issues-and-pull-requests',
    docs: 'search/search#search-issues-and-pull-requests',
    resource: 'search',
    handler: (ctx) => {
      const q = ctx.query.get('q')?.trim();
      if (!q) throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }]);
      if (q.length > 256)
        throw validationFailed([
          { resource: 'Search', field: 'q', code: 'invalid', message: 'The search is longer than 256 characters.' },
        ]);
      const hits = searchIssues(
        {
          store: ctx.store,
          canRead: (repoId) => actorRole(ctx.store, ctx.actor, ctx.store.get('repo', repoId)!) !== undefined,
        },
        parseQuery(q),
      );
      const sort = ctx.query.get('sort');
      const order = ctx.query.get('order') === 'asc' ? 1 : -1;
      const key = (hit: (typeof hits)[number]): number => {
        if (sort === 'created') return Date.parse(hit.issue.createdAt);
        if (sort === 'updated') return Date.parse(hit.issue.updatedAt);
        if (sort === 'comments') return ctx.store.countWhere('comment', `issue:${hit.issue.id}`);
        if (sort === 'reactions') return ctx.store.countWhere('reaction', `issue:${hit.issue.id}`);
        return hit.score;
      };
      hits.sort((a, b) => order * (key(a) - key(b)) || Date.parse(b.issue.createdAt) - Date.parse(a.issue.createdAt));
      // GitHub serves at most the first 1,000 results of a search.
      const page = paginate(ctx, hits.slice(0, 1000));
      return ok(
        {
          total_count: hits.length,
          incomplete_results: false,
          items: page.items.map(({ issue, score }) => ({
            ...renderIssue(ctx, ctx.store.get('repo', issue.repoId)!, issue),
            score,
          })),
          search_type: 'lexical',
        },
        page.headers,
      );
    },
  },
];
