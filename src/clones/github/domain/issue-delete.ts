import type { IssueRecord } from '../state/model.js';
import { reactionKey } from '../state/store.js';
import { emitIssueEvent } from '../webhooks/payloads.js';
import type { DomainContext } from './context.js';

/**
 * Deletes an issue as GitHub does (GraphQL's `deleteIssue`; REST has no such operation): the issue
 * with its comments, their reactions and its events. Its number is not given out again, and reading
 * it answers 410 Gone. The `issues.deleted` webhook carries the issue as it was.
 */
export async function deleteIssue(ctx: DomainContext, issue: IssueRecord): Promise<void> {
  const { store, journal } = ctx;
  const repo = store.get('repo', issue.repoId);
  if (repo) await emitIssueEvent(ctx, repo, issue, 'deleted');
  for (const comment of store.where('comment', `issue:${issue.id}`)) {
    for (const reaction of store.where('reaction', reactionKey({ kind: 'issue_comment', commentId: comment.id })))
      store.remove(journal, 'reaction', reaction);
    store.remove(journal, 'comment', comment);
  }
  for (const reaction of store.where('reaction', reactionKey({ kind: 'issue', issueId: issue.id })))
    store.remove(journal, 'reaction', reaction);
  for (const event of store.where('event', `issue:${issue.id}`)) store.remove(journal, 'event', event);
  store.remove(journal, 'issue', issue);
  store.insert(journal, 'deletedIssue', {
    id: store.nextId('deletedIssue'),
    repoId: issue.repoId,
    number: issue.number,
    deletedAt: ctx.now,
  });
}
