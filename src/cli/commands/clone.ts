import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';
import { out, printJson } from '../output.js';

export function registerCloneCommands(program: Command): void {
  // `twin` is Archal's older name of the command.
  const clone = program
    .command('clone')
    .alias('twin')
    .description('run local clones of services agents talk to (the GitHub clone); alias: twin');

  clone
    .command('start')
    .description('start a clone and keep it running until interrupted (prints its URLs and token)')
    .argument('<clone>', 'which clone: github')
    .option(
      '--seed <name|file>',
      'a named seed (empty, small-project, stale-issues, large-backlog, merge-conflict, enterprise-repo, ci-cd-pipeline, rich-org; also as github:<name>) or a seed JSON file',
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
    .option(
      '--route',
      'also start route mode: a loopback proxy and a CA that send api.github.com, github.com and uploads.github.com to the clone (prints the variables to export)',
    )
    .option('--json', 'print {"apiUrl", "gitUrl", "token", …} as one JSON line on stdout')
    .action(async (name: string, options: Record<string, unknown>, command: Command) => {
      const { startClone } = await import('../actions/clone.js');
      process.exitCode = await startClone(command.optsWithGlobals() as GlobalOptions, name, options);
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
