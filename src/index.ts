/** Archal as a library: the workflow engine, its providers and the configuration loader. */
export * from './workflows/index.js';
export {
  createClaudeProvider,
  createCodexProvider,
  createExecProvider,
  createProviderRegistry,
  ProviderError,
} from './providers/index.js';
export type {
  Provider,
  ProviderEvent,
  ProviderRegistry,
  ProviderRequest,
  ProviderResult,
  Usage,
} from './providers/index.js';
export { archalConfigSchema, engineDefaults, loadConfig, loadEnvFiles } from './config/index.js';
export type { ArchalConfig } from './config/index.js';
export { openStore, storeOptionsFromEnv, describeStore, KyselyStore } from './store/index.js';
export {
  approveRun,
  cancelRun,
  findRun,
  isStale,
  priorFromEvents,
  rejectRun,
  resumeRun,
  RunRefusedError,
  startRun,
} from './workflows/lifecycle.js';
export type { LifecycleDeps, RunOutcome, StartRequest } from './workflows/lifecycle.js';
export { RUN_STATUSES } from './workflows/run-store.js';
export type { RunRecord, RunStatus, StoredEvent, WorkflowRunStore } from './workflows/run-store.js';
export * from './clones/github/index.js';
export { parseScenario, parseScenarioFile } from './scenarios/parse.js';
export type { Criterion, Scenario, ScenarioConfig } from './scenarios/schema.js';
export { prepareCriteria } from './evaluate/criteria.js';
export { resolveAgent, runHarness, extractAnswer } from './harness/index.js';
export { runSuite } from './runner/suite.js';
export { loadScenarios } from './runner/load.js';
export type { RunResult, ScenarioResult, SuiteResult } from './runner/results.js';
export { RecordLookupError, RecordSource, renderReportHtml, startViewer } from './view/index.js';
export type { RecordRef, RecordSummary, Report, ReportOptions, RunningViewer, ViewerOptions } from './view/index.js';
