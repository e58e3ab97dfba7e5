// `npm run demo:workflow`: runs the example workflow (examples/workflow-demo) end to end, offline.
// The example is copied to a temporary directory so the demo never writes into the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'archal.js');
const workdir = mkdtempSync(join(tmpdir(), 'archal-demo-'));
cpSync(join(root, 'examples', 'workflow-demo'), workdir, { recursive: true });
// Workflows run inside a git repository; the demo's copy becomes one, with its own run store.
spawnSync('git', ['init', '--quiet', workdir]);
const env = { ...process.env, ARCHAL_HOME: process.env.ARCHAL_HOME ?? join(workdir, '.archal-home') };

const report = process.argv[2] ?? 'The app crashes when I save an empty draft';
console.log(`Archal demo: running the triage-report workflow on "${report}"\n`);
const run = spawnSync(process.execPath, [cli, '--cwd', workdir, 'workflow', 'run', 'triage-report', report], {
  stdio: 'inherit',
  env,
});

if (!process.env.ARCHAL_DEMO_KEEP) rmSync(workdir, { recursive: true, force: true });
else console.log(`\n(kept ${workdir})`);
process.exit(run.status ?? 1);
