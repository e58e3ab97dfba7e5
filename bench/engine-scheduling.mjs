// Dependency-driven scheduling: on an uneven DAG of sleep nodes where a layer barrier wastes more
// than 40% of the time, wall time must stay within 1.10 × the critical path. The same DAG is also
// run with explicit layer barriers (every node depends on the whole previous layer) for comparison.
import { engine, median, report, tempDir } from './lib.mjs';

const { loadWorkflowText, executeWorkflow, MemorySink, createProviderRegistry } = await engine();

// Three branches of equal length (0.8 s) cut into different numbers of steps, then a join.
const nodes = [
  { id: 'a', sleep: 0.8, deps: [] },
  { id: 'b1', sleep: 0.2, deps: [] },
  { id: 'b2', sleep: 0.2, deps: ['b1'] },
  { id: 'b3', sleep: 0.2, deps: ['b2'] },
  { id: 'b4', sleep: 0.2, deps: ['b3'] },
  { id: 'c1', sleep: 0.4, deps: [] },
  { id: 'c2', sleep: 0.4, deps: ['c1'] },
  { id: 'end', sleep: 0.1, deps: ['a', 'b4', 'c2'] },
];

function layers(list) {
  const depth = new Map();
  const of = (node) => {
    if (!depth.has(node.id))
      depth.set(
        node.id,
        node.deps.length === 0 ? 0 : 1 + Math.max(...node.deps.map((id) => of(list.find((n) => n.id === id)))),
      );
    return depth.get(node.id);
  };
  list.forEach(of);
  return depth;
}

function criticalPath(list) {
  const finish = new Map();
  const of = (node) => {
    if (!finish.has(node.id))
      finish.set(node.id, node.sleep + Math.max(0, ...node.deps.map((id) => of(list.find((n) => n.id === id)))));
    return finish.get(node.id);
  };
  return Math.max(...list.map(of)) * 1000;
}

function yaml(list, barrier) {
  const depth = layers(list);
  const body = list
    .map((node) => {
      const deps = barrier
        ? list.filter((other) => depth.get(other.id) === depth.get(node.id) - 1).map((other) => other.id)
        : node.deps;
      return `  - id: ${node.id}\n    bash: sleep ${node.sleep}\n${deps.length ? `    depends_on: [${deps.join(', ')}]\n` : ''}`;
    })
    .join('');
  return `name: bench\ndescription: scheduling benchmark\nmax_parallel: 8\nnodes:\n${body}`;
}

async function runOnce(text) {
  const dir = tempDir();
  const loaded = await loadWorkflowText(text, {
    file: `${dir}/bench.yaml`,
    scope: 'file',
    resolveCommand: () => ({ ok: false, message: 'none' }),
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const started = performance.now();
  const result = await executeWorkflow(
    { providers: createProviderRegistry({}), env: process.env, sink: new MemorySink() },
    { workflow: loaded.workflow, cwd: dir },
  );
  if (result.status !== 'completed') throw new Error(`run ${result.status}: ${result.error}`);
  return performance.now() - started;
}

const critical = criticalPath(nodes);
const depth = layers(nodes);
const layerBarrierTheory = [...new Set(depth.values())].reduce(
  (sum, level) => sum + Math.max(...nodes.filter((n) => depth.get(n.id) === level).map((n) => n.sleep)) * 1000,
  0,
);
const dependencyDriven = [];
const barrier = [];
for (let i = 0; i < 3; i++) {
  dependencyDriven.push(await runOnce(yaml(nodes, false)));
  barrier.push(await runOnce(yaml(nodes, true)));
}
const wall = median(dependencyDriven);
report('scheduling (uneven DAG)', {
  ratio: wall / critical,
  goal: 1.1,
  detail: `wall ${wall.toFixed(0)} ms, critical path ${critical.toFixed(0)} ms; layer barrier ${median(barrier).toFixed(0)} ms measured (${layerBarrierTheory.toFixed(0)} ms in theory, ${(100 * (1 - critical / layerBarrierTheory)).toFixed(0)}% wasted)`,
});
