import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per-user state: `$ARCHAL_HOME`, else `~/.archal`. */
export function archalHome(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ARCHAL_HOME?.trim();
  return configured ? resolve(configured) : join(homedir(), '.archal');
}

let cachedPackageRoot: string | undefined;

/**
 * The directory holding Archal's package.json. Works from the sources (tests) and from the bundle in
 * build/, which both sit one or two levels below it.
 */
export function packageRoot(): string {
  if (cachedPackageRoot) return cachedPackageRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bundled'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot locate the Archal package root (package.json next to bundled/).');
    dir = parent;
  }
  cachedPackageRoot = dir;
  return dir;
}
