import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AgentCommand } from '../harness/agent.js';
import { locateAgent } from '../harness/locate.js';
import { didYouMean } from '../lib/did-you-mean.js';
import { errorMessage } from '../lib/errors.js';
import { SecretRedactor } from '../lib/redact.js';
import { createProviderRegistry } from '../providers/registry.js';
import type { Workspace } from '../workspace/workspace.js';
import { findAttachment } from './attachments.js';
import { importFile } from './import.js';
import { isFinal, JobLedger } from './jobs.js';
import { AttachLayout } from './layout.js';
import { nextStage, processJob, type AttachDeps, type JobSummary, type PolicyOptions } from './pipeline.js';
import type { AttachStore } from './store-port.js';

export interface AttachHost {
  /** The repository: its root, .archal.json and environment (the agent's, the evaluator's and the fix command's come from it; its secrets are redacted). */
  workspace: Workspace;
  store: AttachStore;
  owner: { pid: number; host: string };
  isProcessAlive: (pid: number) => boolean;
  log: (line: string) => void;
  signal?: AbortSignal;
}

/** The post-prod loop's dependencies for one repository. */
export function createAttachDeps(host: AttachHost): AttachDeps & { store: AttachStore } {
  const { workspace } = host;
  const layout = new AttachLayout(workspace.root);
  let agent: AgentCommand | undefined;
  let agentProblem: string | undefined;
  try {
    agent = locateAgent({ agent: workspace.config.agent, root: workspace.root, env: workspace.env });
  } catch (error) {
    agentProblem = errorMessage(error);
  }
  return {
    layout,
    ledger: new JobLedger({
      layout,
      store: host.store,
      owner: host.owner,
      isProcessAlive: host.isProcessAlive,
      log: host.log,
    }),
    workspace,
    config: workspace.config,
    agent,
    agentProblem,
    providers: createProviderRegistry(workspace.config.assistants),
    env: workspace.env,
    redactor: new SecretRedactor([], workspace.env),
    log: host.log,
    signal: host.signal,
    store: host.store,
  };
}

/** attach-reprocess was asked for a job it cannot retry. */
export class ReprocessError extends Error {}

/**
 * `archal attach-reprocess`: retries a terminal job after its blocker was fixed. The trace is read
 * again from the file it came from when that still exists (a corrected export is picked up), and
 * the job runs the policy's stages from the grade on.
 */
export async function reprocessJob(
  deps: AttachDeps,
  traceId: string,
  options: PolicyOptions & { isProcessAlive: (pid: number) => boolean; host: string },
): Promise<JobSummary> {
  const job = await deps.ledger.job(traceId);
  if (!job) {
    const known = (await deps.ledger.jobs()).map((entry) => entry.traceId);
    throw new ReprocessError(
      `no job for trace '${traceId}'.${didYouMean(traceId, known)}${known.length === 0 ? ' Nothing was attached yet.' : ''} \`archal attach-status\` lists the jobs.`,
    );
  }
  if (job.owner && (job.owner.host !== options.host || options.isProcessAlive(job.owner.pid)))
    throw new ReprocessError(`${traceId} is being processed now (process ${job.owner.pid} on ${job.owner.host})`);
  if (!isFinal(job.status) && nextStage(job, options.policy) !== null) {
    // A plain `archal attach` runs the attachment's own policy, which may have no stage left for the job.
    const pass =
      findAttachment(deps.layout, job.source)?.kind === 'directory'
        ? `archal attach ${job.source} --once`
        : `archal attach --source-name ${job.source} --once`;
    throw new ReprocessError(
      `${traceId} is not finished for policy ${options.policy} (${job.status} after ${job.stage}): \`${pass} --execution-policy ${options.policy}\` resumes it`,
    );
  }
  let requeued = false;
  const file = importedFrom(deps.layout.raw(traceId));
  if (file && existsSync(resolve(deps.layout.repo, file))) {
    const outcome = await importFile(resolve(deps.layout.repo, file), {
      layout: deps.layout,
      source: job.source,
      format: 'auto',
      env: deps.env,
      onTrace: async (trace, change) => {
        if (trace.id === traceId && (await deps.ledger.enqueue(trace, options.policy, change)) === 'requeued')
          requeued = true;
      },
    });
    if (outcome.status === 'refused')
      deps.log(`${traceId}: its file ${file} is refused now (${outcome.reason}); retrying the imported trace`);
  }
  if (!requeued)
    await deps.ledger.requeue((await deps.ledger.job(traceId))!, 'attach-reprocess: retried', options.policy);
  const summary = await processJob(deps, traceId, options);
  if (!summary) throw new ReprocessError(`${traceId} was taken by another worker`);
  return summary;
}

/** The file an imported trace was read from, when it records one. */
function importedFrom(rawFile: string): string | null {
  try {
    const raw = JSON.parse(readFileSync(rawFile, 'utf8')) as { source?: { file?: unknown } };
    return typeof raw.source?.file === 'string' ? raw.source.file : null;
  } catch {
    return null;
  }
}
