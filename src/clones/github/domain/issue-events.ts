import type { IssueEventRecord, IssueRecord, RepoRecord } from '../state/model.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';

/** Records an issue event (`closed`, `labeled`…) on the issue's timeline. */
export function addIssueEvent(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  event: string,
  extra: Partial<Omit<IssueEventRecord, 'id' | 'repoId' | 'issueId' | 'event'>> = {},
): IssueEventRecord {
  return ctx.store.insert(ctx.journal, 'event', {
    id: ctx.store.nextId('event'),
    repoId: repo.id,
    issueId: issue.id,
    actorId: extra.actorId ?? actingUser(ctx.actor)?.id ?? repo.ownerId,
    event,
    createdAt: ctx.now,
    commitId: null,
    ...extra,
  });
}

/** Any change to an issue or its comments moves its `updated_at`. */
export function touch(ctx: DomainContext, issue: IssueRecord): void {
  ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
}
