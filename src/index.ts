/**
 * Archal as a library. The package root exports everything below; each part is also a subpath:
 * `archal/workflows` (the DAG engine and the run lifecycle), `archal/workspace` (the host-neutral
 * composition root), `archal/preprod` (the pre-prod loop), `archal/github` (the real GitHub's REST
 * API), `archal/clone` (Archal's local GitHub clone), `archal/view` (the viewer and reports) and
 * `archal/attach` (the post-prod loop).
 */
export * from './workflows/index.js';
export * from './workspace/index.js';
export * from './preprod/index.js';
export * from './github/index.js';
export * from './clones/github/index.js';
export * from './attach/index.js';
export {
  assistantsSchema,
  createClaudeProvider,
  createCodexProvider,
  createExecProvider,
  createProviderRegistry,
  PROVIDER_NAMES,
  ProviderError,
} from './providers/index.js';
export type {
  AssistantsConfig,
  ExecSpec,
  Provider,
  ProviderEvent,
  ProviderName,
  ProviderRegistry,
  ProviderRequest,
  ProviderResult,
  Usage,
} from './providers/index.js';
export { archalConfigSchema, CONFIG_FILE, loadConfig, starterConfig } from './config/index.js';
export type { ArchalConfig, ConfigProblem } from './config/index.js';
export {
  describeStore,
  KyselyAttachStore,
  KyselyStore,
  MemoryStore,
  openStore,
  storeOptionsFromEnv,
} from './store/index.js';
export type { StoreOptions } from './store/index.js';
export { ArchalError, errorMessage } from './lib/errors.js';
export { IsolationError } from './isolation/index.js';
export type { IsolationErrorCode, WorktreeRecord, WorktreeStore } from './isolation/index.js';
export { parseScenario, parseScenarioFile } from './scenarios/parse.js';
export type { Criterion, Scenario, ScenarioConfig, ScenarioProblem } from './scenarios/schema.js';
export { prepareCriteria } from './evaluate/criteria.js';
export { extractAnswer, MissingAgentError, resolveAgent, runHarness } from './harness/index.js';
export { HarnessError, locateAgent } from './harness/index.js';
export type { AgentCommand } from './harness/index.js';
export { runSuite } from './runner/suite.js';
export { loadScenarios } from './runner/load.js';
export type { LoadedScenarios } from './runner/load.js';
export type { ScenarioResult, ScenarioRunResult, SuiteResult } from './runner/results.js';
export * from './view/index.js';
