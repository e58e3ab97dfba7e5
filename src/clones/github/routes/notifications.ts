import { notificationsOf } from '../domain/notifications.js';
import { okPage } from '../http/pagination.js';
import type { RouteSpec } from '../http/route.js';
import { repoActivity } from '../render/activity.js';
import { userParam } from './lookup.js';
import { signedInUser } from './users.js';

/** GitHub keeps 300 events in a feed. */
const FEED_LIMIT = 300;

export const notificationRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/notifications',
    operationId: 'activity/list-notifications-for-authenticated-user',
    docs: 'activity/notifications#list-notifications-for-the-authenticated-user',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const since = ctx.query.get('since') ?? undefined;
      const before = ctx.query.get('before') ?? undefined;
      return okPage(ctx, notificationsOf(ctx, user, since, before), (item) => item, 50);
    },
  },
  {
    method: 'GET',
    path: '/users/{username}/received_events',
    operationId: 'activity/list-received-events-for-user',
    docs: 'activity/events#list-events-received-by-the-authenticated-user',
    handler: (ctx) => {
      const user = userParam(ctx);
      const self = ctx.actor.kind === 'user' && ctx.actor.user.id === user.id;
      // The activity of the repositories the user watches (owns, collaborates on, or whose
      // organization they belong to); others see only its public part.
      const watched = [...ctx.store.all('repo')].filter((repo) => {
        if (repo.private && !self) return false;
        return (
          repo.ownerId === user.id ||
          repo.collaborators.has(user.id) ||
          ctx.store.get('org', repo.ownerId)?.members.has(user.id) === true
        );
      });
      const events = watched
        .flatMap((repo) => repoActivity(ctx, repo).map((render) => render()))
        .sort((a, b) => (a.created_at === b.created_at ? 0 : a.created_at < b.created_at ? 1 : -1))
        .slice(0, FEED_LIMIT);
      return okPage(ctx, events);
    },
  },
];
