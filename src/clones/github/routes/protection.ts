import * as z from 'zod';
import { codeownersErrors, readCodeowners } from '../domain/codeowners.js';
import { parseBody } from '../http/input.js';
import { noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderAdminEnforced, renderProtection, renderReviewProtection, renderStatusChecks } from '../render/teams.js';
import { ApiError, notFound, validationFailed } from '../state/errors.js';
import type { ProtectionRecord, RepoRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { protectionOf } from '../state/teams.js';
import { repoParam } from './lookup.js';

/** Classic branch protection (`/branches/{branch}/protection`) and CODEOWNERS errors. */

const statusChecksSchema = z
  .object({
    strict: z.boolean().optional(),
    contexts: z.array(z.string()).optional(),
    checks: z.array(z.object({ context: z.string(), app_id: z.number().int().optional() })).optional(),
  })
  .nullable();
const reviewsSchema = z
  .object({
    dismiss_stale_reviews: z.boolean().optional(),
    require_code_owner_reviews: z.boolean().optional(),
    required_approving_review_count: z.number().int().min(0).max(6).optional(),
    require_last_push_approval: z.boolean().optional(),
    dismissal_restrictions: z.unknown().optional(),
    bypass_pull_request_allowances: z.unknown().optional(),
  })
  .nullable();
const updateSchema = z.object({
  required_status_checks: statusChecksSchema,
  enforce_admins: z.boolean().nullable(),
  required_pull_request_reviews: reviewsSchema,
  restrictions: z.unknown().nullable(),
  required_linear_history: z.boolean().optional(),
  allow_force_pushes: z.boolean().nullable().optional(),
  allow_deletions: z.boolean().optional(),
  block_creations: z.boolean().optional(),
  required_conversation_resolution: z.boolean().optional(),
  lock_branch: z.boolean().optional(),
  allow_fork_syncing: z.boolean().optional(),
});

function branchParam(ctx: RequestContext, repo: RepoRecord): string {
  const branch = ctx.params.branch!;
  if (!repo.git.branch(branch)) throw notFound('Branch not found');
  return branch;
}

function protectionParam(ctx: RequestContext, repo: RepoRecord): ProtectionRecord {
  const protection = protectionOf(ctx.store, repo, branchParam(ctx, repo));
  if (!protection) throw notFound('Branch not protected');
  return protection;
}

function contextsOf(checks: z.output<typeof statusChecksSchema>): { strict: boolean; contexts: string[] } | null {
  if (!checks) return null;
  const contexts = [...(checks.contexts ?? []), ...(checks.checks ?? []).map((check) => check.context)];
  return { strict: checks.strict ?? false, contexts: [...new Set(contexts)] };
}

function reviewsOf(reviews: z.output<typeof reviewsSchema>): ProtectionRecord['requiredReviews'] {
  if (!reviews) return null;
  return {
    count: reviews.required_approving_review_count ?? 1,
    dismissStale: reviews.dismiss_stale_reviews ?? false,
    requireCodeOwners: reviews.require_code_owner_reviews ?? false,
    requireLastPush: reviews.require_last_push_approval ?? false,
  };
}

export const protectionRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
    operationId: 'repos/get-branch-protection',
    docs: 'branches/branch-protection#get-branch-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      return ok(renderProtection(ctx, repo, protectionParam(ctx, repo)));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
    operationId: 'repos/update-branch-protection',
    docs: 'branches/branch-protection#update-branch-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const branch = branchParam(ctx, repo);
      const input = parseBody(ctx, updateSchema);
      const fields = {
        requiredStatusChecks: contextsOf(input.required_status_checks),
        enforceAdmins: input.enforce_admins ?? false,
        requiredReviews: reviewsOf(input.required_pull_request_reviews),
        requiredLinearHistory: input.required_linear_history ?? false,
        allowForcePushes: input.allow_force_pushes ?? false,
        allowDeletions: input.allow_deletions ?? false,
        requiredConversationResolution: input.required_conversation_resolution ?? false,
        lockBranch: input.lock_branch ?? false,
        blockCreations: input.block_creations ?? false,
      };
      const existing = protectionOf(ctx.store, repo, branch);
      const protection =
        existing ??
        ctx.store.insert(ctx.journal, 'protection', {
          id: ctx.store.nextId('protection'),
          repoId: repo.id,
          branch,
          ...fields,
        });
      if (existing) ctx.store.update(ctx.journal, 'protection', existing, fields);
      return ok(renderProtection(ctx, repo, protection));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
    operationId: 'repos/delete-branch-protection',
    docs: 'branches/branch-protection#delete-branch-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionOf(ctx.store, repo, branchParam(ctx, repo));
      if (!protection) throw new ApiError(404, 'Branch not protected');
      ctx.store.remove(ctx.journal, 'protection', protection);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_status_checks',
    operationId: 'repos/get-status-checks-protection',
    docs: 'branches/branch-protection#get-status-checks-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionParam(ctx, repo);
      if (!protection.requiredStatusChecks) throw notFound('Required status checks not enabled');
      return ok(renderStatusChecks(ctx, repo, protection));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_status_checks',
    operationId: 'repos/update-status-check-protection',
    docs: 'branches/branch-protection#update-status-check-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionParam(ctx, repo);
      if (!protection.requiredStatusChecks) throw notFound('Required status checks not enabled');
      const input = parseBody(ctx, statusChecksSchema.unwrap());
      const given = contextsOf(input)!;
      ctx.store.update(ctx.journal, 'protection', protection, {
        requiredStatusChecks: {
          strict: input.strict ?? protection.requiredStatusChecks.strict,
          contexts:
            input.contexts === undefined && input.checks === undefined
              ? protection.requiredStatusChecks.contexts
              : given.contexts,
        },
      });
      return ok(renderStatusChecks(ctx, repo, protection));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_pull_request_reviews',
    operationId: 'repos/get-pull-request-review-protection',
    docs: 'branches/branch-protection#get-pull-request-review-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionParam(ctx, repo);
      if (!protection.requiredReviews) throw notFound('Pull request reviews not enabled');
      return ok(renderReviewProtection(ctx, repo, protection));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_pull_request_reviews',
    operationId: 'repos/update-pull-request-review-protection',
    docs: 'branches/branch-protection#update-pull-request-review-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionParam(ctx, repo);
      const input = parseBody(ctx, reviewsSchema.unwrap());
      const current = protection.requiredReviews ?? reviewsOf({})!;
      if (input.required_approving_review_count !== undefined && input.required_approving_review_count > 6)
        throw validationFailed([{ resource: 'Protection', code: 'invalid', field: 'required_approving_review_count' }]);
      ctx.store.update(ctx.journal, 'protection', protection, {
        requiredReviews: {
          count: input.required_approving_review_count ?? current.count,
          dismissStale: input.dismiss_stale_reviews ?? current.dismissStale,
          requireCodeOwners: input.require_code_owner_reviews ?? current.requireCodeOwners,
          requireLastPush: input.require_last_push_approval ?? current.requireLastPush,
        },
      });
      return ok(renderReviewProtection(ctx, repo, protection));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/enforce_admins',
    operationId: 'repos/get-admin-branch-protection',
    docs: 'branches/branch-protection#get-admin-branch-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      return ok(renderAdminEnforced(ctx, repo, protectionParam(ctx, repo)));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/enforce_admins',
    operationId: 'repos/set-admin-branch-protection',
    docs: 'branches/branch-protection#set-admin-branch-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionParam(ctx, repo);
      ctx.store.update(ctx.journal, 'protection', protection, { enforceAdmins: true });
      return ok(renderAdminEnforced(ctx, repo, protection));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/branches/{branch+}/protection/enforce_admins',
    operationId: 'repos/delete-admin-branch-protection',
    docs: 'branches/branch-protection#delete-admin-branch-protection',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const protection = protectionParam(ctx, repo);
      ctx.store.update(ctx.journal, 'protection', protection, { enforceAdmins: false });
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/codeowners/errors',
    operationId: 'repos/codeowners-errors',
    docs: 'repos/repos#list-codeowners-errors',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const ref = ctx.query.get('ref') ?? repo.defaultBranch;
      const file = readCodeowners(repo.git, ref);
      if (!file) throw notFound();
      return ok({ errors: codeownersErrors(ctx.store, repo, file) });
    },
  },
];
