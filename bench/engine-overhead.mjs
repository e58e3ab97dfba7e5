// Engine bookkeeping per node: a chain of 200 `true` bash nodes, against spawning `bash -c true`
// 200 times in sequence from this same process. Goal: ≤ 1 ms per node beyond the spawn (median).
import { spawn } from 'node:child_process';
import { engine, median, report, tempDir } from './lib.mjs';

const { loadWorkflowText, executeWorkflow, MemorySink, createProviderRegistry } = await engine();
const COUNT = 200;

const body = Array.from(
  { length: COUNT },
  (_, i) => `  - id: n${i}\n    bash: 'true'\n${i ? `    depends_on: [n${i - 1}]\n` : ''}`,
).join('');
const text = `name: chain\ndescription: overhead benchmark\nnodes:\n${body}`;

function spawnTrue() {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'true'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.end();
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function baseline() {
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) await spawnTrue();
  return performance.now() - started;
}

async function chain(sinkFactory = () => new MemorySink()) {
  const dir = tempDir();
  const loaded = await loadWorkflowText(text, {
    file: `${dir}/chain.yaml`,
    scope: 'file',
    resolveCommand: () => ({ ok: false, message: 'none' }),
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const started = performance.now();
  const result = await executeWorkflow(
    { providers: createProviderRegistry({}), env: process.env, sink: sinkFactory(dir) },
    { workflow: loaded.workflow, cwd: dir },
  );
  if (result.status !== 'completed') throw new Error(result.error);
  return performance.now() - started;
}

export async function measureOverhead(sinkFactory) {
  await baseline();
  await chain(sinkFactory);
  const perNode = [];
  const spawnCosts = [];
  for (let round = 0; round < 5; round++) {
    const base = await baseline();
    const engineTime = await chain(sinkFactory);
    spawnCosts.push(base / COUNT);
    perNode.push((engineTime - base) / COUNT);
  }
  return { perNode: median(perNode), spawn: median(spawnCosts) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { perNode, spawn: spawnCost } = await measureOverhead();
  report('engine overhead (200-node bash chain)', {
    ratio: Math.max(perNode, 0) / 1,
    goal: 1,
    detail: `${perNode.toFixed(3)} ms per node beyond a ${spawnCost.toFixed(2)} ms bash spawn (ratio is ms over the 1 ms budget)`,
  });
}
