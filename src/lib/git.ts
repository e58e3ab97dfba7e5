import { execFile } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs git; never throws (callers decide what a failure means). */
export function runGit(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ ok: !error, stdout: stdout.trim(), stderr: stderr.trim(), code });
    });
  });
}

/** Trimmed stdout, or undefined when git fails (not a repo, no such ref...). */
export async function git(args: string[], cwd: string): Promise<string | undefined> {
  const result = await runGit(args, cwd);
  return result.ok ? result.stdout : undefined;
}

/** Trimmed stdout; throws with git's own message when it fails. */
export async function gitOrThrow(args: string[], cwd: string): Promise<string> {
  const result = await runGit(args, cwd);
  if (!result.ok)
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.stdout || `exit ${result.code}`}`);
  return result.stdout;
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
