export { parseCondition, evaluateCondition, ConditionSyntaxError, ConditionEvaluationError } from './condition.js';
export type { ConditionExpr } from './condition.js';
export {
  commandDirectories,
  createCommandResolver,
  createScriptResolver,
  isInlineScript,
  scriptDirectories,
} from './commands.js';
export type { ResourceLocations } from './commands.js';
export {
  allWorkflowFiles,
  discoverWorkflows,
  displayPath,
  loadWorkflowFile,
  resolveWorkflowName,
  workflowFileNamed,
  sourceIndex,
  WorkflowLookupError,
  workflowScopes,
} from './discovery.js';
export type {
  Discovery,
  DiscoveryError,
  DiscoveryOptions,
  LoadedFile,
  WorkflowLocations,
  WorkflowLookupErrorCode,
  WorkflowLookupErrorData,
} from './discovery.js';
export { fanOut, isWorkflowEventType, JsonlTranscript, MemorySink, WORKFLOW_EVENT_TYPES } from './events.js';
export type { EventSink, WorkflowEvent, WorkflowEventType } from './events.js';
export { executeWorkflow } from './executor.js';
export type {
  NodeResult,
  PriorOutputs,
  RunOptions,
  SkipReason,
  WorkflowRunResult,
  WorkflowRunStatus,
} from './executor.js';
export { BUILTIN_DEFAULTS, loadWorkflowText, MIGRATION_GUIDE } from './loader.js';
export { yamlFileCache } from './yaml-cache.js';
export type { ParsedYamlCache } from './yaml-source.js';
export type { CommandLookup, EngineDefaults, LoadResult, ScriptLookup } from './loader.js';
export { outputFormatOf } from './model.js';
export type { Workflow, WorkflowNode } from './model.js';
export { resolveInputs } from './inputs.js';
export type { InputResolution } from './inputs.js';
export type { ChildRunner, ChildRunRequest, Gate, GateResume } from './run-context.js';
export { formatWorkflowProblem, formatWorkflowProblems } from './problems.js';
export type { WorkflowProblem } from './problems.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export type { EngineDeps } from './run-context.js';
export { TRIGGER_RULES } from './schema.js';
export {
  approveRun,
  cancelRun,
  cliConversationId,
  continueRejection,
  decideRun,
  rejectionContinues,
  findConversationRun,
  findRun,
  isStale,
  listConversationRuns,
  priorFromEvents,
  rejectRun,
  resumeRun,
  RunRefusedError,
  startRun,
} from './lifecycle.js';
export type { LifecycleDeps, RunOutcome, RunRefusalCode, RunRefusalData, StartRequest } from './lifecycle.js';
export { ACTIVE_STATUSES, RUN_STATUSES } from './run-store.js';
export type {
  NewRun,
  RunFilter,
  RunMetadata,
  RunRecord,
  StatusChange,
  StoredEvent,
  StoredRunStatus,
  TrackedProcess,
  WorkflowRunStore,
} from './run-store.js';
export { NODE_STATE_EVENTS, nodeStates } from './node-states.js';
