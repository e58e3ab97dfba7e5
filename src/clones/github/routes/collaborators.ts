import * as z from 'zod';
import { actingUser } from '../state/actor.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';
import { NEED } from '../state/permissions.js';
import { ApiError } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { fullName, renderRepo } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import { simpleUser } from '../render/users.js';
import { ROLE_OF_PERMISSION } from '../state/model.js';
import { repoParam, userParam } from './lookup.js';

const addSchema = z.object({ permission: z.string().optional() });
const topicsSchema = z.object({ names: z.array(z.string()) });
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;

let invitationIds = 0;

/**
 * Adding and removing collaborators, and a repository's topics. An invitation is accepted at once
 * (GitHub waits for the invitee): the answer is GitHub's 201 with the invitation, and the user is a
 * collaborator from then on.
 */
export const collaboratorRoutes: RouteSpec[] = [
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/collaborators/{username}',
    operationId: 'repos/add-collaborator',
    docs: 'collaborators/collaborators#add-a-repository-collaborator',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const user = userParam(ctx);
      const { permission = 'push' } = parseBody(ctx, addSchema);
      const role = ROLE_OF_PERMISSION[permission];
      if (!role)
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'Repository', code: 'invalid', field: 'permission', value: permission }],
        });
      if (user.type !== 'User' || user.id === repo.ownerId)
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'Repository', code: 'custom', field: 'username', message: 'User cannot be added' }],
        });
      // A collaborator (a new role) or a member of the owning organization needs no invitation: 204.
      const already = repo.collaborators.has(user.id) || ctx.store.get('org', repo.ownerId)?.members.has(user.id);
      const collaborators = new Map(repo.collaborators).set(user.id, role);
      const customRoles = new Map(repo.customRoles);
      customRoles.delete(user.id);
      ctx.store.update(ctx.journal, 'repo', repo, { collaborators, customRoles });
      if (already) return noContent();
      const id = ++invitationIds;
      const name = fullName(ctx, repo);
      return created({
        id,
        node_id: nodeId('RepositoryInvitation', id),
        repository: renderRepo(ctx, repo),
        invitee: simpleUser(ctx, user),
        inviter: simpleUser(ctx, actingUser(ctx.actor)!),
        permissions: role,
        created_at: ctx.now,
        expired: false,
        url: `${ctx.urls.repo(name)}/invitations/${id}`,
        html_url: `${ctx.urls.repoHtml(name)}/invitations`,
      });
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/collaborators/{username}',
    operationId: 'repos/remove-collaborator',
    docs: 'collaborators/collaborators#remove-a-repository-collaborator',
    handler: (ctx) => {
      const user = userParam(ctx);
      // Anyone may leave a repository; removing someone else takes admin.
      const self = actingUser(ctx.actor)?.id === user.id;
      const repo = repoParam(ctx, self ? NEED.metadata : NEED.admin);
      if (repo.collaborators.has(user.id)) {
        const collaborators = new Map(repo.collaborators);
        collaborators.delete(user.id);
        const customRoles = new Map(repo.customRoles);
        customRoles.delete(user.id);
        ctx.store.update(ctx.journal, 'repo', repo, { collaborators, customRoles });
      }
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/topics',
    operationId: 'repos/get-all-topics',
    docs: 'repos/repos#get-all-repository-topics',
    handler: (ctx) => ok({ names: repoParam(ctx).topics }),
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/topics',
    operationId: 'repos/replace-all-topics',
    docs: 'repos/repos#replace-all-repository-topics',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const names = [...new Set(parseBody(ctx, topicsSchema).names.map((name) => name.toLowerCase()))];
      const invalid = names.filter((name) => !TOPIC.test(name));
      // The operation's description is validation-error-simple: the problems are strings.
      if (invalid.length > 0)
        throw new ApiError(422, 'Validation Failed', {
          errors: [
            `${invalid.map((name) => `"${name}"`).join(', ')} ${invalid.length === 1 ? 'is' : 'are'} not a valid topic name. Topics must start with a lowercase letter or number, consist of 50 characters or less, and can include hyphens.`,
          ],
        });
      if (names.length > 20)
        throw new ApiError(422, 'Validation Failed', { errors: ['A repository cannot have more than 20 topics.'] });
      ctx.store.update(ctx.journal, 'repo', repo, { topics: names, updatedAt: ctx.now });
      return ok({ names });
    },
  },
];
