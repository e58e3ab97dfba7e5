import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectBaseBranch } from '../lib/git.js';
import { bundledDir } from '../lib/paths.js';
import type { AssistantsConfig } from '../providers/index.js';
import {
  commandDirectories,
  createCommandResolver,
  discoverWorkflows,
  formatWorkflowProblems,
  loadWorkflowFile,
  resolveWorkflowName,
  WorkflowLookupError,
  type Discovery,
  type DiscoveryOptions,
  type EngineDefaults,
  type RunOptions,
  type Workflow,
  type WorkflowLocations,
  type WorkflowProblem,
} from '../workflows/index.js';
import type { RunRecord } from '../workflows/run-store.js';
import type { Workspace } from './workspace.js';

/** What the workflow engine inherits from .archal.json `assistants`. */
export function engineDefaults(assistants: AssistantsConfig = {}): EngineDefaults {
  const exec = assistants.exec?.command
    ? { command: assistants.exec.command, args: assistants.exec.args, env: assistants.exec.env }
    : undefined;
  return {
    provider: assistants.default ?? 'claude',
    models: { claude: assistants.claude?.model, codex: assistants.codex?.model, exec: assistants.exec?.model },
    exec,
  };
}

/** Where a workspace's workflows are found: bundled, `$ARCHAL_HOME/workflows`, the repository's .archon and .archal. */
export function workflowLocations(workspace: Workspace): WorkflowLocations {
  return { repo: workspace.root, home: workspace.home, bundled: join(bundledDir(), 'workflows') };
}

/** How a workspace's workflows load: its engine defaults and command files. */
export function discoveryOptions(workspace: Workspace): DiscoveryOptions {
  const locations = workflowLocations(workspace);
  return {
    defaults: engineDefaults(workspace.config.assistants),
    resolveCommand: createCommandResolver(
      commandDirectories(locations.repo, locations.home, join(bundledDir(), 'commands')),
    ),
  };
}

/** Every workflow the workspace sees; broken files are reported, never hiding the others. */
export function listWorkflows(workspace: Workspace): Promise<Discovery> {
  return discoverWorkflows(workflowLocations(workspace), discoveryOptions(workspace));
}

export type WorkflowLookup =
  | { kind: 'found'; workflow: Workflow; warnings: WorkflowProblem[] }
  | { kind: 'invalid'; file: string; errors: WorkflowProblem[]; warnings: WorkflowProblem[] };

/** Whether an argument names a file rather than a workflow. */
function looksLikeFile(arg: string): boolean {
  return /\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\');
}

/**
 * A workflow by file path (relative to the workspace root) or by name (exact, case-insensitive,
 * then unique suffix). A broken file is `invalid`; a name that matches nothing (or several), or a
 * file that does not exist, is a WorkflowLookupError.
 */
export async function findWorkflow(workspace: Workspace, nameOrFile: string): Promise<WorkflowLookup> {
  if (looksLikeFile(nameOrFile)) {
    const file = resolve(workspace.root, nameOrFile);
    if (!existsSync(file))
      throw new WorkflowLookupError('workflow_file_not_found', `Workflow file not found: ${file}`, {
        name: nameOrFile,
        suggestions: [],
        file,
        problems: [],
      });
    const loaded = await loadWorkflowFile(file, 'file', discoveryOptions(workspace));
    return loaded.kind === 'workflow'
      ? { kind: 'found', workflow: loaded.workflow, warnings: loaded.warnings }
      : { kind: 'invalid', file, errors: loaded.error.problems, warnings: loaded.warnings };
  }
  const discovery = await listWorkflows(workspace);
  try {
    const workflow = resolveWorkflowName(discovery, nameOrFile, workflowLocations(workspace));
    return {
      kind: 'found',
      workflow,
      warnings: discovery.warnings.filter((warning) => warning.file === workflow.file),
    };
  } catch (error) {
    const broken = discovery.errors.find((entry) => entry.name?.toLowerCase() === nameOrFile.toLowerCase());
    if (broken && error instanceof WorkflowLookupError)
      return {
        kind: 'invalid',
        file: broken.file,
        errors: broken.problems,
        warnings: discovery.warnings.filter((warning) => warning.file === broken.file),
      };
    throw error;
  }
}

/**
 * The definition a stored run continues with (resume, approve): its file if it still exists, re-read
 * so that a fix to it applies, else the workflow of its name. An invalid one is a WorkflowLookupError.
 */
export async function workflowOfRun(workspace: Workspace, run: RunRecord): Promise<Workflow> {
  const file = run.metadata.workflowFile;
  if (file && existsSync(file)) {
    const loaded = await loadWorkflowFile(file, 'file', discoveryOptions(workspace));
    if (loaded.kind === 'workflow') return loaded.workflow;
    throw invalid(
      run.workflowName,
      file,
      `The workflow of run ${run.id} (${file}) is now invalid`,
      loaded.error.problems,
    );
  }
  const lookup = await findWorkflow(workspace, run.workflowName);
  if (lookup.kind === 'invalid')
    throw invalid(run.workflowName, lookup.file, `The workflow '${run.workflowName}' is now invalid`, lookup.errors);
  return lookup.workflow;
}

function invalid(name: string, file: string, what: string, problems: WorkflowProblem[]): WorkflowLookupError {
  return new WorkflowLookupError('workflow_invalid', `${what}:\n${formatWorkflowProblems(problems)}`, {
    name,
    suggestions: [],
    file,
    problems,
  });
}

/** `$BASE_BRANCH` of runs in `workingPath`: .archal.json `worktree.baseBranch`, else found with git when a node reads it. */
export function baseBranchOf(workspace: Workspace, workingPath: string): RunOptions['baseBranch'] {
  return workspace.config.worktree?.baseBranch ?? (() => detectBaseBranch(workingPath));
}
