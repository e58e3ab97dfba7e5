import type { ArchalConfig } from './schema.js';

/** The .archal.json that `archal init` and `archal preprod plan --write-config` write. */
export function starterConfig(agent = 'node .archal/harness.mjs', scenariosDir = 'archal'): ArchalConfig {
  return {
    $schema: 'https://archal.dev/schema/archal.schema.json',
    agent,
    clones: ['github'],
    scenarios: [scenariosDir],
    runs: 1,
    timeout: 180,
  };
}
