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
