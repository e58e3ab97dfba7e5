import { isTreeMode } from '../git/format.js';
import type { GitRepo } from '../git/repo.js';
import type { Store } from './store.js';

/** A file's text is kept up to this size; larger files, and binary ones, have `content: null`. */
export const MAX_FILE_CONTENT_BYTES = 64 * 1024;
/** Text kept per snapshot, over all files (each distinct text counted once); past it, `content: null`. */
export const MAX_SNAPSHOT_TEXT_BYTES = 16 * 1024 * 1024;
/** Files listed per branch: a snapshot of a huge repository stays bounded (the rest are left out). */
export const MAX_FILES_PER_BRANCH = 5_000;

interface Listed {
  path: string;
  sha: string;
}

/**
 * The files of every branch of every repository, in the state snapshot (the input of `[D]` criteria):
 * `{repo, branch, path, sha, size, content}`, `content` the UTF-8 text (null for a binary file or one
 * over 64 KiB). Rows have no `id`, so they stay out of the state diff: a new branch would otherwise
 * show every file it holds as created. Trees and blobs shared by branches are read once.
 */
export function filesSnapshot(store: Store, repoName: (id: number) => string | null) {
  const rows: Array<{
    repo: string | null;
    branch: string;
    path: string;
    sha: string;
    size: number;
    content: string | null;
  }> = [];
  const budget = { left: MAX_SNAPSHOT_TEXT_BYTES };
  for (const repo of [...store.all('repo')].sort((a, b) => a.id - b.id)) {
    const read = objectsOf(repo.git);
    // Each distinct text counts once against the snapshot's budget, however many branches hold it.
    const kept = new Map<string, string | null>();
    const branches = [...repo.git.branches()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [branch, commitSha] of branches) {
      const tree = repo.git.readCommit(commitSha)?.tree;
      if (!tree) continue;
      for (const file of read.files(tree)) {
        const blob = read.blob(file.sha);
        let content = kept.get(file.sha);
        if (content === undefined) {
          content = blob.text !== null && blob.size <= budget.left ? blob.text : null;
          if (content !== null) budget.left -= blob.size;
          kept.set(file.sha, content);
        }
        rows.push({ repo: repoName(repo.id), branch, path: file.path, sha: file.sha, size: blob.size, content });
      }
    }
  }
  return { files: rows };
}

/** The regular files (and symbolic links) under `treeSha`, by path, depth first; submodules are left out. */
function listFiles(git: GitRepo, treeSha: string): Listed[] {
  const found: Listed[] = [];
  const walk = (sha: string, prefix: string) => {
    for (const entry of git.readTree(sha) ?? []) {
      if (found.length >= MAX_FILES_PER_BRANCH) return;
      const path = `${prefix}${entry.name}`;
      if (isTreeMode(entry.mode)) walk(entry.sha, `${path}/`);
      else if (entry.mode !== '160000') found.push({ path, sha: entry.sha });
    }
  };
  walk(treeSha, '');
  return found;
}

interface Blob {
  size: number;
  /** The UTF-8 text of a text file up to MAX_FILE_CONTENT_BYTES; null for a larger or binary one. */
  text: string | null;
}

/**
 * Trees and blobs are named by their content, so what was read of them holds for every later
 * snapshot: a run's state is snapshotted before and after the agent, and the second one reads only
 * what the agent wrote.
 */
const readObjects = new WeakMap<GitRepo, { files: (tree: string) => Listed[]; blob: (sha: string) => Blob }>();

function objectsOf(git: GitRepo) {
  let objects = readObjects.get(git);
  if (!objects) {
    const trees = new Map<string, Listed[]>();
    const blobs = new Map<string, Blob>();
    objects = {
      files: (tree) => trees.get(tree) ?? trees.set(tree, listFiles(git, tree)).get(tree)!,
      blob: (sha) => blobs.get(sha) ?? blobs.set(sha, readBlob(git, sha)).get(sha)!,
    };
    readObjects.set(git, objects);
  }
  return objects;
}

function readBlob(git: GitRepo, sha: string): Blob {
  const data = git.readBlob(sha);
  if (!data) return { size: 0, text: null };
  const text = data.length <= MAX_FILE_CONTENT_BYTES && !data.includes(0) ? data.toString('utf8') : null;
  return { size: data.length, text };
}
