import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderGistComment } from '../render/gists.js';
import { ApiError, notFound } from '../state/errors.js';
import type { GistCommentRecord, GistRecord } from '../state/model.js';
import { gistParam } from './gists.js';
import { signedInUser } from './users.js';

const bodySchema = z.object({ body: z.string() });

/** The comment body a request sends: GitHub refuses an empty one with a 422. */
function commentBody(ctx: RequestContext): string {
  const { body } = parseBody(ctx, bodySchema);
  if (body.trim() === '')
    throw new ApiError(422, 'Validation Failed', {
      errors: [{ resource: 'GistComment', code: 'missing_field', field: 'body' }],
    });
  return body;
}

/** The comment `{comment_id}` of the gist `{gist_id}` names. */
function commentParam(ctx: RequestContext): { gist: GistRecord; comment: GistCommentRecord } {
  const gist = gistParam(ctx);
  const comment = ctx.store.get('gistComment', Number(ctx.params.comment_id));
  if (!comment || comment.gistId !== gist.id) throw notFound();
  return { gist, comment };
}

export const gistCommentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/gists/{gist_id}/comments',
    operationId: 'gists/list-comments',
    docs: 'gists/comments#list-gist-comments',
    handler: (ctx) => {
      const gist = gistParam(ctx);
      const comments = ctx.store.where('gistComment', `gist:${gist.id}`).sort((a, b) => a.id - b.id);
      return okPage(ctx, comments, (comment) => renderGistComment(ctx, gist, comment));
    },
  },
  {
    method: 'POST',
    path: '/gists/{gist_id}/comments',
    operationId: 'gists/create-comment',
    docs: 'gists/comments#create-a-gist-comment',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const gist = gistParam(ctx);
      const comment = ctx.store.insert(ctx.journal, 'gistComment', {
        id: ctx.store.nextId('gistComment'),
        gistId: gist.id,
        userId: user.id,
        body: commentBody(ctx),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const body = renderGistComment(ctx, gist, comment);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/gists/{gist_id}/comments/{comment_id}',
    operationId: 'gists/get-comment',
    docs: 'gists/comments#get-a-gist-comment',
    handler: (ctx) => {
      const { gist, comment } = commentParam(ctx);
      return ok(renderGistComment(ctx, gist, comment));
    },
  },
  {
    method: 'PATCH',
    path: '/gists/{gist_id}/comments/{comment_id}',
    operationId: 'gists/update-comment',
    docs: 'gists/comments#update-a-gist-comment',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const { gist, comment } = commentParam(ctx);
      // Only its author edits a comment; others get 404, as GitHub answers them.
      if (comment.userId !== user.id) throw notFound();
      ctx.store.update(ctx.journal, 'gistComment', comment, { body: commentBody(ctx), updatedAt: ctx.now });
      return ok(renderGistComment(ctx, gist, comment));
    },
  },
  {
    method: 'DELETE',
    path: '/gists/{gist_id}/comments/{comment_id}',
    operationId: 'gists/delete-comment',
    docs: 'gists/comments#delete-a-gist-comment',
    handler: (ctx) => {
      const user = signedInUser(ctx);
      const { gist, comment } = commentParam(ctx);
      // Its author or the gist's owner may delete it.
      if (comment.userId !== user.id && gist.ownerId !== user.id) throw notFound();
      ctx.store.remove(ctx.journal, 'gistComment', comment);
      return noContent();
    },
  },
];
