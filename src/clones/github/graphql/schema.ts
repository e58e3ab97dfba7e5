import { existsSync, readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { shippedFile } from '../../../lib/paths.js';

/** The file name of the gzipped SDL the Action's bundle carries (it has no node_modules to read it from). */
const SHIPPED_SCHEMA = 'github-schema.graphql.gz';

let schema: GraphQLSchema | undefined;

/**
 * GitHub's public GraphQL schema (`@octokit/graphql-schema`), built once per process (~1 s: the
 * SDL is 1.2 MB), when an agent first calls /graphql.
 */
export function githubSchema(): GraphQLSchema {
  schema ??= buildSchema(schemaSource(), { assumeValidSDL: true });
  return schema;
}

function schemaSource(): string {
  const shipped = shippedFile(SHIPPED_SCHEMA);
  if (shipped) return gunzipSync(readFileSync(shipped)).toString('utf8');
  return readFileSync(packageSchemaFile(), 'utf8');
}

/**
 * The package exports only its JavaScript, so its SDL file is found beside it. (createRequire through
 * the namespace: webpack would replace a bare one with its own require, which has no `resolve.paths`.)
 */
function packageSchemaFile(): string {
  for (const dir of nodeModule.createRequire(import.meta.url).resolve.paths('@octokit/graphql-schema') ?? []) {
    const file = join(dir, '@octokit', 'graphql-schema', 'schema.graphql');
    if (existsSync(file)) return file;
  }
  throw new Error(
    `GitHub's GraphQL schema is missing: neither ${SHIPPED_SCHEMA} beside Archal's bundle nor the @octokit/graphql-schema package is here.`,
  );
}
