import { isTreeMode, type EntryMode, type TreeEntry } from './format.js';
import type { GitRepo } from './repo.js';

export interface PathChange {
  path: string;
  /** The new entry, or null to delete the path. */
  entry: { mode: EntryMode; sha: string } | null;
}

interface Node {
  set?: { mode: EntryMode; sha: string } | null;
  children: Map<string, Node>;
}

export class TreeEditError extends Error {}

/**
 * Writes the trees of `base` with `changes` applied and returns the new root tree. Directories that
 * become empty disappear, as in git; a path that crosses a file is an error.
 */
export function editTree(repo: GitRepo, base: string | undefined, changes: readonly PathChange[]): string {
  const root: Node = { children: new Map() };
  for (const change of changes) {
    let node = root;
    for (const part of change.path.split('/')) {
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
    node.set = change.entry;
  }
  return apply(repo, base, root, '') ?? repo.writeTree([]);
}

function apply(repo: GitRepo, treeSha: string | undefined, node: Node, prefix: string): string | undefined {
  const entries = new Map<string, TreeEntry>();
  if (treeSha) for (const entry of repo.readTree(treeSha) ?? []) entries.set(entry.name, entry);
  for (const [name, child] of node.children) {
    const path = prefix ? `${prefix}/${name}` : name;
    const existing = entries.get(name);
    if (child.set !== undefined) {
      if (child.children.size > 0) throw new TreeEditError(`${path} is both a file and a directory`);
      if (child.set === null) entries.delete(name);
      else entries.set(name, { name, ...child.set });
      continue;
    }
    if (existing && !isTreeMode(existing.mode)) throw new TreeEditError(`${existing.name} is a file, not a directory`);
    const sub = apply(repo, existing?.sha, child, path);
    if (sub === undefined) entries.delete(name);
    else entries.set(name, { mode: '40000', name, sha: sub });
  }
  if (entries.size === 0) return undefined;
  return repo.writeTree([...entries.values()]);
}
