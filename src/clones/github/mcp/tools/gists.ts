import { paging, rest, text, type ToolHandler } from './common.js';

type Gist = { id: string; html_url: string };

/** What github-mcp-server answers a gist it created or updated: its id and page. */
const minimal = (gist: Gist) => ({ id: gist.id, url: gist.html_url });

export const gistTools: Record<string, ToolHandler> = {
  list_gists: async (ctx, args) => {
    const query = { since: text(args.since), ...paging(args) };
    const username = text(args.username);
    return username
      ? rest(ctx, 'gists/list-for-user', { params: { username }, query }, 'list gists')
      : rest(ctx, 'gists/list', { query }, 'list gists');
  },

  get_gist: async (ctx, args) => rest(ctx, 'gists/get', { params: { gist_id: String(args.gist_id) } }, 'get gist'),

  create_gist: async (ctx, args) => {
    const body = {
      description: text(args.description) ?? '',
      public: args.public === true,
      files: { [String(args.filename)]: { content: String(args.content) } },
    };
    return minimal((await rest(ctx, 'gists/create', { body }, 'create gist')) as Gist);
  },

  update_gist: async (ctx, args) => {
    const body = {
      // Left out, the description is kept; an empty one clears it (as github-mcp-server sends it).
      ...(args.description !== undefined ? { description: String(args.description) } : {}),
      files: { [String(args.filename)]: { content: String(args.content) } },
    };
    const params = { gist_id: String(args.gist_id) };
    return minimal((await rest(ctx, 'gists/update', { params, body }, 'update gist')) as Gist);
  },
};
