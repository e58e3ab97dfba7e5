import { repoParams, rest, restList, text, ToolError, type Args, type ToolHandler } from './common.js';

type Label = { node_id: string; name: string; color: string; description: string | null };

/** A label as github-mcp-server reads it (GraphQL): its node id, name, color and description. */
const label = (value: Label) => ({
  id: value.node_id,
  name: value.name,
  color: value.color,
  description: value.description ?? '',
});

const labelParams = (args: Args) => ({ ...repoParams(args), name: String(args.name) });

export const labelTools: Record<string, ToolHandler> = {
  get_label: async (ctx, args) => label((await rest(ctx, 'issues/get-label', { params: labelParams(args) })) as Label),

  list_label: async (ctx, args) => {
    const labels = (await restList(ctx, 'issues/list-labels-for-repo', {
      params: repoParams(args),
      query: { per_page: 100 },
    })) as Label[];
    return { labels: labels.map(label), totalCount: labels.length };
  },

  label_write: async (ctx, args) => {
    const name = String(args.name);
    switch (args.method) {
      case 'create': {
        if (!args.color) throw new ToolError('color is required for create');
        const created = (await rest(ctx, 'issues/create-label', {
          params: repoParams(args),
          body: { name, color: args.color, description: text(args.description) },
        })) as Label;
        return `label '${created.name}' created successfully`;
      }
      case 'update': {
        if (args.new_name === undefined && args.color === undefined && args.description === undefined)
          throw new ToolError('at least one of new_name, color, or description must be provided for update');
        const updated = (await rest(ctx, 'issues/update-label', {
          params: labelParams(args),
          body: { new_name: text(args.new_name), color: text(args.color), description: text(args.description) },
        })) as Label;
        return `label '${updated.name}' updated successfully`;
      }
      case 'delete':
        await rest(ctx, 'issues/delete-label', { params: labelParams(args) });
        return `label '${name}' deleted successfully`;
      default:
        throw new ToolError(`unknown method: ${String(args.method)}`);
    }
  },
};
