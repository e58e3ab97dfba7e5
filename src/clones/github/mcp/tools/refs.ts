import type { DomainContext } from '../../domain/context.js';
import { callOperation } from '../../http/operations-call.js';
import { apiErrorText, repoParams, rest, ToolError, type Args } from './common.js';

/**
 * What get_file_contents reads at, as github-mcp-server resolves `ref` and `sha`: the full ref
 * (empty for a commit given by its sha) and the commit. The keys are spelled as it prints them.
 */
export interface ResolvedRef {
  Ref: string;
  SHA: string;
}

const looksLikeSha = (value: string) => /^[0-9a-fA-F]{40}$/.test(value);

/** The commit `ref` (`refs/…`) points at, or undefined when there is no such ref. */
async function refSha(ctx: DomainContext, args: Args, ref: string, what: string): Promise<string | undefined> {
  // The clone writes refs/pull/N/head only for git fetches: the pull request's head is that commit.
  const pullHead = /^refs\/pull\/(\d+)\/head$/.exec(ref);
  if (pullHead) {
    const pull = await callOperation(ctx, 'pulls/get', {
      params: { ...repoParams(args), pull_number: Number(pullHead[1]) },
    });
    return pull.ok ? (pull.body as { head: { sha: string } }).head.sha : undefined;
  }
  const result = await callOperation(ctx, 'git/get-ref', {
    params: { ...repoParams(args), ref: ref.replace(/^refs\//, '') },
  });
  if (result.ok) return (result.body as { object: { sha: string } }).object.sha;
  if (result.status === 404) return undefined;
  throw new ToolError(`failed to resolve git reference: ${what}: ${apiErrorText(result)}`);
}

async function defaultBranch(ctx: DomainContext, args: Args): Promise<ResolvedRef> {
  const repo = await callOperation(ctx, 'repos/get', { params: repoParams(args) });
  if (!repo.ok)
    throw new ToolError(`failed to resolve git reference: failed to get repository info: ${apiErrorText(repo)}`);
  const ref = `refs/heads/${(repo.body as { default_branch: string }).default_branch}`;
  const sha = await refSha(ctx, args, ref, 'failed to get default branch reference');
  if (!sha) throw new ToolError('failed to resolve git reference: failed to get default branch reference: Not Found');
  return { Ref: ref, SHA: sha };
}

/**
 * Resolves `ref`/`sha` as github-mcp-server does: a sha as is; no ref, the default branch; a short
 * name, a branch, else a tag; `main` that is neither, the default branch (`fallback` is then true,
 * and the tool's answer says so).
 */
export async function resolveGitReference(
  ctx: DomainContext,
  args: Args,
  ref: string,
  sha: string,
): Promise<{ resolved: ResolvedRef; fallback: boolean }> {
  if (sha) return { resolved: { Ref: '', SHA: sha }, fallback: false };
  if (looksLikeSha(ref)) return { resolved: { Ref: '', SHA: ref }, fallback: false };
  if (ref === '') return { resolved: await defaultBranch(ctx, args), fallback: false };
  if (!ref.startsWith('refs/') && !ref.startsWith('heads/') && !ref.startsWith('tags/')) {
    for (const full of [`refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const found = await refSha(ctx, args, full, `failed to get reference for '${ref}'`);
      if (found) return { resolved: { Ref: full, SHA: found }, fallback: false };
    }
    if (ref === 'main') return { resolved: await defaultBranch(ctx, args), fallback: true };
    throw new ToolError(`failed to resolve git reference: could not resolve ref "${ref}" as a branch or a tag`);
  }
  const full = ref.startsWith('refs/') ? ref : `refs/${ref}`;
  const found = await refSha(ctx, args, full, `failed to get final reference for "${full}"`);
  if (found) return { resolved: { Ref: full, SHA: found }, fallback: false };
  if (full === 'refs/heads/main') return { resolved: await defaultBranch(ctx, args), fallback: true };
  throw new ToolError(`failed to resolve git reference: failed to get final reference for "${full}": Not Found`);
}

/**
 * A path get_file_contents did not find: up to three paths of the tree at `resolved` that end with
 * it (only directories for a path ending in `/`), which github-mcp-server offers instead.
 */
export async function matchFiles(ctx: DomainContext, args: Args, resolved: ResolvedRef, path: string): Promise<string> {
  const tree = (await rest(
    ctx,
    'git/get-tree',
    { params: { ...repoParams(args), tree_sha: resolved.SHA }, query: { recursive: 1 } },
    'get git tree',
  )) as { tree: Array<{ path: string; type: string }> };
  const dirOnly = path.endsWith('/');
  const suffix = dirOnly ? path.slice(0, -1) : path;
  const matches: string[] = [];
  for (const entry of tree.tree) {
    if (matches.length === 3) break;
    if ((dirOnly && entry.type !== 'tree') || !entry.path || !entry.path.endsWith(suffix)) continue;
    matches.push(entry.type === 'tree' ? `${entry.path}/` : entry.path);
  }
  if (matches.length === 0)
    throw new ToolError(
      'Failed to get file contents. The path does not point to a file or directory, or the file does not exist in the repository.',
    );
  return `Resolved potential matches in the repository tree (resolved refs: ${JSON.stringify(resolved)}, matching files: ${JSON.stringify(matches)}).`;
}
