// `npm run bench`: runs every benchmark in bench/ (or those named on the command line) and exits
// non-zero when one misses its goal. Builds first so the benchmarks measure the shipped code.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const wanted = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.mjs') && file !== 'lib.mjs')
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', file)], {
    stdio: 'inherit',
    cwd: root,
  });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
