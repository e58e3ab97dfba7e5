import { readdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `rmSync(dir, { recursive: true, force: true })`, faster for the trees Archal makes (a clone's
 * directory: bare repositories of a few dozen small files and directories). Node 20's recursive
 * rmSync is a JavaScript rimraf that loads on first use, stats every entry and tries `rmdir` on each
 * directory before it is empty, making an error (with its stack) per directory; removing a clone's
 * directory took ~2–3 × this walk, after the agent had exited. Anything unexpected (a missing
 * directory, an entry that changed under the walk, a permission) falls back to rmSync.
 */
export function removeTree(dir: string): void {
  try {
    removeWalk(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

function removeWalk(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // A symbolic link is not a directory here: the link is removed, never what it points to.
    if (entry.isDirectory()) removeWalk(path);
    else unlinkSync(path);
  }
  rmdirSync(dir);
}
