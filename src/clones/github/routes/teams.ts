import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderRepo } from '../render/repos.js';
import {
  renderTeam,
  renderTeamFull,
  renderTeamMember,
  renderTeamMembership,
  renderTeamRepository,
} from '../render/teams.js';
import { actingUser } from '../state/actor.js';
import { ApiError, notFound, validationFailed } from '../state/errors.js';
import { ROLE_OF_PERMISSION, type RepoRole, type TeamRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { lineage, teamBySlug, teamMemberIds, teamRepoRole, teamSlug, teamsOf } from '../state/teams.js';
import { findRepo, orgParam, repoParam, userParam, type OrgContext } from './lookup.js';

/** Teams of organizations: the teams, their members and the repositories they give access to. */

const createSchema = z.object({
  name: z.string().min(1).max(255),
  description: z.string().nullable().optional(),
  maintainers: z.array(z.string()).optional(),
  repo_names: z.array(z.string()).optional(),
  privacy: z.enum(['secret', 'closed']).optional(),
  notification_setting: z.enum(['notifications_enabled', 'notifications_disabled']).optional(),
  permission: z.enum(['pull', 'push']).optional(),
  parent_team_id: z.number().int().nullable().optional(),
});
const updateSchema = createSchema.partial();
const membershipSchema = z.object({ role: z.enum(['member', 'maintainer']).optional() });
const repoPermissionSchema = z.object({ permission: z.string().optional() });

/** The acting user's role in the organization (apps act through an installation on it). */
function orgRole(ctx: RequestContext, { org }: OrgContext, write = false): 'admin' | 'member' | undefined {
  if (ctx.actor.kind === 'installation') {
    if (ctx.actor.installation.accountId !== org.id) return undefined;
    const level = ctx.actor.token.permissions.members;
    if (!level || (write && level === 'read')) throw new ApiError(403, 'Resource not accessible by integration');
    return write ? 'admin' : 'member';
  }
  const user = actingUser(ctx.actor);
  if (!user) return undefined;
  if (user.siteAdmin) return 'admin';
  return org.members.get(user.id);
}

function requireMember(ctx: RequestContext, org: OrgContext): 'admin' | 'member' {
  const role = orgRole(ctx, org);
  if (!role) throw new ApiError(403, `You must be a member of ${org.account.login} to see its teams.`);
  return role;
}

/** Secret teams are seen by their members and the organization's admins only. */
function visible(ctx: RequestContext, org: OrgContext, team: TeamRecord): boolean {
  if (team.privacy === 'closed') return orgRole(ctx, org) !== undefined;
  if (orgRole(ctx, org) === 'admin') return true;
  const user = actingUser(ctx.actor);
  return user !== undefined && teamMemberIds(ctx.store, team).has(user.id);
}

function teamParam(ctx: RequestContext, org: OrgContext): TeamRecord {
  const team = teamBySlug(ctx.store, org.org.id, ctx.params.team_slug ?? '');
  if (!team || !visible(ctx, org, team)) throw notFound();
  return team;
}

/** Organization admins and the team's maintainers may change a team. */
function requireTeamAdmin(ctx: RequestContext, org: OrgContext, team: TeamRecord): void {
  if (orgRole(ctx, org, true) === 'admin') return;
  const user = actingUser(ctx.actor);
  if (user && lineage(ctx.store, team).some((t) => t.members.get(user.id) === 'maintainer')) return;
  throw new ApiError(403, 'You must be an organization owner or team maintainer to do that.');
}

function parentTeam(ctx: RequestContext, org: OrgContext, id: number | null | undefined, self?: TeamRecord) {
  if (id === null || id === undefined) return null;
  const parent = ctx.store.get('team', id);
  if (!parent || parent.orgId !== org.org.id)
    throw validationFailed([{ resource: 'Team', code: 'invalid', field: 'parent_team_id' }]);
  if (self && lineage(ctx.store, parent).includes(self))
    throw validationFailed([
      { resource: 'Team', code: 'custom', field: 'parent_team_id', message: 'A team cannot be its own ancestor' },
    ]);
  if (parent.privacy === 'secret')
    throw validationFailed([
      { resource: 'Team', code: 'custom', field: 'parent_team_id', message: 'Secret teams cannot be parents' },
    ]);
  return parent.id;
}

export const teamRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/orgs/{org}/teams',
    operationId: 'teams/list',
    docs: 'teams/teams#list-teams',
    handler: (ctx) => {
      const org = orgParam(ctx);
      requireMember(ctx, org);
      const teams = teamsOf(ctx.store, org.org.id).filter((team) => visible(ctx, org, team));
      return okPage(ctx, teams, (team) => renderTeam(ctx, team));
    },
  },
  {
    method: 'POST',
    path: '/orgs/{org}/teams',
    operationId: 'teams/create',
    docs: 'teams/teams#create-a-team',
    handler: (ctx) => {
      const org = orgParam(ctx);
      requireMember(ctx, org);
      const input = parseBody(ctx, createSchema);
      const slug = teamSlug(input.name);
      if (!slug || teamBySlug(ctx.store, org.org.id, slug))
        throw validationFailed([{ resource: 'Team', code: slug ? 'already_exists' : 'invalid', field: 'name' }]);
      const parentId = parentTeam(ctx, org, input.parent_team_id);
      const members = new Map<number, 'member' | 'maintainer'>();
      for (const login of input.maintainers ?? []) {
        const user = ctx.store.userByLogin(login);
        if (!user || !org.org.members.has(user.id))
          throw validationFailed([{ resource: 'Team', code: 'invalid', field: 'maintainers', value: login }]);
        members.set(user.id, 'maintainer');
      }
      // The creator maintains the team they make (unless they are an admin naming its maintainers).
      const creator = actingUser(ctx.actor);
      if (creator && ctx.actor.kind === 'user' && members.size === 0) members.set(creator.id, 'maintainer');
      const repos = new Map<number, RepoRole>();
      for (const fullName of input.repo_names ?? []) {
        const [owner, name] = fullName.includes('/') ? fullName.split('/') : [org.account.login, fullName];
        const repo = findRepo(ctx, owner!, name!);
        if (!repo || repo.ownerId !== org.org.id)
          throw validationFailed([{ resource: 'Team', code: 'invalid', field: 'repo_names', value: fullName }]);
        repos.set(repo.id, input.permission === 'push' ? 'write' : 'read');
      }
      const team = ctx.store.insert(ctx.journal, 'team', {
        id: ctx.store.nextId('team'),
        orgId: org.org.id,
        name: input.name,
        slug,
        description: input.description ?? null,
        privacy: parentId !== null ? 'closed' : (input.privacy ?? 'secret'),
        notificationSetting: input.notification_setting ?? 'notifications_enabled',
        parentId,
        members,
        repos,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      return created(renderTeamFull(ctx, team));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}',
    operationId: 'teams/get-by-name',
    docs: 'teams/teams#get-a-team-by-name',
    handler: (ctx) => ok(renderTeamFull(ctx, teamParam(ctx, orgParam(ctx)))),
  },
  {
    method: 'PATCH',
    path: '/orgs/{org}/teams/{team_slug}',
    operationId: 'teams/update-in-org',
    docs: 'teams/teams#update-a-team',
    handler: (ctx) => {
      const org = orgParam(ctx);
      const team = teamParam(ctx, org);
      requireTeamAdmin(ctx, org, team);
      const input = parseBody(ctx, updateSchema);
      const patch: Partial<TeamRecord> = { updatedAt: ctx.now };
      if (input.name !== undefined && input.name !== team.name) {
        const slug = teamSlug(input.name);
        const clash = teamBySlug(ctx.store, org.org.id, slug);
        if (!slug || (clash && clash !== team))
          throw validationFailed([{ resource: 'Team', code: 'already_exists', field: 'name' }]);
        patch.name = input.name;
        patch.slug = slug;
      }
      if (input.description !== undefined) patch.description = input.description;
      if (input.privacy !== undefined) patch.privacy = input.privacy;
      if (input.notification_setting !== undefined) patch.notificationSetting = input.notification_setting;
      if (input.parent_team_id !== undefined) patch.parentId = parentTeam(ctx, org, input.parent_team_id, team);
      ctx.store.update(ctx.journal, 'team', team, patch);
      return ok(renderTeamFull(ctx, team));
    },
  },
  {
    method: 'DELETE',
    path: '/orgs/{org}/teams/{team_slug}',
    operationId: 'teams/delete-in-org',
    docs: 'teams/teams#delete-a-team',
    handler: (ctx) => {
      const org = orgParam(ctx);
      const team = teamParam(ctx, org);
      requireTeamAdmin(ctx, org, team);
      // Deleting a parent team deletes its child teams too.
      for (const child of teamsOf(ctx.store, org.org.id))
        if (child !== team && lineage(ctx.store, child).includes(team)) ctx.store.remove(ctx.journal, 'team', child);
      ctx.store.remove(ctx.journal, 'team', team);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/members',
    operationId: 'teams/list-members-in-org',
    docs: 'teams/members#list-team-members',
    handler: (ctx) => {
      const team = teamParam(ctx, orgParam(ctx));
      const role = ctx.query.get('role') ?? 'all';
      const members = [...teamMemberIds(ctx.store, team)]
        .filter(([, memberRole]) => role === 'all' || memberRole === role)
        .map(([id]) => id)
        .sort((a, b) => a - b);
      return okPage(ctx, members, (id) => renderTeamMember(ctx, id));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    operationId: 'teams/get-membership-for-user-in-org',
    docs: 'teams/members#get-team-membership-for-a-user',
    handler: (ctx) => {
      const team = teamParam(ctx, orgParam(ctx));
      const user = userParam(ctx);
      const role = teamMemberIds(ctx.store, team).get(user.id);
      if (!role) throw notFound();
      return ok(renderTeamMembership(ctx, team, user.id, role));
    },
  },
  {
    method: 'PUT',
    path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    operationId: 'teams/add-or-update-membership-for-user-in-org',
    docs: 'teams/members#add-or-update-team-membership-for-a-user',
    handler: (ctx) => {
      const org = orgParam(ctx);
      const team = teamParam(ctx, org);
      requireTeamAdmin(ctx, org, team);
      const user = userParam(ctx);
      if (user.type !== 'User') throw new ApiError(422, 'Only users can be team members.');
      const input = parseBody(ctx, membershipSchema);
      // GitHub invites a non-member to the organization; here the invitation is accepted at once.
      if (!org.org.members.has(user.id)) {
        const members = new Map(org.org.members);
        members.set(user.id, 'member');
        ctx.store.update(ctx.journal, 'org', org.org, { members });
      }
      const members = new Map(team.members);
      members.set(user.id, input.role ?? team.members.get(user.id) ?? 'member');
      ctx.store.update(ctx.journal, 'team', team, { members, updatedAt: ctx.now });
      return ok(renderTeamMembership(ctx, team, user.id, members.get(user.id)!));
    },
  },
  {
    method: 'DELETE',
    path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    operationId: 'teams/remove-membership-for-user-in-org',
    docs: 'teams/members#remove-team-membership-for-a-user',
    handler: (ctx) => {
      const org = orgParam(ctx);
      const team = teamParam(ctx, org);
      requireTeamAdmin(ctx, org, team);
      const user = userParam(ctx);
      if (team.members.has(user.id)) {
        const members = new Map(team.members);
        members.delete(user.id);
        ctx.store.update(ctx.journal, 'team', team, { members, updatedAt: ctx.now });
      }
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/repos',
    operationId: 'teams/list-repos-in-org',
    docs: 'teams/teams#list-team-repositories',
    handler: (ctx) => {
      const team = teamParam(ctx, orgParam(ctx));
      const repos = [...new Set(lineage(ctx.store, team).flatMap((t) => [...t.repos.keys()]))]
        .map((id) => ctx.store.get('repo', id))
        .filter((repo) => repo !== undefined)
        .sort((a, b) => a.id - b.id);
      return okPage(ctx, repos, (repo) => renderRepo(ctx, repo, false));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}',
    operationId: 'teams/check-permissions-for-repo-in-org',
    docs: 'teams/teams#check-team-permissions-for-a-repository',
    handler: (ctx) => {
      const team = teamParam(ctx, orgParam(ctx));
      const repo = findRepo(ctx, ctx.params.owner!, ctx.params.repo!);
      const role = repo ? teamRepoRole(ctx.store, team, repo) : undefined;
      if (!repo || !role) throw notFound();
      if (/application\/vnd\.github(\.v3)?\.repository\+json/.test(String(ctx.headers.accept ?? '')))
        return ok(renderTeamRepository(ctx, repo, role));
      return noContent();
    },
  },
  {
    method: 'PUT',
    path: '/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}',
    operationId: 'teams/add-or-update-repo-permissions-in-org',
    docs: 'teams/teams#add-or-update-team-repository-permissions',
    handler: (ctx) => {
      const org = orgParam(ctx);
      const team = teamParam(ctx, org);
      const repo = repoParam(ctx, NEED.admin);
      if (repo.ownerId !== org.org.id)
        throw new ApiError(422, 'The repository must belong to the organization the team is in.');
      const input = parseBody(ctx, repoPermissionSchema);
      const role = ROLE_OF_PERMISSION[input.permission ?? 'push'];
      if (!role) throw validationFailed([{ resource: 'Team', code: 'invalid', field: 'permission' }]);
      const repos = new Map(team.repos);
      repos.set(repo.id, role);
      ctx.store.update(ctx.journal, 'team', team, { repos, updatedAt: ctx.now });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}',
    operationId: 'teams/remove-repo-in-org',
    docs: 'teams/teams#remove-a-repository-from-a-team',
    handler: (ctx) => {
      const org = orgParam(ctx);
      const team = teamParam(ctx, org);
      const repo = repoParam(ctx, NEED.admin);
      if (team.repos.has(repo.id)) {
        const repos = new Map(team.repos);
        repos.delete(repo.id);
        ctx.store.update(ctx.journal, 'team', team, { repos, updatedAt: ctx.now });
      }
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/teams',
    operationId: 'repos/list-teams',
    docs: 'repos/repos#list-repository-teams',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.metadata);
      const teams = teamsOf(ctx.store, repo.ownerId)
        .map((team) => ({ team, role: team.repos.get(repo.id) }))
        .filter((entry): entry is { team: TeamRecord; role: RepoRole } => entry.role !== undefined);
      return okPage(ctx, teams, ({ team, role }) => renderTeam(ctx, team, role));
    },
  },
  {
    method: 'GET',
    path: '/user/teams',
    operationId: 'teams/list-for-authenticated-user',
    docs: 'teams/teams#list-teams-for-the-authenticated-user',
    handler: (ctx) => {
      const user = actingUser(ctx.actor);
      if (!user || ctx.actor.kind !== 'user') throw new ApiError(403, 'Resource not accessible by integration');
      const teams = [...ctx.store.all('team')]
        .filter((team) => teamMemberIds(ctx.store, team).has(user.id))
        .sort((a, b) => a.id - b.id);
      return okPage(ctx, teams, (team) => renderTeamFull(ctx, team));
    },
  },
];
