import { base64Lines } from '../state/base64.js';
import { isTreeMode, type TreeEntry } from '../git/format.js';
import type { RepoRecord } from '../state/model.js';
import { fullName } from './repos.js';
import type { View } from './view.js';

const MAX_INLINE = 1024 * 1024;

export type EntryType = 'file' | 'dir' | 'symlink' | 'submodule';

function entryType(entry: TreeEntry): EntryType {
  if (isTreeMode(entry.mode)) return 'dir';
  if (entry.mode === '120000') return 'symlink';
  if (entry.mode === '160000') return 'submodule';
  return 'file';
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The fields every contents object shares (`url`, `git_url`, `_links`…). */
function contentLinks(view: View, repo: RepoRecord, path: string, entry: TreeEntry, ref: string) {
  const name = fullName(view, repo);
  const type = entryType(entry);
  const url = `${view.urls.repo(name)}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const gitUrl =
    type === 'dir'
      ? `${view.urls.repo(name)}/git/trees/${entry.sha}`
      : `${view.urls.repo(name)}/git/blobs/${entry.sha}`;
  const html = `${view.urls.repoHtml(name)}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${encodePath(path)}`;
  const download =
    type === 'file' ? `${view.urls.web}/_archal/raw/${name}/${encodeURIComponent(ref)}/${encodePath(path)}` : null;
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha: entry.sha,
    url,
    git_url: type === 'submodule' ? null : gitUrl,
    html_url: type === 'submodule' ? null : html,
    download_url: download,
    _links: { self: url, git: gitUrl, html },
  };
}

/** One entry of a directory listing (no content). */
export function renderDirEntry(view: View, repo: RepoRecord, path: string, entry: TreeEntry, ref: string) {
  const type = entryType(entry);
  const size = type === 'file' || type === 'symlink' ? (repo.git.readBlob(entry.sha)?.length ?? 0) : 0;
  return { type, size, ...contentLinks(view, repo, path, entry, ref) };
}

/** `content-file` (and `content-symlink`), with the content base64-encoded up to 1 MB. */
export function renderFile(view: View, repo: RepoRecord, path: string, entry: TreeEntry, ref: string) {
  const data = repo.git.readBlob(entry.sha) ?? Buffer.alloc(0);
  const type = entryType(entry);
  const links = contentLinks(view, repo, path, entry, ref);
  if (type === 'symlink') return { type, target: data.toString('utf8'), size: data.length, ...links };
  const inline = data.length <= MAX_INLINE;
  return {
    type: 'file',
    encoding: inline ? 'base64' : 'none',
    size: data.length,
    ...links,
    content: inline ? base64Lines(data) : '',
  };
}
