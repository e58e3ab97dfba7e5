// Start-up: `archal workflow run` of a one-node `true` workflow, against `node -e 0` measured in the
// same run, interleaved. Goal: ≤ 2.5 ×.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report, tempDir, timeSpawn } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/archal.js', import.meta.url));
const dir = tempDir();
// Workflow commands run in a git repository.
execFileSync('git', ['init', '-q', dir]);
writeFileSync(join(dir, 'one.yaml'), "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n");
const env = { ...process.env, ARCHAL_HOME: join(dir, 'home'), NODE_OPTIONS: '' };

const archal = [];
const bare = [];
for (let i = 0; i < 25; i++) {
  bare.push(await timeSpawn(process.execPath, ['-e', '0'], { env }));
  archal.push(await timeSpawn(process.execPath, [cli, 'workflow', 'run', 'one.yaml'], { cwd: dir, env }));
}
const a = median(archal.slice(5));
const b = median(bare.slice(5));
report('CLI start-up (workflow run, one node)', {
  ratio: a / b,
  goal: 2.5,
  detail: `archal ${a.toFixed(0)} ms vs node -e 0 ${b.toFixed(0)} ms (medians)`,
});
