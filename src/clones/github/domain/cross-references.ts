import { fullName } from '../render/repos.js';
import type { View } from '../render/view.js';
import type { IssueRecord, RepoRecord } from '../state/model.js';
import { authorize, NEED } from '../state/permissions.js';
import { closingReferences } from './closing-references.js';

export interface CrossReference {
  source: IssueRecord;
  sourceRepo: RepoRecord;
  /** When and by whom it was first mentioned (the body, or the first comment that mentions it). */
  at: string;
  by: number;
  /** The record of that first mention, for ordering it among others made in the same second. */
  record: object;
  /** A pull request into its default branch whose body closes the issue. */
  willClose: boolean;
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
 * The issues and pull requests (of repositories the viewer can read issues of) whose body or
 * comments mention `issue`, each once, at its first mention: GitHub's cross-references, which
 * REST's timeline (`cross-referenced`) and GraphQL's `CrossReferencedEvent` show.
 */
export function crossReferences(view: View, repo: RepoRecord, issue: IssueRecord): CrossReference[] {
  const target = fullName(view, repo);
  const found: CrossReference[] = [];
  for (const source of view.store.all('issue')) {
    if (source.id === issue.id) continue;
    const sourceRepo = view.store.get('repo', source.repoId);
    if (!sourceRepo || !readable(view, sourceRepo)) continue;
    const sourceName = fullName(view, sourceRepo);
    const texts = [
      { text: source.body ?? '', at: source.createdAt, by: source.userId, record: source as object },
      ...view.store
        .where('comment', `issue:${source.id}`)
        .map((comment) => ({ text: comment.body, at: comment.createdAt, by: comment.userId, record: comment })),
    ];
    const first = texts.find((entry) => mentions(entry.text, sourceName, target, issue.number));
    if (!first) continue;
    const pull = view.store.get('pull', source.pullId);
    const willClose =
      pull !== undefined &&
      pull.baseRef === sourceRepo.defaultBranch &&
      closingReferences(source.body ?? '', sourceName).some(
        (reference) => reference.repo === target.toLowerCase() && reference.number === issue.number,
      );
    found.push({ source, sourceRepo, at: first.at, by: first.by, record: first.record, willClose });
  }
  return found;
}

function readable(view: View, repo: RepoRecord): boolean {
  if (!view.actor) return !repo.private;
  try {
    authorize(view.store, view.actor, repo, NEED.issuesRead);
    return true;
  } catch {
    return false;
  }
}
