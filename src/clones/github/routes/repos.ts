import * as z from 'zod';
import { actingUser } from '../state/actor.js';
import { created, json, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { actorRole, NEED, permissionFlags, userRole } from '../state/permissions.js';
import { createRepository, forkRepository } from '../domain/repos.js';
import { deleteRepository } from '../domain/repo-delete.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderRepo } from '../render/repos.js';
import { simpleUser } from '../render/users.js';
import type { RepoRecord, RepoRole, UserRecord } from '../state/model.js';
import { repoParam, userParam } from './lookup.js';

const createSchema = z.object({
  name: z.string().min(1),
  description: z.string().nullable().optional(),
  homepage: z.string().nullable().optional(),
  private: z.boolean().optional(),
  visibility: z.enum(['public', 'private', 'internal']).optional(),
  has_issues: z.boolean().optional(),
  has_projects: z.boolean().optional(),
  has_wiki: z.boolean().optional(),
  auto_init: z.boolean().optional(),
  allow_squash_merge: z.boolean().optional(),
  allow_merge_commit: z.boolean().optional(),
  allow_rebase_merge: z.boolean().optional(),
  delete_branch_on_merge: z.boolean().optional(),
});

const updateSchema = z.object({
  name: z.string().min(1).optional(),
  description: z.string().nullable().optional(),
  homepage: z.string().nullable().optional(),
  private: z.boolean().optional(),
  has_issues: z.boolean().optional(),
  default_branch: z.string().optional(),
  archived: z.boolean().optional(),
  allow_squash_merge: z.boolean().optional(),
  allow_merge_commit: z.boolean().optional(),
  allow_rebase_merge: z.boolean().optional(),
  delete_branch_on_merge: z.boolean().optional(),
});

function sortRepos(ctx: RequestContext, repos: RepoRecord[], defaultSort: string): RepoRecord[] {
  const sort = ctx.query.get('sort') ?? defaultSort;
  const direction = ctx.query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
  const key = (repo: RepoRecord): string =>
    sort === 'created'
      ? repo.createdAt
      : sort === 'pushed'
        ? repo.pushedAt
        : sort === 'updated'
          ? repo.updatedAt
          : repo.name.toLowerCase();
  const sorted = [...repos].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
  return direction === 'desc' ? sorted.reverse() : sorted;
}

function visibleTo(ctx: RequestContext, repos: RepoRecord[]): RepoRecord[] {
  return repos.filter((repo) => actorRole(ctx.store, ctx.actor, repo) !== undefined);
}

function listRepos(ctx: RequestContext, repos: RepoRecord[], defaultSort: string) {
  const type = ctx.query.get('type') ?? 'all';
  const filtered = repos.filter((repo) =>
    type === 'public' ? !repo.private : type === 'private' ? repo.private : true,
  );
  return okPage(ctx, sortRepos(ctx, visibleTo(ctx, filtered), defaultSort), (repo) => renderRepo(ctx, repo));
}

function collaboratorsOf(ctx: RequestContext, repo: RepoRecord): Array<{ user: UserRecord; role: RepoRole }> {
  const result: Array<{ user: UserRecord; role: RepoRole }> = [];
  for (const user of ctx.store.all('user')) {
    if (user.type !== 'User') continue;
    const direct =
      repo.collaborators.has(user.id) ||
      repo.ownerId === user.id ||
      ctx.store.get('org', repo.ownerId)?.members.has(user.id);
    if (!direct) continue;
    const role = userRole(ctx.store, user.id, repo);
    if (role) result.push({ user, role });
  }
  return result;
}

/** What `role_name` shows: a custom repository role's name when that role is what the user has here. */
function roleName(repo: RepoRecord, userId: number, role: RepoRole | undefined): string {
  const custom = repo.customRoles.get(userId);
  return custom !== undefined && role === repo.collaborators.get(userId) ? custom : (role ?? 'none');
}

const LEGACY_PERMISSION: Record<RepoRole, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
};

const forkSchema = z.object({
  organization: z.string().optional(),
  name: z.string().min(1).optional(),
  default_branch_only: z.boolean().optional(),
});

export const repoRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/forks',
    operationId: 'repos/list-forks',
    docs: 'repos/forks#list-forks',
    handler: (ctx) => {
      const repo = repoParam(ctx);
      const forks = [...ctx.store.all('repo')].filter(
        (candidate) => candidate.forkOf === repo.id && actorRole(ctx.store, ctx.actor, candidate) !== undefined,
      );
      const sort = ctx.query.get('sort') ?? 'newest';
      forks.sort((a, b) => (sort === 'oldest' ? a.id - b.id : b.id - a.id));
      return okPage(ctx, forks, (fork) => renderRepo(ctx, fork));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/forks',
    operationId: 'repos/create-fork',
    docs: 'repos/forks#create-a-fork',
    handler: async (ctx) => {
      const repo = repoParam(ctx);
      const user = actingUser(ctx.actor);
      if (!user || ctx.actor.kind !== 'user') throw new ApiError(403, 'Resource not accessible by integration');
      const input = parseBody(ctx, forkSchema);
      const fork = await forkRepository(ctx, repo, user, input);
      return json(202, renderRepo(ctx, fork));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    operationId: 'repos/get',
    docs: 'repos/repos#get-a-repository',
    handler: (ctx) => ok(renderRepo(ctx, repoParam(ctx))),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}',
    operationId: 'repos/update',
    docs: 'repos/repos#update-a-repository',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.adminEvenArchived);
      const input = parseBody(ctx, updateSchema);
      // An archived repository takes one change: being unarchived.
      if (repo.archived && input.archived !== false)
        throw new ApiError(403, 'Repository was archived so is read-only.');
      if (input.default_branch !== undefined && !repo.git.branch(input.default_branch))
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'Repository', code: 'invalid', field: 'default_branch' }],
        });
      if (input.name !== undefined && input.name.toLowerCase() !== repo.name.toLowerCase()) {
        const taken = ctx.store.repoNamed(repo.ownerId, input.name) !== undefined;
        if (taken)
          throw new ApiError(422, 'Validation Failed', {
            errors: [
              { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
            ],
          });
      }
      const patch: Partial<RepoRecord> = { updatedAt: ctx.now };
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.homepage !== undefined) patch.homepage = input.homepage;
      if (input.private !== undefined) patch.private = input.private;
      if (input.has_issues !== undefined) patch.hasIssues = input.has_issues;
      if (input.archived !== undefined) patch.archived = input.archived;
      if (input.allow_squash_merge !== undefined) patch.allowSquashMerge = input.allow_squash_merge;
      if (input.allow_merge_commit !== undefined) patch.allowMergeCommit = input.allow_merge_commit;
      if (input.allow_rebase_merge !== undefined) patch.allowRebaseMerge = input.allow_rebase_merge;
      if (input.delete_branch_on_merge !== undefined) patch.deleteBranchOnMerge = input.delete_branch_on_merge;
      if (input.default_branch !== undefined) {
        patch.defaultBranch = input.default_branch;
        repo.git.refs.setHead(`refs/heads/${input.default_branch}`);
      }
      ctx.store.update(ctx.journal, 'repo', repo, patch);
      return ok(renderRepo(ctx, repo));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}',
    operationId: 'repos/delete',
    docs: 'repos/repos#delete-a-repository',
    handler: (ctx) => {
      deleteRepository(ctx, repoParam(ctx, NEED.adminEvenArchived));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/user/repos',
    operationId: 'repos/list-for-authenticated-user',
    docs: 'repos/repos#list-repositories-for-the-authenticated-user',
    handler: (ctx) => {
      const user = actingUser(ctx.actor);
      if (!user || ctx.actor.kind !== 'user') throw new ApiError(403, 'Resource not accessible by integration');
      const affiliation = (ctx.query.get('affiliation') ?? 'owner,collaborator,organization_member').split(',');
      const repos = [...ctx.store.all('repo')].filter((repo) => {
        if (affiliation.includes('owner') && repo.ownerId === user.id) return true;
        if (affiliation.includes('collaborator') && repo.collaborators.has(user.id)) return true;
        return (
          affiliation.includes('organization_member') &&
          ctx.store.get('org', repo.ownerId)?.members.has(user.id) === true
        );
      });
      return listRepos(ctx, repos, 'full_name');
    },
  },
  {
    method: 'POST',
    path: '/user/repos',
    operationId: 'repos/create-for-authenticated-user',
    docs: 'repos/repos#create-a-repository-for-the-authenticated-user',
    handler: (ctx) => {
      const user = actingUser(ctx.actor);
      if (!user || ctx.actor.kind !== 'user') throw new ApiError(403, 'Resource not accessible by integration');
      const input = parseBody(ctx, createSchema);
      return created(renderRepo(ctx, createRepository(ctx, user, user, input)));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/repos',
    operationId: 'repos/list-for-org',
    docs: 'repos/repos#list-organization-repositories',
    handler: (ctx) => {
      const org = userParam(ctx, 'org');
      if (org.type !== 'Organization') throw notFound();
      return listRepos(ctx, ctx.store.where('repo', `owner:${org.id}`), 'created');
    },
  },
  {
    method: 'POST',
    path: '/orgs/{org}/repos',
    operationId: 'repos/create-in-org',
    docs: 'repos/repos#create-an-organization-repository',
    handler: (ctx) => {
      const org = userParam(ctx, 'org');
      const user = actingUser(ctx.actor);
      if (org.type !== 'Organization' || !user) throw notFound();
      const membership = ctx.store.get('org', org.id)?.members.get(user.id);
      if (ctx.actor.kind !== 'user' || !membership)
        throw new ApiError(403, 'You need admin access to the organization before adding a repository to it.');
      const input = parseBody(ctx, createSchema);
      return created(renderRepo(ctx, createRepository(ctx, org, user, input)));
    },
  },
  {
    method: 'GET',
    path: '/users/{username}/repos',
    operationId: 'repos/list-for-user',
    docs: 'repos/repos#list-repositories-for-a-user',
    handler: (ctx) => {
      const user = userParam(ctx);
      return listRepos(
        ctx,
        ctx.store.where('repo', `owner:${user.id}`).filter((repo) => !repo.private),
        'full_name',
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators',
    operationId: 'repos/list-collaborators',
    docs: 'collaborators/collaborators#list-repository-collaborators',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.metadata);
      return okPage(ctx, collaboratorsOf(ctx, repo), ({ user, role }) => ({
        ...simpleUser(ctx, user),
        email: user.email,
        name: user.name,
        permissions: permissionFlags(role),
        role_name: roleName(repo, user.id, role),
      }));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators/{username}',
    operationId: 'repos/check-collaborator',
    docs: 'collaborators/collaborators#check-if-a-user-is-a-repository-collaborator',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.metadata);
      const user = userParam(ctx);
      if (!collaboratorsOf(ctx, repo).some((entry) => entry.user.id === user.id)) throw notFound();
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators/{username}/permission',
    operationId: 'repos/get-collaborator-permission-level',
    docs: 'collaborators/collaborators#get-repository-permissions-for-a-user',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.metadata);
      const user = userParam(ctx);
      const role = userRole(ctx.store, user.id, repo);
      const legacy = role ? LEGACY_PERMISSION[role] : 'none';
      return ok({
        permission: legacy,
        role_name: roleName(repo, user.id, role),
        user: {
          ...simpleUser(ctx, user),
          permissions: permissionFlags(role),
          role_name: roleName(repo, user.id, role),
        },
      });
    },
  },
];
