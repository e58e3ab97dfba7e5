import { execFile } from 'node:child_process';

/** Runs git and returns trimmed stdout, or undefined when git fails (not a repo, no such ref...). */
export function git(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
  });
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
