import type { GitHubApi } from './pulls.js';
import type { CheckAnnotation } from '../preprod/annotations.js';
import { batches } from '../preprod/annotations.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

/** `cancelled`: the Action's post step, for a check run its step left in progress. */
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled';

export interface CheckRunRef {
  id: number;
  url: string;
}

/**
 * Starts a check run on a commit, `in_progress`. A retry of the create (after a 5xx) first looks for
 * the check run its earlier attempt may have made (same name on the commit, still in progress,
 * started no earlier, the same external id) and takes that one instead of making a second.
 */
export async function startCheckRun(
  github: GitHubApi,
  target: RepoRef,
  check: { name: string; headSha: string; detailsUrl?: string | null; externalId?: string },
): Promise<CheckRunRef> {
  const startedAt = new Date();
  const { data } = await github.rest.checks.create({
    ...target,
    name: check.name,
    head_sha: check.headSha,
    status: 'in_progress',
    started_at: startedAt.toISOString(),
    ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
    ...(check.externalId ? { external_id: check.externalId } : {}),
    request: { beforeRetry: () => startedBefore(github, target, check, startedAt) },
  });
  return { id: data.id, url: data.html_url ?? '' };
}

/** The check run an earlier attempt of `startCheckRun` made, if GitHub has one. */
async function startedBefore(
  github: GitHubApi,
  target: RepoRef,
  check: { name: string; headSha: string; externalId?: string },
  startedAt: Date,
): Promise<{ data: { id: number; html_url: string | null } } | undefined> {
  const { data } = await github.rest.checks.listForRef({
    ...target,
    ref: check.headSha,
    check_name: check.name,
    filter: 'latest',
  });
  // GitHub may keep started_at to the second.
  const since = Math.floor(startedAt.getTime() / 1000) * 1000;
  const found = data.check_runs.find(
    (run) =>
      run.name === check.name &&
      run.status !== 'completed' &&
      run.started_at !== null &&
      Date.parse(run.started_at) >= since &&
      (check.externalId === undefined || run.external_id === check.externalId),
  );
  return found && { data: found };
}

export interface CheckCompletion {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: readonly CheckAnnotation[];
}

/**
 * Completes a check run with its output. GitHub takes at most 50 annotations per request and
 * appends those of later updates, so the rest follow in batches of 50.
 */
export async function completeCheckRun(
  github: GitHubApi,
  target: RepoRef,
  id: number,
  completion: CheckCompletion,
): Promise<void> {
  const [first = [], ...rest] = batches(completion.annotations, 50);
  const output = (annotations: CheckAnnotation[]) => ({
    title: completion.title,
    summary: completion.summary,
    annotations,
  });
  await github.rest.checks.update({
    ...target,
    check_run_id: id,
    status: 'completed',
    conclusion: completion.conclusion,
    completed_at: new Date().toISOString(),
    output: output(first),
  });
  for (const batch of rest) await github.rest.checks.update({ ...target, check_run_id: id, output: output(batch) });
}

/** A check run created already completed (when it could not be started earlier). */
export async function createCompletedCheckRun(
  github: GitHubApi,
  target: RepoRef,
  check: { name: string; headSha: string; detailsUrl?: string | null },
  completion: CheckCompletion,
): Promise<CheckRunRef> {
  const started = await startCheckRun(github, target, check);
  await completeCheckRun(github, target, started.id, completion);
  return started;
}
