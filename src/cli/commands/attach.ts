import { Option, type Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;
const POLICIES = ['grade', 'reproduce', 'fix'];
const FORMATS = ['auto', 'otlp', 'archal', 'jsonl'];

/** Options every command that runs jobs shares (attach and attach-reprocess). */
function policyOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--execution-policy <policy>', 'stages per trace: grade, reproduce (default) or fix').choices(
        POLICIES,
      ),
    )
    .option('--runs <n>', 'reproduction runs per trace (default 1)')
    .option('--allow-external-execution', 'let the fix stage run the fix command or workflow (never without it)')
    .option('--fix-command <command>', 'the coding agent of the fix stage (policy fix)')
    .option('--fix-workflow <name>', 'a DAG workflow as the fixer, instead of --fix-command')
    .option('--open-pr', 'publish a fix as a draft pull request on origin (policy fix)')
    .option('--json', 'print the result as JSON on stdout');
}

export function registerAttachCommands(program: Command): void {
  policyOptions(
    program
      .command('attach')
      // `autoloop` is Archal's newer name of the command (its docs use both).
      .alias('autoloop')
      .description(
        'the post-prod loop: import traces, grade them, rebuild the state as a seed, reproduce failures, fix (exit 0, 1 when a job failed, 2 invalid input)',
      )
      .argument('[trace-dir]', 'a directory of exported traces to import and watch (a local file-backed attachment)')
      .option('--repo <dir>', 'the repository', '.')
      .option('--once', 'one pass: import what is there, process it, exit (default: keep watching until detach)')
      .addOption(new Option('--source <kind>', 'a database trace source').choices(['postgres', 'supabase']))
      .option('--database-url-env <name>', 'the environment variable holding its read-only connection string')
      .option('--source-name <name>', 'the source’s name (with --once and no --source: pull that registered source)')
      .option('--table <table>', 'the table or view of traces')
      .option('--query-file <file>', 'a file with the SELECT that returns the traces')
      .option(
        '--check',
        'verify the connection, that the role is read-only and that the mapping yields traces; register nothing',
      ),
  ).action(async (dir: string | undefined, options: Record<string, unknown>, command: Command) => {
    const { attachCommand } = await import('../actions/attach.js');
    process.exitCode = await attachCommand(globals(command), dir, options);
  });

  program
    .command('detach')
    .description('stop the watcher of a local file-backed attachment (database sources are not stopped this way)')
    .argument('<trace-dir>', 'the attached directory')
    .option('--repo <dir>', 'the repository', '.')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (dir: string, options: Record<string, unknown>, command: Command) => {
      const { detachCommand } = await import('../actions/attach.js');
      process.exitCode = await detachCommand(globals(command), dir, options);
    });

  program
    .command('attach-status')
    .description('the post-prod jobs by stage and status, the blocked ones with what they miss')
    .option('--repo <dir>', 'the repository', '.')
    .option('--json', 'print the status as JSON on stdout')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { attachStatusCommand } = await import('../actions/attach.js');
      process.exitCode = await attachStatusCommand(globals(command), options);
    });

  policyOptions(
    program
      .command('attach-reprocess')
      .description(
        'retry a terminal post-prod job after its blocker was fixed (exit 0, 1 when it failed, 2 invalid input)',
      )
      .argument('<trace-id>', 'the trace whose job to retry')
      .option('--repo <dir>', 'the repository', '.'),
  ).action(async (traceId: string, options: Record<string, unknown>, command: Command) => {
    const { reprocessCommand } = await import('../actions/attach.js');
    process.exitCode = await reprocessCommand(globals(command), traceId, options);
  });

  const traceSource = program
    .command('trace-source')
    .description(
      'normalize traces into .archal/attach/raw/: import files, watch a directory, receive OTLP pushes, pull Postgres',
    );
  traceSource
    .command('import')
    .description('import trace files (exit 0, 1 when a file was refused, 2 invalid input)')
    .argument('<paths...>', 'trace files or directories')
    .option('--repo <dir>', 'the repository', '.')
    .option('--preview', 'print what would be imported and why a file would be refused; write nothing')
    .addOption(new Option('--format <format>', 'the files’ format').choices(FORMATS).default('auto'))
    .option('--out <dir>', 'write normalized traces here instead of .archal/attach/raw/ (no job is queued)')
    .option('--source-name <name>', 'the source the traces are attributed to (default: import)')
    .option('--json', 'print the result as JSON on stdout')
    // A hosted upload, which Archal does not have: accepted only to be refused with what to run instead.
    .addOption(new Option('--upload').hideHelp())
    .addOption(new Option('--repository <owner/repo>').hideHelp())
    .action(async (paths: string[], options: Record<string, unknown>, command: Command) => {
      const { traceImportCommand } = await import('../actions/trace-source.js');
      process.exitCode = await traceImportCommand(globals(command), paths, options);
    });
  traceSource
    .command('status')
    .description('the trace sources and their counts')
    .option('--repo <dir>', 'the repository', '.')
    .option('--json', 'print the status as JSON on stdout')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { traceStatusCommand } = await import('../actions/trace-source.js');
      process.exitCode = await traceStatusCommand(globals(command), options);
    });
  traceSource
    .command('watch')
    .description('keep importing new and changed files of a directory until Ctrl-C')
    .argument('<dir>', 'the directory to watch')
    .option('--repo <dir>', 'the repository', '.')
    .addOption(new Option('--format <format>', 'the files’ format').choices(FORMATS).default('auto'))
    .option('--json', 'print one JSON line per imported file on stdout')
    .action(async (dir: string, options: Record<string, unknown>, command: Command) => {
      const { traceWatchCommand } = await import('../actions/trace-source.js');
      process.exitCode = await traceWatchCommand(globals(command), dir, options);
    });
  traceSource
    .command('serve')
    .description('receive OTLP/HTTP JSON pushes (POST /v1/traces) and import them until Ctrl-C')
    .option('--repo <dir>', 'the repository', '.')
    .option('--port <n>', 'the port (default 4318; 0 picks a free one)')
    .option('--host <host>', 'the address to listen on (default 127.0.0.1)')
    .option('--json', 'print the URL as a JSON line, then one JSON line per imported trace')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { traceServeCommand } = await import('../actions/trace-source.js');
      process.exitCode = await traceServeCommand(globals(command), options);
    });
  traceSource
    .command('sync')
    .description('pull traces from a Postgres table or view, read-only (exit 0, 1 when it failed, 2 invalid input)')
    .option('--repo <dir>', 'the repository', '.')
    .requiredOption('--database-url-env <name>', 'the environment variable holding the read-only connection string')
    .option('--query-file <file>', 'a file with the SELECT that returns the traces')
    .option('--table <table>', 'a table or view instead of a query')
    .option('--source-name <name>', 'the source the traces are attributed to (default: postgres)')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { traceSyncCommand } = await import('../actions/trace-source.js');
      process.exitCode = await traceSyncCommand(globals(command), options as { databaseUrlEnv: string });
    });
}
