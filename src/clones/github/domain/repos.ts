import { join } from 'node:path';
import { runGit } from '../git/cli.js';
import { personAt } from '../git/format.js';
import { GitRepo, initBareRepo } from '../git/repo.js';
import { editTree } from '../git/tree-edit.js';
import { validationFailed } from '../state/errors.js';
import { identity } from '../state/identity.js';
import { DEFAULT_LABELS } from '../seed/defaults.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import type { DomainContext } from './context.js';

export interface CreateRepoInput {
  name: string;
  description?: string | null;
  homepage?: string | null;
  private?: boolean;
  visibility?: 'public' | 'private' | 'internal';
  has_issues?: boolean;
  has_projects?: boolean;
  has_wiki?: boolean;
  auto_init?: boolean;
  allow_squash_merge?: boolean;
  allow_merge_commit?: boolean;
  allow_rebase_merge?: boolean;
  delete_branch_on_merge?: boolean;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** A new repository with GitHub's default labels; `auto_init` makes the first commit (a README). */
export function createRepository(
  ctx: DomainContext,
  owner: UserRecord,
  creator: UserRecord,
  input: CreateRepoInput,
): RepoRecord {
  const name = input.name.trim();
  if (!NAME.test(name) || name === '.' || name === '..' || name.toLowerCase().endsWith('.git'))
    throw validationFailed([
      { resource: 'Repository', code: 'custom', field: 'name', message: 'name is not a valid repository name' },
    ]);
  const taken = ctx.store.repoNamed(owner.id, name) !== undefined;
  if (taken)
    throw validationFailed([
      { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
    ]);
  const id = ctx.store.nextId('repo');
  const gitDir = join(ctx.core.repositoriesDir, `${id}.git`);
  initBareRepo(gitDir, 'main');
  const git = new GitRepo(gitDir);
  const repo = ctx.store.insert(ctx.journal, 'repo', {
    id,
    ownerId: owner.id,
    name,
    description: input.description ?? null,
    homepage: input.homepage ?? null,
    private: input.private ?? input.visibility === 'private',
    defaultBranch: 'main',
    topics: [],
    language: null,
    archived: false,
    hasIssues: input.has_issues ?? true,
    hasProjects: input.has_projects ?? true,
    hasWiki: input.has_wiki ?? true,
    allowMergeCommit: input.allow_merge_commit ?? true,
    allowSquashMerge: input.allow_squash_merge ?? true,
    allowRebaseMerge: input.allow_rebase_merge ?? true,
    deleteBranchOnMerge: input.delete_branch_on_merge ?? false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    pushedAt: ctx.now,
    collaborators: new Map(),
    customRoles: new Map(),
    nextNumber: 1,
    forkOf: null,
    git,
  });
  for (const label of DEFAULT_LABELS)
    ctx.store.insert(ctx.journal, 'label', { id: ctx.store.nextId('label'), repoId: id, ...label, isDefault: true });
  if (input.auto_init) {
    const readme = `# ${name}\n${input.description ? `\n${input.description}\n` : ''}`;
    const tree = editTree(git, undefined, [
      { path: 'README.md', entry: { mode: '100644', sha: git.writeBlob(Buffer.from(readme)) } },
    ]);
    const who = identity(creator);
    const at = personAt(who.name, who.email, new Date(ctx.now));
    const sha = git.writeCommit({ tree, parents: [], author: at, committer: at, message: 'Initial commit\n' });
    git.refs.update('refs/heads/main', sha, null);
  }
  return repo;
}

export interface ForkInput {
  organization?: string;
  name?: string;
  default_branch_only?: boolean;
}

/**
 * A fork: a new repository of the actor (or of `organization`, where the actor is a member) with
 * the source's branches and tags (only the default branch with `default_branch_only`), copied by
 * git itself. Issues, pull requests and settings are not copied, as on GitHub. Forking again
 * returns the existing fork.
 */
export async function forkRepository(ctx: DomainContext, source: RepoRecord, actor: UserRecord, input: ForkInput) {
  let owner = actor;
  if (input.organization) {
    const org = ctx.store.userByLogin(input.organization);
    const membership = org ? ctx.store.get('org', org.id)?.members.get(actor.id) : undefined;
    if (!org || org.type !== 'Organization' || !membership)
      throw validationFailed([{ resource: 'Fork', code: 'invalid', field: 'organization', value: input.organization }]);
    owner = org;
  }
  const existing = ctx.store.where('repo', `owner:${owner.id}`).find((repo) => repo.forkOf === source.id);
  if (existing) return existing;
  if (owner.id === source.ownerId && !input.name)
    throw validationFailed([
      { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
    ]);
  const fork = createRepository(ctx, owner, actor, {
    name: input.name ?? source.name,
    description: source.description,
    homepage: source.homepage,
    private: source.private,
  });
  const refspecs = input.default_branch_only
    ? [`refs/heads/${source.defaultBranch}:refs/heads/${source.defaultBranch}`]
    : ['refs/heads/*:refs/heads/*', 'refs/tags/*:refs/tags/*'];
  const fetched = await runGit(fork.git.gitDir, ['fetch', '--quiet', '--no-tags', source.git.gitDir, ...refspecs]);
  if (fetched.code !== 0) throw new Error(`forking ${source.name}: git fetch failed: ${fetched.stderr.trim()}`);
  fork.git.refs.setHead(`refs/heads/${source.defaultBranch}`);
  ctx.store.update(ctx.journal, 'repo', fork, {
    forkOf: source.id,
    defaultBranch: source.defaultBranch,
    language: source.language,
    topics: [...source.topics],
  });
  return fork;
}
