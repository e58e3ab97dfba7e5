// Shared helpers for benchmarks. Every benchmark compares against a baseline measured in the same
// run (machines here are noisy: absolute times mean nothing across runs) and prints a ratio.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
