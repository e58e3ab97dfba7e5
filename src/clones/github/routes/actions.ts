import { artifactDownloadUrl, jobLogPath, logDownloadUrl, removeArtifact, runLogsPath } from '../domain/artifacts.js';
import { okCountedPage } from '../http/pagination.js';
import { json, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderArtifact, renderJob, renderWorkflow, renderWorkflowRun } from '../render/actions.js';
import { notFound } from '../state/errors.js';
import type { ArtifactRecord, RepoRecord, WorkflowRecord, WorkflowRunRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { intParam, repoParam } from './lookup.js';

function findRun(ctx: RequestContext, repo: RepoRecord): WorkflowRunRecord {
  const run = ctx.store.get('workflowRun', intParam(ctx, 'run_id'));
  if (!run || run.repoId !== repo.id) throw notFound();
  return run;
}

function findArtifact(ctx: RequestContext, repo: RepoRecord): ArtifactRecord {
  const artifact = ctx.store.get('artifact', intParam(ctx, 'artifact_id'));
  if (!artifact || artifact.repoId !== repo.id || !artifact.finalized) throw notFound();
  return artifact;
}

/** A workflow by id or by file name (`ci.yml`), as GitHub accepts both. */
function findWorkflow(ctx: RequestContext, repo: RepoRecord): WorkflowRecord {
  const key = ctx.params.workflow_id!;
  const workflow = ctx.store
    .where('workflow', `repo:${repo.id}`)
    .find((candidate) => String(candidate.id) === key || candidate.path.split('/').pop() === key);
  if (!workflow) throw notFound();
  return workflow;
}

/** Newest first, with `name` narrowing by exact name, as GitHub lists artifacts. */
function artifactsReply(ctx: RequestContext, repo: RepoRecord, artifacts: ArtifactRecord[]) {
  const name = ctx.query.get('name');
  const now = ctx.core.now();
  const list = artifacts.filter((artifact) => artifact.finalized && (!name || artifact.name === name));
  list.sort((a, b) => b.id - a.id);
  return okCountedPage(ctx, list, 'artifacts', (artifact) => renderArtifact(ctx, repo, artifact, now));
}

/** Runs newest first, narrowed by `actor`, `branch`, `event`, `status` (or conclusion) and `head_sha`. */
function runsReply(ctx: RequestContext, repo: RepoRecord, runs: WorkflowRunRecord[]) {
  const { query } = ctx;
  const actor = query.get('actor')?.toLowerCase();
  const branch = query.get('branch');
  const event = query.get('event');
  const status = query.get('status');
  const headSha = query.get('head_sha');
  const list = runs.filter(
    (run) =>
      (!actor || ctx.store.get('user', run.actorId)?.login.toLowerCase() === actor) &&
      (!branch || run.headBranch === branch) &&
      (!event || run.event === event) &&
      (!status || run.status === status || run.conclusion === status) &&
      (!headSha || run.headSha === headSha),
  );
  list.sort((a, b) => b.id - a.id);
  return okCountedPage(ctx, list, 'workflow_runs', (run) => renderWorkflowRun(ctx, repo, run));
}

const redirect = (location: string) => json(302, undefined, { location });

export const actionRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/artifacts',
    operationId: 'actions/list-artifacts-for-repo',
    docs: 'actions/artifacts#list-artifacts-for-a-repository',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      return artifactsReply(ctx, repo, ctx.store.where('artifact', `repo:${repo.id}`));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
    operationId: 'actions/get-artifact',
    docs: 'actions/artifacts#get-an-artifact',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      return ok(renderArtifact(ctx, repo, findArtifact(ctx, repo), ctx.core.now()));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
    operationId: 'actions/delete-artifact',
    docs: 'actions/artifacts#delete-an-artifact',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsWrite);
      removeArtifact(ctx, findArtifact(ctx, repo));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    operationId: 'actions/download-artifact',
    docs: 'actions/artifacts#download-an-artifact',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const artifact = findArtifact(ctx, repo);
      if (ctx.params.archive_format !== 'zip') throw notFound();
      return redirect(artifactDownloadUrl(ctx, artifact));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs',
    operationId: 'actions/list-workflow-runs-for-repo',
    docs: 'actions/workflow-runs#list-workflow-runs-for-a-repository',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      return runsReply(ctx, repo, ctx.store.where('workflowRun', `repo:${repo.id}`));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}',
    operationId: 'actions/get-workflow-run',
    docs: 'actions/workflow-runs#get-a-workflow-run',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      return ok(renderWorkflowRun(ctx, repo, findRun(ctx, repo)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
    operationId: 'actions/list-workflow-run-artifacts',
    docs: 'actions/artifacts#list-workflow-run-artifacts',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const run = findRun(ctx, repo);
      return artifactsReply(ctx, repo, ctx.store.where('artifact', `run:${run.id}`));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    operationId: 'actions/list-jobs-for-workflow-run',
    docs: 'actions/workflow-jobs#list-jobs-for-a-workflow-run',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const run = findRun(ctx, repo);
      const jobs = ctx.store.where('workflowJob', `run:${run.id}`).sort((a, b) => a.id - b.id);
      return okCountedPage(ctx, jobs, 'jobs', (job) => renderJob(ctx, repo, job));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/logs',
    operationId: 'actions/download-workflow-run-logs',
    docs: 'actions/workflow-runs#download-workflow-run-logs',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      return redirect(logDownloadUrl(ctx, runLogsPath(findRun(ctx, repo))));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/jobs/{job_id}',
    operationId: 'actions/get-job-for-workflow-run',
    docs: 'actions/workflow-jobs#get-a-job-for-a-workflow-run',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const job = ctx.store.get('workflowJob', intParam(ctx, 'job_id'));
      if (!job || job.repoId !== repo.id) throw notFound();
      return ok(renderJob(ctx, repo, job));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    operationId: 'actions/download-job-logs-for-workflow-run',
    docs: 'actions/workflow-jobs#download-job-logs-for-a-workflow-run',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const job = ctx.store.get('workflowJob', intParam(ctx, 'job_id'));
      if (!job || job.repoId !== repo.id) throw notFound();
      return redirect(logDownloadUrl(ctx, jobLogPath(job)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows',
    operationId: 'actions/list-repo-workflows',
    docs: 'actions/workflows#list-repository-workflows',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const workflows = ctx.store.where('workflow', `repo:${repo.id}`).sort((a, b) => a.id - b.id);
      return okCountedPage(ctx, workflows, 'workflows', (workflow) => renderWorkflow(ctx, repo, workflow));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}',
    operationId: 'actions/get-workflow',
    docs: 'actions/workflows#get-a-workflow',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      return ok(renderWorkflow(ctx, repo, findWorkflow(ctx, repo)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    operationId: 'actions/list-workflow-runs',
    docs: 'actions/workflow-runs#list-workflow-runs-for-a-workflow',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.actionsRead);
      const workflow = findWorkflow(ctx, repo);
      return runsReply(ctx, repo, ctx.store.where('workflowRun', `workflow:${workflow.id}`));
    },
  },
];
