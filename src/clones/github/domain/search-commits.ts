import type { Commit, Person } from '../git/format.js';
import { logCommits } from '../git/history.js';
import { userForEmail } from '../render/git.js';
import type { View } from '../render/view.js';
import type { RepoRecord } from '../state/model.js';
import { range, type Term } from './search.js';

export const COMMIT_QUALIFIERS: ReadonlySet<string> = new Set([
  'repo',
  'user',
  'org',
  'author',
  'committer',
  'author-name',
  'committer-name',
  'author-email',
  'committer-email',
  'author-date',
  'committer-date',
  'merge',
  'hash',
  'parent',
  'tree',
  'is',
]);

export interface CommitHit {
  repo: RepoRecord;
  sha: string;
  commit: Commit;
}

type Qualifier = Extract<Term, { kind: 'qualifier' }>;

/** A date qualifier's value (`2024-01-01`, `>=2024-01-01T10:00:00Z`) against a commit time in ms. */
const dateMatches = (spec: string, person: Person): boolean =>
  range(spec, (text) => Date.parse(text))(person.seconds * 1000);

function matches(view: View, repo: RepoRecord, sha: string, commit: Commit, q: Qualifier): boolean {
  const value = q.value.toLowerCase();
  const owner = view.store.get('user', repo.ownerId)?.login.toLowerCase() ?? '';
  switch (q.key) {
    case 'repo':
      return `${owner}/${repo.name.toLowerCase()}` === value;
    case 'user':
    case 'org':
      return owner === value;
    case 'author':
      return userForEmail(view, commit.author.email)?.login.toLowerCase() === value;
    case 'committer':
      return userForEmail(view, commit.committer.email)?.login.toLowerCase() === value;
    case 'author-name':
      return commit.author.name.toLowerCase().includes(value);
    case 'committer-name':
      return commit.committer.name.toLowerCase().includes(value);
    case 'author-email':
      return commit.author.email.toLowerCase() === value;
    case 'committer-email':
      return commit.committer.email.toLowerCase() === value;
    case 'author-date':
      return dateMatches(q.value, commit.author);
    case 'committer-date':
      return dateMatches(q.value, commit.committer);
    case 'merge':
      return commit.parents.length > 1 === (value === 'true');
    case 'hash':
      return sha.startsWith(value);
    case 'parent':
      return commit.parents.some((parent) => parent.startsWith(value));
    case 'tree':
      return commit.tree.startsWith(value);
    case 'is':
      return value === 'public' ? !repo.private : value === 'private' ? repo.private : true;
    default:
      return true;
  }
}

/**
 * Commit search as GitHub does it: the commits of the default branches of the repositories the
 * searcher can see (forks are not searched), whose message has every free-text term.
 */
export function searchCommits(
  view: View,
  canRead: (repo: RepoRecord) => boolean,
  terms: Term[],
): Array<{ item: CommitHit; score: number }> {
  const where = terms.filter((t): t is Qualifier => t.kind === 'qualifier');
  const needles = terms.filter((t) => t.kind === 'text' && t.value !== '');
  const hits: Array<{ item: CommitHit; score: number }> = [];
  for (const repo of view.store.all('repo')) {
    if (!canRead(repo) || repo.forkOf !== null) continue;
    const tip = repo.git.branch(repo.defaultBranch);
    if (!tip) continue;
    for (const { sha, commit } of logCommits(repo.git, [tip])) {
      if (!where.every((q) => matches(view, repo, sha, commit, q) !== q.negated)) continue;
      const message = commit.message.toLowerCase();
      if (!needles.every((term) => message.includes(term.value.toLowerCase()) !== term.negated)) continue;
      hits.push({ item: { repo, sha, commit }, score: 1 });
    }
  }
  return hits;
}
