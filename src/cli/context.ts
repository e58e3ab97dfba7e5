import { resolve } from 'node:path';
import { formatConfigProblem, loadConfig, type ArchalConfig } from '../config/index.js';
import { loadEnvFiles } from '../config/env.js';
import { UserError } from '../lib/errors.js';
import { archalHome } from '../lib/paths.js';

/** What every command knows: where it runs, the per-user home, and the validated config. */
export interface CliContext {
  cwd: string;
  home: string;
  config: ArchalConfig;
  configFile: string;
}

export interface GlobalOptions {
  cwd?: string;
}

/** Resolves --cwd, loads .env files, then .archal.json (an invalid config is exit 2 with every problem listed). */
export function loadContext(options: GlobalOptions): CliContext {
  const cwd = resolve(options.cwd ?? process.cwd());
  loadEnvFiles(cwd);
  const loaded = loadConfig(cwd);
  if (loaded.status === 'invalid')
    throw new UserError(
      `Invalid ${loaded.file}:\n${loaded.errors.map((problem) => `  ${formatConfigProblem('.archal.json', problem)}`).join('\n')}\n` +
        'Run `archal config validate` for details; `archal config schema` prints the JSON Schema.',
    );
  return { cwd, home: archalHome(), config: loaded.config, configFile: loaded.file };
}
