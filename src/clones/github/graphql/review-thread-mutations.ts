import { addReviewComment } from '../domain/reviews.js';
import { ApiError } from '../state/errors.js';
import { authorize, NEED } from '../state/permissions.js';
import { gqlError, type GraphqlContext } from './context.js';
import { canResolveThreads, reviewThreadById } from './issues.js';
import { decodeNodeId } from './query.js';

type Input = Record<string, unknown>;

/**
 * Marks the thread `input.threadId` names resolved (or not): the state is kept on the thread's
 * first comment. Its pull request's author and its writers may; others get FORBIDDEN.
 */
function setResolved(ctx: GraphqlContext, input: Input, resolved: boolean) {
  const { domain } = ctx;
  const threadId = String(input.threadId);
  const decoded = decodeNodeId(threadId);
  const root = decoded?.type === 'PullRequestReviewThread' ? domain.store.get('reviewComment', decoded.id) : undefined;
  const pull = domain.store.get('pull', root?.pullId);
  const repo = domain.store.get('repo', pull?.repoId);
  // A thread the viewer cannot see (another user's pending review) is as unknown as a wrong id.
  if (!root || !pull || !repo || !reviewThreadById(domain, root.id))
    throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${threadId}'`);
  const mutation = resolved ? 'ResolveReviewThread' : 'UnresolveReviewThread';
  if (!canResolveThreads(domain, repo, pull))
    throw gqlError(
      'FORBIDDEN',
      `${domain.actor.kind === 'user' ? domain.actor.user.login : 'The viewer'} does not have the correct permissions to execute \`${mutation}\``,
    );
  const viewer = domain.actor.kind === 'user' || domain.actor.kind === 'installation' ? domain.actor.user.id : null;
  domain.store.update(domain.journal, 'reviewComment', root, { resolvedById: resolved ? viewer : null });
  return Promise.resolve({ thread: reviewThreadById(domain, root.id) ?? null });
}

/**
 * `addPullRequestReviewThread`: a comment on a line (or, with `subjectType: FILE`, a whole file)
 * added to the viewer's pending review (`pullRequestReviewId`, or theirs on `pullRequestId`), as
 * the REST review comments of a pending review are; published when the review is submitted.
 */
async function addThread(ctx: GraphqlContext, input: Input) {
  const { domain } = ctx;
  const viewer = domain.actor.kind === 'user' || domain.actor.kind === 'installation' ? domain.actor.user.id : null;
  const reviewId = decodeNodeId(String(input.pullRequestReviewId ?? ''));
  const pullId = decodeNodeId(String(input.pullRequestId ?? ''));
  let review = reviewId?.type === 'PullRequestReview' ? domain.store.get('review', reviewId.id) : undefined;
  if (!review && pullId?.type === 'PullRequest')
    review = domain.store
      .where('review', `pull:${pullId.id}`)
      .find((candidate) => candidate.state === 'PENDING' && candidate.userId === viewer);
  const pull = domain.store.get('pull', review?.pullId);
  const repo = domain.store.get('repo', pull?.repoId);
  if (!review || !pull || !repo || review.userId !== viewer)
    throw gqlError(
      'NOT_FOUND',
      `Could not resolve to a pending review of the viewer (give pullRequestReviewId, or pullRequestId with a pending review).`,
    );
  if (review.state !== 'PENDING')
    throw gqlError('UNPROCESSABLE', 'The review is not pending: it was already submitted.');
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  const side = (value: unknown) => (value === 'LEFT' || value === 'RIGHT' ? value : undefined);
  try {
    authorize(domain.store, domain.actor, repo, NEED.pullsParticipate);
    const comment = await addReviewComment(
      domain,
      repo,
      pull,
      {
        body: String(input.body ?? ''),
        path: String(input.path ?? ''),
        commit_id: pull.headSha,
        ...(input.subjectType === 'FILE'
          ? { subject_type: 'file' as const }
          : { line: number(input.line), side: side(input.side), start_line: number(input.startLine) }),
      },
      review.id,
    );
    return { thread: reviewThreadById(domain, comment.id) ?? null };
  } catch (error) {
    if (error instanceof ApiError)
      throw gqlError(error.status === 403 || error.status === 404 ? 'FORBIDDEN' : 'UNPROCESSABLE', error.message);
    throw error;
  }
}

export const REVIEW_THREAD_MUTATIONS: Record<
  string,
  (ctx: GraphqlContext, input: Input) => Promise<Record<string, unknown>>
> = {
  addPullRequestReviewThread: addThread,
  resolveReviewThread: (ctx, input) => setResolved(ctx, input, true),
  unresolveReviewThread: (ctx, input) => setResolved(ctx, input, false),
};
