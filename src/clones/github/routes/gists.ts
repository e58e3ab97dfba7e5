import { createHash } from 'node:crypto';
import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderGist } from '../render/gists.js';
import { ApiError, notFound } from '../state/errors.js';
import type { GistRecord } from '../state/model.js';
import { userParam } from './lookup.js';
import { signedInUser } from './users.js';

// GitHub takes `public` as a boolean or as the strings "true"/"false".
const publicFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

const createSchema = z.object({
  description: z.string().nullable().optional(),
  public: publicFlag.optional(),
  files: z.record(z.string(), z.object({ content: z.string() })),
});

const updateSchema = z.object({
  description: z.string().nullable().optional(),
  files: z
    .record(
      z.string(),
      z.object({ content: z.string().optional(), filename: z.string().nullable().optional() }).nullable(),
    )
    .optional(),
});

/** GitHub's 422 for a gist whose files are missing or empty. */
function invalidFiles(): ApiError {
  return new ApiError(422, 'Validation Failed', {
    errors: [{ resource: 'Gist', code: 'missing_field', field: 'files' }],
  });
}

/** The gist `{gist_id}` names; anyone with its id may read it (secret gists are unlisted, not private). */
function gistParam(ctx: RequestContext): GistRecord {
  const [gist] = ctx.store.where('gist', `key:${ctx.params.gist_id ?? ''}`);
  if (!gist) throw notFound();
  return gist;
}

/** A gist the signed-in user owns; others get 404, as GitHub answers them. */
function ownGist(ctx: RequestContext): GistRecord {
  const user = signedInUser(ctx);
  const gist = gistParam(ctx);
  if (gist.ownerId !== user.id) throw notFound();
  return gist;
}

const newest = (gists: GistRecord[], since: string | null) =>
  gists
    .filter((gist) => !since || gist.updatedAt >= since)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));

export const gistRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/gists',
    operationId: 'gists/create',
    docs: 'gists/gists#create-a-gist',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const input = parseBody(ctx, createSchema);
      const files = Object.entries(input.files);
      if (files.length === 0 || files.some(([, file]) => file.content === '')) throw invalidFiles();
      const id = ctx.store.nextId('gist');
      const gist = ctx.store.insert(ctx.journal, 'gist', {
        id,
        key: createHash('sha1').update(`gist:${id}`).digest('hex').slice(0, 32),
        ownerId: user.id,
        description: input.description ?? null,
        public: input.public ?? false,
        files: new Map(files.map(([name, file]) => [name, file.content])),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const body = renderGist(ctx, gist);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/gists',
    operationId: 'gists/list',
    docs: 'gists/gists#list-gists-for-the-authenticated-user',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const gists = newest(ctx.store.where('gist', `owner:${user.id}`), ctx.query.get('since'));
      return okPage(ctx, gists, (gist) => renderGist(ctx, gist, false));
    },
  },
  {
    method: 'GET',
    path: '/gists/{gist_id}',
    operationId: 'gists/get',
    docs: 'gists/gists#get-a-gist',
    handler: (ctx) => ok(renderGist(ctx, gistParam(ctx))),
  },
  {
    method: 'PATCH',
    path: '/gists/{gist_id}',
    operationId: 'gists/update',
    docs: 'gists/gists#update-a-gist',
    handler: (ctx) => {
      const gist = ownGist(ctx);
      const input = parseBody(ctx, updateSchema);
      const files = new Map(gist.files);
      for (const [name, change] of Object.entries(input.files ?? {})) {
        // null deletes the file; `filename` renames it; `content` replaces its text.
        if (change === null || change.filename === null) {
          files.delete(name);
          continue;
        }
        const content = change.content ?? files.get(name);
        if (content === undefined) throw invalidFiles();
        files.delete(name);
        files.set(change.filename ?? name, content);
      }
      if (files.size === 0) throw invalidFiles();
      ctx.store.update(ctx.journal, 'gist', gist, {
        files,
        ...(input.description !== undefined ? { description: input.description } : {}),
        updatedAt: ctx.now,
      });
      return ok(renderGist(ctx, gist));
    },
  },
  {
    method: 'DELETE',
    path: '/gists/{gist_id}',
    operationId: 'gists/delete',
    docs: 'gists/gists#delete-a-gist',
    handler: (ctx) => {
      ctx.store.remove(ctx.journal, 'gist', ownGist(ctx));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/users/{username}/gists',
    operationId: 'gists/list-for-user',
    docs: 'gists/gists#list-gists-for-a-user',
    handler: (ctx) => {
      const user = userParam(ctx);
      const self = ctx.actor.kind === 'user' && ctx.actor.user.id === user.id;
      const gists = ctx.store.where('gist', `owner:${user.id}`).filter((gist) => gist.public || self);
      return okPage(ctx, newest(gists, ctx.query.get('since')), (gist) => renderGist(ctx, gist, false));
    },
  },
];
