import type { IssueRecord, RepoRecord, UserRecord } from '../state/model.js';
import { renderComment, renderIssue } from './issues.js';
import { renderPull } from './pulls.js';
import { renderRelease } from './releases.js';
import { fullName, renderRepo } from './repos.js';
import { renderReview } from './reviews.js';
import { simpleUserById } from './users.js';
import type { View } from './view.js';

/** The issue event names GitHub's activity feed reports as `IssuesEvent`/`PullRequestEvent` actions. */
const FEED_ACTIONS = new Set(['closed', 'reopened', 'labeled', 'unlabeled', 'assigned', 'unassigned']);

// Activity event ids are strings on GitHub; each source of events gets its own range so ids never collide.
const ID_RANGE = { opened: 1, issueEvent: 2, comment: 3, review: 4, release: 5, fork: 6 } as const;
const activityId = (range: keyof typeof ID_RANGE, id: number): string => String(ID_RANGE[range] * 10 ** 12 + id);

interface Activity {
  id: string;
  /** The record the activity comes from, for ordering activities of the same second. */
  source: object;
  type: string;
  actorId: number;
  createdAt: string;
  payload: () => Record<string, unknown>;
}

function actor(view: View, userId: number) {
  const user = simpleUserById(view, userId);
  return user
    ? {
        id: user.id,
        login: user.login,
        display_login: user.login,
        gravatar_id: '',
        url: user.url,
        avatar_url: user.avatar_url,
      }
    : null;
}

/** `IssuesEvent` for an issue, `PullRequestEvent` (with `number` and `pull_request`) for a pull request. */
function issueOrPull(view: View, repo: RepoRecord, issue: IssueRecord) {
  const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
  return pull
    ? {
        type: 'PullRequestEvent',
        subject: () => ({ number: issue.number, pull_request: renderPull(view, repo, issue, pull) }),
      }
    : { type: 'IssuesEvent', subject: () => ({ issue: renderIssue(view, repo, issue) }) };
}

function* activities(view: View, repo: RepoRecord): Generator<Activity> {
  for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
    const { type, subject } = issueOrPull(view, repo, issue);
    yield {
      id: activityId('opened', issue.id),
      source: issue,
      type,
      actorId: issue.userId,
      createdAt: issue.createdAt,
      payload: () => ({ action: 'opened', ...subject() }),
    };
  }
  for (const event of view.store.where('event', `repo:${repo.id}`)) {
    if (!FEED_ACTIONS.has(event.event)) continue;
    const issue = view.store.get('issue', event.issueId);
    if (!issue) continue;
    const { type, subject } = issueOrPull(view, repo, issue);
    yield {
      id: activityId('issueEvent', event.id),
      source: event,
      type,
      actorId: event.actorId,
      createdAt: event.createdAt,
      payload: () => ({
        action: event.event,
        ...subject(),
        ...(event.label ? { label: event.label } : {}),
        ...(event.assigneeId !== undefined ? { assignee: simpleUserById(view, event.assigneeId) } : {}),
      }),
    };
  }
  for (const comment of view.store.where('comment', `repo:${repo.id}`)) {
    const issue = view.store.get('issue', comment.issueId);
    if (!issue) continue;
    yield {
      id: activityId('comment', comment.id),
      source: comment,
      type: 'IssueCommentEvent',
      actorId: comment.userId,
      createdAt: comment.createdAt,
      payload: () => ({
        action: 'created',
        issue: renderIssue(view, repo, issue),
        comment: renderComment(view, repo, comment),
      }),
    };
  }
  for (const pull of view.store.where('pull', `repo:${repo.id}`)) {
    const issue = view.store.get('issue', pull.issueId);
    if (!issue) continue;
    for (const review of view.store.where('review', `pull:${pull.id}`)) {
      if (!review.submittedAt) continue;
      yield {
        id: activityId('review', review.id),
        source: review,
        type: 'PullRequestReviewEvent',
        actorId: review.userId,
        createdAt: review.submittedAt,
        payload: () => ({
          action: 'created',
          review: renderReview(view, repo, review),
          pull_request: renderPull(view, repo, issue, pull),
        }),
      };
    }
  }
  for (const release of view.store.where('release', `repo:${repo.id}`)) {
    if (release.draft || !release.publishedAt) continue;
    yield {
      id: activityId('release', release.id),
      source: release,
      type: 'ReleaseEvent',
      actorId: release.authorId,
      createdAt: release.publishedAt,
      payload: () => ({ action: 'published', release: renderRelease(view, repo, release) }),
    };
  }
  for (const fork of view.store.all('repo')) {
    if (fork.forkOf !== repo.id) continue;
    yield {
      id: activityId('fork', fork.id),
      source: fork,
      type: 'ForkEvent',
      actorId: fork.ownerId,
      createdAt: fork.createdAt,
      payload: () => ({ forkee: renderRepo(view, fork) }),
    };
  }
}

/**
 * The repository's activity feed (`GET /repos/{owner}/{repo}/events`), newest first, derived from
 * what the state records: issues and pull requests opened, their closed, reopened, labeled,
 * unlabeled, assigned and unassigned events, comments, submitted reviews, published releases and
 * forks. Pushes and branch or tag creation are not recorded, so they are not in the feed.
 */
export function repoActivity(view: View, repo: RepoRecord) {
  const name = fullName(view, repo);
  const owner = view.store.get('user', repo.ownerId) as UserRecord | undefined;
  const org = owner?.type === 'Organization' ? actor(view, owner.id) : null;
  const order = (activity: Activity) => view.store.insertionOrder(activity.source);
  const feed = [...activities(view, repo)].sort((a, b) =>
    a.createdAt === b.createdAt ? order(b) - order(a) : a.createdAt < b.createdAt ? 1 : -1,
  );
  return feed.map((activity) => () => ({
    id: activity.id,
    type: activity.type,
    actor: actor(view, activity.actorId),
    repo: { id: repo.id, name, url: view.urls.repo(name) },
    ...(org ? { org } : {}),
    payload: activity.payload(),
    public: !repo.private,
    created_at: activity.createdAt,
  }));
}
