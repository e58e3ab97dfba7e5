import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { looksLikeFile } from '../workspace/workflows.js';
import { workDir, type GlobalOptions } from './host.js';

/**
 * A workflow argument as the user typed it: a relative file path that exists from the working
 * directory (a subdirectory of the repository) is that file; anything else is left to the workspace,
 * which reads paths from the repository's root and names from its workflow folders.
 */
export function workflowArgument(globals: GlobalOptions, target: string): string {
  if (!looksLikeFile(target) || isAbsolute(target)) return target;
  const fromHere = workDir(globals, target);
  return existsSync(fromHere) ? fromHere : target;
}
