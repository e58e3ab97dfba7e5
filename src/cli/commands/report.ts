import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

/** `archal report <id> --html FILE` (one self-contained file of a record) and `archal report merge <dirs…>` (shards). */
export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description(
      'write one self-contained HTML file (no network request when opened) of a run, suite, loop or workflow run; `report merge` merges shard results',
    )
    .argument(
      '<run-or-suite-id>',
      'a suite, scenario run, pre-prod loop or workflow run id (or a unique prefix), a pre-prod artifacts directory, or last',
    )
    .option('--html <file>', 'the file to write (- for stdout)')
    .action(async (reference: string, options: { html?: string }, command: Command) => {
      const { reportCommand } = await import('../actions/view.js');
      process.exitCode = await reportCommand(globals(command), reference, options);
    });
  report
    .command('merge')
    .description(
      "merge shard results (directories holding results.json, as the Action's shard artifacts and `archal run --shard --record` write them) into one report; exit 0 every scenario meets the threshold, 1 not, 2 invalid input",
    )
    .argument('<dirs...>', 'shard directories')
    .option('--json', 'print the merged results (the `archal run -o json` format) on stdout')
    .action(async (dirs: string[], options: { json?: boolean }, command: Command) => {
      const { reportMerge } = await import('../actions/report.js');
      process.exitCode = reportMerge(globals(command), dirs, options);
    });
}
