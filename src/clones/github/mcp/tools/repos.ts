import type { DomainContext } from '../../domain/context.js';
import { callOperation } from '../../http/operations-call.js';
import {
  COMMIT_DETAILS,
  type CommitDetail,
  minimalBranch,
  minimalCommit,
  minimalFileResponse,
  minimalRelease,
  minimalResponse,
  minimalTag,
} from '../minimal.js';
import {
  apiErrorText,
  paging,
  pick,
  repoParams,
  rest,
  restAccepted,
  restList,
  text,
  ToolContent,
  ToolError,
  type Args,
  type ToolHandler,
} from './common.js';
import { matchFiles, resolveGitReference, type ResolvedRef } from './refs.js';

type Json = Record<string, unknown>;

/** A commit on top of `branch` with the tree edits `entries`, moving the branch to it (the git data API). */
async function commitTree(ctx: DomainContext, args: Args, entries: Json[], message: string) {
  const branch = String(args.branch);
  const ref = (await rest(ctx, 'git/get-ref', { params: { ...repoParams(args), ref: `heads/${branch}` } })) as {
    object: { sha: string };
  };
  const base = (await rest(ctx, 'git/get-commit', {
    params: { ...repoParams(args), commit_sha: ref.object.sha },
  })) as { tree: { sha: string } };
  const tree = (await rest(ctx, 'git/create-tree', {
    params: repoParams(args),
    body: { base_tree: base.tree.sha, tree: entries },
  })) as { sha: string };
  const commit = (await rest(ctx, 'git/create-commit', {
    params: repoParams(args),
    body: { message, tree: tree.sha, parents: [ref.object.sha] },
  })) as { sha: string };
  const updated = await rest(ctx, 'git/update-ref', {
    params: { ...repoParams(args), ref: `heads/${branch}` },
    body: { sha: commit.sha },
  });
  return { commit, ref: updated };
}

/** A new branch at `from` (the default branch when not given), as the git data API makes one. */
async function createBranch(ctx: DomainContext, args: Args, branch: string, from?: string) {
  const base =
    from || ((await rest(ctx, 'repos/get', { params: repoParams(args) })) as { default_branch: string }).default_branch;
  const ref = (await rest(ctx, 'git/get-ref', { params: { ...repoParams(args), ref: `heads/${base}` } })) as {
    object: { sha: string };
  };
  return rest(ctx, 'git/create-ref', {
    params: repoParams(args),
    body: { ref: `refs/heads/${branch}`, sha: ref.object.sha },
  });
}

/**
 * A file as github-mcp-server answers it: a line saying what was read (and `note`, when the ref
 * asked for was not the one read) and the file as an embedded resource named by the commit read.
 */
function fileResult(args: Args, at: ResolvedRef, file: { path: string; sha: string; content: string }, note: string) {
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

const isCommitDetail = (value: string): value is CommitDetail => (COMMIT_DETAILS as readonly string[]).includes(value);

export const repoTools: Record<string, ToolHandler> = {
  get_file_contents: async (ctx, args) => {
    const path = (text(args.path) ?? '').replace(/^\/+/, '');
    const ref = text(args.ref) ?? '';
    const { resolved, fallback } = await resolveGitReference(ctx, args, ref, text(args.sha) ?? '');
    const note = fallback
      ? ` Note: the provided ref '${ref}' does not exist, default branch '${resolved.Ref}' was used instead.`
      : '';
    const found = await callOperation(ctx, 'repos/get-content', {
      params: { ...repoParams(args), path: path.replace(/\/+$/, '') },
      query: { ref: resolved.SHA },
    });
    if (!found.ok) return matchFiles(ctx, args, resolved, path);
    if (Array.isArray(found.body)) return pick(found.body, args.fields);
    const entry = found.body as { type: string; path: string; sha: string; content?: string };
    if (entry.type !== 'file' || entry.content === undefined) return found.body;
    return new ToolContent(
      fileResult(args, resolved, { path: entry.path, sha: entry.sha, content: entry.content }, note),
    );
  },

  create_or_update_file: async (ctx, args) => {
    const path = String(args.path).replace(/^\/+/, '');
    const branch = String(args.branch);
    const sha = text(args.sha) ?? '';
    // As github-mcp-server, the file is looked at first, so that a missing or stale sha is
    // answered with how to get the current one rather than with the API's 409/422.
    const existing = await callOperation(ctx, 'repos/get-content', {
      params: { ...repoParams(args), path },
      query: { ref: branch },
    });
    if (!existing.ok && existing.status !== 404)
      throw new ToolError(`failed to ${sha ? 'verify file SHA' : 'check if file exists'}: ${apiErrorText(existing)}`);
    if (existing.ok && Array.isArray(existing.body))
      throw new ToolError(`Path ${path} is a directory, not a file. This tool only works with files.`);
    const current = existing.ok ? (existing.body as { sha: string }).sha : undefined;
    if (current !== undefined && !sha)
      throw new ToolError(
        `File already exists at ${path}. You must provide the current file's SHA when updating. Use git rev-parse ${branch}:${path} to get the blob SHA, then retry with the sha parameter.`,
      );
    if (current !== undefined && current !== sha)
      throw new ToolError(
        `SHA mismatch: provided SHA ${sha} is stale. Current file SHA is ${current}. Pull the latest changes and use git rev-parse ${branch}:${path} to get the current SHA.`,
      );
    return minimalFileResponse(
      await rest(
        ctx,
        'repos/create-or-update-file-contents',
        {
          params: { ...repoParams(args), path },
          body: {
            message: args.message,
            content: Buffer.from(String(args.content)).toString('base64'),
            branch,
            sha: sha || undefined,
          },
        },
        'create/update file',
      ),
    );
  },

  delete_file: async (ctx, args) => {
    const path = String(args.path).replace(/^\/+/, '');
    const { commit } = await commitTree(
      ctx,
      args,
      [{ path, mode: '100644', type: 'blob', sha: null }],
      String(args.message),
    );
    return { commit, content: null };
  },

  push_files: async (ctx, args) => {
    if (!Array.isArray(args.files))
      throw new ToolError('files parameter must be an array of objects with path and content');
    const entries = (args.files as Json[]).map((file) => {
      if (typeof file.path !== 'string' || file.path === '') throw new ToolError('each file must have a path');
      if (typeof file.content !== 'string') throw new ToolError('each file must have content');
      return { path: file.path, mode: '100644', type: 'blob', content: file.content };
    });
    // As github-mcp-server, a branch that does not exist yet is made from the default branch first.
    const branch = String(args.branch);
    const existing = await callOperation(ctx, 'git/get-ref', {
      params: { ...repoParams(args), ref: `heads/${branch}` },
    });
    if (!existing.ok && existing.status !== 404)
      throw new ToolError(`failed to get branch reference: ${apiErrorText(existing)}`);
    if (!existing.ok)
      await createBranch(ctx, args, branch).catch((error: unknown) => {
        if (error instanceof ToolError) throw new ToolError(`failed to create branch from default: ${error.message}`);
        throw error;
      });
    return (await commitTree(ctx, args, entries, String(args.message))).ref;
  },

  list_branches: async (ctx, args) =>
    (await restList(ctx, 'repos/list-branches', { params: repoParams(args), query: paging(args) })).map(minimalBranch),

  create_branch: (ctx, args) => createBranch(ctx, args, String(args.branch), text(args.from_branch)),

  list_commits: async (ctx, args) => {
    const commits = await restList(ctx, 'repos/list-commits', {
      params: repoParams(args),
      query: {
        sha: text(args.sha),
        author: text(args.author),
        path: text(args.path),
        since: text(args.since),
        until: text(args.until),
        ...paging(args),
      },
    });
    return pick(
      commits.map((commit) => minimalCommit(commit)),
      args.fields,
    );
  },

  get_commit: async (ctx, args) => {
    const detail = text(args.detail) || 'stats';
    if (!isCommitDetail(detail))
      throw new ToolError(
        `invalid detail "${detail}": must be one of ${COMMIT_DETAILS.map((d) => `"${d}"`).join(', ')}`,
      );
    return minimalCommit(
      await rest(ctx, 'repos/get-commit', {
        params: { ...repoParams(args), ref: String(args.sha) },
        query: paging(args),
      }),
      detail,
    );
  },

  list_tags: async (ctx, args) =>
    (await restList(ctx, 'repos/list-tags', { params: repoParams(args), query: paging(args) })).map(minimalTag),

  get_tag: async (ctx, args) => {
    const ref = (await rest(ctx, 'git/get-ref', {
      params: { ...repoParams(args), ref: `tags/${String(args.tag)}` },
    })) as { object: { sha: string; type: string } };
    // A lightweight tag points at a commit: GitHub has no tag object for it.
    if (ref.object.type !== 'tag') throw new ToolError('failed to get tag object: 404 Not Found');
    throw new ToolError('annotated tag objects are not implemented by the Archal GitHub clone');
  },

  list_releases: async (ctx, args) =>
    pick(
      (await restList(ctx, 'repos/list-releases', { params: repoParams(args), query: paging(args) })).map(
        minimalRelease,
      ),
      args.fields,
    ),

  get_latest_release: (ctx, args) => rest(ctx, 'repos/get-latest-release', { params: repoParams(args) }),

  get_release_by_tag: (ctx, args) =>
    rest(ctx, 'repos/get-release-by-tag', { params: { ...repoParams(args), tag: String(args.tag) } }),

  create_repository: async (ctx, args) => {
    const body = {
      name: args.name,
      description: args.description,
      private: args.private,
      auto_init: args.autoInit,
    };
    return minimalResponse(
      args.organization
        ? await rest(ctx, 'repos/create-in-org', { params: { org: String(args.organization) }, body })
        : await rest(ctx, 'repos/create-for-authenticated-user', { body }),
    );
  },

  fork_repository: async (ctx, args) => {
    const forked = await restAccepted(
      ctx,
      'repos/create-fork',
      { params: repoParams(args), body: args.organization ? { organization: args.organization } : {} },
      'fork repository',
      'Fork is in progress',
    );
    return typeof forked === 'string' ? forked : minimalResponse(forked);
  },
};
