import './zod-config.js';
import { Command, CommanderError } from 'commander';
import { ArchalError, errorMessage } from '../lib/errors.js';
import { configureCloneGitPath } from '../clones/github/git/env.js';
import { configureScratchDir } from '../lib/paths.js';
import { leaveSqliteStoresOpenAtExit } from '../store/exit.js';
import { packageVersion } from './commands/version.js';
import { describeError, exitCodeOf, EXIT, UserError } from './errors.js';
import { err, hasAnswered, printJson } from './output.js';
import { refuseBadEnvironmentDirs } from './env-dirs.js';
import { refuseBadWorkDir } from './work-dir.js';

/** Adds one top-level command (and its subcommands) to the program. */
export type RegisterCommands = (program: Command) => void;

/**
 * Runs the `archal` command line with the given commands. The full CLI registers them all
 * (src/cli/main.ts); a bundle for one command (src/cli/main-workflow.ts) registers only it, so that
 * starting it loads, compiles and registers nothing else: bin/archal.js starts it only when that
 * command is the one typed, where the two behave alike.
 */
export function runCli(commands: readonly RegisterCommands[]): void {
  configureScratchDir(process.env.ARCHAL_TMPDIR);
  // Once nothing is left to do, exit at once: Node.js would otherwise close the SQLite stores on its
  // way out (better-sqlite3 closes its connections), which leaveSqliteStoresOpenAtExit spares.
  leaveSqliteStoresOpenAtExit();
  process.once('beforeExit', () => process.exit());
  exitQuietlyWhenStdoutCloses();
  configureCloneGitPath(process.env.PATH);

  const program = new Command('archal')
    .description('Test AI agents against a local GitHub clone before they ship, and turn failures into draft fix PRs.')
    .option('--cwd <dir>', 'run as if Archal was started in <dir>')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text) => err(text.trimEnd()) });

  for (const register of commands) register(program);
  refuseBadWorkDir(program);
  refuseBadEnvironmentDirs(program);

  // Every subcommand reports usage mistakes through exitOverride too.
  for (const command of allCommands(program)) command.exitOverride().showHelpAfterError('(run with --help for usage)');

  program.parseAsync(process.argv).catch((error: unknown) => {
    process.exitCode = exitCodeFor(error);
  });
}

/**
 * A reader that stops early (`archal attach-status | head`) closes stdout under the command: Node.js
 * ignores SIGPIPE, so the next write fails with EPIPE, an unhandled error with a stack trace. Exit
 * as a command killed by SIGPIPE would, quietly, with the exit code the command had so far.
 */
function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    answerInJson('usage', error.message.replace(/^error: /, ''));
    return EXIT.invalidInput;
  }
  if (error instanceof UserError) {
    err(error.message);
    answerInJson(error.exitCode === EXIT.invalidInput ? 'invalid_input' : 'failed', error.message);
    return error.exitCode;
  }
  if (error instanceof ArchalError) {
    err(describeError(error));
    answerInJson(error.code, describeError(error));
    return exitCodeOf(error);
  }
  err(`archal: unexpected error: ${errorMessage(error)}`);
  if (process.env.ARCHAL_DEBUG && error instanceof Error && error.stack) err(error.stack);
  answerInJson('unexpected', errorMessage(error));
  return EXIT.failed;
}

/**
 * A command given `--json` (or `archal run -o json`) that stops before printing its answer still
 * answers in JSON, so that a script always reads one object from stdout:
 * `{"status": "error", "error": {"code", "message"}}`.
 */
function answerInJson(code: string, message: string): void {
  const args = process.argv.slice(2);
  const end = args.indexOf('--');
  if (hasAnswered() || !asksForJson(end === -1 ? args : args.slice(0, end))) return;
  printJson({ status: 'error', error: { code, message } });
}

function asksForJson(args: readonly string[]): boolean {
  return args.some(
    (arg, index) =>
      arg === '--json' ||
      arg === '-ojson' ||
      arg === '--output=json' ||
      ((arg === '-o' || arg === '--output') && args[index + 1] === 'json'),
  );
}

function allCommands(root: Command): Command[] {
  return root.commands.flatMap((command) => [command, ...allCommands(command)]);
}
