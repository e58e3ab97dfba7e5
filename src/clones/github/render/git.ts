import { personDate, type Commit, type Person } from '../git/format.js';
import type { FileDiff } from '../git/diff.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { fullName } from './repos.js';
import { shaNodeId } from './urls.js';
import { simpleUser } from './users.js';
import type { View } from './view.js';
import { protectionOf } from '../state/teams.js';
import { branchProtectionSummary } from './teams.js';

const NOREPLY = /^(\d+)\+([^@]+)@users\.noreply\.github\.com$/;

/** The GitHub account of a commit author, matched by email as GitHub does. */
export function userForEmail(view: View, email: string): UserRecord | undefined {
  const noreply = NOREPLY.exec(email);
  if (noreply) return view.store.get('user', Number(noreply[1]));
  const wanted = email.toLowerCase();
  for (const user of view.store.all('user')) if (user.email?.toLowerCase() === wanted) return user;
  return undefined;
}

const gitUser = (person: Person) => ({ name: person.name, email: person.email, date: personDate(person) });

export const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** `git-commit` (the git data API). */
export function renderGitCommit(view: View, repo: RepoRecord, sha: string, commit: Commit) {
  const name = fullName(view, repo);
  const repoUrl = view.urls.repo(name);
  return {
    sha,
    node_id: shaNodeId('Commit', sha),
    url: `${repoUrl}/git/commits/${sha}`,
    html_url: `${view.urls.repoHtml(name)}/commit/${sha}`,
    author: gitUser(commit.author),
    committer: gitUser(commit.committer),
    tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
    message: commit.message.replace(/\n$/, ''),
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${repoUrl}/git/commits/${parent}`,
      html_url: `${view.urls.repoHtml(name)}/commit/${parent}`,
    })),
    verification: UNSIGNED,
  };
}

/** `commit` (the repository commits API), with files and stats when a diff is given. */
export function renderCommit(view: View, repo: RepoRecord, sha: string, commit: Commit, diff?: FileDiff[]) {
  const name = fullName(view, repo);
  const repoUrl = view.urls.repo(name);
  const author = userForEmail(view, commit.author.email);
  const committer = userForEmail(view, commit.committer.email);
  const additions = diff?.reduce((sum, file) => sum + file.additions, 0) ?? 0;
  const deletions = diff?.reduce((sum, file) => sum + file.deletions, 0) ?? 0;
  return {
    url: `${repoUrl}/commits/${sha}`,
    sha,
    node_id: shaNodeId('Commit', sha),
    html_url: `${view.urls.repoHtml(name)}/commit/${sha}`,
    comments_url: `${repoUrl}/commits/${sha}/comments`,
    commit: {
      url: `${repoUrl}/git/commits/${sha}`,
      author: gitUser(commit.author),
      committer: gitUser(commit.committer),
      message: commit.message.replace(/\n$/, ''),
      tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
      comment_count: 0,
      verification: UNSIGNED,
    },
    author: author ? simpleUser(view, author) : null,
    committer: committer ? simpleUser(view, committer) : null,
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${repoUrl}/commits/${parent}`,
      html_url: `${view.urls.repoHtml(name)}/commit/${parent}`,
    })),
    ...(diff
      ? {
          stats: { total: additions + deletions, additions, deletions },
          files: diff.map((file) => renderDiffEntry(view, repo, sha, file)),
        }
      : {}),
  };
}

/** `diff-entry`. */
export function renderDiffEntry(view: View, repo: RepoRecord, ref: string, file: FileDiff) {
  const name = fullName(view, repo);
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${view.urls.repoHtml(name)}/blob/${ref}/${path}`,
    raw_url: `${view.urls.repoHtml(name)}/raw/${ref}/${path}`,
    contents_url: `${view.urls.repo(name)}/contents/${path}?ref=${ref}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
  };
}

/** `git-ref`. */
export function renderRef(view: View, repo: RepoRecord, ref: string, sha: string, type = 'commit') {
  const repoUrl = view.urls.repo(fullName(view, repo));
  return {
    ref,
    node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'),
    url: `${repoUrl}/git/${ref}`,
    object: { sha, type, url: `${repoUrl}/git/${type}s/${sha}` },
  };
}

/** `short-branch`. */
export function renderShortBranch(view: View, repo: RepoRecord, branch: string, sha: string) {
  return {
    name: branch,
    commit: { sha, url: `${view.urls.repo(fullName(view, repo))}/commits/${sha}` },
    protected: protectionOf(view.store, repo, branch) !== undefined,
  };
}

/** `branch-with-protection`. */
export function renderBranch(view: View, repo: RepoRecord, branch: string, sha: string, commit: Commit) {
  const name = fullName(view, repo);
  const url = `${view.urls.repo(name)}/branches/${branch}`;
  return {
    name: branch,
    commit: renderCommit(view, repo, sha, commit),
    _links: { self: url, html: `${view.urls.repoHtml(name)}/tree/${branch}` },
    protected: protectionOf(view.store, repo, branch) !== undefined,
    protection: branchProtectionSummary(protectionOf(view.store, repo, branch)),
    protection_url: `${url}/protection`,
  };
}
