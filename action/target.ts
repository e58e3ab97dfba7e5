import { parseGitHubRemote } from '../src/github/index.js';
import { remoteUrl } from '../src/lib/git.js';
import type { PublishTargetLookup } from '../src/preprod/target.js';
import type { ActionSetup } from './setup.js';

/** The branches a merge queue builds its groups on (`gh-readonly-queue/<base>/pr-<n>-<sha>`). */
const MERGE_QUEUE_PREFIX = 'gh-readonly-queue/';

/**
 * Where the Action's fix pull request goes, from the event rather than the checkout (which
 * actions/checkout leaves detached): on a pull request, the pull request's head branch, so the
 * author can merge the fix into it (the fix itself is pushed to `archal/preprod-fix-<head-branch>`,
 * never to the author's branch); on a push, the pushed branch; never a merge queue's branch, which
 * lives only as long as its group. Git talks to the repository by URL
 * with `github-token` (the publisher sets its credential helper and drops any header the checkout
 * persisted), so the push is made with the token the workflow gave the Action.
 */
export async function actionPublishTarget(setup: ActionSetup): Promise<PublishTargetLookup> {
  const { ctx } = setup;
  const token = setup.inputs['github-token'];
  if (!token)
    return {
      ok: false,
      stopReason: 'missing_github_token',
      message:
        "A draft fix pull request needs 'github-token' with contents and pull-requests write access (the default, github.token, has them with `permissions: contents: write, pull-requests: write`).",
    };
  const baseBranch = ctx.pullRequest ? ctx.pullRequest.headRef : ctx.branch;
  if (baseBranch && (ctx.eventName === 'merge_group' || baseBranch.startsWith(MERGE_QUEUE_PREFIX)))
    return {
      ok: false,
      stopReason: 'detached_head',
      message: `The workflow runs for ${ctx.eventName} on a merge queue's temporary branch (${baseBranch}), which GitHub deletes once the group is merged or removed: a draft fix pull request needs a pull request or a branch that stays. Open fix pull requests from pull_request or push workflows.`,
    };
  if (!baseBranch)
    return {
      ok: false,
      stopReason: 'detached_head',
      message: `The workflow runs for ${ctx.eventName} on no branch: a draft fix pull request needs a pull request or a branch to target.`,
    };
  return {
    ok: true,
    target: {
      repository: { owner: ctx.owner, repo: ctx.repo, apiUrl: ctx.apiUrl },
      gitRemote: await repositoryUrl(setup),
      baseBranch,
      token,
      ...(setup.github ? { github: setup.github } : {}),
    },
  };
}

/**
 * The repository's HTTPS git URL (the token authenticates over HTTPS only): the checkout's origin
 * when it is this repository over HTTP(S), without any credentials written into it, else the
 * server's URL of the repository.
 */
async function repositoryUrl(setup: ActionSetup): Promise<string> {
  const { ctx } = setup;
  const origin = await remoteUrl('origin', { cwd: setup.repoRoot, env: setup.env });
  const parsed = origin ? parseGitHubRemote(origin, { apiUrl: ctx.apiUrl }) : undefined;
  if (
    origin &&
    /^https?:\/\//.test(origin) &&
    parsed?.ok &&
    parsed.remote.owner === ctx.owner &&
    parsed.remote.repo === ctx.repo
  )
    return origin.replace(/^(https?:\/\/)[^@/]*@/, '$1');
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}.git`;
}
