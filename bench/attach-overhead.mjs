// What the post-prod loop adds to a reproduction: `archal attach <dir> --once` of one production
// trace whose reproduction passes (import, grade, seed and scenario rebuild, one reproduction run,
// artifacts, the run store) against `archal run` of the scenario it generated, both as the CLI a user
// runs, in the same run. Goal: ≤ 1.2 ×.
//
// The repository is the triage example with its planted bug fixed, so the trace's failure does not
// reproduce (`not_reproduced`): the cost measured is the loop's, not a fixer's.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report, tempDir, timeSpawn } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'archal.js');
const example = join(root, 'examples', 'triage-agent');
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const home = tempDir();
const env = { ...process.env, ARCHAL_HOME: home };

/** A fresh copy of the example (bug fixed) with the production trace in traces/. */
function repository() {
  const dir = join(tempDir(), 'agent');
  cpSync(example, dir, {
    recursive: true,
    filter: (path) => !/[\\/](node_modules|\.archal|prod-traces)([\\/]|$)/.test(path),
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const rules = join(dir, 'triage.mjs');
  writeFileSync(rules, readFileSync(rules, 'utf8').replace("'keep_open'", "'keep-open'"));
  mkdirSync(join(dir, 'traces'));
  cpSync(join(example, 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'), join(dir, 'traces', 'trace.json'));
  return dir;
}

async function attach() {
  const dir = repository();
  const ms = await timeSpawn(process.execPath, [cli, 'attach', 'traces', '--repo', dir, '--once', '--json'], { env });
  const manifest = JSON.parse(readFileSync(join(dir, '.archal', 'attach', 'runs', TRACE, 'manifest.json'), 'utf8'));
  if (manifest.status !== 'not_reproduced') throw new Error(`expected not_reproduced, got ${manifest.status}`);
  return { ms, scenario: join(dir, '.archal', 'attach', 'seeds', TRACE, 'scenario.md'), dir };
}

async function run(scenario, dir) {
  return timeSpawn(process.execPath, [cli, '--cwd', dir, 'run', scenario, '-q', '-o', 'json'], { env });
}

const warm = await attach();
await run(warm.scenario, warm.dir);
const attached = [];
const ran = [];
for (let round = 0; round < 5; round++) {
  const once = await attach();
  attached.push(once.ms);
  ran.push(await run(once.scenario, once.dir));
}
report('attach of a trace whose reproduction passes vs archal run of its scenario', {
  ratio: median(attached) / median(ran),
  goal: 1.2,
  detail: `${median(attached).toFixed(0)} ms vs ${median(ran).toFixed(0)} ms (medians of 5, as CLI processes)`,
});
