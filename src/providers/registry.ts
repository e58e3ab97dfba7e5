import type { ArchalConfig, ProviderName } from '../config/schema.js';
import { createClaudeProvider } from './claude.js';
import { createCodexProvider } from './codex.js';
import { createExecProvider } from './exec.js';
import type { Provider, ProviderRegistry } from './types.js';

/** Providers configured from .archal.json `assistants`, created on first use. */
export function createProviderRegistry(config: ArchalConfig): ProviderRegistry {
  const cache = new Map<ProviderName, Provider>();
  const assistants = config.assistants ?? {};
  return (name) => {
    let provider = cache.get(name);
    if (!provider) {
      switch (name) {
        case 'claude':
          provider = createClaudeProvider(assistants.claude);
          break;
        case 'codex':
          provider = createCodexProvider(assistants.codex);
          break;
        case 'exec': {
          const { command, args, env, model } = assistants.exec ?? {};
          provider = createExecProvider({ exec: command ? { command, args, env } : undefined, model });
          break;
        }
      }
      cache.set(name, provider);
    }
    return provider;
  };
}
