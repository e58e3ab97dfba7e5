import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The real gh CLI (Debian's `gh` package; .ci/run installs it). */
export function ghPath(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter).concat('/usr/bin', '/usr/local/bin')) {
    const candidate = join(dir, 'gh');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error('The gh CLI is not installed: apt-get install gh (CI installs it in .ci/run).');
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command with exactly `env`; never throws. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
