import { runGit } from '../git/cli.js';
import type { RepoRecord } from '../state/model.js';
import type { DomainContext } from './context.js';
import { resolveRevision } from './revision.js';

/** The first repository of the fork network `repo` belongs to. */
function networkRoot(ctx: DomainContext, repo: RepoRecord): RepoRecord {
  let root = repo;
  const seen = new Set<number>();
  while (root.forkOf !== null && !seen.has(root.id)) {
    seen.add(root.id);
    const parent = ctx.store.get('repo', root.forkOf);
    if (!parent) break;
    root = parent;
  }
  return root;
}

/** The repository of `owner` (named `name` when given) in `repo`'s fork network. */
function networkRepo(ctx: DomainContext, repo: RepoRecord, owner: string, name?: string): RepoRecord | undefined {
  const account = ctx.store.userByLogin(owner);
  if (!account) return undefined;
  if (account.id === repo.ownerId && (name === undefined || name.toLowerCase() === repo.name.toLowerCase()))
    return repo;
  const root = networkRoot(ctx, repo);
  return ctx.store
    .where('repo', `owner:${account.id}`)
    .filter((candidate) => name === undefined || candidate.name.toLowerCase() === name.toLowerCase())
    .find((candidate) => networkRoot(ctx, candidate).id === root.id);
}

/**
 * One side of `compare/{base}...{head}`: a ref or SHA of `repo`, or, as GitHub accepts them,
 * `owner:ref` and `owner:repo:ref` naming a repository of the same fork network. A commit of
 * another repository of the network is fetched into `repo`'s object database (no ref is made),
 * as GitHub's forks share their objects, so the comparison can walk both histories.
 */
export async function resolveCompareSide(
  ctx: DomainContext,
  repo: RepoRecord,
  spec: string,
): Promise<string | undefined> {
  const parts = spec.split(':');
  if (parts.length === 1) return resolveRevision(repo, spec);
  const [owner, name, ref] =
    parts.length === 2 ? [parts[0]!, undefined, parts[1]!] : [parts[0]!, parts[1], parts.slice(2).join(':')];
  const other = networkRepo(ctx, repo, owner, name);
  if (!other || !ref) return undefined;
  const sha = other.git.resolveCommit(ref);
  if (!sha || other === repo || repo.git.readCommit(sha)) return sha;
  const fetched = await runGit(repo.git.gitDir, [
    '-c',
    'uploadpack.allowAnySHA1InWant=true',
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-write-fetch-head',
    other.git.gitDir,
    sha,
  ]);
  if (fetched.code !== 0) throw new Error(`comparing across forks: git fetch failed: ${fetched.stderr.trim()}`);
  return sha;
}
