import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineDefaults } from '../config/defaults.js';
import { UserError } from '../lib/errors.js';
import { packageRoot } from '../lib/paths.js';
import {
  commandDirectories,
  createCommandResolver,
  discoverWorkflows,
  formatProblem,
  loadWorkflowFile,
  resolveWorkflowName,
  type Discovery,
  type Workflow,
  type WorkflowLocations,
  type WorkflowProblem,
} from '../workflows/index.js';
import type { CliContext } from './context.js';

export function workflowLocations(ctx: CliContext): WorkflowLocations {
  return { repo: ctx.cwd, home: ctx.home, bundled: join(packageRoot(), 'bundled', 'workflows') };
}

export function discoveryOptions(ctx: CliContext) {
  const locations = workflowLocations(ctx);
  return {
    defaults: engineDefaults(ctx.config),
    resolveCommand: createCommandResolver(
      commandDirectories(locations.repo, locations.home, join(packageRoot(), 'bundled', 'commands')),
    ),
  };
}

export function discover(ctx: CliContext): Promise<Discovery> {
  return discoverWorkflows(workflowLocations(ctx), discoveryOptions(ctx));
}

/** Whether an argument names a file rather than a workflow. */
function looksLikeFile(arg: string): boolean {
  return /\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\');
}

export type WorkflowLookup =
  | { kind: 'found'; workflow: Workflow; warnings: WorkflowProblem[] }
  | { kind: 'invalid'; file: string; errors: WorkflowProblem[]; warnings: WorkflowProblem[] };

/** A workflow by file path or by name (exact, case-insensitive, then unique suffix). */
export async function findWorkflow(ctx: CliContext, arg: string): Promise<WorkflowLookup> {
  if (looksLikeFile(arg)) {
    const file = resolve(ctx.cwd, arg);
    if (!existsSync(file)) throw new UserError(`Workflow file not found: ${file}`);
    const loaded = await loadWorkflowFile(file, 'file', discoveryOptions(ctx));
    return loaded.kind === 'workflow'
      ? { kind: 'found', workflow: loaded.workflow, warnings: loaded.warnings }
      : { kind: 'invalid', file, errors: loaded.error.problems, warnings: loaded.warnings };
  }
  const discovery = await discover(ctx);
  try {
    const workflow = resolveWorkflowName(discovery, arg, workflowLocations(ctx));
    return {
      kind: 'found',
      workflow,
      warnings: discovery.warnings.filter((warning) => warning.file === workflow.file),
    };
  } catch (error) {
    const broken = discovery.errors.find((entry) => entry.name?.toLowerCase() === arg.toLowerCase());
    if (broken && error instanceof UserError)
      return {
        kind: 'invalid',
        file: broken.file,
        errors: broken.problems,
        warnings: discovery.warnings.filter((w) => w.file === broken.file),
      };
    throw error;
  }
}

export function formatProblems(problems: WorkflowProblem[], indent = '  '): string {
  return problems.map((problem) => `${indent}${formatProblem(problem)}`).join('\n');
}

export function jsonProblem(problem: WorkflowProblem) {
  return {
    message: problem.message,
    file: problem.file,
    node: problem.node ?? null,
    field: problem.field ?? null,
    line: problem.line ?? null,
  };
}
