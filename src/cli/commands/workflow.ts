import type { Command } from 'commander';
import type { GlobalOptions } from '../context.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;

export function registerWorkflowCommands(program: Command): void {
  const workflow = program
    .command('workflow')
    .description('list, validate and run DAG workflows (.archal/workflows/*.yaml, .archon/workflows/*.yaml)');

  workflow
    .command('list')
    .description('list the workflows Archal finds, and the files that failed to load')
    .option('--json', 'print {"workflows": [...], "errors": [{"file", "kind", "message"}]} on stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { workflowList } = await import('../workflow-actions.js');
      process.exitCode = await workflowList(globals(command), options);
    });

  workflow
    .command('validate')
    .description('check a workflow without running it (exit 0 valid, 2 invalid)')
    .argument('<name|file>', 'a workflow name, or the path of a YAML file')
    .option('--json', 'print {"valid", "errors": [...], "warnings": [...]} on stdout')
    .action(async (target: string, options: { json?: boolean }, command: Command) => {
      const { workflowValidate } = await import('../workflow-actions.js');
      process.exitCode = await workflowValidate(globals(command), target, options);
    });

  workflow
    .command('run')
    .description('run a workflow (exit 0 completed or paused, 1 failed or cancelled, 2 invalid input)')
    .argument('<name|file>', 'a workflow name, or the path of a YAML file')
    .argument('[message...]', 'the request, available to nodes as $USER_MESSAGE / $ARGUMENTS')
    .option('--json', 'print the run result as JSON on stdout (progress stays on stderr)')
    .option('--context <text>', 'issue or PR context, available as $CONTEXT')
    .option('--run-id <id>', 'use this run id instead of a generated one')
    .action(
      async (
        target: string,
        message: string[],
        options: { json?: boolean; context?: string; runId?: string },
        command: Command,
      ) => {
        const { workflowRun } = await import('../workflow-actions.js');
        process.exitCode = await workflowRun(globals(command), target, message.join(' '), options);
      },
    );
}
