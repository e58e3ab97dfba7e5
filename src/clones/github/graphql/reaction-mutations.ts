import type { ReactionRecord } from '../state/model.js';
import { fullName } from '../render/repos.js';
import { actingUser } from '../state/actor.js';
import { gqlError, operation, type Gql, type GraphqlContext } from './context.js';
import { REACTIONS, reactionGroups, reactionObject } from './issues.js';
import { requireNode } from './query.js';

type Input = Record<string, unknown>;

/** What a reaction mutation acts on: the REST path to its reactions and the key its reactions are kept under. */
interface Reactable {
  node: Gql;
  key: string;
  create: string;
  remove: string;
  params: Record<string, string | number>;
}

/**
 * The subject `subjectId` names: an issue, a pull request (its issue's reactions, as on GitHub) or
 * an issue comment the viewer can see; NOT_FOUND otherwise.
 */
function reactable(ctx: GraphqlContext, subjectId: string): Reactable {
  const node = requireNode(ctx, subjectId, 'Issue', 'PullRequest', 'IssueComment');
  const { store } = ctx.domain;
  const databaseId = node.databaseId as number;
  const issue =
    node.__typename === 'Issue'
      ? store.get('issue', databaseId)
      : node.__typename === 'PullRequest'
        ? store.get('issue', store.get('pull', databaseId)?.issueId)
        : undefined;
  const comment = node.__typename === 'IssueComment' ? store.get('comment', databaseId) : undefined;
  const repo = store.get('repo', issue?.repoId ?? comment?.repoId);
  if (!repo || (!issue && !comment))
    throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${subjectId}'`);
  const [owner = '', name = ''] = fullName(ctx.domain, repo).split('/');
  return issue
    ? {
        node,
        key: `issue:${issue.id}`,
        create: 'reactions/create-for-issue',
        remove: 'reactions/delete-for-issue',
        params: { owner, repo: name, issue_number: issue.number },
      }
    : {
        node,
        key: `comment:${comment!.id}`,
        create: 'reactions/create-for-issue-comment',
        remove: 'reactions/delete-for-issue-comment',
        params: { owner, repo: name, comment_id: comment!.id },
      };
}

/** GraphQL's `ReactionContent` (`THUMBS_UP`) as REST's content (`+1`). */
function restContent(value: unknown): string {
  const content = Object.entries(REACTIONS).find(([, graphql]) => graphql === value)?.[0];
  if (!content) throw gqlError('UNPROCESSABLE', `${String(value)} is not a valid reaction content.`);
  return content;
}

function payload(ctx: GraphqlContext, subject: Reactable, reaction: ReactionRecord | undefined) {
  return {
    reaction: reaction ? reactionObject(ctx.domain, reaction) : null,
    subject: subject.node,
    reactionGroups: () => reactionGroups(ctx.domain, subject.key),
  };
}

/**
 * `addReaction` and `removeReaction`, as bots acknowledge an issue or a comment: through the REST
 * reaction operations, so the rules (one reaction per user and content, only one's own removed) are theirs.
 */
export const REACTION_MUTATIONS = {
  async addReaction(ctx: GraphqlContext, input: Input) {
    const subject = reactable(ctx, String(input.subjectId));
    const created = (await operation(ctx, subject.create, {
      params: subject.params,
      body: { content: restContent(input.content) },
    })) as { id: number };
    return payload(ctx, subject, ctx.domain.store.get('reaction', created.id));
  },
  async removeReaction(ctx: GraphqlContext, input: Input) {
    const subject = reactable(ctx, String(input.subjectId));
    const content = restContent(input.content);
    const viewer = actingUser(ctx.domain.actor)?.id;
    const mine = ctx.domain.store
      .where('reaction', subject.key)
      .find((reaction) => reaction.userId === viewer && reaction.content === content);
    if (mine) await operation(ctx, subject.remove, { params: { ...subject.params, reaction_id: mine.id } });
    return payload(ctx, subject, mine);
  },
};
