// Writes the files generated from the sources (JSON Schemas for editors), or with --check fails
// when a committed one is stale. Runs the built CLI, so `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (...args) =>
  execFileSync(process.execPath, [join(root, 'bin', 'archal.js'), ...args], { encoding: 'utf8' });

const generated = [
  { file: 'schema/archal.schema.json', content: () => cli('config', 'schema') },
  { file: 'schema/run-results.schema.json', content: () => cli('schema', 'results') },
  { file: 'schema/github-seed.schema.json', content: () => cli('schema', 'seed') },
  { file: 'schema/preprod-result.schema.json', content: () => cli('schema', 'preprod-result') },
  { file: 'schema/preprod-failures.schema.json', content: () => cli('schema', 'preprod-failures') },
  { file: 'docs/github-clone-operations.md', content: () => cli('clone', 'operations', '--markdown') },
];

const check = process.argv.includes('--check');
const stale = [];
for (const { file, content } of generated) {
  const path = join(root, file);
  const text = content();
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(file);
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
if (stale.length > 0) {
  console.error(
    `Generated files are stale: ${stale.join(', ')}\nRun \`npm run build && npm run generate\` and commit the result.`,
  );
  process.exit(1);
}
if (check) console.log('Generated files are up to date.');
