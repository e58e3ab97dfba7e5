import { diffCommits } from '../git/diff.js';
import { ApiError, notFound, simpleValidationFailed, unprocessable } from '../state/errors.js';
import type {
  IssueRecord,
  PullRecord,
  RepoRecord,
  ReviewRecord,
  ReviewState,
  TeamRecord,
  UserRecord,
} from '../state/model.js';
import { teamBySlug, teamMemberIds, teamRepoRole } from '../state/teams.js';
import { emitPullEvent } from '../webhooks/payloads.js';
import { emitReviewCommentEvent, emitReviewEvent } from '../webhooks/repo-events.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { addIssueEvent } from './issue-events.js';
import { userRole } from '../state/permissions.js';
import { pullStats } from '../state/pull-stats.js';

export type ReviewEvent = 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';

const STATE: Record<ReviewEvent, ReviewState> = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED',
};

/** A COMMENT or REQUEST_CHANGES review must say something: a body, or inline comments (`hasComments`). */
function checkEvent(ctx: DomainContext, issue: IssueRecord, event: ReviewEvent, body: string, hasComments: boolean) {
  const self = actingUser(ctx.actor)?.id === issue.userId;
  if (self && event === 'APPROVE') throw simpleValidationFailed('Can not approve your own pull request');
  if (self && event === 'REQUEST_CHANGES')
    throw simpleValidationFailed('Can not request changes on your own pull request');
  if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && body.trim() === '' && !hasComments)
    throw simpleValidationFailed(`Body is required when the event is ${event}`);
}

/** A review comment's path or line is not in the pull request's diff (a 422, shaped by the operation). */
class UnresolvedPosition extends ApiError {
  constructor(readonly part: 'path' | 'line') {
    super(
      422,
      'Validation Failed',
      part === 'path'
        ? {
            errors: [
              {
                resource: 'PullRequestReviewComment',
                code: 'custom',
                field: 'path',
                message: 'pull_request_review_thread.path could not be resolved',
              },
            ],
          }
        : {
            errors: [
              {
                resource: 'PullRequestReviewComment',
                code: 'custom',
                field: 'line',
                message: 'pull_request_review_thread.line must be part of the diff',
              },
            ],
          },
    );
  }
}

export interface InlineComment {
  path: string;
  body: string;
  line?: number;
  position?: number;
  side?: 'LEFT' | 'RIGHT';
  start_line?: number;
  /** `file`: a comment on the whole file, at no line. */
  subject_type?: 'line' | 'file';
}

/**
 * The diff hunk GitHub shows with a review comment (the hunk of `path` up to the commented line),
 * and the commented line's `position`: how many lines below the file's first `@@` header it is.
 */
async function hunkFor(
  ctx: DomainContext,
  repo: RepoRecord,
  pull: PullRecord,
  comment: InlineComment,
): Promise<{ hunk: string; position: number; line: number; side: 'LEFT' | 'RIGHT' }> {
  const stats = await pullStats(ctx.core, repo, pull);
  const files = stats.mergeBaseSha ? await diffCommits(repo.git, stats.mergeBaseSha, pull.headSha) : [];
  const file = files.find((f) => f.filename === comment.path);
  if (!file?.patch) throw new UnresolvedPosition('path');
  const lines = file.patch.split('\n');
  let newLine = 0;
  let oldLine = 0;
  let hunkStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(text);
    if (header) {
      oldLine = Number(header[1]) - 1;
      newLine = Number(header[2]) - 1;
      hunkStart = i;
      continue;
    }
    if (!text.startsWith('-')) newLine++;
    if (!text.startsWith('+')) oldLine++;
    // A comment by `position` (GitHub's older form) is on the line that many lines below the first header.
    const side = comment.line === undefined ? (text.startsWith('-') ? 'LEFT' : 'RIGHT') : (comment.side ?? 'RIGHT');
    const hit =
      comment.line === undefined
        ? i === (comment.position ?? 1)
        : side === 'LEFT'
          ? oldLine === comment.line && !text.startsWith('+')
          : newLine === comment.line && !text.startsWith('-');
    if (hit)
      return {
        hunk: lines.slice(hunkStart, i + 1).join('\n'),
        position: i,
        line: side === 'LEFT' ? oldLine : newLine,
        side,
      };
  }
  throw new UnresolvedPosition('line');
}

/** A new inline comment, or a reply to one (which takes its thread's position). */
export type ReviewCommentInput = (InlineComment & { commit_id?: string }) | { body: string; in_reply_to: number };

export async function addReviewComment(
  ctx: DomainContext,
  repo: RepoRecord,
  pull: PullRecord,
  comment: ReviewCommentInput,
  reviewId: number | null,
) {
  const user = actingUser(ctx.actor)!;
  let diffHunk: string;
  let position: number;
  let target: InlineComment & { commit_id?: string };
  let inReplyTo: number | null = null;
  if ('in_reply_to' in comment) {
    const parent = ctx.store.get('reviewComment', comment.in_reply_to);
    if (!parent || parent.pullId !== pull.id) throw notFound();
    diffHunk = parent.diffHunk;
    position = parent.position;
    // GitHub threads a reply to a reply under the thread's first comment.
    inReplyTo = parent.inReplyToId ?? parent.id;
    target = {
      body: comment.body,
      path: parent.path,
      line: parent.line ?? undefined,
      side: parent.side,
      commit_id: parent.commitId,
    };
  } else if (comment.subject_type === 'file') {
    // On the whole file: the file must be one the pull request changes; no line, no hunk.
    await hunkFor(ctx, repo, pull, { ...comment, line: undefined, position: 1 }).catch((error: unknown) => {
      if (error instanceof UnresolvedPosition && error.part === 'line') return;
      throw error;
    });
    diffHunk = '';
    position = 0;
    target = { ...comment, line: undefined, start_line: undefined };
  } else {
    const resolved = await hunkFor(ctx, repo, pull, comment);
    ({ hunk: diffHunk, position } = resolved);
    target = { ...comment, line: resolved.line, side: resolved.side };
  }
  return ctx.store.insert(ctx.journal, 'reviewComment', {
    id: ctx.store.nextId('reviewComment'),
    repoId: repo.id,
    pullId: pull.id,
    reviewId,
    userId: user.id,
    body: target.body,
    path: target.path,
    line: target.line ?? null,
    startLine: target.start_line ?? null,
    side: target.side ?? 'RIGHT',
    commitId: target.commit_id ?? pull.headSha,
    diffHunk,
    position,
    inReplyToId: inReplyTo,
    ...(target.subject_type === 'file' ? { subjectType: 'file' as const } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/**
 * A single inline comment (or a reply): as on GitHub, it is posted as a `COMMENTED` review of its
 * own, which sends `pull_request_review.submitted` and `pull_request_review_comment.created`.
 */
export async function commentOnDiff(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  input: ReviewCommentInput,
) {
  const user = actingUser(ctx.actor)!;
  const comment = await addReviewComment(ctx, repo, pull, input, null);
  const review = ctx.store.insert(ctx.journal, 'review', {
    id: ctx.store.nextId('review'),
    repoId: repo.id,
    pullId: pull.id,
    userId: user.id,
    body: '',
    state: 'COMMENTED',
    commitId: comment.commitId,
    submittedAt: ctx.now,
  });
  ctx.store.update(ctx.journal, 'reviewComment', comment, { reviewId: review.id });
  await afterSubmit(ctx, repo, issue, pull, user, review);
  return comment;
}

export async function createReview(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  input: { body?: string; event?: ReviewEvent; commit_id?: string; comments?: InlineComment[] },
): Promise<ReviewRecord> {
  const user = actingUser(ctx.actor)!;
  const body = input.body ?? '';
  if (input.event) checkEvent(ctx, issue, input.event, body, (input.comments ?? []).length > 0);
  if (input.commit_id && !repo.git.readCommit(input.commit_id))
    throw simpleValidationFailed('Commit ID is not part of the pull request');
  if (
    !input.event &&
    ctx.store.where('review', `pull:${pull.id}`).some((r) => r.userId === user.id && r.state === 'PENDING')
  )
    throw simpleValidationFailed('User can only have one pending review per pull request');
  const review = ctx.store.insert(ctx.journal, 'review', {
    id: ctx.store.nextId('review'),
    repoId: repo.id,
    pullId: pull.id,
    userId: user.id,
    body,
    state: input.event ? STATE[input.event] : 'PENDING',
    commitId: input.commit_id ?? pull.headSha,
    submittedAt: input.event ? ctx.now : null,
  });
  for (const comment of input.comments ?? [])
    await addReviewComment(ctx, repo, pull, comment, review.id).catch((error: unknown) => {
      // Inside a review, GitHub reports an unresolvable position as a plain message.
      if (error instanceof UnresolvedPosition)
        throw simpleValidationFailed(`${error.part === 'path' ? 'Path' : 'Line'} could not be resolved`);
      throw error;
    });
  if (input.event) await afterSubmit(ctx, repo, issue, pull, user, review);
  return review;
}

export async function submitReview(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  review: ReviewRecord,
  event: ReviewEvent,
  body: string | undefined,
) {
  if (review.state !== 'PENDING') throw simpleValidationFailed('Can not submit a review that is not pending');
  if (review.userId !== actingUser(ctx.actor)?.id) throw notFound();
  const text = body ?? review.body;
  checkEvent(ctx, issue, event, text, ctx.store.countWhere('reviewComment', `review:${review.id}`) > 0);
  ctx.store.update(ctx.journal, 'review', review, { state: STATE[event], body: text, submittedAt: ctx.now });
  await afterSubmit(ctx, repo, issue, pull, actingUser(ctx.actor)!, review);
}

/**
 * A submitted review satisfies the reviewer's pending request (or, when the reviewer was not asked
 * in person, the requests of the teams they belong to, as a review on behalf of the team) and moves
 * the pull request's updated_at; its webhooks go out: `pull_request_review.submitted`, then one
 * `pull_request_review_comment.created` per inline comment it carries.
 */
async function afterSubmit(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  user: UserRecord,
  review: ReviewRecord,
) {
  if (pull.requestedReviewerIds.includes(user.id))
    ctx.store.update(ctx.journal, 'pull', pull, {
      requestedReviewerIds: pull.requestedReviewerIds.filter((id) => id !== user.id),
    });
  else {
    const answered = pull.requestedTeamIds.filter((id) => {
      const team = ctx.store.get('team', id);
      return team !== undefined && teamMemberIds(ctx.store, team).has(user.id);
    });
    if (answered.length > 0)
      ctx.store.update(ctx.journal, 'pull', pull, {
        requestedTeamIds: pull.requestedTeamIds.filter((id) => !answered.includes(id)),
      });
  }
  ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
  await emitReviewEvent(ctx, repo, review, 'submitted');
  for (const comment of ctx.store.where('reviewComment', `review:${review.id}`).sort((a, b) => a.id - b.id))
    await emitReviewCommentEvent(ctx, repo, comment, 'created');
}

/** The teams named by `team_reviewers` (slugs of the repository owner's teams); unknown ones are undefined. */
function teamsNamed(ctx: DomainContext, repo: RepoRecord, slugs: string[]): Array<TeamRecord | undefined> {
  const owner = ctx.store.get('user', repo.ownerId)!;
  return slugs.map((slug) => (owner.type === 'Organization' ? teamBySlug(ctx.store, owner.id, slug) : undefined));
}

/**
 * Asks users and teams for a review. As on GitHub, every name is checked before anything changes:
 * users must be collaborators other than the author, teams must be the owning organization's and
 * have access to the repository. Each new request gets its `review_requested` event and webhook
 * (`requested_reviewer` for a user, `requested_team` for a team).
 */
export async function requestReviewers(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  logins: string[],
  teamSlugs: string[] = [],
) {
  const owner = ctx.store.get('user', repo.ownerId)!;
  const users = logins.map((login) => ctx.store.userByLogin(login));
  const teams = teamsNamed(ctx, repo, teamSlugs);
  if (users.some((user) => user?.id === issue.userId))
    throw unprocessable('PullRequest', 'Review cannot be requested from pull request author.');
  if (
    users.some((user) => !user || user.type !== 'User' || !userRole(ctx.store, user.id, repo)) ||
    teams.some((team) => !team || !teamRepoRole(ctx.store, team, repo))
  )
    throw new ApiError(
      422,
      `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${owner.login}/${repo.name} repository.`,
    );
  const requesterId = actingUser(ctx.actor)?.id;
  for (const user of users as UserRecord[]) {
    if (pull.requestedReviewerIds.includes(user.id)) continue;
    ctx.store.update(ctx.journal, 'pull', pull, { requestedReviewerIds: [...pull.requestedReviewerIds, user.id] });
    addIssueEvent(ctx, repo, issue, 'review_requested', { reviewerId: user.id, requesterId });
    await emitPullEvent(ctx, repo, pull, 'review_requested', { requestedReviewer: user });
  }
  for (const team of teams as TeamRecord[]) {
    if (pull.requestedTeamIds.includes(team.id)) continue;
    ctx.store.update(ctx.journal, 'pull', pull, { requestedTeamIds: [...pull.requestedTeamIds, team.id] });
    addIssueEvent(ctx, repo, issue, 'review_requested', { reviewerTeamId: team.id, requesterId });
    await emitPullEvent(ctx, repo, pull, 'review_requested', { requestedTeam: team });
  }
}

/** Withdraws review requests; names that were not requested are ignored, as on GitHub. */
export async function removeReviewers(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  logins: string[],
  teamSlugs: string[] = [],
) {
  const requesterId = actingUser(ctx.actor)?.id;
  for (const login of logins) {
    const user = ctx.store.userByLogin(login);
    if (!user || !pull.requestedReviewerIds.includes(user.id)) continue;
    ctx.store.update(ctx.journal, 'pull', pull, {
      requestedReviewerIds: pull.requestedReviewerIds.filter((id) => id !== user.id),
    });
    addIssueEvent(ctx, repo, issue, 'review_request_removed', { reviewerId: user.id, requesterId });
    await emitPullEvent(ctx, repo, pull, 'review_request_removed', { requestedReviewer: user });
  }
  for (const team of teamsNamed(ctx, repo, teamSlugs)) {
    if (!team || !pull.requestedTeamIds.includes(team.id)) continue;
    ctx.store.update(ctx.journal, 'pull', pull, {
      requestedTeamIds: pull.requestedTeamIds.filter((id) => id !== team.id),
    });
    addIssueEvent(ctx, repo, issue, 'review_request_removed', { reviewerTeamId: team.id, requesterId });
    await emitPullEvent(ctx, repo, pull, 'review_request_removed', { requestedTeam: team });
  }
}
