import type { Commit } from './format.js';
import { walkCommits, type GitRepo } from './repo.js';

export function ancestors(repo: GitRepo, tip: string): Set<string> {
  return new Set(walkCommits(repo, [tip]));
}

export function isAncestor(repo: GitRepo, ancestor: string, descendant: string): boolean {
  if (ancestor === descendant) return true;
  for (const sha of walkCommits(repo, [descendant])) if (sha === ancestor) return true;
  return false;
}

/**
 * Commits reachable from `tip` newest first by committer date (git log's default order), each
 * with its parsed commit.
 */
export function* logCommits(repo: GitRepo, tips: readonly string[]): Generator<{ sha: string; commit: Commit }> {
  const seen = new Set<string>();
  const pending: Array<{ sha: string; commit: Commit }> = [];
  const push = (sha: string) => {
    if (seen.has(sha)) return;
    seen.add(sha);
    const commit = repo.readCommit(sha);
    if (!commit) return;
    // Keep `pending` sorted by committer time, newest last, so pop() yields the newest.
    const item = { sha, commit };
    let index = pending.length;
    while (index > 0 && pending[index - 1]!.commit.committer.seconds > commit.committer.seconds) index--;
    pending.splice(index, 0, item);
  };
  for (const tip of tips) push(tip);
  while (pending.length > 0) {
    const next = pending.pop()!;
    yield next;
    for (const parent of next.commit.parents) push(parent);
  }
}

/** The best common ancestor: the newest commit of `b`'s history that `a` also reaches. */
export function mergeBase(repo: GitRepo, a: string, b: string): string | undefined {
  const fromA = ancestors(repo, a);
  for (const { sha } of logCommits(repo, [b])) if (fromA.has(sha)) return sha;
  return undefined;
}

/** Commits in `head` that `base` does not reach, oldest first (a pull request's commits). */
export function commitsBetween(repo: GitRepo, base: string, head: string): Array<{ sha: string; commit: Commit }> {
  const excluded = ancestors(repo, base);
  const result: Array<{ sha: string; commit: Commit }> = [];
  for (const item of logCommits(repo, [head])) if (!excluded.has(item.sha)) result.push(item);
  return result.reverse();
}

export interface Comparison {
  mergeBase: string | undefined;
  /** Commits in head not in base, oldest first. */
  ahead: Array<{ sha: string; commit: Commit }>;
  behindBy: number;
  status: 'identical' | 'ahead' | 'behind' | 'diverged';
}

export function compareCommits(repo: GitRepo, base: string, head: string): Comparison {
  const ahead = commitsBetween(repo, base, head);
  const behindBy = commitsBetween(repo, head, base).length;
  const status =
    ahead.length === 0 && behindBy === 0
      ? 'identical'
      : behindBy === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  return { mergeBase: mergeBase(repo, base, head), ahead, behindBy, status };
}

/** Whether `path` differs between a commit and its first parent. */
export function touchesPath(repo: GitRepo, commit: Commit, path: string): boolean {
  const here = repo.entryAt(commit.tree, path)?.sha;
  const parent = commit.parents[0] ? repo.readCommit(commit.parents[0]) : undefined;
  const before = parent ? repo.entryAt(parent.tree, path)?.sha : undefined;
  return here !== before;
}
