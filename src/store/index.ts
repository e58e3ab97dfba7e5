export { describeStore, openStore, storeOptionsFromEnv } from './open.js';
export type { StoreOptions } from './open.js';
export { KyselyStore } from './kysely-store.js';
export { KyselyAttachStore } from './attach-store.js';
