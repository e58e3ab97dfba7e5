import { Option, type Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;
const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description(
      'run scenarios against fresh GitHub clones and score them (exit 0 every scenario meets the threshold, 1 not, 2 invalid input)',
    )
    .argument(
      '[scenarios...]',
      'scenario files or directories (default: .archal.json "scenarios", else archal/ and scenarios/)',
    )
    .option('--runs <n>', 'runs per scenario (overrides the scenarios and .archal.json)')
    .option('--pass-threshold <percent>', 'exit 1 unless every scenario reaches this satisfaction (0-100)', '0')
    .option('--concurrency <n>', 'runs at once', '4')
    .option('--tag <tag>', 'only scenarios with this tag (repeatable)', collect)
    .option('--seed <name|file>', 'seed every run with this instead of the scenarios’ own')
    .addOption(
      new Option('-o, --output <format>', 'result format on stdout')
        .choices(['terminal', 'json', 'junit'])
        .default('terminal'),
    )
    .option('-q, --quiet', 'no live progress')
    .option('-v, --verbose', 'every criterion of every run, not only failures')
    .option('--harness <command>', 'the agent command (overrides .archal.json "agent")')
    .option('--require-judge', 'fail instead of skipping [P] criteria when no evaluator is configured')
    .option('--preflight-only', 'only check that the agent starts: run it once with ARCHAL_PREFLIGHT=1')
    .option(
      '--shard <i/n>',
      'run only the i-th of n deterministic slices of the (scenario × run) list, e.g. 2/4 (merge them with `archal report merge`)',
    )
    .option(
      '--record <dir>',
      'also write the results and every run’s record into DIR (results.json, runs/, and shard.json with --shard): what `archal report merge` reads',
    )
    .action(async (scenarios: string[], options: Record<string, unknown>, command: Command) => {
      const { runCommand } = await import('../actions/run.js');
      process.exitCode = await runCommand(globals(command), scenarios, options);
    });

  const scenario = program.command('scenario').description('list and validate scenario files');
  scenario
    .command('list')
    .description('list the scenarios `archal run` would run')
    .option('--json', 'print {"scenarios": [...], "errors": [...]} on stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { scenarioList } = await import('../actions/run.js');
      process.exitCode = await scenarioList(globals(command), options);
    });
  scenario
    .command('validate')
    .description('check scenario files without running them (exit 0 valid, 2 invalid)')
    .argument('<files...>', 'scenario files or directories')
    .option('--json', 'print {"valid", "scenarios": [...]} on stdout')
    .action(async (files: string[], options: { json?: boolean }, command: Command) => {
      const { scenarioValidate } = await import('../actions/run.js');
      process.exitCode = await scenarioValidate(globals(command), files, options);
    });

  program
    .command('init')
    .description(
      'set this repository up for Archal: .archal.json, a harness template, a first scenario, .gitignore entries (never overwrites)',
    )
    .action(async (_options: unknown, command: Command) => {
      const { initCommand } = await import('../actions/run-init.js');
      process.exitCode = await initCommand(globals(command));
    });

  program
    .command('schema')
    .description(
      'print a JSON Schema: config (.archal.json), results (archal run -o json), seed (GitHub clone seeds), preprod-result, preprod-failures',
    )
    .argument('<name>', 'config, results, seed, preprod-result or preprod-failures')
    .action(async (name: string) => {
      const { printSchema } = await import('../actions/run.js');
      process.exitCode = await printSchema(name);
    });
}
