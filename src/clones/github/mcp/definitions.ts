// The tools of GitHub's MCP server as it defines them (github/github-mcp-server 64a49f34d076b6f5917dae1424521d43c7bcae84, pkg/github/__toolsnaps__ (MIT licence)): names, descriptions,
// annotations and input schemas, recorded so that an agent configured for github-mcp-server sees
// the same tools at the clone's /mcp. Data, not code: the handlers are in ./tools/.
import type { ToolDefinition } from './definition.js';

export const SOURCE =
  'github/github-mcp-server 64a49f34d076b6f5917dae1424521d43c7bcae84, pkg/github/__toolsnaps__ (MIT licence)';

/**
 * The instructions github-mcp-server gives at initialize for the toolsets the clone serves: its base
 * guidance, then the context, issues and pull_requests toolsets' (with the repos toolset's note on
 * pull request templates), joined as it joins them. Clients put them in the agent's context.
 */
export const INSTRUCTIONS =
  "The GitHub MCP Server provides tools to interact with GitHub platform.\n\nTool selection guidance:\n\t1. Use 'list_*' tools for broad, simple retrieval and pagination of all items of a type (e.g., all issues, all PRs, all branches) with basic filtering.\n\t2. Use 'search_*' tools for targeted queries with specific criteria, keywords, or complex filters (e.g., issues with certain text, PRs by author, code containing functions).\n\nContext management:\n\t1. Use pagination whenever possible with batches of 5-10 items.\n\t2. Use minimal_output parameter set to true if the full information is not needed to accomplish a task.\n\nTool usage guidance:\n\t1. For 'search_*' tools: Use separate 'sort' and 'order' parameters if available for sorting results - do not include 'sort:' syntax in query strings. Query strings should contain only search criteria (e.g., 'org:google language:python'), not sorting instructions. Always call 'get_me' first to understand current user permissions and context. ## Issues\n\nCheck 'list_issue_types' first for organizations to use proper issue types. Use 'search_issues' before creating new issues to avoid duplicates. Always set 'state_reason' when closing issues. ## Pull Requests\n\nPR review workflow: Always use 'pull_request_review_write' with method 'create' to create a pending review, then 'add_comment_to_pending_review' to add comments, and finally 'pull_request_review_write' with method 'submit_pending' to submit the review for complex reviews with line-specific comments.\n\nBefore creating a pull request, search for pull request templates in the repository. Template files are called pull_request_template.md or they're located in '.github/PULL_REQUEST_TEMPLATE' directory. Use the template content to structure the PR description and then call create_pull_request tool.";

/**
 * Every tool name github-mcp-server has (all toolsets and feature flags): a call to one the clone
 * does not serve is a gap of the clone; any other name is unknown to GitHub's server too.
 */
export const GITHUB_TOOL_NAMES: readonly string[] = [
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

export const DEFINITIONS: ToolDefinition[] = [
  {
    name: 'get_me',
    description:
      "Get details of the authenticated GitHub user. Use this when a request is about the user's own profile for GitHub. Or when information is missing to build other tool calls.",
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
    description:
      'Get details of the teams the user is a member of. Limited to organizations accessible with current credentials',
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
    description:
      'Get member usernames of a specific team in an organization. Limited to organizations accessible with current credentials',
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
          description:
            'Level of detail to include for changed files. "none" omits stats and files entirely. "stats" (default) includes per-file metadata: filename, status, and lines-of-code counts (additions, deletions, changes), with no patch content. "full_patch" additionally includes the unified diff content for each file and can be very large.',
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
    description:
      'Get list of commits of a branch in a GitHub repository. Returns at least 30 results per page by default, but can return more if specified using the perPage parameter (up to 100).',
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
          description:
            "Subset of fields to return for each commit. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields, e.g. just 'sha' and 'html_url'.",
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
          description:
            'Commit SHA, branch or tag name to list commits of. If not provided, uses the default branch of the repository. If a commit SHA is provided, will list commits up to that SHA.',
          type: 'string',
        },
        since: {
          description:
            'Only commits after this date will be returned (ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)',
          type: 'string',
        },
        until: {
          description:
            'Only commits before this date will be returned (ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)',
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
    description:
      'Create or update a single file in a GitHub repository. \nIf updating, you should provide the SHA of the file you want to update. Use this tool to create or update a file in a GitHub repository remotely; do not use it for local file operations.\n\nIn order to obtain the SHA of original file version before updating, use the following git command:\ngit rev-parse <branch>:<path to file>\n\nSHA MUST be provided for existing file updates.\n',
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
          description:
            'Content of the file, exactly as it should appear once written. Do not base64-encode it; this server does that before calling the REST API.',
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
          description:
            "Subset of fields to return for each entry when the path is a directory. If omitted, all fields are returned. Ignored when the path is a single file. Use this to reduce response size when listing directories and you only need specific fields, e.g. just 'name' and 'type'.",
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
          description:
            'Accepts optional git refs such as `refs/tags/{tag}`, `refs/heads/{branch}` or `refs/pull/{pr_number}/head`',
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
          description:
            "Subset of fields to return for each release. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body' in particular drops the largest per-release data.",
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
    description:
      'Find GitHub repositories by name, description, readme, topics, or other metadata. Perfect for discovering projects, finding examples, or locating specific repositories across GitHub.',
    annotations: {
      idempotentHint: false,
      readOnlyHint: true,
      title: 'Search repositories',
    },
    inputSchema: {
      properties: {
        minimal_output: {
          default: true,
          description:
            'Return minimal repository information (default: true). When false, returns full GitHub API repository objects.',
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
          description:
            "Repository search query. Examples: 'machine learning in:name stars:>1000 language:python', 'topic:react', 'user:facebook'. Supports advanced search syntax for precise filtering.",
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
    description:
      "Fast and precise code search across ALL GitHub repositories using GitHub's native search engine. Best for finding exact symbols, functions, classes, or specific code patterns.",
    annotations: {
      idempotentHint: false,
      readOnlyHint: true,
      title: 'Search code',
    },
    inputSchema: {
      properties: {
        fields: {
          description:
            "Subset of fields to return for each code search result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'repository' and 'text_matches' in particular drops the largest per-result data.",
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
          description:
            'Search query (GitHub code search REST). Implicit AND between terms; supports `OR`, `NOT`, and `"quoted phrase"` for exact match. Qualifiers: `repo:owner/repo`, `org:`, `user:`, `language:`, `path:dir` (prefix match), `filename:exact.ext`, `extension:`, `in:file`, `in:path`, `size:`, `is:archived`, `is:fork`. Max 256 chars. Examples: `WithContext language:go org:github`; `"package main" repo:o/r`; `func extension:go path:cmd repo:o/r`; `NOT TODO language:go repo:o/r`.',
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
    description:
      "Search for commits across GitHub repositories using GitHub's commit search syntax. Useful for finding specific changes, authors, or messages across one or many repositories. Searches the default branch only.",
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
          description:
            'Commit search query (GitHub commit search REST). Searches commit messages on the default branch only. Scope the search with `repo:owner/repo`, `org:`, or `user:` (queries without a scope qualifier match across all of GitHub and are usually not what you want). Other qualifiers: `author:`, `committer:`, `author-name:`, `committer-name:`, `author-email:`, `committer-email:`, `author-date:`, `committer-date:` (supports `>`, `<`, `>=`, `<=`, and `YYYY-MM-DD..YYYY-MM-DD` ranges), `merge:true|false`, `hash:`, `tree:`, `parent:`, `is:public`. Examples: `repo:owner/repo fix panic`; `org:github author:defunkt committer-date:>=2024-01-01`; `"refactor cache" repo:o/r`; `hash:abc1234 repo:o/r`.',
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
    description:
      'List collaborators of a GitHub repository. Results are paginated; the response includes `nextPage`, `prevPage`, `firstPage`, and `lastPage` fields. To get the next page, use the `nextPage` value as the `page` parameter.',
    annotations: {
      idempotentHint: false,
      readOnlyHint: true,
      title: 'List repository collaborators',
    },
    inputSchema: {
      properties: {
        affiliation: {
          description:
            "Filter by affiliation. Can be one of: 'outside' (outside collaborators), 'direct' (all with permissions regardless of org membership), 'all' (all collaborators). Default: 'all'",
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
          description:
            'The read operation to perform on a single issue.\nOptions are:\n1. get - Get issue details. Also returns best-effort hierarchy flags (`has_parent`, `has_children`); `parent` and `sub_issues_summary` are optional relationship summaries, and `closed_by_pull_requests` summarizes the pull requests configured to close the issue as `total_count` plus up to 5 `references`.\n2. get_comments - Get issue comments.\n3. get_sub_issues - Get sub-issues (children) of the issue.\n4. get_parent - Get the parent issue, if this issue is a sub-issue of another.\n5. get_labels - Get labels assigned to the issue.\n',
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
          description:
            "Issue field values to set or clear. Each item requires 'field_name' and exactly one of 'value', 'field_option_name', or 'delete: true'.",
          items: {
            additionalProperties: false,
            properties: {
              delete: {
                description:
                  "Set to true to clear this field's current value on the issue. When false or omitted, this property is ignored. Cannot be true when 'value' or 'field_option_name' is provided.",
                type: 'boolean',
              },
              field_name: {
                description:
                  'Issue field name (case-insensitive). Must match a field returned by list_issue_fields for this repository or its organization.',
                type: 'string',
              },
              field_option_name: {
                description:
                  "Option name for single-select fields. Validated against the field's options before the API call. Cannot be combined with 'value' or 'delete: true'.",
                type: 'string',
              },
              value: {
                description:
                  "Value to set. Use for text, number, and date fields (date as YYYY-MM-DD). For single-select fields, prefer 'field_option_name' so the option is validated before the API call. Cannot be combined with 'field_option_name' or 'delete: true'.",
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
          description:
            "Write operation to perform on a single issue.\nOptions are:\n- 'create' - creates a new issue.\n- 'update' - updates an existing issue.\n",
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
          description:
            "Type of this issue. For updates, pass null to remove the current type. Only use if issue types are enabled for this repository. Use list_issue_types to get valid type values for this repository or its owner organization. If the repository doesn't support issue types, omit this parameter.",
        },
      },
      required: ['method', 'owner', 'repo'],
      type: 'object',
    },
  },
  {
    name: 'list_issues',
    description:
      "List issues in a GitHub repository. For pagination, use the 'endCursor' from the previous response's 'pageInfo' in the 'after' parameter.",
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
          description:
            'Filter by custom issue field values. Each entry takes a field_name and a value; the server looks up the field and coerces the value to its type (single-select option name, text, number, or YYYY-MM-DD date).',
          items: {
            properties: {
              field_name: {
                description: 'Name of the custom field (e.g. "Priority"). Case-insensitive.',
                type: 'string',
              },
              value: {
                description:
                  'Value to filter on. For single-select fields, the option name (e.g. "P1"). For dates, YYYY-MM-DD. For numbers, the numeric value as a string. For text, the text value.',
                type: 'string',
              },
            },
            required: ['field_name', 'value'],
            type: 'object',
          },
          type: 'array',
        },
        fields: {
          description:
            "Subset of fields to return for each issue. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body' and 'field_values' in particular drops the largest per-result data.",
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
    description:
      'Search issues using natural-language semantic matching. Best for conceptual or paraphrased queries (e.g. "login fails after password reset"). Already scoped to is:issue.',
    annotations: {
      idempotentHint: false,
      readOnlyHint: true,
      title: 'Search issues',
    },
    inputSchema: {
      properties: {
        fields: {
          description:
            "Subset of fields to return for each issue result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body', 'reactions', and 'labels' in particular drops the largest per-result data.",
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
          description:
            'The search query, as natural language. When the user gives alternative wordings, include them as plain words rather than joining them with OR.',
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
    description:
      'Add a comment and/or reaction to a specific issue or issue comment in a GitHub repository. Use this tool with pull requests as well (in this case pass pull request number as issue_number), but only if user is not asking specifically to add or react to review comments. At least one of body or reaction is required.',
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
          description:
            'The numeric ID of the issue or pull request comment to react to. Use this for reactions to comments; omit it to react to the issue or pull request itself. Cannot be combined with body.',
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
    description:
      'List labels from a repository, ordered by issue count (descending) so the most-used labels are returned first',
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
          description:
            "Label color as 6-character hex code without '#' prefix (e.g., 'f29513'). Required for 'create', optional for 'update'.",
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
          description:
            "Cursor for pagination, used only by the get_review_comments method. Pass the endCursor from the previous page's PageInfo to fetch the next page.",
          type: 'string',
        },
        method: {
          description:
            "Action to specify what pull request data needs to be retrieved from GitHub. \nPossible options: \n 1. get - Get details of a specific pull request.\n 2. get_diff - Get the diff of a pull request.\n 3. get_status - Get combined commit status of a head commit in a pull request.\n 4. get_files - Get the list of files changed in a pull request. Use with pagination parameters to control the number of results returned.\n 5. get_commits - Get the list of commits on a pull request. Use with pagination parameters to control the number of results returned.\n 6. get_review_comments - Get review threads on a pull request. Each thread contains logically grouped review comments made on the same code location during pull request reviews. Returns threads with metadata (isResolved, isOutdated, isCollapsed) and their associated comments. Use cursor-based pagination (perPage, after) to control results.\n 7. get_reviews - Get the reviews on a pull request. When asked for review comments, use get_review_comments method. Use with pagination parameters to control the number of results returned.\n 8. get_comments - Get comments on a pull request. Use this if user doesn't specifically want review comments. Use with pagination parameters to control the number of results returned.\n 9. get_check_runs - Get check runs for the head commit of a pull request. Check runs are the individual CI/CD jobs and checks that run on the PR.\n",
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
    description:
      'List pull requests in a GitHub repository. If the user specifies an author, then DO NOT use this tool and use the search_pull_requests tool instead.',
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
          description:
            "Subset of fields to return for each pull request. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body' in particular drops the largest per-result data.",
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
          description:
            "Subset of fields to return for each pull request result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body', 'reactions', and 'labels' in particular drops the largest per-result data.",
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
          description:
            'Optional repository owner. If provided with repo, only pull requests for this repository are listed.',
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
          description:
            'Optional repository name. If provided with owner, only pull requests for this repository are listed.',
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
    description:
      'Create and/or submit, delete review of a pull request.\n\nAvailable methods:\n- create: Create a new review of a pull request. If "event" parameter is provided, the review is submitted. If "event" is omitted, a pending review is created.\n- submit_pending: Submit an existing pending review of a pull request. This requires that a pending review exists for the current user on the specified pull request. The "body" and "event" parameters are used when submitting the review.\n- delete_pending: Delete an existing pending review of a pull request. This requires that a pending review exists for the current user on the specified pull request.\n- resolve_thread: Resolve a review thread. Requires only "threadId" parameter with the thread\'s node ID (e.g., PRRT_kwDOxxx). The owner, repo, and pullNumber parameters are not used for this method. Resolving an already-resolved thread is a no-op.\n- unresolve_thread: Unresolve a previously resolved review thread. Requires only "threadId" parameter. The owner, repo, and pullNumber parameters are not used for this method. Unresolving an already-unresolved thread is a no-op.\n',
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
          description:
            'The node ID of the review thread (e.g., PRRT_kwDOxxx). Required for resolve_thread and unresolve_thread methods. Get thread IDs from pull_request_read with method get_review_comments.',
          type: 'string',
        },
      },
      required: ['method', 'owner', 'repo', 'pullNumber'],
      type: 'object',
    },
  },
  {
    name: 'add_comment_to_pending_review',
    description:
      "Add review comment to the requester's latest pending pull request review. A pending review needs to already exist to call this (check with the user if not sure).",
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
          description:
            'The line of the blob in the pull request diff that the comment applies to. For multi-line comments, the last line of the range',
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
          description:
            'The side of the diff to comment on. LEFT indicates the previous state, RIGHT indicates the new state',
          enum: ['LEFT', 'RIGHT'],
          type: 'string',
        },
        startLine: {
          description: 'For multi-line comments, the first line of the range that the comment applies to',
          type: 'number',
        },
        startSide: {
          description:
            'For multi-line comments, the starting side of the diff that the comment applies to. LEFT indicates the previous state, RIGHT indicates the new state',
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
    description:
      'Add a reply and/or reaction to an existing pull request comment. This can create a new comment linked as a reply to the specified comment, add an emoji reaction to the specified comment, or do both. At least one of body or reaction is required.',
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
          description:
            'The numeric ID of the pull request review comment to reply or react to. Use the number from a #discussion_r... anchor, not the GraphQL thread node ID (PRRT_...).',
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
    description:
      'Find GitHub users by username, real name, or other profile information. Useful for locating developers, contributors, or team members.',
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
          description:
            "User search query. Examples: 'john smith', 'location:seattle', 'followers:>100'. Search is automatically scoped to type:user.",
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
    description:
      'Lists all GitHub notifications for the authenticated user, including unread notifications, mentions, review requests, assignments, and updates on issues or pull requests. Use this tool whenever the user asks what to work on next, requests a summary of their GitHub activity, wants to see pending reviews, or needs to check for new updates or tasks. This tool is the primary way to discover actionable items, reminders, and outstanding work on GitHub. Always call this tool when asked what to work on next, what is pending, or what needs attention in GitHub.',
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
          description:
            'Filter notifications to, use default unless specified. Read notifications are ones that have already been acknowledged by the user. Participating notifications are those that the user is directly involved in, such as issues or pull requests they have commented on or created.',
          enum: ['default', 'include_read_notifications', 'only_participating'],
          type: 'string',
        },
        owner: {
          description:
            'Optional repository owner. If provided with repo, only notifications for this repository are listed.',
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
          description:
            'Optional repository name. If provided with owner, only notifications for this repository are listed.',
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
    description:
      "Get detailed information for a specific GitHub notification, always call this tool when the user asks for details about a specific notification, if you don't know the ID list notifications first.",
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
          description:
            'Optional repository owner. If provided with repo, only notifications for this repository are marked as read.',
          type: 'string',
        },
        repo: {
          description:
            'Optional repository name. If provided with owner, only notifications for this repository are marked as read.',
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
    description:
      'Manage a repository notification subscription: ignore, watch, or delete repository notifications subscription for the provided repository.',
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
