import * as z from 'zod';
import type { CloneCore } from '../core.js';
import { registerWorkflowRun, type RegisteredRun, type WorkflowRunInput } from '../domain/actions.js';
import type { DomainContext } from '../domain/context.js';
import { fullName } from '../render/repos.js';
import { ApiError } from '../state/errors.js';
import { actingAs } from './context.js';

const status = z.enum(['queued', 'in_progress', 'completed']);
const conclusion = z.enum(['success', 'failure', 'cancelled', 'skipped', 'neutral', 'timed_out', 'action_required']);

/** `POST /_archal/actions/runs`: a workflow run as GitHub starts one (snake_case, like GitHub's JSON). */
const runRequest = z
  .object({
    repo: z.string().regex(/^[^/]+\/[^/]+$/, 'expected "owner/name"'),
    workflow: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    event: z.string().min(1).optional(),
    head_branch: z.string().min(1).optional(),
    head_sha: z
      .string()
      .regex(/^[0-9a-f]{40}$/, 'expected a full commit SHA')
      .optional(),
    status: status.optional(),
    conclusion: conclusion.optional(),
    backend_id: z.string().min(1).optional(),
    actor: z.string().optional(),
    permissions: z.record(z.string(), z.enum(['read', 'write', 'none'])).optional(),
    jobs: z
      .array(
        z
          .object({
            name: z.string().min(1),
            backend_id: z.string().min(1).optional(),
            status: status.optional(),
            conclusion: conclusion.optional(),
            steps: z
              .array(
                z
                  .object({ name: z.string().min(1), status: status.optional(), conclusion: conclusion.optional() })
                  .strict(),
              )
              .optional(),
            log: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type WorkflowRunRequest = z.input<typeof runRequest>;
export type WorkflowRunResponse = ReturnType<typeof registeredRunBody>;

/** Registers a run from the control API's request body (also `handle.workflowRun()`). */
export function createWorkflowRun(core: CloneCore, body: unknown): WorkflowRunResponse {
  const request = parseRunRequest(body);
  const { ctx } = actingAs(core, request.actor);
  const [owner = '', name = ''] = request.repo.split('/');
  const repo = ctx.store.repoByFullName(owner, name);
  if (!repo) throw new ApiError(404, `unknown repository "${request.repo}"`);
  return registeredRunBody(ctx, registerWorkflowRun(ctx, repo, request.run));
}

function parseRunRequest(body: unknown): { repo: string; actor?: string; run: WorkflowRunInput } {
  const parsed = runRequest.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      422,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
    );
  const input = parsed.data;
  return {
    repo: input.repo,
    actor: input.actor,
    run: {
      workflow: input.workflow,
      name: input.name,
      event: input.event,
      headBranch: input.head_branch,
      headSha: input.head_sha,
      status: input.status,
      conclusion: input.conclusion,
      backendId: input.backend_id,
      permissions: input.permissions
        ? Object.fromEntries(
            Object.entries(input.permissions).filter(
              (entry): entry is [string, 'read' | 'write'] => entry[1] !== 'none',
            ),
          )
        : undefined,
      jobs: input.jobs?.map((job) => ({
        name: job.name,
        backendId: job.backend_id,
        status: job.status,
        conclusion: job.conclusion,
        steps: job.steps,
        log: job.log,
      })),
    },
  };
}

/** What the control API answers: ids, tokens and the runner environment of the first job. */
export function registeredRunBody(ctx: DomainContext, registered: RegisteredRun) {
  const { run } = registered;
  const repo = ctx.store.get('repo', run.repoId)!;
  const name = fullName(ctx, repo);
  return {
    id: run.id,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    backend_id: run.backendId,
    url: `${ctx.urls.repo(name)}/actions/runs/${run.id}`,
    html_url: `${ctx.urls.repoHtml(name)}/actions/runs/${run.id}`,
    github_token: registered.githubToken,
    jobs: registered.jobs.map(({ job, runtimeToken }) => ({
      id: job.id,
      name: job.name,
      backend_id: job.backendId,
      runtime_token: runtimeToken,
    })),
    env: registered.env,
  };
}
