import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../lib/paths.js';
import { runGitInWorkTree, type GitOptions } from '../lib/git.js';

/**
 * The git plumbing of the built-in publisher. Everything goes through a temporary index, so the
 * user's branch, index and working tree are never touched: the fix is committed from what the fix
 * command changed, on top of the remote base branch, and pushed to its own branch.
 */

export class GitError extends Error {}

/** Where git runs, with the host's environment (the publisher adds its credential helper to it). */
export interface PublishGitOptions extends GitOptions {
  env: NodeJS.ProcessEnv;
}

/** Trimmed stdout; a failure throws with the end of git's own message. */
async function git(args: string[], options: PublishGitOptions & { indexFile?: string }): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    GIT_TERMINAL_PROMPT: '0',
    ...(options.indexFile ? { GIT_INDEX_FILE: options.indexFile } : {}),
  };
  const result = await runGitInWorkTree(args, { ...options, env, timeoutMs: options.timeoutMs ?? 120_000 });
  if (!result.ok)
    throw new GitError(`git ${args[0]} failed: ${(result.stderr || result.stdout).split('\n').slice(-3).join(' ')}`);
  return result.stdout;
}

async function withTemporaryIndex<T>(action: (indexFile: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(scratchDir(), 'archal-index-'));
  try {
    return await action(join(dir, 'index'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tree of the working directory as it is now (tracked and new files, minus ignored ones). */
export function snapshotWorkingTree(options: PublishGitOptions): Promise<string> {
  return withTemporaryIndex(async (indexFile) => {
    const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD'], options).catch(() => '');
    if (head) await git(['read-tree', 'HEAD'], { ...options, indexFile });
    await git(['add', '--all', '--', '.'], { ...options, indexFile });
    return git(['write-tree'], { ...options, indexFile });
  });
}

/** Paths that differ between two trees. */
export async function changedPaths(from: string, to: string, options: PublishGitOptions): Promise<string[]> {
  const output = await git(['diff-tree', '-r', '--name-only', '--no-renames', '-z', from, to], options);
  return output.split('\0').filter(Boolean).sort();
}

/**
 * Git's environment for talking to a remote with a token: a credential helper reading it from the
 * environment (never argv). A checkout may carry credentials of its own that git would send first
 * and the helper would never be asked (actions/checkout persists an `Authorization` header as
 * `http.<server>/.extraheader`): every such header configured for `repo` is reset for these
 * commands, so the token is what authenticates.
 */
export async function tokenEnvironment(token: string | undefined, at: GitOptions): Promise<NodeJS.ProcessEnv> {
  if (!token) return {};
  const configured = await runGitInWorkTree(['config', '--get-regexp', '^http\\..*extraheader$'], at);
  const headerKeys = new Set([
    'http.extraheader',
    ...configured.stdout
      .split('\n')
      .map((line) => line.split(' ')[0]!)
      .filter(Boolean),
  ]);
  const entries: Array<[string, string]> = [
    ['credential.helper', ''],
    [
      'credential.helper',
      '!f() { test "$1" = get || exit 0; echo username=x-access-token; echo "password=$ARCHAL_GIT_TOKEN"; }; f',
    ],
    ...[...headerKeys].map((key): [string, string] => [key, '']),
  ];
  const env: NodeJS.ProcessEnv = { ARCHAL_GIT_TOKEN: token, GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

/** The tip of a branch on the remote, fetched so that its objects are here; undefined when it does not exist. */
export async function fetchRemoteBranch(
  remote: string,
  branch: string,
  options: PublishGitOptions,
): Promise<string | undefined> {
  const listed = await git(['ls-remote', remote, `refs/heads/${branch}`], options);
  const sha = listed.split(/\s+/)[0];
  if (!sha) return undefined;
  await git(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`], options);
  return sha;
}

/**
 * Commits `paths` as they are in `afterTree` on top of `parent` (deleting those absent from it),
 * and returns the commit and the paths it really changes.
 */
export async function commitPaths(
  parent: string,
  afterTree: string,
  paths: readonly string[],
  message: string,
  options: PublishGitOptions,
): Promise<{ commit: string; files: string[] }> {
  return withTemporaryIndex(async (indexFile) => {
    await git(['read-tree', parent], { ...options, indexFile });
    for (const path of paths) {
      const entry = await git(['ls-tree', afterTree, '--', path], options);
      const match = /^(\d+) blob ([0-9a-f]+)\t/.exec(entry);
      if (match)
        await git(['update-index', '--add', '--cacheinfo', `${match[1]},${match[2]},${path}`], {
          ...options,
          indexFile,
        });
      else await git(['update-index', '--force-remove', '--', path], { ...options, indexFile });
    }
    const tree = await git(['write-tree'], { ...options, indexFile });
    const identity = {
      GIT_AUTHOR_NAME: options.env.GIT_AUTHOR_NAME ?? 'Archal',
      GIT_AUTHOR_EMAIL: options.env.GIT_AUTHOR_EMAIL ?? 'archal@users.noreply.github.com',
      GIT_COMMITTER_NAME: options.env.GIT_COMMITTER_NAME ?? 'Archal',
      GIT_COMMITTER_EMAIL: options.env.GIT_COMMITTER_EMAIL ?? 'archal@users.noreply.github.com',
    };
    const commit = await git(['commit-tree', tree, '-p', parent, '-F', '-'], {
      ...options,
      env: { ...options.env, ...identity },
      input: message,
    });
    const files = await changedPaths(parent, commit, options);
    return { commit, files };
  });
}

/** Whether two commits have the same parent and the same tree. */
export async function sameChange(a: string, b: string, options: PublishGitOptions): Promise<boolean> {
  const [left, right] = await Promise.all(
    [a, b].map((commit) => git(['rev-parse', `${commit}^{tree}`, `${commit}^`], options)),
  );
  return left === right;
}

/** Pushes `commit` to `branch`, refusing to overwrite anything but what was there (`expected`). */
export async function pushWithLease(
  remote: string,
  commit: string,
  branch: string,
  expected: string | undefined,
  options: PublishGitOptions,
): Promise<void> {
  await git(
    [
      'push',
      '--quiet',
      `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`,
      remote,
      `${commit}:refs/heads/${branch}`,
    ],
    options,
  );
}

/**
 * Runs `action` in a temporary worktree of the repository checked out on a local branch of the fix
 * branch at `commit`, tracking it on `remote` (a remote's name; a URL has no tracking branch), so
 * that a PR command such as `gh pr create --draft --fill` finds a pushed branch other than the base.
 * The user's branch, index and working tree are not touched; the worktree and its local branch are
 * removed afterwards (a local branch the user already has by that name is left alone: the
 * checkout gets a name of its own that tracks the same remote branch). Resolves to what `action`
 * returned and the worktree's HEAD when it finished (the command may have added commits).
 */
export async function inFixBranchCheckout<T>(
  fix: { remote: string; branch: string; commit: string },
  options: PublishGitOptions,
  action: (dir: string) => Promise<T>,
): Promise<{ value: T; head: string }> {
  const taken = await git(['rev-parse', '--verify', '--quiet', `refs/heads/${fix.branch}`], options).catch(() => '');
  const local = taken ? `${fix.branch}-${randomBytes(4).toString('hex')}` : fix.branch;
  const dir = mkdtempSync(join(scratchDir(), 'archal-pr-'));
  try {
    await git(['worktree', 'add', '--quiet', '--no-track', '-b', local, dir, fix.commit], options);
    const at = { ...options, cwd: dir };
    if (isRemoteName(fix.remote)) {
      await git(
        [
          'fetch',
          '--quiet',
          '--no-tags',
          fix.remote,
          `+refs/heads/${fix.branch}:refs/remotes/${fix.remote}/${fix.branch}`,
        ],
        at,
      );
      await git(['config', `branch.${local}.remote`, fix.remote], at);
      await git(['config', `branch.${local}.merge`, `refs/heads/${fix.branch}`], at);
    }
    const value = await action(dir);
    return { value, head: await git(['rev-parse', 'HEAD'], at) };
  } finally {
    await git(['worktree', 'remove', '--force', dir], options).catch(() => undefined);
    // Deleting the branch also removes its `branch.<name>.*` settings.
    await git(['branch', '-D', local], options).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `origin` rather than `https://…` or `/path/to/repo.git`. */
function isRemoteName(remote: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote);
}
