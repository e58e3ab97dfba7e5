import type { ReleaseRecord, RepoRecord } from '../state/model.js';
import { fullName } from './repos.js';
import { nodeId, shaNodeId } from './urls.js';
import { simpleUserById } from './users.js';
import type { View } from './view.js';

/** `release` (no assets: the clone stores none). */
export function renderRelease(view: View, repo: RepoRecord, release: ReleaseRecord) {
  const name = fullName(view, repo);
  const url = `${view.urls.repo(name)}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url,
    html_url: `${view.urls.repoHtml(name)}/releases/${release.draft ? `untagged-${release.id}` : `tag/${tag}`}`,
    assets_url: `${url}/assets`,
    upload_url: `${view.urls.web}/uploads/repos/${name}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${view.urls.repo(name)}/tarball/${tag}`,
    zipball_url: `${view.urls.repo(name)}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('Release', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: simpleUserById(view, release.authorId),
    assets: [],
  };
}

/** `tag`: a tag of the repository as `GET …/tags` lists it. */
export function renderTag(view: View, repo: RepoRecord, tag: string, sha: string) {
  const name = fullName(view, repo);
  const ref = encodeURIComponent(tag);
  return {
    name: tag,
    commit: { sha, url: `${view.urls.repo(name)}/commits/${sha}` },
    zipball_url: `${view.urls.repo(name)}/zipball/refs/tags/${ref}`,
    tarball_url: `${view.urls.repo(name)}/tarball/refs/tags/${ref}`,
    node_id: shaNodeId('Ref', `refs/tags/${tag}`),
  };
}
