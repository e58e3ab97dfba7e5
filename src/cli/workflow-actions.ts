import { EXIT, UserError } from '../lib/errors.js';
import { displayPath, formatProblem, type WorkflowProblem } from '../workflows/index.js';
import type { GlobalOptions } from './context.js';
import { err, out, printJson } from './output.js';
import { loadRepoContext } from './repo-context.js';
import { discover, findWorkflow, formatProblems, jsonProblem } from './workflow-setup.js';

export async function workflowList(globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  const ctx = await loadRepoContext(globals);
  const discovery = await discover(ctx);
  if (options.json) {
    printJson({
      workflows: discovery.workflows.map((workflow) => ({
        name: workflow.name,
        description: workflow.description,
        file: workflow.file,
        scope: workflow.scope,
        nodes: workflow.nodes.length,
        tags: workflow.tags,
      })),
      errors: discovery.errors.map(({ file, kind, message }) => ({ file, kind, message })),
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
    err(`⚠️ ${displayPath(error.file, ctx.cwd)} (${error.kind}):\n${indent(error.message)}`);
  for (const warning of discovery.warnings) err(`warning: ${formatProblem(warning)}`);
  return EXIT.ok;
}

export async function workflowValidate(
  globals: GlobalOptions,
  target: string,
  options: { json?: boolean },
): Promise<number> {
  const ctx = await loadRepoContext(globals);
  let errors: WorkflowProblem[];
  let warnings: WorkflowProblem[];
  let name: string | undefined;
  try {
    const lookup = await findWorkflow(ctx, target);
    errors = lookup.kind === 'invalid' ? lookup.errors : [];
    warnings = lookup.warnings;
    name = lookup.kind === 'found' ? lookup.workflow.name : undefined;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    errors = [{ file: target, message: error.message }];
    warnings = [];
  }
  const valid = errors.length === 0;
  if (options.json)
    printJson({ valid, workflow: name, errors: errors.map(jsonProblem), warnings: warnings.map(jsonProblem) });
  else {
    if (valid) out(`✓ ${name} is valid.`);
    else
      err(`✗ invalid workflow (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${formatProblems(errors)}`);
    if (warnings.length > 0) err(`warnings:\n${formatProblems(warnings)}`);
  }
  return valid ? EXIT.ok : EXIT.invalidInput;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
