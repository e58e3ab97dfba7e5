import { languageOf } from '../domain/languages.js';
import type { GistRecord } from '../state/model.js';
import { nodeId } from './urls.js';
import { simpleUserById } from './users.js';
import type { View } from './view.js';

/** A file's media type, as GitHub guesses it from the name. */
function fileType(name: string): string {
  if (/\.md$/i.test(name)) return 'text/markdown';
  if (/\.json$/i.test(name)) return 'application/json';
  if (/\.(js|mjs|cjs)$/i.test(name)) return 'application/javascript';
  return 'text/plain';
}

/** A gist as GitHub's JSON shows it; lists leave out the files' contents. */
export function renderGist(view: View, gist: GistRecord, withContent = true) {
  const owner = view.store.get('user', gist.ownerId);
  const url = `${view.urls.api}/gists/${gist.key}`;
  const files: Record<string, unknown> = {};
  for (const [name, content] of gist.files) {
    const raw = `${view.urls.web}/gist/${owner?.login ?? 'ghost'}/${gist.key}/raw/${encodeURIComponent(name)}`;
    files[name] = {
      filename: name,
      type: fileType(name),
      language: languageOf(name) ?? null,
      raw_url: raw,
      size: Buffer.byteLength(content),
      ...(withContent ? { truncated: false, content } : {}),
    };
  }
  return {
    url,
    forks_url: `${url}/forks`,
    commits_url: `${url}/commits`,
    id: gist.key,
    node_id: nodeId('Gist', gist.id),
    git_pull_url: `${view.urls.web}/gist/${gist.key}.git`,
    git_push_url: `${view.urls.web}/gist/${gist.key}.git`,
    html_url: `${view.urls.web}/gist/${owner?.login ?? 'ghost'}/${gist.key}`,
    files,
    public: gist.public,
    created_at: gist.createdAt,
    updated_at: gist.updatedAt,
    description: gist.description,
    comments: 0,
    comments_enabled: true,
    user: null,
    comments_url: `${url}/comments`,
    owner: simpleUserById(view, gist.ownerId),
    truncated: false,
    ...(withContent ? { forks: [], history: [] } : {}),
  };
}
