// The Action bundle (dist/, committed): its size, no package in it that the Action does not use, and
// the files it carries beside its JavaScript (a runner checks out action.yml and dist/ with no
// node_modules: route mode's undici, the GraphQL schema and the bundled seeds must be in dist/).
// The packages are read from dist/licenses.txt, which ncc writes for every bundled package.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const licenses = readFileSync(join(dist, 'licenses.txt'), 'utf8');
const bundled = new Set(licenses.split('\n').filter((line) => /^(@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*$/.test(line)));
// The SQL stores (the Action keeps a fix workflow's runs in memory; better-sqlite3 is a native addon
// tied to the Node ABI), the App and the CLI. The workflow engine's parsers (yaml, ajv, jsonata) are
// used: `fix-workflow` runs a DAG workflow.
const unused = ['better-sqlite3', 'kysely', 'pg', 'graphile-worker', 'probot', '@octokit/webhooks', 'commander'].filter(
  (name) => bundled.has(name),
);
const size = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0)
    : statSync(path).size;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const javascript = readdirSync(dist)
  .filter((file) => file.endsWith('.js'))
  .reduce((sum, file) => sum + size(join(dist, file)), 0);
const shipped = ['route-undici.cjs', 'github-schema.graphql.gz', 'bundled'];
const missing = shipped.filter((name) => !existsSync(join(dist, name)));
const ok = unused.length === 0 && missing.length === 0;
console.log(
  `${ok ? 'PASS' : 'FAIL'}  Action bundle: ${bundled.size} packages, ${kib(javascript)} of JavaScript; ${unused.length === 0 ? 'no unused package' : `unused: ${unused.join(', ')}`}; beside it: ${shipped
    .filter((name) => !missing.includes(name))
    .map((name) => `${name} ${kib(size(join(dist, name)))}`)
    .join(', ')}${missing.length ? `; MISSING: ${missing.join(', ')}` : ''}`,
);
if (!ok) process.exitCode = 1;
