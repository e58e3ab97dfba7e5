import { fullName, renderRepo } from '../render/repos.js';
import type { View } from '../render/view.js';
import type {
  IssueRecord,
  NotificationThreadRecord,
  RepoRecord,
  RepoSubscriptionRecord,
  UserRecord,
} from '../state/model.js';
import type { DomainContext } from './context.js';
import { userRole } from '../state/permissions.js';
import { teamMemberIds, teamsOf } from '../state/teams.js';

/** Why GitHub notifies a user of a thread (the reasons this clone derives). */
export type NotificationReason =
  'mention' | 'team_mention' | 'review_requested' | 'assign' | 'author' | 'comment' | 'subscribed';

/**
 * The reasons of threads the user takes part in (`participating=true`), as GitHub's notification
 * reasons divide them: all but `subscribed` (watching the repository).
 */
export const PARTICIPATING_REASONS: ReadonlySet<NotificationReason> = new Set([
  'mention',
  'team_mention',
  'review_requested',
  'assign',
  'author',
  'comment',
]);

export interface Thread {
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

/** The `org/team` handles of the teams of the repository's organization that `user` belongs to. */
function teamHandles(view: View, user: UserRecord, repo: RepoRecord): string[] {
  const org = view.store.get('user', repo.ownerId);
  if (org?.type !== 'Organization') return [];
  return teamsOf(view.store, org.id)
    .filter((team) => teamMemberIds(view.store, team).has(user.id))
    .map((team) => `${org.login}/${team.slug}`);
}

/**
 * The user's notification threads, derived from the state (what the user did with them — read,
 * done, a subscription — is stored apart, in `notificationThread` records), in the repositories
 * they can read; newest first. An issue or pull request is a thread when someone else mentions the
 * user (reason `mention`) or a team of theirs (`team_mention`), asks them for a review
 * (`review_requested`), when it is assigned to them (`assign`), when someone else comments on what
 * they opened (`author`) or after they commented (`comment`), and, in a repository they watch,
 * when someone else opened it or commented (`subscribed`). One reason per thread, the first that
 * applies in that order.
 */
export function threads(view: View, user: UserRecord): Thread[] {
  const found: Thread[] = [];
  for (const repo of view.store.all('repo')) {
    if (!userRole(view.store, user.id, repo)) continue;
    // An ignored repository notifies of nothing, mentions included, as on GitHub.
    const subscription = repoSubscriptionOf(view, user.id, repo.id);
    if (subscription?.ignored) continue;
    const base = view.urls.repo(fullName(view, repo));
    const teams = teamHandles(view, user, repo);
    for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
      const issueUrl = `${base}/issues/${issue.number}`;
      const comments = view.store.where('comment', `issue:${issue.id}`).sort((a, b) => a.id - b.id);
      const others = comments.filter((comment) => comment.userId !== user.id);
      const latestOther = others[others.length - 1];
      const lastMentioning = (handles: string[]) =>
        others.filter((comment) => handles.some((handle) => mentions(comment.body, handle))).pop();
      const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
      const thread = (reason: NotificationReason, updatedAt: string, latestUrl = issueUrl) =>
        found.push({ issue, repo, reason, updatedAt, latestUrl });
      const commentThread = (reason: NotificationReason, comment: { id: number; createdAt: string }) =>
        thread(reason, comment.createdAt, `${base}/issues/comments/${comment.id}`);
      const byOther = issue.userId !== user.id;
      const mentioning = lastMentioning([user.login]);
      const teamMentioning = teams.length > 0 ? lastMentioning(teams) : undefined;
      const firstOwn = comments.find((comment) => comment.userId === user.id);
      if (mentioning) commentThread('mention', mentioning);
      else if (byOther && mentions(issue.body, user.login)) thread('mention', issue.createdAt);
      else if (pull?.requestedReviewerIds.includes(user.id)) thread('review_requested', issue.updatedAt);
      else if (issue.assigneeIds.includes(user.id)) thread('assign', issue.updatedAt);
      else if (teamMentioning) commentThread('team_mention', teamMentioning);
      else if (byOther && teams.some((handle) => mentions(issue.body, handle))) thread('team_mention', issue.createdAt);
      else if (!byOther && latestOther) commentThread('author', latestOther);
      else if (firstOwn && latestOther && latestOther.id > firstOwn.id) commentThread('comment', latestOther);
      else if (subscription && latestOther) commentThread('subscribed', latestOther);
      else if (subscription && byOther) thread('subscribed', issue.createdAt);
    }
  }
  return found.sort((a, b) =>
    a.updatedAt === b.updatedAt ? b.issue.id - a.issue.id : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}

/** The user's subscription to a repository, if they set one. */
export const repoSubscriptionOf = (view: View, userId: number, repoId: number): RepoSubscriptionRecord | undefined =>
  view.store.where('repoSubscription', `user:${userId}:${repoId}`)[0];

/** A thread's version: it changes with any new activity, which undoes a read or done mark. */
export const versionOf = (thread: Thread): string => `${thread.updatedAt} ${thread.latestUrl}`;

/** What `user` did with the thread of `issueId`, when anything. */
export function markOf(view: View, user: UserRecord, issueId: number): NotificationThreadRecord | undefined {
  return view.store.where('notificationThread', `user:${user.id}:${issueId}`)[0];
}

/** The user's record of `thread`, created (unread, no subscription) when they have none yet. */
export function changeMark(
  view: DomainContext,
  user: UserRecord,
  thread: Thread,
  patch: Partial<Omit<NotificationThreadRecord, 'id' | 'userId' | 'issueId'>>,
): NotificationThreadRecord {
  const existing = markOf(view, user, thread.issue.id);
  if (existing) {
    view.store.update(view.journal, 'notificationThread', existing, patch);
    return existing;
  }
  return view.store.insert(view.journal, 'notificationThread', {
    id: view.store.nextId('notificationThread'),
    userId: user.id,
    issueId: thread.issue.id,
    readVersion: null,
    lastReadAt: null,
    doneVersion: null,
    subscription: null,
    ...patch,
  });
}

/** A thread as GitHub's JSON shows it. */
export function renderThread(view: View, user: UserRecord, thread: Thread) {
  const base = view.urls.repo(fullName(view, thread.repo));
  const id = String(thread.issue.id);
  const mark = markOf(view, user, thread.issue.id);
  return {
    id,
    unread: mark?.readVersion !== versionOf(thread),
    reason: thread.reason,
    updated_at: thread.updatedAt,
    last_read_at: mark?.lastReadAt ?? null,
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
}

export interface NotificationFilter {
  /** Read threads too (`all=true`); unread ones only by default, as GitHub lists them. */
  all: boolean;
  /** ISO 8601 bounds on `updated_at`. */
  since?: string;
  before?: string;
  /** Only this repository's threads (`GET /repos/{owner}/{repo}/notifications`). */
  repoId?: number;
  /** Only threads the user takes part in or is mentioned in (`participating=true`). */
  participating?: boolean;
}

/**
 * `GET /notifications` for `user`: their threads, less those marked done (until new activity) and,
 * unless `all`, those read.
 */
export function notificationsOf(view: View, user: UserRecord, filter: NotificationFilter) {
  return threads(view, user)
    .filter(
      (thread) =>
        (filter.repoId === undefined || thread.repo.id === filter.repoId) &&
        (!filter.participating || PARTICIPATING_REASONS.has(thread.reason)) &&
        (!filter.since || thread.updatedAt >= filter.since) &&
        (!filter.before || thread.updatedAt < filter.before),
    )
    .filter((thread) => {
      const mark = markOf(view, user, thread.issue.id);
      const version = versionOf(thread);
      return mark?.doneVersion !== version && (filter.all || mark?.readVersion !== version);
    })
    .map((thread) => renderThread(view, user, thread));
}
