import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';

let schema: GraphQLSchema | undefined;

/**
 * GitHub's public GraphQL schema (`@octokit/graphql-schema`), built once per process (~1 s: the
 * SDL is 1.2 MB). The package exports only its JavaScript, so its SDL file is found beside it.
 */
export function githubSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(schemaFile(), 'utf8'), { assumeValidSDL: true });
  return schema;
}

function schemaFile(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('@octokit/graphql-schema') ?? []) {
    const file = join(dir, '@octokit', 'graphql-schema', 'schema.graphql');
    if (existsSync(file)) return file;
  }
  throw new Error("GitHub's GraphQL schema is missing: install @octokit/graphql-schema");
}
