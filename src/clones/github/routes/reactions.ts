import * as z from 'zod';
import { actingUser } from '../state/actor.js';
import { created, noContent, ok, type RequestContext } from '../http/route.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { okPage } from '../http/pagination.js';
import { renderReaction } from '../render/issues.js';
import { REACTION_CONTENTS, type ReactionRecord, type ReactionSubject, type RepoRecord } from '../state/model.js';
import { intParam } from './lookup.js';

/** Reactions to issues, issue comments and review comments: the same rules for each subject. */
const reactionSchema = z.object({ content: z.enum(REACTION_CONTENTS) });

export function listReactions(ctx: RequestContext, reactions: ReactionRecord[]) {
  const content = ctx.query.get('content');
  return okPage(
    ctx,
    reactions.filter((r) => !content || r.content === content).sort((a, b) => a.id - b.id),
    (r) => renderReaction(ctx, r),
  );
}

/** A user reacts at most once per content: a repeat returns the existing reaction with 200. */
export function react(ctx: RequestContext, repo: RepoRecord, subject: ReactionSubject, existing: ReactionRecord[]) {
  const { content } = parseBody(ctx, reactionSchema);
  const user = actingUser(ctx.actor)!;
  const same = existing.find((r) => r.userId === user.id && r.content === content);
  if (same) return ok(renderReaction(ctx, same));
  const reaction = ctx.store.insert(ctx.journal, 'reaction', {
    id: ctx.store.nextId('reaction'),
    repoId: repo.id,
    subject,
    userId: user.id,
    content,
    createdAt: ctx.now,
  });
  return created(renderReaction(ctx, reaction));
}

export function unreact(ctx: RequestContext, reactions: ReactionRecord[]) {
  const id = intParam(ctx, 'reaction_id');
  const reaction = reactions.find((r) => r.id === id);
  if (!reaction) throw notFound();
  const user = actingUser(ctx.actor);
  if (reaction.userId !== user?.id) throw new ApiError(403, 'You can only delete your own reactions.');
  ctx.store.remove(ctx.journal, 'reaction', reaction);
  return noContent();
}
