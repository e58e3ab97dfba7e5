// Per-node bookkeeping, through the CLI users run: `archal workflow run chain.yaml` on a chain of
// bash `true` nodes with the run store on disk (SQLite in ARCHAL_HOME; PostgreSQL when one is at
// hand), against a Node.js process spawning `bash -c true` as many times in sequence, piped as nodes
// are. Each side runs with 1 and with COUNT nodes, so that start-up (measured by cli-startup) cancels
// out: per node = ((cli(COUNT) − cli(1)) − (spawns(COUNT) − spawns(1))) / (COUNT − 1), per round,
// alternating. Goals: ≤ 0.5 ms per node on SQLite, ≤ 0.7 ms on PostgreSQL.
// The CLI keeps the parsed YAML of the workflows it ran ($ARCHAL_HOME/cache/yaml), so the rounds after
// the first read the chain back instead of parsing it: an extra line times the first run of a
// workflow file, whose text is new each round (its parse is part of its per-node figure).
// Extra lines (no goal) show the engine in-process, which leaves out the CLI and, with a MemorySink,
// the store, and what the same bash spawn costs from inside a CLI process (a fork copies the
// forking process's page tables, so a bigger process pays more for every spawn).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  alternate,
  chainYaml,
  cli,
  cliEnv,
  formatRange,
  report,
  spawnLoopScript,
  summary,
  tempDir,
  timeSpawn,
} from './lib.mjs';

const COUNT = Number(process.env.COUNT ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 11);

const dir = tempDir();
execFileSync('git', ['init', '-q', dir]);
writeFileSync(join(dir, 'one.yaml'), chainYaml(1, 'one'));
writeFileSync(join(dir, 'chain.yaml'), chainYaml(COUNT));

async function postgresUrl() {
  if (process.env.ARCHAL_BENCH_DATABASE_URL) return { url: process.env.ARCHAL_BENCH_DATABASE_URL, stop() {} };
  const helper = new URL('../test/setup/postgres.mjs', import.meta.url);
  if (!existsSync(helper)) return undefined;
  const { startPostgres } = await import(helper);
  try {
    return await startPostgres();
  } catch (error) {
    console.log(`SKIP  PostgreSQL lines: cannot start a throwaway PostgreSQL (${error.message.split('\n')[0]})`);
    return undefined;
  }
}

const sqliteEnv = cliEnv(join(dir, 'home-sqlite'));
const run = (file, env) => () => timeSpawn(process.execPath, [cli, 'workflow', 'run', file], { cwd: dir, env });
// A chain whose text no run has parsed yet: the same nodes, and a comment of its own.
const firstRun = () => {
  writeFileSync(join(dir, 'first.yaml'), `${chainYaml(COUNT)}# ${randomUUID()}\n`);
  return run('first.yaml', sqliteEnv)();
};
const spawns = (count) => () => timeSpawn(process.execPath, ['-e', spawnLoopScript(count)], { env: sqliteEnv });

/** Per node beyond the spawn, per round: each side's COUNT-node run less its 1-node run. */
function perNode(samples, one, many) {
  return summary(
    samples[many].map((n, i) => (n - samples[one][i] - (samples.spawnN[i] - samples.spawn1[i])) / (COUNT - 1)),
  );
}

function reportPerNode(samples, label, goal) {
  const cost = perNode(samples, 'one', 'many');
  const spawnCost = summary(samples.spawnN.map((n, i) => (n - samples.spawn1[i]) / (COUNT - 1)));
  report(`per-node bookkeeping through the CLI, ${label} store (${COUNT}-node bash chain)`, {
    ratio: Math.max(cost.median, 0) / goal,
    goal: 1,
    detail: `${formatRange(cost, 3)} ms per node beyond a ${spawnCost.median.toFixed(2)} ms bash spawn, median (range) of ${ROUNDS} alternating rounds; ratio is ms over the ${goal} ms budget`,
  });
}

// Each store's lines alternate in a block of their own, with baseline rounds of their own, so that a
// PostgreSQL server (running, or writing in the background after its rounds) is no part of the
// SQLite rounds: the SQLite block runs before the server starts, and the server stops after its block.
const sqlite = await alternate(
  {
    spawn1: spawns(1),
    spawnN: spawns(COUNT),
    one: run('one.yaml', sqliteEnv),
    many: run('chain.yaml', sqliteEnv),
    firstMany: firstRun,
  },
  ROUNDS,
);
reportPerNode(sqlite, 'SQLite', 0.5);
console.log(
  `INFO  the first run of a workflow file through the CLI, SQLite (its YAML parsed, not read from the cache): ${formatRange(perNode(sqlite, 'one', 'firstMany'), 3)} ms per node beyond the spawn`,
);

const pg = await postgresUrl();
if (pg) {
  try {
    const pgEnv = cliEnv(join(dir, 'home-pg'), { ARCHAL_DATABASE_URL: pg.url });
    const postgres = await alternate(
      { spawn1: spawns(1), spawnN: spawns(COUNT), one: run('one.yaml', pgEnv), many: run('chain.yaml', pgEnv) },
      ROUNDS,
    );
    reportPerNode(postgres, 'PostgreSQL', 0.7);
  } finally {
    pg.stop();
  }
}

// In-process variants, for locating a regression (not goals).
const { loadWorkflowText, executeWorkflow, MemorySink, createProviderRegistry, openStore, startRun } =
  await import('../build/index.js');
const loaded = await loadWorkflowText(chainYaml(COUNT), {
  file: join(dir, 'chain.yaml'),
  scope: 'file',
  resolveCommand: () => ({ ok: false, message: 'none' }),
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));

async function inMemory() {
  const started = performance.now();
  const result = await executeWorkflow(
    { providers: createProviderRegistry({}), env: process.env, sink: new MemorySink() },
    { workflow: loaded.workflow, cwd: dir },
  );
  if (result.status !== 'completed') throw new Error(result.error);
  return performance.now() - started;
}

async function inProcessSqlite() {
  const store = await openStore({ sqliteFile: join(tempDir(), 'archal.db') });
  const started = performance.now();
  const { result } = await startRun(
    {
      store,
      engine: { providers: createProviderRegistry({}), env: process.env },
      owner: { pid: process.pid, host: 'bench' },
    },
    { workflow: loaded.workflow, workingPath: dir },
  );
  const elapsed = performance.now() - started;
  if (result.status !== 'completed') throw new Error(result.error);
  await store.close();
  return elapsed;
}

// The baseline's spawn loop, run inside a CLI process once its run of the chain is done.
const spawnReport = join(dir, 'spawn-report.txt');
let cliRss = 0;
async function spawnsInCli() {
  await timeSpawn(
    process.execPath,
    ['-r', new URL('./spawn-after-run.cjs', import.meta.url).pathname, cli, 'workflow', 'run', 'chain.yaml'],
    { cwd: dir, env: { ...sqliteEnv, ARCHAL_BENCH_SPAWNS: String(COUNT), ARCHAL_BENCH_SPAWN_REPORT: spawnReport } },
  );
  const [perSpawn, rss] = readFileSync(spawnReport, 'utf8').split(' ').map(Number);
  cliRss = rss;
  return perSpawn;
}

const inProcess = await alternate(
  { spawnN: spawns(COUNT), memory: inMemory, sqlite: inProcessSqlite, inCli: spawnsInCli },
  5,
);
const lines = [
  ['memory', 'in-process executeWorkflow with a MemorySink (leaves out the CLI and the store)'],
  ['sqlite', 'in-process startRun on SQLite (leaves out the CLI process)'],
];
for (const [key, what] of lines) {
  // The spawn loop runs in its own process: subtract its per-spawn cost, not its start-up.
  const cost = summary(inProcess[key].map((t, i) => (t - (inProcess.spawnN[i] - sqlite.spawn1[i % ROUNDS])) / COUNT));
  console.log(`INFO  ${what}: ${formatRange(cost, 3)} ms per node beyond the spawn`);
}
const nodeSpawn = summary(inProcess.spawnN.map((t, i) => (t - sqlite.spawn1[i % ROUNDS]) / (COUNT - 1)));
const penalty = summary(
  inProcess.inCli.map((t, i) => t - (inProcess.spawnN[i] - sqlite.spawn1[i % ROUNDS]) / (COUNT - 1)),
);
console.log(
  `INFO  the same bash spawn from inside a CLI process after its ${COUNT}-node run (RSS ${cliRss.toFixed(0)} MB): ${formatRange(summary(inProcess.inCli), 3)} ms vs ${formatRange(nodeSpawn, 3)} ms from \`node -e\`; ${formatRange(penalty, 3)} ms more per spawn: the cost of forking a process of the CLI's size, part of the per-node figures above`,
);
