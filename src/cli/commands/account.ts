import { Option, type Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

/**
 * Archal's hosted account commands. This Archal runs locally with no account, so a user (or a CI
 * script) coming from the hosted guide is told so and what to set instead, and carries on (exit 0):
 * failing `archal login` would stop a script for nothing.
 */
export function registerAccountCommands(program: Command): void {
  const hostedFlags = (command: Command) =>
    command
      .addOption(new Option('--no-browser', "Archal's hosted login flag; nothing to do here").hideHelp())
      .addOption(new Option('--device', "Archal's hosted login flag; nothing to do here").hideHelp())
      .addOption(new Option('--token <token>', "Archal's hosted login flag; the token is not needed").hideHelp());

  for (const name of ['login', 'logout', 'whoami'] as const) {
    // `login` shows in --help, so that a user looking for it learns there is none to do.
    const command = program
      .command(name, { hidden: name !== 'login' })
      .description('no account is needed here: says what to set instead (also logout, whoami)')
      .option('--json', 'print {"account": null, "message"} on stdout');
    if (name === 'login') hostedFlags(command);
    command.action(async (options: { json?: boolean }) => {
      const { accountCommand } = await import('../actions/account.js');
      process.exitCode = accountCommand(name, options);
    });
  }

  program
    .command('usage')
    .description('the scenario runs recorded in this repository, this month and in all (there is no quota)')
    .option('--json', 'print {"account", "cacheDir", "thisMonth", "all"} on stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { usageCommand } = await import('../actions/account.js');
      process.exitCode = usageCommand(globals(command), options);
    });
}
