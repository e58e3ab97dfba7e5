// GitHub clone start-up and teardown: a fresh in-process instance seeded with small-project must
// be ready in under 50 ms (so each scenario run gets its own), and memory and temporary
// directories must stay flat across 1,000 create/stop cycles. Baseline printed beside it: a bare
// http server on a fresh temporary directory, measured in the same run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engine, median, report } from './lib.mjs';

const { startGitHubClone } = await engine();
const BUDGET_MS = 50;
const CYCLES = 1000;

async function bareStart() {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'archal-bench-bare-'));
  const server = createServer(() => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ms = performance.now() - started;
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

const leftBehind = [];

async function cloneStart() {
  const started = performance.now();
  const clone = await startGitHubClone({ seed: 'small-project' });
  const ms = performance.now() - started;
  const dir = clone.dir;
  // node:http rather than fetch: undici keeps state per origin, and every instance is a new origin.
  const status = await new Promise((resolve, reject) =>
    get(
      {
        host: '127.0.0.1',
        port: clone.port,
        path: '/repos/acme/widgets/issues/1',
        headers: { authorization: `token ${clone.token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    ).on('error', reject),
  );
  if (status !== 200) throw new Error(`clone not ready: ${status}`);
  await clone.handle.stop();
  if (existsSync(dir)) leftBehind.push(dir);
  return ms;
}

const gc = globalThis.gc ?? (() => {});
// Closed sockets and servers release their native handles a tick after close: let them, then measure.
const heap = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const cloneTimes = [];
const bareTimes = [];
let heapAfterWarmup = 0;
for (let i = 0; i < CYCLES; i++) {
  cloneTimes.push(await cloneStart());
  if (i < 50) bareTimes.push(await bareStart());
  if (i === 99) heapAfterWarmup = await heap();
}
const heapAtEnd = await heap();
const start = median(cloneTimes.slice(10));
const first = cloneTimes[0];
const bare = median(bareTimes.slice(5));
report('GitHub clone start-up (small-project, in-process)', {
  ratio: start / BUDGET_MS,
  goal: 1,
  detail: `${start.toFixed(1)} ms median (first ${first.toFixed(1)} ms, p95 ${[...cloneTimes].sort((a, b) => a - b)[Math.floor(CYCLES * 0.95)].toFixed(1)} ms) vs a bare http server on a temp dir ${bare.toFixed(2)} ms; ratio is the median over the ${BUDGET_MS} ms budget`,
});
const growth = heapAtEnd - heapAfterWarmup;
report(`GitHub clone memory across ${CYCLES} create/stop cycles`, {
  ratio: heapAtEnd / heapAfterWarmup,
  goal: 1.2,
  detail: `heap ${heapAfterWarmup.toFixed(1)} MB after 100 cycles, ${heapAtEnd.toFixed(1)} MB after ${CYCLES} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB); ${leftBehind.length} temporary directories left behind${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
});
if (leftBehind.length > 0) {
  console.log('FAIL  temporary directories were left behind');
  process.exitCode = 1;
}
