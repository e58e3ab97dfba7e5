import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

export function registerIsolationCommands(program: Command): void {
  const isolation = program.command('isolation').description('the git worktrees workflow runs use (--branch)');

  isolation
    .command('list')
    .description('worktrees grouped by repository: path, branch, workflow, days since activity')
    .option('--json', 'print {"repositories": [{"repoRoot", "worktrees": [...]}]} on stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { isolationList } = await import('../actions/isolation.js');
      process.exitCode = await isolationList(globals(command), options);
    });

  isolation
    .command('cleanup')
    .description(
      'remove worktrees idle for more than [days] (default 7); never one with uncommitted changes unless --force',
    )
    .argument('[days]', 'days without activity', '7')
    .option('--force', 'also remove worktrees with uncommitted changes')
    .option('--json', 'print the outcome as JSON on stdout')
    .action(async (days: string, options: { force?: boolean; json?: boolean }, command: Command) => {
      const { isolationCleanup } = await import('../actions/isolation.js');
      process.exitCode = await isolationCleanup(globals(command), days, options);
    });
}
