import { createHash } from 'node:crypto';
import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { created, json, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderGist } from '../render/gists.js';
import { ApiError, notFound } from '../state/errors.js';
import type { GistRecord, UserRecord } from '../state/model.js';
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
export function gistParam(ctx: RequestContext): GistRecord {
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

/** Stores a new gist of `owner`'s, its id GitHub-shaped (32 hex digits). */
function insertGist(
  ctx: RequestContext,
  owner: UserRecord,
  fields: Pick<GistRecord, 'description' | 'public' | 'files' | 'forkOfId'>,
): GistRecord {
  const id = ctx.store.nextId('gist');
  return ctx.store.insert(ctx.journal, 'gist', {
    id,
    key: createHash('sha1').update(`gist:${id}`).digest('hex').slice(0, 32),
    ownerId: owner.id,
    ...fields,
    starredBy: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/** `PUT`/`DELETE /gists/{gist_id}/star`: the signed-in user stars or unstars the gist (idempotent). */
function setStar(ctx: RequestContext, starred: boolean) {
  const user = signedInUser(ctx);
  const gist = gistParam(ctx);
  const others = gist.starredBy.filter((id) => id !== user.id);
  ctx.store.update(ctx.journal, 'gist', gist, { starredBy: starred ? [...others, user.id] : others });
  return noContent();
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
      const gist = insertGist(ctx, user, {
        description: input.description ?? null,
        public: input.public ?? false,
        files: new Map(files.map(([name, file]) => [name, file.content])),
        forkOfId: null,
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
      const gist = ownGist(ctx);
      // Its comments go with it; its forks stay, as gists of their own.
      for (const comment of ctx.store.where('gistComment', `gist:${gist.id}`))
        ctx.store.remove(ctx.journal, 'gistComment', comment);
      for (const fork of ctx.store.where('gist', `fork:${gist.id}`))
        ctx.store.update(ctx.journal, 'gist', fork, { forkOfId: null });
      ctx.store.remove(ctx.journal, 'gist', gist);
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/gists/{gist_id}/forks',
    operationId: 'gists/fork',
    docs: 'gists/gists#fork-a-gist',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const gist = gistParam(ctx);
      if (gist.ownerId === user.id)
        throw new ApiError(422, 'Validation Failed', {
          errors: [{ resource: 'Gist', code: 'custom', message: 'You cannot fork your own gist.' }],
        });
      const body = renderGist(
        ctx,
        insertGist(ctx, user, {
          description: gist.description,
          public: gist.public,
          files: new Map(gist.files),
          forkOfId: gist.id,
        }),
      );
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/gists/{gist_id}/forks',
    operationId: 'gists/list-forks',
    docs: 'gists/gists#list-gist-forks',
    handler: (ctx) => {
      const forks = ctx.store.where('gist', `fork:${gistParam(ctx).id}`).sort((a, b) => a.id - b.id);
      return okPage(ctx, forks, (fork) => renderGist(ctx, fork));
    },
  },
  {
    method: 'GET',
    path: '/gists/{gist_id}/star',
    operationId: 'gists/check-is-starred',
    docs: 'gists/gists#check-if-a-gist-is-starred',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      // "Not starred" is a 404 with an empty object, as the API describes it.
      return gistParam(ctx).starredBy.includes(user.id) ? noContent() : json(404, {});
    },
  },
  {
    method: 'PUT',
    path: '/gists/{gist_id}/star',
    operationId: 'gists/star',
    docs: 'gists/gists#star-a-gist',
    handler: (ctx) => setStar(ctx, true),
  },
  {
    method: 'DELETE',
    path: '/gists/{gist_id}/star',
    operationId: 'gists/unstar',
    docs: 'gists/gists#unstar-a-gist',
    handler: (ctx) => setStar(ctx, false),
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
