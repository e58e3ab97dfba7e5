import { relative } from 'node:path';
import { EXIT, UserError } from '../lib/errors.js';
import { detectBaseBranch } from '../lib/git.js';
import { createProviderRegistry } from '../providers/registry.js';
import {
  displayPath,
  executeWorkflow,
  formatProblem,
  type RunResult,
  type WorkflowProblem,
} from '../workflows/index.js';
import { loadContext, type GlobalOptions } from './context.js';
import { err, out, printJson } from './output.js';
import { progressSink } from './progress.js';
import { discover, findWorkflow, formatProblems } from './workflow-setup.js';

export async function workflowList(globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  const ctx = loadContext(globals);
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
      warnings: discovery.warnings,
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
  const ctx = loadContext(globals);
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

export async function workflowRun(
  globals: GlobalOptions,
  target: string,
  message: string,
  options: { json?: boolean; context?: string; runId?: string },
): Promise<number> {
  const ctx = loadContext(globals);
  const lookup = await findWorkflow(ctx, target);
  if (lookup.kind === 'invalid') {
    if (options.json)
      printJson({ valid: false, errors: lookup.errors.map(jsonProblem), warnings: lookup.warnings.map(jsonProblem) });
    err(`✗ cannot run ${displayPath(lookup.file, ctx.cwd)}: it is invalid:\n${formatProblems(lookup.errors)}`);
    return EXIT.invalidInput;
  }
  for (const warning of lookup.warnings) err(`warning: ${formatProblem(warning)}`);

  const abort = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts === 1) {
      err('Cancelling the run (Ctrl-C again to exit immediately)…');
      abort.abort();
    } else process.exit(130);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  let result: RunResult;
  try {
    result = await executeWorkflow(
      { providers: createProviderRegistry(ctx.config), sink: progressSink(err), log: err },
      {
        workflow: lookup.workflow,
        cwd: ctx.cwd,
        userMessage: message,
        runId: options.runId,
        context: options.context,
        baseBranch: ctx.config.worktree?.baseBranch ?? (() => detectBaseBranch(ctx.cwd)),
        signal: abort.signal,
      },
    );
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }

  if (options.json) printJson(runJson(result));
  else out(runSummary(result, ctx.cwd));
  return result.status === 'completed' || result.status === 'paused' ? EXIT.ok : EXIT.failed;
}

/** The `--json` shape of a run (a contract: keep field names stable). */
export function runJson(result: RunResult) {
  return {
    runId: result.runId,
    workflow: result.workflow,
    status: result.status,
    nodes: Object.fromEntries(
      Object.entries(result.nodes).map(([id, node]) => [
        id,
        {
          state: node.state,
          output: node.output ?? null,
          error: node.error ?? null,
          skipReason: node.skipReason ?? null,
          attempts: node.attempts,
          iterations: node.iterations ?? null,
          durationMs: node.durationMs ?? null,
        },
      ]),
    ),
    error: result.error ?? null,
    pause: result.pause ?? null,
    usage: result.usage ?? null,
    durationMs: result.durationMs,
    artifactsDir: result.artifactsDir,
    logPath: result.logPath,
  };
}

function runSummary(result: RunResult, cwd: string): string {
  const rows = Object.entries(result.nodes).map(([id, node]) => {
    const detail = node.state === 'failed' ? node.error : node.state === 'skipped' ? node.skipReason : node.output;
    return `  ${icon(node.state)} ${id.padEnd(24)} ${node.state.padEnd(10)} ${oneLine(detail ?? '')}`;
  });
  return [
    `Run ${result.runId}: ${result.workflow} ${result.status}`,
    ...rows,
    ...(result.error ? [`  ${result.error}`] : []),
    `  artifacts: ${relative(cwd, result.artifactsDir)}`,
    `  log:       ${relative(cwd, result.logPath)}`,
  ].join('\n');
}

function icon(state: string): string {
  return (
    ({ completed: '✓', failed: '✗', skipped: '↷', paused: '⏸', pending: '·', running: '…' } as Record<string, string>)[
      state
    ] ?? '·'
  );
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function jsonProblem(problem: WorkflowProblem) {
  return {
    message: problem.message,
    file: problem.file,
    node: problem.node ?? null,
    field: problem.field ?? null,
    line: problem.line ?? null,
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
