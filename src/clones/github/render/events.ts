import { crossReferences } from '../domain/cross-references.js';
import { authorAssociation } from '../state/permissions.js';
import type { IssueEventRecord, RepoRecord } from '../state/model.js';
import { renderComment, renderIssue } from './issues.js';
import { renderReview } from './reviews.js';
import { fullName } from './repos.js';
import { nodeId } from './urls.js';
import { renderTeam } from './teams.js';
import { simpleUserById } from './users.js';
import type { View } from './view.js';

/** The fields of a review requested of (or withdrawn from) a team; none once the team is deleted. */
function requestedTeamFields(view: View, requesterId: number | undefined, teamId: number) {
  const team = view.store.get('team', teamId);
  return team ? { review_requester: simpleUserById(view, requesterId), requested_team: renderTeam(view, team) } : {};
}

/** `issue-event-for-issue` (with `issue` for the repository-wide list, `issue-event`). */
export function renderIssueEvent(view: View, repo: RepoRecord, event: IssueEventRecord, withIssue = false) {
  const repoUrl = view.urls.repo(fullName(view, repo));
  const issue = view.store.get('issue', event.issueId);
  return {
    id: event.id,
    // GitHub's node types: `labeled` → LabeledEvent, `head_ref_deleted` → HeadRefDeletedEvent.
    node_id: nodeId(`${event.event.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}Event`, event.id),
    url: `${repoUrl}/issues/events/${event.id}`,
    actor: simpleUserById(view, event.actorId),
    event: event.event,
    commit_id: event.commitId,
    commit_url: event.commitId ? `${repoUrl}/commits/${event.commitId}` : null,
    created_at: event.createdAt,
    performed_via_github_app: null,
    ...(event.label ? { label: event.label } : {}),
    ...(event.assigneeId !== undefined
      ? { assignee: simpleUserById(view, event.assigneeId), assigner: simpleUserById(view, event.assignerId) }
      : {}),
    ...(event.milestone ? { milestone: event.milestone } : {}),
    ...(event.rename ? { rename: event.rename } : {}),
    ...(event.reviewerId !== undefined
      ? {
          review_requester: simpleUserById(view, event.requesterId),
          requested_reviewer: simpleUserById(view, event.reviewerId),
        }
      : {}),
    ...(event.reviewerTeamId !== undefined ? requestedTeamFields(view, event.requesterId, event.reviewerTeamId) : {}),
    ...(event.event === 'locked' ? { lock_reason: event.lockReason ?? null } : {}),
    ...(event.event === 'closed' || event.event === 'reopened' ? { state_reason: event.stateReason ?? null } : {}),
    ...(withIssue && issue ? { issue: renderIssue(view, repo, issue) } : {}),
  };
}

/** The timeline: events, comments (`commented`) and reviews (`reviewed`), oldest first. */
export function renderTimeline(view: View, repo: RepoRecord, issueId: number) {
  const items: Array<{ at: string; order: number; item: Record<string, unknown> }> = [];
  for (const event of view.store.where('event', `issue:${issueId}`))
    items.push({ at: event.createdAt, order: event.id, item: renderIssueEvent(view, repo, event) });
  for (const comment of view.store.where('comment', `issue:${issueId}`)) {
    const rendered = renderComment(view, repo, comment);
    items.push({
      at: comment.createdAt,
      order: comment.id,
      item: { event: 'commented', actor: rendered.user, ...rendered },
    });
  }
  const issue = view.store.get('issue', issueId);
  if (issue?.pullId) {
    for (const review of view.store.where('review', `pull:${issue.pullId}`)) {
      if (review.state === 'PENDING') continue;
      items.push({
        at: review.submittedAt ?? '',
        order: review.id,
        item: {
          event: 'reviewed',
          ...renderReview(view, repo, review),
          author_association: authorAssociation(view.store, review.userId, repo),
        },
      });
    }
  }
  for (const reference of issue ? crossReferences(view, repo, issue) : []) {
    const actor = simpleUserById(view, reference.by);
    items.push({
      at: reference.at,
      order: Number.MAX_SAFE_INTEGER,
      item: {
        event: 'cross-referenced',
        actor,
        created_at: reference.at,
        updated_at: reference.at,
        source: { type: 'issue', issue: renderIssue(view, reference.sourceRepo, reference.source) },
      },
    });
  }
  return items.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1)).map((entry) => entry.item);
}
