// The Action bundle (dist/, committed): its size, and no package in it that the Action does not use.
// The packages are read from dist/licenses.txt, which ncc writes for every bundled package.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
const size = readdirSync(dist)
  .filter((file) => file.endsWith('.js'))
  .reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
console.log(
  `${unused.length === 0 ? 'PASS' : 'FAIL'}  Action bundle: ${bundled.size} packages, ${(size / 1024).toFixed(0)} KiB of JavaScript; ${unused.length === 0 ? 'no unused package' : `unused: ${unused.join(', ')}`}`,
);
if (unused.length > 0) process.exitCode = 1;
