import { resolve } from 'node:path';
import type { Command } from 'commander';
import { pathKind } from '../lib/paths.js';
import { EXIT, UserError } from './errors.js';

/** What is wrong with a working directory a command was given (`--cwd`), when it is not a directory. */
export function workDirProblem(dir: string): string | undefined {
  const kind = pathKind(dir);
  if (kind === 'missing') return `No such directory: ${dir} (--cwd).`;
  return kind === 'directory' ? undefined : `${dir} is not a directory (--cwd).`;
}

/** Commands that answer a bad `--cwd` themselves, in their own output format. */
const answersOwnWorkDir = new WeakSet<Command>();

/** Marks `command` as one that reports a bad `--cwd` itself (see `refuseBadWorkDir`). */
export function answersBadWorkDir(command: Command): Command {
  answersOwnWorkDir.add(command);
  return command;
}

/**
 * A `--cwd` that does not exist, or is a file, is bad usage (exit 2) for every command, before the
 * command reads, creates or starts anything: otherwise each would fail its own way (not a
 * repository, a spawn error, an empty listing, a server started in a directory that is not there).
 */
export function refuseBadWorkDir(program: Command): void {
  program.hook('preAction', (_program, action) => {
    if (answersOwnWorkDir.has(action)) return;
    const { cwd } = action.optsWithGlobals<{ cwd?: string }>();
    const problem = cwd === undefined ? undefined : workDirProblem(resolve(cwd));
    if (problem) throw new UserError(problem, EXIT.invalidInput);
  });
}
