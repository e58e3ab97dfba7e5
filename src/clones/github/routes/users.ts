import { actingUser } from '../state/actor.js';
import { ApiError, notFound } from '../state/errors.js';
import { fullOrg, fullUser, simpleUser, webhookOrg } from '../render/users.js';
import { userParam } from './lookup.js';
import { noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { okPage } from '../http/pagination.js';
import type { UserRecord } from '../state/model.js';

/** The organization `{org}` of the path (404 for a user account or nobody). */
function orgParam(ctx: RequestContext) {
  const account = userParam(ctx, 'org');
  const org = account.type === 'Organization' ? ctx.store.get('org', account.id) : undefined;
  if (!org) throw notFound();
  return { account, org };
}

/** The signed-in user (a user token; installation tokens have no user, as on GitHub). */
export function signedInUser(ctx: RequestContext): UserRecord {
  const user = actingUser(ctx.actor);
  if (!user || ctx.actor.kind !== 'user') throw new ApiError(403, 'Resource not accessible by integration');
  return user;
}

export const userRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/user',
    operationId: 'users/get-authenticated',
    docs: 'users/users#get-the-authenticated-user',
    handler: (ctx) => {
      const user = actingUser(ctx.actor);
      if (!user || ctx.actor.kind === 'installation') throw new ApiError(403, 'Resource not accessible by integration');
      return ok(fullUser(ctx, user, true));
    },
  },
  {
    method: 'GET',
    path: '/users/{username}',
    operationId: 'users/get-by-username',
    docs: 'users/users#get-a-user',
    handler: (ctx) => {
      const user = userParam(ctx);
      return ok(fullUser(ctx, user, false));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}',
    operationId: 'orgs/get',
    docs: 'orgs/orgs#get-an-organization',
    handler: (ctx) => {
      const account = userParam(ctx, 'org');
      if (account.type !== 'Organization') throw notFound();
      return ok(fullOrg(ctx, account));
    },
  },
  {
    method: 'GET',
    path: '/user/orgs',
    operationId: 'orgs/list-for-authenticated-user',
    docs: 'orgs/orgs#list-organizations-for-the-authenticated-user',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const orgs = [...ctx.store.all('org')]
        .filter((org) => org.members.has(user.id))
        .sort((a, b) => a.id - b.id)
        .map((org) => ctx.store.get('user', org.id)!);
      return okPage(ctx, orgs, (account) => webhookOrg(ctx, account));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/members',
    operationId: 'orgs/list-members',
    docs: 'orgs/members#list-organization-members',
    handler: (ctx) => {
      const { org } = orgParam(ctx);
      const role = ctx.query.get('role') ?? 'all';
      if (role !== 'all' && role !== 'admin' && role !== 'member')
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'Organization', field: 'role', code: 'invalid' }],
        });
      const members = [...org.members]
        .filter(([, memberRole]) => role === 'all' || memberRole === role)
        .map(([id]) => ctx.store.get('user', id))
        .filter((user) => user !== undefined)
        .sort((a, b) => a.id - b.id);
      return okPage(ctx, members, (user) => simpleUser(ctx, user));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/members/{username}',
    operationId: 'orgs/check-membership-for-user',
    docs: 'orgs/members#check-organization-membership-for-a-user',
    handler: (ctx) => {
      const { org } = orgParam(ctx);
      if (!org.members.has(userParam(ctx).id)) throw notFound();
      return noContent();
    },
  },
];
