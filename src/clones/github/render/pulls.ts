import { authorAssociation } from '../state/permissions.js';
import type { PullStats } from '../state/pull-stats.js';
import { effectiveBase } from '../state/pull-stats.js';
import type { IssueRecord, LabelRecord, PullRecord, RepoRecord } from '../state/model.js';
import { renderLabel, renderMilestone } from './issues.js';
import { fullName, renderRepo } from './repos.js';
import { nodeId } from './urls.js';
import { renderTeam } from './teams.js';
import { simpleUser, simpleUserById } from './users.js';
import type { View } from './view.js';

/**
 * `pull-request-simple` (lists) or, with `stats`, `pull-request` (single pull requests, webhooks),
 * which adds the diff size and mergeability.
 */
export function renderPull(view: View, repo: RepoRecord, issue: IssueRecord, pull: PullRecord, stats?: PullStats) {
  const name = fullName(view, repo);
  const repoUrl = view.urls.repo(name);
  const url = `${repoUrl}/pulls/${pull.number}`;
  const html = `${view.urls.repoHtml(name)}/pull/${pull.number}`;
  const issueUrl = `${repoUrl}/issues/${pull.number}`;
  const owner = view.store.get('user', repo.ownerId)!;
  const renderedRepo = renderRepo(view, repo);
  const open = issue.state === 'open';
  const milestone = view.store.get('milestone', issue.milestoneId);
  const assignees = issue.assigneeIds.map((id) => simpleUserById(view, id)).filter((user) => user !== null);
  const branchRef = (ref: string, sha: string) => ({
    label: `${owner.login}:${ref}`,
    ref,
    sha,
    user: simpleUser(view, owner),
    repo: renderedRepo,
  });
  const simple = {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.headSha}`,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: simpleUserById(view, issue.userId),
    body: issue.body,
    labels: issue.labelIds
      .map((id) => view.store.get('label', id))
      .filter((label): label is LabelRecord => label !== undefined)
      .map((label) => renderLabel(view, repo, label)),
    milestone: milestone ? renderMilestone(view, repo, milestone) : null,
    active_lock_reason: issue.activeLockReason,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: pull.requestedReviewerIds.map((id) => simpleUserById(view, id)).filter((u) => u !== null),
    requested_teams: pull.requestedTeamIds
      .map((id) => view.store.get('team', id))
      .filter((team) => team !== undefined)
      .map((team) => renderTeam(view, team)),
    head: branchRef(pull.headRef, pull.headSha),
    base: branchRef(pull.baseRef, stats?.baseSha ?? effectiveBase(repo, pull, open)),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoUrl}/statuses/${pull.headSha}` },
    },
    author_association: authorAssociation(view.store, issue.userId, repo),
    auto_merge: null,
    draft: pull.draft,
  };
  if (!stats) return simple;
  return {
    ...simple,
    merged: pull.merged,
    mergeable: stats.mergeable,
    rebaseable: stats.mergeable,
    mergeable_state: stats.mergeableState,
    merged_by: simpleUserById(view, pull.mergedById),
    comments: view.store.countWhere('comment', `issue:${issue.id}`),
    review_comments: view.store.countWhere('reviewComment', `pull:${pull.id}`),
    maintainer_can_modify: pull.maintainerCanModify,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}
