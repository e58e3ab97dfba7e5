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
    const trees = new Map<string, Listed[]>();
    const blobs = new Map<string, { size: number; content: string | null }>();
    const branches = [...repo.git.branches()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [branch, commitSha] of branches) {
      const tree = repo.git.readCommit(commitSha)?.tree;
      if (!tree) continue;
      let listed = trees.get(tree);
      if (!listed) trees.set(tree, (listed = listFiles(repo.git, tree)));
      for (const file of listed) {
        let blob = blobs.get(file.sha);
        if (!blob) blobs.set(file.sha, (blob = readText(repo.git, file.sha, budget)));
        rows.push({ repo: repoName(repo.id), branch, path: file.path, sha: file.sha, ...blob });
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

function readText(git: GitRepo, sha: string, budget: { left: number }): { size: number; content: string | null } {
  const data = git.readBlob(sha);
  if (!data) return { size: 0, content: null };
  const kept = data.length <= MAX_FILE_CONTENT_BYTES && data.length <= budget.left && !data.includes(0);
  if (kept) budget.left -= data.length;
  return { size: data.length, content: kept ? data.toString('utf8') : null };
}
