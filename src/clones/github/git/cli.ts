import { execFile } from 'node:child_process';
import { gitEnv } from './env.js';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs `git --git-dir <dir> <args>` with the clone's isolated environment; never rejects. */
export function runGit(gitDir: string, args: readonly string[], env: Record<string, string> = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['--git-dir', gitDir, '-c', 'core.quotePath=false', ...args],
      { env: gitEnv(env), encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 128) : 0;
        resolve({ code, stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}
