import { ApiError, conflict } from '../state/errors.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { checkRefProtection } from './protection.js';
import { afterRefsChanged } from './refs.js';

/** Runs `work` holding the repository's write lock (shared with pushes). */
export function withRepoLock<T>(ctx: DomainContext, repo: RepoRecord, work: () => Promise<T> | T): Promise<T> {
  return ctx.core.locks.run(repo.git.gitDir, work);
}

export function pusherOf(ctx: DomainContext, repo: RepoRecord): UserRecord {
  return actingUser(ctx.actor) ?? ctx.store.get('user', repo.ownerId)!;
}

/**
 * Moves (or deletes, with null) a ref if it still points at `expected`, then runs what follows a
 * push. Call it while holding the repository lock.
 */
export async function moveRef(
  ctx: DomainContext,
  repo: RepoRecord,
  ref: string,
  sha: string | null,
  expected: string | null | undefined,
): Promise<void> {
  checkRefProtection(ctx, repo, ref, sha, repo.git.refs.get(ref) ?? expected);
  const result = repo.git.refs.update(ref, sha, expected);
  switch (result.kind) {
    case 'ok':
      await afterRefsChanged(ctx, repo, [{ ref, before: result.old ?? null, after: sha }], pusherOf(ctx, repo));
      return;
    case 'stale':
      throw conflict(`${ref} was updated by someone else; try again`);
    case 'locked':
      throw conflict(`${ref} is being updated; try again`);
    case 'conflict':
      throw new ApiError(422, `Reference cannot be written: ${ref}`);
  }
}
