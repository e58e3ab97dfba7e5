import type { DomainContext } from '../domain/context.js';
import { renderCommit } from '../render/git.js';
import { renderLabel } from '../render/issues.js';
import { renderPull } from '../render/pulls.js';
import { fullName } from '../render/repos.js';
import { renderReview, renderReviewComment } from '../render/reviews.js';
import { renderStatus } from '../render/checks.js';
import type {
  LabelRecord,
  RepoRecord,
  ReviewCommentRecord,
  ReviewRecord,
  StatusRecord,
  UserRecord,
} from '../state/model.js';
import { pullStats } from '../state/pull-stats.js';
import { emit } from './emit.js';
import { hookCommit, hookLabel, hookReview, hookReviewComment, hookSimplePull } from './shapes.js';
import type { RefUpdate } from './push.js';

type Json = Record<string, unknown>;

/** `create` / `delete` for a branch or tag that appeared or went away (with or without a push). */
export function emitRefLifecycle(ctx: DomainContext, repo: RepoRecord, update: RefUpdate, pusher: UserRecord): void {
  const kind = update.ref.startsWith('refs/heads/')
    ? 'branch'
    : update.ref.startsWith('refs/tags/')
      ? 'tag'
      : undefined;
  if (!kind || (update.before !== null && update.after !== null)) return;
  const ref = update.ref.slice(kind === 'branch' ? 11 : 10);
  if (update.before === null)
    emit(
      ctx,
      'create',
      repo,
      () => ({
        ref,
        ref_type: kind,
        master_branch: repo.defaultBranch,
        description: repo.description,
        pusher_type: 'user',
      }),
      pusher,
    );
  else emit(ctx, 'delete', repo, () => ({ ref, ref_type: kind, pusher_type: 'user' }), pusher);
}

export function emitLabelEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  label: LabelRecord,
  action: 'created' | 'edited' | 'deleted',
  changes?: Json,
): void {
  emit(ctx, 'label', repo, (view) => ({
    action,
    label: hookLabel(renderLabel(view, repo, label)),
    ...(action === 'edited' ? { changes: changes ?? {} } : {}),
  }));
}

/** `status`: a commit status was created, with the commit and up to 10 branches containing it at their tip. */
export function emitStatusEvent(ctx: DomainContext, repo: RepoRecord, status: StatusRecord): void {
  emit(ctx, 'status', repo, (view) => {
    const commit = repo.git.readCommit(status.sha)!;
    const rendered = renderStatus(view, repo, status);
    const repoUrl = view.urls.repo(fullName(view, repo));
    return {
      id: status.id,
      sha: status.sha,
      name: fullName(view, repo),
      target_url: status.targetUrl,
      context: status.context,
      description: status.description,
      state: status.state,
      commit: hookCommit(renderCommit(view, repo, status.sha, commit)),
      branches: [...repo.git.branches()]
        .filter(([, tip]) => tip === status.sha)
        .slice(0, 10)
        .map(([name]) => ({
          name,
          commit: { sha: status.sha, url: `${repoUrl}/commits/${status.sha}` },
          protected: false,
        })),
      created_at: rendered.created_at,
      updated_at: rendered.updated_at,
    };
  });
}

async function simplePull(ctx: DomainContext, repo: RepoRecord, pullId: number) {
  const pull = ctx.store.get('pull', pullId)!;
  const issue = ctx.store.get('issue', pull.issueId)!;
  const stats = await pullStats(ctx.core, repo, pull);
  return (view: Parameters<typeof renderPull>[0]) => hookSimplePull(renderPull(view, repo, issue, pull, stats));
}

/**
 * `pull_request_review`: submitted (created with an event, or a pending one submitted), edited (its
 * body, with `changes.body.from`) or dismissed.
 */
export async function emitReviewEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  review: ReviewRecord,
  action: 'submitted' | 'edited' | 'dismissed',
  changes?: Json,
): Promise<void> {
  if (!ctx.core.webhooks.wants('pull_request_review')) return;
  const pull = await simplePull(ctx, repo, review.pullId);
  emit(ctx, 'pull_request_review', repo, (view) => ({
    action,
    review: hookReview(renderReview(view, repo, review)),
    pull_request: pull(view),
    ...(action === 'edited' ? { changes: changes ?? {} } : {}),
  }));
}

/**
 * `pull_request_review_comment`: created (alone or in a submitted review), edited (with
 * `changes.body.from`) or deleted (the comment as it was).
 */
export async function emitReviewCommentEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  comment: ReviewCommentRecord,
  action: 'created' | 'edited' | 'deleted',
  changes?: Json,
): Promise<void> {
  if (!ctx.core.webhooks.wants('pull_request_review_comment')) return;
  const pull = await simplePull(ctx, repo, comment.pullId);
  emit(ctx, 'pull_request_review_comment', repo, (view) => {
    const rendered = renderReviewComment(view, repo, comment);
    return {
      action,
      comment: hookReviewComment(rendered, `${rendered.url}/reactions`),
      pull_request: pull(view),
      ...(action === 'edited' ? { changes: changes ?? {} } : {}),
    };
  });
}
