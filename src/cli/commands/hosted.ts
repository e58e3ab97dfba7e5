import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import type { GlobalOptions } from '../host.js';
import { out } from '../output.js';

const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;

const HARNESS_HERE =
  'here the harness is a file of the repository (.archal/harness.mjs, which `archal init` writes) or .archal.json "agent"; `archal harness check <path>` checks one';
const RUNS_HERE =
  'here every run is recorded locally: `archal view` shows them, and .archal/cache/runs/<runId>.json holds each run’s record (requests, state diff, answer, stderr)';

/**
 * Commands of Archal's hosted workspace that have no local counterpart: each is refused (exit 2,
 * as the hosted flags of `archal run` are) with what to do here instead, rather than commander's
 * bare "unknown command".
 */
const HOSTED: Array<{ path: string[]; message: string }> = [
  {
    path: ['harness', 'list'],
    message: `\`archal harness list\` lists Archal's hosted workspace harnesses; ${HARNESS_HERE}.`,
  },
  {
    path: ['harness', 'create'],
    message: `\`archal harness create\` saves a harness in Archal's hosted workspace; ${HARNESS_HERE}.`,
  },
  {
    path: ['workspace'],
    message:
      "`archal workspace` manages Archal's hosted workspace and its API keys; there is none here, and no key is needed (see `archal login`).",
  },
  {
    path: ['seed'],
    message:
      "`archal seed` lists Archal's hosted seeds; `archal clone seeds` lists the seeds here (a scenario's `seed:` also takes a seed file).",
  },
  {
    path: ['agent'],
    message: `\`archal agent\` runs Archal's hosted packaged agents (openclaw, hermes, github-octokit); your own agent runs here through its harness: ${HARNESS_HERE}.`,
  },
  {
    path: ['openclaw'],
    message: `\`archal openclaw\` runs OpenClaw in Archal's hosted sandbox; your own agent runs here through its harness: ${HARNESS_HERE}.`,
  },
  { path: ['inspect'], message: `\`archal inspect\` reads Archal's hosted sessions and runs; ${RUNS_HERE}.` },
  { path: ['export'], message: `\`archal export\` downloads a run from Archal's hosted service; ${RUNS_HERE}.` },
  { path: ['trace'], message: `\`archal trace\` reads a hosted run's trace; ${RUNS_HERE}.` },
  {
    path: ['scenario', 'push'],
    message:
      '`archal scenario push` uploads scenarios to Archal\'s hosted workspace; here they stay in the repository (archal/ or .archal.json "scenarios"): `archal scenario validate <files>` checks them.',
  },
  {
    path: ['clone', 'tools'],
    message:
      "`archal clone tools` lists the tools of Archal's hosted clones; `archal clone operations` lists the GitHub REST operations the local clone implements.",
  },
  ...['list', 'status', 'stop', 'renew', 'seed', 'reset', 'autoloop', 'attach'].map((name) => ({
    path: ['clone', name],
    message: `\`archal clone ${name}\` manages Archal's hosted clone sessions; here \`archal clone start github\` runs a local clone in the foreground (Ctrl-C stops it; each \`archal run\` starts its own), and its control API reseeds and resets it (POST /_archal/seed, POST /_archal/reset).`,
  })),
  {
    path: ['config', 'show'],
    message:
      "`archal config show` prints Archal's hosted CLI settings; here the settings are .archal.json: `archal config validate --json` checks it and names the harness a run would use.",
  },
];

/** Archal's hosted CLI analytics switch: this Archal sends none, so a script turning it off goes on. */
const NO_TELEMETRY =
  'This Archal sends no telemetry (no analytics, no usage reports): there is nothing to turn on or off.';

export function registerHostedCommands(program: Command): void {
  const harness = program.command('harness').description('check a harness: run it once in preflight mode');
  harness
    .command('check')
    .description(
      'run a harness once with ARCHAL_PREFLIGHT=1, as `archal run --preflight-only` does (exit 0 passed, 1 failed, 2 invalid input)',
    )
    .argument(
      '[path]',
      'a harness file or folder, or a command line (default: .archal.json "agent", else the repository’s harness)',
    )
    .option('-t, --timeout <seconds>', 'seconds it may take (default: .archal.json "timeout", else 60)')
    .option('--json', 'print {"preflight": {"agent", "passed", "detail", "durationMs", "answer", "stderrTail"}}')
    .action(async (path: string | undefined, options: { timeout?: string; json?: boolean }, command: Command) => {
      const { runCommand } = await import('../actions/run.js');
      process.exitCode = await runCommand(globals(command), [], {
        preflightOnly: true,
        ...(path !== undefined ? { harness: path } : {}),
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
        ...(options.json ? { json: true } : {}),
      });
    });

  registerConfigSet(program);
  for (const { path, message } of HOSTED) {
    const parent = path.length === 1 ? program : childOf(program, path[0]!);
    parent
      .command(path.at(-1)!, { hidden: true })
      .argument('[args...]')
      .allowUnknownOption()
      .addOption(new Option('--json').hideHelp())
      .action(() => {
        throw new UserError(message);
      });
  }
}

function registerConfigSet(program: Command): void {
  childOf(program, 'config')
    .command('set', { hidden: true })
    .argument('<key>')
    .argument('[value]')
    .action((key: string) => {
      if (key.toLowerCase() !== 'telemetry')
        throw new UserError(
          `\`archal config set ${key}\` changes Archal's hosted CLI settings; here settings are keys of .archal.json (\`archal config schema\` lists them).`,
        );
      out(NO_TELEMETRY);
    });
}

function childOf(program: Command, name: string): Command {
  const found = program.commands.find((command) => command.name() === name);
  if (!found) throw new Error(`archal: no command ${name} to add a hosted subcommand to`);
  return found;
}
