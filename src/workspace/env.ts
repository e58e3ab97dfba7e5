import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { archalHome } from '../lib/paths.js';

export interface DotEnv {
  /** The variables the files define; the working directory's file wins over the per-user one. */
  values: Record<string, string>;
  /** The files that were read, in order. */
  files: string[];
}

/**
 * Reads `<dir>/.env`, then `$ARCHAL_HOME/.env` (ARCHAL_HOME as `env` has it). Writes nothing: a
 * host decides what to do with the variables (`withDotEnv` merges them under its environment).
 */
export function readDotEnv(dir: string, env: NodeJS.ProcessEnv): DotEnv {
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (const file of [join(dir, '.env'), join(archalHome(env), '.env')]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [key, value] of Object.entries(parseEnv(text)))
      if (value !== undefined && !(key in values)) values[key] = value;
    files.push(file);
  }
  return { values, files };
}

/**
 * A new environment: `env` over the variables of `<dir>/.env` and `$ARCHAL_HOME/.env`. Variables
 * already in `env` win; `env` itself is left as it is.
 */
export function withDotEnv(dir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...readDotEnv(dir, env).values };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}
