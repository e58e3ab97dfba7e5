import { languageOf } from '../domain/languages.js';
import type { GistCommentRecord, GistRecord } from '../state/model.js';
import { nodeId } from './urls.js';
import { fullUser, simpleUserById } from './users.js';
import type { View } from './view.js';

/** A file's media type, as GitHub guesses it from the name. */
function fileType(name: string): string {
  if (/\.md$/i.test(name)) return 'text/markdown';
  if (/\.json$/i.test(name)) return 'application/json';
  if (/\.(js|mjs|cjs)$/i.test(name)) return 'application/javascript';
  return 'text/plain';
}

/**
 * A file's language as a gist shows it: prose and data too (which a repository's language statistics
 * leave out), and plain text for what is not recognised — the API describes it as always a string.
 */
function fileLanguage(name: string): string {
  if (/\.(md|markdown)$/i.test(name)) return 'Markdown';
  if (/\.json$/i.test(name)) return 'JSON';
  if (/\.ya?ml$/i.test(name)) return 'YAML';
  return languageOf(name) ?? 'Text';
}

/** A gist as GitHub's JSON shows it; lists leave out the files' contents, its forks and its parent. */
export function renderGist(view: View, gist: GistRecord, withContent = true) {
  return {
    ...gistFields(view, gist, withContent),
    ...(withContent ? { forks: forksOf(view, gist), history: [], fork_of: parentOf(view, gist) } : {}),
  };
}

/** The forks of `gist` as `GET /gists/{gist_id}` lists them (oldest first). */
function forksOf(view: View, gist: GistRecord) {
  return view.store
    .where('gist', `fork:${gist.id}`)
    .sort((a, b) => a.id - b.id)
    .map((fork) => {
      const owner = view.store.get('user', fork.ownerId);
      return {
        id: fork.key,
        url: `${view.urls.api}/gists/${fork.key}`,
        user: owner ? fullUser(view, owner, false) : null,
        created_at: fork.createdAt,
        updated_at: fork.updatedAt,
      };
    });
}

/** The gist `gist` was forked from, without its files' contents; null when it was not forked (or that gist is gone). */
function parentOf(view: View, gist: GistRecord) {
  const parent = gist.forkOfId === null ? undefined : view.store.get('gist', gist.forkOfId);
  return parent ? gistFields(view, parent, false) : null;
}

/** A gist comment as GitHub's JSON shows it. */
export function renderGistComment(view: View, gist: GistRecord, comment: GistCommentRecord) {
  return {
    id: comment.id,
    node_id: nodeId('GistComment', comment.id),
    url: `${view.urls.api}/gists/${gist.key}/comments/${comment.id}`,
    body: comment.body,
    user: simpleUserById(view, comment.userId),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.userId === gist.ownerId ? 'OWNER' : 'NONE',
  };
}

function gistFields(view: View, gist: GistRecord, withContent: boolean) {
  const owner = view.store.get('user', gist.ownerId);
  const url = `${view.urls.api}/gists/${gist.key}`;
  const files: Record<string, unknown> = {};
  for (const [name, content] of gist.files) {
    const raw = `${view.urls.web}/gist/${owner?.login ?? 'ghost'}/${gist.key}/raw/${encodeURIComponent(name)}`;
    files[name] = {
      filename: name,
      type: fileType(name),
      language: fileLanguage(name),
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
    comments: view.store.countWhere('gistComment', `gist:${gist.id}`),
    comments_enabled: true,
    user: null,
    comments_url: `${url}/comments`,
    owner: simpleUserById(view, gist.ownerId),
    truncated: false,
  };
}
