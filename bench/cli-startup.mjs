// Start-up of the commands users type most, against `node -e 0` measured in the same run,
// alternating: `archal workflow run <name>` of a one-node `true` workflow in .archal/workflows (run
// store included: SQLite in ARCHAL_HOME), `archal workflow list`, and the same run by file path.
// Goal: ≤ 2.0 × each (median of the rounds; the range is of the per-round ratios).
// Both sides run without the environment's NODE_EXTRA_CA_CERTS (as on most machines): with it, every
// Node.js start loads that certificate store (~35 ms on the machine these were written on), which
// pads `node -e 0` and hides the CLI's own costs. When it is set, the same lines are measured again
// with it, labelled so.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alternate, cli, cliEnv, formatRange, median, report, summary, tempDir, timeSpawn } from './lib.mjs';

const ROUNDS = 15;
const dir = tempDir();
// Workflow commands run in a git repository.
execFileSync('git', ['init', '-q', dir]);
mkdirSync(join(dir, '.archal', 'workflows'), { recursive: true });
writeFileSync(
  join(dir, '.archal', 'workflows', 'one.yaml'),
  "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n",
);
const environments = [['', { NODE_EXTRA_CA_CERTS: '' }]];
if (process.env.NODE_EXTRA_CA_CERTS)
  environments.push([", with this environment's NODE_EXTRA_CA_CERTS (every Node.js start loads it)", {}]);

for (const [label, extra] of environments) {
  const env = cliEnv(join(dir, 'home'), extra);
  const archal =
    (...args) =>
    () =>
      timeSpawn(process.execPath, [cli, ...args], { cwd: dir, env });
  const samples = await alternate(
    {
      node: () => timeSpawn(process.execPath, ['-e', '0'], { env }),
      byName: archal('workflow', 'run', 'one'),
      list: archal('workflow', 'list'),
      byFile: archal('workflow', 'run', '.archal/workflows/one.yaml'),
    },
    ROUNDS,
  );
  const bare = median(samples.node);
  for (const [key, what] of [
    ['byName', 'workflow run <name>'],
    ['list', 'workflow list'],
    ['byFile', 'workflow run <file>'],
  ]) {
    const ratios = summary(samples[key].map((time, i) => time / samples.node[i]));
    report(`CLI start-up, ${what} (one node)${label}`, {
      ratio: ratios.median,
      goal: 2,
      detail: `ratio ${formatRange(ratios)}; archal ${median(samples[key]).toFixed(0)} ms vs node -e 0 ${bare.toFixed(0)} ms (medians of ${ROUNDS} alternating rounds)`,
    });
  }
}
