import { ApiError, notFound, validationFailed } from '../state/errors.js';
import type { ReleaseRecord, RepoRecord } from '../state/model.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { moveRef, withRepoLock } from './git-write.js';

export interface ReleaseInput {
  tag_name?: string;
  target_commitish?: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
}

export function findRelease(ctx: DomainContext, repo: RepoRecord, id: number): ReleaseRecord {
  const release = ctx.store.get('release', id);
  if (!release || release.repoId !== repo.id) throw notFound();
  return release;
}

/** The newest published, non-prerelease release (GitHub's "latest"). */
export function latestRelease(ctx: DomainContext, repo: RepoRecord): ReleaseRecord | undefined {
  return ctx.store
    .where('release', `repo:${repo.id}`)
    .filter((release) => !release.draft && !release.prerelease)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id))[0];
}

function checkTag(ctx: DomainContext, repo: RepoRecord, tag: string, except?: ReleaseRecord) {
  if (ctx.store.where('release', `repo:${repo.id}`).some((release) => release !== except && release.tagName === tag))
    throw validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
}

/**
 * A published release tags `target_commitish` (default: the default branch) when the tag does
 * not exist yet, as GitHub does (the tag's `create` and `push` webhooks included); a draft tags
 * nothing until it is published.
 */
async function ensureTag(ctx: DomainContext, repo: RepoRecord, release: ReleaseRecord): Promise<void> {
  if (release.draft) return;
  const ref = `refs/tags/${release.tagName}`;
  if (repo.git.refs.get(ref)) return;
  const sha = repo.git.resolveCommit(release.targetCommitish);
  if (!sha) throw validationFailed([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }]);
  await moveRef(ctx, repo, ref, sha, null);
}

export async function createRelease(ctx: DomainContext, repo: RepoRecord, input: ReleaseInput & { tag_name: string }) {
  return withRepoLock(ctx, repo, async () => {
    checkTag(ctx, repo, input.tag_name);
    if (repo.git.branches().size === 0) throw new ApiError(422, 'Repository is empty.');
    const draft = input.draft ?? false;
    const release: ReleaseRecord = {
      id: ctx.store.nextId('release'),
      repoId: repo.id,
      tagName: input.tag_name,
      targetCommitish: input.target_commitish ?? repo.defaultBranch,
      name: input.name ?? null,
      body: input.body ?? null,
      draft,
      prerelease: input.prerelease ?? false,
      authorId: actingUser(ctx.actor)!.id,
      createdAt: ctx.now,
      publishedAt: draft ? null : ctx.now,
    };
    await ensureTag(ctx, repo, release);
    return ctx.store.insert(ctx.journal, 'release', release);
  });
}

export async function updateRelease(ctx: DomainContext, repo: RepoRecord, release: ReleaseRecord, input: ReleaseInput) {
  return withRepoLock(ctx, repo, async () => {
    if (input.tag_name !== undefined) checkTag(ctx, repo, input.tag_name, release);
    const publishing = release.draft && input.draft === false;
    const next = {
      ...(input.tag_name !== undefined ? { tagName: input.tag_name } : {}),
      ...(input.target_commitish !== undefined ? { targetCommitish: input.target_commitish } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.draft !== undefined ? { draft: input.draft } : {}),
      ...(input.prerelease !== undefined ? { prerelease: input.prerelease } : {}),
      ...(publishing ? { publishedAt: ctx.now } : {}),
    };
    await ensureTag(ctx, repo, { ...release, ...next });
    ctx.store.update(ctx.journal, 'release', release, next);
    return release;
  });
}
