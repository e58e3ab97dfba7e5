import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { packageRoot } from '../../lib/paths.js';
import { EXIT, UserError } from '../errors.js';
import { cliEnvironment, workDir, type GlobalOptions } from '../host.js';

export interface AppStartFlags {
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
    env: NodeJS.ProcessEnv,
  ): Promise<number>;
  appDoctor(options: { json: boolean }, env: NodeJS.ProcessEnv): Promise<number>;
}

/**
 * The App lives in app/ (Probot is its host; src/ never imports it). It is bundled on its own into
 * build/app.js, which is loaded from a path computed at run time.
 */
async function loadApp(): Promise<AppModule> {
  const file = join(packageRoot(), 'build', 'app.js');
  if (!existsSync(file))
    throw new UserError(`The GitHub App is not built (${file} is missing): run \`npm run build\`.`, EXIT.failed);
  // bin/archal.js provides the import: a bundle compiled from V8's code cache cannot import by itself.
  const load = (globalThis as { __archalImport?: (url: string) => Promise<unknown> }).__archalImport;
  const url = pathToFileURL(file).href;
  // The App runs for long: its schemas (built as build/app.js loads, with its own copy of zod)
  // compile their parsers, which the CLI's short commands do without (see ../zod-config.ts).
  z.config({ jitless: false });
  return (await (load ? load(url) : import(url))) as AppModule;
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UserError(`${flag} must be an integer from ${min} to ${max} (got "${value}")`);
  return number;
}

/** `archal app start`: the receiver and/or the workers, until SIGINT or SIGTERM. */
export async function startApp(globals: GlobalOptions, flags: AppStartFlags): Promise<number> {
  const port = integer(flags.port, '--port', 0, 65_535);
  const workers = integer(flags.workers, '--workers', 1, 64) ?? 2;
  if (flags.workerOnly && !flags.worker) throw new UserError('--worker-only and --no-worker exclude each other');
  const env = cliEnvironment(workDir(globals));
  const app = await loadApp();
  return app.appStart(
    {
      ...(port !== undefined ? { port } : {}),
      ...(flags.host ? { host: flags.host } : {}),
      workers,
      receive: !flags.workerOnly,
      work: flags.worker,
    },
    env,
  );
}

/** `archal app doctor`: checks the App's configuration and says what to fix. */
export async function doctorApp(globals: GlobalOptions, flags: { json?: boolean }): Promise<number> {
  const env = cliEnvironment(workDir(globals));
  return (await loadApp()).appDoctor({ json: flags.json ?? false }, env);
}
