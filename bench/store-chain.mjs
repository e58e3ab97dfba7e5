// The 200-node bash chain of the engine benchmark, persisted (run store on SQLite, through the
// run lifecycle) against the same chain with events kept in memory. Goal: ≤ 1.3 ×.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, report, tempDir } from './lib.mjs';

const { loadWorkflowText, executeWorkflow, MemorySink, createProviderRegistry, openStore, startRun } =
  await import('../build/index.js');
const COUNT = 200;
const body = Array.from(
  { length: COUNT },
  (_, i) => `  - id: n${i}\n    bash: 'true'\n${i ? `    depends_on: [n${i - 1}]\n` : ''}`,
).join('');
const text = `name: chain\ndescription: persisted chain benchmark\nnodes:\n${body}`;

async function workflowIn(dir) {
  const loaded = await loadWorkflowText(text, {
    file: `${dir}/chain.yaml`,
    scope: 'file',
    resolveCommand: () => ({ ok: false, message: 'none' }),
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.workflow;
}

async function inMemory() {
  const dir = tempDir();
  const workflow = await workflowIn(dir);
  const started = performance.now();
  const result = await executeWorkflow(
    { providers: createProviderRegistry({}), env: process.env, sink: new MemorySink() },
    { workflow, cwd: dir },
  );
  if (result.status !== 'completed') throw new Error(result.error);
  return performance.now() - started;
}

async function persisted() {
  const dir = tempDir();
  execFileSync('git', ['init', '-q', dir]);
  const workflow = await workflowIn(dir);
  const store = await openStore({ sqliteFile: join(dir, 'archal.db') });
  const started = performance.now();
  const { result } = await startRun(
    {
      store,
      engine: { providers: createProviderRegistry({}), env: process.env },
      owner: { pid: process.pid, host: 'bench' },
    },
    { workflow, workingPath: dir },
  );
  const elapsed = performance.now() - started;
  if (result.status !== 'completed') throw new Error(result.error);
  if ((await store.listEvents(result.runId)).length < COUNT * 2) throw new Error('events were not all stored');
  await store.close();
  return elapsed;
}

await inMemory();
await persisted();
const memory = [];
const stored = [];
for (let round = 0; round < 5; round++) {
  memory.push(await inMemory());
  stored.push(await persisted());
}
report('persisted 200-node chain vs in memory', {
  ratio: median(stored) / median(memory),
  goal: 1.3,
  detail: `${median(stored).toFixed(0)} ms persisted vs ${median(memory).toFixed(0)} ms in memory (medians of 5)`,
});
