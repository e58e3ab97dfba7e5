import * as z from 'zod';
import { createCheckRun, emitCheckRun, findCheckRun, updateCheckRun } from '../domain/checks.js';
import { created, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okCountedPage, okPage } from '../http/pagination.js';
import { renderAnnotations, renderCheckRun, renderCheckSuite } from '../render/checks.js';
import { fullName } from '../render/repos.js';
import type { CheckRunRecord, RepoRecord } from '../state/model.js';
import { intParam, repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';
import { resolveRevision } from '../domain/revision.js';

const conclusion = z.enum([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
]);
const annotation = z.object({
  path: z.string().min(1),
  start_line: z.number().int(),
  end_line: z.number().int(),
  start_column: z.number().int().optional(),
  end_column: z.number().int().optional(),
  annotation_level: z.enum(['notice', 'warning', 'failure']),
  message: z.string(),
  title: z.string().optional(),
  raw_details: z.string().optional(),
});
const output = z.object({
  title: z.string().optional(),
  summary: z.string().max(65535),
  text: z.string().max(65535).optional(),
  annotations: z.array(annotation).optional(),
  images: z.array(z.object({ alt: z.string(), image_url: z.string(), caption: z.string().optional() })).optional(),
});
const action = z.object({
  label: z.string().min(1),
  description: z.string().min(1),
  identifier: z.string().min(1),
});
const runFields = {
  details_url: z.string().optional(),
  external_id: z.string().optional(),
  status: z.enum(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']).optional(),
  started_at: z.string().optional(),
  conclusion: conclusion.optional(),
  completed_at: z.string().optional(),
  output: output.optional(),
  actions: z.array(action).optional(),
};
const createSchema = z.object({ name: z.string().min(1), head_sha: z.string().min(1), ...runFields });
const updateSchema = z.object({ name: z.string().min(1).optional(), ...runFields });

function filterRuns(ctx: RequestContext, runs: CheckRunRecord[]) {
  const name = ctx.query.get('check_name');
  const status = ctx.query.get('status');
  const appId = ctx.query.get('app_id');
  const filter = ctx.query.get('filter') ?? 'latest';
  let list = runs
    .filter((run) => !name || run.name === name)
    .filter((run) => !status || run.status === status)
    .filter((run) => !appId || String(run.appId) === appId)
    .sort((a, b) => b.id - a.id);
  if (filter === 'latest') {
    // The most recent run of each name (per app), as GitHub's default filter.
    const seen = new Set<string>();
    list = list.filter((run) => {
      const key = `${run.appId}:${run.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return list;
}

function runsReply(ctx: RequestContext, repo: RepoRecord, runs: CheckRunRecord[]) {
  return okCountedPage(ctx, filterRuns(ctx, runs), 'check_runs', (run) => renderCheckRun(ctx, repo, run));
}

function refSha(repo: RepoRecord, ref: string): string {
  const sha = resolveRevision(repo, ref);
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

export const checkRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs',
    operationId: 'checks/create',
    docs: 'reference/checks#create-a-check-run',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.checksWrite);
      const input = parseBody(ctx, createSchema);
      return created(renderCheckRun(ctx, repo, await createCheckRun(ctx, repo, input)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    operationId: 'checks/get',
    docs: 'checks/runs#get-a-check-run',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksRead);
      return ok(renderCheckRun(ctx, repo, findCheckRun(ctx, repo, intParam(ctx, 'check_run_id'))));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    operationId: 'checks/update',
    docs: 'checks/runs#update-a-check-run',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.checksWrite);
      const run = findCheckRun(ctx, repo, intParam(ctx, 'check_run_id'));
      const input = parseBody(ctx, updateSchema);
      await updateCheckRun(ctx, repo, run, input);
      return ok(renderCheckRun(ctx, repo, run));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
    operationId: 'checks/list-annotations',
    docs: 'checks/runs#list-check-run-annotations',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksRead);
      const run = findCheckRun(ctx, repo, intParam(ctx, 'check_run_id'));
      return okPage(ctx, renderAnnotations(run, ctx.urls.repoHtml(fullName(ctx, repo))));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest',
    operationId: 'checks/rerequest-run',
    docs: 'checks/runs#rerequest-a-check-run',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksWrite);
      const run = findCheckRun(ctx, repo, intParam(ctx, 'check_run_id'));
      if (run.status !== 'completed')
        throw new ApiError(422, 'This check run is not rerequestable', {
          errors: [{ resource: 'CheckRun', code: 'unprocessable' }],
        });
      emitCheckRun(ctx, repo, run, 'rerequested');
      return created({});
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref+}/check-runs',
    operationId: 'checks/list-for-ref',
    docs: 'checks/runs#list-check-runs-for-a-git-reference',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksRead);
      const sha = refSha(repo, ctx.params.ref!);
      return runsReply(ctx, repo, ctx.store.where('checkRun', `sha:${repo.id}:${sha}`));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref+}/check-suites',
    operationId: 'checks/list-suites-for-ref',
    docs: 'checks/suites#list-check-suites-for-a-git-reference',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksRead);
      const sha = refSha(repo, ctx.params.ref!);
      const appId = ctx.query.get('app_id');
      const suites = ctx.store
        .where('checkSuite', `sha:${repo.id}:${sha}`)
        .filter((suite) => !appId || String(suite.appId) === appId)
        .sort((a, b) => a.id - b.id);
      return okCountedPage(ctx, suites, 'check_suites', (suite) => renderCheckSuite(ctx, repo, suite));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-suites/{check_suite_id}',
    operationId: 'checks/get-suite',
    docs: 'checks/suites#get-a-check-suite',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksRead);
      const suite = ctx.store.get('checkSuite', intParam(ctx, 'check_suite_id'));
      if (!suite || suite.repoId !== repo.id) throw notFound();
      return ok(renderCheckSuite(ctx, repo, suite));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs',
    operationId: 'checks/list-for-suite',
    docs: 'checks/runs#list-check-runs-in-a-check-suite',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.checksRead);
      const suite = ctx.store.get('checkSuite', intParam(ctx, 'check_suite_id'));
      if (!suite || suite.repoId !== repo.id) throw notFound();
      return runsReply(ctx, repo, ctx.store.where('checkRun', `suite:${suite.id}`));
    },
  },
];
