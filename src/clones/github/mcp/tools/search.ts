import type { DomainContext } from '../../domain/context.js';
import { minimalCommit, minimalRepository, minimalUser } from '../minimal.js';
import { paging, pick, rest, text, type Args, type ToolHandler } from './common.js';

type Json = Record<string, unknown>;
type Found = { total_count: number; incomplete_results: boolean; items: Json[] };

/** GitHub's issue search scoped to issues or pull requests (and to owner/repo when both are given). */
async function searchIssues(ctx: DomainContext, args: Args, scope: string) {
  let q = String(args.query);
  if (!q.includes(scope)) q = `${scope} ${q}`;
  if (args.owner && args.repo && !q.includes('repo:')) q = `repo:${String(args.owner)}/${String(args.repo)} ${q}`;
  const found = (await rest(ctx, 'search/issues-and-pull-requests', {
    query: { q, sort: text(args.sort), order: text(args.order), ...paging(args) },
  })) as Found;
  if (!Array.isArray(args.fields) || args.fields.length === 0) return found;
  return {
    total_count: found.total_count,
    incomplete_results: found.incomplete_results,
    items: pick(found.items, args.fields),
  };
}

const query = (args: Args) => ({
  q: String(args.query),
  sort: text(args.sort),
  order: text(args.order),
  ...paging(args),
});

export const searchTools: Record<string, ToolHandler> = {
  search_issues: (ctx, args) => searchIssues(ctx, args, 'is:issue'),
  search_pull_requests: (ctx, args) => searchIssues(ctx, args, 'is:pr'),

  search_code: async (ctx, args) => {
    // As github-mcp-server, with the text-match media type: items carry the fragments that matched.
    const found = (await rest(ctx, 'search/code', {
      query: query(args),
      headers: { accept: 'application/vnd.github.text-match+json' },
    })) as Found;
    const items = found.items.map((item) => ({
      name: item.name,
      path: item.path,
      sha: item.sha,
      repository: (item.repository as Json | undefined)?.full_name ?? '',
      ...(Array.isArray(item.text_matches) && item.text_matches.length > 0 ? { text_matches: item.text_matches } : {}),
    }));
    return {
      total_count: found.total_count,
      incomplete_results: found.incomplete_results,
      items: pick(items, args.fields),
    };
  },

  search_commits: async (ctx, args) => {
    const q = String(args.query);
    const found = (await rest(
      ctx,
      'search/commits',
      { query: query(args) },
      `search commits with query '${q}'`,
    )) as Found;
    return {
      total_count: found.total_count,
      incomplete_results: found.incomplete_results,
      items: found.items.map((item) => {
        const repository = item.repository as Json | undefined;
        return {
          ...minimalCommit(item),
          ...(repository
            ? {
                repository: {
                  full_name: repository.full_name,
                  html_url: repository.html_url,
                  ...(repository.private ? { private: true } : {}),
                },
              }
            : {}),
        };
      }),
    };
  },

  search_repositories: async (ctx, args) => {
    const found = (await rest(ctx, 'search/repos', { query: query(args) })) as Found;
    // minimal_output (default true): github-mcp-server's trimmed repositories; false: GitHub's answer.
    if (args.minimal_output === false) return found;
    return {
      total_count: found.total_count,
      incomplete_results: found.incomplete_results,
      items: found.items.map(minimalRepository),
    };
  },

  search_users: async (ctx, args) => {
    const q = String(args.query);
    const found = (await rest(ctx, 'search/users', {
      query: { ...query(args), q: q.includes('type:') ? q : `type:user ${q}` },
    })) as Found;
    return {
      total_count: found.total_count,
      incomplete_results: found.incomplete_results,
      items: found.items.map(minimalUser),
    };
  },
};
