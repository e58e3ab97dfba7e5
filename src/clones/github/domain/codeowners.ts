import type { GitRepo } from '../git/repo.js';
import type { RepoRecord } from '../state/model.js';
import type { Store } from '../state/store.js';
import { teamBySlug, teamMemberIds } from '../state/teams.js';

/**
 * CODEOWNERS, as GitHub reads it: the first of `.github/CODEOWNERS`, `CODEOWNERS`,
 * `docs/CODEOWNERS` on a branch; lines `<pattern> <owner>…` where the last matching line wins and an
 * owner is `@user`, `@org/team` or an e-mail address.
 */

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersRule {
  line: number;
  pattern: string;
  owners: string[];
  source: string;
}

export interface CodeownersFile {
  path: string;
  rules: CodeownersRule[];
}

export interface CodeownersError {
  line: number;
  column: number;
  source: string;
  kind: string;
  suggestion: string | null;
  message: string;
  path: string;
}

export function readCodeowners(git: GitRepo, ref: string): CodeownersFile | undefined {
  const sha = git.resolveCommit(ref);
  const commit = sha ? git.readCommit(sha) : undefined;
  if (!commit) return undefined;
  for (const path of CODEOWNERS_PATHS) {
    const entry = git.entryAt(commit.tree, path);
    const blob = entry ? git.readBlob(entry.sha) : undefined;
    if (blob) return { path, rules: parseCodeowners(blob.toString('utf8')) };
  }
  return undefined;
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const source = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!source) return;
    const [pattern, ...owners] = source.split(/\s+/);
    rules.push({ line: index + 1, pattern: pattern!, owners, source: raw });
  });
  return rules;
}

/** A gitignore-style pattern as a regular expression over repository paths. */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.startsWith('/') || pattern.replace(/\/$/, '').includes('/');
  const directory = pattern.endsWith('/');
  const body = pattern
    .replace(/^\//, '')
    .replace(/\/$/, '')
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**/' || part === '**') return '(?:.*/)?';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('')
    .replace(/\(\?:\.\*\/\)\?$/, '.*');
  // `docs/*` owns the files directly in docs/, not those further down.
  const tail = directory ? '/.*' : pattern.endsWith('/*') ? '' : '(?:/.*)?';
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}${tail}$`);
}

/** The owners of a path: those of the last rule that matches it (none when that rule lists none). */
export function ownersOf(file: CodeownersFile, path: string): string[] {
  let owners: string[] = [];
  for (const rule of file.rules) if (patternRegex(rule.pattern).test(path)) owners = rule.owners;
  return owners;
}

/** Whether a user is one of `owners` (directly, by e-mail, or as a member of an owning team). */
export function isOwner(store: Store, repo: RepoRecord, owners: readonly string[], userId: number): boolean {
  const user = store.get('user', userId);
  if (!user) return false;
  return owners.some((owner) => {
    if (owner.includes('@') && !owner.startsWith('@')) return user.email?.toLowerCase() === owner.toLowerCase();
    const name = owner.replace(/^@/, '');
    const slash = name.indexOf('/');
    if (slash === -1) return name.toLowerCase() === user.login.toLowerCase();
    const org = store.userByLogin(name.slice(0, slash));
    const team = org && org.id === repo.ownerId ? teamBySlug(store, org.id, name.slice(slash + 1)) : undefined;
    return team ? teamMemberIds(store, team).has(userId) : false;
  });
}

/** The problems GitHub reports for a CODEOWNERS file: owners that do not exist or cannot own. */
export function codeownersErrors(store: Store, repo: RepoRecord, file: CodeownersFile): CodeownersError[] {
  const errors: CodeownersError[] = [];
  for (const rule of file.rules) {
    for (const owner of rule.owners) {
      if (owner.includes('@') && !owner.startsWith('@')) continue;
      const name = owner.replace(/^@/, '');
      const slash = name.indexOf('/');
      const org = slash === -1 ? undefined : store.userByLogin(name.slice(0, slash));
      const valid = !owner.startsWith('@')
        ? false
        : slash === -1
          ? store.userByLogin(name) !== undefined
          : org !== undefined &&
            org.id === repo.ownerId &&
            teamBySlug(store, org.id, name.slice(slash + 1)) !== undefined;
      if (valid) continue;
      const column = rule.source.indexOf(owner) + 1;
      errors.push({
        line: rule.line,
        column,
        source: rule.source,
        kind: owner.startsWith('@') ? 'Unknown owner' : 'Invalid owner',
        suggestion: owner.startsWith('@') ? `make sure ${owner} exists and has write access to the repository` : null,
        message: `${owner.startsWith('@') ? 'Unknown owner' : 'Invalid owner'} on line ${rule.line}: ${owner.startsWith('@') ? `make sure ${owner} exists and has write access to the repository` : 'owners are @user, @org/team or an e-mail address'}\n\n  ${rule.source}\n  ${' '.repeat(Math.max(0, column - 1))}^`,
        path: file.path,
      });
    }
  }
  return errors;
}
