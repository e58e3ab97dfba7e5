import { actingUser } from '../state/actor.js';
import { ApiError, notFound } from '../state/errors.js';
import { fullOrg, fullUser } from '../render/users.js';
import { userParam } from './lookup.js';
import { ok, type RouteSpec } from '../http/route.js';

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
];
