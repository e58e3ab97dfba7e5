import { priorFromEvents } from '../../src/workflows/lifecycle.js';
import { renderProgress, type ProgressView } from '../progress.js';
import { redact } from '../markdown.js';
import type { CommentUpdater } from './comment.js';
import type { JobScope } from './context.js';
import { MAX_ATTEMPTS } from '../jobs.js';
import { describeError, transient } from './github.js';
import { publishFix } from './publish.js';
import { updateRun } from './records.js';
import type { RunPlan } from './run-flow.js';

export interface Finishing {
  runId: string;
  workingPath: string;
  startSha: string;
  view: ProgressView;
  updater: CommentUpdater;
}

/**
 * Reports how a run ended on its progress comment and, when it completed with changes, publishes
 * them as a draft pull request. Reads the run back from the store, so a run that ended before its
 * worker died is reported the same way.
 */
export async function finishRun(scope: JobScope, plan: RunPlan, finishing: Finishing): Promise<string> {
  const { ctx } = scope;
  const { view, runId } = finishing;
  const run = await ctx.store.getRun(runId);
  if (!run) throw new Error(`run ${runId} is not in the store`);
  const events = await ctx.store.listEvents(runId);
  const outputs = priorFromEvents(events).outputs;
  view.runId = runId;
  view.endedAt = run.completedAt ? Date.parse(run.completedAt) : Date.now();
  let summary: string;
  switch (run.status) {
    case 'completed': {
      try {
        const published = await publishFix(scope, plan, {
          runId,
          workingPath: finishing.workingPath,
          startSha: finishing.startSha,
          workflow: run.workflowName,
          nodes: view.nodes,
          outputs,
        });
        if (published.kind === 'pull') {
          view.phase = 'completed';
          view.result = { pull: published.pull };
          await updateRun(ctx.db, runId, {
            status: 'completed',
            pr_number: published.pull.number,
            pr_url: published.pull.url,
          });
          summary = `completed: pull request #${published.pull.number} ${published.pull.action}`;
        } else {
          view.phase = 'completed';
          view.result = { noChanges: published.explanation };
          await updateRun(ctx.db, runId, { status: 'completed' });
          summary = 'completed without changes';
        }
      } catch (error) {
        // GitHub may have made the pull request before failing to say so: the job is tried again,
        // recovers this completed run and publishes again, finding (and updating) that pull request.
        if (transient(error) && scope.job.attempts < MAX_ATTEMPTS) throw error;
        view.phase = 'failed';
        view.result = { failure: { node: 'publish', reason: describeError(error) } };
        await updateRun(ctx.db, runId, { status: 'completed' });
        summary = `publishing failed: ${redact(describeError(error))}`;
      }
      break;
    }
    case 'failed': {
      const failed = view.nodes.find((node) => node.state === 'failed');
      const reason = run.metadata.error ?? failed?.error ?? 'the workflow failed';
      view.phase = 'failed';
      view.result = { failure: { reason, ...(failed ? { node: failed.id } : {}) } };
      await updateRun(ctx.db, runId, { status: 'failed' });
      summary = `failed${failed ? ` at ${failed.id}` : ''}: ${redact(reason)}`;
      break;
    }
    case 'paused': {
      const approval = run.metadata.approval;
      view.phase = 'paused';
      view.endedAt = undefined;
      view.result = {
        approval: { node: approval?.nodeId ?? '?', message: approval?.message ?? 'Approve to continue.' },
      };
      await updateRun(ctx.db, runId, { status: 'paused' });
      summary = `paused at ${approval?.nodeId ?? '?'}`;
      break;
    }
    case 'cancelled': {
      view.phase = 'cancelled';
      view.result = { note: run.metadata.error ?? 'Cancelled.' };
      await updateRun(ctx.db, runId, { status: 'cancelled' });
      summary = `cancelled: ${redact(run.metadata.error ?? '')}`;
      break;
    }
    case 'running':
    case 'pending':
      view.phase = 'failed';
      view.result = { failure: { reason: 'the run did not finish (its worker stopped)' } };
      summary = 'interrupted';
      break;
  }
  await finishing.updater.flush(() => renderProgress(view));
  return summary;
}
