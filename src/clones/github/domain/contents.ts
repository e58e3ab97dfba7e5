import { isTreeMode, personAt, type Person } from '../git/format.js';
import { editTree, TreeEditError } from '../git/tree-edit.js';
import { ApiError, conflict, notFound } from '../state/errors.js';
import { identity } from '../state/identity.js';
import type { RepoRecord } from '../state/model.js';
import type { DomainContext } from './context.js';
import { moveRef, pusherOf, withRepoLock } from './git-write.js';

export interface GitIdentityInput {
  name: string;
  email: string;
  date?: string;
}

export interface FileChangeInput {
  path: string;
  /** New content, or null to delete the file. */
  data: Buffer | null;
  /** Blob SHA of the file being replaced (required to update or delete). */
  sha?: string;
  branch?: string;
  message: string;
  author?: GitIdentityInput;
  committer?: GitIdentityInput;
}

export interface FileChangeResult {
  commitSha: string;
  blobSha: string | null;
  created: boolean;
  branch: string;
}

function person(input: GitIdentityInput | undefined, fallback: { name: string; email: string }, now: string): Person {
  const date = input?.date ? new Date(input.date) : new Date(now);
  return personAt(
    input?.name ?? fallback.name,
    input?.email ?? fallback.email,
    Number.isNaN(date.getTime()) ? new Date(now) : date,
  );
}

/**
 * One commit changing one file on a branch, as the contents API makes it: a 422 without `sha`
 * when the file exists, a 409 when `sha` is stale, the ref moved only if nobody moved it meanwhile.
 */
export function changeFile(ctx: DomainContext, repo: RepoRecord, input: FileChangeInput): Promise<FileChangeResult> {
  return withRepoLock(ctx, repo, async () => {
    const git = repo.git;
    const branch = input.branch ?? repo.defaultBranch;
    const tip = git.branch(branch);
    const emptyRepo = git.branches().size === 0;
    if (!tip && !emptyRepo) throw notFound(`Branch ${branch} not found`);
    const parent = tip ? git.readCommit(tip) : undefined;
    const existing = parent ? git.entryAt(parent.tree, input.path) : undefined;
    if (existing && isTreeMode(existing.mode)) throw new ApiError(422, `${input.path} is a directory`);
    if (input.data === null && !existing) throw notFound();
    if (existing && input.sha === undefined)
      throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', {
        errors: [{ resource: 'Content', field: 'sha', code: 'missing_field' }],
      });
    if (existing && input.sha !== existing.sha) throw conflict(`${input.path} does not match ${input.sha}`);

    const blobSha = input.data === null ? null : git.writeBlob(input.data);
    let tree: string;
    try {
      tree = editTree(git, parent?.tree, [
        {
          path: input.path,
          entry: blobSha ? { mode: existing?.mode === '100755' ? '100755' : '100644', sha: blobSha } : null,
        },
      ]);
    } catch (error) {
      if (error instanceof TreeEditError) throw new ApiError(422, error.message);
      throw error;
    }
    const who = identity(pusherOf(ctx, repo));
    const committer = person(input.committer ?? input.author, who, ctx.now);
    const author = person(input.author ?? input.committer, who, ctx.now);
    const commitSha = git.writeCommit({
      tree,
      parents: tip ? [tip] : [],
      author,
      committer,
      message: input.message.endsWith('\n') ? input.message : `${input.message}\n`,
    });
    await moveRef(ctx, repo, `refs/heads/${branch}`, commitSha, tip ?? null);
    return { commitSha, blobSha, created: !existing, branch };
  });
}
