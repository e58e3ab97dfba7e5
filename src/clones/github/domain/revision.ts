import type { RepoRecord } from '../state/model.js';

/**
 * The commit a `ref`/`sha` parameter names, as GitHub reads it: `HEAD` is the repository's HEAD,
 * its default branch; anything else is what the repository's git resolves (a branch, a tag, a SHA).
 */
export function resolveRevision(repo: RepoRecord, ref: string): string | undefined {
  return repo.git.resolveCommit(ref === 'HEAD' ? repo.defaultBranch : ref);
}
