import { resolve } from 'node:path';
import type { Command } from 'commander';
import { configureScratchDir, pathKind } from '../lib/paths.js';
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

/** Makes `ARCHAL_TMPDIR` (from the environment or a `.env` file) where short-lived files go; exit 2 when it names no directory. */
export function useScratchDir(value: string | undefined): void {
  const problem = scratchDirProblem(value);
  if (problem) throw new UserError(problem, EXIT.invalidInput);
  configureScratchDir(value);
}

// Commands that write no short-lived files: they still answer when ARCHAL_TMPDIR is wrong.
const WITHOUT_SCRATCH = new Set(['version', 'config', 'schema', 'help']);

/** Every other command refuses a process `ARCHAL_TMPDIR` that names no directory, before it starts anything. */
export function refuseBadScratchDir(program: Command): void {
  program.hook('preAction', (_program, action) => {
    let command = action;
    while (command.parent && command.parent !== program) command = command.parent;
    if (!WITHOUT_SCRATCH.has(command.name())) useScratchDir(process.env.ARCHAL_TMPDIR);
  });
}
