// What the two demos share: the example agent's files as a clone seed, and running a process.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files under `root` (its node_modules and .archal left out), by path relative to it, as a seed's `files`. */
export function exampleFiles(root, dir = root, files = {}) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.archal') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) exampleFiles(root, path, files);
    else files[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Runs a process without blocking this one (the clone serves from this process). */
export function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}
