import { isTreeMode } from '../git/format.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import type { Store } from '../state/store.js';
import { range, type Term } from './search.js';

export const REPO_QUALIFIERS: ReadonlySet<string> = new Set([
  'user',
  'org',
  'repo',
  'in',
  'language',
  'topic',
  'is',
  'archived',
  'fork',
  'created',
  'pushed',
]);
export const USER_QUALIFIERS: ReadonlySet<string> = new Set(['type', 'in', 'repos', 'location', 'fullname', 'created']);
export const CODE_QUALIFIERS: ReadonlySet<string> = new Set([
  'repo',
  'user',
  'org',
  'path',
  'filename',
  'extension',
  'language',
  'in',
]);

type Qualifier = Extract<Term, { kind: 'qualifier' }>;
type Text = Extract<Term, { kind: 'text' }>;

const texts = (terms: Term[]) => terms.filter((t): t is Text => t.kind === 'text' && t.value !== '');
const qualifiers = (terms: Term[]) => terms.filter((t): t is Qualifier => t.kind === 'qualifier');
const time = (text: string) => Date.parse(text);

export interface Scored<T> {
  item: T;
  score: number;
}

/** How well `needles` match weighted `haystacks` (0: some needle is missing, or a negated one present). */
function textScore(needles: Text[], haystacks: Array<[string, number]>): number {
  let score = 1;
  for (const term of needles) {
    const needle = term.value.toLowerCase();
    const weight = haystacks.reduce((sum, [hay, w]) => sum + (hay.includes(needle) ? w : 0), 0);
    if (weight > 0 === term.negated) return 0;
    score += weight;
  }
  return score;
}

const ownerLogin = (store: Store, repo: RepoRecord) => store.get('user', repo.ownerId)?.login.toLowerCase() ?? '';

/** Repository search over the repositories the searcher can see. */
export function searchRepos(
  store: Store,
  canRead: (repo: RepoRecord) => boolean,
  terms: Term[],
): Array<Scored<RepoRecord>> {
  const where = qualifiers(terms);
  const inFields = where
    .find((q) => q.key === 'in')
    ?.value.toLowerCase()
    .split(',') ?? ['name', 'description', 'topics'];
  const matches = (repo: RepoRecord, q: Qualifier): boolean => {
    const value = q.value.toLowerCase();
    switch (q.key) {
      case 'user':
      case 'org':
        return ownerLogin(store, repo) === value;
      case 'repo':
        return `${ownerLogin(store, repo)}/${repo.name.toLowerCase()}` === value;
      case 'language':
        return (repo.language ?? '').toLowerCase() === value;
      case 'topic':
        return repo.topics.some((topic) => topic.toLowerCase() === value);
      case 'is':
        return value === 'public'
          ? !repo.private
          : value === 'private'
            ? repo.private
            : value === 'archived'
              ? repo.archived
              : true;
      case 'archived':
        return repo.archived === (value === 'true');
      case 'fork':
        return value === 'only' ? repo.forkOf !== null : value === 'true' ? true : repo.forkOf === null;
      case 'created':
        return range(q.value, time)(time(repo.createdAt));
      case 'pushed':
        return range(q.value, time)(time(repo.pushedAt));
      default:
        return true;
    }
  };
  const forkFilter = where.some((q) => q.key === 'fork');
  const hits: Array<Scored<RepoRecord>> = [];
  for (const repo of store.all('repo')) {
    if (!canRead(repo)) continue;
    // Forks are left out unless asked for, as GitHub does.
    if (!forkFilter && repo.forkOf !== null) continue;
    if (!where.every((q) => matches(repo, q) !== q.negated)) continue;
    const haystacks: Array<[string, number]> = [];
    if (inFields.includes('name')) haystacks.push([repo.name.toLowerCase(), 3]);
    if (inFields.includes('description')) haystacks.push([(repo.description ?? '').toLowerCase(), 1]);
    if (inFields.includes('topics')) haystacks.push([repo.topics.join(' ').toLowerCase(), 2]);
    const score = textScore(texts(terms), haystacks);
    if (score > 0) hits.push({ item: repo, score });
  }
  return hits;
}

/** User and organization search. */
export function searchUsers(store: Store, terms: Term[]): Array<Scored<UserRecord>> {
  const where = qualifiers(terms);
  const inFields = where
    .find((q) => q.key === 'in')
    ?.value.toLowerCase()
    .split(',') ?? ['login', 'name', 'email'];
  const matches = (user: UserRecord, q: Qualifier): boolean => {
    const value = q.value.toLowerCase();
    switch (q.key) {
      case 'type':
        return value === 'org' ? user.type === 'Organization' : value === 'user' ? user.type === 'User' : true;
      case 'repos':
        return range(q.value, Number)(store.countWhere('repo', `owner:${user.id}`));
      case 'location':
        return (user.location ?? '').toLowerCase().includes(value);
      case 'fullname':
        return (user.name ?? '').toLowerCase().includes(value);
      case 'created':
        return range(q.value, time)(time(user.createdAt));
      default:
        return true;
    }
  };
  const hits: Array<Scored<UserRecord>> = [];
  for (const user of store.all('user')) {
    if (user.type === 'Bot') continue;
    if (!where.every((q) => matches(user, q) !== q.negated)) continue;
    const haystacks: Array<[string, number]> = [];
    if (inFields.includes('login')) haystacks.push([user.login.toLowerCase(), 3]);
    if (inFields.includes('name')) haystacks.push([(user.name ?? '').toLowerCase(), 2]);
    if (inFields.includes('email')) haystacks.push([(user.email ?? '').toLowerCase(), 1]);
    const score = textScore(texts(terms), haystacks);
    if (score > 0) hits.push({ item: user, score });
  }
  return hits;
}

export interface CodeHit {
  repo: RepoRecord;
  commit: string;
  path: string;
  sha: string;
}

const LANGUAGE_EXTENSIONS: Record<string, string[]> = {
  javascript: ['js', 'mjs', 'cjs', 'jsx'],
  typescript: ['ts', 'tsx', 'mts', 'cts'],
  python: ['py'],
  go: ['go'],
  ruby: ['rb'],
  java: ['java'],
  rust: ['rs'],
  markdown: ['md', 'markdown'],
  json: ['json'],
  yaml: ['yml', 'yaml'],
  shell: ['sh', 'bash'],
  css: ['css'],
  html: ['html', 'htm'],
};
/** Files larger than this are not indexed (GitHub's limit is 384 KB). */
const MAX_INDEXED_BYTES = 384 * 1024;

/** Code search: files of the default branches whose content (or path, `in:path`) has every term. */
export function searchCode(
  store: Store,
  canRead: (repo: RepoRecord) => boolean,
  terms: Term[],
): Array<Scored<CodeHit>> {
  const where = qualifiers(terms);
  const inPath = where.some((q) => q.key === 'in' && q.value.toLowerCase().split(',').includes('path'));
  const inFile =
    !where.some((q) => q.key === 'in') ||
    where.some((q) => q.key === 'in' && q.value.toLowerCase().split(',').includes('file'));
  const REPO_LEVEL = ['repo', 'user', 'org'];
  const repoLevel = where.filter((q) => REPO_LEVEL.includes(q.key));
  const fileLevel = where.filter((q) => !REPO_LEVEL.includes(q.key) && q.key !== 'in');
  const repoMatches = (repo: RepoRecord, q: Qualifier): boolean => {
    const value = q.value.toLowerCase();
    if (q.key === 'repo') return `${ownerLogin(store, repo)}/${repo.name.toLowerCase()}` === value;
    return ownerLogin(store, repo) === value;
  };
  const fileMatches = (path: string, q: Qualifier): boolean => {
    const value = q.value.toLowerCase();
    const lower = path.toLowerCase();
    const name = lower.split('/').pop()!;
    const extension = name.includes('.') ? name.split('.').pop()! : '';
    switch (q.key) {
      case 'path':
        return lower.startsWith(value.replace(/^\/+/, '')) || lower.includes(`${value.replace(/^\/+|\/+$/g, '')}/`);
      case 'filename':
        return name === value;
      case 'extension':
        return extension === value.replace(/^\./, '');
      case 'language':
        return (LANGUAGE_EXTENSIONS[value] ?? [value]).includes(extension);
      default:
        return true;
    }
  };
  const needles = texts(terms);
  const hits: Array<Scored<CodeHit>> = [];
  for (const repo of store.all('repo')) {
    if (!canRead(repo) || repo.forkOf !== null) continue;
    if (!repoLevel.every((q) => repoMatches(repo, q) !== q.negated)) continue;
    const commit = repo.git.branch(repo.defaultBranch);
    const tree = commit ? repo.git.readCommit(commit)?.tree : undefined;
    if (!commit || !tree) continue;
    for (const file of files(repo, tree, '')) {
      if (!fileLevel.every((q) => fileMatches(file.path, q) !== q.negated)) continue;
      const haystacks: Array<[string, number]> = [];
      if (inPath) haystacks.push([file.path.toLowerCase(), 2]);
      if (inFile) {
        const data = repo.git.readBlob(file.sha);
        if (data && data.length <= MAX_INDEXED_BYTES && !data.includes(0))
          haystacks.push([data.toString('utf8').toLowerCase(), 1]);
      }
      const score = needles.length === 0 ? 1 : textScore(needles, haystacks);
      if (score > 0) hits.push({ item: { repo, commit, path: file.path, sha: file.sha }, score });
    }
  }
  return hits;
}

function* files(repo: RepoRecord, tree: string, prefix: string): Generator<{ path: string; sha: string }> {
  for (const entry of repo.git.readTree(tree) ?? []) {
    const path = `${prefix}${entry.name}`;
    if (isTreeMode(entry.mode)) yield* files(repo, entry.sha, `${path}/`);
    else if (entry.mode !== '160000') yield { path, sha: entry.sha };
  }
}

/** At most this many fragments per file, as GitHub shows a few snippets of a code search hit. */
const MAX_FRAGMENTS = 3;

/**
 * Code search's `text_matches` (the text-match media type) for a file: each line holding one of
 * `needles` (lowercase) is a fragment, with where each needle is in it.
 */
export function codeTextMatches(repo: RepoRecord, sha: string, needles: string[], objectUrl: string) {
  const data = repo.git.readBlob(sha);
  if (!data || data.includes(0) || needles.length === 0) return [];
  const fragments = [];
  for (const line of data.toString('utf8').split('\n')) {
    const lower = line.toLowerCase();
    const matches: Array<{ text: string; indices: [number, number] }> = [];
    for (const needle of needles)
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
        matches.push({ text: line.slice(at, at + needle.length), indices: [at, at + needle.length] });
    if (matches.length === 0) continue;
    matches.sort((a, b) => a.indices[0] - b.indices[0]);
    fragments.push({ object_url: objectUrl, object_type: 'FileContent', property: 'content', fragment: line, matches });
    if (fragments.length === MAX_FRAGMENTS) break;
  }
  return fragments;
}
