import type { RepoRole, TeamRecord } from '../state/model.js';
import { teamSlug } from '../state/teams.js';
import type { SeedBuilder } from './builder.js';
import { unknown } from './errors.js';
import type { ParsedSeed } from './schema.js';

/** Teams of the seeded organizations and the branch protections of their repositories (after the repositories). */
export function seedTeamsAndProtection(seed: ParsedSeed, b: SeedBuilder, epoch: Date): void {
  const { store } = b;
  (seed.orgs ?? []).forEach((org, i) => {
    const account = store.userByLogin(org.login);
    const record = account ? store.get('org', account.id) : undefined;
    if (!account || !record) return;
    const bySlug = new Map<string, TeamRecord>();
    (org.teams ?? []).forEach((team, j) => {
      const path = `orgs[${i}].teams[${j}]`;
      const slug = team.slug ?? teamSlug(team.name);
      if (!slug || bySlug.has(slug)) return b.problem(`${path}.name`, `duplicate team "${slug}"`);
      const members = new Map<number, 'member' | 'maintainer'>();
      for (const [login, role] of Object.entries(team.members ?? {})) {
        const user = b.user(login, `${path}.members.${login}`);
        if (!user) continue;
        members.set(user.id, role);
        // A team's members belong to its organization.
        if (!record.members.has(user.id)) record.members.set(user.id, 'member');
      }
      const repos = new Map<number, RepoRole>();
      for (const [name, role] of Object.entries(team.repos ?? {})) {
        const repo = store.repoNamed(account.id, name);
        if (repo) repos.set(repo.id, role);
        else
          b.problem(
            `${path}.repos.${name}`,
            unknown(
              `repository of ${account.login}`,
              name,
              store.where('repo', `owner:${account.id}`).map((r) => r.name),
            ),
          );
      }
      const at = b.time(team.createdAt, epoch);
      bySlug.set(
        slug,
        store.insert(undefined, 'team', {
          id: store.nextId('team'),
          orgId: account.id,
          name: team.name,
          slug,
          description: team.description ?? null,
          privacy: team.privacy ?? 'closed',
          notificationSetting: 'notifications_enabled',
          parentId: null,
          members,
          repos,
          createdAt: at,
          updatedAt: at,
        }),
      );
    });
    (org.teams ?? []).forEach((team, j) => {
      if (!team.parent) return;
      const child = bySlug.get(team.slug ?? teamSlug(team.name));
      const parent = bySlug.get(team.parent);
      if (!parent) return b.problem(`orgs[${i}].teams[${j}].parent`, unknown('team', team.parent, [...bySlug.keys()]));
      if (child && parent !== child) child.parentId = parent.id;
    });
  });

  (seed.repos ?? []).forEach((repo, i) => {
    const owner = store.userByLogin(repo.owner);
    const record = owner ? store.repoNamed(owner.id, repo.name) : undefined;
    if (!record) return;
    for (const [branch, rules] of Object.entries(repo.branchProtection ?? {})) {
      if (!record.git.branch(branch)) {
        b.problem(
          `repos[${i}].branchProtection.${branch}`,
          unknown(`branch of ${repo.owner}/${repo.name}`, branch, [...record.git.branches().keys()]),
        );
        continue;
      }
      store.insert(undefined, 'protection', {
        id: store.nextId('protection'),
        repoId: record.id,
        branch,
        requiredStatusChecks:
          rules.requiredStatusChecks || rules.strict
            ? { strict: rules.strict ?? false, contexts: rules.requiredStatusChecks ?? [] }
            : null,
        enforceAdmins: rules.enforceAdmins ?? false,
        requiredReviews:
          rules.requiredApprovingReviews !== undefined || rules.requireCodeOwnerReviews || rules.dismissStaleReviews
            ? {
                count: rules.requiredApprovingReviews ?? 1,
                dismissStale: rules.dismissStaleReviews ?? false,
                requireCodeOwners: rules.requireCodeOwnerReviews ?? false,
                requireLastPush: false,
              }
            : null,
        requiredLinearHistory: rules.requireLinearHistory ?? false,
        allowForcePushes: rules.allowForcePushes ?? false,
        allowDeletions: rules.allowDeletions ?? false,
        requiredConversationResolution: rules.requireConversationResolution ?? false,
        lockBranch: rules.lockBranch ?? false,
        blockCreations: false,
      });
    }
  });
}
