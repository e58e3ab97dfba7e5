import type { IssueRecord } from '../state/model.js';
import { reactionKey } from '../state/store.js';
import type { DomainContext } from './context.js';

/**
 * Deletes an issue as GitHub does (GraphQL's `deleteIssue`; REST has no such operation): the issue
 * with its comments, their reactions and its events. Its number is not given out again.
 */
export function deleteIssue(ctx: DomainContext, issue: IssueRecord): void {
  const { store, journal } = ctx;
  for (const comment of store.where('comment', `issue:${issue.id}`)) {
    for (const reaction of store.where('reaction', reactionKey({ kind: 'issue_comment', commentId: comment.id })))
      store.remove(journal, 'reaction', reaction);
    store.remove(journal, 'comment', comment);
  }
  for (const reaction of store.where('reaction', reactionKey({ kind: 'issue', issueId: issue.id })))
    store.remove(journal, 'reaction', reaction);
  for (const event of store.where('event', `issue:${issue.id}`)) store.remove(journal, 'event', event);
  store.remove(journal, 'issue', issue);
}
