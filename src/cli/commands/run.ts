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
    .option('-n, --runs <n>', 'runs per scenario (overrides the scenarios and .archal.json)')
    .option('--task <text>', "run one inline task instead of scenario files (Archal's one-off test)")
    .option('--clone <names>', 'clones the inline task uses, comma-separated or repeated (default: inferred)', collect)
    .addOption(new Option('--twin <names>', 'alias of --clone').argParser(collect).hideHelp())
    .option('--read-only', 'with --task: the only check is that the agent changed nothing')
    .option('-t, --timeout <seconds>', 'seconds each run may take (overrides the scenarios and .archal.json)')
    .option('-c, --config <file>', 'read this config file instead of .archal.json (its paths are relative to it)')
    .option('-m, --model <model>', "the evaluator's model for [P] criteria and Setup seeds (over every other setting)")
    .option('--agent-model <model>', 'passed to the agent as AGENT_MODEL (over .archal.json "agentModel")')
    .option('--rate-limit <n>', 'the clone answers 429 (secondary rate limit) after N requests per token')
    .option('--pass-threshold <percent>', 'exit 1 unless every scenario reaches this satisfaction (0-100)', '0')
    .option('--concurrency <n>', 'runs at once', '4')
    .option('--tag <tag>', 'only scenarios with this tag (repeatable)', collect)
    .option('--seed <name|file>', 'seed every run with this instead of the scenarios’ own')
    .option('--seed-cache', 'reuse seeds generated from ## Setup earlier (.archal/cache/seeds/)')
    .option('--clear-seed-cache', 'forget every seed generated from ## Setup before running')
    .option('--fresh-seed', 'generate Setup seeds anew and seed every run afresh (the default for runs)')
    .option('--keep-state', "a scenario's runs share one clone, in order, without seeding it again")
    .addOption(new Option('--no-reseed', 'alias of --keep-state').hideHelp())
    .option('--save-seed <file>', 'write the seed the scenario starts from (generated, named or inline) to FILE')
    .option('--replay-seed <file>', 'seed every run from FILE (e.g. written by --save-seed)')
    .addOption(new Option('--no-failure-analysis', 'accepted for Archal compatibility (there is no LLM post-mortem)'))
    .addOption(
      new Option('-o, --output <format>', 'result format on stdout')
        .choices(['terminal', 'json', 'junit'])
        .default('terminal'),
    )
    .option('--json', 'the same as -o json')
    .option('-q, --quiet', 'no live progress')
    .option('-v, --verbose', 'every criterion of every run, not only failures')
    .option(
      '--harness <path-or-command>',
      'the agent: a harness file or folder (harness.json), or a command (overrides .archal.json "agent")',
    )
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
    .addOption(new Option('--docker').hideHelp())
    .addOption(new Option('--no-docker', 'accepted: the agent runs locally anyway').hideHelp())
    .addOption(
      new Option(
        '--allow-low-fidelity-networking',
        'accepted: local runs reach the clone by URL or route mode',
      ).hideHelp(),
    )
    .addOption(new Option('--agent <name-or-dir>').hideHelp())
    .addOption(new Option('--openclaw-home <dir>').hideHelp())
    .addOption(new Option('--engine-token <token>').hideHelp())
    .addOption(new Option('--engine-twin-urls <json>').hideHelp())
    .addOption(new Option('--api-base-urls <json>').hideHelp())
    .addOption(new Option('--api-proxy-url <url>').hideHelp())
    .addOption(new Option('--engine-timeout <seconds>').hideHelp())
    .addOption(new Option('--sandbox').hideHelp())
    .option(
      '--proxy',
      'route mode for scenarios that do not set routing: the agent reaches the clone as api.github.com too',
    )
    .option('--no-proxy', 'no route mode for scenarios that do not set routing: only GITHUB_API_URL and the clone URLs')
    .addOption(new Option('--api-key <key>').hideHelp())
    .addOption(new Option('--reuse-session [id]').hideHelp())
    .addOption(new Option('--workspace-scenario <id>').hideHelp())
    .addOption(new Option('--run-project-id <id>').hideHelp())
    .addOption(new Option('--engine-endpoint <url>').hideHelp())
    .action(async (scenarios: string[], options: Record<string, unknown>, command: Command) => {
      const { runCommand } = await import('../actions/run.js');
      // `-o terminal` is also the default: only one typed beside --json asks for two formats.
      const outputTyped = command.getOptionValueSource('output') === 'cli';
      process.exitCode = await runCommand(globals(command), scenarios, { ...options, outputTyped });
    });

  const scenario = program.command('scenario').description('list and validate scenario files');
  scenario
    .command('list')
    .description('list the scenarios `archal run` would run')
    .argument('[scenarios...]', 'scenario files or directories (default: those `archal run` runs without arguments)')
    .option('--json', 'print {"scenarios": [...], "errors": [...]} on stdout')
    .option('--source <source>', "local: the repository's scenario files (Archal's hosted workspace is not here)")
    .action(async (paths: string[], options: { json?: boolean; source?: string }, command: Command) => {
      const { scenarioList } = await import('../actions/run.js');
      process.exitCode = await scenarioList(globals(command), paths, options);
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
