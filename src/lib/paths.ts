import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per-user state: `$ARCHAL_HOME` of the host's environment, else `~/.archal`. */
export function archalHome(env: NodeJS.ProcessEnv): string {
  const configured = env.ARCHAL_HOME?.trim();
  return configured ? resolve(configured) : join(homedir(), '.archal');
}

/** What is at `path`: a directory, something else, or nothing. */
export function pathKind(path: string): 'directory' | 'other' | 'missing' {
  const stat = statSync(path, { throwIfNoEntry: false });
  return !stat ? 'missing' : stat.isDirectory() ? 'directory' : 'other';
}

/** Whether `path` is one of the directories `roots`, or inside one (by its text: no symlinks are followed). */
export function isAtOrUnder(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root + sep));
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

const shipped = new Map<string, string | undefined>();

/**
 * A file or directory Archal ships beside its code, by name, or undefined where there is none (the
 * sources). Looked up in the running module's directory and the one above: the Action's dist/ (a
 * runner checks out action.yml and dist/, with no node_modules and no build/, so the Action carries
 * its files there), and an install's build/ (build/cli.cjs, build/chunks/).
 */
export function shippedFile(name: string): string | undefined {
  if (shipped.has(name)) return shipped.get(name);
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [here, dirname(here)].map((dir) => join(dir, name)).find((file) => existsSync(file));
  shipped.set(name, found);
  return found;
}

/** Archal's bundled seeds, workflows and commands: a copy beside the Action's bundle, else the package's own. */
export function bundledDir(): string {
  return shippedFile('bundled') ?? join(packageRoot(), 'bundled');
}

const MEMORY_BACKED = '/dev/shm';
const MEMORY_MIN_FREE = 1024 ** 3;
let cachedScratch: string | undefined;
let configuredScratch: string | undefined;

/**
 * Sets where short-lived working files go for this whole process (the CLI: `$ARCHAL_TMPDIR`). A
 * host-wide setting, like the system's temporary directory: it is not part of any one repository's
 * environment.
 */
export function configureScratchDir(dir: string | undefined): void {
  configuredScratch = dir?.trim() ? resolve(dir.trim()) : undefined;
}

/**
 * Where short-lived working files go (clone repositories, temporary git indexes): the directory the
 * host configured, else memory-backed /dev/shm when it exists with at least 1 GiB free (each
 * scenario run creates and deletes a clone's files, and on a disk each of those operations costs
 * far more), else the system's temporary directory.
 */
export function scratchDir(): string {
  if (configuredScratch) return configuredScratch;
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
