import type { DomainContext } from '../domain/context.js';
import { pullStats } from '../state/pull-stats.js';
import { renderComment, renderIssue, renderLabel, renderMilestone } from '../render/issues.js';
import { renderPull } from '../render/pulls.js';
import { simpleUser } from '../render/users.js';
import { renderTeam } from '../render/teams.js';
import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
  TeamRecord,
  UserRecord,
} from '../state/model.js';
import { emit } from './emit.js';
import { hookComment, hookIssue, hookLabel, hookMilestone, hookPull, hookTeam, hookUser } from './shapes.js';

type Json = Record<string, unknown>;

export interface ChangeExtra {
  label?: LabelRecord;
  assignee?: UserRecord;
  milestoneId?: number;
  changes?: Json;
  requestedReviewer?: UserRecord;
  requestedTeam?: TeamRecord;
}

function extraFields(
  ctx: DomainContext,
  repo: RepoRecord,
  extra: ChangeExtra,
  view = { store: ctx.store, urls: ctx.core.urls },
): Json {
  const out: Json = {};
  if (extra.changes) out.changes = extra.changes;
  if (extra.label) out.label = hookLabel(renderLabel(view, repo, extra.label));
  if (extra.assignee) out.assignee = hookUser(simpleUser(view, extra.assignee));
  if (extra.requestedReviewer) out.requested_reviewer = hookUser(simpleUser(view, extra.requestedReviewer));
  if (extra.requestedTeam) out.requested_team = hookTeam(renderTeam(view, extra.requestedTeam));
  if (extra.milestoneId !== undefined) {
    const milestone = ctx.store.get('milestone', extra.milestoneId);
    if (milestone) out.milestone = hookMilestone(renderMilestone(view, repo, milestone));
  }
  return out;
}

/**
 * `issues.<action>` for an issue, `pull_request.<action>` when the number is a pull request (GitHub
 * sends pull_request events for labels, assignees and state changes made through the issues API).
 */
export async function emitIssueEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  action: string,
  extra: ChangeExtra = {},
  sender?: UserRecord,
): Promise<void> {
  if (issue.pullId) {
    const pull = ctx.store.get('pull', issue.pullId);
    if (pull) return emitPullEvent(ctx, repo, pull, action, extra);
  }
  emit(
    ctx,
    'issues',
    repo,
    (view) => ({
      action,
      issue: hookIssue(renderIssue(view, repo, issue)),
      ...extraFields(ctx, repo, extra),
    }),
    sender,
  );
}

export async function emitPullEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  pull: PullRecord,
  action: string,
  extra: ChangeExtra & { before?: string; after?: string } = {},
): Promise<void> {
  if (!ctx.core.webhooks.wants('pull_request')) return;
  const stats = await pullStats(ctx.core, repo, pull);
  const issue = ctx.store.get('issue', pull.issueId)!;
  emit(ctx, 'pull_request', repo, (view) => ({
    action,
    number: pull.number,
    ...(extra.before ? { before: extra.before, after: extra.after } : {}),
    pull_request: hookPull(renderPull(view, repo, issue, pull, stats)),
    ...extraFields(ctx, repo, extra),
  }));
}

export async function emitCommentEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  comment: CommentRecord,
  action: 'created' | 'edited' | 'deleted',
  changes?: Json,
): Promise<void> {
  emit(ctx, 'issue_comment', repo, (view) => {
    const renderedIssue = hookIssue(renderIssue(view, repo, issue));
    return {
      action,
      ...(action === 'edited' ? { changes: changes ?? {} } : {}),
      issue: renderedIssue,
      comment: hookComment(renderComment(view, repo, comment)),
    };
  });
}
