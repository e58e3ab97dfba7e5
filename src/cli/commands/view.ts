import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

export function registerViewCommands(program: Command): void {
  program
    .command('view')
    .description(
      'a local web viewer of scenario suites, pre-prod loops and workflow runs (prints its URL, token included; Ctrl-C stops it)',
    )
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1: this machine only)')
    .option('--open', 'open the URL in the browser')
    .action(async (options: { port?: string; host?: string; open?: boolean }, command: Command) => {
      const { viewCommand } = await import('../actions/view.js');
      process.exitCode = await viewCommand(globals(command), options);
    });
}
