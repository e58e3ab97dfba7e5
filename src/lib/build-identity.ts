import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let identity: string | undefined | null = null;

/**
 * The running build, as the file its code was loaded from (path, inode, size, modification time):
 * what Archal makes of a text (a criterion's phrase, a validated workflow) changes with that code, and
 * a build or an install writes the file anew. Read once per process: the code that runs is the code
 * that was loaded. Undefined when running from the TypeScript sources, whose code spans files.
 */
export function runningBuildIdentity(): string | undefined {
  if (identity !== null) return identity;
  identity = undefined;
  try {
    const file = fileURLToPath(import.meta.url);
    if (/\.[cm]?ts$/.test(file)) return identity;
    const stat = statSync(file, { throwIfNoEntry: false });
    identity = stat ? [file, stat.ino, stat.size, stat.mtimeMs].join('\0') : undefined;
  } catch {
    // No file to name the code by (not loaded from one): nothing is kept.
  }
  return identity;
}
