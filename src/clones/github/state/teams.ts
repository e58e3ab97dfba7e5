import type { ProtectionRecord, RepoRecord, RepoRole, TeamRecord } from './model.js';
import type { Store } from './store.js';

/** Teams of organizations and branch protections: lookups shared by routes, permissions and merges. */

const RANK: Record<RepoRole, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/** GitHub's slug of a team name: lower case, runs of other characters as one `-`. */
export function teamSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function teamsOf(store: Store, orgId: number): TeamRecord[] {
  return store.where('team', `org:${orgId}`).sort((a, b) => a.id - b.id);
}

export function teamBySlug(store: Store, orgId: number, slug: string): TeamRecord | undefined {
  const lower = slug.toLowerCase();
  return store.where('team', `org:${orgId}`).find((team) => team.slug === lower);
}

/** The team and its ancestors, nearest first (a child team inherits its parent's repository access). */
export function lineage(store: Store, team: TeamRecord): TeamRecord[] {
  const chain: TeamRecord[] = [];
  let current: TeamRecord | undefined = team;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = store.get('team', current.parentId);
  }
  return chain;
}

/** The role a team gives on a repository, its own or inherited from its parents. */
export function teamRepoRole(store: Store, team: TeamRecord, repo: RepoRecord): RepoRole | undefined {
  let best: RepoRole | undefined;
  for (const ancestor of lineage(store, team)) {
    const role = ancestor.repos.get(repo.id);
    if (role && (!best || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/** The best role a user has on an organization's repository through the teams they belong to. */
export function teamRole(store: Store, userId: number, repo: RepoRecord): RepoRole | undefined {
  let best: RepoRole | undefined;
  for (const team of store.where('team', `org:${repo.ownerId}`)) {
    if (!team.members.has(userId)) continue;
    const role = teamRepoRole(store, team, repo);
    if (role && (!best || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/** Members of a team, those of its child teams included (as GitHub lists them). */
export function teamMemberIds(store: Store, team: TeamRecord): Map<number, 'member' | 'maintainer'> {
  const members = new Map(team.members);
  for (const child of store.where('team', `org:${team.orgId}`))
    if (child !== team && lineage(store, child).includes(team))
      for (const [id, role] of child.members) if (!members.has(id)) members.set(id, role);
  return members;
}

export function protectionOf(store: Store, repo: RepoRecord, branch: string): ProtectionRecord | undefined {
  return store.where('protection', `repo:${repo.id}`).find((protection) => protection.branch === branch);
}
