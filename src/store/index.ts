/** Where runs, events and worktrees are kept: SQLite (embedded default), PostgreSQL, or memory. */
export { describeStore, openStore, storeOptionsFromEnv } from './open.js';
export type { StoreEnvOptions, StoreOptions } from './open.js';
export { databaseUrlProblem, storeUrlProblem } from './url.js';
export { POSTGRES_SCHEMA } from './schema.js';
export { KyselyStore } from './kysely-store.js';
export { MemoryStore } from './memory-store.js';
export { KyselyAttachStore } from './attach-store.js';
export { applyMigrations, type Migration } from './migrate.js';
