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
