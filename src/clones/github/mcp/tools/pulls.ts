import type { DomainContext } from '../../domain/context.js';
import { nodeId } from '../../render/urls.js';
import { actingUser } from '../../state/actor.js';
import { withRepoLock } from '../../domain/git-write.js';
import { setDraft } from '../../domain/pulls.js';
import { addReviewComment } from '../../domain/reviews.js';
import { ApiError } from '../../state/errors.js';
import { authorize, NEED } from '../../state/permissions.js';
import {
  minimalIssueComment,
  minimalPullCommit,
  minimalPullFile,
  minimalPullRequest,
  minimalResponse,
  minimalReview,
} from '../minimal.js';
import {
  paging,
  pick,
  reactionResponse,
  repoParams,
  rest,
  restAccepted,
  restList,
  text,
  ToolError,
  type Args,
  type ToolHandler,
} from './common.js';

type Json = Record<string, unknown>;

const pullParams = (args: Args) => ({
  ...repoParams(args),
  pull_number: Number(args.pullNumber),
  issue_number: Number(args.pullNumber),
});

/**
 * Review comments grouped into threads (a comment and its replies), as GraphQL's reviewThreads;
 * `resolved` says whether the thread of a first comment is resolved.
 */
function reviewThreads(comments: Json[], args: Args, resolved: (rootId: number) => boolean) {
  const threads = new Map<number, Json[]>();
  for (const comment of comments) {
    const root = (comment.in_reply_to_id as number | undefined) ?? (comment.id as number);
    threads.set(root, [...(threads.get(root) ?? []), comment]);
  }
  const all = [...threads.entries()].map(([root, list]) => ({
    // GraphQL's id for the thread, which resolve_thread and GraphQL's resolveReviewThread take.
    id: nodeId('PullRequestReviewThread', root),
    is_resolved: resolved(root),
    is_outdated: false,
    is_collapsed: false,
    comments: list.map((comment) => ({
      ...(comment.body ? { body: comment.body } : {}),
      path: comment.path,
      ...(typeof comment.line === 'number' ? { line: comment.line } : {}),
      ...((comment.user as Json | null)?.login ? { author: (comment.user as Json).login } : {}),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      html_url: comment.html_url,
    })),
    total_count: list.length,
  }));
  const perPage = (args.perPage as number | undefined) ?? 30;
  const start = args.after ? Number(Buffer.from(String(args.after), 'base64').toString('utf8')) || 0 : 0;
  const page = all.slice(start, start + perPage);
  const hasNextPage = all.length > start + perPage;
  return {
    review_threads: page,
    totalCount: all.length,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: start > 0,
      ...(hasNextPage ? { endCursor: Buffer.from(String(start + perPage)).toString('base64') } : {}),
    },
  };
}

async function pendingReviewOfViewer(ctx: DomainContext, args: Args) {
  const reviews = (await restList(ctx, 'pulls/list-reviews', {
    params: pullParams(args),
    query: { per_page: 100 },
  })) as Array<{ id: number; state: string; user: { login: string } | null }>;
  const me = (await rest(ctx, 'users/get-authenticated')) as { login: string };
  return reviews.find((review) => review.state === 'PENDING' && review.user?.login === me.login);
}

/** The pull request of `args`, if the actor may take part in it (GitHub's message otherwise). */
function participatingPull(ctx: DomainContext, args: Args, action: string) {
  const repo = ctx.store.repoByFullName(String(args.owner), String(args.repo));
  const issue = repo && ctx.store.issueByNumber(repo.id, Number(args.pullNumber));
  const pull = issue?.pullId ? ctx.store.get('pull', issue.pullId) : undefined;
  try {
    if (!repo || !pull) throw new ApiError(404, 'Not Found');
    authorize(ctx.store, ctx.actor, repo, NEED.pullsParticipate);
  } catch (error) {
    if (error instanceof ApiError) throw new ToolError(`failed to ${action}: ${error.message}`);
    throw error;
  }
  return { repo, pull };
}

/** resolve_thread/unresolve_thread: GraphQL's resolveReviewThread/unresolveReviewThread, failing with its message. */
async function setThreadResolved(ctx: DomainContext, args: Args, resolved: boolean) {
  const threadId = text(args.threadId);
  if (!threadId) throw new ToolError('threadId is required for resolve_thread and unresolve_thread methods');
  const mutation = resolved ? 'resolveReviewThread' : 'unresolveReviewThread';
  const graphql = { domain: ctx, viewer: actingUser(ctx.actor), unsupported: new Set<string>() };
  // Loaded here: GraphQL is the one way GitHub resolves threads, and most MCP sessions never do.
  const [{ GraphQLError }, { REVIEW_THREAD_MUTATIONS }] = await Promise.all([
    import('graphql'),
    import('../../graphql/review-thread-mutations.js'),
  ]);
  try {
    await REVIEW_THREAD_MUTATIONS[mutation]!(graphql, { threadId });
  } catch (error) {
    if (error instanceof GraphQLError)
      throw new ToolError(`failed to ${resolved ? 'resolve' : 'unresolve'} review thread: ${error.message}`);
    throw error;
  }
  return `review thread ${resolved ? 'resolved' : 'unresolved'} successfully`;
}

async function requestReviewers(ctx: DomainContext, args: Args) {
  if (Array.isArray(args.reviewers) && args.reviewers.length > 0)
    await rest(ctx, 'pulls/request-reviewers', { params: pullParams(args), body: { reviewers: args.reviewers } });
}

export const pullTools: Record<string, ToolHandler> = {
  list_pull_requests: async (ctx, args) => {
    const pulls = await restList(ctx, 'pulls/list', {
      params: repoParams(args),
      query: {
        state: text(args.state),
        head: text(args.head),
        base: text(args.base),
        sort: text(args.sort),
        direction: text(args.direction),
        ...paging(args),
      },
    });
    return pick(pulls.map(minimalPullRequest), args.fields);
  },

  pull_request_read: async (ctx, args) => {
    const params = pullParams(args);
    switch (args.method) {
      case 'get':
        return minimalPullRequest(await rest(ctx, 'pulls/get', { params }));
      case 'get_diff':
        return rest(ctx, 'pulls/get', { params, headers: { accept: 'application/vnd.github.diff' } });
      case 'get_status': {
        const pull = (await rest(ctx, 'pulls/get', { params })) as { head: { sha: string } };
        const status = (await rest(ctx, 'repos/get-combined-status-for-ref', {
          params: { ...repoParams(args), ref: pull.head.sha },
        })) as { state: string; sha: string; total_count: number; statuses: Json[] };
        return {
          state: status.state,
          sha: status.sha,
          total_count: status.total_count,
          statuses: status.statuses.map((item) => ({
            state: item.state,
            context: item.context,
            ...(item.description ? { description: item.description } : {}),
            ...(item.target_url ? { target_url: item.target_url } : {}),
            ...(item.created_at ? { created_at: item.created_at } : {}),
            ...(item.updated_at ? { updated_at: item.updated_at } : {}),
          })),
        };
      }
      case 'get_files':
        return (await restList(ctx, 'pulls/list-files', { params, query: paging(args) })).map(minimalPullFile);
      case 'get_commits':
        return (await restList(ctx, 'pulls/list-commits', { params, query: paging(args) })).map(minimalPullCommit);
      case 'get_review_comments':
        return reviewThreads(
          (await restList(ctx, 'pulls/list-review-comments', { params, query: { per_page: 100 } })) as Json[],
          args,
          (rootId) => (ctx.store.get('reviewComment', rootId)?.resolvedById ?? null) !== null,
        );
      case 'get_reviews':
        return (await restList(ctx, 'pulls/list-reviews', { params, query: paging(args) })).map(minimalReview);
      case 'get_comments':
        return (await restList(ctx, 'issues/list-comments', { params, query: paging(args) })).map(minimalIssueComment);
      case 'get_check_runs': {
        const pull = (await rest(ctx, 'pulls/get', { params })) as { head: { sha: string } };
        const runs = (await rest(ctx, 'checks/list-for-ref', {
          params: { ...repoParams(args), ref: pull.head.sha },
          query: paging(args),
        })) as { total_count: number; check_runs: Json[] };
        return {
          total_count: runs.total_count,
          check_runs: runs.check_runs.map((run) => ({
            id: run.id,
            name: run.name,
            status: run.status,
            ...(run.conclusion ? { conclusion: run.conclusion } : {}),
            ...(run.html_url ? { html_url: run.html_url } : {}),
            ...(run.details_url ? { details_url: run.details_url } : {}),
            ...(run.started_at ? { started_at: run.started_at } : {}),
            ...(run.completed_at ? { completed_at: run.completed_at } : {}),
          })),
        };
      }
      default:
        throw new ToolError(`unknown method: ${String(args.method)}`);
    }
  },

  create_pull_request: async (ctx, args) => {
    const created = (await rest(ctx, 'pulls/create', {
      params: repoParams(args),
      body: {
        title: args.title,
        body: args.body,
        head: args.head,
        base: args.base,
        draft: args.draft,
        maintainer_can_modify: args.maintainer_can_modify,
      },
    })) as { number: number };
    await requestReviewers(ctx, { ...args, pullNumber: created.number });
    return minimalResponse(created);
  },

  update_pull_request: async (ctx, args) => {
    const fields = ['title', 'body', 'state', 'base', 'maintainer_can_modify', 'draft', 'reviewers'];
    if (!fields.some((field) => args[field] !== undefined)) throw new ToolError('No update parameters provided.');
    const params = pullParams(args);
    const patch = {
      title: args.title,
      body: args.body,
      state: args.state,
      base: args.base,
      maintainer_can_modify: args.maintainer_can_modify,
    };
    let updated = Object.values(patch).some((value) => value !== undefined)
      ? await rest(ctx, 'pulls/update', { params, body: patch })
      : await rest(ctx, 'pulls/get', { params });
    if (typeof args.draft === 'boolean' && (updated as { draft?: boolean }).draft !== args.draft) {
      // Only GraphQL changes the draft state (convertPullRequestToDraft, markPullRequestReadyForReview).
      const { repo, pull } = participatingPull(ctx, args, 'update draft state');
      const issue = ctx.store.get('issue', pull.issueId)!;
      const draft = args.draft;
      try {
        await withRepoLock(ctx, repo, () => setDraft(ctx, repo, issue, pull, draft));
      } catch (error) {
        if (error instanceof ApiError) throw new ToolError(`failed to update draft state: ${error.message}`);
        throw error;
      }
      updated = await rest(ctx, 'pulls/get', { params });
    }
    await requestReviewers(ctx, args);
    return minimalResponse(updated);
  },

  merge_pull_request: (ctx, args) =>
    rest(ctx, 'pulls/merge', {
      params: pullParams(args),
      body: { commit_title: args.commit_title, commit_message: args.commit_message, merge_method: args.merge_method },
    }),

  update_pull_request_branch: (ctx, args) =>
    restAccepted(
      ctx,
      'pulls/update-branch',
      { params: pullParams(args), body: args.expectedHeadSha ? { expected_head_sha: args.expectedHeadSha } : {} },
      'update pull request branch',
      'Pull request branch update is in progress',
    ),

  pull_request_review_write: async (ctx, args) => {
    const params = pullParams(args);
    switch (args.method) {
      case 'create':
        await rest(ctx, 'pulls/create-review', {
          params,
          body: { body: args.body, event: args.event, commit_id: args.commitID },
        });
        return args.event ? 'pull request review submitted successfully' : 'pending pull request created';
      case 'submit_pending': {
        const pending = await pendingReviewOfViewer(ctx, args);
        if (!pending) throw new ToolError('No pending review found for the viewer');
        await rest(ctx, 'pulls/submit-review', {
          params: { ...params, review_id: pending.id },
          body: { body: args.body, event: args.event },
        });
        return 'pending pull request review successfully submitted';
      }
      case 'delete_pending': {
        const pending = await pendingReviewOfViewer(ctx, args);
        if (!pending) throw new ToolError('No pending review found for the viewer');
        participatingPull(ctx, args, 'delete pending review');
        const review = ctx.store.get('review', pending.id)!;
        for (const comment of ctx.store.where('reviewComment', `review:${review.id}`))
          ctx.store.remove(ctx.journal, 'reviewComment', comment);
        ctx.store.remove(ctx.journal, 'review', review);
        return 'pending pull request review successfully deleted';
      }
      case 'resolve_thread':
        return setThreadResolved(ctx, args, true);
      case 'unresolve_thread':
        return setThreadResolved(ctx, args, false);
      default:
        throw new ToolError(`unknown method: ${String(args.method)}`);
    }
  },

  add_comment_to_pending_review: async (ctx, args) => {
    const pending = await pendingReviewOfViewer(ctx, args);
    if (!pending) throw new ToolError('No pending review found for the viewer');
    const { repo, pull } = participatingPull(ctx, args, 'add comment to pending review');
    const line = (value: unknown) => (typeof value === 'number' ? value : undefined);
    const side = (value: unknown) => (value === 'LEFT' || value === 'RIGHT' ? value : undefined);
    try {
      await addReviewComment(
        ctx,
        repo,
        pull,
        {
          body: String(args.body),
          path: String(args.path),
          commit_id: pull.headSha,
          ...(args.subjectType === 'FILE'
            ? { subject_type: 'file' as const }
            : { line: line(args.line), side: side(args.side) }),
          start_line: line(args.startLine),
        },
        pending.id,
      );
    } catch (error) {
      if (error instanceof ApiError) throw new ToolError(`failed to add comment to pending review: ${error.message}`);
      throw error;
    }
    return 'pull request review comment successfully added to pending review';
  },

  add_reply_to_pull_request_comment: async (ctx, args) => {
    if (args.body === undefined && args.reaction === undefined)
      throw new ToolError('at least one of body or reaction is required');
    if (args.body === '') throw new ToolError('body cannot be empty when provided');
    if (args.reaction === '') throw new ToolError('reaction cannot be empty when provided');
    const commentId = Number(args.commentId);
    const reaction =
      args.reaction === undefined
        ? undefined
        : reactionResponse(
            ctx,
            args,
            `pulls/comments/${commentId}`,
            await rest(
              ctx,
              'reactions/create-for-pull-request-review-comment',
              { params: { ...repoParams(args), comment_id: commentId }, body: { content: args.reaction } },
              'add reaction to pull request review comment',
            ),
          );
    if (args.body === undefined) return reaction;
    // The pull request may be left out: the comment says which one it is on.
    const replied = ctx.store.get('reviewComment', commentId);
    const pullNumber = args.pullNumber ?? (replied ? ctx.store.get('pull', replied.pullId)?.number : undefined);
    const comment = minimalResponse(
      await rest(ctx, 'pulls/create-review-comment', {
        params: pullParams({ ...args, pullNumber: pullNumber ?? 0 }),
        body: { body: args.body, in_reply_to: commentId },
      }),
    );
    return reaction ? { comment, reaction } : comment;
  },
};
