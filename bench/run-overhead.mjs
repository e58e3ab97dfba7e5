// Per-run overhead of `archal run`: a trivial agent (a `node -e` that prints {"text":"ok"}), with
// clone seeding, evaluation and bookkeeping included, against spawning that same process bare in
// the same run. Goal: ≤ 1.5 ×.
import { join } from 'node:path';
import { median, report, tempDir, timeSpawn } from './lib.mjs';

const { resolveAgent, parseScenario, prepareCriteria, runSuite } = await import('../build/index.js');
const AGENT = ['-e', 'process.stdout.write(JSON.stringify({ text: "ok" }))'];
const RUNS = 20;

const text = `# Trivial\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the run exits successfully\n- [D] the answer is ok => run.answer = "ok"\n- [D] no issues were closed\n\n## Config\nseed: small-project\nruns: ${RUNS}\n`;
const dir = tempDir();
const parsed = parseScenario(text, join(dir, 'trivial.md'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const { criteria } = prepareCriteria(parsed.scenario, { evaluator: false });
const agent = resolveAgent({ command: process.execPath, args: AGENT }, process.env);

async function archal() {
  const started = performance.now();
  const suite = await runSuite({
    scenarios: [{ scenario: parsed.scenario, criteria, warnings: [] }],
    agent,
    passThreshold: 100,
    concurrency: 1,
    cwd: dir,
    cacheDir: join(dir, '.archal', 'cache'),
    judgeFor: () => undefined,
    env: process.env,
  });
  if (!suite.passed) throw new Error('the trivial scenario failed');
  return (performance.now() - started) / RUNS;
}

async function bare() {
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) await timeSpawn(process.execPath, AGENT);
  return (performance.now() - started) / RUNS;
}

await archal();
await bare();
const withArchal = [];
const alone = [];
for (let round = 0; round < 5; round++) {
  alone.push(await bare());
  withArchal.push(await archal());
}
report('archal run overhead per run (trivial agent)', {
  ratio: median(withArchal) / median(alone),
  goal: 1.5,
  detail: `${median(withArchal).toFixed(1)} ms per run vs ${median(alone).toFixed(1)} ms to spawn the agent bare (medians of 5 × ${RUNS} runs)`,
});
