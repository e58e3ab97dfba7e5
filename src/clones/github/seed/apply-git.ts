import { personAt, type EntryMode } from '../git/format.js';
import { editTree, TreeEditError, type PathChange } from '../git/tree-edit.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { identity } from '../state/identity.js';
import type { SeedBuilder } from './builder.js';
import type { SeedCommit, SeedFiles, SeedRepo } from './schema.js';

const HOUR = 3_600_000;

/**
 * Writes a repository's seeded history: an initial commit with `files`, `commits` on the default
 * branch, then each branch. Returns the date of the newest commit (the repository's pushed_at).
 */
export function seedRepoContent(
  b: SeedBuilder,
  repo: RepoRecord,
  seed: SeedRepo,
  path: string,
  fallbackAuthor: UserRecord,
): Date {
  const created = new Date(repo.createdAt);
  let newest = created;
  const hasHistory = seed.files !== undefined || (seed.commits?.length ?? 0) > 0;
  if (!hasHistory) {
    if (seed.branches?.length)
      b.problem(`${path}.branches`, 'an empty repository (no files, no commits) has no branch to start from');
    return created;
  }

  const author = (login: string | undefined, at: string) => (login ? b.user(login, at) : undefined) ?? fallbackAuthor;
  const write = (parent: string | undefined, commit: SeedCommit, date: Date, at: string): string | undefined => {
    const parentTree = parent ? repo.git.readCommit(parent)?.tree : undefined;
    let tree: string;
    try {
      tree = editTree(repo.git, parentTree, fileChanges(repo, commit.files, parent === undefined));
    } catch (error) {
      if (error instanceof TreeEditError) {
        b.problem(`${at}.files`, error.message);
        return undefined;
      }
      throw error;
    }
    const who = identity(author(commit.author, `${at}.author`));
    if (date > newest) newest = date;
    return repo.git.writeCommit({
      tree,
      parents: parent ? [parent] : [],
      author: personAt(who.name, who.email, date),
      committer: personAt(who.name, who.email, date),
      message: commit.message.endsWith('\n') ? commit.message : `${commit.message}\n`,
    });
  };

  const initialDate = b.date(seed.initialCommit?.date, created);
  let tip = write(
    undefined,
    {
      message: seed.initialCommit?.message ?? 'Initial commit',
      author: seed.initialCommit?.author,
      files: seed.files ?? {},
    },
    initialDate,
    `${path}.initialCommit`,
  );
  let date = initialDate;
  seed.commits?.forEach((commit, i) => {
    date = b.date(commit.date, new Date(date.getTime() + HOUR));
    tip = write(tip, commit, date, `${path}.commits[${i}]`) ?? tip;
  });
  if (!tip) return newest;
  repo.git.refs.update(`refs/heads/${repo.defaultBranch}`, tip);

  seed.branches?.forEach((branch, i) => {
    const at = `${path}.branches[${i}]`;
    if (repo.git.branch(branch.name)) return b.problem(`${at}.name`, `duplicate branch "${branch.name}"`);
    const from = branch.from ?? repo.defaultBranch;
    let branchTip = resolveFrom(repo, from);
    if (!branchTip) return b.problem(`${at}.from`, `unknown branch "${from}" (branches are created in order)`);
    let branchDate = new Date(repo.git.readCommit(branchTip)!.committer.seconds * 1000);
    branch.commits?.forEach((commit, j) => {
      branchDate = b.date(commit.date, new Date(branchDate.getTime() + HOUR));
      branchTip = write(branchTip, commit, branchDate, `${at}.commits[${j}]`) ?? branchTip;
    });
    const result = repo.git.refs.update(`refs/heads/${branch.name}`, branchTip!, null);
    if (result.kind !== 'ok') b.problem(`${at}.name`, `cannot create branch "${branch.name}" (${result.kind})`);
  });
  return newest;
}

function fileChanges(repo: RepoRecord, files: SeedFiles, initial: boolean): PathChange[] {
  const changes: PathChange[] = [];
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      if (!initial) changes.push({ path, entry: null });
      continue;
    }
    const data =
      typeof content === 'string'
        ? Buffer.from(content, 'utf8')
        : Buffer.from(content.content, content.encoding === 'base64' ? 'base64' : 'utf8');
    const mode: EntryMode = typeof content === 'object' && content.executable ? '100755' : '100644';
    changes.push({ path, entry: { mode, sha: repo.git.writeBlob(data) } });
  }
  return changes;
}

/** `main`, or `main~2` (two first-parent commits back), as git writes it. */
function resolveFrom(repo: RepoRecord, from: string): string | undefined {
  const back = /^(.+)~(\d+)$/.exec(from);
  let sha = repo.git.branch(back ? back[1]! : from);
  for (let i = 0; sha && back && i < Number(back[2]); i++) sha = repo.git.readCommit(sha)?.parents[0];
  return sha;
}
