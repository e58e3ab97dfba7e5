import { randomBytes } from 'node:crypto';
import { ApiError, notFound, unprocessable } from '../state/errors.js';
import type { AccessLevel, AppPermissions, AppRecord, InstallationRecord, RepoRecord } from '../state/model.js';
import { isoSeconds } from '../seed/time.js';
import { emit } from '../webhooks/emit.js';
import { renderInstallation } from '../render/apps.js';
import { renderRepo } from '../render/repos.js';
import { simpleUser } from '../render/users.js';
import { hookInstallation, hookUser } from '../webhooks/shapes.js';
import type { DomainContext } from './context.js';
import { installationCovers } from '../state/permissions.js';

const RANK: Record<AccessLevel, number> = { read: 1, write: 2, admin: 3 };

export function installationRepos(ctx: DomainContext, installation: InstallationRecord): RepoRecord[] {
  return [...ctx.store.all('repo')].filter((repo) => installationCovers(installation, repo));
}

export function appInstallation(ctx: DomainContext, app: AppRecord, id: number): InstallationRecord {
  const installation = ctx.store.get('installation', id);
  if (!installation || installation.appId !== app.id) throw notFound();
  return installation;
}

export interface TokenRequest {
  repositories?: string[];
  repository_ids?: number[];
  permissions?: AppPermissions;
}

/** `ghs_` tokens valid one hour, narrowed to the requested repositories and permissions. */
export function issueInstallationToken(ctx: DomainContext, installation: InstallationRecord, request: TokenRequest) {
  const available = installationRepos(ctx, installation);
  let repoIds: number[] | null = null;
  if (request.repositories || request.repository_ids) {
    repoIds = [];
    for (const name of request.repositories ?? []) {
      const repo = available.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (!repo)
        throw unprocessable(
          'Installation',
          `There is at least one repository that does not exist or is not accessible to the parent installation.`,
          'repositories',
        );
      repoIds.push(repo.id);
    }
    for (const id of request.repository_ids ?? []) {
      if (!available.some((repo) => repo.id === id))
        throw unprocessable(
          'Installation',
          `There is at least one repository that does not exist or is not accessible to the parent installation.`,
          'repository_ids',
        );
      repoIds.push(id);
    }
  }
  let permissions = installation.permissions;
  if (request.permissions) {
    for (const [name, level] of Object.entries(request.permissions)) {
      const granted = installation.permissions[name];
      if (!granted || RANK[granted] < RANK[level])
        throw unprocessable(
          'Installation',
          'The permissions requested are not granted to this installation.',
          'permissions',
        );
    }
    permissions = { ...request.permissions, metadata: 'read' };
  }
  const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
  const expiresAt = isoSeconds(new Date(ctx.core.now().getTime() + 3_600_000));
  ctx.core.redactor.add(token);
  ctx.store.insert(ctx.journal, 'token', {
    id: ctx.store.nextId('token'),
    kind: 'installation',
    token,
    installationId: installation.id,
    expiresAt,
    repoIds,
    permissions,
  });
  const repos = repoIds ? available.filter((repo) => repoIds!.includes(repo.id)) : undefined;
  return { token, expiresAt, permissions, repos };
}

export interface InstallInput {
  app: AppRecord;
  accountId: number;
  repoIds: number[] | null;
  permissions?: AppPermissions;
  senderId: number;
}

/** Installs an app (a person clicking "Install"): the `installation.created` webhook. */
export function installApp(ctx: DomainContext, input: InstallInput): InstallationRecord {
  if ([...ctx.store.all('installation')].some((i) => i.appId === input.app.id && i.accountId === input.accountId))
    throw new ApiError(422, 'The app is already installed on this account.');
  const installation = ctx.store.insert(ctx.journal, 'installation', {
    id: ctx.store.nextId('installation'),
    appId: input.app.id,
    accountId: input.accountId,
    repositorySelection: input.repoIds ? 'selected' : 'all',
    repoIds: input.repoIds ?? [],
    permissions: input.permissions ?? input.app.permissions,
    events: input.app.events,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const sender = ctx.store.get('user', input.senderId)!;
  emit(
    ctx,
    'installation',
    undefined,
    (view) => ({
      action: 'created',
      installation: hookInstallation(renderInstallation(view, installation)),
      repositories: installationRepos(ctx, installation).map((repo) => {
        const full = renderRepo(view, repo);
        return {
          id: full.id,
          node_id: full.node_id,
          name: full.name,
          full_name: full.full_name,
          private: full.private,
        };
      }),
      requester: hookUser(simpleUser(view, sender)),
      sender: hookUser(simpleUser(view, sender)),
    }),
    sender,
  );
  return installation;
}
