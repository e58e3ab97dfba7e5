// Action start-up: `node dist/index.js` until the first line of its own work (the line naming what
// it will do, printed once the inputs are validated), beyond `node -e 0` measured in the same run,
// interleaved. Goal: ≤ 150 ms more. Also reports the bundle's size.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, tempDir, timeSpawn } from './lib.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const workspace = tempDir();

/** Milliseconds from spawning the Action to the first line it prints on stdout. */
function firstLine() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(dist, 'index.js')], {
      cwd: workspace,
      // An unknown working directory makes the run stop right after its first line: only start-up is measured.
      env: {
        PATH: process.env.PATH,
        GITHUB_WORKSPACE: workspace,
        RUNNER_TEMP: workspace,
        'INPUT_WORKING-DIRECTORY': 'no-such-dir',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        const elapsed = performance.now() - started;
        if (!text.startsWith('Archal: ')) reject(new Error(`unexpected first line: ${text}`));
        resolve(elapsed);
        child.kill();
      }
    });
    child.on('error', reject);
  });
}

const action = [];
const bare = [];
for (let i = 0; i < 25; i++) {
  bare.push(await timeSpawn(process.execPath, ['-e', '0']));
  action.push(await firstLine());
}
const a = median(action.slice(5));
const b = median(bare.slice(5));
const extra = a - b;
const ok = extra <= 150;
console.log(
  `${ok ? 'PASS' : 'FAIL'}  Action start-up: ${extra.toFixed(0)} ms beyond node -e 0 (goal ≤ 150 ms)  first line after ${a.toFixed(0)} ms vs node -e 0 ${b.toFixed(0)} ms (medians)`,
);
if (!ok) process.exitCode = 1;

const files = readdirSync(dist).filter((file) => file.endsWith('.js'));
const sizes = files.map((file) => [file, statSync(join(dist, file)).size]);
const total = sizes.reduce((sum, [, size]) => sum + size, 0);
console.log(
  `INFO  Action bundle: ${(total / 1024).toFixed(0)} KiB of JavaScript (${sizes.map(([file, size]) => `${file} ${(size / 1024).toFixed(0)} KiB`).join(', ')})`,
);
