export { createClaudeProvider } from './claude.js';
export { createCodexProvider } from './codex.js';
export { createCopilotProvider } from './copilot.js';
export { createExecProvider } from './exec.js';
export { createOpencodeProvider } from './opencode.js';
export { createPiProvider } from './pi.js';
export {
  AI_OPTION_KEYS,
  clampEffort,
  isTierName,
  modelProblem,
  PROVIDER_CAPABILITIES,
  resolveModelRef,
  TIER_DEFAULTS,
} from './models.js';
export type { AiOptionKey, ModelProfile, ModelRef, ProviderCapabilities } from './models.js';
export { createProviderRegistry } from './registry.js';
export { addUsage, ProviderError, PROVIDER_ERROR_KINDS } from './types.js';
export type {
  AgentDefinition,
  AiOptions,
  Provider,
  ProviderEvent,
  ProviderRegistry,
  ProviderRequest,
  ProviderResult,
  ThinkingSetting,
  Usage,
} from './types.js';
export {
  assistantsSchema,
  execSpecSchema,
  PROVIDER_NAMES,
  providerNameSchema,
  EFFORT_LEVELS,
  modelPresetSchema,
  REASONING_EFFORTS,
  TIER_NAMES,
  WEB_SEARCH_MODES,
} from './schema.js';
export type { AssistantsConfig, EffortLevel, ExecSpec, ModelPreset, ProviderName, TierName } from './schema.js';
