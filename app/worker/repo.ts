import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureWorktree } from '../../src/isolation/index.js';
import { runGitInWorkTree, type GitResult } from '../../src/lib/git.js';
import type { KyselyStore } from '../../src/store/index.js';

/**
 * The App's local copies of a repository, under `$ARCHAL_HOME/app/`:
 * - `repos/<owner>--<repo>`: a bare mirror, fetched with a read-only token; the fix branches' git
 *   worktrees (`$ARCHAL_HOME/worktrees/…`) hang off it;
 * - `defaults/<owner>--<repo>`: the workflows and commands of the default branch, which is where
 *   the App reads them from (a pull request cannot change what runs);
 * - `publish/<owner>--<repo>.git`: the repository the App pushes from, which no agent works in.
 */

export function slug(fullName: string): string {
  return fullName.replace('/', '--');
}

/**
 * Git settings that could run a program from a repository an agent has worked in (hooks, fsmonitor,
 * signing) or hand credentials to a helper, neutralised. Set through the environment, which git
 * ranks above any repository configuration, for every git the worker starts (src/isolation's too).
 */
const HARDENED: Array<[string, string]> = [
  ['core.hooksPath', '/dev/null'],
  ['core.fsmonitor', 'false'],
  ['commit.gpgsign', 'false'],
  ['credential.helper', ''],
];

function configEnv(entries: Array<[string, string]>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_COUNT: String(entries.length), GIT_TERMINAL_PROMPT: '0' };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

/** The hardened git settings, for the worker process's own environment. */
export function hardenedGitEnv(): NodeJS.ProcessEnv {
  return configEnv(HARDENED);
}

/** A git environment that authenticates to the repository's host with `token`, without writing it anywhere. */
export function tokenEnv(token: string): NodeJS.ProcessEnv {
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return configEnv([...HARDENED, ['http.extraHeader', `Authorization: Basic ${basic}`]]);
}

const LOCKED = /\.lock'?: File exists|cannot lock ref|Unable to create '.*\.lock'/i;

/** git, retried a few times when another process holds one of the repository's lock files. */
export async function git(args: string[], cwd: string, env: NodeJS.ProcessEnv = hardenedGitEnv()): Promise<GitResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runGitInWorkTree(args, { cwd, env: { ...process.env, ...env }, timeoutMs: 10 * 60 * 1000 });
    if (result.ok || attempt >= 6 || !LOCKED.test(result.stderr)) return result;
    await new Promise((resolve) => setTimeout(resolve, 150 * attempt));
  }
}

const repoLocks = new Map<string, Promise<unknown>>();

/** Runs `work` alone among this process's jobs on the same repository (its mirror and worktrees). */
export function withRepoLock<T>(fullName: string, work: () => Promise<T>): Promise<T> {
  const previous = repoLocks.get(fullName) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => {});
  repoLocks.set(fullName, settled);
  void settled.then(() => {
    if (repoLocks.get(fullName) === settled) repoLocks.delete(fullName);
  });
  return next;
}

export async function gitOrThrow(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = hardenedGitEnv(),
): Promise<string> {
  const result = await git(args, cwd, env);
  if (!result.ok)
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.stdout || `exit ${result.code}`}`);
  return result.stdout;
}

/** The mirror of a repository, created on first use, fetched now (branches as `refs/remotes/origin/*`). */
export async function fetchMirror(
  home: string,
  fullName: string,
  cloneUrl: string,
  readToken: string,
): Promise<string> {
  const dir = join(home, 'app', 'repos', slug(fullName));
  if (!existsSync(join(dir, 'HEAD'))) {
    mkdirSync(dir, { recursive: true });
    await gitOrThrow(['init', '--quiet', '--bare'], dir);
    await gitOrThrow(['remote', 'add', 'origin', cloneUrl], dir);
    await gitOrThrow(['config', 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*'], dir);
  } else {
    await gitOrThrow(['remote', 'set-url', 'origin', cloneUrl], dir);
  }
  await gitOrThrow(['fetch', '--quiet', '--prune', '--no-tags', 'origin'], dir, tokenEnv(readToken));
  return dir;
}

export async function revParse(mirror: string, ref: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], mirror);
  return result.ok ? result.stdout : undefined;
}

const DEFAULT_DIRS = ['.archal/workflows', '.archal/commands', '.archon/workflows', '.archon/commands'];

/** Writes the default branch's workflows and commands at `sha` into a directory of their own. */
export async function extractDefaults(home: string, fullName: string, mirror: string, sha: string): Promise<string> {
  const dir = join(home, 'app', 'defaults', slug(fullName), sha);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const listed = await gitOrThrow(['ls-tree', '-r', '-z', '--full-tree', sha, '--', ...DEFAULT_DIRS], mirror);
  for (const entry of listed.split('\0').filter(Boolean)) {
    const [meta = '', path = ''] = entry.split('\t');
    const [, type, object] = meta.split(' ');
    if (type !== 'blob' || !object || !/\.(ya?ml|md)$/i.test(path)) continue;
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await blob(mirror, object));
  }
  writeFileSync(join(dir, '.complete'), sha);
  return dir;
}

/**
 * The worktree of a fix branch. A new run starts it afresh at `startSha`; a resumed run keeps what
 * the earlier attempt left there.
 */
export async function prepareWorktree(options: {
  home: string;
  mirror: string;
  branch: string;
  startSha: string;
  workflowName: string;
  store: KyselyStore;
  fresh: boolean;
  log: (message: string) => void;
}): Promise<string> {
  const { mirror, branch, startSha } = options;
  const exists = (await git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], mirror)).ok;
  const { path, reused } = await ensureWorktree({
    repoRoot: mirror,
    branch,
    ...(exists ? {} : { from: startSha }),
    home: options.home,
    workflowName: options.workflowName,
    store: options.store,
    log: options.log,
  });
  if (options.fresh && (reused || exists)) {
    await gitOrThrow(['reset', '--quiet', '--hard', startSha], path);
    await gitOrThrow(['clean', '-ffdxq', '-e', '.archal/'], path);
  }
  return path;
}

/** Removes a fix branch's worktree (its pull request closed). */
export async function removeWorktree(mirror: string, path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const removed = await git(['worktree', 'remove', '--force', path], mirror);
  if (!removed.ok) rmSync(path, { recursive: true, force: true });
  await git(['worktree', 'prune'], mirror);
  return true;
}

/** A blob's exact bytes (runGit trims its output). */
function blob(mirror: string, object: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['cat-file', 'blob', object],
      { cwd: mirror, encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}
