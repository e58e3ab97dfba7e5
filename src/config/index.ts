/** .archal.json: its schema (composed from the schemas of the parts it configures) and its loader. */
export { agentSchema, archalConfigSchema } from './schema.js';
export type { ArchalConfig } from './schema.js';
export { CONFIG_FILE, formatConfigProblem, loadConfig, loadConfigFile, validateConfig } from './load.js';
export type { ConfigLoadResult, ConfigProblem } from './load.js';
export { starterConfig } from './defaults.js';
export { appConfigSchema, PERMISSION_LEVELS } from './app-schema.js';
export type { AppConfig, PermissionLevel } from './app-schema.js';
