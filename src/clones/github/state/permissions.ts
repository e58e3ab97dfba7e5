import { ApiError, notFound } from './errors.js';
import type { AccessLevel, InstallationRecord, RepoRecord, RepoRole } from './model.js';
import type { Store } from './store.js';
import type { Actor } from './actor.js';
import { teamRole } from './teams.js';

const RANK: Record<RepoRole, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
const LEVEL_RANK: Record<AccessLevel, number> = { read: 1, write: 2, admin: 3 };

export const atLeast = (role: RepoRole | undefined, needed: RepoRole): boolean =>
  role !== undefined && RANK[role] >= RANK[needed];

export function installationCovers(installation: InstallationRecord, repo: RepoRecord): boolean {
  return installation.repositorySelection === 'all'
    ? repo.ownerId === installation.accountId
    : installation.repoIds.includes(repo.id);
}

/**
 * What a user can do on a repository, as GitHub decides it: owner and org admins are admins,
 * collaborators have their role, org members the org's base role, anyone can read a public repo.
 * Undefined means the repository is invisible (404).
 */
export function userRole(store: Store, userId: number, repo: RepoRecord): RepoRole | undefined {
  const user = store.get('user', userId);
  if (!user) return repo.private ? undefined : 'read';
  if (user.siteAdmin || repo.ownerId === userId) return 'admin';
  let best: RepoRole | undefined = repo.private ? undefined : 'read';
  const raise = (role: RepoRole | undefined) => {
    if (role && (!best || RANK[role] > RANK[best])) best = role;
  };
  raise(repo.collaborators.get(userId));
  const org = store.get('org', repo.ownerId);
  const membership = org?.members.get(userId);
  if (membership === 'admin') raise('admin');
  else if (membership === 'member' && org && org.memberRole !== 'none') raise(org.memberRole);
  if (org) raise(teamRole(store, userId, repo));
  return best;
}

export function actorRole(store: Store, actor: Actor, repo: RepoRecord): RepoRole | undefined {
  switch (actor.kind) {
    case 'user':
      return userRole(store, actor.user.id, repo);
    case 'installation': {
      if (!tokenCovers(actor, repo)) return repo.private ? undefined : 'read';
      const levels = Object.values(actor.token.permissions);
      if (actor.token.permissions.administration === 'write') return 'admin';
      return levels.includes('write') ? 'write' : 'read';
    }
    case 'app':
    case 'anonymous':
      return repo.private ? undefined : 'read';
  }
}

function tokenCovers(actor: Extract<Actor, { kind: 'installation' }>, repo: RepoRecord): boolean {
  if (!installationCovers(actor.installation, repo)) return false;
  return actor.token.repoIds === null || actor.token.repoIds.includes(repo.id);
}

/** What an operation needs: a repository role for users, an app permission for installations. */
export interface Need {
  role: RepoRole;
  /** App permission category (`issues`, `pull_requests`, `contents`, `checks`, `statuses`…). */
  permission: string;
  level: 'read' | 'write';
  /** Allowed on an archived repository although it writes (deleting it, unarchiving it). */
  evenArchived?: boolean;
}

/** Permission needs of the operations, by what they touch (users need a role, apps a permission). */
export const NEED = {
  metadata: { role: 'read', permission: 'metadata', level: 'read' },
  issuesRead: { role: 'read', permission: 'issues', level: 'read' },
  /** Opening issues and commenting: anyone who can read the repository. */
  issuesParticipate: { role: 'read', permission: 'issues', level: 'write' },
  issuesTriage: { role: 'triage', permission: 'issues', level: 'write' },
  issuesAdmin: { role: 'write', permission: 'issues', level: 'write' },
  pullsRead: { role: 'read', permission: 'pull_requests', level: 'read' },
  pullsParticipate: { role: 'read', permission: 'pull_requests', level: 'write' },
  pullsTriage: { role: 'triage', permission: 'pull_requests', level: 'write' },
  /** Dismissing reviews: writers. */
  pullsWrite: { role: 'write', permission: 'pull_requests', level: 'write' },
  contentsRead: { role: 'read', permission: 'contents', level: 'read' },
  contentsWrite: { role: 'write', permission: 'contents', level: 'write' },
  checksRead: { role: 'read', permission: 'checks', level: 'read' },
  checksWrite: { role: 'write', permission: 'checks', level: 'write' },
  statusesRead: { role: 'read', permission: 'statuses', level: 'read' },
  statusesWrite: { role: 'write', permission: 'statuses', level: 'write' },
  actionsRead: { role: 'read', permission: 'actions', level: 'read' },
  actionsWrite: { role: 'write', permission: 'actions', level: 'write' },
  admin: { role: 'admin', permission: 'administration', level: 'write' },
  /** Actions secrets: repository admins, or apps with the `secrets` permission. */
  secretsRead: { role: 'admin', permission: 'secrets', level: 'read' },
  secretsWrite: { role: 'admin', permission: 'secrets', level: 'write' },
  /** Actions variables: repository admins, or apps with the `actions_variables` permission. */
  variablesRead: { role: 'admin', permission: 'actions_variables', level: 'read' },
  variablesWrite: { role: 'admin', permission: 'actions_variables', level: 'write' },
  /** Administering the repository itself, which an archived repository still allows (delete, unarchive). */
  adminEvenArchived: { role: 'admin', permission: 'administration', level: 'write', evenArchived: true },
} as const satisfies Record<string, Need>;

/** Throws GitHub's error when the actor may not do `need` on `repo` (404 when it cannot even see it). */
export function authorize(store: Store, actor: Actor, repo: RepoRecord, need: Need): void {
  const role = actorRole(store, actor, repo);
  if (!role) throw notFound();
  if (actor.kind === 'installation') {
    const covered = tokenCovers(actor, repo);
    const granted = actor.token.permissions[need.permission];
    const metadataRead = need.permission === 'metadata' && need.level === 'read';
    if (!covered && need.level === 'read' && !repo.private) return;
    if (!covered || (!metadataRead && (!granted || LEVEL_RANK[granted] < LEVEL_RANK[need.level])))
      throw new ApiError(403, 'Resource not accessible by integration');
  } else if (!atLeast(role, need.role)) {
    if (need.role === 'admin') throw new ApiError(403, 'Must have admin rights to Repository.');
    // GitHub hides write endpoints from users who can only read: they get a 404 or this 403.
    throw new ApiError(403, `Must have ${need.role === 'read' ? 'read' : 'push'} access to repository`);
  }
  if (need.level === 'write' && !need.evenArchived && repo.archived)
    throw new ApiError(403, 'Repository was archived so is read-only.');
}

/** The `permissions` object GitHub puts in repositories for the authenticated actor. */
export function permissionFlags(role: RepoRole | undefined) {
  return {
    admin: atLeast(role, 'admin'),
    maintain: atLeast(role, 'maintain'),
    push: atLeast(role, 'write'),
    triage: atLeast(role, 'triage'),
    pull: atLeast(role, 'read'),
  };
}

/** `author_association` of a user on a repository. */
export function authorAssociation(store: Store, userId: number, repo: RepoRecord): string {
  if (repo.ownerId === userId) return 'OWNER';
  const org = store.get('org', repo.ownerId);
  if (org?.members.has(userId)) return 'MEMBER';
  if (repo.collaborators.has(userId)) return 'COLLABORATOR';
  return 'NONE';
}
