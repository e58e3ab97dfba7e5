// `archal run` as users run it: the CLI process, one scenario with a trivial agent (a Node.js script
// that prints {"text":"ok"}), clone start, seeding, route mode, evaluation and the run record
// included, against spawning that same agent bare, alternating. Goals: a single run ≤ 1.5 × the bare
// agent; a scenario of RUNS runs ≤ 1.5 × per run. Extra lines (no goal): the floor of one run (a
// second Node.js start, `node -e 0`, plus the agent: what any CLI that then spawns the agent pays),
// and `runSuite` in-process and warm, which leaves out the CLI's start-up and every one-time cost.
// The home is fresh: the warm-up run makes route mode's CA, which later runs reuse (as a user's do).
// Every process runs without the environment's NODE_EXTRA_CA_CERTS (as on most machines): with it,
// each Node.js start loads its certificate store (~40 ms on this machine), which pads the bare agent
// and hides the CLI's own costs. An extra line measures one run with it, when it is set.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alternate, cli, cliEnv, formatRange, median, report, summary, tempDir, timeSpawn } from './lib.mjs';

const RUNS = 10;
const ROUNDS = 7;
const dir = tempDir();
execFileSync('git', ['init', '-q', dir]);
const agentFile = join(dir, 'agent.cjs');
writeFileSync(agentFile, 'process.stdout.write(JSON.stringify({ text: "ok" }));\n');
const scenario = (runs) =>
  `# Trivial\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the run exits successfully\n- [D] the answer is ok => run.answer = "ok"\n- [D] no issues were closed\n\n## Config\nseed: small-project\nruns: ${runs}\n`;
writeFileSync(join(dir, 'one.md'), scenario(1));
writeFileSync(join(dir, 'many.md'), scenario(RUNS));
const env = cliEnv(join(dir, 'home'), { NODE_EXTRA_CA_CERTS: '' });
const archal =
  (file, ...flags) =>
  () =>
    timeSpawn(process.execPath, [cli, 'run', file, '--harness', `node ${agentFile}`, '--quiet', ...flags], {
      cwd: dir,
      env,
    });
const bare = () => timeSpawn(process.execPath, [agentFile], { cwd: dir, env });
const node = () => timeSpawn(process.execPath, ['-e', '0'], { cwd: dir, env });

const samples = await alternate(
  { bare, node, one: archal('one.md'), many: archal('many.md'), manyEnv: archal('many.md', '--no-proxy') },
  ROUNDS,
);
const single = summary(samples.one.map((time, i) => time / samples.bare[i]));
report('archal run, one run through the CLI (trivial agent)', {
  ratio: single.median,
  goal: 1.5,
  detail: `ratio ${formatRange(single)}; ${median(samples.one).toFixed(0)} ms vs ${median(samples.bare).toFixed(0)} ms for the agent bare (medians of ${ROUNDS} alternating rounds)`,
});
const floor = summary(samples.node.map((time, i) => (time + samples.bare[i]) / samples.bare[i]));
console.log(
  `INFO  floor of one run (node -e 0, then the agent), as a ratio to the agent bare: ${formatRange(floor)}; one run is ${(single.median / floor.median).toFixed(2)} × the floor (${median(samples.node).toFixed(0)} ms for node -e 0)`,
);
if (process.env.NODE_EXTRA_CA_CERTS) {
  const own = cliEnv(join(dir, 'home'));
  const withCerts = await alternate(
    {
      bare: () => timeSpawn(process.execPath, [agentFile], { cwd: dir, env: own }),
      one: () =>
        timeSpawn(process.execPath, [cli, 'run', 'one.md', '--harness', `node ${agentFile}`, '--quiet'], {
          cwd: dir,
          env: own,
        }),
    },
    ROUNDS,
  );
  const ratio = summary(withCerts.one.map((time, i) => time / withCerts.bare[i]));
  console.log(
    `INFO  one run with this environment's NODE_EXTRA_CA_CERTS (every Node.js start, the bare agent's too, loads it): ratio ${formatRange(ratio)}; ${median(withCerts.one).toFixed(0)} ms vs ${median(withCerts.bare).toFixed(0)} ms`,
  );
}
const perRun = summary(samples.many.map((time, i) => time / RUNS / samples.bare[i]));
report(`archal run, ${RUNS} runs of a scenario through the CLI, per run`, {
  ratio: perRun.median,
  goal: 1.5,
  detail: `ratio ${formatRange(perRun)}; ${(median(samples.many) / RUNS).toFixed(0)} ms per run vs ${median(samples.bare).toFixed(0)} ms for the agent bare`,
});
// Route mode gives a Node.js agent NODE_EXTRA_CA_CERTS (the run CA), and Node builds its certificate
// store at start when that is set: a cost inside the agent, on every run. `--no-proxy` (routing: env)
// shows the runs without it.
const perRunEnv = summary(samples.manyEnv.map((time, i) => time / RUNS / samples.bare[i]));
console.log(
  `INFO  ${RUNS} runs per run with --no-proxy (routing: env, so the agent is given no NODE_EXTRA_CA_CERTS): ratio ${formatRange(perRunEnv)}; ${(median(samples.manyEnv) / RUNS).toFixed(0)} ms per run`,
);

// In-process and warm (not a goal): what `runSuite` costs per run once everything is loaded.
const { resolveAgent, parseScenario, prepareCriteria, runSuite } = await import('../build/index.js');
const parsed = parseScenario(scenario(RUNS), join(dir, 'many.md'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const { criteria } = prepareCriteria(parsed.scenario, { evaluator: false });
const agent = resolveAgent({ command: process.execPath, args: [agentFile] }, process.env);
async function inProcess() {
  const started = performance.now();
  const suite = await runSuite({
    scenarios: [{ scenario: parsed.scenario, criteria, warnings: [] }],
    agent,
    passThreshold: 100,
    concurrency: 1,
    cwd: dir,
    cacheDir: join(dir, '.archal', 'cache'),
    judgeFor: () => undefined,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
  });
  if (!suite.passed) throw new Error('the trivial scenario failed');
  return (performance.now() - started) / RUNS;
}
const warm = await alternate({ bare, inProcess }, 5);
const warmRatio = summary(warm.inProcess.map((time, i) => time / warm.bare[i]));
console.log(
  `INFO  runSuite in-process and warm, per run (leaves out the CLI start-up and one-time costs): ratio ${formatRange(warmRatio)}`,
);
