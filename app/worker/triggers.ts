import { RUN_JOB_KINDS } from '../jobs.js';
import { FIX_ACTION, FIX_CHECK_NAME } from '../route.js';
import type { JobScope } from './context.js';
import { DEFERRED, type HandlerResult } from './dispatch.js';
import { loadRepoContext, permitted } from './gate.js';
import {
  DEFAULT_FIX_CHECK_WORKFLOW,
  DEFAULT_FIX_CHECKS,
  DEFAULT_FIX_LABEL,
  DEFAULT_FIX_WORKFLOW,
  DEFAULT_MAX_CONCURRENT_RUNS,
  planRun,
  type RepoContext,
} from './plan.js';
import { ACTIVE_RUN_STATUSES, claimTarget, runsOf } from './records.js';
import { answer } from './reply.js';
import { executeRun, type RunMode } from './run-flow.js';

const DEFER_MS = 15_000;

/** `/archal fix [instructions]`, and the "Fix with Archal" button. */
export async function fixCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { job } = scope;
  const fromCheck = job.payload.trigger === 'button';
  return startWorkflow(scope, context, {
    workflowName: fromCheck ? fixCheckWorkflow(context) : fixWorkflow(context),
    message: job.payload.text ?? '',
    ...(job.payload.check ? { check: { id: job.payload.check.id } } : {}),
  });
}

/** `/archal run <workflow> [message]`: a name of `app.workflows`, else a workflow's own name. */
export async function runCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const word = scope.job.payload.word ?? '';
  const mapped = context.config.app?.workflows?.[word];
  return startWorkflow(scope, context, { workflowName: mapped ?? word, message: scope.job.payload.text ?? '' });
}

/** The fix label on an issue or a pull request (any other label starts nothing). */
export async function labelCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context) return 'refused';
  const fixLabel = context.config.app?.fixLabel ?? DEFAULT_FIX_LABEL;
  if (scope.job.payload.label !== fixLabel) return `ignored: label "${scope.job.payload.label}" is not ${fixLabel}`;
  if (!(await permitted(scope, context))) return 'refused';
  return startWorkflow(scope, context, { workflowName: fixWorkflow(context), message: '' });
}

/** `/archal retry`: resumes the last failed run here, else repeats the last command that started one. */
export async function retryCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { ctx, job } = scope;
  const number = job.number!;
  if (job.runId) return startWorkflow(scope, context, { workflowName: '', message: '' });
  const [last] = await runsOf(ctx.db, job.repo, number, { limit: 1 });
  const stored = last ? await ctx.store.getRun(last.runId) : undefined;
  if (last && stored?.status === 'failed') {
    const original = await ctx.ledger.get(last.jobId);
    return startWorkflow(
      scope,
      context,
      { workflowName: last.workflow, message: stored.userMessage, ...checkOf(original?.payload.check) },
      { kind: 'resume', run: stored },
    );
  }
  if (!last) {
    await answer(scope, number, 'There is no earlier run here to retry; `/archal fix` starts one.');
    return 'nothing to retry';
  }
  const original = await ctx.ledger.get(last.jobId);
  return startWorkflow(scope, context, {
    workflowName: last.workflow,
    message: stored?.userMessage ?? '',
    ...checkOf(original?.payload.check),
  });
}

/** `/archal approve [comment]`: continues the run paused here, in this worker. */
export async function approveCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { ctx, job } = scope;
  if (job.runId) return startWorkflow(scope, context, { workflowName: '', message: '' });
  const [paused] = await runsOf(ctx.db, job.repo, job.number!, { statuses: ['paused'], limit: 1 });
  const run = paused ? await ctx.store.getRun(paused.runId) : undefined;
  if (!paused || run?.status !== 'paused') {
    await answer(scope, job.number!, 'No run here is waiting for an approval.');
    return 'nothing to approve';
  }
  const original = await ctx.ledger.get(paused.jobId);
  return startWorkflow(
    scope,
    context,
    { workflowName: paused.workflow, message: run.userMessage, ...checkOf(original?.payload.check) },
    { kind: 'approve', run, comment: job.payload.text ?? '' },
  );
}

/** A check failed on a pull request: offer the "Fix with Archal" button, or start at once with `autoFix`. */
export async function checkFailed(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  const check = scope.job.payload.check;
  if (!context || !check) return 'refused';
  const watched = context.config.app?.fixChecks ?? DEFAULT_FIX_CHECKS;
  if (!watched.includes(check.name)) return `ignored: check "${check.name}" is not in app.fixChecks`;
  if (context.config.app?.autoFix)
    return startWorkflow(scope, context, { workflowName: fixCheckWorkflow(context), message: '', check });
  if (scope.job.runId) return 'offered';
  // A job tried again after GitHub answered 5xx to the create may find the button made already.
  const offered = await offeredFix(scope, check);
  if (offered) return `offered a fix on check run ${offered}`;
  const { data } = await scope.github.rest.checks.create({
    owner: scope.owner,
    repo: scope.repo,
    name: FIX_CHECK_NAME,
    head_sha: check.headSha,
    status: 'completed',
    conclusion: 'neutral',
    external_id: String(check.id),
    output: {
      title: `"${check.name}" failed: Archal can propose a fix`,
      summary: `The check **${check.name}** failed on this commit. **Fix with Archal** runs the \`${fixCheckWorkflow(context)}\` workflow with the check's output and opens a draft pull request against this pull request's branch.`,
    },
    actions: [
      { label: 'Fix with Archal', description: 'Open a draft pull request with a fix', identifier: FIX_ACTION },
    ],
  });
  return `offered a fix on check run ${data.id}`;
}

/** The App's "Archal fix" check run already offered for this failing check, if any. */
async function offeredFix(scope: JobScope, check: { id: number; headSha: string }): Promise<number | undefined> {
  const { data } = await scope.github.rest.checks.listForRef({
    owner: scope.owner,
    repo: scope.repo,
    ref: check.headSha,
    check_name: FIX_CHECK_NAME,
    filter: 'all',
  });
  return data.check_runs.find((run) => run.external_id === String(check.id) && run.app?.id === scope.ctx.appId)?.id;
}

function fixWorkflow(context: RepoContext): string {
  return context.config.app?.workflows?.fix ?? DEFAULT_FIX_WORKFLOW;
}

function fixCheckWorkflow(context: RepoContext): string {
  return context.config.app?.workflows?.fixCheck ?? DEFAULT_FIX_CHECK_WORKFLOW;
}

function checkOf(check: { id: number } | undefined) {
  return check ? { check: { id: check.id } } : {};
}

/**
 * Starts a workflow run for the job's issue or pull request, or recovers the run a dead worker
 * left: one active run per issue, `app.maxConcurrentRuns` per repository (later jobs wait).
 */
async function startWorkflow(
  scope: JobScope,
  context: RepoContext,
  request: { workflowName: string; message: string; check?: { id: number } },
  explicitMode?: RunMode,
): Promise<HandlerResult> {
  const { ctx, job } = scope;
  const number = job.number!;
  let mode: RunMode | undefined = explicitMode;
  let workflowName = request.workflowName;
  let message = request.message;
  if (job.runId) {
    // Taken over from a worker that stopped: continue its run where it is.
    const run = await ctx.store.getRun(job.runId);
    if (!run) throw new Error(`run ${job.runId} of job ${job.id} is not in the store`);
    mode = { kind: 'recover', run };
    workflowName = run.workflowName;
    message = run.userMessage;
  } else {
    const own = modeRunId(mode);
    // An approval continues a run whose job may still be executing its other branches: no new run starts.
    const claim =
      mode?.kind === 'approve' ? { claimed: true as const } : await claimTarget(ctx.db, job.repo, number, job.id);
    if (!claim.claimed) {
      await answer(
        scope,
        number,
        `A run is already starting here (job \`${claim.holder}\`): \`/archal status\` shows it, \`/archal cancel\` stops it.`,
      );
      return `refused: job ${claim.holder} is starting a run here`;
    }
    const active = await runsOf(ctx.db, job.repo, number, { statuses: ACTIVE_RUN_STATUSES, limit: 5 });
    const blocking = active.find((run) => run.runId !== own);
    if (blocking) {
      await answer(
        scope,
        number,
        `A run is already ${blocking.status} here (\`${blocking.runId}\`, workflow \`${blocking.workflow}\`): \`/archal status\` shows it, \`/archal cancel\` stops it.`,
      );
      return `refused: run ${blocking.runId} is active`;
    }
    if (await overLimit(scope, context)) {
      await ctx.ledger.defer(job.id, DEFER_MS, 'waiting: app.maxConcurrentRuns reached');
      await ctx.queue.requeue(job.id, new Date(Date.now() + DEFER_MS));
      return DEFERRED;
    }
  }
  const plan = await planRun(scope, context, {
    workflowName,
    message,
    number,
    isPull: job.isPull,
    ...(request.check ? { check: request.check } : {}),
  });
  if ('problem' in plan) {
    await answer(scope, number, `Archal cannot run here: ${plan.problem}.`);
    return `refused: ${plan.problem}`;
  }
  return executeRun(scope, plan, mode ?? { kind: 'start', fresh: job.attempts <= 1 });
}

function modeRunId(mode: RunMode | undefined): string | undefined {
  return mode && mode.kind !== 'start' ? mode.run.id : undefined;
}

/** Whether older jobs of this repository already run `app.maxConcurrentRuns` workflows. */
async function overLimit(scope: JobScope, context: RepoContext): Promise<boolean> {
  const { ctx, job } = scope;
  const max = context.config.app?.maxConcurrentRuns ?? DEFAULT_MAX_CONCURRENT_RUNS;
  const older = await ctx.db
    .selectFrom('app_jobs')
    .select('id')
    .where('repo', '=', job.repo)
    .where('status', '=', 'running')
    .where('kind', 'in', RUN_JOB_KINDS)
    .where('id', '!=', job.id)
    .where('created_at', '<', job.createdAt)
    .execute();
  return older.length >= max;
}
