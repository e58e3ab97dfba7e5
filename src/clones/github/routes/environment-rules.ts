import * as z from 'zod';
import { NO_PROTECTION, protectionRules } from '../state/environment-protection.js';
import { parseBody } from '../http/input.js';
import { okCountedPage } from '../http/pagination.js';
import { json, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { fullName } from '../render/repos.js';
import { renderTeam } from '../render/teams.js';
import { nodeId } from '../render/urls.js';
import { simpleUser } from '../render/users.js';
import { notFound, unprocessable } from '../state/errors.js';
import type {
  EnvironmentBranchPolicyRecord,
  EnvironmentProtection,
  EnvironmentRecord,
  RepoRecord,
} from '../state/model.js';
import { NEED, userRole, type Need } from '../state/permissions.js';
import { repoParam } from './lookup.js';

/** GitHub's bounds: a wait of at most 30 days, at most six reviewers. */
const MAX_WAIT_TIMER = 43_200;
const MAX_REVIEWERS = 6;

/** The `{environment_name}` of the path, in any case as on GitHub. */
export function findEnvironment(ctx: RequestContext, repo: RepoRecord): EnvironmentRecord | undefined {
  const name = (ctx.params.environment_name ?? '').toLowerCase();
  return ctx.store.where('environment', `repo:${repo.id}`).find((env) => env.name.toLowerCase() === name);
}

/** The environment of the path (404 when the repository has none of that name). */
export function environmentParam(
  ctx: RequestContext,
  need: Need,
): { repo: RepoRecord; environment: EnvironmentRecord } {
  const repo = repoParam(ctx, need);
  const environment = findEnvironment(ctx, repo);
  if (!environment) throw notFound();
  return { repo, environment };
}

const branchPolicySchema = z.object({ protected_branches: z.boolean(), custom_branch_policies: z.boolean() });

/** The body of `PUT /repos/{owner}/{repo}/environments/{environment_name}`. */
export const environmentSchema = z.object({
  wait_timer: z.number().int().optional(),
  prevent_self_review: z.boolean().optional(),
  reviewers: z
    .array(z.object({ type: z.enum(['User', 'Team']), id: z.number().int() }))
    .nullable()
    .optional(),
  deployment_branch_policy: branchPolicySchema.nullable().optional(),
});

/**
 * The protection a PUT asks for, checked as GitHub checks it (422): a field left out keeps what the
 * environment had; `null` clears the reviewers or the branch policy.
 */
export function protectionInput(
  ctx: RequestContext,
  repo: RepoRecord,
  existing: EnvironmentRecord | undefined,
): EnvironmentProtection {
  const input = parseBody(ctx, environmentSchema);
  const before = existing?.protection ?? NO_PROTECTION;
  const waitTimer = input.wait_timer ?? before.waitTimer;
  if (waitTimer < 0 || waitTimer > MAX_WAIT_TIMER)
    throw unprocessable(
      'Environment',
      `wait_timer must be an integer between 0 and ${MAX_WAIT_TIMER} (minutes), not ${waitTimer}.`,
      'wait_timer',
    );
  const reviewers = input.reviewers === undefined ? before.reviewers : (input.reviewers ?? []);
  if (reviewers.length > MAX_REVIEWERS)
    throw unprocessable(
      'Environment',
      `An environment has at most ${MAX_REVIEWERS} reviewers; ${reviewers.length} were given.`,
      'reviewers',
    );
  for (const reviewer of reviewers) checkReviewer(ctx, repo, reviewer);
  const branchPolicy =
    input.deployment_branch_policy === undefined
      ? before.branchPolicy
      : input.deployment_branch_policy && {
          protectedBranches: input.deployment_branch_policy.protected_branches,
          customBranchPolicies: input.deployment_branch_policy.custom_branch_policies,
        };
  if (branchPolicy && branchPolicy.protectedBranches === branchPolicy.customBranchPolicies)
    throw unprocessable(
      'Environment',
      'deployment_branch_policy: set exactly one of protected_branches and custom_branch_policies to true (or the policy to null to let any branch deploy).',
      'deployment_branch_policy',
    );
  return {
    waitTimer,
    preventSelfReview: input.prevent_self_review ?? before.preventSelfReview,
    reviewers: [...new Map(reviewers.map((reviewer) => [`${reviewer.type}:${reviewer.id}`, reviewer])).values()],
    branchPolicy,
  };
}

/** A reviewer must be a user who can read the repository, or a team of its organization. */
function checkReviewer(ctx: RequestContext, repo: RepoRecord, reviewer: { type: 'User' | 'Team'; id: number }): void {
  if (reviewer.type === 'User') {
    const user = ctx.store.get('user', reviewer.id);
    if (!user || user.type !== 'User')
      throw unprocessable('Environment', `No user with id ${reviewer.id} can be a reviewer.`, 'reviewers');
    if (!userRole(ctx.store, user.id, repo))
      throw unprocessable(
        'Environment',
        `${user.login} cannot be a reviewer: reviewers need at least read access to ${fullName(ctx, repo)}.`,
        'reviewers',
      );
    return;
  }
  const team = ctx.store.get('team', reviewer.id);
  if (!team || team.orgId !== repo.ownerId)
    throw unprocessable(
      'Environment',
      `No team with id ${reviewer.id} in the organization of ${fullName(ctx, repo)} can be a reviewer.`,
      'reviewers',
    );
}

/** Switching custom branch policies off drops the name patterns, as GitHub does. */
export function applyProtection(
  ctx: RequestContext,
  environment: EnvironmentRecord,
  protection: EnvironmentProtection,
): void {
  ctx.store.update(ctx.journal, 'environment', environment, { protection, updatedAt: ctx.now });
  if (!protection.branchPolicy?.customBranchPolicies) removeBranchPolicies(ctx, environment);
}

export function removeBranchPolicies(ctx: RequestContext, environment: EnvironmentRecord): void {
  for (const policy of branchPoliciesOf(ctx, environment))
    ctx.store.remove(ctx.journal, 'environmentBranchPolicy', policy);
}

/** An environment's `protection_rules` and `deployment_branch_policy`, shaped as GitHub's REST API shows them. */
export function renderProtection(ctx: RequestContext, environment: EnvironmentRecord) {
  const branchPolicy = environment.protection?.branchPolicy ?? null;
  return {
    protection_rules: protectionRules(environment).map((rule) => {
      const base = { id: rule.id, node_id: nodeId('Gate', rule.id), type: rule.type };
      switch (rule.type) {
        case 'wait_timer':
          return { ...base, wait_timer: rule.waitTimer };
        case 'required_reviewers':
          return {
            ...base,
            prevent_self_review: rule.preventSelfReview,
            reviewers: rule.reviewers.flatMap((reviewer) => {
              const shown = renderReviewer(ctx, reviewer);
              return shown ? [{ type: reviewer.type, reviewer: shown }] : [];
            }),
          };
        case 'branch_policy':
          return base;
      }
    }),
    deployment_branch_policy: branchPolicy && {
      protected_branches: branchPolicy.protectedBranches,
      custom_branch_policies: branchPolicy.customBranchPolicies,
    },
  };
}

/** A reviewer removed since (a deleted user or team) is left out. */
function renderReviewer(ctx: RequestContext, reviewer: { type: 'User' | 'Team'; id: number }) {
  if (reviewer.type === 'User') {
    const user = ctx.store.get('user', reviewer.id);
    return user && simpleUser(ctx, user);
  }
  const team = ctx.store.get('team', reviewer.id);
  return team && renderTeam(ctx, team);
}

const branchPoliciesOf = (ctx: RequestContext, environment: EnvironmentRecord) =>
  ctx.store.where('environmentBranchPolicy', `environment:${environment.id}`).sort((a, b) => a.id - b.id);

const renderBranchPolicy = (policy: EnvironmentBranchPolicyRecord) => ({
  id: policy.id,
  node_id: nodeId('GateBranchPolicy', policy.id),
  name: policy.name,
  type: policy.type,
});

function branchPolicyParam(ctx: RequestContext, environment: EnvironmentRecord): EnvironmentBranchPolicyRecord {
  const policy = branchPoliciesOf(ctx, environment).find((found) => String(found.id) === ctx.params.branch_policy_id);
  if (!policy) throw notFound();
  return policy;
}

const policyNameSchema = z.object({ name: z.string().min(1) });
const policyCreateSchema = policyNameSchema.extend({ type: z.enum(['branch', 'tag']).optional() });

const POLICIES = '/repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies';

/** The name patterns of an environment with custom branch policies: `…/deployment-branch-policies`. */
export const branchPolicyRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: POLICIES,
    operationId: 'repos/list-deployment-branch-policies',
    docs: 'deployments/branch-policies#list-deployment-branch-policies',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.metadata);
      return okCountedPage(ctx, branchPoliciesOf(ctx, environment), 'branch_policies', renderBranchPolicy);
    },
  },
  {
    method: 'POST',
    path: POLICIES,
    operationId: 'repos/create-deployment-branch-policy',
    docs: 'deployments/branch-policies#create-a-deployment-branch-policy',
    handler: (ctx) => {
      const { repo, environment } = environmentParam(ctx, NEED.admin);
      // GitHub answers 404 while the environment does not use custom branch policies.
      if (!environment.protection?.branchPolicy?.customBranchPolicies) throw notFound();
      const input = parseBody(ctx, policyCreateSchema);
      const type = input.type ?? 'branch';
      const same = branchPoliciesOf(ctx, environment).find(
        (policy) => policy.name === input.name && policy.type === type,
      );
      if (same)
        return json(303, undefined, {
          location: `${ctx.urls.repo(fullName(ctx, repo))}/environments/${encodeURIComponent(environment.name)}/deployment-branch-policies/${same.id}`,
        });
      const policy = ctx.store.insert(ctx.journal, 'environmentBranchPolicy', {
        id: ctx.store.nextId('environmentBranchPolicy'),
        repoId: repo.id,
        environmentId: environment.id,
        name: input.name,
        type,
      });
      return ok(renderBranchPolicy(policy));
    },
  },
  {
    method: 'GET',
    path: `${POLICIES}/{branch_policy_id}`,
    operationId: 'repos/get-deployment-branch-policy',
    docs: 'deployments/branch-policies#get-a-deployment-branch-policy',
    handler: (ctx) => ok(renderBranchPolicy(branchPolicyParam(ctx, environmentParam(ctx, NEED.metadata).environment))),
  },
  {
    method: 'PUT',
    path: `${POLICIES}/{branch_policy_id}`,
    operationId: 'repos/update-deployment-branch-policy',
    docs: 'deployments/branch-policies#update-a-deployment-branch-policy',
    handler: (ctx) => {
      const policy = branchPolicyParam(ctx, environmentParam(ctx, NEED.admin).environment);
      const input = parseBody(ctx, policyNameSchema);
      ctx.store.update(ctx.journal, 'environmentBranchPolicy', policy, { name: input.name });
      return ok(renderBranchPolicy(policy));
    },
  },
  {
    method: 'DELETE',
    path: `${POLICIES}/{branch_policy_id}`,
    operationId: 'repos/delete-deployment-branch-policy',
    docs: 'deployments/branch-policies#delete-a-deployment-branch-policy',
    handler: (ctx) => {
      const policy = branchPolicyParam(ctx, environmentParam(ctx, NEED.admin).environment);
      ctx.store.remove(ctx.journal, 'environmentBranchPolicy', policy);
      return noContent();
    },
  },
];
