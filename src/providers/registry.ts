import { createClaudeProvider } from './claude.js';
import { createCodexProvider } from './codex.js';
import { createCopilotProvider } from './copilot.js';
import { createExecProvider } from './exec.js';
import { createOpencodeProvider } from './opencode.js';
import { createPiProvider } from './pi.js';
import type { AssistantsConfig, ProviderName } from './schema.js';
import type { Provider, ProviderRegistry } from './types.js';

/** Providers configured from the `assistants` section of .archal.json, created on first use. */
export function createProviderRegistry(assistants: AssistantsConfig = {}): ProviderRegistry {
  const cache = new Map<ProviderName, Provider>();
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
        case 'pi':
          provider = createPiProvider(assistants.pi);
          break;
        case 'opencode':
          provider = createOpencodeProvider(assistants.opencode);
          break;
        case 'copilot':
          provider = createCopilotProvider(assistants.copilot);
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
