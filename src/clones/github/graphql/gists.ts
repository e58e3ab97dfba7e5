import type { DomainContext } from '../domain/context.js';
import { languageOf } from '../domain/languages.js';
import { nodeId } from '../render/urls.js';
import type { GistRecord, UserRecord } from '../state/model.js';
import { connection, type ConnectionArgs, type Gql } from './context.js';

export interface GistsArgs extends ConnectionArgs {
  privacy?: 'PUBLIC' | 'SECRET' | 'ALL' | null;
  orderBy?: { field: 'CREATED_AT' | 'UPDATED_AT' | 'PUSHED_AT'; direction: 'ASC' | 'DESC' } | null;
}

function gistObject(domain: DomainContext, owner: UserRecord, gist: GistRecord): Gql {
  const url = `${domain.urls.web}/gist/${owner.login}/${gist.key}`;
  return {
    __typename: 'Gist',
    id: nodeId('Gist', gist.id),
    name: gist.key,
    description: gist.description,
    isPublic: gist.public,
    isFork: gist.forkOfId !== null,
    createdAt: gist.createdAt,
    updatedAt: gist.updatedAt,
    pushedAt: gist.updatedAt,
    url,
    resourcePath: new URL(url).pathname,
    stargazerCount: gist.starredBy.length,
    viewerHasStarred: 'user' in domain.actor && gist.starredBy.includes(domain.actor.user.id),
    files: (args: { limit?: number | null }) =>
      [...gist.files].slice(0, args.limit ?? 10).map(([name, text]) => ({
        __typename: 'GistFile',
        name,
        encodedName: encodeURIComponent(name),
        extension: /\.[^.]+$/.exec(name)?.[0] ?? '',
        language: languageOf(name) ? { name: languageOf(name) } : null,
        size: Buffer.byteLength(text),
        text,
        isImage: false,
        isTruncated: false,
        encoding: 'UTF-8',
      })),
  };
}

/** `User.gists`: the owner sees their secret gists too, everyone else only the public ones. */
export function userGists(domain: DomainContext, user: UserRecord, args: GistsArgs) {
  const self =
    (domain.actor.kind === 'user' || domain.actor.kind === 'installation') && domain.actor.user.id === user.id;
  const privacy = args.privacy ?? 'PUBLIC';
  const field = args.orderBy?.field === 'CREATED_AT' ? 'createdAt' : 'updatedAt';
  const gists = domain.store
    .where('gist', `owner:${user.id}`)
    .filter((gist) => (gist.public ? privacy !== 'SECRET' : self && privacy !== 'PUBLIC'))
    .sort((a, b) => (a[field] === b[field] ? a.id - b.id : a[field] < b[field] ? -1 : 1));
  if (args.orderBy?.direction !== 'ASC') gists.reverse();
  return connection(gists, args, (gist) => gistObject(domain, user, gist), 'Gist');
}
