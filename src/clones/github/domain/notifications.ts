import { fullName, renderRepo } from '../render/repos.js';
import type { View } from '../render/view.js';
import type { IssueRecord, RepoRecord, UserRecord } from '../state/model.js';
import { userRole } from '../state/permissions.js';

/** Why GitHub notifies a participant of a thread (the reasons this clone derives). */
export type NotificationReason = 'mention' | 'review_requested' | 'assign';

interface Thread {
  issue: IssueRecord;
  repo: RepoRecord;
  reason: NotificationReason;
  updatedAt: string;
  /** The API URL of the latest comment (or the issue itself) that caused the notification. */
  latestUrl: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` @-mentions `login` (a whole login, case-insensitively, as GitHub links it). */
export function mentions(text: string | null, login: string): boolean {
  return new RegExp(`(^|[^\\w-])@${escapeRegExp(login)}(?![\\w-])`, 'i').test(text ?? '');
}

/**
 * The user's participating notification threads, derived from the state (they are not stored, so
 * none is ever marked read): an issue or pull request where someone else mentions them (reason
 * `mention`), asks them for a review (`review_requested`) or that is assigned to them (`assign`),
 * in the repositories they can read; newest first.
 */
function threads(view: View, user: UserRecord): Thread[] {
  const found: Thread[] = [];
  for (const repo of view.store.all('repo')) {
    if (!userRole(view.store, user.id, repo)) continue;
    const base = view.urls.repo(fullName(view, repo));
    for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
      const issueUrl = `${base}/issues/${issue.number}`;
      const mentioning = view.store
        .where('comment', `issue:${issue.id}`)
        .filter((comment) => comment.userId !== user.id && mentions(comment.body, user.login))
        .sort((a, b) => b.id - a.id)[0];
      const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
      const thread = (reason: NotificationReason, updatedAt: string, latestUrl = issueUrl) =>
        found.push({ issue, repo, reason, updatedAt, latestUrl });
      if (mentioning) thread('mention', mentioning.createdAt, `${base}/issues/comments/${mentioning.id}`);
      else if (issue.userId !== user.id && mentions(issue.body, user.login)) thread('mention', issue.createdAt);
      else if (pull?.requestedReviewerIds.includes(user.id)) thread('review_requested', issue.updatedAt);
      else if (issue.assigneeIds.includes(user.id)) thread('assign', issue.updatedAt);
    }
  }
  return found.sort((a, b) =>
    a.updatedAt === b.updatedAt ? b.issue.id - a.issue.id : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}

/** `GET /notifications` for `user`, filtered by `since`/`before` (ISO 8601, on `updated_at`). */
export function notificationsOf(view: View, user: UserRecord, since?: string, before?: string) {
  return threads(view, user)
    .filter((thread) => (!since || thread.updatedAt >= since) && (!before || thread.updatedAt < before))
    .map((thread) => {
      const base = view.urls.repo(fullName(view, thread.repo));
      const id = String(thread.issue.id);
      return {
        id,
        unread: true,
        reason: thread.reason,
        updated_at: thread.updatedAt,
        last_read_at: null,
        subject: {
          title: thread.issue.title,
          url: `${base}/${thread.issue.pullId ? 'pulls' : 'issues'}/${thread.issue.number}`,
          latest_comment_url: thread.latestUrl,
          type: thread.issue.pullId ? 'PullRequest' : 'Issue',
        },
        repository: renderRepo(view, thread.repo),
        url: `${view.urls.api}/notifications/threads/${id}`,
        subscription_url: `${view.urls.api}/notifications/threads/${id}/subscription`,
      };
    });
}
