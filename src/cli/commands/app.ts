import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';
import type { AppStartFlags } from '../actions/app.js';

export function registerAppCommands(program: Command): void {
  const app = program
    .command('app')
    .description('run the Archal GitHub App (Probot): /archal commands, the fix label and failing checks become runs');

  app
    .command('start')
    .description('receive webhooks and run jobs (without APP_ID: the setup flow that registers the App from app.yml)')
    .option('--port <n>', 'port of the webhook receiver (default: PORT, else 3000)')
    .option('--host <host>', 'address to listen on (default: HOST, else 127.0.0.1)')
    .option('--workers <n>', 'jobs run at once by this process', '2')
    .option('--no-worker', 'only receive webhooks (workers run elsewhere on the same store)')
    .option('--worker-only', 'only run jobs (receivers run elsewhere on the same store)')
    .action(async (flags: AppStartFlags, command: Command) => {
      const { startApp } = await import('../actions/app.js');
      process.exitCode = await startApp(command.optsWithGlobals() as GlobalOptions, flags);
    });

  app
    .command('doctor')
    .description('check the App’s configuration: key, GitHub accepts its JWT, installations, webhook secret, store')
    .option('--json', 'print {"ok", "checks": [{"name", "status", "message", "fix"}]}')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const { doctorApp } = await import('../actions/app.js');
      process.exitCode = await doctorApp(command.optsWithGlobals() as GlobalOptions, flags);
    });
}
