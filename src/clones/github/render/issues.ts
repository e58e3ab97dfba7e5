import { authorAssociation } from '../state/permissions.js';
import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  ReactionRecord,
  RepoRecord,
} from '../state/model.js';
import { renderAppById } from './apps.js';
import { fullName } from './repos.js';
import { nodeId } from './urls.js';
import { simpleUser, simpleUserById } from './users.js';
import type { View } from './view.js';

export function renderLabel(view: View, repo: RepoRecord, label: LabelRecord) {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${view.urls.repo(fullName(view, repo))}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

export function renderMilestone(view: View, repo: RepoRecord, milestone: MilestoneRecord) {
  const name = fullName(view, repo);
  const url = `${view.urls.repo(name)}/milestones/${milestone.number}`;
  let open = 0;
  let closed = 0;
  for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
    if (issue.milestoneId !== milestone.id) continue;
    if (issue.state === 'open') open++;
    else closed++;
  }
  return {
    url,
    html_url: `${view.urls.repoHtml(name)}/milestone/${milestone.number}`,
    labels_url: `${url}/labels`,
    id: milestone.id,
    node_id: nodeId('Milestone', milestone.id),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    creator: simpleUserById(view, milestone.creatorId),
    open_issues: open,
    closed_issues: closed,
    state: milestone.state,
    created_at: milestone.createdAt,
    updated_at: milestone.updatedAt,
    due_on: milestone.dueOn,
    closed_at: milestone.closedAt,
  };
}

export function reactionRollup(view: View, url: string, reactions: readonly ReactionRecord[]) {
  const counts = { '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
  for (const reaction of reactions) counts[reaction.content]++;
  return { url: `${url}/reactions`, total_count: reactions.length, ...counts };
}

export function renderReaction(view: View, reaction: ReactionRecord) {
  return {
    id: reaction.id,
    node_id: nodeId('Reaction', reaction.id),
    user: simpleUserById(view, reaction.userId),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

export function issueUrl(view: View, repo: RepoRecord, number: number): string {
  return `${view.urls.repo(fullName(view, repo))}/issues/${number}`;
}

/** `issue` (pull requests included, with their `pull_request` object, as the issues API returns them). */
export function renderIssue(view: View, repo: RepoRecord, issue: IssueRecord, options: { closedBy?: boolean } = {}) {
  const name = fullName(view, repo);
  const repoUrl = view.urls.repo(name);
  const url = `${repoUrl}/issues/${issue.number}`;
  const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
  const htmlUrl = `${view.urls.repoHtml(name)}/${pull ? 'pull' : 'issues'}/${issue.number}`;
  const labels = issue.labelIds
    .map((id) => view.store.get('label', id))
    .filter((label): label is LabelRecord => label !== undefined)
    .map((label) => renderLabel(view, repo, label));
  const assignees = issue.assigneeIds.map((id) => simpleUserById(view, id)).filter((user) => user !== null);
  const milestone = view.store.get('milestone', issue.milestoneId);
  const user = view.store.get('user', issue.userId);
  return {
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: htmlUrl,
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    number: issue.number,
    title: issue.title,
    user: user ? simpleUser(view, user) : null,
    labels,
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? renderMilestone(view, repo, milestone) : null,
    comments: view.store.countWhere('comment', `issue:${issue.id}`),
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(view.store, issue.userId, repo),
    active_lock_reason: issue.activeLockReason,
    ...(pull
      ? {
          draft: pull.draft,
          pull_request: {
            url: `${repoUrl}/pulls/${issue.number}`,
            html_url: htmlUrl,
            diff_url: `${htmlUrl}.diff`,
            patch_url: `${htmlUrl}.patch`,
            merged_at: pull.mergedAt,
          },
        }
      : {}),
    body: issue.body,
    ...(options.closedBy ? { closed_by: simpleUserById(view, issue.closedById) } : {}),
    reactions: reactionRollup(view, url, view.store.where('reaction', `issue:${issue.id}`)),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: renderAppById(view, issue.viaAppId),
    state_reason: issue.stateReason,
  };
}

export function renderComment(view: View, repo: RepoRecord, comment: CommentRecord) {
  const name = fullName(view, repo);
  const issue = view.store.get('issue', comment.issueId)!;
  const url = `${view.urls.repo(name)}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${view.urls.repoHtml(name)}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#issuecomment-${comment.id}`,
    issue_url: issueUrl(view, repo, issue.number),
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: simpleUserById(view, comment.userId),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(view.store, comment.userId, repo),
    body: comment.body,
    reactions: reactionRollup(view, url, view.store.where('reaction', `comment:${comment.id}`)),
    performed_via_github_app: renderAppById(view, comment.viaAppId),
  };
}
