import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('reports of scenario runs');
  report
    .command('merge')
    .description(
      "merge shard results (directories holding results.json, as the Action's shard artifacts do) into one report; exit 0 every scenario meets the threshold, 1 not, 2 invalid input",
    )
    .argument('<dirs...>', 'shard directories')
    .option('--json', 'print the merged results (the `archal run -o json` format) on stdout')
    .action(async (dirs: string[], options: { json?: boolean }, command: Command) => {
      const { reportMerge } = await import('../actions/report.js');
      process.exitCode = reportMerge(globals(command), dirs, options);
    });
}
