import { repoContributors, type Contributor } from '../domain/contributors.js';
import { repoLanguages } from '../domain/languages.js';
import { noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { okPage } from '../http/pagination.js';
import { simpleUser } from '../render/users.js';
import { NEED } from '../state/permissions.js';
import { repoParam } from './lookup.js';

function renderContributor(ctx: RequestContext, entry: Contributor) {
  switch (entry.kind) {
    case 'user':
      return { ...simpleUser(ctx, entry.user), contributions: entry.contributions };
    case 'anonymous':
      return { type: 'Anonymous', name: entry.name, email: entry.email, contributions: entry.contributions };
  }
}

/** What the repository's code is made of and who wrote it, computed from its default branch. */
export const insightRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/languages',
    operationId: 'repos/list-languages',
    docs: 'repos/repos#list-repository-languages',
    handler: (ctx) => ok(Object.fromEntries(repoLanguages(repoParam(ctx, NEED.metadata)))),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contributors',
    operationId: 'repos/list-contributors',
    docs: 'repos/repos#list-repository-contributors',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.metadata);
      const anon = ctx.query.get('anon');
      const contributors = repoContributors(ctx, repo, anon === '1' || anon === 'true');
      // GitHub answers an empty repository with 204 and no body.
      if (contributors.length === 0 && !repo.git.branch(repo.defaultBranch)) return noContent();
      return okPage(ctx, contributors, (entry) => renderContributor(ctx, entry));
    },
  },
];
