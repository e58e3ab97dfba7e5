import { errorMessage } from '../../src/lib/errors.js';
import { HEARTBEAT_MS, MAX_ATTEMPTS, type JobRecord } from '../jobs.js';
import { redact } from '../markdown.js';
import type { JobScope, WorkerContext } from './context.js';
import { cancelCommand, closedPull, helpCommand, rejectCommand, statusCommand } from './manage.js';
import { repoRef, transient } from './github.js';
import { approveCommand, checkFailed, fixCommand, labelCommand, retryCommand, runCommand } from './triggers.js';

/** Returned by a handler that put its job back in the queue. */
export const DEFERRED = Symbol('deferred');
export type HandlerResult = string | typeof DEFERRED;

/**
 * Runs one claimed job to its end and records how it ended. An error talking to GitHub that may
 * pass (5xx, rate limits, the network) puts the job back in the queue with a growing delay; any
 * other error fails the job, with the reason recorded.
 */
export async function handleJob(ctx: WorkerContext, job: JobRecord, signal: AbortSignal): Promise<void> {
  const beat = setInterval(() => void ctx.ledger.heartbeat(job.id).catch(() => {}), HEARTBEAT_MS);
  beat.unref();
  try {
    const result = await dispatch(ctx, job, signal);
    if (result !== DEFERRED) await ctx.ledger.finish(job.id, 'done', redact(result));
  } catch (error) {
    const message = redact(errorMessage(error));
    if (transient(error) && job.attempts < MAX_ATTEMPTS) {
      const delay = 2 ** job.attempts * 5_000;
      ctx.log(`Job ${job.id} (${job.kind} on ${job.repo}): ${message}; retrying in ${delay / 1000}s`);
      await ctx.ledger.defer(job.id, delay, `retrying: ${message}`, { attempted: true });
      await ctx.queue.requeue(job.id, new Date(Date.now() + delay));
    } else {
      ctx.log(`Job ${job.id} (${job.kind} on ${job.repo}) failed: ${message}`);
      await ctx.ledger.finish(job.id, 'failed', message);
    }
  } finally {
    clearInterval(beat);
  }
}

async function dispatch(ctx: WorkerContext, job: JobRecord, signal: AbortSignal): Promise<HandlerResult> {
  const github = await ctx.probot.auth(job.installationId);
  const scope: JobScope = { ctx, job, github, ...repoRef(job.repo), signal };
  switch (job.kind) {
    case 'help':
    case 'unknown':
    case 'invalid':
      return helpCommand(scope);
    case 'status':
      return statusCommand(scope);
    case 'cancel':
      return cancelCommand(scope);
    case 'reject':
      return rejectCommand(scope);
    case 'approve':
      return approveCommand(scope);
    case 'fix':
      return fixCommand(scope);
    case 'run':
      return runCommand(scope);
    case 'retry':
      return retryCommand(scope);
    case 'label':
      return labelCommand(scope);
    case 'check_failed':
      return checkFailed(scope);
    case 'pr_closed':
      return closedPull(scope);
  }
}
