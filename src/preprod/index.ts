/**
 * The pre-prod loop: plan, run, classify, fix, validate, publish. Hosts resolve the options
 * (`resolvePreprodOptions`), say where a fix goes (`PublishTarget`) and call
 * `runPreprodInWorkspace`; `runPreprod` is the loop itself, for hosts that assemble its parts.
 */
export {
  PREPROD_DEFAULTS,
  PREPROD_LIMITS,
  preprodConfigSchema,
  preprodOverridesSchema,
  resolvePreprodOptions,
} from './options.js';
export type {
  PreprodConfig,
  PreprodOptionProblem,
  PreprodOptions,
  PreprodOptionsResult,
  PreprodOverrides,
} from './options.js';
export { discoverPublishTarget, fixBranch, headBranchOf } from './target.js';
export type { PublishTarget, PublishTargetLookup, PublishTargetProblem } from './target.js';
export { runPreprod } from './run.js';
export type { PreprodRun } from './run.js';
export { runPreprodInWorkspace } from './in-workspace.js';
export type { WorkspacePreprodOutcome, WorkspacePreprodRequest } from './in-workspace.js';
export { fixWorkflowOf, workflowFixer } from './fix-workflow.js';
export type { WorkflowFixerOptions } from './fix-workflow.js';
export type { FixWorkflowOutcome, FixWorkflowRequest, FixWorkflowRunner } from './fix.js';
export { commandFailure } from './commands.js';
export { planPreprod } from './plan.js';
export type { PlanOptions } from './plan.js';
export {
  failuresFileSchema,
  preprodJsonSchemas,
  preprodResultSchema,
  PREPROD_STATUSES,
  FAILURE_CATEGORIES,
} from './schema.js';
export type { FailureCategory, PreprodAttempt, PreprodFailure, PreprodResult, PreprodStatus } from './schema.js';
