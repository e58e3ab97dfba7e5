import type { DomainContext } from '../domain/context.js';
import { closingReferences } from '../domain/closing-references.js';
import { fullName } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type { IssueEventRecord, IssueRecord, RepoRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { connection, upper, type ConnectionArgs, type Gql } from './context.js';
import { commentObject, issueObject, reviewObject } from './issues.js';
import { actorById, canSee, commitObject, labelObject } from './objects.js';
import { teamObject } from './teams.js';

export type TimelineArgs = ConnectionArgs & { since?: string | null; itemTypes?: string[] | null };

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

function eventObject(domain: DomainContext, repo: RepoRecord, issue: IssueRecord, event: IssueEventRecord): Gql {
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

/** `#N`, `owner/repo#N` and issue or pull request URLs in a text, as GitHub links mentions. */
function mentions(text: string, sourceRepo: string, targetRepo: string, number: number): boolean {
  const escaped = targetRepo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    `(?<![\\w/#-])${escaped}#${number}(?!\\d)`,
    `/${escaped}/(?:issues|pull)/${number}(?!\\d)`,
    ...(sourceRepo.toLowerCase() === targetRepo.toLowerCase() ? [`(?<![\\w/#-])#${number}(?!\\d)`] : []),
  ];
  return patterns.some((pattern) => new RegExp(pattern, 'i').test(text));
}

/**
 * Cross-references to `issue`: every other issue or pull request (of a repository the viewer can
 * see) whose body or comments mention it, once, at its first mention; `willCloseTarget` when it
 * is a pull request into its default branch whose body closes the issue.
 */
function crossReferences(domain: DomainContext, repo: RepoRecord, issue: IssueRecord): Item[] {
  const target = fullName(domain, repo);
  const items: Item[] = [];
  for (const source of domain.store.all('issue')) {
    if (source.id === issue.id) continue;
    const sourceRepo = domain.store.get('repo', source.repoId);
    if (!sourceRepo || !canSee(domain, sourceRepo, NEED.issuesRead)) continue;
    const sourceName = fullName(domain, sourceRepo);
    const texts = [
      { text: source.body ?? '', at: source.createdAt, by: source.userId, record: source as object },
      ...domain.store
        .where('comment', `issue:${source.id}`)
        .map((comment) => ({ text: comment.body, at: comment.createdAt, by: comment.userId, record: comment })),
    ];
    const first = texts.find((entry) => mentions(entry.text, sourceName, target, issue.number));
    if (!first) continue;
    const pull = domain.store.get('pull', source.pullId);
    const willClose =
      pull !== undefined &&
      pull.baseRef === sourceRepo.defaultBranch &&
      closingReferences(source.body ?? '', sourceName).some(
        (reference) => reference.repo === target.toLowerCase() && reference.number === issue.number,
      );
    items.push({
      at: first.at,
      order: domain.store.insertionOrder(first.record),
      typename: 'CrossReferencedEvent',
      node: () => ({
        __typename: 'CrossReferencedEvent',
        id: nodeId('CrossReferencedEvent', source.id * 100_000 + issue.id),
        actor: () => actorById(domain, first.by),
        createdAt: first.at,
        referencedAt: first.at,
        isCrossRepository: sourceRepo.id !== repo.id,
        willCloseTarget: willClose,
        source: () => issueObject(domain, sourceRepo, source),
        target: () => issueObject(domain, repo, issue),
        url: `${domain.urls.repoHtml(target)}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#ref-${source.pullId ? 'pullrequest' : 'issue'}-${source.id}`,
        resourcePath: `/${target}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}`,
      }),
    });
  }
  return items;
}

/**
 * `timelineItems` of an issue or pull request: its events, comments, reviews and the
 * cross-references to it, oldest first, filtered by `since` and `itemTypes` as GitHub filters
 * them. Event kinds the clone does not record (commits pushed, deployments…) never appear.
 */
export function timelineItems(domain: DomainContext, repo: RepoRecord, issue: IssueRecord, args: TimelineArgs) {
  const items: Item[] = [];
  for (const event of domain.store.where('event', `issue:${issue.id}`))
    items.push({
      at: event.createdAt,
      order: domain.store.insertionOrder(event),
      typename: eventTypename(event.event),
      node: () => eventObject(domain, repo, issue, event),
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
  items.push(...crossReferences(domain, repo, issue));
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
