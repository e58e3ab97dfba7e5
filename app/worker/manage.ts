import { hostname } from 'node:os';
import { join } from 'node:path';
import { worktreePath } from '../../src/isolation/worktree.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { cancelRun, rejectRun, RunRefusedError, type LifecycleDeps } from '../../src/workflows/lifecycle.js';
import { helpText } from '../commands.js';
import type { JobRecord } from '../jobs.js';
import { codeSpan, duration, inline } from '../markdown.js';
import type { JobScope } from './context.js';
import type { HandlerResult } from './dispatch.js';
import { loadRepoContext, permitted } from './gate.js';
import { describeError, editComment, httpStatus, reply } from './github.js';
import { DEFAULT_FIX_LABEL, fixBranch } from './plan.js';
import { ACTIVE_RUN_STATUSES, runsOf, updateRun, type AppRun } from './records.js';
import { removeWorktree, slug, withRepoLock } from './repo.js';

/** `/archal help`, and the answer to an unknown or malformed command. */
export async function helpCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context) return 'refused';
  const { job } = scope;
  const custom = Object.keys(context.config.app?.workflows ?? {}).filter(
    (name) => name !== 'fix' && name !== 'fixCheck',
  );
  const help = helpText({ fixLabel: context.config.app?.fixLabel ?? DEFAULT_FIX_LABEL, workflows: custom });
  const lead =
    job.kind === 'unknown'
      ? `Unknown command ${codeSpan(`/archal ${job.payload.word ?? ''}`, 50)}.\n\n`
      : job.kind === 'invalid'
        ? `${codeSpan(`/archal ${job.payload.word ?? ''}`, 50)}: ${inline(job.payload.problem ?? '', 200)}.\n\n`
        : '';
  await reply(scope.github, scope, job.number!, `${lead}${help}`);
  return job.kind === 'help' ? 'help' : `answered ${job.kind} command`;
}

/** `/archal status`: the active and recent runs of this issue or pull request. */
export async function statusCommand(scope: JobScope): Promise<HandlerResult> {
  const { ctx, job } = scope;
  const runs = await runsOf(ctx.db, job.repo, job.number!, { limit: 10 });
  const queued = await ctx.db
    .selectFrom('app_jobs')
    .select('id')
    .where('repo', '=', job.repo)
    .where('number', '=', job.number)
    .where('status', '=', 'queued')
    .execute();
  const lines =
    runs.length === 0
      ? ['No Archal runs here yet.']
      : ['| Run | Workflow | Status | Started | Pull request |', '|---|---|---|---|---|'];
  for (const run of runs) {
    const stored = await ctx.store.getRun(run.runId);
    const status = stored?.status ?? run.status;
    const since = duration(Date.now() - Date.parse(run.createdAt));
    const pull = run.prNumber ? `#${run.prNumber}` : '';
    lines.push(`| \`${run.runId}\` | \`${run.workflow}\` | ${status} | ${since} ago | ${pull} |`);
  }
  if (queued.length > 0) lines.push('', `${queued.length} more job(s) queued here.`);
  await reply(scope.github, scope, job.number!, lines.join('\n'));
  return `status: ${runs.length} run(s)`;
}

/** `/archal cancel`: stops the active runs here (and their processes), the jobs setting one up, and drops the queued jobs. */
export async function cancelCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { job } = scope;
  const cancelled = await cancelEverything(scope, job.number!, `Cancelled by ${job.payload.sender}.`);
  await reply(scope.github, scope, job.number!, cancelReply(cancelled));
  return `cancelled ${cancelled.runs.length} run(s), ${cancelled.settingUp.length} job(s) setting up, ${cancelled.queued} job(s)`;
}

interface Cancelled {
  runs: AppRun[];
  /** Jobs that had not started their run yet (fetching, preparing the worktree). */
  settingUp: JobRecord[];
  queued: number;
}

/** What a cancel stopped, each run and each job setting one up by name. */
function cancelReply({ runs, settingUp, queued }: Cancelled): string {
  if (runs.length + settingUp.length + queued === 0) return 'Nothing to cancel here.';
  const lines = [
    `Cancelled ${runs.length} run(s), ${settingUp.length} job(s) setting up a run and ${queued} queued job(s).`,
  ];
  if (runs.length + settingUp.length > 0) lines.push('');
  for (const run of runs) lines.push(`- run ${codeSpan(run.runId, 60)} of ${codeSpan(run.workflow, 60)}`);
  for (const setup of settingUp)
    lines.push(
      `- the ${codeSpan(setup.kind, 20)} job ${codeSpan(setup.id, 60)} from ${inline(setup.payload.sender, 60)}, still setting up: its run will not start`,
    );
  return lines.join('\n');
}

/** `/archal reject [reason]`: the paused run here is cancelled. */
export async function rejectCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { ctx, job } = scope;
  const [paused] = await runsOf(ctx.db, job.repo, job.number!, { statuses: ['paused'], limit: 1 });
  const run = paused ? await ctx.store.getRun(paused.runId) : undefined;
  if (!paused || !run) {
    await reply(scope.github, scope, job.number!, 'No run here is waiting for an approval.');
    return 'nothing to reject';
  }
  try {
    await rejectRun(lifecycle(scope), run, `${job.payload.text || 'Rejected'} (by ${job.payload.sender})`);
  } catch (error) {
    if (!(error instanceof RunRefusedError)) throw error;
    await reply(scope.github, scope, job.number!, inline(error.message, 500));
    return 'refused';
  }
  await updateRun(ctx.db, paused.runId, { status: 'cancelled' });
  await markComment(
    scope,
    paused,
    `Rejected by ${job.payload.sender}${job.payload.text ? `: ${job.payload.text}` : '.'}`,
  );
  return `rejected run ${paused.runId}`;
}

/** A pull request closed: its runs are cancelled and its fix branch's worktree removed. */
export async function closedPull(scope: JobScope): Promise<HandlerResult> {
  const { ctx, job } = scope;
  const { runs, settingUp, queued } = await cancelEverything(
    scope,
    job.number!,
    `Pull request #${job.number} was closed.`,
  );
  const mirror = join(ctx.home, 'app', 'repos', slug(job.repo));
  const path = worktreePath(ctx.home, mirror, fixBranch(job.number!, true));
  const removed = await withRepoLock(job.repo, () => removeWorktree(mirror, path));
  if (removed) await ctx.store.setWorktreeStatus(path, 'destroyed');
  return `closed: cancelled ${runs.length} run(s), ${settingUp.length + queued} job(s)${removed ? ', removed the worktree' : ''}`;
}

async function cancelEverything(scope: JobScope, number: number, reason: string): Promise<Cancelled> {
  const { ctx, job } = scope;
  const queued = await ctx.ledger.cancelQueued(job.repo, number, job.id);
  // Before the runs: a job that records its run meanwhile is not cancelled here, and its run is found below.
  const settingUp = await ctx.ledger.cancelSettingUp(job.repo, number, job.id);
  const runs: AppRun[] = [];
  for (const appRun of await runsOf(ctx.db, job.repo, number, { statuses: ACTIVE_RUN_STATUSES })) {
    const run = await ctx.store.getRun(appRun.runId);
    if (!run) continue;
    const { cancelled } = await cancelRun(lifecycle(scope), run, reason);
    await updateRun(ctx.db, appRun.runId, { status: cancelled ? 'cancelled' : run.status });
    if (!cancelled) continue;
    runs.push(appRun);
    await markComment(scope, appRun, reason);
  }
  return { runs, settingUp, queued: queued.length };
}

/**
 * Lifecycle access for decisions taken from any worker. The run's owner (a worker process running
 * many jobs) is never signalled: it sees the cancellation at its next heartbeat, and the node
 * processes on this host are stopped at once.
 */
function lifecycle(scope: JobScope): LifecycleDeps {
  return {
    store: scope.ctx.store,
    engine: { providers: createProviderRegistry(), env: {} },
    owner: { pid: process.pid, host: hostname() },
    isProcessAlive: () => false,
  };
}

/**
 * Marks a run's progress comment as ended, with a note (the owner re-renders it when the run ends).
 * Never fails the cancel: the run is cancelled already, and a cancel tried again would find nothing
 * left to cancel and say so.
 */
async function markComment(scope: JobScope, run: AppRun, note: string): Promise<void> {
  if (run.commentId === null) return;
  const target = { owner: scope.owner, repo: scope.repo };
  try {
    const { data } = await scope.github.rest.issues.getComment({ ...target, comment_id: run.commentId });
    const body = (data.body ?? '').replace(/^(### Archal · `[^`]*` · ).*$/m, '$1🚫 cancelled');
    await editComment(scope.github, target, run.commentId, `${body}\n\n${inline(note, 500)}`);
  } catch (error) {
    // Deleted (404, or 410 with its issue) needs no word; anything else is logged.
    const status = httpStatus(error);
    if (status !== 404 && status !== 410)
      scope.ctx.log(`Cannot mark the progress comment of run ${run.runId} as cancelled: ${describeError(error)}`);
  }
}
