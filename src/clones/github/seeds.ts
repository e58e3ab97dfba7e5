/** The clone's seeds on their own: reading, validating and checking one needs no server nor routes. */
export { seedSchema, seedJsonSchema } from './seed/schema.js';
export type { Seed, ParsedSeed } from './seed/schema.js';
export { loadSeed, NAMED_SEEDS, SEED_DESCRIPTIONS } from './seed/named.js';
export { checkSeed, loadCheckedSeed } from './seed/check.js';
export type { SeedFileRules } from './seed/named.js';
export { SeedError } from './seed/errors.js';
