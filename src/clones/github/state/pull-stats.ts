import { diffCommits } from '../git/diff.js';
import { commitsBetween, mergeBase } from '../git/history.js';
import { mergeTrees } from '../git/merge.js';
import type { PullRecord, RepoRecord } from './model.js';
import type { Store } from './store.js';
import { rollupState } from './check-rollup.js';

/** Where pull statistics are looked up and cached (the clone's core). */
export interface StatsEnv {
  store: Store;
  cache: { get(key: string): unknown; set(key: string, value: unknown): void };
  /** What branch protection has against merging `pull` now (`blocked`, `behind`), when the env knows protection. */
  mergeBlocker?: (store: Store, repo: RepoRecord, pull: PullRecord) => Promise<'blocked' | 'behind' | undefined>;
}

/** What GitHub computes about a pull request's branches (commit count, diff size, mergeability). */
export interface PullStats {
  baseSha: string;
  mergeBaseSha: string | null;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
  /** null once closed, as GitHub reports it. */
  mergeable: boolean | null;
  mergeableState: 'clean' | 'dirty' | 'draft' | 'blocked' | 'behind' | 'unstable' | 'unknown';
}

/** The base a pull request is compared with: the live branch while open, the recorded tip once closed. */
export function effectiveBase(repo: RepoRecord, pull: PullRecord, open: boolean): string {
  return open && !pull.merged ? (repo.git.branch(pull.baseRef) ?? pull.baseSha) : pull.baseSha;
}

/** Computed with real git (merge-tree, diff) and cached by SHAs, which never change meaning. */
export async function pullStats(env: StatsEnv, repo: RepoRecord, pull: PullRecord): Promise<PullStats> {
  const issue = env.store.get('issue', pull.issueId);
  const open = issue?.state === 'open';
  const baseSha = effectiveBase(repo, pull, open);
  const key = `stats:${repo.git.gitDir}:${baseSha}:${pull.headSha}:${open}`;
  const cached = env.cache.get(key) as Omit<PullStats, 'mergeableState'> | undefined;
  const base = cached ?? (await compute(repo, baseSha, pull.headSha, open));
  if (!cached) env.cache.set(key, base);
  return {
    ...base,
    mergeableState: open ? await openMergeableState(env, repo, pull, base.mergeable) : 'unknown',
  };
}

/**
 * GitHub's `mergeable_state` of an open pull request: `dirty` (conflicts), `draft`, `blocked` or
 * `behind` (its base's protection refuses the merge for now), `unstable` (checks or statuses of
 * its head not passing), else `clean`.
 */
async function openMergeableState(
  env: StatsEnv,
  repo: RepoRecord,
  pull: PullRecord,
  mergeable: boolean | null,
): Promise<PullStats['mergeableState']> {
  if (mergeable === false) return 'dirty';
  if (pull.draft) return 'draft';
  const blocked = await env.mergeBlocker?.(env.store, repo, pull);
  if (blocked) return blocked;
  const rollup = rollupState(env.store, repo.id, pull.headSha);
  return rollup !== null && rollup !== 'SUCCESS' ? 'unstable' : 'clean';
}

async function compute(repo: RepoRecord, baseSha: string, headSha: string, open: boolean) {
  const git = repo.git;
  const mergeBaseSha = mergeBase(git, baseSha, headSha) ?? null;
  const commits = commitsBetween(git, baseSha, headSha).length;
  const files = mergeBaseSha ? await diffCommits(git, mergeBaseSha, headSha) : [];
  const mergeable = open ? (await mergeTrees(git, baseSha, headSha)).kind === 'clean' : null;
  return {
    baseSha,
    mergeBaseSha,
    commits,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changedFiles: files.length,
    mergeable,
  };
}
