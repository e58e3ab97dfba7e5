// From their modules, not the workflows barrel: that would initialise the engine (executor, node
// kinds, process supervision) for commands that only load workflow files.
import { relative } from 'node:path';
import { displayPath, workflowScopes, WorkflowLookupError, type DiscoveryError } from '../../workflows/discovery.js';
import { formatWorkflowProblem, formatWorkflowProblems, type WorkflowProblem } from '../../workflows/problems.js';
import { ArchalError } from '../../lib/errors.js';
import type { Workspace } from '../../workspace/workspace.js';
import { findWorkflow, listWorkflows, looksLikeFile, workflowLocations } from '../../workspace/workflows.js';
import { describeError, EXIT, exitCodeOf } from '../errors.js';
import { cliRepositoryWorkspace, cliWorkspace, type GlobalOptions } from '../host.js';
import { workflowArgument } from '../workflow-argument.js';
import { err, out, printJson } from '../output.js';

/** A workflow problem as `--json` prints it (a contract: keep field names stable). */
export function jsonProblem(problem: WorkflowProblem) {
  return {
    message: problem.message,
    file: problem.file,
    node: problem.node ?? null,
    field: problem.field ?? null,
    line: problem.line ?? null,
  };
}

export async function workflowList(globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  const ctx = await cliRepositoryWorkspace(globals);
  const discovery = await listWorkflows(ctx);
  if (options.json) {
    const scopeDirs = new Map(workflowScopes(workflowLocations(ctx)).map(({ scope, dir }) => [scope, dir]));
    printJson({
      workflows: discovery.workflows.map((workflow) => ({
        name: workflow.name,
        description: workflow.description,
        file: workflow.file,
        scope: workflow.scope,
        nodes: workflow.nodes.length,
        tags: workflow.tags,
        // Archon's listing fields, so scripts written against `archon workflow list --json` read this one.
        ...(workflow.provider === undefined ? {} : { provider: workflow.provider }),
        ...(workflow.model === undefined ? {} : { model: workflow.model }),
      })),
      errors: discovery.errors.map((error) => ({
        file: error.file,
        kind: error.kind,
        message: error.message,
        ...archonErrorFields(error, scopeDirs.get(error.scope)),
      })),
      warnings: discovery.warnings.map(jsonProblem),
    });
    return EXIT.ok;
  }
  if (discovery.workflows.length === 0) out('No workflows found.');
  for (const workflow of discovery.workflows) {
    const summary = workflow.description.split('\n')[0]!.trim();
    out(`${workflow.name.padEnd(28)} ${`[${workflow.scope}]`.padEnd(10)} ${summary}`);
  }
  for (const error of discovery.errors)
    err(`⚠️ ${displayPath(error.file, ctx.root)} (${error.kind}):\n${indent(error.message)}`);
  for (const warning of discovery.warnings) err(`warning: ${formatWorkflowProblem(warning)}`);
  return EXIT.ok;
}

/**
 * A load error as Archon's `workflow list --json` words it: `filename` within its workflows folder,
 * `error`, and `errorType` (Archon counts a duplicate name as a validation error).
 */
function archonErrorFields(error: DiscoveryError, scopeDir: string | undefined) {
  return {
    filename: scopeDir ? relative(scopeDir, error.file) : error.file,
    error: error.message,
    errorType: error.kind === 'duplicate_name' ? 'validation_error' : error.kind,
  };
}

export async function workflowValidate(
  globals: GlobalOptions,
  target: string,
  options: { json?: boolean },
): Promise<number> {
  let ctx: Workspace;
  try {
    ctx = await validationWorkspace(globals, target);
  } catch (error) {
    if (!options.json || !(error instanceof ArchalError)) throw error;
    // --json always answers in JSON: here the workspace itself is what is wrong.
    const data = error.data as { file?: string; path?: string };
    printJson({
      valid: false,
      workflow: target,
      errors: [
        { message: describeError(error), file: data.file ?? data.path ?? null, node: null, field: null, line: null },
      ],
      warnings: [],
    });
    return exitCodeOf(error);
  }
  let errors: WorkflowProblem[];
  let warnings: WorkflowProblem[];
  let name: string | undefined;
  try {
    const lookup = await findWorkflow(ctx, workflowArgument(globals, target));
    errors = lookup.kind === 'invalid' ? lookup.errors : [];
    warnings = lookup.warnings;
    name = lookup.kind === 'found' ? lookup.workflow.name : lookup.name;
  } catch (error) {
    if (!(error instanceof WorkflowLookupError)) throw error;
    errors = [{ file: error.data.file ?? target, message: error.message }];
    warnings = [];
  }
  const valid = errors.length === 0;
  if (options.json)
    // `workflow` is always there: the name the file declares, else what was asked for.
    printJson({
      valid,
      workflow: name ?? target,
      errors: errors.map(jsonProblem),
      warnings: warnings.map(jsonProblem),
    });
  else {
    if (valid) out(`✓ ${name} is valid.`);
    else
      err(
        `✗ invalid workflow (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${formatWorkflowProblems(errors)}`,
      );
    if (warnings.length > 0) err(`warnings:\n${formatWorkflowProblems(warnings)}`);
  }
  return valid ? EXIT.ok : EXIT.invalidInput;
}

/** The repository's workspace; a workflow file outside any repository validates in its working directory. */
async function validationWorkspace(globals: GlobalOptions, target: string): Promise<Workspace> {
  try {
    return await cliRepositoryWorkspace(globals);
  } catch (error) {
    if (error instanceof ArchalError && error.code === 'not_a_repository' && looksLikeFile(target))
      return cliWorkspace(globals);
    throw error;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
