import type { DomainContext } from '../domain/context.js';
import { callOperation, failureText, type OperationCall } from '../http/operations-call.js';

/** A tool as github/github-mcp-server defines it: its name, input schema and what it runs. */
export interface McpTool {
  name: string;
  description: string;
  readOnly: boolean;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] };
  run(ctx: DomainContext, args: Record<string, unknown>): Promise<unknown>;
}

/** A tool's failure: github-mcp-server answers it as an error result with GitHub's message. */
export class ToolError extends Error {}

const string = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  description,
  ...extra,
});
const number = (description: string) => ({ type: 'number', description });
const boolean = (description: string) => ({ type: 'boolean', description });
const strings = (description: string) => ({ type: 'array', items: { type: 'string' }, description });
const OWNER = { owner: string('Repository owner'), repo: string('Repository name') };
const PAGING = {
  page: { type: 'number', description: 'Page number for pagination (min 1)', minimum: 1 },
  perPage: {
    type: 'number',
    description: 'Results per page for pagination (min 1, max 100)',
    minimum: 1,
    maximum: 100,
  },
};

async function rest(ctx: DomainContext, operationId: string, call: OperationCall): Promise<unknown> {
  const result = await callOperation(ctx, operationId, call);
  if (!result.ok)
    throw new ToolError(`failed to ${operationId.split('/')[1]!.replace(/-/g, ' ')}: ${failureText(result)}`);
  return result.body;
}

const repoParams = (args: Record<string, unknown>) => ({ owner: String(args.owner), repo: String(args.repo) });
const paging = (args: Record<string, unknown>) => ({
  page: args.page as number | undefined,
  per_page: args.perPage as number | undefined,
});
/** What github-mcp-server answers for things it created: their id and web URL. */
const minimal = (body: unknown) => {
  const value = body as { id: number; html_url?: string; url?: string };
  return { id: String(value.id), url: value.html_url ?? value.url };
};

export const TOOLS: McpTool[] = [
  {
    name: 'get_me',
    description: 'Get details of the authenticated GitHub user.',
    readOnly: true,
    inputSchema: { type: 'object', properties: {} },
    run: (ctx) => rest(ctx, 'users/get-authenticated', {}),
  },
  {
    name: 'list_issues',
    description:
      "List issues in a GitHub repository. For pagination, use the 'endCursor' from the previous response's 'pageInfo' in the 'after' parameter.",
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        state: string('Filter by state, by default both open and closed issues are returned when not provided', {
          enum: ['OPEN', 'CLOSED'],
        }),
        labels: strings('Filter by labels'),
        orderBy: string("Order issues by field. If provided, the 'direction' also needs to be provided.", {
          enum: ['CREATED_AT', 'UPDATED_AT', 'COMMENTS'],
        }),
        direction: string("Order direction. If provided, the 'orderBy' also needs to be provided.", {
          enum: ['ASC', 'DESC'],
        }),
        since: string('Filter by date (ISO 8601 timestamp)'),
        after: string('Cursor for pagination. Use the cursor from the previous response.'),
        perPage: PAGING.perPage,
      },
      required: ['owner', 'repo'],
    },
    run: async (ctx, args) => {
      const perPage = (args.perPage as number | undefined) ?? 30;
      const page = args.after ? Number(Buffer.from(String(args.after), 'base64').toString('utf8')) || 1 : 1;
      const sort = { CREATED_AT: 'created', UPDATED_AT: 'updated', COMMENTS: 'comments' }[String(args.orderBy)];
      const query = {
        state: args.state ? String(args.state).toLowerCase() : 'all',
        labels: Array.isArray(args.labels) ? (args.labels as string[]).join(',') : undefined,
        sort,
        direction: args.direction ? String(args.direction).toLowerCase() : undefined,
        since: args.since as string | undefined,
        per_page: perPage + 1,
        page: 1,
      };
      // REST lists pull requests too; github-mcp-server lists issues only.
      const all = (
        (await rest(ctx, 'issues/list-for-repo', {
          params: repoParams(args),
          query: { ...query, per_page: 100 },
        })) as Array<{ pull_request?: unknown }>
      ).filter((issue) => !issue.pull_request);
      const items = all.slice((page - 1) * perPage, page * perPage);
      const hasNextPage = all.length > page * perPage;
      return {
        issues: items,
        pageInfo: {
          hasNextPage,
          hasPreviousPage: page > 1,
          endCursor: hasNextPage ? Buffer.from(String(page + 1)).toString('base64') : null,
        },
        totalCount: all.length,
      };
    },
  },
  {
    name: 'issue_read',
    description: 'Get information about a specific issue in a GitHub repository.',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        method: string('The read operation to perform on a single issue: get, get_comments, get_labels.', {
          enum: ['get', 'get_comments', 'get_sub_issues', 'get_parent', 'get_labels'],
        }),
        ...OWNER,
        issue_number: number('The number of the issue'),
        ...PAGING,
      },
      required: ['method', 'owner', 'repo', 'issue_number'],
    },
    run: async (ctx, args) => {
      const params = { ...repoParams(args), issue_number: Number(args.issue_number) };
      switch (args.method) {
        case 'get':
          return rest(ctx, 'issues/get', { params });
        case 'get_comments':
          return rest(ctx, 'issues/list-comments', { params, query: paging(args) });
        case 'get_labels':
          return rest(ctx, 'issues/list-labels-on-issue', { params, query: paging(args) });
        case 'get_sub_issues':
          return [];
        case 'get_parent':
          return null;
        default:
          throw new ToolError(`unknown method: ${String(args.method)}`);
      }
    },
  },
  {
    name: 'issue_write',
    description: 'Create a new or update an existing issue in a GitHub repository.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        method: string('Write operation to perform on a single issue: create, update.', { enum: ['create', 'update'] }),
        ...OWNER,
        issue_number: number('Issue number to update'),
        title: string('Issue title'),
        body: string('Issue body content'),
        assignees: strings('Usernames to assign to this issue'),
        labels: strings('Labels to apply to this issue'),
        milestone: number('Milestone number'),
        state: string('New state', { enum: ['open', 'closed'] }),
        state_reason: string('Reason for the state change. Ignored unless state is changed.', {
          enum: ['completed', 'not_planned', 'duplicate'],
        }),
      },
      required: ['method', 'owner', 'repo'],
    },
    run: async (ctx, args) => {
      const body = {
        title: args.title,
        body: args.body,
        assignees: args.assignees,
        labels: args.labels,
        milestone: args.milestone,
        ...(args.method === 'update' ? { state: args.state, state_reason: args.state_reason } : {}),
      };
      if (args.method === 'create')
        return minimal(await rest(ctx, 'issues/create', { params: repoParams(args), body }));
      if (args.method !== 'update') throw new ToolError(`unknown method: ${String(args.method)}`);
      if (args.issue_number === undefined) throw new ToolError('missing required parameter: issue_number');
      return minimal(
        await rest(ctx, 'issues/update', {
          params: { ...repoParams(args), issue_number: Number(args.issue_number) },
          body,
        }),
      );
    },
  },
  {
    name: 'add_issue_comment',
    description:
      'Add a comment to a specific issue in a GitHub repository. Use this tool to add comments to pull requests as well.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: { ...OWNER, issue_number: number('Issue number to comment on'), body: string('Comment content') },
      required: ['owner', 'repo', 'issue_number', 'body'],
    },
    run: async (ctx, args) =>
      minimal(
        await rest(ctx, 'issues/create-comment', {
          params: { ...repoParams(args), issue_number: Number(args.issue_number) },
          body: { body: args.body },
        }),
      ),
  },
  {
    name: 'search_issues',
    description: 'Search for issues in GitHub repositories using issues search syntax already scoped to is:issue',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        query: string('Search query using GitHub issues search syntax'),
        owner: string('Optional repository owner. If provided with repo, only issues for this repository are listed.'),
        repo: string('Optional repository name. If provided with owner, only issues for this repository are listed.'),
        sort: string('Sort field by number of matches of categories, defaults to best match', {
          enum: ['comments', 'reactions', 'created', 'updated'],
        }),
        order: string('Sort order', { enum: ['asc', 'desc'] }),
        ...PAGING,
      },
      required: ['query'],
    },
    run: (ctx, args) => search(ctx, args, 'is:issue'),
  },
  {
    name: 'search_pull_requests',
    description: 'Search for pull requests in GitHub repositories using issues search syntax already scoped to is:pr',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        query: string('Search query using GitHub pull request search syntax'),
        owner: string('Optional repository owner'),
        repo: string('Optional repository name'),
        sort: string('Sort field'),
        order: string('Sort order', { enum: ['asc', 'desc'] }),
        ...PAGING,
      },
      required: ['query'],
    },
    run: (ctx, args) => search(ctx, args, 'is:pr'),
  },
  {
    name: 'list_pull_requests',
    description:
      'List pull requests in a GitHub repository. If the user specifies an author, then DO NOT use this tool and use the search_pull_requests tool instead.',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        state: string('Filter by state', { enum: ['open', 'closed', 'all'] }),
        head: string('Filter by head user/org and branch'),
        base: string('Filter by base branch'),
        sort: string('Sort by', { enum: ['created', 'updated', 'popularity', 'long-running'] }),
        direction: string('Sort direction', { enum: ['asc', 'desc'] }),
        ...PAGING,
      },
      required: ['owner', 'repo'],
    },
    run: (ctx, args) =>
      rest(ctx, 'pulls/list', {
        params: repoParams(args),
        query: {
          state: args.state as string,
          head: args.head as string,
          base: args.base as string,
          sort: args.sort as string,
          direction: args.direction as string,
          ...paging(args),
        },
      }),
  },
  {
    name: 'pull_request_read',
    description: 'Get information on a specific pull request in GitHub repository.',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        method: string(
          'Action to specify what pull request data needs to be retrieved from GitHub: get, get_diff, get_status, get_files, get_review_comments, get_reviews, get_comments.',
          {
            enum: ['get', 'get_diff', 'get_status', 'get_files', 'get_review_comments', 'get_reviews', 'get_comments'],
          },
        ),
        ...OWNER,
        pullNumber: number('Pull request number'),
        ...PAGING,
      },
      required: ['method', 'owner', 'repo', 'pullNumber'],
    },
    run: async (ctx, args) => {
      const params = {
        ...repoParams(args),
        pull_number: Number(args.pullNumber),
        issue_number: Number(args.pullNumber),
      };
      switch (args.method) {
        case 'get':
          return rest(ctx, 'pulls/get', { params });
        case 'get_diff':
          return rest(ctx, 'pulls/get', { params, headers: { accept: 'application/vnd.github.diff' } });
        case 'get_status': {
          const pull = (await rest(ctx, 'pulls/get', { params })) as { head: { sha: string } };
          return rest(ctx, 'repos/get-combined-status-for-ref', {
            params: { ...repoParams(args), ref: pull.head.sha },
          });
        }
        case 'get_files':
          return rest(ctx, 'pulls/list-files', { params, query: paging(args) });
        case 'get_review_comments':
          return rest(ctx, 'pulls/list-review-comments', { params, query: paging(args) });
        case 'get_reviews':
          return rest(ctx, 'pulls/list-reviews', { params, query: paging(args) });
        case 'get_comments':
          return rest(ctx, 'issues/list-comments', { params, query: paging(args) });
        default:
          throw new ToolError(`unknown method: ${String(args.method)}`);
      }
    },
  },
  {
    name: 'create_pull_request',
    description: 'Create a new pull request in a GitHub repository.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        title: string('PR title'),
        body: string('PR description; Markdown supported'),
        head: string('Branch containing changes, or owner:branch for a fork'),
        base: string('Base branch name to merge into, e.g. main'),
        draft: boolean('Create as draft PR'),
        maintainer_can_modify: boolean('Allow maintainer edits'),
        reviewers: strings('GitHub usernames to request reviews from'),
      },
      required: ['owner', 'repo', 'title', 'head', 'base'],
    },
    run: async (ctx, args) => {
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
      if (Array.isArray(args.reviewers) && args.reviewers.length > 0)
        await rest(ctx, 'pulls/request-reviewers', {
          params: { ...repoParams(args), pull_number: created.number },
          body: { reviewers: args.reviewers },
        });
      return minimal(created);
    },
  },
  {
    name: 'update_pull_request',
    description: 'Update an existing pull request in a GitHub repository.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        pullNumber: number('Pull request number to update'),
        title: string('New title'),
        body: string('New description'),
        state: string('New state', { enum: ['open', 'closed'] }),
        base: string('New base branch name'),
        maintainer_can_modify: boolean('Allow maintainer edits'),
        reviewers: strings('GitHub usernames to request reviews from'),
      },
      required: ['owner', 'repo', 'pullNumber'],
    },
    run: async (ctx, args) => {
      const params = { ...repoParams(args), pull_number: Number(args.pullNumber) };
      const updated = await rest(ctx, 'pulls/update', {
        params,
        body: {
          title: args.title,
          body: args.body,
          state: args.state,
          base: args.base,
          maintainer_can_modify: args.maintainer_can_modify,
        },
      });
      if (Array.isArray(args.reviewers) && args.reviewers.length > 0)
        await rest(ctx, 'pulls/request-reviewers', { params, body: { reviewers: args.reviewers } });
      return minimal(updated);
    },
  },
  {
    name: 'merge_pull_request',
    description: 'Merge a pull request in a GitHub repository.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        pullNumber: number('Pull request number'),
        commit_title: string('Title for merge commit'),
        commit_message: string('Extra detail for merge commit'),
        merge_method: string('Merge method', { enum: ['merge', 'squash', 'rebase'] }),
      },
      required: ['owner', 'repo', 'pullNumber'],
    },
    run: (ctx, args) =>
      rest(ctx, 'pulls/merge', {
        params: { ...repoParams(args), pull_number: Number(args.pullNumber) },
        body: { commit_title: args.commit_title, commit_message: args.commit_message, merge_method: args.merge_method },
      }),
  },
  {
    name: 'pull_request_review_write',
    description: 'Create and/or submit, delete review of a pull request.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        method: string('The write operation to perform on pull request review.', {
          enum: ['create', 'submit_pending', 'delete_pending'],
        }),
        ...OWNER,
        pullNumber: number('Pull request number'),
        body: string('Review comment text'),
        event: string('Review action to perform.', { enum: ['APPROVE', 'REQUEST_CHANGES', 'COMMENT'] }),
        commitID: string('SHA of commit to review'),
      },
      required: ['method', 'owner', 'repo', 'pullNumber'],
    },
    run: async (ctx, args) => {
      const params = { ...repoParams(args), pull_number: Number(args.pullNumber) };
      if (args.method === 'create') {
        await rest(ctx, 'pulls/create-review', {
          params,
          body: { body: args.body, event: args.event, commit_id: args.commitID },
        });
        return args.event ? 'pull request review submitted successfully' : 'pending pull request created';
      }
      const reviews = (await rest(ctx, 'pulls/list-reviews', { params, query: { per_page: 100 } })) as Array<{
        id: number;
        state: string;
        user: { login: string } | null;
      }>;
      const me = (await rest(ctx, 'users/get-authenticated', {})) as { login: string };
      const pending = reviews.find((review) => review.state === 'PENDING' && review.user?.login === me.login);
      if (!pending) throw new ToolError('no pending review found for the viewer');
      if (args.method === 'submit_pending') {
        await rest(ctx, 'pulls/submit-review', {
          params: { ...params, review_id: pending.id },
          body: { body: args.body, event: args.event },
        });
        return 'pending pull request review successfully submitted';
      }
      if (args.method === 'delete_pending')
        throw new ToolError('delete_pending is not implemented by the Archal GitHub clone');
      throw new ToolError(`unknown method: ${String(args.method)}`);
    },
  },
  {
    name: 'get_file_contents',
    description: 'Get the contents of a file or directory from a GitHub repository',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        path: string('Path to file/directory', { default: '/' }),
        ref: string(
          'Accepts optional git refs such as `refs/tags/{tag}`, `refs/heads/{branch}` or `refs/pull/{pr_number}/head`',
        ),
        sha: string('Accepts optional commit SHA. If specified, it will be used instead of ref'),
      },
      required: ['owner', 'repo'],
    },
    run: async (ctx, args) => {
      const path = String(args.path ?? '/').replace(/^\/+|\/+$/g, '');
      const ref =
        (args.sha as string | undefined) ?? (args.ref as string | undefined)?.replace(/^refs\/(heads|tags)\//, '');
      const body = await rest(ctx, 'repos/get-content', { params: { ...repoParams(args), path }, query: { ref } });
      if (Array.isArray(body) || (body as { type?: string }).type !== 'file') return body;
      const file = body as {
        content: string;
        encoding: string;
        sha: string;
        path: string;
        size: number;
        html_url: string;
      };
      return {
        type: 'file',
        path: file.path,
        sha: file.sha,
        size: file.size,
        html_url: file.html_url,
        text: Buffer.from(file.content, 'base64').toString('utf8'),
      };
    },
  },
  {
    name: 'create_or_update_file',
    description:
      'Create or update a single file in a GitHub repository. If updating, you should provide the SHA of the file you want to update.',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        path: string('Path where to create/update the file'),
        content: string('Content of the file'),
        message: string('Commit message'),
        branch: string('Branch to create/update the file in'),
        sha: string('The blob SHA of the file being replaced.'),
      },
      required: ['owner', 'repo', 'path', 'content', 'message', 'branch'],
    },
    run: (ctx, args) =>
      rest(ctx, 'repos/create-or-update-file-contents', {
        params: { ...repoParams(args), path: String(args.path).replace(/^\/+/, '') },
        body: {
          message: args.message,
          content: Buffer.from(String(args.content)).toString('base64'),
          branch: args.branch,
          sha: args.sha,
        },
      }),
  },
  {
    name: 'list_branches',
    description: 'List branches in a GitHub repository',
    readOnly: true,
    inputSchema: { type: 'object', properties: { ...OWNER, ...PAGING }, required: ['owner', 'repo'] },
    run: (ctx, args) => rest(ctx, 'repos/list-branches', { params: repoParams(args), query: paging(args) }),
  },
  {
    name: 'create_branch',
    description: 'Create a new branch in a GitHub repository',
    readOnly: false,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        branch: string('Name for new branch'),
        from_branch: string('Source branch (defaults to repo default)'),
      },
      required: ['owner', 'repo', 'branch'],
    },
    run: async (ctx, args) => {
      let from = args.from_branch as string | undefined;
      if (!from)
        from = ((await rest(ctx, 'repos/get', { params: repoParams(args) })) as { default_branch: string })
          .default_branch;
      const ref = (await rest(ctx, 'git/get-ref', { params: { ...repoParams(args), ref: `heads/${from}` } })) as {
        object: { sha: string };
      };
      return rest(ctx, 'git/create-ref', {
        params: repoParams(args),
        body: { ref: `refs/heads/${String(args.branch)}`, sha: ref.object.sha },
      });
    },
  },
  {
    name: 'list_commits',
    description: 'Get list of commits of a branch in a GitHub repository.',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        sha: string('Commit SHA, branch or tag name to list commits of.'),
        author: string('Author username or email address to filter commits by'),
        ...PAGING,
      },
      required: ['owner', 'repo'],
    },
    run: (ctx, args) =>
      rest(ctx, 'repos/list-commits', {
        params: repoParams(args),
        query: { sha: args.sha as string, author: args.author as string, ...paging(args) },
      }),
  },
  {
    name: 'get_commit',
    description: 'Get details for a commit from a GitHub repository',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        ...OWNER,
        sha: string('Commit SHA, branch name, or tag name'),
        include_diff: boolean('Whether to include file diffs and stats in the response. Default is true.'),
        ...PAGING,
      },
      required: ['owner', 'repo', 'sha'],
    },
    run: (ctx, args) =>
      rest(ctx, 'repos/get-commit', { params: { ...repoParams(args), ref: String(args.sha) }, query: paging(args) }),
  },
  {
    name: 'search_code',
    description: "Fast and precise code search across ALL GitHub repositories using GitHub's native search engine.",
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        query: string('Search query using GitHub code search syntax'),
        sort: string('Sort field'),
        order: string('Sort order', { enum: ['asc', 'desc'] }),
        ...PAGING,
      },
      required: ['query'],
    },
    run: (ctx, args) =>
      rest(ctx, 'search/code', {
        query: { q: String(args.query), sort: args.sort as string, order: args.order as string, ...paging(args) },
      }),
  },
  {
    name: 'search_repositories',
    description: 'Find GitHub repositories by name, description, readme, topics, or other metadata.',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: {
        query: string('Repository search query'),
        sort: string('Sort repositories by field', { enum: ['stars', 'forks', 'help-wanted-issues', 'updated'] }),
        order: string('Sort order', { enum: ['asc', 'desc'] }),
        ...PAGING,
      },
      required: ['query'],
    },
    run: (ctx, args) =>
      rest(ctx, 'search/repos', {
        query: { q: String(args.query), sort: args.sort as string, order: args.order as string, ...paging(args) },
      }),
  },
  {
    name: 'get_label',
    description: 'Get a specific label from a repository.',
    readOnly: true,
    inputSchema: {
      type: 'object',
      properties: { ...OWNER, name: string('Label name.') },
      required: ['owner', 'repo', 'name'],
    },
    run: (ctx, args) => rest(ctx, 'issues/get-label', { params: { ...repoParams(args), name: String(args.name) } }),
  },
];

async function search(ctx: DomainContext, args: Record<string, unknown>, scope: string) {
  let q = String(args.query);
  if (!q.includes(scope)) q = `${scope} ${q}`;
  if (args.owner && args.repo && !q.includes('repo:')) q = `repo:${String(args.owner)}/${String(args.repo)} ${q}`;
  return rest(ctx, 'search/issues-and-pull-requests', {
    query: { q, sort: args.sort as string, order: args.order as string, ...paging(args) },
  });
}
