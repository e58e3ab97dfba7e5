import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates a directory Archal owns inside a working tree so that git never shows it: it holds a
 * `.gitignore` of `*`, which ignores everything in it, itself included. Run artifacts, transcripts
 * and caches written into a repository therefore leave `git status` as it was.
 */
export function ensureIgnoredDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Written by Archal: run files, never committed.\n*\n');
}
