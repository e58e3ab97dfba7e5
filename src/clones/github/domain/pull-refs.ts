import { personAt } from '../git/format.js';
import { mergeTrees } from '../git/merge.js';
import type { CloneCore } from '../core.js';
import type { PullRecord, RepoRecord } from '../state/model.js';
import { effectiveBase } from '../state/pull-stats.js';

const PREFIX = 'refs/pull/';

/**
 * The refs GitHub keeps for pull requests, brought up to date before git serves a fetch:
 * `refs/pull/N/head` (the head commit, kept after the pull request closes) and, while it is open
 * and mergeable, `refs/pull/N/merge` (a merge of the head into the base). The merge commits are
 * cached by base and head, so an unchanged pull request costs no git process.
 */
export async function syncPullRefs(core: CloneCore, repo: RepoRecord): Promise<void> {
  const wanted = new Map<string, string>();
  for (const pull of core.store.where('pull', `repo:${repo.id}`)) {
    wanted.set(`${PREFIX}${pull.number}/head`, pull.headSha);
    const merge = await mergeRef(core, repo, pull);
    if (merge) wanted.set(`${PREFIX}${pull.number}/merge`, merge);
  }
  const current = repo.git.refs.list(PREFIX);
  // Concurrent fetches may race here: compare-and-swap makes the loser's update a no-op.
  for (const [ref, sha] of wanted)
    if (current.get(ref) !== sha) repo.git.refs.update(ref, sha, current.get(ref) ?? null);
  for (const [ref, sha] of current) if (!wanted.has(ref)) repo.git.refs.update(ref, null, sha);
}

async function mergeRef(core: CloneCore, repo: RepoRecord, pull: PullRecord): Promise<string | undefined> {
  const issue = core.store.get('issue', pull.issueId);
  if (issue?.state !== 'open') return undefined;
  const base = effectiveBase(repo, pull, true);
  const key = `pull-merge:${repo.git.gitDir}:${base}:${pull.headSha}`;
  const cached = core.cache.get(key) as { sha: string | null } | undefined;
  if (cached) return cached.sha ?? undefined;
  const merged = await mergeTrees(repo.git, base, pull.headSha);
  let sha: string | null = null;
  if (merged.kind === 'clean') {
    // Dated by the head commit, so the same base and head always make the same merge commit.
    const head = repo.git.readCommit(pull.headSha);
    const when = new Date((head?.committer.seconds ?? 0) * 1000);
    const github = personAt('GitHub', 'noreply@github.com', when);
    sha = repo.git.writeCommit({
      tree: merged.tree,
      parents: [base, pull.headSha],
      author: github,
      committer: github,
      message: `Merge ${pull.headSha} into ${base}\n`,
    });
  }
  core.cache.set(key, { sha });
  return sha ?? undefined;
}
