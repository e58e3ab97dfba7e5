import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

export function registerPreprodCommands(program: Command): void {
  const preprod = program
    .command('preprod')
    .description(
      'the pre-prod loop: run scenarios, classify failures, let a coding agent fix them, validate, open a draft PR',
    );

  preprod
    .command('plan')
    .description(
      'inspect a repository for the loop (harness, config, scenarios, origin, test command) and optionally write starters',
    )
    .option('--repo <dir>', 'the repository', '.')
    .option('--write-scenarios [dir]', 'write starter scenarios that validate (default dir: archal)')
    .option('--write-config', 'write .archal.json, only when there is none')
    .option('--out <file>', 'write the plan JSON to this file')
    .option('--json', 'print the plan JSON on stdout')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { preprodPlan } = await import('../actions/preprod.js');
      process.exitCode = await preprodPlan(globals(command), options);
    });

  preprod
    .command('run')
    .description(
      'run the loop; exit 0 passed, planned or dry_run, 1 any other status, 2 invalid input. Flags override .archal.json "preprod".',
    )
    .argument(
      '[scenarios...]',
      'scenario files or directories (default: .archal.json "scenarios", else archal/ and scenarios/)',
    )
    .option('--repo <dir>', 'the repository', '.')
    .option('--plan', 'resolve the loop (scenarios, harness, origin) and stop: status planned')
    .option('--runs <n>', 'runs per scenario')
    .option('--pass-threshold <percent>', 'satisfaction every scenario must reach, 0-100 (default 100)')
    .option('--concurrency <n>', 'scenario runs at once (default 4)')
    .option('--dry-run', 'run and classify, then stop before any fix command: status dry_run')
    .option('--max-fix-attempts <n>', 'fix attempts before giving up, 0-10 (default 2)')
    .option('--allow-external-execution', 'allow fix, validation and PR commands to run (they never run without it)')
    .option(
      '--fix-command <command>',
      'the coding agent that patches the repository (gets ARCHAL_PREPROD_FAILURES_JSON)',
    )
    .option('--fix-workflow <name>', 'a DAG workflow as the fixer, instead of --fix-command')
    .option('--validation-command <command>', 'run after the scenarios pass (e.g. the test suite)')
    .option('--open-pr', 'publish the fix as a draft pull request on origin and verify it')
    .option('--pr-command <command>', 'publish with this command instead (gets ARCHAL_PREPROD_VALIDATION_JSON)')
    .option('--artifacts <dir>', 'where preprod-result.json and preprod-failures.json go (default .archal/preprod)')
    .option('--max-cost-usd <amount>', 'stop before a fix attempt that would exceed this budget')
    .option(
      '--pass-env <names...>',
      'environment variables fix, validation and PR commands may see (repeatable, or comma-separated)',
    )
    .option(
      '--harness <path-or-command>',
      'the agent: a harness file or folder (harness.json), or a command (overrides .archal.json "agent")',
    )
    .option('--json', 'print preprod-result.json on stdout')
    .action(async (scenarios: string[], options: Record<string, unknown>, command: Command) => {
      const { preprodRun } = await import('../actions/preprod.js');
      process.exitCode = await preprodRun(globals(command), scenarios, options);
    });
}
