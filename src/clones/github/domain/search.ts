import type { IssueRecord, PullRecord } from '../state/model.js';
import type { Store } from '../state/store.js';
import { protectionOf } from '../state/teams.js';
import { rollupState } from '../state/check-rollup.js';
import { closingReferences } from './closing-references.js';

/** One term of a search query: free text, or `qualifier:value` (negated with a leading `-`). */
export type Term =
  | { kind: 'text'; value: string; negated: boolean }
  | { kind: 'qualifier'; key: string; value: string; negated: boolean };

/** The qualifiers of issue search; other searches name their own. */
export const ISSUE_QUALIFIERS: ReadonlySet<string> = new Set([
  'repo',
  'user',
  'org',
  'is',
  'type',
  'state',
  'label',
  'no',
  'author',
  'assignee',
  'mentions',
  'commenter',
  'involves',
  'review-requested',
  'reviewed-by',
  'milestone',
  'in',
  'created',
  'updated',
  'closed',
  'comments',
  'head',
  'base',
  'draft',
  'reason',
  'archived',
  // Orders the results (`sort:created-asc`), matches every issue.
  'sort',
  'review',
  'status',
  'linked',
]);

/**
 * The order a `sort:` qualifier asks for (`sort:updated-asc`, `sort:comments`: descending unless
 * `-asc`), which wins over the `sort` and `order` parameters, as on GitHub.
 */
export function sortQualifier(terms: readonly Term[]): { sort: string; order: 'asc' | 'desc' } | undefined {
  const term = terms.find((t) => t.kind === 'qualifier' && t.key === 'sort' && !t.negated);
  if (!term) return undefined;
  const match = /^(.+?)(?:-(asc|desc))?$/.exec(term.value.toLowerCase());
  return match ? { sort: match[1]!, order: match[2] === 'asc' ? 'asc' : 'desc' } : undefined;
}

/**
 * Splits `repo:a/b is:open label:"help wanted" -label:bug crash` into terms; `key:value` with a
 * key not in `known` is free text, as GitHub treats it.
 */
export function parseQuery(q: string, known: ReadonlySet<string> = ISSUE_QUALIFIERS): Term[] {
  const terms: Term[] = [];
  const re = /(-?)(?:([a-z-]+):)?(?:"([^"]*)"|(\S+))/gi;
  for (const match of q.matchAll(re)) {
    const negated = match[1] === '-';
    const key = match[2]?.toLowerCase();
    const value = match[3] ?? match[4] ?? '';
    if (key && known.has(key)) terms.push({ kind: 'qualifier', key, value, negated });
    else terms.push({ kind: 'text', value: key ? `${match[2]}:${value}` : value, negated });
  }
  return terms;
}

/** GitHub's 422 for a search scoped to a repository or account that does not exist or cannot be seen. */
export const UNSEARCHABLE_SCOPES =
  'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.';
export const UNSEARCHABLE_USERS =
  'The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.';

/** Whether validation errors are those of a search scoped to what does not exist or cannot be seen. */
export function isUnsearchableScope(errors: unknown[]): boolean {
  return errors.some((item) => {
    const message = (item as { message?: unknown } | null)?.message;
    return message === UNSEARCHABLE_SCOPES || message === UNSEARCHABLE_USERS;
  });
}

/** `>5`, `<=2024-01-01`, `2024-01-01..2024-02-01`, `3`: a predicate over numbers or times. */
export function range(spec: string, parse: (text: string) => number): (value: number) => boolean {
  const between = /^(.+)\.\.(.+)$/.exec(spec);
  if (between) {
    const low = between[1] === '*' ? -Infinity : parse(between[1]!);
    const high = between[2] === '*' ? Infinity : parse(between[2]!);
    return (value) => value >= low && value <= high;
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(spec)!;
  const bound = parse(op[2]!);
  switch (op[1]) {
    case '>':
      return (value) => value > bound;
    case '>=':
      return (value) => value >= bound;
    case '<':
      return (value) => value < bound;
    case '<=':
      return (value) => value <= bound;
    default:
      return (value) => value === bound;
  }
}

export interface SearchContext {
  store: Store;
  /** Whether the searcher may read this repository. */
  canRead: (repoId: number) => boolean;
  /** The searcher's login, what `@me` stands for in user qualifiers; `@me` matches nobody without one. */
  me?: string;
}

/** The qualifiers whose value is a login, where `@me` names the searcher. */
const USER_QUALIFIERS: ReadonlySet<string> = new Set([
  'author',
  'assignee',
  'mentions',
  'commenter',
  'involves',
  'review-requested',
  'reviewed-by',
]);

export interface SearchHit {
  issue: IssueRecord;
  score: number;
}

/** GitHub's issue search over the issues and pull requests the searcher can see. */
export function searchIssues(ctx: SearchContext, terms: Term[]): SearchHit[] {
  const { store } = ctx;
  const groups = orGroups(terms);
  const qualifiers = terms.filter((t): t is Extract<Term, { kind: 'qualifier' }> => t.kind === 'qualifier');
  const inFields = qualifiers.find((q) => q.key === 'in')?.value.split(',') ?? ['title', 'body', 'comments'];
  const login = (id: number | null) => (id === null ? undefined : store.get('user', id)?.login.toLowerCase());
  const repoName = (repoId: number) => {
    const repo = store.get('repo', repoId)!;
    return `${login(repo.ownerId)}/${repo.name.toLowerCase()}`;
  };
  const timeOf = (text: string) => Date.parse(text);

  const me = ctx.me?.toLowerCase();
  const matches = (issue: IssueRecord, q: Extract<Term, { kind: 'qualifier' }>): boolean => {
    const given = q.value.toLowerCase();
    const value = given === '@me' && USER_QUALIFIERS.has(q.key) ? me : given;
    if (value === undefined) return false;
    const pull = issue.pullId ? store.get('pull', issue.pullId) : undefined;
    const labels = issue.labelIds.map((id) => store.get('label', id)?.name.toLowerCase());
    switch (q.key) {
      case 'repo':
        return repoName(issue.repoId) === value;
      case 'user':
      case 'org':
        return repoName(issue.repoId).split('/')[0] === value;
      case 'is':
      case 'type':
      case 'state':
      case 'draft':
        return isQualifier(issue, pull, q.key === 'draft' ? (value === 'true' ? 'draft' : 'ready') : value);
      case 'label':
        return value.split(',').some((name) => labels.includes(name));
      case 'no':
        return value === 'label'
          ? labels.length === 0
          : value === 'assignee'
            ? issue.assigneeIds.length === 0
            : value === 'milestone'
              ? issue.milestoneId === null
              : false;
      case 'author':
        return login(issue.userId) === value;
      case 'assignee':
        return issue.assigneeIds.some((id) => login(id) === value);
      case 'mentions':
        return `${issue.body ?? ''}`.toLowerCase().includes(`@${value}`);
      case 'commenter':
        return store.where('comment', `issue:${issue.id}`).some((c) => login(c.userId) === value);
      case 'involves':
        return (
          login(issue.userId) === value ||
          issue.assigneeIds.some((id) => login(id) === value) ||
          store.where('comment', `issue:${issue.id}`).some((c) => login(c.userId) === value)
        );
      case 'review-requested':
        return pull !== undefined && pull.requestedReviewerIds.some((id) => login(id) === value);
      case 'reviewed-by':
        // A pending review is its author's draft: GitHub shows it to nobody else, nor counts it here.
        return (
          pull !== undefined &&
          store.where('review', `pull:${pull.id}`).some((r) => r.state !== 'PENDING' && login(r.userId) === value)
        );
      case 'milestone':
        return store.get('milestone', issue.milestoneId)?.title.toLowerCase() === value;
      case 'created':
        return range(q.value, timeOf)(timeOf(issue.createdAt));
      case 'updated':
        return range(q.value, timeOf)(timeOf(issue.updatedAt));
      case 'closed':
        return issue.closedAt !== null && range(q.value, timeOf)(timeOf(issue.closedAt));
      case 'comments':
        return range(q.value, Number)(store.countWhere('comment', `issue:${issue.id}`));
      case 'head':
        return pull?.headRef.toLowerCase() === value;
      case 'base':
        return pull?.baseRef.toLowerCase() === value;
      case 'reason':
        return (issue.stateReason ?? '').replace('_', ' ') === value.replace('_', ' ').replace(/"/g, '');
      case 'archived':
        return store.get('repo', issue.repoId)?.archived === (value === 'true');
      case 'review':
        return pull !== undefined && reviewMatches(store, pull, value);
      case 'status': {
        const state = pull ? rollupState(store, issue.repoId, pull.headSha) : null;
        return state !== null && (value === 'failure' ? ['FAILURE', 'ERROR'] : [value.toUpperCase()]).includes(state);
      }
      case 'linked':
        return value === (pull ? 'issue' : 'pr') && isLinked(store, issue);
      case 'in':
        return true;
      default:
        return true;
    }
  };

  const hits: SearchHit[] = [];
  for (const issue of store.all('issue')) {
    if (!ctx.canRead(issue.repoId)) continue;
    const haystacks: Array<[string, number]> = [];
    if (inFields.includes('title')) haystacks.push([issue.title.toLowerCase(), 2]);
    if (inFields.includes('body')) haystacks.push([(issue.body ?? '').toLowerCase(), 1]);
    if (inFields.includes('comments'))
      for (const comment of store.where('comment', `issue:${issue.id}`))
        haystacks.push([comment.body.toLowerCase(), 0.5]);
    // A term passes when it matches (or, negated, does not); a group of terms joined by OR when one does.
    let score = 1;
    const passes = (term: Term): boolean => {
      if (term.kind === 'qualifier') return matches(issue, term) !== term.negated;
      const needle = term.value.toLowerCase();
      const weight = haystacks.reduce((sum, [hay, w]) => sum + (hay.includes(needle) ? w : 0), 0);
      if (weight > 0 === term.negated) return false;
      score += weight;
      return true;
    };
    if (groups.every((group) => group.filter(passes).length > 0)) hits.push({ issue, score });
  }
  return hits;
}

/**
 * The terms as groups that must all pass: terms joined by `OR` form one group (any of them
 * passes it), every other term is a group of its own (`AND`, the default). Empty text is dropped.
 */
function orGroups(terms: readonly Term[]): Term[][] {
  const groups: Term[][] = [];
  let joining = false;
  for (const term of terms) {
    if (term.kind === 'text' && !term.negated && term.value === 'OR') {
      joining = groups.length > 0;
      continue;
    }
    if (term.kind === 'text' && (term.value === '' || (!term.negated && term.value === 'AND'))) continue;
    if (joining) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    joining = false;
  }
  return groups;
}

/**
 * `review:none|approved|changes_requested|required`: no submitted review; the decision of the
 * latest approving or blocking review of each reviewer; not yet approved while the base branch's
 * protection requires approving reviews.
 */
function reviewMatches(store: Store, pull: PullRecord, value: string): boolean {
  const submitted = store.where('review', `pull:${pull.id}`).filter((review) => review.state !== 'PENDING');
  const latest = new Map<number, string>();
  for (const review of submitted.sort((a, b) => a.id - b.id))
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED') latest.set(review.userId, review.state);
  const decision = [...latest.values()].includes('CHANGES_REQUESTED')
    ? 'changes_requested'
    : [...latest.values()].includes('APPROVED')
      ? 'approved'
      : null;
  switch (value) {
    case 'none':
      return submitted.length === 0;
    case 'approved':
    case 'changes_requested':
      return decision === value;
    case 'required': {
      const repo = store.get('repo', pull.repoId);
      const protection = repo ? protectionOf(store, repo, pull.baseRef) : undefined;
      return (protection?.requiredReviews ?? null) !== null && decision !== 'approved';
    }
    default:
      return false;
  }
}

/**
 * `linked:pr` / `linked:issue`: an issue that a pull request into its default branch closes with a
 * keyword, or such a pull request, as GitHub links them.
 */
function isLinked(store: Store, issue: IssueRecord): boolean {
  const closes = (pullIssue: IssueRecord) => {
    const pull = store.get('pull', pullIssue.pullId);
    const repo = store.get('repo', pullIssue.repoId);
    const owner = store.get('user', repo?.ownerId);
    if (!pull || !repo || !owner || pull.baseRef !== repo.defaultBranch) return [];
    return closingReferences(pullIssue.body ?? '', `${owner.login}/${repo.name}`).flatMap((reference) => {
      const [login = '', name = ''] = reference.repo.split('/');
      const target = store.repoByFullName(login, name);
      const found = target ? store.issueByNumber(target.id, reference.number) : undefined;
      return found && found.pullId === null ? [found] : [];
    });
  };
  if (issue.pullId !== null) return closes(issue).length > 0;
  for (const candidate of store.all('issue'))
    if (candidate.pullId !== null && closes(candidate).some((target) => target.id === issue.id)) return true;
  return false;
}

function isQualifier(
  issue: IssueRecord,
  pull: { merged: boolean; draft: boolean } | undefined,
  value: string,
): boolean {
  switch (value) {
    case 'issue':
      return !pull;
    case 'pr':
    case 'pull-request':
      return pull !== undefined;
    case 'open':
      return issue.state === 'open';
    case 'closed':
      return issue.state === 'closed';
    case 'merged':
      return pull?.merged === true;
    case 'unmerged':
      return pull !== undefined && !pull.merged && issue.state === 'closed';
    case 'draft':
      return pull?.draft === true;
    case 'ready':
      return pull !== undefined && !pull.draft;
    case 'locked':
      return issue.locked;
    case 'unlocked':
      return !issue.locked;
    default:
      return false;
  }
}
