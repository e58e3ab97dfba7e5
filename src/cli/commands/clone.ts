import type { Command } from 'commander';
import { resolve } from 'node:path';
import { EXIT, UserError } from '../../lib/errors.js';
import { err, out, printJson } from '../output.js';

interface StartOptions {
  seed?: string;
  port?: string;
  host?: string;
  token?: string;
  controlToken?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  rateLimit?: string;
  json?: boolean;
}

const cwdOf = (command: Command) => resolve((command.optsWithGlobals() as { cwd?: string }).cwd ?? process.cwd());

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UserError(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  return number;
}

async function startClone(clone: string, options: StartOptions, command: Command): Promise<number> {
  if (clone !== 'github') throw new UserError(`unknown clone "${clone}" (available: github)`);
  const port = integer(options.port, 'port', 0, 65535);
  const rateLimit = integer(options.rateLimit, 'rate-limit', 1, 100_000_000);
  if (options.webhookSecret && !options.webhookUrl) throw new UserError('--webhook-secret needs --webhook-url');
  if (options.webhookUrl && !/^https?:\/\//.test(options.webhookUrl))
    throw new UserError(`--webhook-url must be an http(s) URL (got "${options.webhookUrl}")`);
  const { startGitHubClone, SeedError } = await import('../../clones/github/index.js');
  let started;
  try {
    started = await startGitHubClone({
      seed: options.seed ?? 'small-project',
      port,
      host: options.host,
      token: options.token,
      controlToken: options.controlToken,
      cwd: cwdOf(command),
      rateLimit,
      webhook: options.webhookUrl ? { url: options.webhookUrl, secret: options.webhookSecret } : undefined,
    });
  } catch (error) {
    if (error instanceof SeedError) throw new UserError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use`);
    if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}`);
    throw error;
  }
  // Signal handlers go in before the clone is announced: whoever reads the URLs may stop it at once.
  const interrupted = new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const seed = started.handle.state().seed;
  if (options.json) {
    out(
      JSON.stringify({
        clone: 'github',
        seed,
        apiUrl: started.apiUrl,
        gitUrl: started.gitUrl,
        token: started.token,
        controlToken: started.controlToken,
        stateUrl: `${started.apiUrl}/_archal/state`,
        pid: process.pid,
      }),
    );
  } else {
    out(`GitHub clone running (seed: ${seed})`);
    out(`  API    ${started.apiUrl}   (also ${started.apiUrl}/api/v3)`);
    out(`  git    ${started.gitUrl}/<owner>/<repo>.git`);
    out(`  token  ${started.token}`);
    out(`  state  ${started.apiUrl}/_archal/state${started.controlToken ? '   (header X-Archal-Control-Token)' : ''}`);
    err('Press Ctrl-C to stop.');
  }
  await interrupted;
  await started.handle.stop();
  if (!options.json) err('GitHub clone stopped.');
  return EXIT.ok;
}

export function registerCloneCommands(program: Command): void {
  const clone = program.command('clone').description('run local clones of services agents talk to (the GitHub clone)');

  clone
    .command('start')
    .description('start a clone and keep it running until interrupted (prints its URLs and token)')
    .argument('<clone>', 'which clone: github')
    .option(
      '--seed <name|file>',
      'a named seed (empty, small-project, stale-issues, large-backlog, merge-conflict) or a seed JSON file',
      'small-project',
    )
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'token of the default user (default: a random ghp_ token)')
    .option(
      '--control-token <token>',
      'require this token in X-Archal-Control-Token for the control API (/_archal/*; default: open)',
    )
    .option('--webhook-url <url>', 'deliver webhooks for state changes to this URL')
    .option('--webhook-secret <secret>', 'sign webhooks with this secret (X-Hub-Signature-256)')
    .option('--rate-limit <n>', 'allow only N requests per hour per token (then 403 with rate-limit headers)')
    .option('--json', 'print {"apiUrl", "gitUrl", "token", …} as one JSON line on stdout')
    .action(async (name: string, options: StartOptions, command: Command) => {
      process.exitCode = await startClone(name, options, command);
    });

  clone
    .command('operations')
    .description('list the GitHub REST operations the clone implements')
    .option('--markdown', 'print the Markdown page (docs/github-clone-operations.md)')
    .option('--json', 'print [{"operationId", "method", "path", "documentation"}]')
    .action(async (options: { markdown?: boolean; json?: boolean }) => {
      const { ROUTES, operationList, operationsMarkdown } = await import('../../clones/github/index.js');
      if (options.markdown) process.stdout.write(operationsMarkdown(ROUTES));
      else if (options.json) printJson(operationList(ROUTES));
      else
        for (const op of operationList(ROUTES)) out(`${op.operationId.padEnd(48)} ${op.method.padEnd(6)} ${op.path}`);
    });

  clone
    .command('seeds')
    .description('list the named seeds of the GitHub clone')
    .option('--json', 'print [{"name", "description"}]')
    .action(async (options: { json?: boolean }) => {
      const { NAMED_SEEDS, SEED_DESCRIPTIONS } = await import('../../clones/github/index.js');
      const seeds = NAMED_SEEDS.map((name) => ({ name, description: SEED_DESCRIPTIONS[name] }));
      if (options.json) printJson(seeds);
      else for (const seed of seeds) out(`${seed.name.padEnd(16)} ${seed.description}`);
    });
}
