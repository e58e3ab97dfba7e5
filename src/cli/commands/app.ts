import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEnvFiles } from '../../config/env.js';
import { EXIT, UserError } from '../../lib/errors.js';
import { packageRoot } from '../../lib/paths.js';

interface StartFlags {
  port?: string;
  host?: string;
  workers?: string;
  worker: boolean;
  workerOnly?: boolean;
}

/** What build/app.js (the GitHub App, bundled from app/main.ts) exports. */
interface AppModule {
  appStart(
    options: { port?: number; host?: string; workers: number; receive: boolean; work: boolean },
    env?: NodeJS.ProcessEnv,
  ): Promise<number>;
  appDoctor(options: { json: boolean }, env?: NodeJS.ProcessEnv): Promise<number>;
}

/**
 * The App lives in app/ (Probot is its host, and src/ never imports it): it is bundled on its own
 * into build/app.js, which this command loads from a path computed at run time.
 */
async function loadApp(): Promise<AppModule> {
  const file = join(packageRoot(), 'build', 'app.js');
  if (!existsSync(file))
    throw new UserError(`The GitHub App is not built (${file} is missing): run \`npm run build\`.`, EXIT.failed);
  // bin/archal.js provides the import (its compiled-from-cache bundle cannot import by itself).
  const load = (globalThis as { __archalImport?: (url: string) => Promise<unknown> }).__archalImport;
  const url = pathToFileURL(file).href;
  return (await (load ? load(url) : import(url))) as AppModule;
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UserError(`${flag} must be an integer from ${min} to ${max} (got "${value}")`);
  return number;
}

const cwdOf = (command: Command) => resolve((command.optsWithGlobals() as { cwd?: string }).cwd ?? process.cwd());

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
    .action(async (flags: StartFlags, command: Command) => {
      const port = integer(flags.port, '--port', 0, 65_535);
      const workers = integer(flags.workers, '--workers', 1, 64) ?? 2;
      if (flags.workerOnly && !flags.worker) throw new UserError('--worker-only and --no-worker exclude each other');
      loadEnvFiles(cwdOf(command));
      const module = await loadApp();
      process.exitCode = await module.appStart({
        ...(port !== undefined ? { port } : {}),
        ...(flags.host ? { host: flags.host } : {}),
        workers,
        receive: !flags.workerOnly,
        work: flags.worker,
      });
    });

  app
    .command('doctor')
    .description('check the App’s configuration: key, GitHub accepts its JWT, installations, webhook secret, store')
    .option('--json', 'print {"ok", "checks": [{"name", "status", "message", "fix"}]}')
    .action(async (flags: { json?: boolean }, command: Command) => {
      loadEnvFiles(cwdOf(command));
      const module = await loadApp();
      process.exitCode = await module.appDoctor({ json: flags.json ?? false });
    });
}
