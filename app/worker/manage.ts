import { hostname } from 'node:os';
import { join } from 'node:path';
import { worktreePath } from '../../src/isolation/worktree.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { cancelRun, rejectRun, RunRefusedError, type LifecycleDeps } from '../../src/workflows/lifecycle.js';
import { helpText } from '../commands.js';
import { codeSpan, duration, inline } from '../markdown.js';
import type { JobScope } from './context.js';
import type { HandlerResult } from './dispatch.js';
import { loadRepoContext, permitted } from './gate.js';
import { editComment, httpStatus, reply } from './github.js';
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

/** `/archal cancel`: stops the active runs here (and their processes) and drops the queued jobs. */
export async function cancelCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { job } = scope;
  const { runs, jobs } = await cancelEverything(scope, job.number!, `Cancelled by ${job.payload.sender}.`);
  await reply(
    scope.github,
    scope,
    job.number!,
    runs + jobs === 0 ? 'Nothing to cancel here.' : `Cancelled ${runs} run(s) and ${jobs} queued job(s).`,
  );
  return `cancelled ${runs} run(s), ${jobs} job(s)`;
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
  const { runs, jobs } = await cancelEverything(scope, job.number!, `Pull request #${job.number} was closed.`);
  const mirror = join(ctx.home, 'app', 'repos', slug(job.repo));
  const path = worktreePath(ctx.home, mirror, fixBranch(job.number!, true));
  const removed = await withRepoLock(job.repo, () => removeWorktree(mirror, path));
  if (removed) await ctx.store.setWorktreeStatus(path, 'destroyed');
  return `closed: cancelled ${runs} run(s), ${jobs} job(s)${removed ? ', removed the worktree' : ''}`;
}

async function cancelEverything(scope: JobScope, number: number, reason: string) {
  const { ctx, job } = scope;
  const jobs = await ctx.ledger.cancelQueued(job.repo, number, job.id);
  let runs = 0;
  for (const appRun of await runsOf(ctx.db, job.repo, number, { statuses: ACTIVE_RUN_STATUSES })) {
    const run = await ctx.store.getRun(appRun.runId);
    if (!run) continue;
    const { cancelled } = await cancelRun(lifecycle(scope), run, reason);
    await updateRun(ctx.db, appRun.runId, { status: cancelled ? 'cancelled' : run.status });
    if (!cancelled) continue;
    runs++;
    await markComment(scope, appRun, reason);
  }
  return { runs, jobs: jobs.length };
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

/** Marks a run's progress comment as ended, with a note (the owner may re-render it later). */
async function markComment(scope: JobScope, run: AppRun, note: string): Promise<void> {
  if (run.commentId === null) return;
  const target = { owner: scope.owner, repo: scope.repo };
  try {
    const { data } = await scope.github.rest.issues.getComment({ ...target, comment_id: run.commentId });
    const body = (data.body ?? '').replace(/^(### Archal · `[^`]*` · ).*$/m, '$1🚫 cancelled');
    await editComment(scope.github, target, run.commentId, `${body}\n\n${inline(note, 500)}`);
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
}
