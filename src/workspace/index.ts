/**
 * The host-neutral composition root: a workspace (root, config, environment), its run store, the run
 * lifecycle's dependencies and its workflows. The CLI, the GitHub Action and the GitHub App all start here.
 */
export { readDotEnv, withDotEnv } from './env.js';
export type { DotEnv } from './env.js';
export { WorkspaceError } from './errors.js';
export type { WorkspaceErrorCode, WorkspaceErrorData } from './errors.js';
export {
  lifecycleDeps,
  openRepositoryWorkspace,
  openRepoWorkspace,
  openRunStore,
  openWorkspace,
  thisProcess,
  withRepoWorkspace,
} from './workspace.js';
export type { ArchalStore, RepoStoreOptions, RepoWorkspace, Workspace, WorkspaceOptions } from './workspace.js';
export {
  archonSettings,
  baseBranchOf,
  discoveryOptions,
  docsDirOf,
  engineDefaults,
  findWorkflow,
  listWorkflows,
  stateDirOf,
  workflowLocations,
  workflowOfRun,
  workflowResolver,
} from './workflows.js';
export type { ArchonSettings } from './archon-config.js';
export type { WorkflowLookup } from './workflows.js';
export { loadWorkspaceScenarios, runWorkspaceScenarios } from './scenarios.js';
export type { ScenarioLoad, ScenarioRunRequest, ScenarioSelection } from './scenarios.js';
