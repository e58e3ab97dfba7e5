// Event writes must not slow the engine:
//  1. 8 concurrent writers inserting 10,000 events through the store reach ≥ 0.5 × the rate of
//     bare better-sqlite3 inserts of the same rows (same table, same index) in the same run;
//  2. with 100,000 events already stored, appending an event and reading a run's resume state
//     cost ≤ 1.2 × what they cost on an empty store.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { median, report, tempDir } from './lib.mjs';

const { openStore, priorFromEvents } = await import('../build/index.js');
const EVENTS = 10_000;
const WRITERS = 8;

const newRun = (id) => ({
  id,
  workflowName: 'bench',
  workingPath: '/bench',
  conversationId: 'cli-0-bench',
  userMessage: '',
  metadata: {},
  status: 'running',
  ownerPid: process.pid,
  ownerHost: 'bench',
});
const eventFor = (runId, i) => ({
  type: i % 3 === 0 ? 'node_started' : 'node_completed',
  runId,
  nodeId: `node-${i % 50}`,
  data: { duration_ms: i, node_output: `output ${i}`, attempts: 1 },
  ts: new Date().toISOString(),
});

async function storeRate() {
  const store = await openStore({ sqliteFile: join(tempDir(), 'archal.db') });
  const runs = Array.from({ length: WRITERS }, (_, w) => `run-${w}`);
  for (const id of runs) await store.createRun(newRun(id));
  const started = performance.now();
  await Promise.all(
    runs.map(async (runId, w) => {
      for (let i = w; i < EVENTS; i += WRITERS) await store.appendEvent(eventFor(runId, i));
    }),
  );
  const elapsed = performance.now() - started;
  await store.close();
  return EVENTS / elapsed;
}

async function bareRate() {
  // The same schema as the store's (migrations create it), written with plain prepared statements.
  const file = join(tempDir(), 'archal.db');
  const setup = await openStore({ sqliteFile: file });
  for (let w = 0; w < WRITERS; w++) await setup.createRun(newRun(`run-${w}`));
  await setup.close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    'insert into workflow_events (run_id, seq, type, node_id, data, created_at) values (?, ?, ?, ?, ?, ?)',
  );
  const seq = new Array(WRITERS).fill(0);
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const w = i % WRITERS;
    const event = eventFor(`run-${w}`, i);
    insert.run(event.runId, ++seq[w], event.type, event.nodeId, JSON.stringify(event.data), event.ts);
  }
  const elapsed = performance.now() - started;
  db.close();
  return EVENTS / elapsed;
}

const store = [];
const bare = [];
for (let round = 0; round < 3; round++) {
  bare.push(await bareRate());
  store.push(await storeRate());
}
const ratio = median(store) / median(bare);
report('store: 8 concurrent event writers vs bare better-sqlite3', {
  ratio: 0.5 / ratio,
  goal: 1,
  detail: `${median(store).toFixed(1)} vs ${median(bare).toFixed(1)} events/ms = ${ratio.toFixed(2)} × bare (goal ≥ 0.5; the ratio printed is 0.5 ÷ that)`,
});

/** Median cost of one append and of one resume-state read, in ms, alternating between two stores. */
async function measure(stores, runId, rounds) {
  const costs = stores.map(() => ({ append: [], read: [] }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, store] of stores.entries()) {
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await store.appendEvent(eventFor(runId, i));
        costs[index].append.push(performance.now() - t);
      }
      const t = performance.now();
      priorFromEvents(await store.listEvents(runId, ['node_completed', 'node_failed', 'node_skipped_prior_success']));
      costs[index].read.push(performance.now() - t);
    }
  }
  return costs.map(({ append, read }) => ({ append: median(append), read: median(read) }));
}

const empty = await openStore({ sqliteFile: join(tempDir(), 'archal.db') });
const full = await openStore({ sqliteFile: join(tempDir(), 'archal.db') });
for (let r = 0; r < 100; r++) await full.createRun(newRun(`history-${r}`));
await full.db.transaction().execute(async (trx) => {
  for (let i = 0; i < 100_000; i++) {
    const runId = `history-${i % 100}`;
    const event = eventFor(runId, i);
    await trx
      .insertInto('workflow_events')
      .values({
        run_id: runId,
        seq: Math.floor(i / 100) + 1,
        type: event.type,
        node_id: event.nodeId,
        data: JSON.stringify(event.data),
        created_at: event.ts,
      })
      .execute();
  }
});
for (const store of [empty, full]) {
  await store.createRun(newRun('warmup'));
  await store.createRun(newRun('probe'));
}
await measure([empty, full], 'warmup', 3);
const [emptyCost, fullCost] = await measure([empty, full], 'probe', 15);
await empty.close();
await full.close();
report('store: event append with 100,000 events of history', {
  ratio: fullCost.append / emptyCost.append,
  goal: 1.2,
  detail: `${(fullCost.append * 1000).toFixed(0)} µs vs ${(emptyCost.append * 1000).toFixed(0)} µs on an empty store`,
});
report('store: resume-state read with 100,000 events of history', {
  ratio: fullCost.read / emptyCost.read,
  goal: 1.2,
  detail: `${(fullCost.read * 1000).toFixed(0)} µs vs ${(emptyCost.read * 1000).toFixed(0)} µs on an empty store (a run of 300 events)`,
});
