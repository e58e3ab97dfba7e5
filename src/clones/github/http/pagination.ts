import { ok, type Reply, type RequestContext } from './route.js';

export interface Page {
  page: number;
  perPage: number;
}

/** `page` (≥ 1) and `per_page` (1–100, default 30); nonsense values fall back to the defaults, as on GitHub. */
export function pageParams(query: URLSearchParams, defaultPerPage = 30): Page {
  const perPage = Number.parseInt(query.get('per_page') ?? '', 10);
  const page = Number.parseInt(query.get('page') ?? '', 10);
  return {
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : defaultPerPage,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** One page of `items` and GitHub's `Link` header (`first`, `prev`, `next`, `last`) for the others. */
export function paginate<T>(
  ctx: RequestContext,
  items: readonly T[],
  defaultPerPage = 30,
): { items: T[]; headers: Record<string, string> } {
  const { page, perPage } = pageParams(ctx.query, defaultPerPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return { items: slice, headers: linkHeader(ctx, page, last) };
}

/** 200 with one page of `items`, each rendered, and the `Link` header: what list operations answer. */
export function okPage<T>(
  ctx: RequestContext,
  items: readonly T[],
  render: (item: T) => unknown = (item) => item,
  defaultPerPage = 30,
): Reply {
  const page = paginate(ctx, items, defaultPerPage);
  return ok(page.items.map(render), page.headers);
}

/** 200 with `{total_count, [key]: one page of items rendered, ...extra}`, as GitHub wraps some lists. */
export function okCountedPage<T>(
  ctx: RequestContext,
  items: readonly T[],
  key: string,
  render: (item: T) => unknown,
  extra: Record<string, unknown> = {},
): Reply {
  const page = paginate(ctx, items);
  return ok({ total_count: items.length, [key]: page.items.map(render), ...extra }, page.headers);
}

export function linkHeader(ctx: RequestContext, page: number, last: number): Record<string, string> {
  if (last <= 1 && page <= 1) return {};
  const at = (n: number) => {
    const query = new URLSearchParams(ctx.query);
    query.set('page', String(n));
    return `<${ctx.selfUrl}?${query.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.length > 0 ? { link: links.join(', ') } : {};
}
