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

export const REVIEW_THREAD_MUTATIONS: Record<
  string,
  (ctx: GraphqlContext, input: Input) => Promise<Record<string, unknown>>
> = {
  resolveReviewThread: (ctx, input) => setResolved(ctx, input, true),
  unresolveReviewThread: (ctx, input) => setResolved(ctx, input, false),
};
