import type { EngineDefaults } from '../workflows/loader.js';
import type { ArchalConfig } from './schema.js';

/** What the workflow engine inherits from .archal.json. */
export function engineDefaults(config: ArchalConfig): EngineDefaults {
  const assistants = config.assistants ?? {};
  const exec = assistants.exec?.command
    ? { command: assistants.exec.command, args: assistants.exec.args, env: assistants.exec.env }
    : undefined;
  return {
    provider: assistants.default ?? 'claude',
    models: { claude: assistants.claude?.model, codex: assistants.codex?.model, exec: assistants.exec?.model },
    exec,
  };
}

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
