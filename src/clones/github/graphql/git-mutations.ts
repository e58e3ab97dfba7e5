import { findRepo } from '../routes/lookup.js';
import { fullName } from '../render/repos.js';
import type { RepoRecord } from '../state/model.js';
import { gqlError, operation, type GraphqlContext } from './context.js';
import { commitObject, refObject } from './objects.js';
import { decodeNodeId } from './query.js';

type Input = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? (value as Input[]) : []);

function repoByNodeId(ctx: GraphqlContext, id: string) {
  const decoded = decodeNodeId(id);
  const repo = decoded?.type === 'Repository' ? ctx.domain.store.get('repo', decoded.id) : undefined;
  if (!repo) throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  return located(ctx, repo);
}

function located(ctx: GraphqlContext, repo: RepoRecord) {
  const [owner = '', name = ''] = fullName(ctx.domain, repo).split('/');
  return { repo, params: { owner, repo: name } };
}

/**
 * `createRef`, `createCommitOnBranch`: what agents and Actions use to commit without a clone of the
 * repository. Each runs the clone's git data REST operations, so permissions, push webhooks and
 * pull requests following their branch behave as for the REST calls.
 */
export const GIT_MUTATIONS: Record<string, (ctx: GraphqlContext, input: Input) => Promise<Record<string, unknown>>> = {
  async createRef(ctx, input) {
    const { repo, params } = repoByNodeId(ctx, String(input.repositoryId));
    const name = String(input.name);
    const oid = String(input.oid);
    await operation(ctx, 'git/create-ref', { params, body: { ref: name, sha: oid } });
    return { ref: refObject(ctx.domain, repo, name, oid) };
  },
  async createCommitOnBranch(ctx, input) {
    const branch = (input.branch ?? {}) as Input;
    const nameWithOwner = str(branch.repositoryNameWithOwner);
    const branchName = str(branch.branchName)?.replace(/^refs\/heads\//, '');
    if (!nameWithOwner || !branchName)
      throw gqlError(
        'UNPROCESSABLE',
        'createCommitOnBranch: give branch.repositoryNameWithOwner and branch.branchName (branch.id is not supported by the clone).',
      );
    const [owner = '', repoName = ''] = nameWithOwner.split('/');
    const found = findRepo(ctx.domain, owner, repoName);
    if (!found) throw gqlError('NOT_FOUND', `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
    const { repo, params } = located(ctx, found);
    const ref = (await operation(ctx, 'git/get-ref', { params: { ...params, ref: `heads/${branchName}` } }).catch(
      () => {
        throw gqlError('NOT_FOUND', `A ref named "refs/heads/${branchName}" does not exist in ${nameWithOwner}.`);
      },
    )) as { object: { sha: string } };
    const head = ref.object.sha;
    const expected = str(input.expectedHeadOid);
    if (expected !== head)
      throw gqlError(
        'STALE_DATA',
        `Expected branch to point to "${expected ?? ''}" but it did not. Pull and try again.`,
      );
    const headCommit = (await operation(ctx, 'git/get-commit', { params: { ...params, commit_sha: head } })) as {
      tree: { sha: string };
    };
    const changes = (input.fileChanges ?? {}) as Input;
    const tree: Array<Record<string, unknown>> = [];
    for (const addition of list(changes.additions)) {
      const blob = (await operation(ctx, 'git/create-blob', {
        params,
        body: { content: String(addition.contents ?? ''), encoding: 'base64' },
      })) as { sha: string };
      tree.push({ path: String(addition.path), mode: '100644', type: 'blob', sha: blob.sha });
    }
    for (const deletion of list(changes.deletions))
      tree.push({ path: String(deletion.path), mode: '100644', type: 'blob', sha: null });
    const newTree = (await operation(ctx, 'git/create-tree', {
      params,
      body: { base_tree: headCommit.tree.sha, tree },
    })) as { sha: string };
    const message = (input.message ?? {}) as Input;
    const body = str(message.body);
    const commit = (await operation(ctx, 'git/create-commit', {
      params,
      body: {
        message: body ? `${String(message.headline ?? '')}\n\n${body}` : String(message.headline ?? ''),
        tree: newTree.sha,
        parents: [head],
      },
    })) as { sha: string };
    await operation(ctx, 'git/update-ref', {
      params: { ...params, ref: `heads/${branchName}` },
      body: { sha: commit.sha, force: false },
    });
    return {
      commit: commitObject(ctx.domain, repo, commit.sha),
      ref: refObject(ctx.domain, repo, `refs/heads/${branchName}`, commit.sha),
    };
  },
};
