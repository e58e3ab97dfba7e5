import { minimalIssue, minimalIssueComment, minimalMe, minimalResponse } from '../minimal.js';
import {
  paging,
  pick,
  reactionResponse,
  repoParams,
  rest,
  restList,
  text,
  ToolError,
  type ToolHandler,
} from './common.js';

type Issue = { pull_request?: unknown };

/** Issues (and get_me, the context toolset's one tool the clone can answer). */
export const issueTools: Record<string, ToolHandler> = {
  get_me: async (ctx) => minimalMe(await rest(ctx, 'users/get-authenticated')),

  list_issues: async (ctx, args) => {
    // github-mcp-server lists with GraphQL cursors and refuses REST's page numbers.
    if (args.page !== undefined)
      throw new ToolError(
        "This tool uses cursor-based pagination. Use the 'after' parameter with the 'endCursor' value from the previous response instead of 'page'.",
      );
    const perPage = (args.perPage as number | undefined) ?? 30;
    const sort = { CREATED_AT: 'created', UPDATED_AT: 'updated', COMMENTS: 'comments' }[String(args.orderBy)];
    const query = {
      state: args.state ? String(args.state).toLowerCase() : 'all',
      labels: Array.isArray(args.labels) ? (args.labels as string[]).join(',') : undefined,
      sort,
      direction: args.direction ? String(args.direction).toLowerCase() : undefined,
      since: text(args.since),
      per_page: 100,
    };
    // Every issue, REST's pages read to the end, so that totalCount and the cursors cover them all;
    // REST lists pull requests too, GraphQL's issues do not.
    const all: Issue[] = [];
    for (let page = 1; ; page++) {
      const batch = (await restList(ctx, 'issues/list-for-repo', {
        params: repoParams(args),
        query: { ...query, page },
      })) as Issue[];
      all.push(...batch.filter((issue) => !issue.pull_request));
      if (batch.length < 100) break;
    }
    // An issue's cursor is the offset of the one after it (GraphQL's `after` semantics), so a cursor
    // holds whatever perPage the next call asks for.
    const cursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
    const decoded = args.after
      ? /^offset:(\d+)$/.exec(Buffer.from(String(args.after), 'base64').toString('utf8'))
      : null;
    const start = decoded ? Number(decoded[1]) : 0;
    const items = all.slice(start, start + perPage);
    const hasNextPage = all.length > start + items.length;
    return {
      issues: pick(items.map(minimalIssue), args.fields),
      totalCount: all.length,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: start > 0,
        ...(items.length > 0 ? { startCursor: cursor(start + 1), endCursor: cursor(start + items.length) } : {}),
      },
    };
  },

  issue_read: async (ctx, args) => {
    const params = { ...repoParams(args), issue_number: Number(args.issue_number) };
    switch (args.method) {
      case 'get':
        return minimalIssue(await rest(ctx, 'issues/get', { params }));
      case 'get_comments':
        return (await restList(ctx, 'issues/list-comments', { params, query: paging(args) })).map(minimalIssueComment);
      case 'get_labels': {
        const labels = (await restList(ctx, 'issues/list-labels-on-issue', {
          params,
          query: { per_page: 100 },
        })) as Array<{
          node_id: string;
          name: string;
          color: string;
          description: string | null;
        }>;
        return {
          labels: labels.map((label) => ({
            id: label.node_id,
            name: label.name,
            color: label.color,
            description: label.description ?? '',
          })),
          totalCount: labels.length,
        };
      }
      // The clone has no sub-issues: an issue has no children and no parent.
      case 'get_sub_issues':
        await rest(ctx, 'issues/get', { params });
        return [];
      case 'get_parent':
        await rest(ctx, 'issues/get', { params });
        return { parent: null };
      default:
        throw new ToolError(`unknown method: ${String(args.method)}`);
    }
  },

  issue_write: async (ctx, args) => {
    const body = {
      title: args.title,
      body: args.body,
      assignees: args.assignees,
      labels: args.labels,
      milestone: args.milestone,
      ...(args.method === 'update' ? { state: args.state, state_reason: args.state_reason } : {}),
    };
    if (args.method === 'create') {
      if (!args.title) throw new ToolError('missing required parameter: title');
      return minimalResponse(await rest(ctx, 'issues/create', { params: repoParams(args), body }));
    }
    if (args.method !== 'update') throw new ToolError(`unknown method: ${String(args.method)}`);
    if (args.issue_number === undefined) throw new ToolError('missing required parameter: issue_number');
    const params = { ...repoParams(args), issue_number: Number(args.issue_number) };
    // 0 is no duplicate_of, as github-mcp-server reads an optional number.
    const duplicateOf = (args.duplicate_of as number | undefined) ?? 0;
    if (duplicateOf !== 0 && args.state_reason !== 'duplicate')
      throw new ToolError("duplicate_of can only be used when state_reason is 'duplicate'");
    if (args.state === 'closed' && args.state_reason === 'duplicate' && duplicateOf === 0)
      throw new ToolError("duplicate_of must be provided when state_reason is 'duplicate'");
    return minimalResponse(await rest(ctx, 'issues/update', { params, body }));
  },

  add_issue_comment: async (ctx, args) => {
    const params = { ...repoParams(args), issue_number: Number(args.issue_number) };
    const hasBody = typeof args.body === 'string' && args.body !== '';
    const hasReaction = typeof args.reaction === 'string' && args.reaction !== '';
    if (!hasBody && !hasReaction) throw new ToolError('at least one of body or reaction is required');
    const reaction = !hasReaction
      ? undefined
      : args.comment_id !== undefined
        ? reactionResponse(
            ctx,
            args,
            `issues/comments/${Number(args.comment_id)}`,
            await rest(ctx, 'reactions/create-for-issue-comment', {
              params: { ...repoParams(args), comment_id: Number(args.comment_id) },
              body: { content: args.reaction },
            }),
          )
        : reactionResponse(
            ctx,
            args,
            `issues/${params.issue_number}`,
            await rest(ctx, 'reactions/create-for-issue', { params, body: { content: args.reaction } }),
          );
    const comment = hasBody
      ? minimalResponse(await rest(ctx, 'issues/create-comment', { params, body: { body: args.body } }))
      : undefined;
    if (comment && reaction) return { comment, reaction };
    return comment ?? reaction;
  },
};
