import type { ArchalConfig } from './schema.js';

/** How `archal init`'s harness template is started. */
export const TEMPLATE_HARNESS_COMMAND = 'node .archal/harness.mjs';

/**
 * The .archal.json that `archal init` and `archal preprod plan --write-config` write. With a null
 * agent (no harness is known), the file leaves the key out rather than name one that does not exist.
 */
export function starterConfig(agent: string | null = TEMPLATE_HARNESS_COMMAND, scenariosDir = 'archal'): ArchalConfig {
  return {
    $schema: 'https://archal.dev/schema/archal.schema.json',
    ...(agent === null ? {} : { agent }),
    clones: ['github'],
    scenarios: [scenariosDir],
    runs: 1,
    timeout: 180,
  };
}
