import { authorAssociation } from '../state/permissions.js';
import type { RepoRecord, ReviewCommentRecord, ReviewRecord } from '../state/model.js';
import { reactionRollup } from './issues.js';
import { fullName } from './repos.js';
import { nodeId } from './urls.js';
import { simpleUserById } from './users.js';
import type { View } from './view.js';

/** `pull-request-review`. */
export function renderReview(view: View, repo: RepoRecord, review: ReviewRecord) {
  const name = fullName(view, repo);
  const pull = view.store.get('pull', review.pullId)!;
  const html = `${view.urls.repoHtml(name)}/pull/${pull.number}#pullrequestreview-${review.id}`;
  const pullUrl = `${view.urls.repo(name)}/pulls/${pull.number}`;
  return {
    id: review.id,
    node_id: nodeId('PullRequestReview', review.id),
    user: simpleUserById(view, review.userId),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(view.store, review.userId, repo),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId,
  };
}

/** `pull-request-review-comment`. */
export function renderReviewComment(view: View, repo: RepoRecord, comment: ReviewCommentRecord) {
  const name = fullName(view, repo);
  const pull = view.store.get('pull', comment.pullId)!;
  const url = `${view.urls.repo(name)}/pulls/comments/${comment.id}`;
  const html = `${view.urls.repoHtml(name)}/pull/${pull.number}#discussion_r${comment.id}`;
  const pullUrl = `${view.urls.repo(name)}/pulls/${pull.number}`;
  return {
    url,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: nodeId('PullRequestReviewComment', comment.id),
    diff_hunk: comment.diffHunk,
    path: comment.path,
    // A comment on a whole file is at no position of the diff.
    position: comment.subjectType === 'file' ? null : comment.position,
    original_position: comment.subjectType === 'file' ? null : comment.position,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: simpleUserById(view, comment.userId),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(view.store, comment.userId, repo),
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startLine ? comment.side : null,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: comment.subjectType ?? 'line',
    reactions: reactionRollup(view, url, view.store.where('reaction', `review-comment:${comment.id}`)),
    ...(comment.inReplyToId ? { in_reply_to_id: comment.inReplyToId } : {}),
  };
}
