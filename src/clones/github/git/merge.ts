import { runGit } from './cli.js';
import type { Person } from './format.js';
import { commitsBetween } from './history.js';
import type { GitRepo } from './repo.js';

export type TreeMerge = { kind: 'clean'; tree: string } | { kind: 'conflict'; files: string[] };

/** A real three-way merge of two commits (`git merge-tree --write-tree`), without a worktree. */
export async function mergeTrees(repo: GitRepo, ours: string, theirs: string): Promise<TreeMerge> {
  const result = await runGit(repo.gitDir, ['merge-tree', '--write-tree', '--name-only', ours, theirs]);
  const lines = result.stdout.toString('utf8').split('\n');
  if (result.code === 0) return { kind: 'clean', tree: lines[0]!.trim() };
  if (result.code === 1) {
    const files: string[] = [];
    for (const line of lines.slice(1)) {
      if (line === '') break;
      files.push(line);
    }
    return { kind: 'conflict', files };
  }
  throw new Error(`git merge-tree failed: ${result.stderr.trim()}`);
}

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface MergeRequest {
  base: string;
  head: string;
  method: MergeMethod;
  title: string;
  message: string;
  committer: Person;
}

/** Creates the commit(s) a pull request merge produces and returns the new base tip (nothing is moved). */
export async function createMergeCommit(repo: GitRepo, request: MergeRequest): Promise<TreeMerge & { sha?: string }> {
  const { base, head, method, committer } = request;
  const message = request.message ? `${request.title}\n\n${request.message}` : request.title;
  if (method === 'rebase') return rebase(repo, request);
  const merged = await mergeTrees(repo, base, head);
  if (merged.kind === 'conflict') return merged;
  const author = method === 'squash' ? (repo.readCommit(head)?.author ?? committer) : committer;
  const sha = repo.writeCommit({
    tree: merged.tree,
    parents: method === 'merge' ? [base, head] : [base],
    author,
    committer,
    message: `${message}\n`,
  });
  return { ...merged, sha };
}

/**
 * Replays each commit of the pull request onto the base. A cherry-pick of C (parent P) onto X is
 * a merge of C with a throwaway commit that has X's tree and parent P: their merge base is then P.
 */
async function rebase(repo: GitRepo, request: MergeRequest): Promise<TreeMerge & { sha?: string }> {
  let tip = request.base;
  let tree = repo.readCommit(tip)!.tree;
  for (const { sha, commit } of commitsBetween(repo, request.base, request.head)) {
    const parent = commit.parents[0];
    const onto = repo.writeCommit({
      tree,
      parents: parent ? [parent] : [],
      author: request.committer,
      committer: request.committer,
      message: 'archal rebase step\n',
    });
    const picked = await mergeTrees(repo, onto, sha);
    if (picked.kind === 'conflict') return picked;
    tree = picked.tree;
    tip = repo.writeCommit({
      tree,
      parents: [tip],
      author: commit.author,
      committer: request.committer,
      message: commit.message,
    });
  }
  return { kind: 'clean', tree, sha: tip };
}
