import type { Actor } from '../state/actor.js';
import type { Store } from '../state/store.js';
import type { Urls } from './urls.js';

/** What every renderer needs: the state to look records up in, the URL bases and who is asking. */
export interface View {
  store: Store;
  urls: Urls;
  actor?: Actor;
}
