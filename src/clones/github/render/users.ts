import type { UserRecord } from '../state/model.js';
import { nodeId } from './urls.js';
import type { View } from './view.js';

// Users never change within a store (a reseed makes new records), so their rendering is cached.
const rendered = new WeakMap<UserRecord, { api: string; value: ReturnType<typeof renderSimpleUser> }>();

/** `simple-user`: the shape of every user or organization embedded in another object. Do not mutate. */
export function simpleUser(view: View, user: UserRecord) {
  const cached = rendered.get(user);
  if (cached?.api === view.urls.api) return cached.value;
  const value = renderSimpleUser(view, user);
  rendered.set(user, { api: view.urls.api, value });
  return value;
}

function renderSimpleUser(view: View, user: UserRecord) {
  const { web } = view.urls;
  const isBot = user.type === 'Bot';
  const url = view.urls.user(user.login);
  const html = isBot ? `${web}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${web}/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Organization' ? 'Organization' : isBot ? 'Bot' : 'User', user.id),
    avatar_url: `${web}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: html,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: user.siteAdmin,
    user_view_type: 'public',
  };
}

export function simpleUserById(view: View, id: number | null | undefined) {
  const user = view.store.get('user', id);
  return user ? simpleUser(view, user) : null;
}

/** `public-user` (and, for the authenticated user, `private-user`). */
export function fullUser(view: View, user: UserRecord, isSelf: boolean) {
  const repos = view.store.where('repo', `owner:${user.id}`);
  const publicRepos = repos.filter((repo) => !repo.private).length;
  const base = {
    ...simpleUser(view, user),
    name: user.name,
    company: user.company,
    blog: user.blog,
    location: user.location,
    email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
  if (!isSelf) return base;
  const privateRepos = repos.length - publicRepos;
  return {
    ...base,
    private_gists: 0,
    total_private_repos: privateRepos,
    owned_private_repos: privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
  };
}

/** `organization-full`. */
export function fullOrg(view: View, account: UserRecord) {
  const org = view.store.get('org', account.id);
  const url = `${view.urls.api}/orgs/${account.login}`;
  const repos = view.store.where('repo', `owner:${account.id}`);
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId('Organization', account.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `${view.urls.web}/avatars/u/${account.id}?v=4`,
    description: org?.description ?? null,
    // The description types these as non-null strings, so absent values are left out.
    ...(account.name ? { name: account.name } : {}),
    ...(account.blog ? { blog: account.blog } : {}),
    ...(account.location ? { location: account.location } : {}),
    ...(account.email ? { email: account.email } : {}),
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: repos.filter((repo) => !repo.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${view.urls.web}/${account.login}`,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
    archived_at: null,
    type: 'Organization',
  };
}

/** The `organization` object of webhook payloads. */
export function webhookOrg(view: View, account: UserRecord) {
  const full = fullOrg(view, account);
  return {
    login: full.login,
    id: full.id,
    node_id: full.node_id,
    url: full.url,
    repos_url: full.repos_url,
    events_url: full.events_url,
    hooks_url: full.hooks_url,
    issues_url: full.issues_url,
    members_url: full.members_url,
    public_members_url: full.public_members_url,
    avatar_url: full.avatar_url,
    description: full.description,
  };
}
