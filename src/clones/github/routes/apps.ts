import * as z from 'zod';
import { appInstallation, installationRepos, issueInstallationToken } from '../domain/apps.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { installationCovers } from '../state/permissions.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okCountedPage, okPage } from '../http/pagination.js';
import { renderApp, renderInstallation } from '../render/apps.js';
import { renderRepo } from '../render/repos.js';
import { isoSeconds } from '../seed/time.js';
import type { AppRecord, InstallationRecord } from '../state/model.js';
import { findRepo, userParam } from './lookup.js';

const tokenSchema = z.object({
  repositories: z.array(z.string()).optional(),
  repository_ids: z.array(z.number().int()).optional(),
  permissions: z.record(z.string(), z.enum(['read', 'write', 'admin'])).optional(),
});

function app(ctx: RequestContext): AppRecord {
  if (ctx.actor.kind !== 'app') throw new ApiError(401, 'A JSON web token could not be decoded');
  return ctx.actor.app;
}

function accountInstallation(ctx: RequestContext, accountId: number): InstallationRecord {
  const found = [...ctx.store.all('installation')].find((i) => i.appId === app(ctx).id && i.accountId === accountId);
  if (!found) throw notFound();
  return found;
}

export const appRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/app',
    operationId: 'apps/get-authenticated',
    docs: 'apps/apps#get-the-authenticated-app',
    auth: 'jwt',
    handler: (ctx) => ok(renderApp(ctx, app(ctx))),
  },
  {
    method: 'GET',
    path: '/app/installations',
    operationId: 'apps/list-installations',
    docs: 'apps/apps#list-installations-for-the-authenticated-app',
    auth: 'jwt',
    handler: (ctx) => {
      const installations = ctx.store.where('installation', `app:${app(ctx).id}`).sort((a, b) => a.id - b.id);
      return okPage(ctx, installations, (i) => renderInstallation(ctx, i));
    },
  },
  {
    method: 'GET',
    path: '/app/installations/{installation_id}',
    operationId: 'apps/get-installation',
    docs: 'apps/apps#get-an-installation-for-the-authenticated-app',
    auth: 'jwt',
    handler: (ctx) => ok(renderInstallation(ctx, appInstallation(ctx, app(ctx), Number(ctx.params.installation_id)))),
  },
  {
    method: 'POST',
    path: '/app/installations/{installation_id}/access_tokens',
    operationId: 'apps/create-installation-access-token',
    docs: 'apps/apps#create-an-installation-access-token-for-an-app',
    auth: 'jwt',
    handler: (ctx) => {
      const installation = appInstallation(ctx, app(ctx), Number(ctx.params.installation_id));
      const input = parseBody(ctx, tokenSchema);
      const issued = issueInstallationToken(ctx, installation, input);
      return created({
        token: issued.token,
        expires_at: issued.expiresAt,
        permissions: issued.permissions,
        repository_selection: issued.repos ? 'selected' : installation.repositorySelection,
        ...(issued.repos ? { repositories: issued.repos.map((repo) => renderRepo(ctx, repo)) } : {}),
      });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/installation',
    operationId: 'apps/get-repo-installation',
    docs: 'apps/apps#get-a-repository-installation-for-the-authenticated-app',
    auth: 'jwt',
    handler: (ctx) => {
      const repo = findRepo(ctx, ctx.params.owner!, ctx.params.repo!);
      const installation = repo
        ? ctx.store.where('installation', `app:${app(ctx).id}`).find((i) => installationCovers(i, repo))
        : undefined;
      if (!installation) throw notFound();
      return ok(renderInstallation(ctx, installation));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/installation',
    operationId: 'apps/get-org-installation',
    docs: 'apps/apps#get-an-organization-installation-for-the-authenticated-app',
    auth: 'jwt',
    handler: (ctx) => ok(renderInstallation(ctx, accountInstallation(ctx, userParam(ctx, 'org').id))),
  },
  {
    method: 'GET',
    path: '/users/{username}/installation',
    operationId: 'apps/get-user-installation',
    docs: 'apps/apps#get-a-user-installation-for-the-authenticated-app',
    auth: 'jwt',
    handler: (ctx) => ok(renderInstallation(ctx, accountInstallation(ctx, userParam(ctx).id))),
  },
  {
    method: 'DELETE',
    path: '/installation/token',
    operationId: 'apps/revoke-installation-access-token',
    docs: 'apps/installations#revoke-an-installation-access-token',
    // The token revokes itself (actions/create-github-app-token does so when its job ends). It expires
    // now rather than being forgotten: a token the clone does not know would act as the default user.
    handler: (ctx) => {
      if (ctx.actor.kind !== 'installation') throw new ApiError(403, 'This endpoint requires an installation token.');
      ctx.store.update(ctx.journal, 'token', ctx.actor.token, { expiresAt: isoSeconds(ctx.core.now()) });
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/installation/repositories',
    operationId: 'apps/list-repos-accessible-to-installation',
    docs: 'apps/installations#list-repositories-accessible-to-the-app-installation',
    handler: (ctx) => {
      if (ctx.actor.kind !== 'installation') throw new ApiError(403, 'This endpoint requires an installation token.');
      const { installation, token } = ctx.actor;
      const repos = installationRepos(ctx, installation).filter(
        (repo) => token.repoIds === null || token.repoIds.includes(repo.id),
      );
      return okCountedPage(ctx, repos, 'repositories', (repo) => renderRepo(ctx, repo), {
        repository_selection: token.repoIds ? 'selected' : installation.repositorySelection,
      });
    },
  },
];
