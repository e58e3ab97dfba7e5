import { join } from 'node:path';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { changedPaths, snapshotWorkingTree, type PublishGitOptions } from './git.js';
import type { PreprodRecord } from './record.js';
import { preprodResultSchema } from './schema.js';

// What a fix changed is what a pull request publishes: it is recorded in the result (`fixPaths`)
// so that a later loop can still publish a fix an earlier one made but did not publish.

/** Changes under these paths are Archal's own artifacts, never part of a fix. */
export const ARTIFACT_PATHS = /^\.archal\/(cache|preprod|logs|artifacts|attach)\//;

/**
 * The paths an earlier loop of this repository, in this artifacts folder, fixed but did not publish
 * (it ran without --open-pr, or its PR failed): a rerun that finds the scenarios passing, because
 * the fix is in the working tree, still has that fix to publish.
 */
export function unpublishedFixPaths(artifactsDir: string, repo: string): string[] {
  const read = readInputFile(join(artifactsDir, 'preprod-result.json'), { maxBytes: INPUT_LIMITS.seed });
  if (!read.ok) return [];
  try {
    const earlier = preprodResultSchema.safeParse(JSON.parse(read.text));
    if (!earlier.success || earlier.data.repo !== repo || earlier.data.pr?.verified) return [];
    return (earlier.data.fixPaths ?? []).filter((path) => !ARTIFACT_PATHS.test(path));
  } catch {
    // An earlier result that is not JSON carries nothing over.
    return [];
  }
}

/**
 * Runs the fix attempts and adds the paths they changed in the working tree to `record.fixPaths`.
 * Outside a git repository (a library host's choice) there is nothing to snapshot, nor to publish.
 */
export async function recordingFixPaths<T>(
  record: PreprodRecord,
  git: PublishGitOptions,
  fixAttempts: () => Promise<T>,
): Promise<T> {
  const beforeFix = await snapshotWorkingTree(git).catch(() => undefined);
  try {
    return await fixAttempts();
  } finally {
    if (beforeFix) {
      const changed = await changedPaths(beforeFix, await snapshotWorkingTree(git), git);
      record.fixPaths = [...new Set([...record.fixPaths, ...changed])]
        .filter((path) => !ARTIFACT_PATHS.test(path))
        .sort();
    }
  }
}
