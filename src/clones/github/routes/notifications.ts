import * as z from 'zod';
import {
  changeMark,
  markOf,
  notificationsOf,
  renderThread,
  threads,
  versionOf,
  type Thread,
} from '../domain/notifications.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { json, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { repoActivity } from '../render/activity.js';
import { ApiError, notFound } from '../state/errors.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { repoParam, userParam } from './lookup.js';
import { signedInUser } from './users.js';

/** GitHub keeps 300 events in a feed. */
const FEED_LIMIT = 300;

/** 205 Reset Content: what GitHub answers a request that marked notifications read. */
const resetContent = () => json(205);

const markAllSchema = z.object({
  last_read_at: z.iso.datetime({ offset: true }).optional(),
  read: z.boolean().optional(),
});
const subscriptionSchema = z.object({ ignored: z.boolean().optional() });

/** The signed-in user's thread `{thread_id}` (404 when it is not one of theirs, as GitHub answers). */
function threadParam(ctx: RequestContext): { user: UserRecord; thread: Thread } {
  const user = signedInUser(ctx);
  const thread = threads(ctx, user).find((candidate) => String(candidate.issue.id) === ctx.params.thread_id);
  if (!thread) throw notFound();
  return { user, thread };
}

/** A thread subscription as GitHub shows it. */
function renderSubscription(
  ctx: RequestContext,
  thread: Thread,
  subscription: { ignored: boolean; createdAt: string },
) {
  const url = `${ctx.urls.api}/notifications/threads/${thread.issue.id}`;
  return {
    subscribed: !subscription.ignored,
    ignored: subscription.ignored,
    reason: null,
    created_at: subscription.createdAt,
    url: `${url}/subscription`,
    thread_url: url,
  };
}

/**
 * `GET /notifications`, or one repository's (`repo`): the signed-in user's threads, unread unless
 * `all=true`; with `participating=true` only those they take part in or are mentioned in.
 */
function listNotifications(ctx: RequestContext, repo?: RepoRecord) {
  const user = signedInUser(ctx);
  const since = ctx.query.get('since') ?? undefined;
  const before = ctx.query.get('before') ?? undefined;
  const all = ctx.query.get('all') === 'true';
  const participating = ctx.query.get('participating') === 'true';
  return okPage(
    ctx,
    notificationsOf(ctx, user, { all, participating, since, before, repoId: repo?.id }),
    (item) => item,
    50,
  );
}

/** `PUT /notifications`, or one repository's (`repo`): marks the threads updated until `last_read_at` read. */
function markAllRead(ctx: RequestContext, repo?: RepoRecord) {
  const user = signedInUser(ctx);
  const input = parseBody(ctx, markAllSchema);
  // `read: false` would mark them unread, which GitHub's own clients never send.
  if (input.read === false)
    throw new ApiError(422, '"read": false is not supported here: leave it out (or true) to mark notifications read.');
  const until = input.last_read_at ? new Date(input.last_read_at).toISOString().replace(/\.\d{3}Z$/, 'Z') : ctx.now;
  for (const thread of threads(ctx, user))
    if (thread.updatedAt <= until && (!repo || thread.repo.id === repo.id))
      changeMark(ctx, user, thread, { readVersion: versionOf(thread), lastReadAt: until });
  return resetContent();
}

export const notificationRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/notifications',
    operationId: 'activity/list-repo-notifications-for-authenticated-user',
    docs: 'activity/notifications#list-repository-notifications-for-the-authenticated-user',
    handler: (ctx) => listNotifications(ctx, repoParam(ctx)),
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/notifications',
    operationId: 'activity/mark-repo-notifications-as-read',
    docs: 'activity/notifications#mark-repository-notifications-as-read',
    handler: (ctx) => markAllRead(ctx, repoParam(ctx)),
  },
  {
    method: 'GET',
    path: '/notifications',
    operationId: 'activity/list-notifications-for-authenticated-user',
    docs: 'activity/notifications#list-notifications-for-the-authenticated-user',
    handler: (ctx) => listNotifications(ctx),
  },
  {
    method: 'PUT',
    path: '/notifications',
    operationId: 'activity/mark-notifications-as-read',
    docs: 'activity/notifications#mark-notifications-as-read',
    handler: (ctx) => markAllRead(ctx),
  },
  {
    method: 'GET',
    path: '/notifications/threads/{thread_id}',
    operationId: 'activity/get-thread',
    docs: 'activity/notifications#get-a-thread',
    handler: (ctx) => {
      const { user, thread } = threadParam(ctx);
      return ok(renderThread(ctx, user, thread));
    },
  },
  {
    method: 'PATCH',
    path: '/notifications/threads/{thread_id}',
    operationId: 'activity/mark-thread-as-read',
    docs: 'activity/notifications#mark-a-thread-as-read',
    handler: (ctx) => {
      const { user, thread } = threadParam(ctx);
      changeMark(ctx, user, thread, { readVersion: versionOf(thread), lastReadAt: ctx.now });
      return resetContent();
    },
  },
  {
    method: 'DELETE',
    path: '/notifications/threads/{thread_id}',
    operationId: 'activity/mark-thread-as-done',
    docs: 'activity/notifications#mark-a-thread-as-done',
    handler: (ctx) => {
      const { user, thread } = threadParam(ctx);
      const version = versionOf(thread);
      changeMark(ctx, user, thread, { doneVersion: version, readVersion: version, lastReadAt: ctx.now });
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/notifications/threads/{thread_id}/subscription',
    operationId: 'activity/get-thread-subscription-for-authenticated-user',
    docs: 'activity/notifications#get-a-thread-subscription-for-the-authenticated-user',
    handler: (ctx) => {
      const { user, thread } = threadParam(ctx);
      const subscription = markOf(ctx, user, thread.issue.id)?.subscription;
      if (!subscription) throw notFound();
      return ok(renderSubscription(ctx, thread, subscription));
    },
  },
  {
    method: 'PUT',
    path: '/notifications/threads/{thread_id}/subscription',
    operationId: 'activity/set-thread-subscription',
    docs: 'activity/notifications#set-a-thread-subscription',
    handler: (ctx) => {
      const { user, thread } = threadParam(ctx);
      const input = parseBody(ctx, subscriptionSchema);
      const subscription = { ignored: input.ignored ?? false, createdAt: ctx.now };
      changeMark(ctx, user, thread, { subscription });
      return ok(renderSubscription(ctx, thread, subscription));
    },
  },
  {
    method: 'DELETE',
    path: '/notifications/threads/{thread_id}/subscription',
    operationId: 'activity/delete-thread-subscription',
    docs: 'activity/notifications#delete-a-thread-subscription',
    handler: (ctx) => {
      const { user, thread } = threadParam(ctx);
      if (markOf(ctx, user, thread.issue.id)?.subscription) changeMark(ctx, user, thread, { subscription: null });
      return noContent();
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
