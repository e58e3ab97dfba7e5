import type { GitHubApi } from './pulls.js';
import type { CheckAnnotation } from '../preprod/annotations.js';
import { batches } from '../preprod/annotations.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunRef {
  id: number;
  url: string;
}

/** Starts a check run on a commit, `in_progress`. */
export async function startCheckRun(
  github: GitHubApi,
  target: RepoRef,
  check: { name: string; headSha: string; detailsUrl?: string | null; externalId?: string },
): Promise<CheckRunRef> {
  const { data } = await github.rest.checks.create({
    ...target,
    name: check.name,
    head_sha: check.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
    ...(check.externalId ? { external_id: check.externalId } : {}),
  });
  return { id: data.id, url: data.html_url ?? '' };
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
