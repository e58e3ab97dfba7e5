import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../config/load.js';
import { repositoryRoot } from '../isolation/index.js';
import { useEnvironmentDirs } from './env-dirs.js';
// From the workspace's modules rather than its index: a command loads only what it uses (start-up).
import { withDotEnv } from '../workspace/env.js';
import { openRepoWorkspace, openWorkspace, type RepoWorkspace, type Workspace } from '../workspace/workspace.js';

/**
 * The CLI as a host of the core: the only place that reads the process's environment and working
 * directory. Every command works in a workspace whose environment is the process's, over the
 * `.env` files of the directory it works in.
 */

/** The options every command has. */
export interface GlobalOptions {
  cwd?: string;
}

/** Where a command works: `--cwd` (else the process's working directory), then `dir` (e.g. --repo) within it. */
export function workDir(globals: GlobalOptions, dir = '.'): string {
  return resolve(globals.cwd ?? process.cwd(), dir);
}

/**
 * The CLI's environment in `dir`: `<dir>/.env`, then `$ARCHAL_HOME/.env`, under the process's own
 * variables (which win). `ARCHAL_TMPDIR` from it says where short-lived files go (exit 2 when it,
 * or `ARCHAL_HOME`, names no directory).
 */
export function cliEnvironment(dir: string): NodeJS.ProcessEnv {
  const env = dotEnvironment(dir);
  useEnvironmentDirs(env);
  return env;
}

/** The CLI's environment in `dir`, for a command that writes no short-lived files (its ARCHAL_TMPDIR is not checked). */
export function dotEnvironment(dir: string): NodeJS.ProcessEnv {
  return withDotEnv(dir, process.env);
}

/** The workspace of `dir` as it is (scenario and pre-prod commands); `configFile` instead of its .archal.json. */
export function cliWorkspace(globals: GlobalOptions, dir?: string, configFile?: string): Workspace {
  const root = workDir(globals, dir);
  return openWorkspace({ dir: root, env: cliEnvironment(root), ...(configFile ? { configFile } : {}) });
}

/**
 * Where a command that reads `.archal.json` works when started in `dir` (`archal run`, `archal scenario`,
 * `archal preprod run`): the nearest directory at or above it that holds one, looking no higher than
 * the repository's root (the directory with `.git`, where workflow commands work) or the filesystem's;
 * `dir` itself when none does. Paths the user types are still resolved from `dir` (`fromHere`).
 */
export function configRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, CONFIG_FILE))) return at;
    if (existsSync(join(at, '.git')) || dirname(at) === at) return dir;
  }
}

/**
 * The workspace of the nearest `.archal.json` above where the command was typed (see `configRoot`),
 * or, with `configFile`, of the working directory itself. `typed` resolves a path the user typed
 * (a scenario argument, a path flag) from where they typed it; typed at the root, it stays as typed,
 * so that what a command shows of it does not change.
 */
export function cliConfigWorkspace(
  globals: GlobalOptions,
  dir?: string,
  configFile?: string,
): { workspace: Workspace; typed: (path: string) => string } {
  const here = workDir(globals, dir);
  const root = configFile ? here : configRoot(here);
  return {
    workspace: openWorkspace({ dir: root, env: cliEnvironment(root), ...(configFile ? { configFile } : {}) }),
    typed: (path) => (root === here ? path : resolve(here, path)),
  };
}

/** `--harness`: a harness file or folder at a path the user typed (from where they typed it), else a command line. */
export function typedHarness(harness: string | undefined, typed: (path: string) => string): string | undefined {
  return harness !== undefined && existsSync(typed(harness.trim())) ? typed(harness.trim()) : harness;
}

/** The workspace of the repository containing the working directory (workflow and isolation commands). */
export async function cliRepositoryWorkspace(globals: GlobalOptions): Promise<Workspace> {
  const root = await repositoryRoot(workDir(globals), process.env);
  return openWorkspace({ dir: root, env: cliEnvironment(root) });
}

/** Runs `action` in the repository's workspace with its run store, and closes the store. */
export async function withCliRepo<T>(globals: GlobalOptions, action: (repo: RepoWorkspace) => Promise<T>): Promise<T> {
  const root = await repositoryRoot(workDir(globals), process.env);
  const repo = await openRepoWorkspace({ dir: root, env: cliEnvironment(root) });
  try {
    return await action(repo);
  } finally {
    await repo.close();
  }
}
