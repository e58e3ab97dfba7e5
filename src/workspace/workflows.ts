import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { detectBaseBranch } from '../lib/git.js';
import { bundledDir } from '../lib/paths.js';
import { sha256Hex } from '../lib/sha256.js';
import type { AssistantsConfig } from '../providers/index.js';
import {
  allWorkflowFiles,
  commandDirectories,
  createCommandResolver,
  createScriptResolver,
  discoverWorkflows,
  formatWorkflowProblems,
  loadWorkflowFile,
  outputFormatOf,
  resolveWorkflowName,
  scriptDirectories,
  sourceIndex,
  workflowFileNamed,
  WorkflowLookupError,
  yamlFileCache,
  type Discovery,
  type DiscoveryOptions,
  type EngineDefaults,
  type LoadedFile,
  type RunOptions,
  type Workflow,
  type WorkflowLocations,
  type WorkflowProblem,
} from '../workflows/index.js';
import type { RunRecord } from '../workflows/run-store.js';
import { validatedFileCache } from '../workflows/validated-cache.js';
import { runningBuildIdentity } from '../lib/build-identity.js';
import { readArchonSettings, type ArchonSettings } from './archon-config.js';
import type { Workspace } from './workspace.js';

const NO_ARCHON_SETTINGS: ArchonSettings = { models: {}, tiers: {}, aliases: {}, invalidPresets: {}, problems: [] };

/** What the workflow engine inherits from .archal.json `assistants`, over Archon's .archon/config.yaml. */
export function engineDefaults(
  assistants: AssistantsConfig = {},
  archon: ArchonSettings = NO_ARCHON_SETTINGS,
): EngineDefaults {
  const exec = assistants.exec?.command
    ? { command: assistants.exec.command, args: assistants.exec.args, env: assistants.exec.env }
    : undefined;
  return {
    provider: assistants.default ?? archon.assistant ?? 'claude',
    models: {
      ...archon.models,
      ...definedModels({
        claude: assistants.claude?.model,
        codex: assistants.codex?.model,
        pi: assistants.pi?.model,
        opencode: assistants.opencode?.model,
        copilot: assistants.copilot?.model,
        exec: assistants.exec?.model,
      }),
    },
    exec,
    profile: {
      tiers: { ...archon.tiers, ...assistants.tiers },
      aliases: { ...archon.aliases, ...assistants.aliases },
      // An Archon preset that cannot be used stays an error when named, unless .archal.json defines the name.
      invalid: Object.fromEntries(
        Object.entries(archon.invalidPresets).filter(
          ([name]) => !Object.hasOwn(assistants.tiers ?? {}, name) && !Object.hasOwn(assistants.aliases ?? {}, name),
        ),
      ),
    },
  };
}

function definedModels<T extends Record<string, string | undefined>>(models: T): Partial<T> {
  return Object.fromEntries(Object.entries(models).filter(([, model]) => model !== undefined)) as Partial<T>;
}

/** The user's home directory, for Archon's ~/.archon (the workspace's HOME when it has one). */
export function userHomeOf(workspace: Workspace): string {
  return workspace.env.HOME?.trim() || homedir();
}

const archonSettingsRead = new WeakMap<Workspace, ArchonSettings>();

/**
 * Archon's settings this workspace inherits (.archon/config.yaml of the repository and of the user),
 * read once per workspace, as its .archal.json is: looking a workflow up, loading it and starting
 * its run each need them, and reading the files each time cost a command 4 reads of each.
 */
export function archonSettings(workspace: Workspace): ArchonSettings {
  let settings = archonSettingsRead.get(workspace);
  if (!settings) {
    settings = readArchonSettings(workspace.root, userHomeOf(workspace));
    archonSettingsRead.set(workspace, settings);
  }
  return settings;
}

/**
 * Where a workspace's workflows are found: bundled, `~/.archon/workflows`, `$ARCHAL_HOME/workflows`,
 * the repository's .archon and .archal.
 */
export function workflowLocations(workspace: Workspace): WorkflowLocations {
  return {
    repo: workspace.root,
    home: workspace.home,
    bundled: join(bundledDir(), 'workflows'),
    userHome: userHomeOf(workspace),
  };
}

/** How a workspace's workflows load: engine defaults, command files, named scripts and other workflows. */
export function discoveryOptions(workspace: Workspace): DiscoveryOptions {
  const locations = workflowLocations(workspace);
  const settings = archonSettings(workspace);
  // The other workflows' files are listed when a workflow first names one (include:, workflow:).
  let workflowSources: ReturnType<typeof sourceIndex> | undefined;
  const resources = {
    repo: locations.repo,
    home: locations.home,
    userHome: locations.userHome,
    bundledCommands: join(bundledDir(), 'commands'),
    commandFolder: settings.commandFolder,
  };
  return {
    defaults: engineDefaults(workspace.config.assistants, settings),
    resolveCommand: createCommandResolver(commandDirectories(resources)),
    resolveScript: createScriptResolver(scriptDirectories(resources)),
    resolveWorkflowSource: (name) => (workflowSources ??= sourceIndex(allWorkflowFiles(locations)))(name),
    yamlCache: yamlFileCache(join(workspace.home, 'cache', 'yaml')),
    ...validatedCacheOf(workspace),
  };
}

/** `$STATE_DIR` of a repository: per project, outside the working tree (and its worktrees). */
export function stateDirOf(workspace: Workspace): string {
  const project = `${basename(workspace.root).replace(/[^A-Za-z0-9._-]/g, '-')}-${sha256Hex(workspace.root).slice(0, 8)}`;
  return join(workspace.home, 'workspaces', project, 'state');
}

/** `$DOCS_DIR`: Archon's docs.path when .archon/config.yaml sets one, else `docs/`. */
export function docsDirOf(workspace: Workspace): string | undefined {
  return archonSettings(workspace).docsPath;
}

/** A workflow by name for `workflow:` nodes (undefined when there is none, or it is invalid). */
export function workflowResolver(workspace: Workspace): (name: string) => Promise<Workflow | undefined> {
  return async (name) => {
    try {
      const lookup = await findWorkflow(workspace, name);
      return lookup.kind === 'found' ? lookup.workflow : undefined;
    } catch (error) {
      if (error instanceof WorkflowLookupError) return undefined;
      throw error;
    }
  };
}

/**
 * Every workflow the workspace sees; broken files are reported, never hiding the others. What
 * .archon/config.yaml sets that cannot be used is among the warnings.
 */
export async function listWorkflows(workspace: Workspace): Promise<Discovery> {
  const discovery = await discoverAll(workspace);
  return { ...discovery, warnings: [...archonSettings(workspace).problems, ...discovery.warnings] };
}

function discoverAll(workspace: Workspace): Promise<Discovery> {
  return discoverWorkflows(workflowLocations(workspace), discoveryOptions(workspace));
}

export type WorkflowLookup =
  | { kind: 'found'; workflow: Workflow; warnings: WorkflowProblem[] }
  | { kind: 'invalid'; file: string; name?: string; errors: WorkflowProblem[]; warnings: WorkflowProblem[] };

/** Whether a workflow argument is a file path rather than a name. */
export function looksLikeFile(arg: string): boolean {
  return /\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\');
}

/**
 * A workflow by file path (relative to the workspace root) or by name (exact, case-insensitive,
 * then unique suffix, then unique substring). A broken file is `invalid`; a name that matches nothing (or several), or a
 * file that does not exist, is a WorkflowLookupError. What .archon/config.yaml sets that cannot be
 * used is among the warnings: a model preset it drops would otherwise go unexplained.
 */
export async function findWorkflow(workspace: Workspace, nameOrFile: string): Promise<WorkflowLookup> {
  const lookup = await lookupWorkflow(workspace, nameOrFile);
  const problems = archonSettings(workspace).problems;
  return problems.length === 0 ? lookup : { ...lookup, warnings: [...problems, ...lookup.warnings] };
}

async function lookupWorkflow(workspace: Workspace, nameOrFile: string): Promise<WorkflowLookup> {
  if (looksLikeFile(nameOrFile)) {
    const file = resolve(workspace.root, nameOrFile);
    if (!existsSync(file))
      throw new WorkflowLookupError('workflow_file_not_found', `Workflow file not found: ${file}`, {
        name: nameOrFile,
        suggestions: [],
        file,
        problems: [],
      });
    return lookupOf(await loadWorkflowFile(file, 'file', discoveryOptions(workspace)), file);
  }
  const locations = workflowLocations(workspace);
  // Most lookups name one workflow exactly: load just its file.
  const named = workflowFileNamed(locations, nameOrFile);
  if (named) {
    const loaded = await loadWorkflowFile(named.file, named.scope, discoveryOptions(workspace), named.text);
    if (loaded.kind === 'workflow' && loaded.workflow.name === nameOrFile)
      return { kind: 'found', workflow: loaded.workflow, warnings: loaded.warnings };
  }
  const discovery = await discoverAll(workspace);
  try {
    const found = resolveWorkflowName(discovery, nameOrFile, locations);
    // Discovery does not compile output schemas: a workflow that declares some is loaded again, checked in full.
    const loaded: LoadedFile = found.nodes.some((node) => outputFormatOf(node) !== undefined)
      ? await loadWorkflowFile(found.file, found.scope, discoveryOptions(workspace))
      : { kind: 'workflow', workflow: found, warnings: [] };
    return lookupOf(
      loaded,
      found.file,
      discovery.warnings.filter((warning) => warning.file === found.file),
    );
  } catch (error) {
    const broken = discovery.errors.find((entry) => entry.name?.toLowerCase() === nameOrFile.toLowerCase());
    if (broken && error instanceof WorkflowLookupError)
      return {
        kind: 'invalid',
        file: broken.file,
        name: broken.name,
        errors: broken.problems,
        warnings: discovery.warnings.filter((warning) => warning.file === broken.file),
      };
    throw error;
  }
}

/** A loaded file as a lookup's answer; `foundWarnings` replace the load's own when it is found. */
function lookupOf(loaded: LoadedFile, file: string, foundWarnings = loaded.warnings): WorkflowLookup {
  return loaded.kind === 'workflow'
    ? { kind: 'found', workflow: loaded.workflow, warnings: foundWarnings }
    : { kind: 'invalid', file, name: loaded.error.name, errors: loaded.error.problems, warnings: loaded.warnings };
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
  return (
    workspace.config.worktree?.baseBranch ??
    archonSettings(workspace).baseBranch ??
    (() => detectBaseBranch(workingPath))
  );
}

/** Validated workflows are kept only when running a build (its file names the code that validated them). */
function validatedCacheOf(workspace: Workspace): Pick<DiscoveryOptions, 'validatedCache'> {
  const build = runningBuildIdentity();
  return build === undefined
    ? {}
    : { validatedCache: { cache: validatedFileCache(join(workspace.home, 'cache', 'validated')), build } };
}
