import type { DomainContext } from '../domain/context.js';
import { latestRelease } from '../domain/releases.js';
import { fullName } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type { ReleaseRecord, RepoRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { connection, emptyConnection, type ConnectionArgs, type Gql } from './context.js';
import { escapeHtml } from './issues.js';
import { links } from './links.js';
import { actorById, canSee, commitObject, refObject } from './objects.js';

interface ReleaseOrder {
  field: 'CREATED_AT' | 'NAME';
  direction: 'ASC' | 'DESC';
}

/**
 * `Repository.releases`: the releases REST lists (drafts only for those who may push), newest
 * first unless `orderBy` says otherwise.
 */
export function releaseConnection(
  domain: DomainContext,
  repo: RepoRecord,
  args: ConnectionArgs & { orderBy?: ReleaseOrder | null },
) {
  const drafts = canSee(domain, repo, NEED.contentsWrite);
  const field = args.orderBy?.field ?? 'CREATED_AT';
  const key = (release: ReleaseRecord) => (field === 'NAME' ? (release.name ?? release.tagName) : release.createdAt);
  const releases = domain.store
    .where('release', `repo:${repo.id}`)
    .filter((release) => drafts || !release.draft)
    .sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
  if ((args.orderBy?.direction ?? 'DESC') === 'DESC') releases.reverse();
  const latest = latestRelease(domain, repo)?.id;
  return connection(releases, args, (release) => releaseObject(domain, repo, release, latest), 'Release');
}

/** `Repository.latestRelease`: the newest published release that is not a prerelease, as REST's /releases/latest. */
export function latestReleaseObject(domain: DomainContext, repo: RepoRecord): Gql | null {
  const latest = latestRelease(domain, repo);
  return latest ? releaseObject(domain, repo, latest, latest.id) : null;
}

/** `Repository.release(tagName)`: the release of that tag (a draft only for those who may push). */
export function releaseByTag(domain: DomainContext, repo: RepoRecord, tagName: string): Gql | null {
  const drafts = canSee(domain, repo, NEED.contentsWrite);
  const release = domain.store
    .where('release', `repo:${repo.id}`)
    .find((candidate) => candidate.tagName === tagName && (drafts || !candidate.draft));
  return release ? releaseObject(domain, repo, release, latestRelease(domain, repo)?.id) : null;
}

function releaseObject(
  domain: DomainContext,
  repo: RepoRecord,
  release: ReleaseRecord,
  latestId: number | undefined,
): Gql {
  const name = fullName(domain, repo);
  const path = `/${name}/releases/${release.draft ? `untagged-${release.id}` : `tag/${encodeURIComponent(release.tagName)}`}`;
  const tagRef = `refs/tags/${release.tagName}`;
  return {
    __typename: 'Release',
    id: nodeId('Release', release.id),
    databaseId: release.id,
    name: release.name,
    tagName: release.tagName,
    description: release.body,
    descriptionHTML: release.body === null ? null : escapeHtml(release.body),
    shortDescriptionHTML: (args: { limit?: number | null }) =>
      release.body === null ? null : escapeHtml(release.body.slice(0, args.limit ?? 200)),
    isDraft: release.draft,
    isPrerelease: release.prerelease,
    isLatest: release.id === latestId,
    createdAt: release.createdAt,
    publishedAt: release.publishedAt,
    updatedAt: release.publishedAt ?? release.createdAt,
    url: `${domain.urls.web}${path}`,
    resourcePath: path,
    author: () => actorById(domain, release.authorId),
    // The clone stores no release assets (REST cannot upload them either).
    releaseAssets: emptyConnection,
    repository: () => links.repo(domain, repo),
    tag: () => {
      const sha = repo.git.refs.get(tagRef);
      return sha ? refObject(domain, repo, tagRef, sha) : null;
    },
    tagCommit: () => {
      const sha = repo.git.resolveCommit(tagRef);
      return sha ? commitObject(domain, repo, sha) : null;
    },
  };
}
