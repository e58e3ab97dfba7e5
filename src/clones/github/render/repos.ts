import { actorRole, permissionFlags } from '../state/permissions.js';
import type { RepoRecord } from '../state/model.js';
import { nodeId } from './urls.js';
import { simpleUser } from './users.js';
import type { View } from './view.js';

export function fullName(view: View, repo: RepoRecord): string {
  const owner = view.store.get('user', repo.ownerId);
  return `${owner?.login ?? 'unknown'}/${repo.name}`;
}

/** How many forks a repository has. */
export function forkCount(view: View, repo: RepoRecord): number {
  let count = 0;
  for (const candidate of view.store.all('repo')) if (candidate.forkOf === repo.id) count++;
  return count;
}

function openIssueCount(view: View, repo: RepoRecord): number {
  let open = 0;
  for (const issue of view.store.where('issue', `repo:${repo.id}`)) if (issue.state === 'open') open++;
  return open;
}

/**
 * `full-repository` (a superset of `repository` and `minimal-repository`); a fork names its
 * `parent` and `source` (rendered without their own lineage).
 */
export function renderRepo(view: View, repo: RepoRecord, lineage = true) {
  const owner = view.store.get('user', repo.ownerId)!;
  const name = `${owner.login}/${repo.name}`;
  const url = view.urls.repo(name);
  const html = view.urls.repoHtml(name);
  const openIssues = openIssueCount(view, repo);
  const role = view.actor ? actorRole(view.store, view.actor, repo) : undefined;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: name,
    private: repo.private,
    owner: simpleUser(view, owner),
    html_url: html,
    description: repo.description,
    fork: repo.forkOf !== null,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    git_url: view.urls.cloneUrl(name).replace(/^https?:/, 'git:'),
    ssh_url: `git@${view.urls.host}:${name}.git`,
    clone_url: view.urls.cloneUrl(name),
    svn_url: html,
    homepage: repo.homepage,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: repo.language,
    has_issues: repo.hasIssues,
    has_projects: repo.hasProjects,
    has_downloads: true,
    has_wiki: repo.hasWiki,
    has_pages: false,
    has_discussions: false,
    forks_count: forkCount(view, repo),
    mirror_url: null,
    archived: repo.archived,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: repo.topics,
    visibility: repo.private ? 'private' : 'public',
    forks: forkCount(view, repo),
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    ...(role ? { permissions: permissionFlags(role) } : {}),
    allow_squash_merge: repo.allowSquashMerge,
    allow_merge_commit: repo.allowMergeCommit,
    allow_rebase_merge: repo.allowRebaseMerge,
    allow_auto_merge: false,
    delete_branch_on_merge: repo.deleteBranchOnMerge,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    ...(owner.type === 'Organization' ? { organization: simpleUser(view, owner) } : {}),
    network_count: 0,
    subscribers_count: 0,
    ...(lineage && repo.forkOf !== null ? (forkLineage(view, repo) as { parent?: unknown; source?: unknown }) : {}),
  };
}

function forkLineage(view: View, repo: RepoRecord): Record<string, unknown> {
  const parent = view.store.get('repo', repo.forkOf);
  if (!parent) return {};
  let source = parent;
  for (let next = parent; next.forkOf !== null;) {
    const up = view.store.get('repo', next.forkOf);
    if (!up) break;
    source = next = up;
  }
  return { parent: renderRepo(view, parent, false), source: renderRepo(view, source, false) };
}
