import type { ActionSetup } from './setup.js';

/**
 * Why this run's comment would be stale, or null. Runs of one pull request's successive commits
 * may end out of order (a push while a run is going, with no `concurrency` group in the workflow):
 * the comment is the pull request's one summary, so it belongs to the run of its newest commit.
 * That run owns it once it has started, which its check run (this check name, on the new head) says;
 * a newer commit with no such check run (its workflow not triggered, say) leaves the comment to this
 * run. A lookup GitHub refuses or fails leaves it to this run too: it is what the comment always did.
 */
export async function supersededBy(setup: ActionSetup): Promise<string | null> {
  const { github, ctx } = setup;
  const pull = ctx.pullRequest;
  if (!github || !pull) return null;
  const target = { owner: ctx.owner, repo: ctx.repo };
  try {
    const { data } = await github.rest.pulls.get({ ...target, pull_number: pull.number });
    const head = data.head.sha;
    if (head === pull.headSha) return null;
    const { data: checks } = await github.rest.checks.listForRef({
      ...target,
      ref: head,
      check_name: setup.inputs['check-name'],
      filter: 'latest',
    });
    if (checks.total_count === 0) return null;
    return `The pull request's head is now ${head.slice(0, 7)}, newer than this run's ${pull.headSha.slice(0, 7)}, and its run has started: the comment is left to it. This run's results are in its check run and this job summary.`;
  } catch {
    return null;
  }
}
