// 20 scenarios × 3 runs of an agent that sleeps 1 s, with --concurrency 8: wall time must stay
// within 1.15 × ⌈60 / 8⌉ s, the time perfect packing would take.
import { join } from 'node:path';
import { report, tempDir } from './lib.mjs';

const { resolveAgent, parseScenario, prepareCriteria, runSuite } = await import('../build/index.js');
const SCENARIOS = 20;
const RUNS = 3;
const CONCURRENCY = 8;
const dir = tempDir();
// The agent is a shell (it starts in about a millisecond): with a Node agent, 8 Node processes booting
// at once on a small machine would measure their start-up contention rather than Archal's packing.
const agent = resolveAgent({ command: 'sh', args: ['-c', `sleep 1; echo '{"text":"ok"}'`] }, process.env);

const scenarios = Array.from({ length: SCENARIOS }, (_, i) => {
  const parsed = parseScenario(
    `# Sleeper ${i}\n\n## Prompt\nWait.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: small-project\nruns: ${RUNS}\n`,
    join(dir, `s${i}.md`),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    scenario: parsed.scenario,
    criteria: prepareCriteria(parsed.scenario, { evaluator: false }).criteria,
    warnings: [],
  };
});

const started = performance.now();
const suite = await runSuite({
  scenarios,
  agent,
  passThreshold: 100,
  concurrency: CONCURRENCY,
  cwd: dir,
  cacheDir: join(dir, '.archal', 'cache'),
  judgeFor: () => undefined,
  env: process.env,
});
const wall = (performance.now() - started) / 1000;
if (suite.totals.passedRuns !== SCENARIOS * RUNS) throw new Error(`only ${suite.totals.passedRuns} runs passed`);
const ideal = Math.ceil((SCENARIOS * RUNS) / CONCURRENCY);
report('archal run concurrency (20 × 3 runs of a 1 s agent, --concurrency 8)', {
  ratio: wall / ideal,
  goal: 1.15,
  detail: `${wall.toFixed(2)} s vs ${ideal} s ideal`,
});
