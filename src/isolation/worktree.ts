import { createHash } from 'node:crypto';
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ArchalError } from '../lib/errors.js';
import { git, runGitInWorkTree } from '../lib/git.js';
import { branchNameProblem, branchSlug } from './branch.js';
import type { WorktreeRecord, WorktreeStore } from './worktree-store.js';

export type IsolationErrorCode =
  'not_a_repository' | 'invalid_branch' | 'foreign_worktree' | 'worktree_failed' | 'branch_exists' | 'checkout_failed';

/** A repository, branch or worktree that cannot be used as asked. */
export class IsolationError extends ArchalError<IsolationErrorCode, { path?: string; branch?: string }> {
  constructor(code: IsolationErrorCode, message: string, data: { path?: string; branch?: string } = {}) {
    super(code, message, data);
    this.name = 'IsolationError';
  }
}

/**
 * The root of the git repository containing `cwd`; workflow and isolation commands need one.
 * Found by walking up to the directory holding `.git` (a directory, or a file in worktrees), as git
 * does, without paying for a git process on every command. `env` is the host's environment: with
 * GIT_DIR set, git decides.
 */
export async function repositoryRoot(cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const root =
    (env.GIT_DIR ? undefined : findGitRoot(resolve(cwd))) ?? (await git(['rev-parse', '--show-toplevel'], cwd));
  if (!root) throw new IsolationError('not_a_repository', `${cwd} is not inside a git repository.`, { path: cwd });
  return resolve(root);
}

function findGitRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return realpathSync(dir);
    if (dirname(dir) === dir) return undefined;
  }
}

export function validateBranchName(branch: string): void {
  const problem = branchNameProblem(branch);
  if (problem) throw new IsolationError('invalid_branch', `Invalid branch name: ${problem}.`, { branch });
}

/** `$ARCHAL_HOME/worktrees/<repo>/<branch-slug>/`: where a branch's worktree goes unless another branch has it. */
export function worktreePath(home: string, repoRoot: string, branch: string): string {
  return join(home, 'worktrees', basename(repoRoot), branchSlug(branch));
}

/**
 * The other folder of a branch whose `<branch-slug>` folder belongs to another branch (`feat/a` and
 * `feat-a` have the same slug): `<branch-slug>-<8 hex of the branch name's SHA-256>`, the same on every run.
 */
function distinctWorktreePath(home: string, repoRoot: string, branch: string): string {
  const hash = createHash('sha256').update(branch).digest('hex').slice(0, 8);
  return `${worktreePath(home, repoRoot, branch)}-${hash}`;
}

/**
 * The branch a worktree folder belongs to: the one the store recorded for it, else the branch a
 * worktree of this repository there has checked out; undefined when nothing (usable) is there. A
 * folder of another repository is left to the caller to refuse.
 */
async function folderOwner(
  path: string,
  repoRoot: string,
  records: readonly WorktreeRecord[],
): Promise<string | undefined> {
  const recorded = records.find((record) => record.path === path);
  if (recorded) return recorded.branch;
  if ((await worktreeHealth(path, repoRoot)) !== 'healthy') return undefined;
  return (await git(['rev-parse', '--abbrev-ref', 'HEAD'], path)) ?? 'HEAD';
}

/**
 * Where `branch`'s worktree is: its `<branch-slug>` folder, unless that folder belongs to another
 * branch; then its distinct folder. Two branches never share a worktree, and a branch finds its
 * worktree again on every run (the folder it already has wins).
 */
async function chooseWorktreePath(request: WorktreeRequest): Promise<string> {
  const { home, repoRoot, branch } = request;
  const candidates = [worktreePath(home, repoRoot, branch), distinctWorktreePath(home, repoRoot, branch)];
  const records = await request.store.listWorktrees('active');
  const owners = await Promise.all(candidates.map((path) => folderOwner(path, repoRoot, records)));
  const index = owners.indexOf(branch) >= 0 ? owners.indexOf(branch) : owners.indexOf(undefined);
  if (index < 0)
    throw new IsolationError(
      'worktree_failed',
      `Cannot create a worktree for '${branch}': ${candidates.join(' and ')} belong to the branches '${owners.join("' and '")}'; remove one (archal isolation cleanup) or choose another branch name.`,
      { path: candidates[0], branch },
    );
  return candidates[index]!;
}

export interface WorktreeRequest {
  repoRoot: string;
  branch: string;
  /** Start point of a new branch (default: the repository's HEAD). */
  from?: string;
  home: string;
  workflowName: string;
  store: WorktreeStore;
  log: (message: string) => void;
}

export type WorktreeHealth = 'healthy' | 'missing' | 'broken' | 'foreign';

/** A worktree is healthy when it exists, has its `.git` link, and belongs to this repository. */
export async function worktreeHealth(path: string, repoRoot: string): Promise<WorktreeHealth> {
  if (!existsSync(path)) return 'missing';
  if (!existsSync(join(path, '.git'))) return 'broken';
  const [mine, theirs] = await Promise.all([
    git(['rev-parse', '--path-format=absolute', '--git-common-dir'], repoRoot),
    git(['rev-parse', '--path-format=absolute', '--git-common-dir'], path),
  ]);
  if (!theirs) return 'broken';
  return mine === theirs ? 'healthy' : 'foreign';
}

/** Creates the branch's worktree, or reuses it when healthy. Returns where the run should happen. */
export async function ensureWorktree(request: WorktreeRequest): Promise<{ path: string; reused: boolean }> {
  const { repoRoot, branch, from, log } = request;
  validateBranchName(branch);
  const path = await chooseWorktreePath(request);
  const health = await worktreeHealth(path, repoRoot);
  if (health === 'foreign')
    throw new IsolationError(
      'foreign_worktree',
      `${path} is a worktree of another repository; remove it or choose another branch name.`,
      { path, branch },
    );
  if (health === 'healthy') {
    if (from)
      log(
        `⚠️ Reusing the existing worktree ${path}; --from ${from} was not applied (remove the worktree to start over).`,
      );
    const current = await git(['rev-parse', '--abbrev-ref', 'HEAD'], path);
    if (current && current !== branch) log(`⚠️ Worktree ${path} is on '${current}', not '${branch}'.`);
  } else {
    if (health === 'broken') {
      log(`⚠️ ${path} is not a usable worktree any more; recreating it.`);
      await runGitInWorkTree(['worktree', 'prune'], repoRoot);
      rmSync(path, { recursive: true, force: true });
    }
    const exists = await existingBranch(repoRoot, branch, from, '; drop --from to use the existing branch');
    const args = exists ? ['worktree', 'add', path, branch] : ['worktree', 'add', '-b', branch, path, from ?? 'HEAD'];
    const added = await runGitInWorkTree(args, repoRoot);
    if (!added.ok)
      throw new IsolationError(
        'worktree_failed',
        `Cannot create a worktree for '${branch}': git ${args.join(' ')} failed: ${added.stderr || added.stdout || `exit ${added.code}`}`,
        { path, branch },
      );
  }
  await request.store.upsertWorktree({ path, repoRoot, branch, workflowName: request.workflowName, status: 'active' });
  return { path, reused: health === 'healthy' };
}

/** Whether the branch exists; a start point (`--from`) for a branch that exists is an error. */
async function existingBranch(
  repoRoot: string,
  branch: string,
  from: string | undefined,
  advice = '',
): Promise<boolean> {
  const exists = (await git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], repoRoot)) !== undefined;
  if (exists && from)
    throw new IsolationError(
      'branch_exists',
      `Branch "${branch}" already exists. Cannot create it from "${from}"${advice}.`,
      { branch },
    );
  return exists;
}

/** `--no-worktree`: switch the repository itself to the branch (creating it from `from` if new). */
export async function checkoutInPlace(repoRoot: string, branch: string, from?: string): Promise<void> {
  validateBranchName(branch);
  const exists = await existingBranch(repoRoot, branch, from);
  const result = await runGitInWorkTree(
    exists ? ['checkout', branch] : ['checkout', '-b', branch, ...(from ? [from] : [])],
    repoRoot,
  );
  if (!result.ok)
    throw new IsolationError('checkout_failed', `Cannot check out '${branch}': ${result.stderr || result.stdout}`, {
      branch,
    });
}

export interface ListedWorktree extends WorktreeRecord {
  daysSinceActivity: number;
}

export async function listWorktrees(store: WorktreeStore, now = Date.now()): Promise<Map<string, ListedWorktree[]>> {
  const grouped = new Map<string, ListedWorktree[]>();
  for (const record of await store.listWorktrees('active')) {
    const list = grouped.get(record.repoRoot) ?? [];
    list.push({ ...record, daysSinceActivity: Math.floor((now - Date.parse(record.lastActivityAt)) / 86_400_000) });
    grouped.set(record.repoRoot, list);
  }
  return grouped;
}

export type CleanupAction = 'removed' | 'kept-uncommitted-changes' | 'kept-active-run' | 'already-gone' | 'failed';

export interface CleanupOptions {
  days: number;
  force?: boolean;
  now?: number;
  /**
   * Why a run still needs the worktree at `path` (one running, paused at an approval, or interrupted
   * and resumable there), or undefined when none does. Such a worktree is kept even with `force`.
   */
  activeRunAt?: (path: string) => Promise<string | undefined>;
}

/**
 * Removes worktrees idle for more than `days`, never one with uncommitted changes unless forced,
 * and never one a run still holds: its idle time only counts from when it was last created or reused.
 */
export async function cleanupWorktrees(
  store: WorktreeStore,
  options: CleanupOptions,
): Promise<Array<{ worktree: WorktreeRecord; action: CleanupAction; detail?: string }>> {
  const cutoff = (options.now ?? Date.now()) - options.days * 86_400_000;
  const results: Array<{ worktree: WorktreeRecord; action: CleanupAction; detail?: string }> = [];
  // Repositories whose git still lists worktrees that are gone from disk.
  const toPrune = new Set<string>();
  for (const worktree of await store.listWorktrees('active')) {
    if (Date.parse(worktree.lastActivityAt) > cutoff) continue;
    if (!existsSync(worktree.path)) {
      await store.setWorktreeStatus(worktree.path, 'destroyed');
      toPrune.add(worktree.repoRoot);
      results.push({ worktree, action: 'already-gone' });
      continue;
    }
    const holder = await options.activeRunAt?.(worktree.path);
    if (holder) {
      results.push({ worktree, action: 'kept-active-run', detail: holder });
      continue;
    }
    const status = await runGitInWorkTree(['status', '--porcelain'], worktree.path);
    if (!options.force && (!status.ok || status.stdout.length > 0)) {
      results.push({
        worktree,
        action: 'kept-uncommitted-changes',
        detail: status.ok
          ? `${status.stdout.split('\n').length} changed file(s); use --force to remove anyway`
          : `cannot read its status: ${status.stderr}`,
      });
      continue;
    }
    const removed = await runGitInWorkTree(
      ['worktree', 'remove', ...(options.force ? ['--force'] : []), worktree.path],
      worktree.repoRoot,
    );
    if (!removed.ok) {
      results.push({ worktree, action: 'failed', detail: removed.stderr || removed.stdout });
      continue;
    }
    await store.setWorktreeStatus(worktree.path, 'destroyed');
    results.push({ worktree, action: 'removed' });
  }
  for (const repoRoot of toPrune) await runGitInWorkTree(['worktree', 'prune'], repoRoot);
  return results;
}
