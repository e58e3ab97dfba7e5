import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
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

const MEMORY_BACKED = '/dev/shm';
const MEMORY_MIN_FREE = 1024 ** 3;
let cachedScratch: string | undefined;

/**
 * Where short-lived working files go (clone repositories, temporary git indexes):
 * `$ARCHAL_TMPDIR`, else memory-backed /dev/shm when it exists with at least 1 GiB free (each
 * scenario run creates and deletes a clone's files, and on a disk each of those operations costs
 * far more), else the system's temporary directory.
 */
export function scratchDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ARCHAL_TMPDIR?.trim();
  if (configured) return resolve(configured);
  if (cachedScratch) return cachedScratch;
  cachedScratch = tmpdir();
  try {
    const stats = statfsSync(MEMORY_BACKED);
    accessSync(MEMORY_BACKED, constants.W_OK);
    if (stats.bavail * stats.bsize >= MEMORY_MIN_FREE) cachedScratch = MEMORY_BACKED;
  } catch {
    // No /dev/shm here (macOS, Windows, some containers): the system's temporary directory it is.
  }
  return cachedScratch;
}
