import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { archalHome } from '../lib/paths.js';

/**
 * Loads `<cwd>/.env`, then `$ARCHAL_HOME/.env`. Variables already in the environment win, and the
 * working directory's file wins over the per-user one. Returns the files that were read.
 */
export function loadEnvFiles(cwd: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const loaded: string[] = [];
  for (const file of [join(cwd, '.env'), join(archalHome(env), '.env')]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [key, value] of Object.entries(parseEnv(text))) {
      if (env[key] === undefined) env[key] = value;
    }
    loaded.push(file);
  }
  return loaded;
}
