import type { DomainContext } from '../domain/context.js';
import { crossReferences } from '../domain/cross-references.js';
import { fullName } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type {
  CommentRecord,
  IssueEventRecord,
  IssueRecord,
  PullRecord,
  RepoRecord,
  ReviewRecord,
} from '../state/model.js';
import { connection, upper, type ConnectionArgs, type Gql } from './context.js';
import { actorById, commitObject, labelObject } from './objects.js';
import { teamObject } from './teams.js';

export type TimelineArgs = ConnectionArgs & { since?: string | null; itemTypes?: string[] | null };

/** The objects the timeline holds, built by graphql/issues.ts (handed in: it imports this module). */
export interface TimelineObjects {
  issueObject: (domain: DomainContext, repo: RepoRecord, issue: IssueRecord) => Gql;
  commentObject: (domain: DomainContext, repo: RepoRecord, comment: CommentRecord) => Gql;
  reviewObject: (domain: DomainContext, repo: RepoRecord, pull: PullRecord, review: ReviewRecord) => Gql;
}

interface Item {
  at: string;
  /** Breaks ties of `at` (a second's precision): when the record was made. */
  order: number;
  typename: string;
  node: () => Gql | null;
}

/** `labeled` → LabeledEvent, `head_ref_deleted` → HeadRefDeletedEvent; `renamed` is RenamedTitleEvent. */
function eventTypename(event: string): string {
  if (event === 'renamed') return 'RenamedTitleEvent';
  return `${event.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}Event`;
}

/** LabeledEvent → LABELED_EVENT, as `itemTypes` names the types. */
const itemType = (typename: string) => typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

function eventObject(
  domain: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  event: IssueEventRecord,
  { issueObject }: TimelineObjects,
): Gql {
  const typename = eventTypename(event.event);
  const base: Gql = {
    __typename: typename,
    id: nodeId(typename, event.id),
    databaseId: event.id,
    actor: () => actorById(domain, event.actorId),
    createdAt: event.createdAt,
  };
  switch (event.event) {
    case 'labeled':
    case 'unlabeled': {
      const label = domain.store.where('label', `repo:${repo.id}`).find((entry) => entry.name === event.label?.name);
      return {
        ...base,
        labelable: () => issueObject(domain, repo, issue),
        label: label
          ? labelObject(domain, repo, label)
          : { __typename: 'Label', name: event.label?.name ?? '', color: event.label?.color ?? '' },
      };
    }
    case 'assigned':
    case 'unassigned':
      return {
        ...base,
        assignable: () => issueObject(domain, repo, issue),
        assignee: () => actorById(domain, event.assigneeId),
        user: () => actorById(domain, event.assigneeId),
      };
    case 'closed':
      return {
        ...base,
        closable: () => issueObject(domain, repo, issue),
        stateReason: event.stateReason ? upper(event.stateReason) : null,
        closer: () => (event.commitId ? commitObject(domain, repo, event.commitId) : null),
      };
    case 'reopened':
      return {
        ...base,
        closable: () => issueObject(domain, repo, issue),
        stateReason: event.stateReason ? upper(event.stateReason) : null,
      };
    case 'milestoned':
    case 'demilestoned':
      return { ...base, milestoneTitle: event.milestone?.title ?? '', subject: () => issueObject(domain, repo, issue) };
    case 'renamed':
      return {
        ...base,
        previousTitle: event.rename?.from ?? '',
        currentTitle: event.rename?.to ?? '',
        subject: () => issueObject(domain, repo, issue),
      };
    case 'locked':
      return {
        ...base,
        lockReason: event.lockReason ? upper(event.lockReason) : null,
        lockable: () => issueObject(domain, repo, issue),
      };
    case 'unlocked':
      return { ...base, lockable: () => issueObject(domain, repo, issue) };
    case 'review_requested':
    case 'review_request_removed':
      return {
        ...base,
        pullRequest: () => issueObject(domain, repo, issue),
        requestedReviewer: () => {
          if (event.reviewerTeamId !== undefined) {
            const team = domain.store.get('team', event.reviewerTeamId);
            return team ? teamObject(domain, team) : null;
          }
          return actorById(domain, event.reviewerId);
        },
      };
    case 'merged': {
      const pull = domain.store.get('pull', issue.pullId);
      return {
        ...base,
        pullRequest: () => issueObject(domain, repo, issue),
        commit: () => (event.commitId ? commitObject(domain, repo, event.commitId) : null),
        mergeRefName: pull?.baseRef ?? '',
      };
    }
    default:
      // head_ref_deleted, base_ref_changed, convert_to_draft, ready_for_review: what they share.
      return { ...base, pullRequest: () => issueObject(domain, repo, issue) };
  }
}

/** The cross-references to `issue` as `CrossReferencedEvent`s. */
function crossReferenceItems(
  domain: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  { issueObject }: TimelineObjects,
): Item[] {
  const target = fullName(domain, repo);
  return crossReferences(domain, repo, issue).map((reference) => ({
    at: reference.at,
    order: domain.store.insertionOrder(reference.record),
    typename: 'CrossReferencedEvent',
    node: () => ({
      __typename: 'CrossReferencedEvent',
      id: nodeId('CrossReferencedEvent', reference.source.id * 100_000 + issue.id),
      actor: () => actorById(domain, reference.by),
      createdAt: reference.at,
      referencedAt: reference.at,
      isCrossRepository: reference.sourceRepo.id !== repo.id,
      willCloseTarget: reference.willClose,
      source: () => issueObject(domain, reference.sourceRepo, reference.source),
      target: () => issueObject(domain, repo, issue),
      url: `${domain.urls.repoHtml(target)}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#ref-${reference.source.pullId ? 'pullrequest' : 'issue'}-${reference.source.id}`,
      resourcePath: `/${target}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}`,
    }),
  }));
}

/**
 * `timelineItems` of an issue or pull request: its events, comments, reviews and the
 * cross-references to it, oldest first, filtered by `since` and `itemTypes` as GitHub filters
 * them. Event kinds the clone does not record (commits pushed, deployments…) never appear.
 */
export function timelineItems(
  domain: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  args: TimelineArgs,
  objects: TimelineObjects,
) {
  const { commentObject, reviewObject } = objects;
  const items: Item[] = [];
  for (const event of domain.store.where('event', `issue:${issue.id}`))
    items.push({
      at: event.createdAt,
      order: domain.store.insertionOrder(event),
      typename: eventTypename(event.event),
      node: () => eventObject(domain, repo, issue, event, objects),
    });
  for (const comment of domain.store.where('comment', `issue:${issue.id}`))
    items.push({
      at: comment.createdAt,
      order: domain.store.insertionOrder(comment),
      typename: 'IssueComment',
      node: () => commentObject(domain, repo, comment),
    });
  const pull = domain.store.get('pull', issue.pullId);
  if (pull)
    for (const review of domain.store.where('review', `pull:${pull.id}`)) {
      if (review.state === 'PENDING') continue;
      items.push({
        at: review.submittedAt ?? '',
        order: domain.store.insertionOrder(review),
        typename: 'PullRequestReview',
        node: () => reviewObject(domain, repo, pull, review),
      });
    }
  items.push(...crossReferenceItems(domain, repo, issue, objects));
  const wanted = args.itemTypes ? new Set(args.itemTypes) : undefined;
  const since = args.since ? Date.parse(args.since) : undefined;
  const kept = items
    .filter((item) => !wanted || wanted.has(itemType(item.typename)))
    .filter((item) => since === undefined || Date.parse(item.at) >= since)
    .sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
  const page = connection(kept, args, (item) => item.node(), 'timelineItems');
  return {
    ...page,
    __typename: issue.pullId ? 'PullRequestTimelineItemsConnection' : 'IssueTimelineItemsConnection',
    filteredCount: kept.length,
    pageCount: kept.length,
    updatedAt: issue.updatedAt,
  };
}
