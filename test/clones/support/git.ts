import { execFile } from 'node:child_process';

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/nonexistent',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test Pusher',
  GIT_AUTHOR_EMAIL: 'octocat@example.com',
  GIT_COMMITTER_NAME: 'Test Pusher',
  GIT_COMMITTER_EMAIL: 'octocat@example.com',
};

/** Real git, isolated from the machine's configuration; never throws. */
export function git(cwd: string, ...args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'init.defaultBranch=main', '-c', 'protocol.version=2', ...args],
      { cwd, env: ENV },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout: stdout.trim(),
          stderr: stderr.trim(),
        }),
    );
  });
}

/** Like git() but fails the test with git's stderr when git fails. */
export async function gitOk(cwd: string, ...args: string[]): Promise<string> {
  const result = await git(cwd, ...args);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/** `http://x-access-token:<token>@host/owner/repo.git`, as GitHub Apps and Actions write clone URLs. */
export function cloneUrl(gitUrl: string, fullName: string, token?: string): string {
  const url = new URL(`${gitUrl}/${fullName}.git`);
  if (token) {
    url.username = 'x-access-token';
    url.password = token;
  }
  return url.toString();
}
