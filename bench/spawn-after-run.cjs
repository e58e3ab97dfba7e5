// Preloaded into a CLI process by engine-overhead.mjs: once the command's work is done, times
// ARCHAL_BENCH_SPAWNS spawns of `bash -c true` (as the baseline's `node -e` loop does) from this
// process, and writes "<ms per spawn> <rss MB>" to ARCHAL_BENCH_SPAWN_REPORT. The cost of a spawn
// grows with the size of the process that forks; this measures it at the CLI's size.
'use strict';
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');

const count = Number(process.env.ARCHAL_BENCH_SPAWNS);
const report = process.env.ARCHAL_BENCH_SPAWN_REPORT;
let done = false;
async function spawnsThenReport() {
  const one = () =>
    new Promise((resolve, reject) => {
      const child = spawn('bash', ['-c', 'true'], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.stderr.resume();
      child.stdin.end();
      child.on('error', reject);
      child.on('close', resolve);
    });
  const started = performance.now();
  for (let i = 0; i < count; i++) await one();
  const perSpawn = (performance.now() - started) / count;
  writeFileSync(report, `${perSpawn} ${process.memoryUsage().rss / 1e6}`);
}
// The CLI ends with process.exit() once its loop is idle (it leaves its stores to the exit): the
// spawns run first, then the exit goes on with the CLI's code.
const exit = process.exit.bind(process);
process.exit = (code) => {
  if (done || !count || !report) return exit(code);
  done = true;
  spawnsThenReport().then(
    () => exit(code),
    (error) => {
      console.error(error);
      exit(1);
    },
  );
};
