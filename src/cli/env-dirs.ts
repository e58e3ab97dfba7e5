import { resolve } from 'node:path';
import type { Command } from 'commander';
import { archalHome, configureScratchDir, pathKind } from '../lib/paths.js';
import { EXIT, UserError } from './errors.js';

/**
 * What is wrong with `ARCHAL_TMPDIR`, when it names no directory: otherwise the first clone or
 * temporary file fails deep inside a run with a bare ENOENT, as an unexpected error.
 */
export function scratchDirProblem(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const dir = resolve(value.trim());
  const kind = pathKind(dir);
  if (kind === 'directory') return undefined;
  return `ARCHAL_TMPDIR is ${dir}, which ${kind === 'missing' ? 'does not exist' : 'is not a directory'}: create that directory, or unset ARCHAL_TMPDIR to use /dev/shm or the system's temporary directory.`;
}

/**
 * What is wrong with `ARCHAL_HOME`, when it names something other than a directory (a missing one is
 * created): otherwise the run store fails to open with a bare EEXIST.
 */
export function homeDirProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.ARCHAL_HOME?.trim()) return undefined;
  const dir = archalHome(env);
  return pathKind(dir) === 'other'
    ? `ARCHAL_HOME is ${dir}, which is not a directory: point it at a directory (a missing one is created), or unset it to use ~/.archal.`
    : undefined;
}

/**
 * Checks the directories `env` names for Archal's own files (exit 2 when one is not a directory),
 * and makes `ARCHAL_TMPDIR` where short-lived files go.
 */
export function useEnvironmentDirs(env: NodeJS.ProcessEnv): void {
  const problem = homeDirProblem(env) ?? scratchDirProblem(env.ARCHAL_TMPDIR);
  if (problem) throw new UserError(problem, EXIT.invalidInput);
  configureScratchDir(env.ARCHAL_TMPDIR);
}

// Commands that write no files of Archal's own: they still answer when those variables are wrong.
const WITHOUT_FILES = new Set(['version', 'config', 'schema', 'help']);

/** Every other command refuses process variables that name no directory, before it starts anything. */
export function refuseBadEnvironmentDirs(program: Command): void {
  program.hook('preAction', (_program, action) => {
    let command = action;
    while (command.parent && command.parent !== program) command = command.parent;
    if (!WITHOUT_FILES.has(command.name())) useEnvironmentDirs(process.env);
  });
}
