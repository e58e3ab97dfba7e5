import * as z from 'zod';
import { decodeBase64 } from '../state/base64.js';
import { changeFile } from '../domain/contents.js';
import { ok, type Reply, type RequestContext, type RouteSpec } from '../http/route.js';
import { normalizeRepoPath } from '../domain/paths.js';
import { isTreeMode } from '../git/format.js';
import { notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { renderDirEntry, renderFile } from '../render/contents.js';
import { renderGitCommit } from '../render/git.js';
import type { RepoRecord } from '../state/model.js';
import { repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';
import { resolveRevision } from '../domain/revision.js';

const identity = z.object({ name: z.string().min(1), email: z.string().min(1), date: z.string().optional() });
const putSchema = z.object({
  message: z.string().min(1),
  content: z.string(),
  sha: z.string().optional(),
  branch: z.string().min(1).optional(),
  committer: identity.optional(),
  author: identity.optional(),
});
const deleteSchema = z.object({
  message: z.string().min(1),
  sha: z.string(),
  branch: z.string().min(1).optional(),
  committer: identity.optional(),
  author: identity.optional(),
});

const wantsRaw = (ctx: RequestContext) => /vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ''));
const wantsObject = (ctx: RequestContext) => /vnd\.github(\.v3)?\.object/.test(String(ctx.headers.accept ?? ''));

function resolveRef(repo: RepoRecord, ref: string | null): { ref: string; sha: string } {
  const name = ref ?? repo.defaultBranch;
  const sha = resolveRevision(repo, name);
  if (!sha) {
    if (repo.git.branches().size === 0) throw notFound('This repository is empty.');
    throw notFound(`No commit found for the ref ${name}`);
  }
  return { ref: name, sha };
}

function getContent(ctx: RequestContext, repo: RepoRecord, path: string): Reply {
  const { ref, sha } = resolveRef(repo, ctx.query.get('ref'));
  const tree = repo.git.readCommit(sha)!.tree;
  const entry = repo.git.entryAt(tree, path);
  if (!entry) throw notFound();
  if (isTreeMode(entry.mode)) {
    const entries = (repo.git.readTree(entry.sha) ?? []).map((child) =>
      renderDirEntry(ctx, repo, path ? `${path}/${child.name}` : child.name, child, ref),
    );
    if (wantsObject(ctx)) return ok({ ...renderDirEntry(ctx, repo, path, entry, ref), type: 'dir', entries });
    return ok(entries);
  }
  if (wantsRaw(ctx)) {
    const data = repo.git.readBlob(entry.sha) ?? Buffer.alloc(0);
    return { kind: 'raw', status: 200, data, contentType: 'application/vnd.github.raw; charset=utf-8' };
  }
  return ok(renderFile(ctx, repo, path, entry, ref));
}

export const contentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contents/{path*}',
    operationId: 'repos/get-content',
    docs: 'repos/contents#get-repository-content',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      return getContent(ctx, repo, normalizeRepoPath(ctx.params.path ?? '', { allowRoot: true }));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/contents/{path+}',
    operationId: 'repos/create-or-update-file-contents',
    docs: 'repos/contents#create-or-update-file-contents',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const path = normalizeRepoPath(ctx.params.path!);
      const input = parseBody(ctx, putSchema);
      const data = decodeBase64(input.content);
      const result = await changeFile(ctx, repo, { ...input, path, data });
      const commit = repo.git.readCommit(result.commitSha)!;
      const entry = repo.git.entryAt(commit.tree, path)!;
      return {
        kind: 'json',
        status: result.created ? 201 : 200,
        body: {
          content: renderFile(ctx, repo, path, entry, result.branch),
          commit: renderGitCommit(ctx, repo, result.commitSha, commit),
        },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/contents/{path+}',
    operationId: 'repos/delete-file',
    docs: 'repos/contents#delete-a-file',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const path = normalizeRepoPath(ctx.params.path!);
      const input = parseBody(ctx, deleteSchema);
      const result = await changeFile(ctx, repo, { ...input, path, data: null });
      const commit = repo.git.readCommit(result.commitSha)!;
      return ok({ content: null, commit: renderGitCommit(ctx, repo, result.commitSha, commit) });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/readme',
    operationId: 'repos/get-readme',
    docs: 'repos/contents#get-a-repository-readme',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const { sha } = resolveRef(repo, ctx.query.get('ref'));
      const entries = repo.git.readTree(repo.git.readCommit(sha)!.tree) ?? [];
      const readme = entries.find((entry) => /^readme(\.|$)/i.test(entry.name) && !isTreeMode(entry.mode));
      if (!readme) throw notFound();
      return getContent(ctx, repo, readme.name);
    },
  },
];
