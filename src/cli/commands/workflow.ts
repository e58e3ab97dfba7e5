import { Option, type Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
const words = (values: string[]) => values.join(' ');

export function registerWorkflowCommands(program: Command): void {
  const workflow = program
    .command('workflow')
    .description('list, validate, run, resume and answer DAG workflows (run inside a git repository)');

  workflow
    .command('list')
    .description('list the workflows Archal finds, and the files that failed to load')
    .option('--json', 'print {"workflows": [...], "errors": [{"file", "kind", "message"}]} on stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { workflowList } = await import('../actions/workflow-definitions.js');
      process.exitCode = await workflowList(globals(command), options);
    });

  workflow
    .command('validate')
    .description('check a workflow without running it (exit 0 valid, 2 invalid)')
    .argument('<name|file>', 'a workflow name, or the path of a YAML file')
    .option('--json', 'print {"valid", "errors": [...], "warnings": [...]} on stdout')
    .action(async (target: string, options: { json?: boolean }, command: Command) => {
      const { workflowValidate } = await import('../actions/workflow-definitions.js');
      process.exitCode = await workflowValidate(globals(command), target, options);
    });

  workflow
    .command('run')
    .description(
      'run a workflow; after a failed run of it here, resume that run (exit 0 completed or paused, 1 failed, cancelled or refused, 2 invalid input)',
    )
    .argument('<name|file>', 'a workflow name, or the path of a YAML file')
    .argument('[message...]', 'the request, available to nodes as $USER_MESSAGE / $ARGUMENTS')
    .option('--json', 'print the run result as JSON on stdout (progress stays on stderr)')
    .option('--context <text>', 'issue or PR context, available as $CONTEXT')
    .option(
      '--branch <name>',
      'run in a git worktree of this branch at $ARCHAL_HOME/worktrees/<repo>/<branch>/ (created or reused)',
    )
    .option('--from <ref>', 'start point of a new --branch (default HEAD)')
    .option('--no-worktree', 'run in this repository, not a worktree (with --branch: check that branch out here)')
    .option('--fresh', 'start over instead of resuming the last failed run')
    .option('--resume', 'resume the last failed run of this workflow here; refused (exit 1) when there is none')
    .option(
      '--input <name=value>',
      "a value for one of the workflow's declared inputs ($INPUTS.<name>); repeat per input",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (target: string, message: string[], options: Record<string, unknown>, command: Command) => {
      const { workflowRun } = await import('../actions/workflow-runs.js');
      process.exitCode = await workflowRun(globals(command), target, words(message), options);
    });

  workflow
    .command('resume')
    .description('resume a failed or interrupted run: completed nodes are skipped, the rest run')
    .argument('<run-id>', 'the run id, or a unique prefix of it')
    .option('--json', 'print the run result as JSON on stdout')
    .action(async (runId: string, options: { json?: boolean }, command: Command) => {
      const { workflowResume } = await import('../actions/workflow-runs.js');
      process.exitCode = await workflowResume(globals(command), runId, options);
    });

  workflow
    .command('approve')
    .description('approve a paused run and continue it here')
    .argument('<run-id>', 'the run id, or a unique prefix of it')
    .argument('[comment...]', 'a comment; the node output when its approval sets capture_response')
    .option('--decision <id>', "one of the approval's declared decisions (default: approve)")
    .option('--json', 'print the run result as JSON on stdout')
    .action(
      async (runId: string, comment: string[], options: { json?: boolean; decision?: string }, command: Command) => {
        const { workflowApprove } = await import('../actions/workflow-runs.js');
        process.exitCode = await workflowApprove(globals(command), runId, words(comment), options);
      },
    );

  workflow
    .command('reject')
    .description('reject a paused run: it is cancelled')
    .argument('<run-id>', 'the run id, or a unique prefix of it')
    .argument('[reason...]', 'why')
    .option('--json', 'print the outcome as JSON on stdout')
    .action(async (runId: string, reason: string[], options: { json?: boolean }, command: Command) => {
      const { workflowReject } = await import('../actions/workflow-runs.js');
      process.exitCode = await workflowReject(globals(command), runId, words(reason), options);
    });

  workflow
    .command('cancel')
    .description('cancel a run and stop the processes of its running nodes')
    .argument('<run-id>', 'the run id, or a unique prefix of it')
    .option('--json', 'print the outcome as JSON on stdout')
    .action(async (runId: string, options: { json?: boolean }, command: Command) => {
      const { workflowCancel } = await import('../actions/workflow-runs.js');
      process.exitCode = await workflowCancel(globals(command), runId, options);
    });

  workflow
    .command('status')
    .description('active, paused and recent runs with their node states')
    .option('--json', 'print {"active": [...], "paused": [...], "recent": [...]} on stdout')
    .option('--limit <n>', 'how many recent runs to show', '10')
    .action(async (options: { json?: boolean; limit?: string }, command: Command) => {
      const { workflowStatus } = await import('../actions/workflow-status.js');
      process.exitCode = await workflowStatus(globals(command), options);
    });

  const event = workflow.command('event').description('record events on a run');
  event
    .command('emit')
    .description('record an event on a run (nodes get ARCHAL_RUN_ID for this); unknown types exit 1')
    .addOption(new Option('--run-id <id>', 'the run id, or a unique prefix of it').makeOptionMandatory())
    .addOption(new Option('--type <type>', 'one of the workflow event types').makeOptionMandatory())
    .option('--data <json>', 'event data as a JSON object (invalid JSON: a warning, and the event has no data)')
    .option('--node <id>', 'the node the event is about')
    .action(async (options: { runId: string; type: string; data?: string; node?: string }, command: Command) => {
      const { workflowEventEmit } = await import('../actions/workflow-status.js');
      process.exitCode = await workflowEventEmit(globals(command), options);
    });
}
