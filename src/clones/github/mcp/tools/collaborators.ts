import { paging, repoParams, restResult, text, type ToolHandler } from './common.js';

type Rel = 'next' | 'prev' | 'first' | 'last';

/** The page numbers of a `Link` header, as go-github reads them (0 for a relation it lacks). */
export function linkPages(link: string | undefined): Record<`${Rel}Page`, number> {
  const pages = { nextPage: 0, prevPage: 0, firstPage: 0, lastPage: 0 };
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="(next|prev|first|last)"/.exec(part);
    if (!match) continue;
    const page = Number(new URL(match[1]!).searchParams.get('page'));
    if (Number.isInteger(page)) pages[`${match[2] as Rel}Page`] = page;
  }
  return pages;
}

export const collaboratorTools: Record<string, ToolHandler> = {
  list_repository_collaborators: async (ctx, args) => {
    const listed = await restResult(
      ctx,
      'repos/list-collaborators',
      { params: repoParams(args), query: { affiliation: text(args.affiliation), ...paging(args) } },
      'list collaborators',
    );
    const users = Array.isArray(listed.body) ? (listed.body as Array<Record<string, unknown>>) : [];
    return {
      items: users.map((user) => ({ login: user.login, id: user.id, role_name: user.role_name ?? '' })),
      ...linkPages(listed.headers.link),
    };
  },
};
