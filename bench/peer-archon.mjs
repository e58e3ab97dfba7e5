// Side by side with a peer engine: Archon (https://github.com/coleam00/Archon), when `archon` is on
// PATH (or ARCHON_BIN names it). Both run the same YAML from .archon/workflows/ in one git
// repository — a chain of bash `true` nodes, once with 1 node and once with COUNT — alternating, in
// one block, so that load on the machine hits both alike. Prints, per engine, the start-up (the
// 1-node run) and the per-node cost ((COUNT-node run − 1-node run) / (COUNT − 1)), medians and
// ranges, and Archal's ratio to Archon. No goal: this reproduces the comparison in the README.
//   ARCHON_BIN   the archon executable (default: `archon` on PATH)
//   ARCHON_ARGS  how to run a workflow, {name} replaced (default: "workflow run {name} bench")
//   COUNT, ROUNDS  chain length (default 100) and rounds (default 7)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alternate, chainYaml, cli, cliEnv, formatRange, summary, tempDir, timeSpawn } from './lib.mjs';

const archon = process.env.ARCHON_BIN || 'archon';
const found = spawnSync(archon, ['--version'], { encoding: 'utf8' });
if (found.error || found.status !== 0) {
  console.log(
    `SKIP  peer comparison: Archon is not installed here (\`${archon} --version\` ${found.error ? `failed: ${found.error.code}` : `exited ${found.status}`}). Install it (https://github.com/coleam00/Archon) or set ARCHON_BIN, then run \`npm run bench peer-archon\`.`,
  );
  process.exit(0);
}
const COUNT = Number(process.env.COUNT ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const archonArgs = (name) =>
  (process.env.ARCHON_ARGS ?? 'workflow run {name} bench').split(' ').map((arg) => arg.replace('{name}', name));

const dir = tempDir();
execFileSync('git', ['init', '-q', dir]);
execFileSync('git', ['-C', dir, 'commit', '-q', '--allow-empty', '-m', 'init'], {
  env: {
    ...process.env,
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'b@e',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'b@e',
  },
});
mkdirSync(join(dir, '.archon', 'workflows'), { recursive: true });
writeFileSync(join(dir, '.archon', 'workflows', 'peer-one.yaml'), chainYaml(1, 'peer-one'));
writeFileSync(join(dir, '.archon', 'workflows', 'peer-chain.yaml'), chainYaml(COUNT, 'peer-chain'));
const env = cliEnv(join(dir, 'archal-home'));

const archal = (name) => () => timeSpawn(process.execPath, [cli, 'workflow', 'run', name], { cwd: dir, env });
const peer = (name) => () => timeSpawn(archon, archonArgs(name), { cwd: dir, env: process.env });

console.log(`Archon: ${found.stdout.trim()}; Archal: ${cli}; ${COUNT}-node chain, ${ROUNDS} alternating rounds`);
const samples = await alternate(
  {
    archal1: archal('peer-one'),
    archon1: peer('peer-one'),
    archalN: archal('peer-chain'),
    archonN: peer('peer-chain'),
  },
  ROUNDS,
);
const perNode = (one, many) => summary(samples[many].map((time, i) => (time - samples[one][i]) / (COUNT - 1)));
const startup = (one) => summary(samples[one]);
const lines = [
  ['start-up (1-node run), ms', startup('archal1'), startup('archon1')],
  ['per node, ms', perNode('archal1', 'archalN'), perNode('archon1', 'archonN')],
];
for (const [what, ours, theirs] of lines)
  console.log(
    `INFO  ${what}: Archal ${formatRange(ours)}, Archon ${formatRange(theirs)}; Archal/Archon ${(ours.median / theirs.median).toFixed(2)}`,
  );
