import { repoLanguages } from '../domain/languages.js';
import { nodeId } from '../render/urls.js';
import type { RepoRecord } from '../state/model.js';
import { connection, type ConnectionArgs } from './context.js';

interface LanguageArgs extends ConnectionArgs {
  orderBy?: { field: 'SIZE'; direction: 'ASC' | 'DESC' } | null;
}

/** A `Language` object; its id is derived from its name, so it is the same in every repository. */
function languageNode(name: string) {
  return { __typename: 'Language', id: nodeId('Language', hashName(name)), name, color: null };
}

function hashName(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return hash;
}

/** `Repository.languages`: the REST languages (bytes per language) as a connection whose edges carry `size`. */
export function languagesConnection(repo: RepoRecord, args: LanguageArgs) {
  const list = repoLanguages(repo);
  if (args.orderBy?.direction === 'ASC') list.reverse();
  const sizes = new Map(list);
  const base = connection(list, args, ([name]) => languageNode(name), 'Language');
  return {
    ...base,
    totalSize: list.reduce((sum, [, size]) => sum + size, 0),
    edges: () => base.edges().map((edge) => ({ ...edge, size: sizes.get((edge.node as { name: string }).name) ?? 0 })),
  };
}
