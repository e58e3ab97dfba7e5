import * as z from 'zod';
import { createRelease, findRelease, latestRelease, updateRelease } from '../domain/releases.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';
import { renderRelease, renderTag } from '../render/releases.js';
import { notFound } from '../state/errors.js';
import { NEED } from '../state/permissions.js';
import { intParam, may, repoParam } from './lookup.js';

const releaseFields = {
  target_commitish: z.string().min(1).optional(),
  name: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  prerelease: z.boolean().optional(),
  make_latest: z.enum(['true', 'false', 'legacy']).optional(),
  generate_release_notes: z.boolean().optional(),
};
const createSchema = z.object({ tag_name: z.string().min(1), ...releaseFields });
const updateSchema = z.object({ tag_name: z.string().min(1).optional(), ...releaseFields });

export const releaseRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases',
    operationId: 'repos/list-releases',
    docs: 'releases/releases#list-releases',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      // Drafts are visible to those who may push, as on GitHub.
      const canWrite = may(ctx, repo, NEED.contentsWrite);
      const releases = ctx.store
        .where('release', `repo:${repo.id}`)
        .filter((release) => canWrite || !release.draft)
        .sort((a, b) => b.id - a.id);
      return okPage(ctx, releases, (release) => renderRelease(ctx, repo, release));
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/releases',
    operationId: 'repos/create-release',
    docs: 'releases/releases#create-a-release',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const release = await createRelease(ctx, repo, parseBody(ctx, createSchema));
      const body = renderRelease(ctx, repo, release);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/latest',
    operationId: 'repos/get-latest-release',
    docs: 'releases/releases#get-the-latest-release',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const release = latestRelease(ctx, repo);
      if (!release) throw notFound();
      return ok(renderRelease(ctx, repo, release));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/tags/{tag+}',
    operationId: 'repos/get-release-by-tag',
    docs: 'releases/releases#get-a-release-by-tag-name',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const release = ctx.store
        .where('release', `repo:${repo.id}`)
        .find((candidate) => candidate.tagName === ctx.params.tag && !candidate.draft);
      if (!release) throw notFound();
      return ok(renderRelease(ctx, repo, release));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/releases/{release_id}',
    operationId: 'repos/get-release',
    docs: 'releases/releases#get-a-release',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      return ok(renderRelease(ctx, repo, findRelease(ctx, repo, intParam(ctx, 'release_id'))));
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/releases/{release_id}',
    operationId: 'repos/update-release',
    docs: 'releases/releases#update-a-release',
    handler: async (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const release = findRelease(ctx, repo, intParam(ctx, 'release_id'));
      await updateRelease(ctx, repo, release, parseBody(ctx, updateSchema));
      return ok(renderRelease(ctx, repo, release));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/releases/{release_id}',
    operationId: 'repos/delete-release',
    docs: 'releases/releases#delete-a-release',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      // The tag stays, as on GitHub.
      ctx.store.remove(ctx.journal, 'release', findRelease(ctx, repo, intParam(ctx, 'release_id')));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/tags',
    operationId: 'repos/list-tags',
    docs: 'repos/repos#list-repository-tags',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const tags: Array<[string, string]> = [];
      for (const ref of repo.git.refs.list('refs/tags/').keys()) {
        const commit = repo.git.resolveCommit(ref);
        if (commit) tags.push([ref.slice(10), commit]);
      }
      // Newest version first, as GitHub orders tags.
      tags.sort(([a], [b]) => b.localeCompare(a, 'en', { numeric: true }));
      return okPage(ctx, tags, ([name, sha]) => renderTag(ctx, repo, name, sha));
    },
  },
];
