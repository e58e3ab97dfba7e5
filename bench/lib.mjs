// Shared helpers for benchmarks. Every benchmark compares against a baseline measured in the same
// run (machines here are noisy: absolute times mean nothing across runs) and prints a ratio.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const created = [];
process.on('exit', () => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tempDir(prefix = 'archal-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Spawns a command and resolves with its wall time in ms once it has exited. */
export function timeSpawn(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

/** Prints one result line and records whether it met its goal. */
export function report(name, { ratio, goal, detail }) {
  const ok = ratio <= goal;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ratio ${ratio.toFixed(3)} (goal ≤ ${goal})  ${detail}`);
  if (!ok) process.exitCode = 1;
}

export const engine = () => import('../build/index.js');

/** Median, lowest and highest of a sample, for "median (low–high)" lines. */
export function summary(values) {
  return { median: median(values), low: Math.min(...values), high: Math.max(...values) };
}

/** "1.23 (1.10–1.40)" */
export function formatRange({ median: mid, low, high }, digits = 2) {
  return `${mid.toFixed(digits)} (${low.toFixed(digits)}–${high.toFixed(digits)})`;
}

/**
 * Runs each variant once to warm up, then `rounds` rounds in which every variant runs once, in
 * turn (alternating, so that load on this shared machine hits them alike). Resolves with each
 * variant's samples, in round order, under its name.
 */
export async function alternate(variants, rounds = 7) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (const run of Object.values(variants)) await run();
  for (let round = 0; round < rounds; round++)
    for (const [name, run] of Object.entries(variants)) samples[name].push(await run());
  return samples;
}

/** The CLI users run (ARCHAL_BENCH_CLI: another build's bin/archal.js, to compare before and after). */
export const cli = process.env.ARCHAL_BENCH_CLI || fileURLToPath(new URL('../bin/archal.js', import.meta.url));

/** An environment for a CLI process: its own Archal home, no inherited NODE_OPTIONS or store URL. */
export function cliEnv(home, extra = {}) {
  return {
    ...process.env,
    ARCHAL_HOME: home,
    NODE_OPTIONS: '',
    ARCHAL_DATABASE_URL: '',
    DATABASE_URL: '',
    ...extra,
  };
}

/** A chain of `count` bash `true` nodes, each depending on the one before. */
export function chainYaml(count, name = 'chain') {
  const body = Array.from(
    { length: count },
    (_, i) => `  - id: n${i}\n    bash: 'true'\n${i ? `    depends_on: [n${i - 1}]\n` : ''}`,
  ).join('');
  return `name: ${name}\ndescription: a chain of ${count} bash nodes\nnodes:\n${body}`;
}

/** A script for `node -e` that spawns `bash -c true` `count` times in sequence, piped as nodes are. */
export function spawnLoopScript(count) {
  return `const { spawn } = require('node:child_process');
(async () => { for (let i = 0; i < ${count}; i++) await new Promise((resolve, reject) => {
  const child = spawn('bash', ['-c', 'true'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.resume(); child.stderr.resume(); child.stdin.end();
  child.on('error', reject); child.on('close', resolve);
}); })();`;
}
