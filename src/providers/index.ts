export { createClaudeProvider } from './claude.js';
export { createCodexProvider } from './codex.js';
export { createExecProvider } from './exec.js';
export { modelProblem, PROVIDER_CAPABILITIES } from './models.js';
export { createProviderRegistry } from './registry.js';
export { addUsage, ProviderError, PROVIDER_ERROR_KINDS } from './types.js';
export type { Provider, ProviderEvent, ProviderRegistry, ProviderRequest, ProviderResult, Usage } from './types.js';
export {
  assistantsSchema,
  execSpecSchema,
  PROVIDER_NAMES,
  providerNameSchema,
  REASONING_EFFORTS,
  WEB_SEARCH_MODES,
} from './schema.js';
export type { AssistantsConfig, ExecSpec, ProviderName } from './schema.js';
