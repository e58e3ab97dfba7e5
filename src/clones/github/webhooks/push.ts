import type { DomainContext } from '../domain/context.js';
import { diffCommits } from '../git/diff.js';
import { personDate } from '../git/format.js';
import { commitsBetween } from '../git/history.js';
import { fullName } from '../render/repos.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { emit } from './emit.js';

const ZERO = '0000000000000000000000000000000000000000';

export interface RefUpdate {
  ref: string;
  before: string | null;
  after: string | null;
}

/** The `push` event of one ref update, with up to 20 commits and their added/removed/modified files. */
export async function emitPush(
  ctx: DomainContext,
  repo: RepoRecord,
  update: RefUpdate,
  pusher: UserRecord,
  forced: boolean,
): Promise<void> {
  if (!ctx.core.webhooks.wants('push')) return;
  const git = repo.git;
  const name = fullName({ store: ctx.store, urls: ctx.core.urls }, repo);
  const web = ctx.core.urls.repoHtml(name);
  // A new branch lists the commits the default branch does not have, as GitHub does.
  const defaultTip = git.branch(repo.defaultBranch);
  const exclude = update.before ?? (update.ref === `refs/heads/${repo.defaultBranch}` ? ZERO : (defaultTip ?? ZERO));
  const shas = update.after ? commitsBetween(git, exclude, update.after) : [];
  const commits: Array<Record<string, unknown>> = [];
  for (const { sha, commit } of shas.slice(-20)) {
    const parent = commit.parents[0];
    const files = parent ? await diffCommits(git, parent, sha) : [];
    const gitUser = (person: typeof commit.author) => ({
      name: person.name,
      email: person.email,
      ...(userLogin(ctx, person.email) ? { username: userLogin(ctx, person.email) } : {}),
    });
    commits.push({
      id: sha,
      tree_id: commit.tree,
      distinct: true,
      message: commit.message.replace(/\n$/, ''),
      timestamp: personDate(commit.author),
      url: `${web}/commit/${sha}`,
      author: gitUser(commit.author),
      committer: gitUser(commit.committer),
      added: files.filter((f) => f.status === 'added').map((f) => f.filename),
      removed: files.filter((f) => f.status === 'removed').map((f) => f.filename),
      modified: files.filter((f) => f.status !== 'added' && f.status !== 'removed').map((f) => f.filename),
    });
  }
  const before = update.before ?? ZERO;
  const after = update.after ?? ZERO;
  emit(
    ctx,
    'push',
    repo,
    () => ({
      ref: update.ref,
      before,
      after,
      created: update.before === null,
      deleted: update.after === null,
      forced,
      base_ref: null,
      compare: `${web}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
      commits,
      head_commit: commits.at(-1) ?? null,
      pusher: { name: pusher.login, email: pusher.email ?? `${pusher.id}+${pusher.login}@users.noreply.github.com` },
    }),
    pusher,
  );
}

function userLogin(ctx: DomainContext, email: string): string | undefined {
  const noreply = /^\d+\+([^@]+)@users\.noreply\.github\.com$/.exec(email);
  if (noreply) return noreply[1];
  for (const user of ctx.store.all('user'))
    if (user.email && user.email.toLowerCase() === email.toLowerCase()) return user.login;
  return undefined;
}
