import { join } from 'node:path';
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
    nextNumber: 1,
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
