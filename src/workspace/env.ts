import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { archalHome } from '../lib/paths.js';
import { WorkspaceError } from './errors.js';

export interface DotEnv {
  /** The variables the files define; the working directory's file wins over the per-user one. */
  values: Record<string, string>;
  /** The files that were read, in order. */
  files: string[];
}

/**
 * Reads `<dir>/.env`, then `$ARCHAL_HOME/.env` (ARCHAL_HOME as `env` has it). Writes nothing: a
 * host decides what to do with the variables (`withDotEnv` merges them under its environment).
 * A missing file is skipped; one that is not a regular file, or too large, is a WorkspaceError.
 */
export function readDotEnv(dir: string, env: NodeJS.ProcessEnv): DotEnv {
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (const file of [join(dir, '.env'), join(archalHome(env), '.env')]) {
    const read = readInputFile(file, { maxBytes: INPUT_LIMITS.config });
    if (!read.ok && (read.problem === 'missing' || read.problem === 'unreadable')) continue;
    if (!read.ok)
      throw new WorkspaceError(
        'unreadable_file',
        `${read.message} (the .env files are read before every command: fix or remove it).`,
        { file },
      );
    for (const [key, value] of Object.entries(parseEnv(read.text))) {
      // Node's parser reads a line without "=" as the start of the next line's name ("not a
      // variable\nSECOND"): the variable is the name's last line, and the stray line is ignored, as
      // other .env readers ignore it.
      const name = key.slice(key.lastIndexOf('\n') + 1).trim();
      if (value !== undefined && name !== '' && !(name in values)) values[name] = value;
    }
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
