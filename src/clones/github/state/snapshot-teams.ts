import type { Store } from './store.js';

/** Teams and branch protections in the state snapshot (the input of `[D]` criteria). */
export function teamsSnapshot(store: Store) {
  const login = (id: number) => store.get('user', id)?.login ?? null;
  const repoName = (id: number) => {
    const repo = store.get('repo', id);
    return repo ? `${login(repo.ownerId)}/${repo.name}` : null;
  };
  return {
    teams: [...store.all('team')]
      .sort((a, b) => a.id - b.id)
      .map((team) => ({
        id: team.id,
        org: login(team.orgId),
        name: team.name,
        slug: team.slug,
        description: team.description,
        privacy: team.privacy,
        parent: store.get('team', team.parentId)?.slug ?? null,
        members: [...team.members].map(([id, role]) => ({ login: login(id), role })),
        repos: [...team.repos].map(([id, permission]) => ({ repo: repoName(id), permission })),
      })),
    branchProtections: [...store.all('protection')]
      .sort((a, b) => a.id - b.id)
      .map((protection) => ({
        id: protection.id,
        repo: repoName(protection.repoId),
        branch: protection.branch,
        required_approving_review_count: protection.requiredReviews?.count ?? null,
        require_code_owner_reviews: protection.requiredReviews?.requireCodeOwners ?? false,
        dismiss_stale_reviews: protection.requiredReviews?.dismissStale ?? false,
        required_status_checks: protection.requiredStatusChecks?.contexts ?? [],
        strict: protection.requiredStatusChecks?.strict ?? false,
        enforce_admins: protection.enforceAdmins,
        allow_force_pushes: protection.allowForcePushes,
        allow_deletions: protection.allowDeletions,
        lock_branch: protection.lockBranch,
      })),
  };
}
