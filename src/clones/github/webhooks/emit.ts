import { actingUser } from '../state/actor.js';
import type { DomainContext } from '../domain/context.js';
import { installationCovers } from '../state/permissions.js';
import { isActionsInstallation } from '../state/workflow-runs.js';
import { renderRepo } from '../render/repos.js';
import { simpleUser, webhookOrg } from '../render/users.js';
import type { View } from '../render/view.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { nodeId } from '../render/urls.js';
import { hookRepo, hookUser } from './shapes.js';

type Json = Record<string, unknown>;

/**
 * The installation a repository's events are delivered for (the first app installed on it;
 * GitHub Actions' implicit installation receives no webhooks).
 */
function installationFor(view: View, repo: RepoRecord) {
  for (const installation of view.store.all('installation'))
    if (installationCovers(installation, repo) && !isActionsInstallation(view.store, installation)) return installation;
  return undefined;
}

/** `repository`, `sender`, `installation` and `organization`, as every repository event carries them. */
function envelope(view: View, repo: RepoRecord, sender: UserRecord | undefined): Json {
  const owner = view.store.get('user', repo.ownerId);
  const installation = installationFor(view, repo);
  return {
    repository: hookRepo(renderRepo(view, repo)),
    sender: hookUser(simpleUser(view, sender ?? owner!)),
    ...(installation
      ? { installation: { id: installation.id, node_id: nodeId('Installation', installation.id) } }
      : {}),
    ...(owner?.type === 'Organization' ? { organization: webhookOrg(view, owner) } : {}),
  };
}

/**
 * Queues a webhook delivery for a state change. The payload is only built when a webhook URL
 * listens for the event, so an instance without webhooks pays nothing.
 */
export function emit(
  ctx: DomainContext,
  event: string,
  repo: RepoRecord | undefined,
  build: (view: View) => Json,
  sender: UserRecord | undefined = actingUser(ctx.actor),
): void {
  if (!ctx.core.webhooks.wants(event)) return;
  const view: View = { store: ctx.store, urls: ctx.core.urls };
  const payload = { ...build(view), ...(repo ? envelope(view, repo, sender) : {}) };
  const delivery = ctx.core.webhooks.enqueue(event, payload, ctx.requestId);
  if (delivery) ctx.deliveries.push(delivery.id);
}
