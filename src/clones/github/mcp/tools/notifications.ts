import { paging, repoParams, rest, text, ToolError, type Args, type ToolHandler } from './common.js';

/** github-mcp-server's `filter` of list_notifications, as the REST query's `all` and `participating`. */
const FILTERS: Record<string, { all?: boolean; participating?: boolean }> = {
  default: {},
  include_read_notifications: { all: true },
  only_participating: { participating: true },
};

/** An optional ISO 8601 time argument, refused with github-mcp-server's words when it is not one. */
function time(args: Args, name: string, label = `${name} time`): string | undefined {
  const value = text(args[name]);
  if (!value) return undefined;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(Date.parse(value))
  )
    throw new ToolError(`invalid ${label} format, should be RFC3339/ISO8601: ${value}`);
  return value;
}

/** Both `owner` and `repo` given: the tool works on that repository's notifications only. */
const repoScope = (args: Args) => (text(args.owner) && text(args.repo) ? repoParams(args) : undefined);

/** Subscription changes of manage_(repository_)notification_subscription, as the REST body. */
const SUBSCRIPTIONS: Record<string, { ignored: boolean; subscribed?: boolean }> = {
  ignore: { ignored: true },
  watch: { ignored: false, subscribed: true },
};

export const notificationTools: Record<string, ToolHandler> = {
  list_notifications: async (ctx, args) => {
    const filter = FILTERS[text(args.filter) ?? 'default'] ?? {};
    const query = { ...filter, since: time(args, 'since'), before: time(args, 'before'), ...paging(args) };
    const scope = repoScope(args);
    return scope
      ? rest(
          ctx,
          'activity/list-repo-notifications-for-authenticated-user',
          { params: scope, query },
          'list notifications',
        )
      : rest(ctx, 'activity/list-notifications-for-authenticated-user', { query }, 'list notifications');
  },

  get_notification_details: async (ctx, args) => {
    const id = String(args.notificationID);
    return rest(ctx, 'activity/get-thread', { params: { thread_id: id } }, `get notification details for ID '${id}'`);
  },

  dismiss_notification: async (ctx, args) => {
    const state = args.state;
    const params = { thread_id: String(args.threadID) };
    switch (state) {
      case 'read':
        await rest(ctx, 'activity/mark-thread-as-read', { params }, 'mark notification as read');
        break;
      case 'done':
        await rest(ctx, 'activity/mark-thread-as-done', { params }, 'mark notification as done');
        break;
      default:
        throw new ToolError('Invalid state. Must be one of: read, done.');
    }
    return `Notification marked as ${state}`;
  },

  mark_all_notifications_read: async (ctx, args) => {
    const body = { last_read_at: time(args, 'lastReadAt') };
    const scope = repoScope(args);
    const what = 'mark all notifications as read';
    if (scope) await rest(ctx, 'activity/mark-repo-notifications-as-read', { params: scope, body }, what);
    else await rest(ctx, 'activity/mark-notifications-as-read', { body }, what);
    return 'All notifications marked as read';
  },

  manage_notification_subscription: async (ctx, args) => {
    const action = String(args.action);
    const params = { thread_id: String(args.notificationID) };
    const what = `${action} notification subscription`;
    if (action === 'delete') {
      await rest(ctx, 'activity/delete-thread-subscription', { params }, what);
      return 'Notification subscription deleted';
    }
    const body = SUBSCRIPTIONS[action];
    if (!body) throw new ToolError('Invalid action. Must be one of: ignore, watch, delete.');
    return rest(ctx, 'activity/set-thread-subscription', { params, body }, what);
  },

  manage_repository_notification_subscription: async (ctx, args) => {
    const action = String(args.action);
    const params = repoParams(args);
    const what = `${action} repository subscription`;
    if (action === 'delete') {
      await rest(ctx, 'activity/delete-repo-subscription', { params }, what);
      return 'Repository subscription deleted';
    }
    const body = SUBSCRIPTIONS[action];
    if (!body) throw new ToolError('Invalid action. Must be one of: ignore, watch, delete.');
    return rest(ctx, 'activity/set-repo-subscription', { params, body }, what);
  },
};
