import * as z from 'zod';
import { repoSubscriptionOf } from '../domain/notifications.js';
import { parseBody } from '../http/input.js';
import { noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { fullName } from '../render/repos.js';
import { notFound } from '../state/errors.js';
import type { RepoRecord, RepoSubscriptionRecord } from '../state/model.js';
import { repoParam } from './lookup.js';
import { signedInUser } from './users.js';

const subscriptionSchema = z.object({ subscribed: z.boolean().optional(), ignored: z.boolean().optional() });

/** A repository subscription as GitHub shows it. */
function renderSubscription(ctx: RequestContext, repo: RepoRecord, subscription: RepoSubscriptionRecord) {
  const repositoryUrl = `${ctx.urls.api}/repos/${fullName(ctx, repo)}`;
  return {
    subscribed: !subscription.ignored,
    ignored: subscription.ignored,
    reason: null,
    created_at: subscription.createdAt,
    url: `${repositoryUrl}/subscription`,
    repository_url: repositoryUrl,
  };
}

/** The signed-in user and the `{owner}/{repo}` of the path, with the user's subscription to it if any. */
function subscriptionParam(ctx: RequestContext) {
  const user = signedInUser(ctx);
  const repo = repoParam(ctx);
  return { user, repo, subscription: repoSubscriptionOf(ctx, user.id, repo.id) };
}

export const repoSubscriptionRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/subscription',
    operationId: 'activity/get-repo-subscription',
    docs: 'activity/watching#get-a-repository-subscription',
    handler: (ctx) => {
      const { repo, subscription } = subscriptionParam(ctx);
      if (!subscription) throw notFound();
      return ok(renderSubscription(ctx, repo, subscription));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/subscription',
    operationId: 'activity/set-repo-subscription',
    docs: 'activity/watching#set-a-repository-subscription',
    handler: (ctx) => {
      const { user, repo, subscription } = subscriptionParam(ctx);
      const input = parseBody(ctx, subscriptionSchema);
      // Ignoring wins over subscribing, as on GitHub; neither given means watching.
      const ignored = input.ignored ?? false;
      if (subscription) {
        ctx.store.update(ctx.journal, 'repoSubscription', subscription, { ignored });
        return ok(renderSubscription(ctx, repo, subscription));
      }
      const record = ctx.store.insert(ctx.journal, 'repoSubscription', {
        id: ctx.store.nextId('repoSubscription'),
        userId: user.id,
        repoId: repo.id,
        ignored,
        createdAt: ctx.now,
      });
      return ok(renderSubscription(ctx, repo, record));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/subscription',
    operationId: 'activity/delete-repo-subscription',
    docs: 'activity/watching#delete-a-repository-subscription',
    handler: (ctx) => {
      const { subscription } = subscriptionParam(ctx);
      if (subscription) ctx.store.remove(ctx.journal, 'repoSubscription', subscription);
      return noContent();
    },
  },
];
