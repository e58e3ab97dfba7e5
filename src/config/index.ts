export {
  archalConfigSchema,
  PERMISSION_LEVELS,
  PROVIDER_NAMES,
  providerNameSchema,
  REASONING_EFFORTS,
  WEB_SEARCH_MODES,
} from './schema.js';
export type { AppConfig, ArchalConfig, AssistantsConfig, PermissionLevel, ExecSpec, ProviderName } from './schema.js';
export { CONFIG_FILE, formatConfigProblem, loadConfig, validateConfig } from './load.js';
export type { ConfigLoadResult, ConfigProblem } from './load.js';
export { loadEnvFiles } from './env.js';
export { engineDefaults, starterConfig } from './defaults.js';
