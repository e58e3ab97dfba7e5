export const id = 676;
export const ids = [676];
export const modules = {

/***/ 70448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ failureText),
/* harmony export */   y: () => (/* binding */ callOperation)
/* harmony export */ });
/* harmony import */ var _routes_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90375);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);


const BY_OPERATION = new Map();
for (const route of _routes_index_js__WEBPACK_IMPORTED_MODULE_0__.ROUTES)
    if (!BY_OPERATION.has(route.operationId))
        BY_OPERATION.set(route.operationId, route);
/**
 * Runs a REST operation of the clone from inside another API (GraphQL, MCP), as the same actor
 * and into the same journal, so that both take exactly the REST path's checks, state changes and
 * webhooks. The caller's request is the one the request log records.
 */
async function callOperation(ctx, operationId, call = {}) {
    const route = BY_OPERATION.get(operationId);
    if (!route)
        throw new Error(`unknown operation ${operationId}`);
    const params = {};
    for (const [name, value] of Object.entries(call.params ?? {}))
        params[name] = String(value);
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {}))
        if (value !== undefined)
            query.set(name, String(value));
    const path = route.path.replace(/\{(\w+)[+*]?\}/g, (_, name) => params[name] ?? '');
    try {
        const reply = await route.handler({
            ...ctx,
            method: route.method,
            path,
            params,
            query,
            body: call.body,
            headers: call.headers ?? {},
            selfUrl: `${ctx.urls.api}${path}`,
        });
        const body = reply.kind === 'raw' ? (typeof reply.data === 'string' ? reply.data : reply.data.toString('utf8')) : reply.body;
        return { ok: true, status: reply.status, body, headers: reply.headers ?? {} };
    }
    catch (error) {
        if (!(error instanceof _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD))
            throw error;
        const search = query.toString();
        return {
            ok: false,
            status: error.status,
            message: error.message,
            errors: error.extra.errors ?? [],
            request: { method: route.method, url: `${ctx.urls.api}${path}${search ? `?${search}` : ''}` },
        };
    }
}
/** One line for an operation's failure: GitHub's message and its validation errors. */
function failureText(result) {
    const details = result.errors
        .map((item) => typeof item === 'string'
        ? item
        : (item.message ??
            [item.field, item.code].filter(Boolean).join(' ')))
        .filter(Boolean);
    return details.length > 0 ? `${result.message}: ${details.join('; ')}` : result.message;
}


/***/ }),

/***/ 75676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MCP_TOOL_NAMES: () => (/* binding */ MCP_TOOL_NAMES),
  handleMcp: () => (/* binding */ handleMcp)
});

// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/server/index.js + 31 modules
var esm_server = __webpack_require__(24619);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/server/streamableHttp.js + 7 modules
var streamableHttp = __webpack_require__(90262);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/types.js
var types = __webpack_require__(63846);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 4 modules
var schemas = __webpack_require__(41514);
// EXTERNAL MODULE: ./src/clones/github/domain/context.ts
var context = __webpack_require__(7666);
// EXTERNAL MODULE: ./src/clones/github/http/auth.ts + 1 modules
var auth = __webpack_require__(88747);
// EXTERNAL MODULE: ./src/clones/github/http/body.ts
var http_body = __webpack_require__(80561);
// EXTERNAL MODULE: ./src/clones/github/http/request-id.ts
var request_id = __webpack_require__(28964);
// EXTERNAL MODULE: ./src/clones/github/state/actor.ts
var state_actor = __webpack_require__(39991);
// EXTERNAL MODULE: ./src/clones/github/http/admission.ts
var admission = __webpack_require__(95452);
// EXTERNAL MODULE: ./src/clones/github/state/errors.ts
var errors = __webpack_require__(3435);
// EXTERNAL MODULE: ./src/clones/github/state/store.ts
var store = __webpack_require__(74803);
// EXTERNAL MODULE: ./src/clones/github/request-log.ts
var request_log = __webpack_require__(42954);
;// CONCATENATED MODULE: ./src/clones/github/mcp/arguments.ts
/** Go's name for the type of a JSON value, as github-mcp-server's messages print it (`%T`). */
function goType(value) {
    if (value === null)
        return '<nil>';
    if (Array.isArray(value))
        return '[]interface {}';
    switch (typeof value) {
        case 'string':
            return 'string';
        case 'number':
            return 'float64';
        case 'boolean':
            return 'bool';
        default:
            return 'map[string]interface {}';
    }
}
/** A number argument as github-mcp-server reads it: a whole number, or a string holding one. */
function wholeNumber(name, value) {
    let number;
    if (typeof value === 'number')
        number = value;
    else if (typeof value === 'string') {
        number = value.trim() === value && value !== '' ? Number(value) : NaN;
        if (Number.isNaN(number))
            throw new ArgumentError(`parameter ${name} is not a valid number: invalid numeric value: ${value}`);
    }
    else
        throw new ArgumentError(`parameter ${name} is not a valid number: expected number, got ${goType(value)}`);
    if (!Number.isFinite(number))
        throw new ArgumentError(`parameter ${name} is not a valid number: non-finite numeric value`);
    if (!Number.isInteger(number))
        throw new ArgumentError(`parameter ${name} is not a valid number: non-integer numeric value: ${number}`);
    return number;
}
/** An argument github-mcp-server would refuse, with its message. */
class ArgumentError extends Error {
}
/**
 * The arguments of a call checked as github-mcp-server's parameter helpers check them, numbers
 * sent as strings made numbers: a required parameter absent, empty or 0 is missing; a number
 * parameter must be a whole number; a required string parameter must be a string.
 */
function checkArguments(tool, args) {
    const properties = tool.inputSchema.properties;
    const checked = { ...args };
    for (const [name, value] of Object.entries(args)) {
        const type = properties[name]?.type;
        if ((type === 'number' || type === 'integer') && value !== undefined && value !== null)
            checked[name] = wholeNumber(name, value);
    }
    for (const name of tool.inputSchema.required ?? []) {
        const value = checked[name];
        if (value === undefined || value === null || value === '' || value === 0)
            throw new ArgumentError(`missing required parameter: ${name}`);
        if (properties[name]?.type === 'string' && typeof value !== 'string')
            throw new ArgumentError(`parameter ${name} is not of type string`);
    }
    return checked;
}

;// CONCATENATED MODULE: ./src/clones/github/mcp/definitions.ts
const SOURCE = 'github/github-mcp-server 64a49f34d076b6f5917dae1424521d43c7bcae84, pkg/github/__toolsnaps__ (MIT licence)';
/**
 * The instructions github-mcp-server gives at initialize for the toolsets the clone serves: its base
 * guidance, then the context, issues and pull_requests toolsets' (with the repos toolset's note on
 * pull request templates), joined as it joins them. Clients put them in the agent's context.
 */
const INSTRUCTIONS = "The GitHub MCP Server provides tools to interact with GitHub platform.\n\nTool selection guidance:\n\t1. Use 'list_*' tools for broad, simple retrieval and pagination of all items of a type (e.g., all issues, all PRs, all branches) with basic filtering.\n\t2. Use 'search_*' tools for targeted queries with specific criteria, keywords, or complex filters (e.g., issues with certain text, PRs by author, code containing functions).\n\nContext management:\n\t1. Use pagination whenever possible with batches of 5-10 items.\n\t2. Use minimal_output parameter set to true if the full information is not needed to accomplish a task.\n\nTool usage guidance:\n\t1. For 'search_*' tools: Use separate 'sort' and 'order' parameters if available for sorting results - do not include 'sort:' syntax in query strings. Query strings should contain only search criteria (e.g., 'org:google language:python'), not sorting instructions. Always call 'get_me' first to understand current user permissions and context. ## Issues\n\nCheck 'list_issue_types' first for organizations to use proper issue types. Use 'search_issues' before creating new issues to avoid duplicates. Always set 'state_reason' when closing issues. ## Pull Requests\n\nPR review workflow: Always use 'pull_request_review_write' with method 'create' to create a pending review, then 'add_comment_to_pending_review' to add comments, and finally 'pull_request_review_write' with method 'submit_pending' to submit the review for complex reviews with line-specific comments.\n\nBefore creating a pull request, search for pull request templates in the repository. Template files are called pull_request_template.md or they're located in '.github/PULL_REQUEST_TEMPLATE' directory. Use the template content to structure the PR description and then call create_pull_request tool.";
/**
 * Every tool name github-mcp-server has (all toolsets and feature flags): a call to one the clone
 * does not serve is a gap of the clone; any other name is unknown to GitHub's server too.
 */
const GITHUB_TOOL_NAMES = [
    'actions_get',
    'actions_list',
    'actions_run_trigger',
    'add_comment_to_pending_review',
    'add_issue_comment',
    'add_issue_comment_reaction',
    'add_issue_reaction',
    'add_pull_request_review_comment',
    'add_pull_request_review_comment_reaction',
    'add_reply_to_pull_request_comment',
    'add_sub_issue',
    'assign_copilot_to_issue',
    'assign_copilot_to_issue_with_intent',
    'create_branch',
    'create_gist',
    'create_issue',
    'create_or_update_file',
    'create_pull_request',
    'create_pull_request_review',
    'create_repository',
    'delete_file',
    'delete_pending_pull_request_review',
    'delete_repository',
    'discussion_comment_write',
    'dismiss_notification',
    'find_duplicate',
    'fork_repository',
    'get_code_quality_finding',
    'get_code_scanning_alert',
    'get_commit',
    'get_dependabot_alert',
    'get_discussion',
    'get_discussion_comments',
    'get_file_blame',
    'get_file_contents',
    'get_gist',
    'get_global_security_advisory',
    'get_job_logs',
    'get_label',
    'get_latest_release',
    'get_me',
    'get_notification_details',
    'get_release_by_tag',
    'get_repository_tree',
    'get_secret_scanning_alert',
    'get_tag',
    'get_team_members',
    'get_teams',
    'issue_dependency_read',
    'issue_dependency_write',
    'issue_read',
    'issue_write',
    'label_write',
    'list_branches',
    'list_code_scanning_alerts',
    'list_commits',
    'list_dependabot_alerts',
    'list_discussion_categories',
    'list_discussions',
    'list_gists',
    'list_global_security_advisories',
    'list_issue_fields',
    'list_issue_types',
    'list_issues',
    'list_label',
    'list_notifications',
    'list_org_repository_security_advisories',
    'list_pull_requests',
    'list_releases',
    'list_repository_collaborators',
    'list_repository_security_advisories',
    'list_secret_scanning_alerts',
    'list_starred_repositories',
    'list_tags',
    'manage_notification_subscription',
    'manage_repository_notification_subscription',
    'mark_all_notifications_read',
    'merge_pull_request',
    'projects_get',
    'projects_list',
    'projects_write',
    'pull_request_read',
    'pull_request_review_write',
    'push_files',
    'remove_sub_issue',
    'reprioritize_sub_issue',
    'request_copilot_review',
    'request_pull_request_reviewers',
    'resolve_review_thread',
    'search_code',
    'search_commits',
    'search_issues',
    'search_orgs',
    'search_pull_requests',
    'search_repositories',
    'search_users',
    'set_issue_fields',
    'star_repository',
    'sub_issue_write',
    'submit_pending_pull_request_review',
    'ui_get',
    'unresolve_review_thread',
    'unstar_repository',
    'update_gist',
    'update_issue_assignees',
    'update_issue_body',
    'update_issue_labels',
    'update_issue_milestone',
    'update_issue_state',
    'update_issue_title',
    'update_issue_type',
    'update_pull_request',
    'update_pull_request_body',
    'update_pull_request_branch',
    'update_pull_request_draft_state',
    'update_pull_request_state',
    'update_pull_request_title',
];
const DEFINITIONS = [
    {
        name: 'get_me',
        description: "Get details of the authenticated GitHub user. Use this when a request is about the user's own profile for GitHub. Or when information is missing to build other tool calls.",
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get my user profile',
        },
        inputSchema: {
            properties: {},
            type: 'object',
        },
    },
    {
        name: 'get_teams',
        description: 'Get details of the teams the user is a member of. Limited to organizations accessible with current credentials',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get teams',
        },
        inputSchema: {
            properties: {
                user: {
                    description: 'Username to get teams for. If not provided, uses the authenticated user.',
                    type: 'string',
                },
            },
            type: 'object',
        },
    },
    {
        name: 'get_team_members',
        description: 'Get member usernames of a specific team in an organization. Limited to organizations accessible with current credentials',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get team members',
        },
        inputSchema: {
            properties: {
                org: {
                    description: 'Organization login (owner) that contains the team.',
                    type: 'string',
                },
                team_slug: {
                    description: 'Team slug',
                    type: 'string',
                },
            },
            required: ['org', 'team_slug'],
            type: 'object',
        },
    },
    {
        name: 'get_commit',
        description: 'Get details for a commit from a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get commit details',
        },
        inputSchema: {
            properties: {
                detail: {
                    default: 'stats',
                    description: 'Level of detail to include for changed files. "none" omits stats and files entirely. "stats" (default) includes per-file metadata: filename, status, and lines-of-code counts (additions, deletions, changes), with no patch content. "full_patch" additionally includes the unified diff content for each file and can be very large.',
                    enum: ['none', 'stats', 'full_patch'],
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                sha: {
                    description: 'Commit SHA, branch name, or tag name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'sha'],
            type: 'object',
        },
    },
    {
        name: 'list_commits',
        description: 'Get list of commits of a branch in a GitHub repository. Returns at least 30 results per page by default, but can return more if specified using the perPage parameter (up to 100).',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List commits',
        },
        inputSchema: {
            properties: {
                author: {
                    description: 'Author username or email address to filter commits by',
                    type: 'string',
                },
                fields: {
                    description: "Subset of fields to return for each commit. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields, e.g. just 'sha' and 'html_url'.",
                    items: {
                        enum: ['sha', 'html_url', 'commit', 'author', 'committer'],
                        type: 'string',
                    },
                    type: 'array',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                path: {
                    description: 'Only commits containing this file path will be returned',
                    type: 'string',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                sha: {
                    description: 'Commit SHA, branch or tag name to list commits of. If not provided, uses the default branch of the repository. If a commit SHA is provided, will list commits up to that SHA.',
                    type: 'string',
                },
                since: {
                    description: 'Only commits after this date will be returned (ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)',
                    type: 'string',
                },
                until: {
                    description: 'Only commits before this date will be returned (ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'list_branches',
        description: 'List branches in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List branches',
        },
        inputSchema: {
            properties: {
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'create_or_update_file',
        description: 'Create or update a single file in a GitHub repository. \nIf updating, you should provide the SHA of the file you want to update. Use this tool to create or update a file in a GitHub repository remotely; do not use it for local file operations.\n\nIn order to obtain the SHA of original file version before updating, use the following git command:\ngit rev-parse <branch>:<path to file>\n\nSHA MUST be provided for existing file updates.\n',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Create or update file',
        },
        inputSchema: {
            properties: {
                allow_symlink_write: {
                    default: false,
                    description: 'Set true to update a symbolic link itself; content must be its new target path.',
                    type: 'boolean',
                },
                branch: {
                    description: 'Branch to create/update the file in',
                    type: 'string',
                },
                content: {
                    description: 'Content of the file, exactly as it should appear once written. Do not base64-encode it; this server does that before calling the REST API.',
                    type: 'string',
                },
                message: {
                    description: 'Commit message',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner (username or organization)',
                    type: 'string',
                },
                path: {
                    description: 'Path where to create/update the file',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                sha: {
                    description: 'The blob SHA of the file being replaced. Required if the file already exists.',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'path', 'content', 'message', 'branch'],
            type: 'object',
        },
    },
    {
        name: 'create_repository',
        description: 'Create a new GitHub repository in your account or specified organization',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Create repository',
        },
        inputSchema: {
            properties: {
                autoInit: {
                    description: 'Initialize with README',
                    type: 'boolean',
                },
                description: {
                    description: 'Repository description',
                    type: 'string',
                },
                name: {
                    description: 'Repository name',
                    type: 'string',
                },
                organization: {
                    description: 'Organization to create the repository in (omit to create in your personal account)',
                    type: 'string',
                },
                private: {
                    default: true,
                    description: 'Whether the repository should be private. Defaults to true (private) when omitted.',
                    type: 'boolean',
                },
            },
            required: ['name'],
            type: 'object',
        },
    },
    {
        name: 'get_file_contents',
        description: 'Get the contents of a file or directory from a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get file or directory contents',
        },
        inputSchema: {
            properties: {
                fields: {
                    description: "Subset of fields to return for each entry when the path is a directory. If omitted, all fields are returned. Ignored when the path is a single file. Use this to reduce response size when listing directories and you only need specific fields, e.g. just 'name' and 'type'.",
                    items: {
                        enum: ['type', 'name', 'path', 'size', 'sha', 'url', 'git_url', 'html_url', 'download_url'],
                        type: 'string',
                    },
                    type: 'array',
                },
                owner: {
                    description: 'Repository owner (username or organization)',
                    type: 'string',
                },
                path: {
                    default: '/',
                    description: 'Path to file/directory',
                    type: 'string',
                },
                ref: {
                    description: 'Accepts optional git refs such as `refs/tags/{tag}`, `refs/heads/{branch}` or `refs/pull/{pr_number}/head`',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                sha: {
                    description: 'Accepts optional commit SHA. If specified, it will be used instead of ref',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'fork_repository',
        description: 'Fork a GitHub repository to your account or specified organization',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Fork repository',
        },
        inputSchema: {
            properties: {
                organization: {
                    description: 'Organization to fork to',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'delete_file',
        description: 'Delete a file from a GitHub repository',
        annotations: {
            destructiveHint: true,
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Delete file',
        },
        inputSchema: {
            properties: {
                branch: {
                    description: 'Branch to delete the file from',
                    type: 'string',
                },
                message: {
                    description: 'Commit message',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner (username or organization)',
                    type: 'string',
                },
                path: {
                    description: 'Path to the file to delete',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'path', 'message', 'branch'],
            type: 'object',
        },
    },
    {
        name: 'create_branch',
        description: 'Create a new branch in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Create branch',
        },
        inputSchema: {
            properties: {
                branch: {
                    description: 'Name for new branch',
                    type: 'string',
                },
                from_branch: {
                    description: 'Source branch (defaults to repo default)',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'branch'],
            type: 'object',
        },
    },
    {
        name: 'push_files',
        description: 'Push multiple files to a GitHub repository in a single commit',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Push files to repository',
        },
        inputSchema: {
            properties: {
                branch: {
                    description: 'Branch to push to',
                    type: 'string',
                },
                files: {
                    description: 'Array of file objects to push, each object with path (string) and content (string)',
                    items: {
                        additionalProperties: false,
                        properties: {
                            content: {
                                description: 'file content',
                                type: 'string',
                            },
                            path: {
                                description: 'path to the file',
                                type: 'string',
                            },
                        },
                        required: ['path', 'content'],
                        type: 'object',
                    },
                    type: 'array',
                },
                message: {
                    description: 'Commit message',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'branch', 'files', 'message'],
            type: 'object',
        },
    },
    {
        name: 'list_tags',
        description: 'List git tags in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List tags',
        },
        inputSchema: {
            properties: {
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'get_tag',
        description: 'Get details about a specific git tag in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get tag details',
        },
        inputSchema: {
            properties: {
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                tag: {
                    description: 'Tag name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'tag'],
            type: 'object',
        },
    },
    {
        name: 'list_releases',
        description: 'List releases in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List releases',
        },
        inputSchema: {
            properties: {
                fields: {
                    description: "Subset of fields to return for each release. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body' in particular drops the largest per-release data.",
                    items: {
                        enum: ['id', 'tag_name', 'name', 'body', 'html_url', 'published_at', 'prerelease', 'draft', 'author'],
                        type: 'string',
                    },
                    type: 'array',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'get_latest_release',
        description: 'Get the latest release in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get latest release',
        },
        inputSchema: {
            properties: {
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'get_release_by_tag',
        description: 'Get a specific release by its tag name in a GitHub repository',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get a release by tag name',
        },
        inputSchema: {
            properties: {
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                tag: {
                    description: "Tag name (e.g., 'v1.0.0')",
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'tag'],
            type: 'object',
        },
    },
    {
        name: 'search_repositories',
        description: 'Find GitHub repositories by name, description, readme, topics, or other metadata. Perfect for discovering projects, finding examples, or locating specific repositories across GitHub.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Search repositories',
        },
        inputSchema: {
            properties: {
                minimal_output: {
                    default: true,
                    description: 'Return minimal repository information (default: true). When false, returns full GitHub API repository objects.',
                    type: 'boolean',
                },
                order: {
                    description: 'Sort order',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                query: {
                    description: "Repository search query. Examples: 'machine learning in:name stars:>1000 language:python', 'topic:react', 'user:facebook'. Supports advanced search syntax for precise filtering.",
                    type: 'string',
                },
                sort: {
                    description: 'Sort repositories by field, defaults to best match',
                    enum: ['stars', 'forks', 'help-wanted-issues', 'updated'],
                    type: 'string',
                },
            },
            required: ['query'],
            type: 'object',
        },
    },
    {
        name: 'search_code',
        description: "Fast and precise code search across ALL GitHub repositories using GitHub's native search engine. Best for finding exact symbols, functions, classes, or specific code patterns.",
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Search code',
        },
        inputSchema: {
            properties: {
                fields: {
                    description: "Subset of fields to return for each code search result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'repository' and 'text_matches' in particular drops the largest per-result data.",
                    items: {
                        enum: ['name', 'path', 'sha', 'repository', 'text_matches'],
                        type: 'string',
                    },
                    type: 'array',
                },
                order: {
                    description: 'Sort order for results',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                query: {
                    description: 'Search query (GitHub code search REST). Implicit AND between terms; supports `OR`, `NOT`, and `"quoted phrase"` for exact match. Qualifiers: `repo:owner/repo`, `org:`, `user:`, `language:`, `path:dir` (prefix match), `filename:exact.ext`, `extension:`, `in:file`, `in:path`, `size:`, `is:archived`, `is:fork`. Max 256 chars. Examples: `WithContext language:go org:github`; `"package main" repo:o/r`; `func extension:go path:cmd repo:o/r`; `NOT TODO language:go repo:o/r`.',
                    type: 'string',
                },
                sort: {
                    description: "Sort field ('indexed' only)",
                    type: 'string',
                },
            },
            required: ['query'],
            type: 'object',
        },
    },
    {
        name: 'search_commits',
        description: "Search for commits across GitHub repositories using GitHub's commit search syntax. Useful for finding specific changes, authors, or messages across one or many repositories. Searches the default branch only.",
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Search commits',
        },
        inputSchema: {
            properties: {
                order: {
                    description: 'Sort order',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                query: {
                    description: 'Commit search query (GitHub commit search REST). Searches commit messages on the default branch only. Scope the search with `repo:owner/repo`, `org:`, or `user:` (queries without a scope qualifier match across all of GitHub and are usually not what you want). Other qualifiers: `author:`, `committer:`, `author-name:`, `committer-name:`, `author-email:`, `committer-email:`, `author-date:`, `committer-date:` (supports `>`, `<`, `>=`, `<=`, and `YYYY-MM-DD..YYYY-MM-DD` ranges), `merge:true|false`, `hash:`, `tree:`, `parent:`, `is:public`. Examples: `repo:owner/repo fix panic`; `org:github author:defunkt committer-date:>=2024-01-01`; `"refactor cache" repo:o/r`; `hash:abc1234 repo:o/r`.',
                    type: 'string',
                },
                sort: {
                    description: 'Sort by author or committer date (defaults to best match)',
                    enum: ['author-date', 'committer-date'],
                    type: 'string',
                },
            },
            required: ['query'],
            type: 'object',
        },
    },
    {
        name: 'list_repository_collaborators',
        description: 'List collaborators of a GitHub repository. Results are paginated; the response includes `nextPage`, `prevPage`, `firstPage`, and `lastPage` fields. To get the next page, use the `nextPage` value as the `page` parameter.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List repository collaborators',
        },
        inputSchema: {
            properties: {
                affiliation: {
                    description: "Filter by affiliation. Can be one of: 'outside' (outside collaborators), 'direct' (all with permissions regardless of org membership), 'all' (all collaborators). Default: 'all'",
                    enum: ['outside', 'direct', 'all'],
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (default 1, min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (default 30, min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'issue_read',
        description: 'Get information about a specific issue in a GitHub repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get issue details',
        },
        inputSchema: {
            properties: {
                issue_number: {
                    description: 'The number of the issue',
                    type: 'number',
                },
                method: {
                    description: 'The read operation to perform on a single issue.\nOptions are:\n1. get - Get issue details. Also returns best-effort hierarchy flags (`has_parent`, `has_children`); `parent` and `sub_issues_summary` are optional relationship summaries, and `closed_by_pull_requests` summarizes the pull requests configured to close the issue as `total_count` plus up to 5 `references`.\n2. get_comments - Get issue comments.\n3. get_sub_issues - Get sub-issues (children) of the issue.\n4. get_parent - Get the parent issue, if this issue is a sub-issue of another.\n5. get_labels - Get labels assigned to the issue.\n',
                    enum: ['get', 'get_comments', 'get_sub_issues', 'get_parent', 'get_labels'],
                    type: 'string',
                },
                owner: {
                    description: 'The owner of the repository',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'The name of the repository',
                    type: 'string',
                },
            },
            required: ['method', 'owner', 'repo', 'issue_number'],
            type: 'object',
        },
    },
    {
        name: 'issue_write',
        description: 'Create a new or update an existing issue in a GitHub repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Create or update issue/pull request',
        },
        inputSchema: {
            properties: {
                assignees: {
                    description: 'Usernames to assign to this issue',
                    items: {
                        type: 'string',
                    },
                    type: 'array',
                },
                body: {
                    description: 'Issue body content',
                    type: 'string',
                },
                duplicate_of: {
                    description: "Issue number that this issue is a duplicate of. Required when state_reason is 'duplicate'.",
                    type: 'number',
                },
                issue_fields: {
                    description: "Issue field values to set or clear. Each item requires 'field_name' and exactly one of 'value', 'field_option_name', or 'delete: true'.",
                    items: {
                        additionalProperties: false,
                        properties: {
                            delete: {
                                description: "Set to true to clear this field's current value on the issue. When false or omitted, this property is ignored. Cannot be true when 'value' or 'field_option_name' is provided.",
                                type: 'boolean',
                            },
                            field_name: {
                                description: 'Issue field name (case-insensitive). Must match a field returned by list_issue_fields for this repository or its organization.',
                                type: 'string',
                            },
                            field_option_name: {
                                description: "Option name for single-select fields. Validated against the field's options before the API call. Cannot be combined with 'value' or 'delete: true'.",
                                type: 'string',
                            },
                            value: {
                                description: "Value to set. Use for text, number, and date fields (date as YYYY-MM-DD). For single-select fields, prefer 'field_option_name' so the option is validated before the API call. Cannot be combined with 'field_option_name' or 'delete: true'.",
                                type: ['string', 'number', 'boolean'],
                            },
                        },
                        required: ['field_name'],
                        type: 'object',
                    },
                    type: 'array',
                },
                issue_number: {
                    description: 'Issue number to update',
                    type: 'number',
                },
                labels: {
                    description: 'Labels to apply to this issue',
                    items: {
                        type: 'string',
                    },
                    type: 'array',
                },
                method: {
                    description: "Write operation to perform on a single issue.\nOptions are:\n- 'create' - creates a new issue.\n- 'update' - updates an existing issue.\n",
                    enum: ['create', 'update'],
                    type: 'string',
                },
                milestone: {
                    description: 'Milestone number',
                    type: 'number',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                state: {
                    description: 'New state',
                    enum: ['open', 'closed'],
                    type: 'string',
                },
                state_reason: {
                    description: 'Reason for the state change. Ignored unless state is changed.',
                    enum: ['completed', 'not_planned', 'duplicate'],
                    type: 'string',
                },
                title: {
                    description: 'Issue title',
                    type: 'string',
                },
                type: {
                    anyOf: [
                        {
                            minLength: 1,
                            type: 'string',
                        },
                        {
                            type: 'null',
                        },
                    ],
                    description: "Type of this issue. For updates, pass null to remove the current type. Only use if issue types are enabled for this repository. Use list_issue_types to get valid type values for this repository or its owner organization. If the repository doesn't support issue types, omit this parameter.",
                },
            },
            required: ['method', 'owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'list_issues',
        description: "List issues in a GitHub repository. For pagination, use the 'endCursor' from the previous response's 'pageInfo' in the 'after' parameter.",
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List issues',
        },
        inputSchema: {
            properties: {
                after: {
                    description: 'Cursor for pagination. Use the cursor from the previous response.',
                    type: 'string',
                },
                direction: {
                    description: "Order direction. If provided, the 'orderBy' also needs to be provided.",
                    enum: ['ASC', 'DESC'],
                    type: 'string',
                },
                field_filters: {
                    description: 'Filter by custom issue field values. Each entry takes a field_name and a value; the server looks up the field and coerces the value to its type (single-select option name, text, number, or YYYY-MM-DD date).',
                    items: {
                        properties: {
                            field_name: {
                                description: 'Name of the custom field (e.g. "Priority"). Case-insensitive.',
                                type: 'string',
                            },
                            value: {
                                description: 'Value to filter on. For single-select fields, the option name (e.g. "P1"). For dates, YYYY-MM-DD. For numbers, the numeric value as a string. For text, the text value.',
                                type: 'string',
                            },
                        },
                        required: ['field_name', 'value'],
                        type: 'object',
                    },
                    type: 'array',
                },
                fields: {
                    description: "Subset of fields to return for each issue. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body' and 'field_values' in particular drops the largest per-result data.",
                    items: {
                        enum: [
                            'number',
                            'title',
                            'body',
                            'state',
                            'user',
                            'labels',
                            'assignees',
                            'comments',
                            'created_at',
                            'updated_at',
                            'field_values',
                        ],
                        type: 'string',
                    },
                    type: 'array',
                },
                labels: {
                    description: 'Filter by labels',
                    items: {
                        type: 'string',
                    },
                    type: 'array',
                },
                orderBy: {
                    description: "Order issues by field. If provided, the 'direction' also needs to be provided.",
                    enum: ['CREATED_AT', 'UPDATED_AT', 'COMMENTS'],
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                since: {
                    description: 'Filter by date (ISO 8601 timestamp)',
                    type: 'string',
                },
                state: {
                    description: 'Filter by state, by default both open and closed issues are returned when not provided',
                    enum: ['OPEN', 'CLOSED'],
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'search_issues',
        description: 'Search issues using natural-language semantic matching. Best for conceptual or paraphrased queries (e.g. "login fails after password reset"). Already scoped to is:issue.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Search issues',
        },
        inputSchema: {
            properties: {
                fields: {
                    description: "Subset of fields to return for each issue result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body', 'reactions', and 'labels' in particular drops the largest per-result data.",
                    items: {
                        enum: [
                            'number',
                            'title',
                            'body',
                            'state',
                            'state_reason',
                            'draft',
                            'locked',
                            'html_url',
                            'user',
                            'author_association',
                            'labels',
                            'assignee',
                            'assignees',
                            'milestone',
                            'comments',
                            'reactions',
                            'created_at',
                            'updated_at',
                            'closed_at',
                            'closed_by',
                            'type',
                            'repository_url',
                            'pull_request',
                            'field_values',
                        ],
                        type: 'string',
                    },
                    type: 'array',
                },
                order: {
                    description: 'Sort order',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                owner: {
                    description: 'Optional repository owner. If provided with repo, only issues for this repository are listed.',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                query: {
                    description: 'The search query, as natural language. When the user gives alternative wordings, include them as plain words rather than joining them with OR.',
                    type: 'string',
                },
                repo: {
                    description: 'Optional repository name. If provided with owner, only issues for this repository are listed.',
                    type: 'string',
                },
                sort: {
                    description: 'Sort field by number of matches of categories, defaults to best match',
                    enum: [
                        'comments',
                        'reactions',
                        'reactions-+1',
                        'reactions--1',
                        'reactions-smile',
                        'reactions-thinking_face',
                        'reactions-heart',
                        'reactions-tada',
                        'interactions',
                        'created',
                        'updated',
                    ],
                    type: 'string',
                },
            },
            required: ['query'],
            type: 'object',
        },
    },
    {
        name: 'add_issue_comment',
        description: 'Add a comment and/or reaction to a specific issue or issue comment in a GitHub repository. Use this tool with pull requests as well (in this case pass pull request number as issue_number), but only if user is not asking specifically to add or react to review comments. At least one of body or reaction is required.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Add comment to issue or pull request',
        },
        inputSchema: {
            properties: {
                body: {
                    description: 'Comment content. Required unless reaction is provided.',
                    minLength: 1,
                    type: 'string',
                },
                comment_id: {
                    description: 'The numeric ID of the issue or pull request comment to react to. Use this for reactions to comments; omit it to react to the issue or pull request itself. Cannot be combined with body.',
                    minimum: 1,
                    type: 'integer',
                },
                issue_number: {
                    description: 'Issue or pull request number to comment on or react to.',
                    type: 'number',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                reaction: {
                    description: 'Emoji reaction to add. Required unless body is provided.',
                    enum: ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'],
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'issue_number'],
            type: 'object',
        },
    },
    {
        name: 'get_label',
        description: 'Get a specific label from a repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get a specific label from a repository',
        },
        inputSchema: {
            properties: {
                name: {
                    description: 'Label name.',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner (username or organization name)',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'name'],
            type: 'object',
        },
    },
    {
        name: 'list_label',
        description: 'List labels from a repository, ordered by issue count (descending) so the most-used labels are returned first',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List labels from a repository',
        },
        inputSchema: {
            properties: {
                owner: {
                    description: 'Repository owner (username or organization name) - required for all operations',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name - required for all operations',
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'label_write',
        description: "Perform write operations on repository labels. To set labels on issues, use the 'update_issue' tool.",
        annotations: {
            destructiveHint: true,
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Write operations on repository labels',
        },
        inputSchema: {
            properties: {
                color: {
                    description: "Label color as 6-character hex code without '#' prefix (e.g., 'f29513'). Required for 'create', optional for 'update'.",
                    type: 'string',
                },
                description: {
                    description: "Label description text. Optional for 'create' and 'update'.",
                    type: 'string',
                },
                method: {
                    description: "Operation to perform: 'create', 'update', or 'delete'",
                    enum: ['create', 'update', 'delete'],
                    type: 'string',
                },
                name: {
                    description: 'Label name - required for all operations',
                    type: 'string',
                },
                new_name: {
                    description: "New name for the label (used only with 'update' method to rename)",
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner (username or organization name)',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['method', 'owner', 'repo', 'name'],
            type: 'object',
        },
    },
    {
        name: 'pull_request_read',
        description: 'Get information on a specific pull request in GitHub repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get details for a single pull request',
        },
        inputSchema: {
            properties: {
                after: {
                    description: "Cursor for pagination, used only by the get_review_comments method. Pass the endCursor from the previous page's PageInfo to fetch the next page.",
                    type: 'string',
                },
                method: {
                    description: "Action to specify what pull request data needs to be retrieved from GitHub. \nPossible options: \n 1. get - Get details of a specific pull request.\n 2. get_diff - Get the diff of a pull request.\n 3. get_status - Get combined commit status of a head commit in a pull request.\n 4. get_files - Get the list of files changed in a pull request. Use with pagination parameters to control the number of results returned.\n 5. get_commits - Get the list of commits on a pull request. Use with pagination parameters to control the number of results returned.\n 6. get_review_comments - Get review threads on a pull request. Each thread contains logically grouped review comments made on the same code location during pull request reviews. Returns threads with metadata (isResolved, isOutdated, isCollapsed) and their associated comments. Use cursor-based pagination (perPage, after) to control results.\n 7. get_reviews - Get the reviews on a pull request. When asked for review comments, use get_review_comments method. Use with pagination parameters to control the number of results returned.\n 8. get_comments - Get comments on a pull request. Use this if user doesn't specifically want review comments. Use with pagination parameters to control the number of results returned.\n 9. get_check_runs - Get check runs for the head commit of a pull request. Check runs are the individual CI/CD jobs and checks that run on the PR.\n",
                    enum: [
                        'get',
                        'get_diff',
                        'get_status',
                        'get_files',
                        'get_commits',
                        'get_review_comments',
                        'get_reviews',
                        'get_comments',
                        'get_check_runs',
                    ],
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                pullNumber: {
                    description: 'Pull request number',
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['method', 'owner', 'repo', 'pullNumber'],
            type: 'object',
        },
    },
    {
        name: 'create_pull_request',
        description: 'Create a new pull request in a GitHub repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Open new pull request',
        },
        inputSchema: {
            properties: {
                base: {
                    description: 'Branch to merge into',
                    type: 'string',
                },
                body: {
                    description: 'PR description',
                    type: 'string',
                },
                draft: {
                    description: 'Create as draft PR',
                    type: 'boolean',
                },
                head: {
                    description: 'Branch containing changes',
                    type: 'string',
                },
                maintainer_can_modify: {
                    description: 'Allow maintainer edits',
                    type: 'boolean',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                reviewers: {
                    description: 'GitHub usernames or ORG/team-slug team reviewers to request reviews from',
                    items: {
                        type: 'string',
                    },
                    type: 'array',
                },
                title: {
                    description: 'PR title',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'title', 'head', 'base'],
            type: 'object',
        },
    },
    {
        name: 'update_pull_request',
        description: 'Update an existing pull request in a GitHub repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Edit pull request',
        },
        inputSchema: {
            properties: {
                base: {
                    description: 'New base branch name',
                    type: 'string',
                },
                body: {
                    description: 'New description',
                    type: 'string',
                },
                draft: {
                    description: 'Mark pull request as draft (true) or ready for review (false)',
                    type: 'boolean',
                },
                maintainer_can_modify: {
                    description: 'Allow maintainer edits',
                    type: 'boolean',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                pullNumber: {
                    description: 'Pull request number to update',
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                reviewers: {
                    description: 'GitHub usernames or ORG/team-slug team reviewers to request reviews from',
                    items: {
                        type: 'string',
                    },
                    type: 'array',
                },
                state: {
                    description: 'New state',
                    enum: ['open', 'closed'],
                    type: 'string',
                },
                title: {
                    description: 'New title',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'pullNumber'],
            type: 'object',
        },
    },
    {
        name: 'list_pull_requests',
        description: 'List pull requests in a GitHub repository. If the user specifies an author, then DO NOT use this tool and use the search_pull_requests tool instead.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List pull requests',
        },
        inputSchema: {
            properties: {
                base: {
                    description: 'Filter by base branch',
                    type: 'string',
                },
                direction: {
                    description: 'Sort direction',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                fields: {
                    description: "Subset of fields to return for each pull request. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body' in particular drops the largest per-result data.",
                    items: {
                        enum: [
                            'number',
                            'title',
                            'body',
                            'state',
                            'draft',
                            'merged',
                            'mergeable_state',
                            'html_url',
                            'user',
                            'labels',
                            'assignees',
                            'requested_reviewers',
                            'merged_by',
                            'head',
                            'base',
                            'additions',
                            'deletions',
                            'changed_files',
                            'commits',
                            'comments',
                            'created_at',
                            'updated_at',
                            'closed_at',
                            'merged_at',
                            'milestone',
                        ],
                        type: 'string',
                    },
                    type: 'array',
                },
                head: {
                    description: 'Filter by head user/org and branch',
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                sort: {
                    description: 'Sort by',
                    enum: ['created', 'updated', 'popularity', 'long-running'],
                    type: 'string',
                },
                state: {
                    description: 'Filter by state',
                    enum: ['open', 'closed', 'all'],
                    type: 'string',
                },
            },
            required: ['owner', 'repo'],
            type: 'object',
        },
    },
    {
        name: 'merge_pull_request',
        description: 'Merge a pull request in a GitHub repository.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Merge pull request',
        },
        inputSchema: {
            properties: {
                commit_message: {
                    description: 'Extra detail for merge commit',
                    type: 'string',
                },
                commit_title: {
                    description: 'Title for merge commit',
                    type: 'string',
                },
                merge_method: {
                    description: 'Merge method',
                    enum: ['merge', 'squash', 'rebase'],
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                pullNumber: {
                    description: 'Pull request number',
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'pullNumber'],
            type: 'object',
        },
    },
    {
        name: 'search_pull_requests',
        description: 'Search for pull requests in GitHub repositories using issues search syntax already scoped to is:pr',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Search pull requests',
        },
        inputSchema: {
            properties: {
                fields: {
                    description: "Subset of fields to return for each pull request result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body', 'reactions', and 'labels' in particular drops the largest per-result data.",
                    items: {
                        enum: [
                            'number',
                            'title',
                            'body',
                            'state',
                            'state_reason',
                            'draft',
                            'locked',
                            'html_url',
                            'user',
                            'author_association',
                            'labels',
                            'assignee',
                            'assignees',
                            'milestone',
                            'comments',
                            'reactions',
                            'created_at',
                            'updated_at',
                            'closed_at',
                            'closed_by',
                            'pull_request',
                            'repository_url',
                        ],
                        type: 'string',
                    },
                    type: 'array',
                },
                order: {
                    description: 'Sort order',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                owner: {
                    description: 'Optional repository owner. If provided with repo, only pull requests for this repository are listed.',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                query: {
                    description: 'Search query using GitHub pull request search syntax',
                    type: 'string',
                },
                repo: {
                    description: 'Optional repository name. If provided with owner, only pull requests for this repository are listed.',
                    type: 'string',
                },
                sort: {
                    description: 'Sort field by number of matches of categories, defaults to best match',
                    enum: [
                        'comments',
                        'reactions',
                        'reactions-+1',
                        'reactions--1',
                        'reactions-smile',
                        'reactions-thinking_face',
                        'reactions-heart',
                        'reactions-tada',
                        'interactions',
                        'created',
                        'updated',
                    ],
                    type: 'string',
                },
            },
            required: ['query'],
            type: 'object',
        },
    },
    {
        name: 'update_pull_request_branch',
        description: 'Update the branch of a pull request with the latest changes from the base branch.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Update pull request branch',
        },
        inputSchema: {
            properties: {
                expectedHeadSha: {
                    description: "The expected SHA of the pull request's HEAD ref",
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                pullNumber: {
                    description: 'Pull request number',
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'pullNumber'],
            type: 'object',
        },
    },
    {
        name: 'pull_request_review_write',
        description: 'Create and/or submit, delete review of a pull request.\n\nAvailable methods:\n- create: Create a new review of a pull request. If "event" parameter is provided, the review is submitted. If "event" is omitted, a pending review is created.\n- submit_pending: Submit an existing pending review of a pull request. This requires that a pending review exists for the current user on the specified pull request. The "body" and "event" parameters are used when submitting the review.\n- delete_pending: Delete an existing pending review of a pull request. This requires that a pending review exists for the current user on the specified pull request.\n- resolve_thread: Resolve a review thread. Requires only "threadId" parameter with the thread\'s node ID (e.g., PRRT_kwDOxxx). The owner, repo, and pullNumber parameters are not used for this method. Resolving an already-resolved thread is a no-op.\n- unresolve_thread: Unresolve a previously resolved review thread. Requires only "threadId" parameter. The owner, repo, and pullNumber parameters are not used for this method. Unresolving an already-unresolved thread is a no-op.\n',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Write operations (create, submit, delete) on pull request reviews',
        },
        inputSchema: {
            properties: {
                body: {
                    description: 'Review comment text',
                    type: 'string',
                },
                commitID: {
                    description: 'SHA of commit to review',
                    type: 'string',
                },
                event: {
                    description: 'Review action to perform.',
                    enum: ['APPROVE', 'REQUEST_CHANGES', 'COMMENT'],
                    type: 'string',
                },
                method: {
                    description: 'The write operation to perform on pull request review.',
                    enum: ['create', 'submit_pending', 'delete_pending', 'resolve_thread', 'unresolve_thread'],
                    type: 'string',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                pullNumber: {
                    description: 'Pull request number',
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                threadId: {
                    description: 'The node ID of the review thread (e.g., PRRT_kwDOxxx). Required for resolve_thread and unresolve_thread methods. Get thread IDs from pull_request_read with method get_review_comments.',
                    type: 'string',
                },
            },
            required: ['method', 'owner', 'repo', 'pullNumber'],
            type: 'object',
        },
    },
    {
        name: 'add_comment_to_pending_review',
        description: "Add review comment to the requester's latest pending pull request review. A pending review needs to already exist to call this (check with the user if not sure).",
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: "Add review comment to the requester's latest pending pull request review",
        },
        inputSchema: {
            properties: {
                body: {
                    description: 'The text of the review comment',
                    type: 'string',
                },
                line: {
                    description: 'The line of the blob in the pull request diff that the comment applies to. For multi-line comments, the last line of the range',
                    type: 'number',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                path: {
                    description: 'The relative path to the file that necessitates a comment',
                    type: 'string',
                },
                pullNumber: {
                    description: 'Pull request number',
                    type: 'number',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
                side: {
                    description: 'The side of the diff to comment on. LEFT indicates the previous state, RIGHT indicates the new state',
                    enum: ['LEFT', 'RIGHT'],
                    type: 'string',
                },
                startLine: {
                    description: 'For multi-line comments, the first line of the range that the comment applies to',
                    type: 'number',
                },
                startSide: {
                    description: 'For multi-line comments, the starting side of the diff that the comment applies to. LEFT indicates the previous state, RIGHT indicates the new state',
                    enum: ['LEFT', 'RIGHT'],
                    type: 'string',
                },
                subjectType: {
                    description: 'The level at which the comment is targeted',
                    enum: ['FILE', 'LINE'],
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'pullNumber', 'path', 'body', 'subjectType'],
            type: 'object',
        },
    },
    {
        name: 'add_reply_to_pull_request_comment',
        description: 'Add a reply and/or reaction to an existing pull request comment. This can create a new comment linked as a reply to the specified comment, add an emoji reaction to the specified comment, or do both. At least one of body or reaction is required.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Add reply to pull request comment',
        },
        inputSchema: {
            properties: {
                body: {
                    description: 'The text of the reply. Required unless reaction is provided.',
                    type: 'string',
                },
                commentId: {
                    description: 'The numeric ID of the pull request review comment to reply or react to. Use the number from a #discussion_r... anchor, not the GraphQL thread node ID (PRRT_...).',
                    minimum: 1,
                    type: 'number',
                },
                owner: {
                    description: 'Repository owner',
                    type: 'string',
                },
                pullNumber: {
                    description: 'Pull request number. Required when body is provided.',
                    type: 'number',
                },
                reaction: {
                    description: 'Emoji reaction to add. Required unless body is provided.',
                    enum: ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'],
                    type: 'string',
                },
                repo: {
                    description: 'Repository name',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'commentId'],
            type: 'object',
        },
    },
    {
        name: 'search_users',
        description: 'Find GitHub users by username, real name, or other profile information. Useful for locating developers, contributors, or team members.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Search users',
        },
        inputSchema: {
            properties: {
                order: {
                    description: 'Sort order',
                    enum: ['asc', 'desc'],
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                query: {
                    description: "User search query. Examples: 'john smith', 'location:seattle', 'followers:>100'. Search is automatically scoped to type:user.",
                    type: 'string',
                },
                sort: {
                    description: 'Sort users by number of followers or repositories, or when the person joined GitHub.',
                    enum: ['followers', 'repositories', 'joined'],
                    type: 'string',
                },
            },
            required: ['query'],
            type: 'object',
        },
    },
    {
        name: 'list_notifications',
        description: 'Lists all GitHub notifications for the authenticated user, including unread notifications, mentions, review requests, assignments, and updates on issues or pull requests. Use this tool whenever the user asks what to work on next, requests a summary of their GitHub activity, wants to see pending reviews, or needs to check for new updates or tasks. This tool is the primary way to discover actionable items, reminders, and outstanding work on GitHub. Always call this tool when asked what to work on next, what is pending, or what needs attention in GitHub.',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List notifications',
        },
        inputSchema: {
            properties: {
                before: {
                    description: 'Only show notifications updated before the given time (ISO 8601 format)',
                    type: 'string',
                },
                filter: {
                    description: 'Filter notifications to, use default unless specified. Read notifications are ones that have already been acknowledged by the user. Participating notifications are those that the user is directly involved in, such as issues or pull requests they have commented on or created.',
                    enum: ['default', 'include_read_notifications', 'only_participating'],
                    type: 'string',
                },
                owner: {
                    description: 'Optional repository owner. If provided with repo, only notifications for this repository are listed.',
                    type: 'string',
                },
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                repo: {
                    description: 'Optional repository name. If provided with owner, only notifications for this repository are listed.',
                    type: 'string',
                },
                since: {
                    description: 'Only show notifications updated after the given time (ISO 8601 format)',
                    type: 'string',
                },
            },
            type: 'object',
        },
    },
    {
        name: 'get_notification_details',
        description: "Get detailed information for a specific GitHub notification, always call this tool when the user asks for details about a specific notification, if you don't know the ID list notifications first.",
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get notification details',
        },
        inputSchema: {
            properties: {
                notificationID: {
                    description: 'The ID of the notification',
                    type: 'string',
                },
            },
            required: ['notificationID'],
            type: 'object',
        },
    },
    {
        name: 'dismiss_notification',
        description: 'Dismiss a notification by marking it as read or done',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Dismiss notification',
        },
        inputSchema: {
            properties: {
                state: {
                    description: 'The new state of the notification (read/done)',
                    enum: ['read', 'done'],
                    type: 'string',
                },
                threadID: {
                    description: 'The ID of the notification thread',
                    type: 'string',
                },
            },
            required: ['threadID', 'state'],
            type: 'object',
        },
    },
    {
        name: 'mark_all_notifications_read',
        description: 'Mark all notifications as read',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Mark all notifications as read',
        },
        inputSchema: {
            properties: {
                lastReadAt: {
                    description: 'Describes the last point that notifications were checked (optional). Default: Now',
                    type: 'string',
                },
                owner: {
                    description: 'Optional repository owner. If provided with repo, only notifications for this repository are marked as read.',
                    type: 'string',
                },
                repo: {
                    description: 'Optional repository name. If provided with owner, only notifications for this repository are marked as read.',
                    type: 'string',
                },
            },
            type: 'object',
        },
    },
    {
        name: 'manage_notification_subscription',
        description: 'Manage a notification subscription: ignore, watch, or delete a notification thread subscription.',
        annotations: {
            destructiveHint: true,
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Manage notification subscription',
        },
        inputSchema: {
            properties: {
                action: {
                    description: 'Action to perform: ignore, watch, or delete the notification subscription.',
                    enum: ['ignore', 'watch', 'delete'],
                    type: 'string',
                },
                notificationID: {
                    description: 'The ID of the notification thread.',
                    type: 'string',
                },
            },
            required: ['notificationID', 'action'],
            type: 'object',
        },
    },
    {
        name: 'list_gists',
        description: 'List gists for a user',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'List Gists',
        },
        inputSchema: {
            properties: {
                page: {
                    description: 'Page number for pagination (min 1)',
                    minimum: 1,
                    type: 'number',
                },
                perPage: {
                    description: 'Results per page for pagination (min 1, max 100)',
                    maximum: 100,
                    minimum: 1,
                    type: 'number',
                },
                since: {
                    description: 'Only gists updated after this time (ISO 8601 timestamp)',
                    type: 'string',
                },
                username: {
                    description: "GitHub username (omit for authenticated user's gists)",
                    type: 'string',
                },
            },
            type: 'object',
        },
    },
    {
        name: 'get_gist',
        description: 'Get gist content of a particular gist, by gist ID',
        annotations: {
            idempotentHint: false,
            readOnlyHint: true,
            title: 'Get Gist Content',
        },
        inputSchema: {
            properties: {
                gist_id: {
                    description: 'The ID of the gist',
                    type: 'string',
                },
            },
            required: ['gist_id'],
            type: 'object',
        },
    },
    {
        name: 'create_gist',
        description: 'Create a new gist',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Create Gist',
        },
        inputSchema: {
            properties: {
                content: {
                    description: 'Content for simple single-file gist creation',
                    type: 'string',
                },
                description: {
                    description: 'Description of the gist',
                    type: 'string',
                },
                filename: {
                    description: 'Filename for simple single-file gist creation',
                    type: 'string',
                },
                public: {
                    default: false,
                    description: 'Whether the gist is public',
                    type: 'boolean',
                },
            },
            required: ['filename', 'content'],
            type: 'object',
        },
    },
    {
        name: 'update_gist',
        description: 'Update an existing gist',
        annotations: {
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Update Gist',
        },
        inputSchema: {
            properties: {
                content: {
                    description: 'Content for the file',
                    type: 'string',
                },
                description: {
                    description: 'Updated description of the gist',
                    type: 'string',
                },
                filename: {
                    description: 'Filename to update or create',
                    type: 'string',
                },
                gist_id: {
                    description: 'ID of the gist to update',
                    type: 'string',
                },
            },
            required: ['gist_id', 'filename', 'content'],
            type: 'object',
        },
    },
    {
        name: 'manage_repository_notification_subscription',
        description: 'Manage a repository notification subscription: ignore, watch, or delete repository notifications subscription for the provided repository.',
        annotations: {
            destructiveHint: true,
            idempotentHint: false,
            readOnlyHint: false,
            title: 'Manage repository notification subscription',
        },
        inputSchema: {
            properties: {
                action: {
                    description: 'Action to perform: ignore, watch, or delete the repository notification subscription.',
                    enum: ['ignore', 'watch', 'delete'],
                    type: 'string',
                },
                owner: {
                    description: 'The account owner of the repository.',
                    type: 'string',
                },
                repo: {
                    description: 'The name of the repository.',
                    type: 'string',
                },
            },
            required: ['owner', 'repo', 'action'],
            type: 'object',
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/http/operations-call.ts
var operations_call = __webpack_require__(70448);
;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/common.ts

/** A tool's failure: github-mcp-server answers it as an error result with GitHub's message. */
class ToolError extends Error {
}
/** What github-mcp-server says failed, for the operations its common tools run. */
const WHAT = {
    'issues/get': 'get issue',
    'issues/create': 'create issue',
    'issues/update': 'update issue',
    'issues/create-comment': 'create comment',
    'issues/list-comments': 'get issue comments',
    'pulls/get': 'get pull request',
    'pulls/create': 'create pull request',
    'pulls/update': 'update pull request',
    'pulls/merge': 'merge pull request',
    'pulls/list': 'list pull requests',
    'pulls/list-files': 'get pull request files',
    'pulls/list-reviews': 'get pull request reviews',
    'repos/get-commit': 'get commit',
    'repos/list-commits': 'list commits',
    'repos/list-branches': 'list branches',
    'git/create-ref': 'create branch',
};
/** Collapses whitespace, as github-mcp-server prints GitHub's validation texts. */
const squash = (value) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean).join(' ') : '');
/**
 * An API failure as github-mcp-server reports it: a validation failure (422) as GitHub's message then
 * each error (`Resource.field (code): message`) a line; anything else as go-github words an error
 * response (`GET <url>: 404 Not Found []`).
 */
function apiErrorText(result) {
    const errors = result.errors.map((item) => typeof item === 'string' ? { message: item } : item);
    if (result.status === 422) {
        const details = errors.map((error) => {
            let location = [squash(error.resource), squash(error.field)].filter(Boolean).join('.');
            const code = squash(error.code);
            if (location && code)
                location += ` (${code})`;
            else if (!location)
                location = code;
            const message = squash(error.message);
            return location && message ? `${location}: ${message}` : message || location;
        });
        const parts = [squash(result.message), ...details].filter(Boolean);
        return parts.length > 0 ? parts.join('\n') : 'GitHub API validation failed';
    }
    const listed = errors.map((error) => `{Resource:${squash(error.resource)} Field:${squash(error.field)} Code:${squash(error.code)} Message:${squash(error.message)}}`);
    return `${result.request.method} ${result.request.url}: ${result.status} ${result.message} [${listed.join(' ')}]`;
}
/** The operation names github-mcp-server gives in `failed to <what>`, unless a tool gives its own. */
const whatOf = (operationId) => WHAT[operationId] ?? operationId.split('/')[1].replace(/-/g, ' ');
/**
 * Runs a REST operation of the clone; its failure becomes the tool's error, worded as github-mcp-server
 * words it: `failed to <what>: <the API's error>`, `what` being the operation's name unless given.
 * The whole answer, for a tool that reads its status or headers.
 */
async function restResult(ctx, operationId, call = {}, what = whatOf(operationId)) {
    const result = await (0,operations_call/* callOperation */.y)(ctx, operationId, call);
    if (!result.ok)
        throw new ToolError(`failed to ${what}: ${apiErrorText(result)}`);
    return result;
}
/** Like `restResult`, for the answer's body. */
async function rest(ctx, operationId, call = {}, what = whatOf(operationId)) {
    return (await restResult(ctx, operationId, call, what)).body;
}
/**
 * Like `rest`, for an operation GitHub answers 202 Accepted (a fork, a branch update): go-github
 * reports that as an error github-mcp-server answers with `inProgress`.
 */
async function restAccepted(ctx, operationId, call, what, inProgress) {
    const result = await restResult(ctx, operationId, call, what);
    return result.status === 202 ? inProgress : result.body;
}
/** Like `rest`, for operations whose answer is a list. */
async function restList(ctx, operationId, call = {}) {
    const body = await rest(ctx, operationId, call);
    return Array.isArray(body) ? body : [];
}
const repoParams = (args) => ({ owner: String(args.owner), repo: String(args.repo) });
const paging = (args) => ({
    page: args.page,
    per_page: args.perPage,
});
const common_text = (value) => (typeof value === 'string' ? value : undefined);
/** `fields`: only those keys of each item (github-mcp-server's field filter). */
function pick(items, fields) {
    if (!Array.isArray(fields) || fields.length === 0)
        return items;
    return items.map((item) => {
        const out = {};
        for (const field of fields)
            if (item && typeof item === 'object' && field in item)
                out[field] = item[field];
        return out;
    });
}
/** A tool's whole result (several content items, as a file with its embedded resource), sent as is. */
class ToolContent {
    result;
    constructor(result) {
        this.result = result;
    }
}
/**
 * A reaction a tool added, as github-mcp-server answers it: its id and its REST URL under `subject`
 * (`issues/1`, `issues/comments/2`, `pulls/comments/3`), the reaction itself having no URL.
 */
function reactionResponse(ctx, args, subject, reaction) {
    const id = String(reaction.id ?? '');
    return { id, url: `${ctx.urls.api}/repos/${String(args.owner)}/${String(args.repo)}/${subject}/reactions/${id}` };
}

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/collaborators.ts

/** The page numbers of a `Link` header, as go-github reads them (0 for a relation it lacks). */
function linkPages(link) {
    const pages = { nextPage: 0, prevPage: 0, firstPage: 0, lastPage: 0 };
    for (const part of (link ?? '').split(',')) {
        const match = /<([^>]+)>;\s*rel="(next|prev|first|last)"/.exec(part);
        if (!match)
            continue;
        const page = Number(new URL(match[1]).searchParams.get('page'));
        if (Number.isInteger(page))
            pages[`${match[2]}Page`] = page;
    }
    return pages;
}
const collaboratorTools = {
    list_repository_collaborators: async (ctx, args) => {
        const listed = await restResult(ctx, 'repos/list-collaborators', { params: repoParams(args), query: { affiliation: common_text(args.affiliation), ...paging(args) } }, 'list collaborators');
        const users = Array.isArray(listed.body) ? listed.body : [];
        return {
            items: users.map((user) => ({ login: user.login, id: user.id, role_name: user.role_name ?? '' })),
            ...linkPages(listed.headers.link),
        };
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/gists.ts

/** What github-mcp-server answers a gist it created or updated: its id and page. */
const minimal = (gist) => ({ id: gist.id, url: gist.html_url });
const gistTools = {
    list_gists: async (ctx, args) => {
        const query = { since: common_text(args.since), ...paging(args) };
        const username = common_text(args.username);
        return username
            ? rest(ctx, 'gists/list-for-user', { params: { username }, query }, 'list gists')
            : rest(ctx, 'gists/list', { query }, 'list gists');
    },
    get_gist: async (ctx, args) => rest(ctx, 'gists/get', { params: { gist_id: String(args.gist_id) } }, 'get gist'),
    create_gist: async (ctx, args) => {
        const body = {
            description: common_text(args.description) ?? '',
            public: args.public === true,
            files: { [String(args.filename)]: { content: String(args.content) } },
        };
        return minimal((await rest(ctx, 'gists/create', { body }, 'create gist')));
    },
    update_gist: async (ctx, args) => {
        const body = {
            // Left out, the description is kept; an empty one clears it (as github-mcp-server sends it).
            ...(args.description !== undefined ? { description: String(args.description) } : {}),
            files: { [String(args.filename)]: { content: String(args.content) } },
        };
        const params = { gist_id: String(args.gist_id) };
        return minimal((await rest(ctx, 'gists/update', { params, body }, 'update gist')));
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/minimal.ts
/** Drops the empty values of every field not named in `always`. */
function omitEmpty(value, always = []) {
    const out = {};
    for (const [key, field] of Object.entries(value)) {
        const empty = field === undefined ||
            field === null ||
            field === '' ||
            field === 0 ||
            field === false ||
            (Array.isArray(field) && field.length === 0);
        if (!empty || always.includes(key))
            out[key] = field === undefined ? null : field;
    }
    return out;
}
const obj = (value) => (value && typeof value === 'object' ? value : {});
const str = (value) => (typeof value === 'string' ? value : '');
const num = (value) => (typeof value === 'number' ? value : 0);
const logins = (list) => Array.isArray(list) ? list.map((user) => str(obj(user).login)).filter(Boolean) : [];
const names = (list) => Array.isArray(list) ? list.map((item) => str(obj(item).name)).filter(Boolean) : [];
function minimalUser(user) {
    if (!user)
        return undefined;
    const u = obj(user);
    return omitEmpty({ login: str(u.login), id: num(u.id), profile_url: str(u.html_url), avatar_url: str(u.avatar_url) }, ['login']);
}
/** get_me: the user with its profile details. */
function minimalMe(user) {
    const u = obj(user);
    return {
        ...minimalUser(u),
        details: omitEmpty({
            name: str(u.name),
            company: str(u.company),
            blog: str(u.blog),
            location: str(u.location),
            email: str(u.email),
            hireable: Boolean(u.hireable),
            bio: str(u.bio),
            twitter_username: str(u.twitter_username),
            public_repos: num(u.public_repos),
            public_gists: num(u.public_gists),
            followers: num(u.followers),
            following: num(u.following),
            created_at: str(u.created_at),
            updated_at: str(u.updated_at),
            private_gists: num(u.private_gists),
            total_private_repos: num(u.total_private_repos),
            owned_private_repos: num(u.owned_private_repos),
        }),
    };
}
function reactions(value) {
    if (!value)
        return undefined;
    const r = obj(value);
    return {
        total_count: num(r.total_count),
        '+1': num(r['+1']),
        '-1': num(r['-1']),
        laugh: num(r.laugh),
        confused: num(r.confused),
        heart: num(r.heart),
        hooray: num(r.hooray),
        rocket: num(r.rocket),
        eyes: num(r.eyes),
    };
}
function minimalIssue(issue) {
    const i = obj(issue);
    return omitEmpty({
        number: num(i.number),
        title: str(i.title),
        body: str(i.body),
        state: str(i.state),
        state_reason: str(i.state_reason),
        draft: Boolean(i.draft),
        locked: Boolean(i.locked),
        html_url: str(i.html_url),
        user: minimalUser(i.user),
        author_association: str(i.author_association),
        labels: names(i.labels),
        assignees: logins(i.assignees),
        milestone: str(obj(i.milestone).title),
        comments: num(i.comments),
        reactions: reactions(i.reactions),
        created_at: str(i.created_at),
        updated_at: str(i.updated_at),
        closed_at: str(i.closed_at),
        closed_by: str(obj(i.closed_by).login),
    }, ['number', 'title', 'state', 'assignees']);
}
function minimalIssueComment(comment) {
    const c = obj(comment);
    return omitEmpty({
        id: num(c.id),
        body: str(c.body),
        html_url: str(c.html_url),
        user: minimalUser(c.user),
        author_association: str(c.author_association),
        reactions: reactions(c.reactions),
        created_at: str(c.created_at),
        updated_at: str(c.updated_at),
    }, ['id', 'html_url']);
}
function branch(value) {
    if (!value)
        return undefined;
    const b = obj(value);
    const repo = b.repo
        ? omitEmpty({ full_name: str(obj(b.repo).full_name), description: str(obj(b.repo).description) }, ['full_name'])
        : undefined;
    return omitEmpty({ ref: str(b.ref), sha: str(b.sha), repo }, ['ref', 'sha']);
}
function minimalPullRequest(pull) {
    const p = obj(pull);
    return omitEmpty({
        number: num(p.number),
        title: str(p.title),
        body: str(p.body),
        state: str(p.state),
        draft: Boolean(p.draft),
        merged: Boolean(p.merged),
        mergeable_state: str(p.mergeable_state),
        html_url: str(p.html_url),
        user: minimalUser(p.user),
        labels: names(p.labels),
        assignees: logins(p.assignees),
        requested_reviewers: logins(p.requested_reviewers),
        merged_by: str(obj(p.merged_by).login),
        head: branch(p.head),
        base: branch(p.base),
        additions: num(p.additions),
        deletions: num(p.deletions),
        changed_files: num(p.changed_files),
        commits: num(p.commits),
        comments: num(p.comments),
        created_at: str(p.created_at),
        updated_at: str(p.updated_at),
        closed_at: str(p.closed_at),
        merged_at: str(p.merged_at),
        milestone: str(obj(p.milestone).title),
    }, ['number', 'title', 'state', 'draft', 'merged', 'html_url']);
}
function minimalReview(review) {
    const r = obj(review);
    return omitEmpty({
        id: num(r.id),
        state: str(r.state),
        body: str(r.body),
        html_url: str(r.html_url),
        user: minimalUser(r.user),
        commit_id: str(r.commit_id),
        submitted_at: str(r.submitted_at),
        author_association: str(r.author_association),
    }, ['id', 'state', 'html_url']);
}
function minimalPullFile(file) {
    const f = obj(file);
    return omitEmpty({
        filename: str(f.filename),
        status: str(f.status),
        additions: num(f.additions),
        deletions: num(f.deletions),
        changes: num(f.changes),
        patch: str(f.patch),
        previous_filename: str(f.previous_filename),
    }, ['filename']);
}
function commitAuthor(value) {
    if (!value)
        return undefined;
    const a = obj(value);
    return omitEmpty({ name: str(a.name), email: str(a.email), date: str(a.date) });
}
function minimalPullCommit(commit) {
    const c = obj(commit);
    const inner = obj(c.commit);
    return omitEmpty({ sha: str(c.sha), html_url: str(c.html_url), message: str(inner.message), author: commitAuthor(inner.author) }, ['sha']);
}
/** get_commit's `detail`: no stats or files, them without patches (its default), or with them. */
const COMMIT_DETAILS = ['none', 'stats', 'full_patch'];
/** list_commits (no stats or files) and get_commit (`detail` adds them). */
function minimalCommit(commit, detail = 'none') {
    const c = obj(commit);
    const inner = obj(c.commit);
    const stats = obj(c.stats);
    const files = Array.isArray(c.files) ? c.files : [];
    return omitEmpty({
        sha: str(c.sha),
        html_url: str(c.html_url),
        commit: c.commit
            ? omitEmpty({
                message: str(inner.message),
                author: commitAuthor(inner.author),
                committer: commitAuthor(inner.committer),
            }, ['message'])
            : undefined,
        author: minimalUser(c.author),
        committer: minimalUser(c.committer),
        stats: detail === 'none' || !c.stats
            ? undefined
            : omitEmpty({ additions: num(stats.additions), deletions: num(stats.deletions), total: num(stats.total) }),
        files: detail === 'none'
            ? undefined
            : files.map((file) => {
                const f = obj(file);
                return omitEmpty({
                    filename: str(f.filename),
                    status: str(f.status),
                    additions: num(f.additions),
                    deletions: num(f.deletions),
                    changes: num(f.changes),
                    patch: detail === 'full_patch' ? str(f.patch) : '',
                }, ['filename']);
            }),
    }, ['sha', 'html_url']);
}
function minimalBranch(value) {
    const b = obj(value);
    return { name: str(b.name), sha: str(obj(b.commit).sha), protected: Boolean(b.protected) };
}
function minimalTag(value) {
    const t = obj(value);
    return { name: str(t.name), sha: str(obj(t.commit).sha) };
}
function minimalRelease(value) {
    const r = obj(value);
    return omitEmpty({
        id: num(r.id),
        tag_name: str(r.tag_name),
        name: str(r.name),
        body: str(r.body),
        html_url: str(r.html_url),
        published_at: str(r.published_at),
        prerelease: Boolean(r.prerelease),
        draft: Boolean(r.draft),
        author: minimalUser(r.author),
    }, ['id', 'tag_name', 'html_url', 'prerelease', 'draft']);
}
function minimalRepository(value) {
    const r = obj(value);
    return omitEmpty({
        id: num(r.id),
        name: str(r.name),
        full_name: str(r.full_name),
        description: str(r.description),
        html_url: str(r.html_url),
        language: str(r.language),
        stargazers_count: num(r.stargazers_count),
        forks_count: num(r.forks_count),
        open_issues_count: num(r.open_issues_count),
        updated_at: str(r.updated_at),
        created_at: str(r.created_at),
        topics: Array.isArray(r.topics) ? r.topics : [],
        private: Boolean(r.private),
        fork: Boolean(r.fork),
        archived: Boolean(r.archived),
        default_branch: str(r.default_branch),
    }, [
        'id',
        'name',
        'full_name',
        'html_url',
        'stargazers_count',
        'forks_count',
        'open_issues_count',
        'private',
        'fork',
        'archived',
    ]);
}
/** create_or_update_file and delete_file: the file written (none when deleted) and its commit. */
function minimalFileResponse(value) {
    const v = obj(value);
    const content = v.content ? obj(v.content) : undefined;
    const commit = obj(v.commit);
    return omitEmpty({
        content: content
            ? omitEmpty({
                name: str(content.name),
                path: str(content.path),
                sha: str(content.sha),
                size: num(content.size),
                html_url: str(content.html_url),
            }, ['name', 'path', 'sha', 'html_url'])
            : undefined,
        commit: omitEmpty({
            sha: str(commit.sha),
            message: str(commit.message),
            html_url: str(commit.html_url),
            author: commitAuthor(commit.author),
        }, ['sha']),
    });
}
/** What github-mcp-server answers for most writes: the id (as text) and the web URL. */
function minimalResponse(value) {
    const v = obj(value);
    return { id: String(v.id ?? ''), url: str(v.html_url) || str(v.url) };
}

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/issues.ts


/** Issues (and get_me, the context toolset's one tool the clone can answer). */
const issueTools = {
    get_me: async (ctx) => minimalMe(await rest(ctx, 'users/get-authenticated')),
    list_issues: async (ctx, args) => {
        // github-mcp-server lists with GraphQL cursors and refuses REST's page numbers.
        if (args.page !== undefined)
            throw new ToolError("This tool uses cursor-based pagination. Use the 'after' parameter with the 'endCursor' value from the previous response instead of 'page'.");
        const perPage = args.perPage ?? 30;
        const sort = { CREATED_AT: 'created', UPDATED_AT: 'updated', COMMENTS: 'comments' }[String(args.orderBy)];
        const query = {
            state: args.state ? String(args.state).toLowerCase() : 'all',
            labels: Array.isArray(args.labels) ? args.labels.join(',') : undefined,
            sort,
            direction: args.direction ? String(args.direction).toLowerCase() : undefined,
            since: common_text(args.since),
            per_page: 100,
        };
        // Every issue, REST's pages read to the end, so that totalCount and the cursors cover them all;
        // REST lists pull requests too, GraphQL's issues do not.
        const all = [];
        for (let page = 1;; page++) {
            const batch = (await restList(ctx, 'issues/list-for-repo', {
                params: repoParams(args),
                query: { ...query, page },
            }));
            all.push(...batch.filter((issue) => !issue.pull_request));
            if (batch.length < 100)
                break;
        }
        // An issue's cursor is the offset of the one after it (GraphQL's `after` semantics), so a cursor
        // holds whatever perPage the next call asks for.
        const cursor = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
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
                }));
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
            if (!args.title)
                throw new ToolError('missing required parameter: title');
            return minimalResponse(await rest(ctx, 'issues/create', { params: repoParams(args), body }));
        }
        if (args.method !== 'update')
            throw new ToolError(`unknown method: ${String(args.method)}`);
        if (args.issue_number === undefined)
            throw new ToolError('missing required parameter: issue_number');
        const params = { ...repoParams(args), issue_number: Number(args.issue_number) };
        // 0 is no duplicate_of, as github-mcp-server reads an optional number.
        const duplicateOf = args.duplicate_of ?? 0;
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
        if (!hasBody && !hasReaction)
            throw new ToolError('at least one of body or reaction is required');
        const reaction = !hasReaction
            ? undefined
            : args.comment_id !== undefined
                ? reactionResponse(ctx, args, `issues/comments/${Number(args.comment_id)}`, await rest(ctx, 'reactions/create-for-issue-comment', {
                    params: { ...repoParams(args), comment_id: Number(args.comment_id) },
                    body: { content: args.reaction },
                }))
                : reactionResponse(ctx, args, `issues/${params.issue_number}`, await rest(ctx, 'reactions/create-for-issue', { params, body: { content: args.reaction } }));
        const comment = hasBody
            ? minimalResponse(await rest(ctx, 'issues/create-comment', { params, body: { body: args.body } }))
            : undefined;
        if (comment && reaction)
            return { comment, reaction };
        return comment ?? reaction;
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/labels.ts

/** A label as github-mcp-server reads it (GraphQL): its node id, name, color and description. */
const label = (value) => ({
    id: value.node_id,
    name: value.name,
    color: value.color,
    description: value.description ?? '',
});
const labelParams = (args) => ({ ...repoParams(args), name: String(args.name) });
const labelTools = {
    get_label: async (ctx, args) => label((await rest(ctx, 'issues/get-label', { params: labelParams(args) }))),
    list_label: async (ctx, args) => {
        const labels = (await restList(ctx, 'issues/list-labels-for-repo', {
            params: repoParams(args),
            query: { per_page: 100 },
        }));
        return { labels: labels.map(label), totalCount: labels.length };
    },
    label_write: async (ctx, args) => {
        const name = String(args.name);
        switch (args.method) {
            case 'create': {
                if (!args.color)
                    throw new ToolError('color is required for create');
                const created = (await rest(ctx, 'issues/create-label', {
                    params: repoParams(args),
                    body: { name, color: args.color, description: common_text(args.description) },
                }));
                return `label '${created.name}' created successfully`;
            }
            case 'update': {
                if (args.new_name === undefined && args.color === undefined && args.description === undefined)
                    throw new ToolError('at least one of new_name, color, or description must be provided for update');
                const updated = (await rest(ctx, 'issues/update-label', {
                    params: labelParams(args),
                    body: { new_name: common_text(args.new_name), color: common_text(args.color), description: common_text(args.description) },
                }));
                return `label '${updated.name}' updated successfully`;
            }
            case 'delete':
                await rest(ctx, 'issues/delete-label', { params: labelParams(args) });
                return `label '${name}' deleted successfully`;
            default:
                throw new ToolError(`unknown method: ${String(args.method)}`);
        }
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/notifications.ts

/** github-mcp-server's `filter` of list_notifications, as the REST query's `all` and `participating`. */
const FILTERS = {
    default: {},
    include_read_notifications: { all: true },
    only_participating: { participating: true },
};
/** An optional ISO 8601 time argument, refused with github-mcp-server's words when it is not one. */
function time(args, name, label = `${name} time`) {
    const value = common_text(args[name]);
    if (!value)
        return undefined;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
        Number.isNaN(Date.parse(value)))
        throw new ToolError(`invalid ${label} format, should be RFC3339/ISO8601: ${value}`);
    return value;
}
/** Both `owner` and `repo` given: the tool works on that repository's notifications only. */
const repoScope = (args) => (common_text(args.owner) && common_text(args.repo) ? repoParams(args) : undefined);
/** Subscription changes of manage_(repository_)notification_subscription, as the REST body. */
const SUBSCRIPTIONS = {
    ignore: { ignored: true },
    watch: { ignored: false, subscribed: true },
};
const notificationTools = {
    list_notifications: async (ctx, args) => {
        const filter = FILTERS[common_text(args.filter) ?? 'default'] ?? {};
        const query = { ...filter, since: time(args, 'since'), before: time(args, 'before'), ...paging(args) };
        const scope = repoScope(args);
        return scope
            ? rest(ctx, 'activity/list-repo-notifications-for-authenticated-user', { params: scope, query }, 'list notifications')
            : rest(ctx, 'activity/list-notifications-for-authenticated-user', { query }, 'list notifications');
    },
    get_notification_details: async (ctx, args) => {
        const id = String(args.notificationID);
        return rest(ctx, 'activity/get-thread', { params: { thread_id: id } }, `get notification details for ID '${id}'`);
    },
    dismiss_notification: async (ctx, args) => {
        const state = args.state;
        const params = { thread_id: String(args.threadID) };
        switch (state) {
            case 'read':
                await rest(ctx, 'activity/mark-thread-as-read', { params }, 'mark notification as read');
                break;
            case 'done':
                await rest(ctx, 'activity/mark-thread-as-done', { params }, 'mark notification as done');
                break;
            default:
                throw new ToolError('Invalid state. Must be one of: read, done.');
        }
        return `Notification marked as ${state}`;
    },
    mark_all_notifications_read: async (ctx, args) => {
        const body = { last_read_at: time(args, 'lastReadAt') };
        const scope = repoScope(args);
        const what = 'mark all notifications as read';
        if (scope)
            await rest(ctx, 'activity/mark-repo-notifications-as-read', { params: scope, body }, what);
        else
            await rest(ctx, 'activity/mark-notifications-as-read', { body }, what);
        return 'All notifications marked as read';
    },
    manage_notification_subscription: async (ctx, args) => {
        const action = String(args.action);
        const params = { thread_id: String(args.notificationID) };
        const what = `${action} notification subscription`;
        if (action === 'delete') {
            await rest(ctx, 'activity/delete-thread-subscription', { params }, what);
            return 'Notification subscription deleted';
        }
        const body = SUBSCRIPTIONS[action];
        if (!body)
            throw new ToolError('Invalid action. Must be one of: ignore, watch, delete.');
        return rest(ctx, 'activity/set-thread-subscription', { params, body }, what);
    },
    manage_repository_notification_subscription: async (ctx, args) => {
        const action = String(args.action);
        const params = repoParams(args);
        const what = `${action} repository subscription`;
        if (action === 'delete') {
            await rest(ctx, 'activity/delete-repo-subscription', { params }, what);
            return 'Repository subscription deleted';
        }
        const body = SUBSCRIPTIONS[action];
        if (!body)
            throw new ToolError('Invalid action. Must be one of: ignore, watch, delete.');
        return rest(ctx, 'activity/set-repo-subscription', { params, body }, what);
    },
};

// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
// EXTERNAL MODULE: ./src/clones/github/domain/git-write.ts
var git_write = __webpack_require__(93115);
// EXTERNAL MODULE: ./src/clones/github/domain/pulls.ts
var pulls = __webpack_require__(44205);
// EXTERNAL MODULE: ./src/clones/github/domain/reviews.ts
var reviews = __webpack_require__(8084);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/pulls.ts









const pullParams = (args) => ({
    ...repoParams(args),
    pull_number: Number(args.pullNumber),
    issue_number: Number(args.pullNumber),
});
/**
 * Review comments grouped into threads (a comment and its replies), as GraphQL's reviewThreads;
 * `resolved` says whether the thread of a first comment is resolved.
 */
function reviewThreads(comments, args, resolved) {
    const threads = new Map();
    for (const comment of comments) {
        const root = comment.in_reply_to_id ?? comment.id;
        threads.set(root, [...(threads.get(root) ?? []), comment]);
    }
    const all = [...threads.entries()].map(([root, list]) => ({
        // GraphQL's id for the thread, which resolve_thread and GraphQL's resolveReviewThread take.
        id: (0,urls/* nodeId */.s5)('PullRequestReviewThread', root),
        is_resolved: resolved(root),
        is_outdated: false,
        is_collapsed: false,
        comments: list.map((comment) => ({
            ...(comment.body ? { body: comment.body } : {}),
            path: comment.path,
            ...(typeof comment.line === 'number' ? { line: comment.line } : {}),
            ...(comment.user?.login ? { author: comment.user.login } : {}),
            created_at: comment.created_at,
            updated_at: comment.updated_at,
            html_url: comment.html_url,
        })),
        total_count: list.length,
    }));
    const perPage = args.perPage ?? 30;
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
async function pendingReviewOfViewer(ctx, args) {
    const reviews = (await restList(ctx, 'pulls/list-reviews', {
        params: pullParams(args),
        query: { per_page: 100 },
    }));
    const me = (await rest(ctx, 'users/get-authenticated'));
    return reviews.find((review) => review.state === 'PENDING' && review.user?.login === me.login);
}
/** The pull request of `args`, if the actor may take part in it (GitHub's message otherwise). */
function participatingPull(ctx, args, action) {
    const repo = ctx.store.repoByFullName(String(args.owner), String(args.repo));
    const issue = repo && ctx.store.issueByNumber(repo.id, Number(args.pullNumber));
    const pull = issue?.pullId ? ctx.store.get('pull', issue.pullId) : undefined;
    try {
        if (!repo || !pull)
            throw new errors/* ApiError */.hD(404, 'Not Found');
        (0,permissions/* authorize */.Gq)(ctx.store, ctx.actor, repo, permissions/* NEED */.$B.pullsParticipate);
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD)
            throw new ToolError(`failed to ${action}: ${error.message}`);
        throw error;
    }
    return { repo, pull };
}
/** resolve_thread/unresolve_thread: GraphQL's resolveReviewThread/unresolveReviewThread, failing with its message. */
async function setThreadResolved(ctx, args, resolved) {
    const threadId = common_text(args.threadId);
    if (!threadId)
        throw new ToolError('threadId is required for resolve_thread and unresolve_thread methods');
    const mutation = resolved ? 'resolveReviewThread' : 'unresolveReviewThread';
    const graphql = { domain: ctx, viewer: (0,state_actor/* actingUser */.e)(ctx.actor), unsupported: new Set() };
    // Loaded here: GraphQL is the one way GitHub resolves threads, and most MCP sessions never do.
    const [{ GraphQLError }, { REVIEW_THREAD_MUTATIONS }] = await Promise.all([
        __webpack_require__.e(/* import() */ 645).then(__webpack_require__.bind(__webpack_require__, 17645)),
        Promise.all(/* import() */[__webpack_require__.e(645), __webpack_require__.e(188)]).then(__webpack_require__.bind(__webpack_require__, 10188)),
    ]);
    try {
        await REVIEW_THREAD_MUTATIONS[mutation](graphql, { threadId });
    }
    catch (error) {
        if (error instanceof GraphQLError)
            throw new ToolError(`failed to ${resolved ? 'resolve' : 'unresolve'} review thread: ${error.message}`);
        throw error;
    }
    return `review thread ${resolved ? 'resolved' : 'unresolved'} successfully`;
}
async function requestReviewers(ctx, args) {
    if (Array.isArray(args.reviewers) && args.reviewers.length > 0)
        await rest(ctx, 'pulls/request-reviewers', { params: pullParams(args), body: { reviewers: args.reviewers } });
}
const pullTools = {
    list_pull_requests: async (ctx, args) => {
        const pulls = await restList(ctx, 'pulls/list', {
            params: repoParams(args),
            query: {
                state: common_text(args.state),
                head: common_text(args.head),
                base: common_text(args.base),
                sort: common_text(args.sort),
                direction: common_text(args.direction),
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
                const pull = (await rest(ctx, 'pulls/get', { params }));
                const status = (await rest(ctx, 'repos/get-combined-status-for-ref', {
                    params: { ...repoParams(args), ref: pull.head.sha },
                }));
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
                return reviewThreads((await restList(ctx, 'pulls/list-review-comments', { params, query: { per_page: 100 } })), args, (rootId) => (ctx.store.get('reviewComment', rootId)?.resolvedById ?? null) !== null);
            case 'get_reviews':
                return (await restList(ctx, 'pulls/list-reviews', { params, query: paging(args) })).map(minimalReview);
            case 'get_comments':
                return (await restList(ctx, 'issues/list-comments', { params, query: paging(args) })).map(minimalIssueComment);
            case 'get_check_runs': {
                const pull = (await rest(ctx, 'pulls/get', { params }));
                const runs = (await rest(ctx, 'checks/list-for-ref', {
                    params: { ...repoParams(args), ref: pull.head.sha },
                    query: paging(args),
                }));
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
        }));
        await requestReviewers(ctx, { ...args, pullNumber: created.number });
        return minimalResponse(created);
    },
    update_pull_request: async (ctx, args) => {
        const fields = ['title', 'body', 'state', 'base', 'maintainer_can_modify', 'draft', 'reviewers'];
        if (!fields.some((field) => args[field] !== undefined))
            throw new ToolError('No update parameters provided.');
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
        if (typeof args.draft === 'boolean' && updated.draft !== args.draft) {
            // Only GraphQL changes the draft state (convertPullRequestToDraft, markPullRequestReadyForReview).
            const { repo, pull } = participatingPull(ctx, args, 'update draft state');
            const issue = ctx.store.get('issue', pull.issueId);
            const draft = args.draft;
            try {
                await (0,git_write/* withRepoLock */.Aq)(ctx, repo, () => (0,pulls/* setDraft */.iR)(ctx, repo, issue, pull, draft));
            }
            catch (error) {
                if (error instanceof errors/* ApiError */.hD)
                    throw new ToolError(`failed to update draft state: ${error.message}`);
                throw error;
            }
            updated = await rest(ctx, 'pulls/get', { params });
        }
        await requestReviewers(ctx, args);
        return minimalResponse(updated);
    },
    merge_pull_request: (ctx, args) => rest(ctx, 'pulls/merge', {
        params: pullParams(args),
        body: { commit_title: args.commit_title, commit_message: args.commit_message, merge_method: args.merge_method },
    }),
    update_pull_request_branch: (ctx, args) => restAccepted(ctx, 'pulls/update-branch', { params: pullParams(args), body: args.expectedHeadSha ? { expected_head_sha: args.expectedHeadSha } : {} }, 'update pull request branch', 'Pull request branch update is in progress'),
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
                if (!pending)
                    throw new ToolError('No pending review found for the viewer');
                await rest(ctx, 'pulls/submit-review', {
                    params: { ...params, review_id: pending.id },
                    body: { body: args.body, event: args.event },
                });
                return 'pending pull request review successfully submitted';
            }
            case 'delete_pending': {
                const pending = await pendingReviewOfViewer(ctx, args);
                if (!pending)
                    throw new ToolError('No pending review found for the viewer');
                participatingPull(ctx, args, 'delete pending review');
                const review = ctx.store.get('review', pending.id);
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
        if (!pending)
            throw new ToolError('No pending review found for the viewer');
        const { repo, pull } = participatingPull(ctx, args, 'add comment to pending review');
        const line = (value) => (typeof value === 'number' ? value : undefined);
        const side = (value) => (value === 'LEFT' || value === 'RIGHT' ? value : undefined);
        try {
            await (0,reviews/* addReviewComment */.dU)(ctx, repo, pull, {
                body: String(args.body),
                path: String(args.path),
                commit_id: pull.headSha,
                ...(args.subjectType === 'FILE'
                    ? { subject_type: 'file' }
                    : { line: line(args.line), side: side(args.side) }),
                start_line: line(args.startLine),
            }, pending.id);
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD)
                throw new ToolError(`failed to add comment to pending review: ${error.message}`);
            throw error;
        }
        return 'pull request review comment successfully added to pending review';
    },
    add_reply_to_pull_request_comment: async (ctx, args) => {
        if (args.body === undefined && args.reaction === undefined)
            throw new ToolError('at least one of body or reaction is required');
        if (args.body === '')
            throw new ToolError('body cannot be empty when provided');
        if (args.reaction === '')
            throw new ToolError('reaction cannot be empty when provided');
        const commentId = Number(args.commentId);
        const reaction = args.reaction === undefined
            ? undefined
            : reactionResponse(ctx, args, `pulls/comments/${commentId}`, await rest(ctx, 'reactions/create-for-pull-request-review-comment', { params: { ...repoParams(args), comment_id: commentId }, body: { content: args.reaction } }, 'add reaction to pull request review comment'));
        if (args.body === undefined)
            return reaction;
        // The pull request may be left out: the comment says which one it is on.
        const replied = ctx.store.get('reviewComment', commentId);
        const pullNumber = args.pullNumber ?? (replied ? ctx.store.get('pull', replied.pullId)?.number : undefined);
        const comment = minimalResponse(await rest(ctx, 'pulls/create-review-comment', {
            params: pullParams({ ...args, pullNumber: pullNumber ?? 0 }),
            body: { body: args.body, in_reply_to: commentId },
        }));
        return reaction ? { comment, reaction } : comment;
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/refs.ts


const looksLikeSha = (value) => /^[0-9a-fA-F]{40}$/.test(value);
/** The commit `ref` (`refs/…`) points at, or undefined when there is no such ref. */
async function refSha(ctx, args, ref, what) {
    // The clone writes refs/pull/N/head only for git fetches: the pull request's head is that commit.
    const pullHead = /^refs\/pull\/(\d+)\/head$/.exec(ref);
    if (pullHead) {
        const pull = await (0,operations_call/* callOperation */.y)(ctx, 'pulls/get', {
            params: { ...repoParams(args), pull_number: Number(pullHead[1]) },
        });
        return pull.ok ? pull.body.head.sha : undefined;
    }
    const result = await (0,operations_call/* callOperation */.y)(ctx, 'git/get-ref', {
        params: { ...repoParams(args), ref: ref.replace(/^refs\//, '') },
    });
    if (result.ok)
        return result.body.object.sha;
    if (result.status === 404)
        return undefined;
    throw new ToolError(`failed to resolve git reference: ${what}: ${apiErrorText(result)}`);
}
async function defaultBranch(ctx, args) {
    const repo = await (0,operations_call/* callOperation */.y)(ctx, 'repos/get', { params: repoParams(args) });
    if (!repo.ok)
        throw new ToolError(`failed to resolve git reference: failed to get repository info: ${apiErrorText(repo)}`);
    const ref = `refs/heads/${repo.body.default_branch}`;
    const sha = await refSha(ctx, args, ref, 'failed to get default branch reference');
    if (!sha)
        throw new ToolError('failed to resolve git reference: failed to get default branch reference: Not Found');
    return { Ref: ref, SHA: sha };
}
/**
 * Resolves `ref`/`sha` as github-mcp-server does: a sha as is; no ref, the default branch; a short
 * name, a branch, else a tag; `main` that is neither, the default branch (`fallback` is then true,
 * and the tool's answer says so).
 */
async function resolveGitReference(ctx, args, ref, sha) {
    if (sha)
        return { resolved: { Ref: '', SHA: sha }, fallback: false };
    if (looksLikeSha(ref))
        return { resolved: { Ref: '', SHA: ref }, fallback: false };
    if (ref === '')
        return { resolved: await defaultBranch(ctx, args), fallback: false };
    if (!ref.startsWith('refs/') && !ref.startsWith('heads/') && !ref.startsWith('tags/')) {
        for (const full of [`refs/heads/${ref}`, `refs/tags/${ref}`]) {
            const found = await refSha(ctx, args, full, `failed to get reference for '${ref}'`);
            if (found)
                return { resolved: { Ref: full, SHA: found }, fallback: false };
        }
        if (ref === 'main')
            return { resolved: await defaultBranch(ctx, args), fallback: true };
        throw new ToolError(`failed to resolve git reference: could not resolve ref "${ref}" as a branch or a tag`);
    }
    const full = ref.startsWith('refs/') ? ref : `refs/${ref}`;
    const found = await refSha(ctx, args, full, `failed to get final reference for "${full}"`);
    if (found)
        return { resolved: { Ref: full, SHA: found }, fallback: false };
    if (full === 'refs/heads/main')
        return { resolved: await defaultBranch(ctx, args), fallback: true };
    throw new ToolError(`failed to resolve git reference: failed to get final reference for "${full}": Not Found`);
}
/**
 * A path get_file_contents did not find: up to three paths of the tree at `resolved` that end with
 * it (only directories for a path ending in `/`), which github-mcp-server offers instead.
 */
async function matchFiles(ctx, args, resolved, path) {
    const tree = (await rest(ctx, 'git/get-tree', { params: { ...repoParams(args), tree_sha: resolved.SHA }, query: { recursive: 1 } }, 'get git tree'));
    const dirOnly = path.endsWith('/');
    const suffix = dirOnly ? path.slice(0, -1) : path;
    const matches = [];
    for (const entry of tree.tree) {
        if (matches.length === 3)
            break;
        if ((dirOnly && entry.type !== 'tree') || !entry.path || !entry.path.endsWith(suffix))
            continue;
        matches.push(entry.type === 'tree' ? `${entry.path}/` : entry.path);
    }
    if (matches.length === 0)
        throw new ToolError('Failed to get file contents. The path does not point to a file or directory, or the file does not exist in the repository.');
    return `Resolved potential matches in the repository tree (resolved refs: ${JSON.stringify(resolved)}, matching files: ${JSON.stringify(matches)}).`;
}

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/repos.ts




/** A commit on top of `branch` with the tree edits `entries`, moving the branch to it (the git data API). */
async function commitTree(ctx, args, entries, message) {
    const branch = String(args.branch);
    const ref = (await rest(ctx, 'git/get-ref', { params: { ...repoParams(args), ref: `heads/${branch}` } }));
    const base = (await rest(ctx, 'git/get-commit', {
        params: { ...repoParams(args), commit_sha: ref.object.sha },
    }));
    const tree = (await rest(ctx, 'git/create-tree', {
        params: repoParams(args),
        body: { base_tree: base.tree.sha, tree: entries },
    }));
    const commit = (await rest(ctx, 'git/create-commit', {
        params: repoParams(args),
        body: { message, tree: tree.sha, parents: [ref.object.sha] },
    }));
    const updated = await rest(ctx, 'git/update-ref', {
        params: { ...repoParams(args), ref: `heads/${branch}` },
        body: { sha: commit.sha },
    });
    return { commit, ref: updated };
}
/** A new branch at `from` (the default branch when not given), as the git data API makes one. */
async function createBranch(ctx, args, branch, from) {
    const base = from || (await rest(ctx, 'repos/get', { params: repoParams(args) })).default_branch;
    const ref = (await rest(ctx, 'git/get-ref', { params: { ...repoParams(args), ref: `heads/${base}` } }));
    return rest(ctx, 'git/create-ref', {
        params: repoParams(args),
        body: { ref: `refs/heads/${branch}`, sha: ref.object.sha },
    });
}
/**
 * A file as github-mcp-server answers it: a line saying what was read (and `note`, when the ref
 * asked for was not the one read) and the file as an embedded resource named by the commit read.
 */
function fileResult(args, at, file, note) {
    const bytes = Buffer.from(file.content, 'base64');
    const uri = `repo://${String(args.owner)}/${String(args.repo)}/sha/${at.SHA}/contents/${file.path}`;
    const binary = bytes.includes(0);
    const kind = bytes.length === 0 ? 'empty' : binary ? 'binary' : 'text';
    return {
        content: [
            { type: 'text', text: `successfully downloaded ${kind} file (SHA: ${file.sha})${note}` },
            {
                type: 'resource',
                resource: binary
                    ? { uri, mimeType: 'application/octet-stream', blob: bytes.toString('base64') }
                    : {
                        uri,
                        mimeType: bytes.length === 0 ? 'text/plain' : 'text/plain; charset=utf-8',
                        text: bytes.toString('utf8'),
                    },
            },
        ],
    };
}
const isCommitDetail = (value) => COMMIT_DETAILS.includes(value);
const repoTools = {
    get_file_contents: async (ctx, args) => {
        const path = (common_text(args.path) ?? '').replace(/^\/+/, '');
        const ref = common_text(args.ref) ?? '';
        const { resolved, fallback } = await resolveGitReference(ctx, args, ref, common_text(args.sha) ?? '');
        const note = fallback
            ? ` Note: the provided ref '${ref}' does not exist, default branch '${resolved.Ref}' was used instead.`
            : '';
        const found = await (0,operations_call/* callOperation */.y)(ctx, 'repos/get-content', {
            params: { ...repoParams(args), path: path.replace(/\/+$/, '') },
            query: { ref: resolved.SHA },
        });
        if (!found.ok)
            return matchFiles(ctx, args, resolved, path);
        if (Array.isArray(found.body))
            return pick(found.body, args.fields);
        const entry = found.body;
        if (entry.type !== 'file' || entry.content === undefined)
            return found.body;
        return new ToolContent(fileResult(args, resolved, { path: entry.path, sha: entry.sha, content: entry.content }, note));
    },
    create_or_update_file: async (ctx, args) => {
        const path = String(args.path).replace(/^\/+/, '');
        const branch = String(args.branch);
        const sha = common_text(args.sha) ?? '';
        // As github-mcp-server, the file is looked at first, so that a missing or stale sha is
        // answered with how to get the current one rather than with the API's 409/422.
        const existing = await (0,operations_call/* callOperation */.y)(ctx, 'repos/get-content', {
            params: { ...repoParams(args), path },
            query: { ref: branch },
        });
        if (!existing.ok && existing.status !== 404)
            throw new ToolError(`failed to ${sha ? 'verify file SHA' : 'check if file exists'}: ${apiErrorText(existing)}`);
        if (existing.ok && Array.isArray(existing.body))
            throw new ToolError(`Path ${path} is a directory, not a file. This tool only works with files.`);
        const current = existing.ok ? existing.body.sha : undefined;
        if (current !== undefined && !sha)
            throw new ToolError(`File already exists at ${path}. You must provide the current file's SHA when updating. Use git rev-parse ${branch}:${path} to get the blob SHA, then retry with the sha parameter.`);
        if (current !== undefined && current !== sha)
            throw new ToolError(`SHA mismatch: provided SHA ${sha} is stale. Current file SHA is ${current}. Pull the latest changes and use git rev-parse ${branch}:${path} to get the current SHA.`);
        return minimalFileResponse(await rest(ctx, 'repos/create-or-update-file-contents', {
            params: { ...repoParams(args), path },
            body: {
                message: args.message,
                content: Buffer.from(String(args.content)).toString('base64'),
                branch,
                sha: sha || undefined,
            },
        }, 'create/update file'));
    },
    delete_file: async (ctx, args) => {
        const path = String(args.path).replace(/^\/+/, '');
        const { commit } = await commitTree(ctx, args, [{ path, mode: '100644', type: 'blob', sha: null }], String(args.message));
        return { commit, content: null };
    },
    push_files: async (ctx, args) => {
        if (!Array.isArray(args.files))
            throw new ToolError('files parameter must be an array of objects with path and content');
        const entries = args.files.map((file) => {
            if (typeof file.path !== 'string' || file.path === '')
                throw new ToolError('each file must have a path');
            if (typeof file.content !== 'string')
                throw new ToolError('each file must have content');
            return { path: file.path, mode: '100644', type: 'blob', content: file.content };
        });
        // As github-mcp-server, a branch that does not exist yet is made from the default branch first.
        const branch = String(args.branch);
        const existing = await (0,operations_call/* callOperation */.y)(ctx, 'git/get-ref', {
            params: { ...repoParams(args), ref: `heads/${branch}` },
        });
        if (!existing.ok && existing.status !== 404)
            throw new ToolError(`failed to get branch reference: ${apiErrorText(existing)}`);
        if (!existing.ok)
            await createBranch(ctx, args, branch).catch((error) => {
                if (error instanceof ToolError)
                    throw new ToolError(`failed to create branch from default: ${error.message}`);
                throw error;
            });
        return (await commitTree(ctx, args, entries, String(args.message))).ref;
    },
    list_branches: async (ctx, args) => (await restList(ctx, 'repos/list-branches', { params: repoParams(args), query: paging(args) })).map(minimalBranch),
    create_branch: (ctx, args) => createBranch(ctx, args, String(args.branch), common_text(args.from_branch)),
    list_commits: async (ctx, args) => {
        const commits = await restList(ctx, 'repos/list-commits', {
            params: repoParams(args),
            query: {
                sha: common_text(args.sha),
                author: common_text(args.author),
                path: common_text(args.path),
                since: common_text(args.since),
                until: common_text(args.until),
                ...paging(args),
            },
        });
        return pick(commits.map((commit) => minimalCommit(commit)), args.fields);
    },
    get_commit: async (ctx, args) => {
        const detail = common_text(args.detail) || 'stats';
        if (!isCommitDetail(detail))
            throw new ToolError(`invalid detail "${detail}": must be one of ${COMMIT_DETAILS.map((d) => `"${d}"`).join(', ')}`);
        return minimalCommit(await rest(ctx, 'repos/get-commit', {
            params: { ...repoParams(args), ref: String(args.sha) },
            query: paging(args),
        }), detail);
    },
    list_tags: async (ctx, args) => (await restList(ctx, 'repos/list-tags', { params: repoParams(args), query: paging(args) })).map(minimalTag),
    get_tag: async (ctx, args) => {
        const ref = (await rest(ctx, 'git/get-ref', {
            params: { ...repoParams(args), ref: `tags/${String(args.tag)}` },
        }));
        // A lightweight tag points at a commit: GitHub has no tag object for it.
        if (ref.object.type !== 'tag')
            throw new ToolError('failed to get tag object: 404 Not Found');
        throw new ToolError('annotated tag objects are not implemented by the Archal GitHub clone');
    },
    list_releases: async (ctx, args) => pick((await restList(ctx, 'repos/list-releases', { params: repoParams(args), query: paging(args) })).map(minimalRelease), args.fields),
    get_latest_release: (ctx, args) => rest(ctx, 'repos/get-latest-release', { params: repoParams(args) }),
    get_release_by_tag: (ctx, args) => rest(ctx, 'repos/get-release-by-tag', { params: { ...repoParams(args), tag: String(args.tag) } }),
    create_repository: async (ctx, args) => {
        const body = {
            name: args.name,
            description: args.description,
            private: args.private,
            auto_init: args.autoInit,
        };
        return minimalResponse(args.organization
            ? await rest(ctx, 'repos/create-in-org', { params: { org: String(args.organization) }, body })
            : await rest(ctx, 'repos/create-for-authenticated-user', { body }));
    },
    fork_repository: async (ctx, args) => {
        const forked = await restAccepted(ctx, 'repos/create-fork', { params: repoParams(args), body: args.organization ? { organization: args.organization } : {} }, 'fork repository', 'Fork is in progress');
        return typeof forked === 'string' ? forked : minimalResponse(forked);
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/search.ts


/** GitHub's issue search scoped to issues or pull requests (and to owner/repo when both are given). */
async function searchIssues(ctx, args, scope) {
    let q = String(args.query);
    if (!q.includes(scope))
        q = `${scope} ${q}`;
    if (args.owner && args.repo && !q.includes('repo:'))
        q = `repo:${String(args.owner)}/${String(args.repo)} ${q}`;
    const found = (await rest(ctx, 'search/issues-and-pull-requests', {
        query: { q, sort: common_text(args.sort), order: common_text(args.order), ...paging(args) },
    }));
    if (!Array.isArray(args.fields) || args.fields.length === 0)
        return found;
    return {
        total_count: found.total_count,
        incomplete_results: found.incomplete_results,
        items: pick(found.items, args.fields),
    };
}
const query = (args) => ({
    q: String(args.query),
    sort: common_text(args.sort),
    order: common_text(args.order),
    ...paging(args),
});
const searchTools = {
    search_issues: (ctx, args) => searchIssues(ctx, args, 'is:issue'),
    search_pull_requests: (ctx, args) => searchIssues(ctx, args, 'is:pr'),
    search_code: async (ctx, args) => {
        // As github-mcp-server, with the text-match media type: items carry the fragments that matched.
        const found = (await rest(ctx, 'search/code', {
            query: query(args),
            headers: { accept: 'application/vnd.github.text-match+json' },
        }));
        const items = found.items.map((item) => ({
            name: item.name,
            path: item.path,
            sha: item.sha,
            repository: item.repository?.full_name ?? '',
            ...(Array.isArray(item.text_matches) && item.text_matches.length > 0 ? { text_matches: item.text_matches } : {}),
        }));
        return {
            total_count: found.total_count,
            incomplete_results: found.incomplete_results,
            items: pick(items, args.fields),
        };
    },
    search_commits: async (ctx, args) => {
        const q = String(args.query);
        const found = (await rest(ctx, 'search/commits', { query: query(args) }, `search commits with query '${q}'`));
        return {
            total_count: found.total_count,
            incomplete_results: found.incomplete_results,
            items: found.items.map((item) => {
                const repository = item.repository;
                return {
                    ...minimalCommit(item),
                    ...(repository
                        ? {
                            repository: {
                                full_name: repository.full_name,
                                html_url: repository.html_url,
                                ...(repository.private ? { private: true } : {}),
                            },
                        }
                        : {}),
                };
            }),
        };
    },
    search_repositories: async (ctx, args) => {
        const found = (await rest(ctx, 'search/repos', { query: query(args) }));
        // minimal_output (default true): github-mcp-server's trimmed repositories; false: GitHub's answer.
        if (args.minimal_output === false)
            return found;
        return {
            total_count: found.total_count,
            incomplete_results: found.incomplete_results,
            items: found.items.map(minimalRepository),
        };
    },
    search_users: async (ctx, args) => {
        const q = String(args.query);
        const found = (await rest(ctx, 'search/users', {
            query: { ...query(args), q: q.includes('type:') ? q : `type:user ${q}` },
        }));
        return {
            total_count: found.total_count,
            incomplete_results: found.incomplete_results,
            items: found.items.map(minimalUser),
        };
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools/teams.ts


/** The teams as github-mcp-server groups them: by organization, each team's name, slug and description. */
function byOrganization(teams) {
    const orgs = new Map();
    for (const { org, team } of teams)
        orgs.set(org, [
            ...(orgs.get(org) ?? []),
            { name: team.name, slug: team.slug, description: team.description ?? '' },
        ]);
    return [...orgs].map(([org, list]) => ({ org, teams: list }));
}
/** The context toolset's team tools (GraphQL in github-mcp-server), over the clone's team operations. */
const teamTools = {
    get_teams: async (ctx, args) => {
        const user = common_text(args.user);
        if (!user) {
            const teams = (await restList(ctx, 'teams/list-for-authenticated-user', { query: { per_page: 100 } }));
            return byOrganization(teams.map((team) => ({ org: team.organization?.login ?? '', team })));
        }
        // Another user's teams, in the organizations the token sees (GitHub's `teams(userLogins:)`).
        const orgs = (await restList(ctx, 'orgs/list-for-authenticated-user', { query: { per_page: 100 } }));
        const found = [];
        for (const { login: org } of orgs) {
            const teams = (await restList(ctx, 'teams/list', { params: { org }, query: { per_page: 100 } }));
            for (const team of teams) {
                const membership = await (0,operations_call/* callOperation */.y)(ctx, 'teams/get-membership-for-user-in-org', {
                    params: { org, team_slug: team.slug, username: user },
                });
                if (membership.ok && membership.body.state === 'active')
                    found.push({ org, team });
            }
        }
        return byOrganization(found);
    },
    get_team_members: async (ctx, args) => {
        const org = String(args.org);
        const members = await (0,operations_call/* callOperation */.y)(ctx, 'teams/list-members-in-org', {
            params: { org, team_slug: String(args.team_slug) },
            query: { per_page: 100 },
        });
        if (members.ok)
            return members.body.map((member) => member.login);
        // GitHub's server reads `organization.team(slug:)`: no such team in an organization is no members.
        if (members.status === 404) {
            await rest(ctx, 'orgs/get', { params: { org } }, 'get team members');
            return [];
        }
        throw new ToolError(`failed to get team members: ${apiErrorText(members)}`);
    },
};

;// CONCATENATED MODULE: ./src/clones/github/mcp/tools.ts











const HANDLERS = {
    ...collaboratorTools,
    ...gistTools,
    ...issueTools,
    ...labelTools,
    ...notificationTools,
    ...pullTools,
    ...repoTools,
    ...searchTools,
    ...teamTools,
};
/** github-mcp-server's tools the clone serves: every definition recorded has its handler. */
const TOOLS = DEFINITIONS.map((definition) => {
    const run = HANDLERS[definition.name];
    if (!run)
        throw new Error(`MCP tool ${definition.name} has no handler`);
    return { ...definition, run };
});

;// CONCATENATED MODULE: ./src/clones/github/mcp/handler.ts
















const BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));
const LENIENT_CALL_TOOL = types/* CallToolRequestSchema */.FT.extend({ params: schemas/* unknown */.L5J() });
/**
 * Serves GitHub's MCP server tools at `/mcp` over MCP streamable HTTP (stateless: each POST is
 * one JSON-RPC exchange), authenticated like GitHub's remote MCP server with the token as a
 * bearer. Tool calls run the REST operations on the clone's state; each request is logged.
 */
async function handleMcp(core, exchange, urls) {
    const started = performance.now();
    const { req, res } = exchange;
    const requestId = (0,request_id/* nextRequestId */.w)();
    const journal = new store/* Journal */.CQ();
    const deliveries = [];
    let actor = { kind: 'anonymous' };
    let requestText;
    /** What the request log says of a tool call. */
    const logged = { operationId: null, notImplemented: false };
    let status = 200;
    const response = captureBody(res);
    try {
        const raw = await (0,http_body/* readBody */.x)(req, core.config.maxBodyBytes).catch((error) => {
            if (error instanceof http_body/* BodyTooLargeError */.A)
                throw new errors/* ApiError */.hD(413, 'Request body too large');
            throw error;
        });
        requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
        actor = (0,auth/* resolveActor */.i)(core.store, (0,auth/* credential */.e)(req.headers.authorization), core.unknownTokenUserId, core.now());
        if (actor.kind === 'anonymous' || actor.kind === 'app')
            throw new errors/* ApiError */.hD(401, 'Bad credentials');
        if (req.method !== 'POST') {
            // Stateless, as GitHub's MCP server: no event stream to GET (the SDK's would stay open with
            // nothing to send) and no session to DELETE. Clients take 405 as "no stream".
            status = 405;
            res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' });
            res.end('Method Not Allowed\n');
            return;
        }
        let body;
        try {
            body = requestText === undefined ? undefined : JSON.parse(requestText);
        }
        catch {
            // JSON-RPC's parse error, as the SDK's transport answers a body it cannot parse.
            status = 400;
            res.writeHead(400, { 'content-type': 'application/json' });
            res.end(JSON.stringify({
                jsonrpc: '2.0',
                error: { code: types/* ErrorCode */.O4.ParseError, message: 'Parse error: Invalid JSON' },
                id: null,
            }));
            return;
        }
        const domain = (0,context/* requestContext */.V)(core, { urls, actor, journal, requestId, deliveries });
        const server = new esm_server/* Server */.g({ name: 'github-mcp-server', version: 'archal-clone' }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
        server.setRequestHandler(types/* ListToolsRequestSchema */.gW, () => ({
            tools: TOOLS.map((tool) => ({
                name: tool.name,
                description: tool.description,
                inputSchema: tool.inputSchema,
                annotations: tool.annotations,
            })),
        }));
        // The SDK's own tools/call schema would fail a call without a name as an internal error (-32603):
        // read leniently here, the SDK's server checks it again and answers invalid params (-32602).
        server.setRequestHandler(LENIENT_CALL_TOOL, (lenient) => callTool(core, { domain, actor, requestId, logged }, lenient));
        const transport = new streamableHttp/* StreamableHTTPServerTransport */.D({ sessionIdGenerator: undefined, enableJsonResponse: true });
        await server.connect(transport);
        res.on('close', () => {
            void transport.close();
            void server.close();
        });
        await transport.handleRequest(req, res, body);
        status = res.statusCode;
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD))
            throw error;
        status = error.status;
        if (!res.headersSent) {
            const text = JSON.stringify({ message: error.message, documentation_url: 'https://docs.github.com/rest' });
            res.writeHead(status, {
                'content-type': 'application/json; charset=utf-8',
                ...(status === 401 ? { 'www-authenticate': 'Bearer realm="GitHub"' } : {}),
            });
            res.end(text);
        }
    }
    finally {
        core.log.add({
            requestId,
            kind: 'mcp',
            method: req.method ?? 'POST',
            path: exchange.path,
            query: exchange.search,
            operationId: logged.operationId,
            notImplemented: logged.notImplemented,
            status,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            actor: actor.kind === 'app' ? `app:${actor.app.slug}` : ((0,state_actor/* actingUser */.e)(actor)?.login ?? null),
            changes: journal.changes,
            deliveries,
        }, { request: requestText, response: response() });
    }
}
/** One tools/call: the tool run on the clone's state, as github-mcp-server answers it; `logged` says what ran. */
async function callTool(core, call, request) {
    const { domain, actor, requestId, logged } = call;
    const tool = BY_NAME.get(request.params.name);
    logged.operationId = `mcp/${request.params.name}`;
    if (!tool && !GITHUB_TOOL_NAMES.includes(request.params.name))
        // As GitHub's server (go-sdk) answers a name it has no tool for: invalid params.
        throw Object.assign(new Error(`unknown tool ${JSON.stringify(request.params.name)}`), {
            code: types/* ErrorCode */.O4.InvalidParams,
        });
    if (!tool) {
        logged.notImplemented = true;
        return {
            isError: true,
            content: [{ type: 'text', text: `tool ${request.params.name} is not implemented by the Archal GitHub clone` }],
        };
    }
    let args;
    try {
        args = checkArguments(tool, (request.params.arguments ?? {}));
    }
    catch (error) {
        if (!(error instanceof ArgumentError))
            throw error;
        return { isError: true, content: [{ type: 'text', text: error.message }] };
    }
    // GitHub's MCP server calls the REST API with the same token: a tool call counts against
    // the token's `core` limit, and past it fails with the API's answer.
    const { key, label } = (0,state_actor/* actorKey */.B)(actor);
    const rate = core.limiter.take(key, 'core', Date.now());
    if (rate.exceeded) {
        const text = core.limiter.kind === 'secondary'
            ? `429 ${(0,admission/* secondaryLimitMessage */.bE)(requestId)}`
            : `403 API rate limit exceeded for ${label}. [rate reset in ${resetIn(rate)}]`;
        return { isError: true, content: [{ type: 'text', text }] };
    }
    try {
        const result = await tool.run(domain, args);
        if (result instanceof ToolContent)
            return result.result;
        return { content: [{ type: 'text', text: typeof result === 'string' ? result : JSON.stringify(result) }] };
    }
    catch (error) {
        if (!(error instanceof ToolError))
            throw error;
        return { isError: true, content: [{ type: 'text', text: error.message }] };
    }
}
/** `59m30s`: how go-github (and so GitHub's MCP server) says when a rate limit resets. */
function resetIn(rate) {
    const seconds = Math.max(0, rate.reset - Math.floor(Date.now() / 1000));
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
/**
 * What the MCP transport writes to the response, for the request log (which caps bodies at
 * MAX_BODY_CHARS: bytes past what that many characters can take are not kept).
 */
function captureBody(res) {
    const limit = request_log/* MAX_BODY_CHARS */.G * 4 + 4;
    const chunks = [];
    let kept = 0;
    const keep = (chunk, encoding) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function' || kept >= limit)
            return;
        const buffer = typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
            : Buffer.from(chunk);
        chunks.push(buffer.subarray(0, limit - kept));
        kept += Math.min(buffer.length, limit - kept);
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk, ...rest) => {
        keep(chunk, rest[0]);
        return write(chunk, ...rest);
    });
    res.end = ((chunk, ...rest) => {
        keep(chunk, rest[0]);
        return end(chunk, ...rest);
    });
    return () => (kept === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
}
const MCP_TOOL_NAMES = TOOLS.map((tool) => tool.name);


/***/ })

};
