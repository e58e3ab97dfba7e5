import { execFile } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface GitOptions {
  cwd: string;
  /** git's whole environment; without it, git inherits the host process's. */
  env?: NodeJS.ProcessEnv;
  /** Written to git's stdin. */
  input?: string;
  timeoutMs?: number;
}

/**
 * Runs git in a user's checkout (`at`: its working directory, or options); never throws (callers
 * decide what a failure means). The clone's server-side git is another thing: src/clones/github/git.
 */
export function runGitInWorkTree(args: string[], at: string | GitOptions): Promise<GitResult> {
  const { cwd, env, input, timeoutMs } = typeof at === 'string' ? ({ cwd: at } as GitOptions) : at;
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        env,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        timeout: timeoutMs,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ ok: !error, stdout: stdout.trim(), stderr: stderr.trim(), code });
      },
    );
    // git may exit before reading its input (a failing command): that is its exit code's story, not an error here.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** Trimmed stdout, or undefined when git fails (not a repo, no such ref...). */
export async function git(args: string[], at: string | GitOptions): Promise<string | undefined> {
  const result = await runGitInWorkTree(args, at);
  return result.ok ? result.stdout : undefined;
}

/** The checked-out branch; undefined on a detached HEAD. */
export async function currentBranch(at: string | GitOptions): Promise<string | undefined> {
  return (await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], at)) || undefined;
}

/** The URL of a remote; undefined when there is no such remote. */
export async function remoteUrl(remote: string, at: string | GitOptions): Promise<string | undefined> {
  return (await git(['remote', 'get-url', remote], at)) || undefined;
}

/** The default branch: origin's HEAD, else a local main or master. */
export async function detectBaseBranch(cwd: string): Promise<string | undefined> {
  const originHead = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd);
  if (originHead) return originHead.replace(/^origin\//, '');
  for (const candidate of ['main', 'master']) {
    if ((await git(['rev-parse', '--verify', '--quiet', `refs/heads/${candidate}`], cwd)) !== undefined)
      return candidate;
  }
  return undefined;
}
