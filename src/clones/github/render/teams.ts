import { permissionFlags } from '../state/permissions.js';
import type { ProtectionRecord, RepoRecord, RepoRole, TeamRecord } from '../state/model.js';
import { teamMemberIds } from '../state/teams.js';
import { fullName, renderRepo } from './repos.js';
import { nodeId } from './urls.js';
import { fullOrg, simpleUser } from './users.js';
import type { View } from './view.js';

/** Teams, team memberships and branch protection, in GitHub's shapes. */

/** The legacy `permission` word of a role (`pull`, `push`, `admin`, …). */
export function permissionWord(role: RepoRole): string {
  switch (role) {
    case 'read':
      return 'pull';
    case 'write':
      return 'push';
    default:
      return role;
  }
}

/** `team-simple` (a team's parent, or null). */
export function renderTeamSimple(view: View, team: TeamRecord) {
  const org = view.store.get('user', team.orgId)!;
  const url = `${view.urls.api}/organizations/${team.orgId}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId('Team', team.id),
    url,
    members_url: `${url}/members{/member}`,
    name: team.name,
    description: team.description,
    permission: 'pull',
    privacy: team.privacy,
    notification_setting: team.notificationSetting,
    html_url: `${view.urls.web}/orgs/${org.login}/teams/${team.slug}`,
    repositories_url: `${url}/repos`,
    slug: team.slug,
    type: 'organization',
    organization_id: team.orgId,
  };
}

/** `team`: with its parent and, when listed for a repository, the role it has there. */
export function renderTeam(view: View, team: TeamRecord, role?: RepoRole) {
  const parent = view.store.get('team', team.parentId);
  return {
    ...renderTeamSimple(view, team),
    permission: role ? permissionWord(role) : 'pull',
    ...(role ? { permissions: permissionFlags(role) } : {}),
    parent: parent ? renderTeamSimple(view, parent) : null,
  };
}

/** `team-full`. */
export function renderTeamFull(view: View, team: TeamRecord) {
  const org = view.store.get('user', team.orgId)!;
  return {
    ...renderTeam(view, team),
    members_count: teamMemberIds(view.store, team).size,
    repos_count: team.repos.size,
    created_at: team.createdAt,
    updated_at: team.updatedAt,
    organization: fullOrg(view, org),
  };
}

/** `team-member`. */
export function renderTeamMember(view: View, userId: number) {
  return simpleUser(view, view.store.get('user', userId)!);
}

/** `team-membership`. */
export function renderTeamMembership(view: View, team: TeamRecord, userId: number, role: 'member' | 'maintainer') {
  const user = view.store.get('user', userId)!;
  return {
    url: `${view.urls.api}/organizations/${team.orgId}/team/${team.id}/memberships/${user.login}`,
    role,
    state: 'active',
  };
}

/** `team-repository`: the repository with the team's role on it. */
export function renderTeamRepository(view: View, repo: RepoRecord, role: RepoRole) {
  return { ...renderRepo(view, repo, false), permissions: permissionFlags(role), role_name: role };
}

function protectionUrl(view: View, repo: RepoRecord, branch: string): string {
  return `${view.urls.repo(fullName(view, repo))}/branches/${branch}/protection`;
}

/** `status-check-policy`. */
export function renderStatusChecks(view: View, repo: RepoRecord, protection: ProtectionRecord) {
  const url = `${protectionUrl(view, repo, protection.branch)}/required_status_checks`;
  const checks = protection.requiredStatusChecks ?? { strict: false, contexts: [] };
  return {
    url,
    strict: checks.strict,
    contexts: checks.contexts,
    checks: checks.contexts.map((context) => ({ context, app_id: null })),
    contexts_url: `${url}/contexts`,
  };
}

/** `protected-branch-pull-request-review`. */
export function renderReviewProtection(view: View, repo: RepoRecord, protection: ProtectionRecord) {
  const reviews = protection.requiredReviews!;
  return {
    url: `${protectionUrl(view, repo, protection.branch)}/required_pull_request_reviews`,
    dismiss_stale_reviews: reviews.dismissStale,
    require_code_owner_reviews: reviews.requireCodeOwners,
    required_approving_review_count: reviews.count,
    require_last_push_approval: reviews.requireLastPush,
  };
}

/** `protected-branch-admin-enforced`. */
export function renderAdminEnforced(view: View, repo: RepoRecord, protection: ProtectionRecord) {
  return { url: `${protectionUrl(view, repo, protection.branch)}/enforce_admins`, enabled: protection.enforceAdmins };
}

/** `branch-protection` (GET) and `protected-branch` (PUT answers): the same document. */
export function renderProtection(view: View, repo: RepoRecord, protection: ProtectionRecord) {
  const url = protectionUrl(view, repo, protection.branch);
  return {
    url,
    ...(protection.requiredStatusChecks ? { required_status_checks: renderStatusChecks(view, repo, protection) } : {}),
    ...(protection.requiredReviews
      ? { required_pull_request_reviews: renderReviewProtection(view, repo, protection) }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: renderAdminEnforced(view, repo, protection),
    required_linear_history: { enabled: protection.requiredLinearHistory },
    allow_force_pushes: { enabled: protection.allowForcePushes },
    allow_deletions: { enabled: protection.allowDeletions },
    block_creations: { enabled: protection.blockCreations },
    required_conversation_resolution: { enabled: protection.requiredConversationResolution },
    lock_branch: { enabled: protection.lockBranch },
    allow_fork_syncing: { enabled: false },
  };
}

/** The `protection` summary inside a branch (`branch-with-protection`, `short-branch`). */
export function branchProtectionSummary(protection: ProtectionRecord | undefined) {
  return {
    enabled: protection !== undefined,
    required_status_checks: {
      enforcement_level: protection?.requiredStatusChecks
        ? protection.enforceAdmins
          ? 'everyone'
          : 'non_admins'
        : 'off',
      contexts: protection?.requiredStatusChecks?.contexts ?? [],
      checks: (protection?.requiredStatusChecks?.contexts ?? []).map((context) => ({ context, app_id: null })),
    },
  };
}
