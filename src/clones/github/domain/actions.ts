import { fullName } from '../render/repos.js';
import { isoSeconds } from '../seed/time.js';
import { ApiError } from '../state/errors.js';
import type {
  AppPermissions,
  RepoRecord,
  RunConclusion,
  RunStatus,
  WorkflowJobRecord,
  WorkflowRunRecord,
} from '../state/model.js';
import { runtimeToken } from '../state/runtime-token.js';
import {
  DEFAULT_ACTIONS_PERMISSIONS,
  insertWorkflowRun,
  issueActionsToken,
  type JobInput,
} from '../state/workflow-runs.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';

/** How long a minted `GITHUB_TOKEN` and runtime token live (GitHub's job limit is 6 hours). */
const JOB_LIFETIME_MS = 6 * 3_600_000;

export interface WorkflowRunInput {
  /** `.github/workflows/<file>` (default `.github/workflows/archal.yml`). */
  workflow?: string;
  name?: string;
  event?: string;
  /** Default: the repository's default branch. */
  headBranch?: string;
  /** Default: the tip of `headBranch`. */
  headSha?: string;
  status?: RunStatus;
  conclusion?: RunConclusion;
  backendId?: string;
  /** Default: one job named `build`. */
  jobs?: JobInput[];
  /** The `GITHUB_TOKEN`'s permissions (a workflow's `permissions:`); default the permissive set. */
  permissions?: AppPermissions;
}

export interface RegisteredJob {
  job: WorkflowJobRecord;
  /** `ACTIONS_RUNTIME_TOKEN` of this job. */
  runtimeToken: string;
}

export interface RegisteredRun {
  run: WorkflowRunRecord;
  jobs: RegisteredJob[];
  /** The run's `GITHUB_TOKEN`: an installation token of `github-actions` on the repository. */
  githubToken: string;
  /** The variables the runner gives the first job's steps. */
  env: Record<string, string>;
}

/**
 * Registers a workflow run of `repo` as GitHub starts one: the run and its jobs (each with results
 * backend ids), a `GITHUB_TOKEN`, and each job's `ACTIONS_RUNTIME_TOKEN`. The run's backend id is
 * what ties artifact uploads to this repository.
 */
export function registerWorkflowRun(ctx: DomainContext, repo: RepoRecord, input: WorkflowRunInput): RegisteredRun {
  const actor = actingUser(ctx.actor) ?? ctx.store.get('user', repo.ownerId)!;
  const headBranch = input.headBranch ?? repo.defaultBranch;
  const headSha = input.headSha ?? repo.git.branch(headBranch);
  if (!headSha || !repo.git.readCommit(headSha))
    throw new ApiError(422, `No commit found for ${input.headSha ? `SHA: ${input.headSha}` : `branch ${headBranch}`}`);
  if (input.backendId && ctx.store.where('workflowRun', `backend:${input.backendId}`).length > 0)
    throw new ApiError(422, `a workflow run with backend id ${input.backendId} already exists`);
  for (const job of input.jobs ?? [])
    if (job.backendId && ctx.store.where('workflowJob', `backend:${job.backendId}`).length > 0)
      throw new ApiError(422, `a job with backend id ${job.backendId} already exists`);
  const path = input.workflow ?? '.github/workflows/archal.yml';
  const { run, jobs } = insertWorkflowRun(ctx.store, ctx.journal, {
    repo,
    actor,
    path,
    name:
      input.name ??
      path
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/, ''),
    event: input.event ?? 'push',
    headBranch,
    headSha,
    status: input.status ?? 'in_progress',
    conclusion: input.conclusion ?? null,
    backendId: input.backendId,
    createdAt: ctx.now,
    jobs: input.jobs?.length ? input.jobs : [{ name: 'build' }],
  });
  const now = ctx.core.now();
  const token = issueActionsToken(ctx.store, ctx.journal, repo, {
    permissions: input.permissions ?? DEFAULT_ACTIONS_PERMISSIONS,
    at: ctx.now,
    expiresAt: isoSeconds(new Date(now.getTime() + JOB_LIFETIME_MS)),
  });
  ctx.core.redactor.add(token.token);
  const seconds = Math.floor(now.getTime() / 1000);
  const registered = jobs.map((job) => ({
    job,
    runtimeToken: runtimeToken(
      { runBackendId: run.backendId, jobBackendId: job.backendId },
      ctx.core.signingKey,
      seconds,
      JOB_LIFETIME_MS / 1000,
    ),
  }));
  return {
    run,
    jobs: registered,
    githubToken: token.token,
    env: runnerEnv(ctx, repo, run, registered[0]!, token.token),
  };
}

function runnerEnv(
  ctx: DomainContext,
  repo: RepoRecord,
  run: WorkflowRunRecord,
  first: RegisteredJob,
  githubToken: string,
): Record<string, string> {
  const name = fullName(ctx, repo);
  const ref = run.headBranch ? `refs/heads/${run.headBranch}` : '';
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: name,
    GITHUB_REPOSITORY_OWNER: name.split('/')[0]!,
    GITHUB_REPOSITORY_ID: String(repo.id),
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_RUN_ATTEMPT: String(run.runAttempt),
    GITHUB_WORKFLOW: run.name,
    GITHUB_JOB: first.job.name,
    GITHUB_EVENT_NAME: run.event,
    GITHUB_SHA: run.headSha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: run.headBranch ?? '',
    GITHUB_SERVER_URL: ctx.core.base,
    GITHUB_API_URL: ctx.core.base,
    GITHUB_GRAPHQL_URL: `${ctx.core.base}/graphql`,
    GITHUB_TOKEN: githubToken,
    ACTIONS_RUNTIME_TOKEN: first.runtimeToken,
    ACTIONS_RESULTS_URL: `${ctx.core.base}/`,
  };
}

export function findRunByBackendId(ctx: DomainContext, backendId: string): WorkflowRunRecord | undefined {
  return ctx.store.where('workflowRun', `backend:${backendId}`)[0];
}

export function findJobByBackendId(
  ctx: DomainContext,
  run: WorkflowRunRecord,
  backendId: string,
): WorkflowJobRecord | undefined {
  return ctx.store.where('workflowJob', `backend:${backendId}`).find((job) => job.runId === run.id);
}
