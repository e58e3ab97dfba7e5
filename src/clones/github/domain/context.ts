import type { CloneCore } from '../core.js';
import type { View } from '../render/view.js';
import type { Urls } from '../render/urls.js';
import type { Journal, Store } from '../state/store.js';
import type { Actor } from '../state/actor.js';

/** What domain operations need: the state, who acts, where changes and webhooks are recorded. */
export interface DomainContext extends View {
  core: CloneCore;
  store: Store;
  urls: Urls;
  actor: Actor;
  journal: Journal;
  requestId: string | null;
  /** Ids of the webhook deliveries caused so far. */
  deliveries: string[];
  /** The request's time (ISO, second precision): every timestamp one request writes is the same. */
  now: string;
}

/**
 * The context of one request on `core`: its store and the request's time; the core's URLs unless the
 * request came through another mount, no webhook deliveries yet unless the caller collects them.
 */
export function requestContext(
  core: CloneCore,
  request: Pick<DomainContext, 'actor' | 'journal' | 'requestId'> & Partial<Pick<DomainContext, 'urls' | 'deliveries'>>,
): DomainContext {
  return {
    core,
    store: core.store,
    urls: request.urls ?? core.urls,
    actor: request.actor,
    journal: request.journal,
    requestId: request.requestId,
    deliveries: request.deliveries ?? [],
    now: core.nowIso(),
  };
}
