import { hostname } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { worktreePath } from '../../src/isolation/worktree.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { cancelRun, rejectRun, RunRefusedError, type LifecycleDeps } from '../../src/workflows/lifecycle.js';
import { ACTIVE_STATUSES } from '../../src/workflows/run-store.js';
import { helpText } from '../commands.js';
import { codeSpan, duration, inline } from '../markdown.js';
import type { JobScope } from './context.js';
import type { HandlerResult } from './dispatch.js';
import { loadRepoContext, permitted } from './gate.js';
import { describeError, editComment, httpStatus } from './github.js';
import { DEFAULT_FIX_LABEL, fixBranch } from './plan.js';
import { ACTIVE_RUN_STATUSES, getAppRun, runsOf, updateRun, type AppRun } from './records.js';
import { conversationOf } from './run-flow.js';
import { answer } from './reply.js';
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
  await answer(scope, job.number!, `${lead}${help}`);
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
  await answer(scope, job.number!, lines.join('\n'));
  return `status: ${runs.length} run(s)`;
}

/** `/archal cancel`: stops the active runs here (and their processes), the jobs setting one up, and drops the queued jobs. */
export async function cancelCommand(scope: JobScope): Promise<HandlerResult> {
  const context = await loadRepoContext(scope);
  if (!context || !(await permitted(scope, context))) return 'refused';
  const { ctx, job } = scope;
  // An attempt after GitHub failed the reply: what the earlier attempts stopped is no longer there to
  // find, so the reply names it from the job's state, with anything stopped since.
  const earlier = cancelledSchema.safeParse(job.state);
  const now = await cancelEverything(scope, job.number!, `Cancelled by ${job.payload.sender}.`);
  const cancelled = earlier.success ? mergeCancelled(earlier.data, now) : now;
  await ctx.ledger.saveState(job.id, cancelled);
  await answer(scope, job.number!, cancelReply(cancelled));
  return `cancelled ${cancelled.runs.length} run(s), ${cancelled.settingUp.length} job(s) setting up, ${cancelled.queued.length} job(s)`;
}

/** What a cancel stopped; kept as the cancel job's state. */
const cancelledSchema = z.object({
  runs: z.array(z.object({ runId: z.string(), workflow: z.string() })),
  /** Jobs that had not started their run yet (fetching, preparing the worktree). */
  settingUp: z.array(z.object({ id: z.string(), kind: z.string(), sender: z.string() })),
  /** Ids of the queued jobs dropped. */
  queued: z.array(z.string()),
});
type Cancelled = z.infer<typeof cancelledSchema>;

function mergeCancelled(before: Cancelled, after: Cancelled): Cancelled {
  const unique = <T>(items: T[], key: (item: T) => string) => [
    ...new Map(items.map((item) => [key(item), item])).values(),
  ];
  return {
    runs: unique([...before.runs, ...after.runs], (run) => run.runId),
    settingUp: unique([...before.settingUp, ...after.settingUp], (setup) => setup.id),
    queued: [...new Set([...before.queued, ...after.queued])],
  };
}

/** What a cancel stopped, each run and each job setting one up by name. */
function cancelReply({ runs, settingUp, queued }: Cancelled): string {
  if (runs.length + settingUp.length + queued.length === 0) return 'Nothing to cancel here.';
  const lines = [
    `Cancelled ${runs.length} run(s), ${settingUp.length} job(s) setting up a run and ${queued.length} queued job(s).`,
  ];
  if (runs.length + settingUp.length > 0) lines.push('');
  for (const run of runs) lines.push(`- run ${codeSpan(run.runId, 60)} of ${codeSpan(run.workflow, 60)}`);
  for (const setup of settingUp)
    lines.push(
      `- the ${codeSpan(setup.kind, 20)} job ${codeSpan(setup.id, 60)} from ${inline(setup.sender, 60)}, still setting up: its run will not start`,
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
    await answer(scope, job.number!, 'No run here is waiting for an approval.');
    return 'nothing to reject';
  }
  try {
    await rejectRun(lifecycle(scope), run, `${job.payload.text || 'Rejected'} (by ${job.payload.sender})`);
  } catch (error) {
    if (!(error instanceof RunRefusedError)) throw error;
    await answer(scope, job.number!, inline(error.message, 500));
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
  return `closed: cancelled ${runs.length} run(s), ${settingUp.length + queued.length} job(s)${removed ? ', removed the worktree' : ''}`;
}

async function cancelEverything(scope: JobScope, number: number, reason: string): Promise<Cancelled> {
  const { ctx, job } = scope;
  const queued = await ctx.ledger.cancelQueued(job.repo, number, job.id);
  // Before the runs: a job that records its run meanwhile is not cancelled here, and its run is found
  // below (the job's run id and its `app_runs` row are written in one transaction).
  const settingUp = await ctx.ledger.cancelSettingUp(job.repo, number, job.id);
  const runs: Cancelled['runs'] = [];
  const seen = new Set<string>();
  for (const appRun of await runsOf(ctx.db, job.repo, number, { statuses: ACTIVE_RUN_STATUSES })) {
    seen.add(appRun.runId);
    const run = await ctx.store.getRun(appRun.runId);
    if (!run) continue;
    const { cancelled } = await cancelRun(lifecycle(scope), run, reason);
    await updateRun(ctx.db, appRun.runId, { status: cancelled ? 'cancelled' : run.status });
    if (!cancelled) continue;
    runs.push({ runId: appRun.runId, workflow: appRun.workflow });
    await markComment(scope, appRun, reason);
  }
  // The run store is the truth of what runs: a run of this conversation the App's records do not
  // show as active (its record not written yet, a status not brought up to date yet, a run started
  // through the library for this issue) is stopped too, so nothing keeps running after the reply.
  const active = await ctx.store.listRuns({
    conversationId: conversationOf(job.repo, number),
    statuses: ACTIVE_STATUSES,
    limit: 50,
  });
  for (const run of active.filter((candidate) => !seen.has(candidate.id))) {
    const { cancelled } = await cancelRun(lifecycle(scope), run, reason);
    if (!cancelled) continue;
    runs.push({ runId: run.id, workflow: run.workflowName });
    const appRun = await getAppRun(ctx.db, run.id);
    if (!appRun) continue;
    await updateRun(ctx.db, run.id, { status: 'cancelled' });
    await markComment(scope, appRun, reason);
  }
  return {
    runs,
    settingUp: settingUp.map((setup) => ({ id: setup.id, kind: setup.kind, sender: setup.payload.sender })),
    queued,
  };
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
 * Never fails the cancel: the run is cancelled already, and the owner says so on the comment too.
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
