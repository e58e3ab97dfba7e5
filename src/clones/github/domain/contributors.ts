import { logCommits } from '../git/history.js';
import { userForEmail } from '../render/git.js';
import type { View } from '../render/view.js';
import type { RepoRecord, UserRecord } from '../state/model.js';

export type Contributor =
  | { kind: 'user'; user: UserRecord; contributions: number }
  | { kind: 'anonymous'; name: string; email: string; contributions: number };

/**
 * Who wrote the commits of the default branch, most commits first: authors matched to accounts by
 * email as GitHub does; the others are anonymous (one per email), which GitHub lists only on request.
 */
export function repoContributors(view: View, repo: RepoRecord, includeAnonymous: boolean): Contributor[] {
  const tip = repo.git.branch(repo.defaultBranch);
  if (!tip) return [];
  const byKey = new Map<string, Contributor>();
  for (const { commit } of logCommits(repo.git, [tip])) {
    const user = userForEmail(view, commit.author.email);
    const key = user ? `user:${user.id}` : `email:${commit.author.email.toLowerCase()}`;
    const known = byKey.get(key);
    if (known) known.contributions++;
    else if (user) byKey.set(key, { kind: 'user', user, contributions: 1 });
    else byKey.set(key, { kind: 'anonymous', name: commit.author.name, email: commit.author.email, contributions: 1 });
  }
  return [...byKey.values()]
    .filter((entry) => includeAnonymous || entry.kind === 'user')
    .sort((a, b) => b.contributions - a.contributions || sortName(a).localeCompare(sortName(b)));
}

const sortName = (entry: Contributor): string => (entry.kind === 'user' ? entry.user.login : entry.email);
