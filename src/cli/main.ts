import './zod-config.js';
import { Command, CommanderError } from 'commander';
import { ArchalError, errorMessage } from '../lib/errors.js';
import { configureCloneGitPath } from '../clones/github/git/env.js';
import { configureScratchDir } from '../lib/paths.js';
import { registerAppCommands } from './commands/app.js';
import { registerAttachCommands } from './commands/attach.js';
import { registerCloneCommands } from './commands/clone.js';
import { registerConfigCommands } from './commands/config.js';
import { registerIsolationCommands } from './commands/isolation.js';
import { registerPreprodCommands } from './commands/preprod.js';
import { registerReportCommands } from './commands/report.js';
import { registerRunCommands } from './commands/run.js';
import { registerVersionCommand, packageVersion } from './commands/version.js';
import { registerViewCommands } from './commands/view.js';
import { registerWorkflowCommands } from './commands/workflow.js';
import { describeError, exitCodeOf, EXIT, UserError } from './errors.js';
import { err } from './output.js';

configureScratchDir(process.env.ARCHAL_TMPDIR);
configureCloneGitPath(process.env.PATH);

const program = new Command('archal')
  .description('Test AI agents against a local GitHub clone before they ship, and turn failures into draft fix PRs.')
  .option('--cwd <dir>', 'run as if Archal was started in <dir>')
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError('(run with --help for usage)')
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ outputError: (text) => err(text.trimEnd()) });

registerVersionCommand(program);
registerConfigCommands(program);
registerWorkflowCommands(program);
registerCloneCommands(program);
registerIsolationCommands(program);
registerRunCommands(program);
registerPreprodCommands(program);
registerAppCommands(program);
registerAttachCommands(program);
registerViewCommands(program);
registerReportCommands(program);

// Every subcommand reports usage mistakes through exitOverride too.
for (const command of allCommands(program)) command.exitOverride().showHelpAfterError('(run with --help for usage)');

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = exitCodeFor(error);
});

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    return EXIT.invalidInput;
  }
  if (error instanceof UserError) {
    err(error.message);
    return error.exitCode;
  }
  if (error instanceof ArchalError) {
    err(describeError(error));
    return exitCodeOf(error);
  }
  err(`archal: unexpected error: ${errorMessage(error)}`);
  if (process.env.ARCHAL_DEBUG && error instanceof Error && error.stack) err(error.stack);
  return EXIT.failed;
}

function allCommands(root: Command): Command[] {
  return root.commands.flatMap((command) => [command, ...allCommands(command)]);
}
