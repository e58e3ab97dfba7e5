import type { DomainContext } from '../domain/context.js';
import { closingReferences } from '../domain/closing-references.js';
import { diffCommits } from '../git/diff.js';
import { commitsBetween } from '../git/history.js';
import { fullName } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  ReactionRecord,
  RepoRecord,
  ReviewCommentRecord,
  ReviewRecord,
} from '../state/model.js';
import { authorAssociation, authorize, NEED } from '../state/permissions.js';
import { effectiveBase, pullStats } from '../state/pull-stats.js';
import { connection, emptyConnection, upper, type ConnectionArgs, type Gql } from './context.js';
import { actorById, canSee, commitObject, labelObject, milestoneObject, refObject } from './objects.js';
import { links } from './links.js';
import { teamObject } from './teams.js';
import { timelineItems, type TimelineArgs } from './timeline.js';

const viewerId = (domain: DomainContext) =>
  domain.actor.kind === 'user' || domain.actor.kind === 'installation' ? domain.actor.user.id : undefined;

/** The fields Issue and PullRequest share (the `Comment`, `Closable`, `Labelable`, `Assignable`… interfaces). */
function issueish(
  domain: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  kind: 'issues' | 'pull',
): Record<string, unknown> {
  const name = fullName(domain, repo);
  const path = `/${name}/${kind}/${issue.number}`;
  const viewer = viewerId(domain);
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    bodyText: issue.body ?? '',
    bodyHTML: escapeHtml(issue.body ?? ''),
    url: `${domain.urls.web}${path}`,
    resourcePath: path,
    state: upper(issue.state),
    closed: issue.state === 'closed',
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    publishedAt: issue.createdAt,
    lastEditedAt: null,
    includesCreatedEdit: false,
    author: () => actorById(domain, issue.userId),
    authorAssociation: authorAssociation(domain.store, issue.userId, repo),
    editor: null,
    locked: issue.locked,
    activeLockReason: issue.activeLockReason ? upper(issue.activeLockReason) : null,
    isPinned: issue.pinned !== undefined,
    viewerDidAuthor: viewer === issue.userId,
    viewerCanUpdate: true,
    viewerCanReact: true,
    viewerSubscription: 'SUBSCRIBED',
    repository: () => links.repo(domain, repo),
    labels: (args: ConnectionArgs) =>
      connection(
        issue.labelIds
          .map((id) => domain.store.get('label', id))
          .filter((label): label is LabelRecord => label !== undefined),
        args,
        (label) => labelObject(domain, repo, label),
        'Label',
      ),
    assignees: (args: ConnectionArgs) => connection(issue.assigneeIds, args, (id) => actorById(domain, id), 'User'),
    milestone: () => {
      const milestone = domain.store.get('milestone', issue.milestoneId);
      return milestone ? milestoneObject(domain, repo, milestone) : null;
    },
    comments: (args: ConnectionArgs) =>
      connection(
        domain.store.where('comment', `issue:${issue.id}`),
        args,
        (comment) => commentObject(domain, repo, comment),
        'IssueComment',
      ),
    timelineItems: (args: TimelineArgs) =>
      timelineItems(domain, repo, issue, args, { issueObject, commentObject, reviewObject }),
    participants: (args: ConnectionArgs) => {
      const ids = new Set([issue.userId, ...domain.store.where('comment', `issue:${issue.id}`).map((c) => c.userId)]);
      return connection([...ids], args, (id) => actorById(domain, id), 'User');
    },
    reactionGroups: () => reactionGroups(domain, `issue:${issue.id}`),
    reactions: (args: ConnectionArgs & { content?: string | null }) =>
      reactionConnection(domain, `issue:${issue.id}`, args),
    projectCards: emptyConnection,
    projectItems: emptyConnection,
    projectsV2: emptyConnection,
    userContentEdits: emptyConnection,
  };
}

/** REST's reaction contents and GraphQL's `ReactionContent` for each. */
export const REACTIONS: Record<string, string> = {
  '+1': 'THUMBS_UP',
  '-1': 'THUMBS_DOWN',
  laugh: 'LAUGH',
  hooray: 'HOORAY',
  confused: 'CONFUSED',
  heart: 'HEART',
  rocket: 'ROCKET',
  eyes: 'EYES',
};

/** The reactions on a subject (its `reactionKey`: `issue:N`, `comment:N`, `review-comment:N`) by content. */
export function reactionGroups(domain: DomainContext, key: string) {
  const reactions = domain.store.where('reaction', key);
  return Object.entries(REACTIONS).map(([content, value]) => {
    const matching = reactions.filter((reaction) => reaction.content === content);
    const users = (args: ConnectionArgs) => connection(matching, args, (r) => actorById(domain, r.userId), 'Reactor');
    return {
      __typename: 'ReactionGroup',
      content: value,
      createdAt: matching[0]?.createdAt ?? null,
      users,
      reactors: users,
      viewerHasReacted: matching.some((r) => r.userId === viewerId(domain)),
    };
  });
}

export function reactionObject(domain: DomainContext, reaction: ReactionRecord): Gql {
  return {
    __typename: 'Reaction',
    id: nodeId('Reaction', reaction.id),
    databaseId: reaction.id,
    content: REACTIONS[reaction.content],
    createdAt: reaction.createdAt,
    user: () => actorById(domain, reaction.userId),
  };
}

/** `reactions(content:)`: the subject's reactions, oldest first. */
function reactionConnection(domain: DomainContext, key: string, args: ConnectionArgs & { content?: string | null }) {
  const wanted = args.content ? Object.entries(REACTIONS).find(([, value]) => value === args.content)?.[0] : undefined;
  const reactions = domain.store
    .where('reaction', key)
    .filter((reaction) => wanted === undefined || reaction.content === wanted)
    .sort((a, b) => a.id - b.id);
  const page = connection(reactions, args, (reaction) => reactionObject(domain, reaction), 'Reaction');
  return { ...page, viewerHasReacted: reactions.some((reaction) => reaction.userId === viewerId(domain)) };
}

export function issueObject(domain: DomainContext, repo: RepoRecord, issue: IssueRecord): Gql {
  if (issue.pullId) {
    const pull = domain.store.get('pull', issue.pullId);
    if (pull) return pullObject(domain, pull);
  }
  return {
    __typename: 'Issue',
    id: nodeId('Issue', issue.id),
    databaseId: issue.id,
    ...issueish(domain, repo, issue, 'issues'),
    stateReason: issue.stateReason ? upper(issue.stateReason) : null,
    trackedIssues: emptyConnection,
    closedByPullRequestsReferences: (args: ConnectionArgs & { includeClosedPrs?: boolean | null }) =>
      connection(
        closingPulls(domain, repo, issue).filter(
          (pull) =>
            args.includeClosedPrs === true || pull.merged || domain.store.get('issue', pull.issueId)?.state === 'open',
        ),
        args,
        (pull) => pullObject(domain, pull),
        'PullRequest',
      ),
  };
}

/**
 * The pull requests into their default branch whose body closes `issue` (the reverse of
 * `closingIssuesReferences`), among the repositories the viewer can see, oldest first.
 */
function closingPulls(domain: DomainContext, repo: RepoRecord, issue: IssueRecord): PullRecord[] {
  const target = `${fullName(domain, repo).toLowerCase()}#${issue.number}`;
  const found: PullRecord[] = [];
  for (const pull of domain.store.all('pull')) {
    const source = domain.store.get('repo', pull.repoId);
    const body = domain.store.get('issue', pull.issueId)?.body;
    if (!source || !body || pull.baseRef !== source.defaultBranch || !canSee(domain, source, NEED.pullsRead)) continue;
    const references = closingReferences(body, fullName(domain, source));
    if (references.some((reference) => `${reference.repo}#${reference.number}` === target)) found.push(pull);
  }
  return found.sort((a, b) => a.id - b.id);
}

export function commentObject(domain: DomainContext, repo: RepoRecord, comment: CommentRecord): Gql {
  const issue = domain.store.get('issue', comment.issueId)!;
  const url = `${domain.urls.repoHtml(fullName(domain, repo))}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#issuecomment-${comment.id}`;
  return {
    __typename: 'IssueComment',
    id: nodeId('IssueComment', comment.id),
    databaseId: comment.id,
    ...commentFields(domain, repo, comment, `comment:${comment.id}`),
    url,
    issue: () => issueObject(domain, repo, issue),
    repository: () => links.repo(domain, repo),
  };
}

export function reviewObject(domain: DomainContext, repo: RepoRecord, pull: PullRecord, review: ReviewRecord): Gql {
  return {
    __typename: 'PullRequestReview',
    id: nodeId('PullRequestReview', review.id),
    databaseId: review.id,
    author: () => actorById(domain, review.userId),
    authorAssociation: authorAssociation(domain.store, review.userId, repo),
    body: review.body,
    bodyText: review.body,
    state: review.state,
    submittedAt: review.submittedAt,
    createdAt: review.submittedAt ?? domain.now,
    updatedAt: review.submittedAt ?? domain.now,
    includesCreatedEdit: false,
    url: `${domain.urls.repoHtml(fullName(domain, repo))}/pull/${pull.number}#pullrequestreview-${review.id}`,
    commit: () => commitObject(domain, repo, review.commitId),
    pullRequest: () => pullObject(domain, pull),
    comments: (args: ConnectionArgs) =>
      connection(
        domain.store.where('reviewComment', `review:${review.id}`),
        args,
        (comment) => reviewCommentObject(domain, repo, pull, comment),
        'PullRequestReviewComment',
      ),
    reactionGroups: [],
  };
}

/** A `PullRequestReviewComment`, with the fields REST's review comment carries. */
function reviewCommentObject(
  domain: DomainContext,
  repo: RepoRecord,
  pull: PullRecord,
  comment: ReviewCommentRecord,
): Gql {
  const path = `/${fullName(domain, repo)}/pull/${pull.number}#discussion_r${comment.id}`;
  const review = domain.store.get('review', comment.reviewId);
  return {
    __typename: 'PullRequestReviewComment',
    id: nodeId('PullRequestReviewComment', comment.id),
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    ...commentFields(domain, repo, comment, `review-comment:${comment.id}`),
    path: comment.path,
    line: comment.line,
    originalLine: comment.line,
    startLine: comment.startLine,
    originalStartLine: comment.startLine,
    position: comment.position,
    originalPosition: comment.position,
    diffHunk: comment.diffHunk,
    subjectType: comment.subjectType === 'file' ? 'FILE' : 'LINE',
    outdated: comment.line === null && comment.subjectType !== 'file',
    state: review?.state === 'PENDING' ? 'PENDING' : 'SUBMITTED',
    url: `${domain.urls.web}${path}`,
    resourcePath: path,
    commit: () => commitObject(domain, repo, comment.commitId),
    originalCommit: () => commitObject(domain, repo, comment.commitId),
    replyTo: () => {
      const parent = domain.store.get('reviewComment', comment.inReplyToId);
      return parent ? reviewCommentObject(domain, repo, pull, parent) : null;
    },
    pullRequestReview: () => (review ? reviewObject(domain, repo, pull, review) : null),
    pullRequest: () => pullObject(domain, pull),
    repository: () => links.repo(domain, repo),
  };
}

/**
 * A pull request's review threads: each first comment with its replies, oldest first. Hidden:
 * comments of other users' pending reviews, as REST hides them. A thread's resolution is kept on
 * its first comment.
 */
function reviewThreads(domain: DomainContext, repo: RepoRecord, pull: PullRecord): Gql[] {
  const viewer = viewerId(domain);
  const threads = new Map<number, ReviewCommentRecord[]>();
  const comments = domain.store
    .where('reviewComment', `pull:${pull.id}`)
    .filter((comment) => {
      const review = domain.store.get('review', comment.reviewId);
      return review?.state !== 'PENDING' || review.userId === viewer;
    })
    .sort((a, b) => a.id - b.id);
  for (const comment of comments) {
    const root = comment.inReplyToId ?? comment.id;
    threads.set(root, [...(threads.get(root) ?? []), comment]);
  }
  return [...threads.values()].map((list) => reviewThreadObject(domain, repo, pull, list));
}

/** Who may resolve a pull request's review threads: its author and those who can write to it. */
export function canResolveThreads(domain: DomainContext, repo: RepoRecord, pull: PullRecord): boolean {
  const viewer = viewerId(domain);
  if (viewer === undefined) return false;
  if (domain.store.get('issue', pull.issueId)?.userId === viewer) return true;
  try {
    authorize(domain.store, domain.actor, repo, NEED.pullsWrite);
    return true;
  } catch {
    return false;
  }
}

/** The thread whose first comment is `root`, as `reviewThreads` lists it. */
export function reviewThreadById(domain: DomainContext, rootId: number): Gql | undefined {
  const root = domain.store.get('reviewComment', rootId);
  const pull = domain.store.get('pull', root?.pullId);
  const repo = domain.store.get('repo', pull?.repoId);
  if (!root || !pull || !repo) return undefined;
  return reviewThreads(domain, repo, pull).find((thread) => thread.id === nodeId('PullRequestReviewThread', rootId));
}

function reviewThreadObject(domain: DomainContext, repo: RepoRecord, pull: PullRecord, list: ReviewCommentRecord[]) {
  const viewer = viewerId(domain);
  const first = list[0]!;
  const resolved = first.resolvedById !== undefined && first.resolvedById !== null;
  const canResolve = canResolveThreads(domain, repo, pull);
  return {
    __typename: 'PullRequestReviewThread',
    id: nodeId('PullRequestReviewThread', first.id),
    path: first.path,
    line: first.line,
    originalLine: first.line,
    startLine: first.startLine,
    originalStartLine: first.startLine,
    diffSide: first.side,
    startDiffSide: first.startLine ? first.side : null,
    subjectType: first.subjectType === 'file' ? 'FILE' : 'LINE',
    isOutdated: first.line === null && first.subjectType !== 'file',
    isResolved: resolved,
    isCollapsed: resolved,
    resolvedBy: () => (resolved ? actorById(domain, first.resolvedById!) : null),
    viewerCanResolve: canResolve && !resolved,
    viewerCanUnresolve: canResolve && resolved,
    viewerCanReply: viewer !== undefined,
    comments: (args: ConnectionArgs) =>
      connection(list, args, (comment) => reviewCommentObject(domain, repo, pull, comment), 'PullRequestReviewComment'),
    pullRequest: () => pullObject(domain, pull),
    repository: () => links.repo(domain, repo),
  };
}

const MERGE_STATE: Record<string, string> = {
  clean: 'CLEAN',
  dirty: 'DIRTY',
  draft: 'DRAFT',
  blocked: 'BLOCKED',
  behind: 'BEHIND',
  unstable: 'UNSTABLE',
  unknown: 'UNKNOWN',
};

export function pullObject(domain: DomainContext, pull: PullRecord): Gql {
  const repo = domain.store.get('repo', pull.repoId)!;
  const issue = domain.store.get('issue', pull.issueId)!;
  const stats = () => pullStats(domain.core, repo, pull);
  const open = issue.state === 'open';
  const baseSha = () => effectiveBase(repo, pull, open);
  const reviews = () =>
    domain.store
      .where('review', `pull:${pull.id}`)
      .filter((review) => review.state !== 'PENDING' || review.userId === viewerId(domain));
  const latestByAuthor = (opinionated: boolean) => {
    const latest = new Map<number, ReviewRecord>();
    for (const review of reviews()) {
      if (review.state === 'PENDING') continue;
      if (opinionated && review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED') continue;
      latest.set(review.userId, review);
    }
    return [...latest.values()];
  };
  const headRepo = () => repo;
  return {
    __typename: 'PullRequest',
    id: nodeId('PullRequest', pull.id),
    databaseId: pull.id,
    ...issueish(domain, repo, issue, 'pull'),
    state: pull.merged ? 'MERGED' : upper(issue.state),
    isDraft: pull.draft,
    merged: pull.merged,
    mergedAt: pull.mergedAt,
    mergedBy: () => actorById(domain, pull.mergedById),
    mergeCommit: () => (pull.mergeCommitSha ? commitObject(domain, repo, pull.mergeCommitSha) : null),
    potentialMergeCommit: null,
    headRefName: pull.headRef,
    headRefOid: pull.headSha,
    headRef: () => {
      const sha = repo.git.branch(pull.headRef);
      return sha ? refObject(domain, repo, `refs/heads/${pull.headRef}`, sha) : null;
    },
    headRepository: () => links.repo(domain, headRepo()),
    headRepositoryOwner: () => actorById(domain, headRepo().ownerId),
    baseRefName: pull.baseRef,
    baseRefOid: () => baseSha(),
    baseRef: () => {
      const sha = repo.git.branch(pull.baseRef);
      return sha ? refObject(domain, repo, `refs/heads/${pull.baseRef}`, sha) : null;
    },
    baseRepository: () => links.repo(domain, repo),
    isCrossRepository: false,
    maintainerCanModify: pull.maintainerCanModify,
    autoMergeRequest: null,
    isInMergeQueue: false,
    isMergeQueueEnabled: false,
    mergeQueueEntry: null,
    mergeable: async () => {
      const { mergeable } = await stats();
      return mergeable === true ? 'MERGEABLE' : mergeable === false ? 'CONFLICTING' : 'UNKNOWN';
    },
    mergeStateStatus: async () => MERGE_STATE[(await stats()).mergeableState] ?? 'UNKNOWN',
    additions: async () => (await stats()).additions,
    deletions: async () => (await stats()).deletions,
    changedFiles: async () => (await stats()).changedFiles,
    permalink: `${domain.urls.repoHtml(fullName(domain, repo))}/pull/${pull.number}`,
    commits: (args: ConnectionArgs) =>
      connection(
        commitsBetween(repo.git, baseSha(), pull.headSha),
        args,
        ({ sha }) => ({
          __typename: 'PullRequestCommit',
          id: nodeId('PullRequestCommit', pull.id) + sha.slice(0, 8),
          commit: () => commitObject(domain, repo, sha),
          url: `${domain.urls.repoHtml(fullName(domain, repo))}/pull/${pull.number}/commits/${sha}`,
          pullRequest: () => pullObject(domain, pull),
        }),
        'PullRequestCommit',
      ),
    files: async (args: ConnectionArgs) => {
      const { mergeBaseSha } = await stats();
      const files = mergeBaseSha ? await diffCommits(repo.git, mergeBaseSha, pull.headSha) : [];
      return connection(
        files,
        args,
        (file) => ({
          __typename: 'PullRequestChangedFile',
          path: file.filename,
          additions: file.additions,
          deletions: file.deletions,
          changeType: CHANGE_TYPE[file.status] ?? 'MODIFIED',
          viewerViewedState: 'UNVIEWED',
        }),
        'PullRequestChangedFile',
      );
    },
    reviews: (args: ConnectionArgs & { states?: string[]; author?: string }) =>
      connection(
        reviews()
          .filter((review) => !args.states || args.states.includes(review.state))
          .filter((review) => !args.author || domain.store.get('user', review.userId)?.login === args.author),
        args,
        (review) => reviewObject(domain, repo, pull, review),
        'PullRequestReview',
      ),
    latestReviews: (args: ConnectionArgs) =>
      connection(
        latestByAuthor(false),
        args,
        (review) => reviewObject(domain, repo, pull, review),
        'PullRequestReview',
      ),
    latestOpinionatedReviews: (args: ConnectionArgs) =>
      connection(latestByAuthor(true), args, (review) => reviewObject(domain, repo, pull, review), 'PullRequestReview'),
    reviewThreads: (args: ConnectionArgs) =>
      connection(reviewThreads(domain, repo, pull), args, (thread) => thread, 'PullRequestReviewThread'),
    reviewDecision: () => {
      const latest = latestByAuthor(true);
      if (latest.some((review) => review.state === 'CHANGES_REQUESTED')) return 'CHANGES_REQUESTED';
      if (latest.some((review) => review.state === 'APPROVED')) return 'APPROVED';
      return null;
    },
    // Users, then teams; a team's request has an id of its own (user and team ids overlap).
    reviewRequests: (args: ConnectionArgs) =>
      connection(
        [
          ...pull.requestedReviewerIds.map((id) => ({ id, team: false })),
          ...pull.requestedTeamIds.map((id) => ({ id, team: true })),
        ],
        args,
        ({ id, team }) => ({
          __typename: 'ReviewRequest',
          id: nodeId(team ? 'TeamReviewRequest' : 'ReviewRequest', pull.id * 1000 + id),
          asCodeOwner: false,
          requestedReviewer: () => {
            const record = team ? domain.store.get('team', id) : undefined;
            return team ? (record ? teamObject(domain, record) : null) : actorById(domain, id);
          },
          pullRequest: () => pullObject(domain, pull),
        }),
        'ReviewRequest',
      ),
    // Only into the default branch do closing keywords link (and later close) issues, as on GitHub.
    closingIssuesReferences: (args: ConnectionArgs) =>
      connection(
        pull.baseRef === repo.defaultBranch ? closingIssues(domain, repo, issue.body ?? '') : [],
        args,
        ([target, closed]) => issueObject(domain, target, closed),
        'Issue',
      ),
  };
}

const CHANGE_TYPE: Record<string, string> = {
  added: 'ADDED',
  removed: 'DELETED',
  modified: 'MODIFIED',
  renamed: 'RENAMED',
  copied: 'COPIED',
  changed: 'CHANGED',
};

/** The issues a pull request's body names with closing keywords that exist and the viewer may see. */
function closingIssues(domain: DomainContext, repo: RepoRecord, body: string): Array<[RepoRecord, IssueRecord]> {
  const found: Array<[RepoRecord, IssueRecord]> = [];
  for (const reference of closingReferences(body, fullName(domain, repo))) {
    const [owner = '', name = ''] = reference.repo.split('/');
    const target = domain.store.repoByFullName(owner, name);
    if (!target || !canSee(domain, target, NEED.issuesRead)) continue;
    const issue = domain.store.issueByNumber(target.id, reference.number);
    if (issue && issue.pullId === null) found.push([target, issue]);
  }
  return found;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * The fields of GraphQL's Comment, Reactable and Updatable interfaces that an issue comment and a
 * review comment answer alike; `reactable` keys the comment's reactions.
 */
function commentFields(
  domain: DomainContext,
  repo: RepoRecord,
  comment: { userId: number; body: string; createdAt: string; updatedAt: string },
  reactable: string,
): Record<string, unknown> {
  const mine = viewerId(domain) === comment.userId;
  return {
    body: comment.body,
    bodyText: comment.body,
    bodyHTML: escapeHtml(comment.body),
    author: () => actorById(domain, comment.userId),
    authorAssociation: authorAssociation(domain.store, comment.userId, repo),
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    publishedAt: comment.createdAt,
    lastEditedAt: comment.updatedAt === comment.createdAt ? null : comment.updatedAt,
    includesCreatedEdit: false,
    isMinimized: false,
    minimizedReason: null,
    viewerDidAuthor: mine,
    viewerCanUpdate: mine,
    viewerCanDelete: mine,
    reactionGroups: () => reactionGroups(domain, reactable),
    reactions: (args: ConnectionArgs & { content?: string | null }) => reactionConnection(domain, reactable, args),
  };
}
