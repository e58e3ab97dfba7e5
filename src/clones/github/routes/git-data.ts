import * as z from 'zod';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { moveRef, withRepoLock } from '../domain/git-write.js';
import { base64Lines, decodeBase64 } from '../state/base64.js';
import { normalizeRepoPath } from '../domain/paths.js';
import { personAt, isTreeMode, type EntryMode } from '../git/format.js';
import { isAncestor } from '../git/history.js';
import { isSha } from '../git/objects.js';
import { isValidRefName } from '../git/refs.js';
import { editTree, TreeEditError } from '../git/tree-edit.js';
import { identity } from '../state/identity.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { renderGitCommit, renderRef } from '../render/git.js';
import { fullName } from '../render/repos.js';
import type { RepoRecord } from '../state/model.js';
import { pusherOf } from '../domain/git-write.js';
import { repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';
import { resolveRevision } from '../domain/revision.js';

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const gitIdentity = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });

const createRefSchema = z.object({ ref: z.string().min(1), sha });
const updateRefSchema = z.object({ sha, force: z.boolean().optional() });
const createBlobSchema = z.object({ content: z.string(), encoding: z.enum(['utf-8', 'utf8', 'base64']).optional() });
const createCommitSchema = z.object({
  message: z.string(),
  tree: sha,
  parents: z.array(sha).optional(),
  author: gitIdentity.optional(),
  committer: gitIdentity.optional(),
});
const treeEntry = z.object({
  path: z.string().min(1),
  mode: z.enum(['100644', '100755', '040000', '160000', '120000']),
  type: z.enum(['blob', 'tree', 'commit']),
  sha: sha.nullable().optional(),
  content: z.string().optional(),
});
const createTreeSchema = z.object({ tree: z.array(treeEntry), base_tree: sha.optional() });

function typeOf(repo: RepoRecord, objectSha: string): string {
  return repo.git.objects.read(objectSha)?.type ?? 'commit';
}

function matching(ctx: RequestContext, repo: RepoRecord, prefix: string) {
  return [...repo.git.refs.list('refs/')]
    .filter(([ref]) => ref.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([ref, target]) => renderRef(ctx, repo, ref, target, typeOf(repo, target)));
}

function treeEntries(ctx: RequestContext, repo: RepoRecord, treeSha: string, recursive: boolean) {
  const repoUrl = ctx.urls.repo(fullName(ctx, repo));
  const out: Array<Record<string, unknown>> = [];
  const walk = (sha: string, prefix: string) => {
    for (const entry of repo.git.readTree(sha) ?? []) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      const isTree = isTreeMode(entry.mode);
      const type = isTree ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob';
      const size = type === 'blob' ? repo.git.readBlob(entry.sha)?.length : undefined;
      out.push({
        path,
        mode: isTree ? '040000' : entry.mode,
        type,
        sha: entry.sha,
        ...(size !== undefined ? { size } : {}),
        url: `${repoUrl}/git/${type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
      });
      if (isTree && recursive) walk(entry.sha, path);
    }
  };
  walk(treeSha, '');
  return out;
}

export const gitDataRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref+}',
    operationId: 'git/get-ref',
    docs: 'git/refs#get-a-reference',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      if (repo.git.branches().size === 0) throw new ApiError(409, 'Git Repository is empty.');
      const ref = `refs/${ctx.params.ref}`;
      const target = repo.git.refs.get(ref);
      if (!target) throw notFound();
      return ok(renderRef(ctx, repo, ref, target, typeOf(repo, target)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/matching-refs/{ref*}',
    operationId: 'git/list-matching-refs',
    docs: 'git/refs#list-matching-references',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      if (repo.git.branches().size === 0) throw new ApiError(409, 'Git Repository is empty.');
      return ok(matching(ctx, repo, `refs/${ctx.params.ref ?? ''}`));
    },
  },
  {
    // What get-a-reference and list-matching-references were before GitHub split them; PyGithub,
    // older SDKs and `gh api …/git/refs/heads/main` scripts still call it: one ref when the name is
    // a ref, else the refs it is a prefix of (all of them without a name), else 404.
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/refs/{ref*}',
    operationId: 'git/list-refs',
    docs: 'git/refs#get-a-reference',
    undocumented: true,
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      if (repo.git.branches().size === 0) throw new ApiError(409, 'Git Repository is empty.');
      const ref = ctx.params.ref ? `refs/${ctx.params.ref}` : 'refs/';
      const target = ctx.params.ref ? repo.git.refs.get(ref) : undefined;
      if (target) return ok(renderRef(ctx, repo, ref, target, typeOf(repo, target)));
      const refs = matching(ctx, repo, ref);
      if (refs.length === 0) throw notFound();
      return ok(refs);
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/refs',
    operationId: 'git/create-ref',
    docs: 'git/refs#create-a-reference',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const input = parseBody(ctx, createRefSchema);
      if (!input.ref.startsWith('refs/') || input.ref.split('/').length < 3 || !isValidRefName(input.ref))
        throw new ApiError(422, `${input.ref} is not a valid ref name.`);
      if (!repo.git.objects.has(input.sha)) throw new ApiError(422, 'Object does not exist');
      await withRepoLock(ctx, repo, async () => {
        if (repo.git.refs.get(input.ref)) throw new ApiError(422, 'Reference already exists');
        await moveRef(ctx, repo, input.ref, input.sha, null);
      });
      const body = renderRef(ctx, repo, input.ref, input.sha, typeOf(repo, input.sha));
      return created(body, { location: body.url });
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/git/refs/{ref+}',
    operationId: 'git/update-ref',
    docs: 'git/refs#update-a-reference',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const ref = `refs/${ctx.params.ref}`;
      const input = parseBody(ctx, updateRefSchema);
      await withRepoLock(ctx, repo, async () => {
        const current = repo.git.refs.get(ref);
        if (!current) throw new ApiError(422, 'Reference does not exist');
        if (!repo.git.readCommit(input.sha)) throw new ApiError(422, 'Object does not exist');
        if (!input.force && !isAncestor(repo.git, current, input.sha))
          throw new ApiError(422, 'Update is not a fast forward');
        await moveRef(ctx, repo, ref, input.sha, current);
      });
      return ok(renderRef(ctx, repo, ref, input.sha));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/git/refs/{ref+}',
    operationId: 'git/delete-ref',
    docs: 'git/refs#delete-a-reference',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const ref = `refs/${ctx.params.ref}`;
      await withRepoLock(ctx, repo, async () => {
        const current = repo.git.refs.get(ref);
        if (!current) throw new ApiError(422, 'Reference does not exist');
        if (ref === `refs/heads/${repo.defaultBranch}`) throw new ApiError(422, 'Cannot delete the default branch');
        await moveRef(ctx, repo, ref, null, current);
      });
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    operationId: 'git/get-commit',
    docs: 'git/commits#get-a-commit-object',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const commit = repo.git.readCommit(ctx.params.commit_sha!);
      if (!commit) throw notFound();
      return ok(renderGitCommit(ctx, repo, ctx.params.commit_sha!, commit));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/commits',
    operationId: 'git/create-commit',
    docs: 'git/commits#create-a-commit',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const input = parseBody(ctx, createCommitSchema);
      if (repo.git.objects.read(input.tree)?.type !== 'tree') throw new ApiError(422, 'Tree SHA does not exist');
      for (const parent of input.parents ?? [])
        if (!repo.git.readCommit(parent))
          throw new ApiError(422, 'Parent SHA does not exist or is not a commit object');
      const who = identity(pusherOf(ctx, repo));
      const person = (value: typeof input.author) =>
        personAt(value?.name ?? who.name, value?.email ?? who.email, new Date(value?.date ?? ctx.now));
      const commit = {
        tree: input.tree,
        parents: input.parents ?? [],
        author: person(input.author ?? input.committer),
        committer: person(input.committer ?? input.author),
        message: input.message,
      };
      const commitSha = repo.git.writeCommit(commit);
      const body = renderGitCommit(ctx, repo, commitSha, commit);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/trees/{tree_sha+}',
    operationId: 'git/get-tree',
    docs: 'git/trees#get-a-tree',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const requested = ctx.params.tree_sha!;
      let treeSha = isSha(requested) && repo.git.objects.read(requested)?.type === 'tree' ? requested : undefined;
      if (!treeSha) {
        const commitSha = resolveRevision(repo, requested);
        treeSha = commitSha ? repo.git.readCommit(commitSha)?.tree : undefined;
      }
      if (!treeSha) throw notFound();
      const recursive = ['1', 'true'].includes(ctx.query.get('recursive') ?? '');
      return ok({
        sha: treeSha,
        url: `${ctx.urls.repo(fullName(ctx, repo))}/git/trees/${treeSha}`,
        tree: treeEntries(ctx, repo, treeSha, recursive),
        truncated: false,
      });
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/trees',
    operationId: 'git/create-tree',
    docs: 'git/trees#create-a-tree',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const input = parseBody(ctx, createTreeSchema);
      if (input.base_tree && repo.git.objects.read(input.base_tree)?.type !== 'tree')
        throw new ApiError(422, 'base_tree is not a valid tree oid');
      const changes = input.tree.map((entry) => {
        const path = normalizeRepoPath(entry.path);
        if (entry.content !== undefined) {
          const blob = repo.git.writeBlob(Buffer.from(entry.content, 'utf8'));
          return { path, entry: { mode: entry.mode as EntryMode, sha: blob } };
        }
        if (entry.sha === null || entry.sha === undefined) return { path, entry: null };
        if (!repo.git.objects.has(entry.sha))
          throw new ApiError(422, `tree.sha ${entry.sha} is not a valid ${entry.type}`);
        const mode = (entry.mode === '040000' ? '40000' : entry.mode) as EntryMode;
        return { path, entry: { mode, sha: entry.sha } };
      });
      let treeSha: string;
      try {
        treeSha = editTree(repo.git, input.base_tree, changes);
      } catch (error) {
        if (error instanceof TreeEditError) throw new ApiError(422, error.message);
        throw error;
      }
      const body = {
        sha: treeSha,
        url: `${ctx.urls.repo(fullName(ctx, repo))}/git/trees/${treeSha}`,
        tree: treeEntries(ctx, repo, treeSha, false),
        truncated: false,
      };
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    operationId: 'git/get-blob',
    docs: 'git/blobs#get-a-blob',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const data = repo.git.readBlob(ctx.params.file_sha!);
      if (!data) throw notFound();
      if (/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? '')))
        return { kind: 'raw', status: 200, data, contentType: 'application/vnd.github.raw' };
      return ok({
        sha: ctx.params.file_sha,
        node_id: Buffer.from(`04:Blob${repo.id}:${ctx.params.file_sha}`).toString('base64'),
        size: data.length,
        url: `${ctx.urls.repo(fullName(ctx, repo))}/git/blobs/${ctx.params.file_sha}`,
        content: base64Lines(data),
        encoding: 'base64',
      });
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/blobs',
    operationId: 'git/create-blob',
    docs: 'git/blobs#create-a-blob',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const input = parseBody(ctx, createBlobSchema);
      const data = input.encoding === 'base64' ? decodeBase64(input.content) : Buffer.from(input.content, 'utf8');
      const blobSha = repo.git.writeBlob(data);
      const url = `${ctx.urls.repo(fullName(ctx, repo))}/git/blobs/${blobSha}`;
      return created({ url, sha: blobSha }, { location: url });
    },
  },
];
