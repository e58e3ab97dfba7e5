import type { RunContext } from './context.js';

/** Events whose pull request is in the payload (`pull_request`): base, comment and fix PR work on it. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** Events that run on the commit they are about (GITHUB_SHA, what actions/checkout checks out). */
const COMMIT_EVENTS = new Set([
  'push',
  'merge_group',
  'workflow_dispatch',
  'schedule',
  'repository_dispatch',
  'release',
]);

/**
 * What a team should know when the Action runs for an event it was not made for, or null. On such
 * an event GITHUB_SHA is the default branch's latest commit whatever the event is about (a comment
 * on a pull request, another workflow's run of a pull request), so the check run lands there, and
 * no pull request means no base comparison and no comment: a green check there says nothing of the
 * pull request.
 */
export function eventNotice(ctx: RunContext): string | null {
  if (ctx.pullRequest) return null;
  if (PULL_REQUEST_EVENTS.has(ctx.eventName))
    return `The ${ctx.eventName} event's payload holds no pull request: the run tested the workflow's commit (${ctx.headSha.slice(0, 7)}), with no base comparison and no comment.`;
  if (COMMIT_EVENTS.has(ctx.eventName)) return null;
  return `The Action runs on pull_request, pull_request_target, pull_request_review(_comment), push, merge_group, workflow_dispatch, schedule, repository_dispatch and release; on ${ctx.eventName} it tested the workflow's commit (GITHUB_SHA ${ctx.headSha.slice(0, 7)}, the default branch's latest for most events), with no pull request: no base comparison, no comment, and the check run goes on that commit. To test a pull request, run the Action on pull_request (the README's two-workflow pattern comments from workflow_run).`;
}
