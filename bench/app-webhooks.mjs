// GitHub App webhook acknowledgement under load: 200 signed deliveries per second for 10 s on
// loopback to `archal app start --no-worker` (each delivery stored, and its job queued, before the
// 200), against a bare Probot app that acknowledges without storing, in the same run. The mix:
// `/archal fix` commands on distinct issues (a job each), plain comments (stored, ignored), and
// redeliveries of earlier deliveries (recorded, suppressed). Goals: p99 < 50 ms; zero deliveries
// lost (every one stored, every redelivery counted); zero admitted twice (one job per command).
// Prints p50/p99 and CPU per delivery of both and their ratios; rounds of the two alternate.
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './lib.mjs';

const RATE = 200;
const SECONDS = 10;
const SECRET = 'bench-webhook-secret';
const root = fileURLToPath(new URL('..', import.meta.url));
let nextIssue = 1;

if (process.argv[2] === 'serve-bare') await serveBare(Number(process.argv[3]));
else await main();

/** The baseline: Probot's own middleware and an app that does nothing with what it receives. */
async function serveBare(port) {
  const { createNodeMiddleware, createProbot } = await import('probot');
  const probot = createProbot({
    env: { APP_ID: '1', PRIVATE_KEY: process.env.BENCH_PRIVATE_KEY, WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'warn' },
  });
  const middleware = await createNodeMiddleware((app) => app.onAny(async () => {}), {
    probot,
    webhooksPath: '/api/github/webhooks',
  });
  const server = createServer({ keepAlive: true }, (req, res) => middleware(req, res));
  server.listen(port, '127.0.0.1', () => process.stderr.write('bare running\n'));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes(ready)) {
        clearInterval(timer);
        resolve(child);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`${args.join(' ')} exited ${code}: ${output}`));
    });
  });
}

function payload(kind, issue) {
  const body = kind === 'command' ? '/archal fix' : kind === 'plain' ? 'Thanks for the report!' : 'unused';
  return {
    action: 'created',
    issue: { number: issue, title: `Issue ${issue}` },
    comment: { id: issue * 10, body, user: { login: 'alice', type: 'User' } },
    repository: { id: 1, full_name: 'acme/widgets', name: 'widgets', owner: { login: 'acme' } },
    installation: { id: 1 },
    sender: { login: 'alice', type: 'User' },
  };
}

/** Sends RATE deliveries per second for SECONDS seconds without waiting for answers; returns latencies. */
async function load(port, seconds = SECONDS) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sent = [];
  const latencies = [];
  const failures = [];
  const pending = [];
  const total = RATE * seconds;
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // 60 % commands on distinct issues, 30 % plain comments, 10 % redeliveries of an earlier delivery.
    const roll = index % 10;
    let delivery;
    if (roll === 9 && sent.length > 0) delivery = { ...sent[(index * 7) % sent.length], redelivery: true };
    else {
      const kind = roll < 6 ? 'command' : 'plain';
      const body = JSON.stringify(payload(kind, nextIssue++));
      delivery = { id: randomUUID(), kind, body, redelivery: false };
      sent.push(delivery);
    }
    const signature = `sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`;
    const t0 = performance.now();
    pending.push(
      new Promise((resolve) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/github/webhooks',
            agent,
            headers: {
              'content-type': 'application/json',
              'x-github-event': 'issue_comment',
              'x-github-delivery': delivery.id,
              'x-hub-signature-256': signature,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - t0);
              if (res.statusCode !== 200) failures.push(res.statusCode);
              resolve();
            });
          },
        );
        req.on('error', (error) => {
          failures.push(error.message);
          resolve();
        });
        req.end(delivery.body);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies, failures, sent, redeliveries: total - sent.length };
}

/** CPU time a process has used so far, in ms (user + system, from /proc; 0 where there is none). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  // The store on memory-backed /dev/shm when there is one, as clones keep their files: the figure is
  // then the App's acknowledgement path, not the disk under whatever else the machine is doing.
  const home = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/archal-bench-app-') : tempDir('archal-bench-app-');
  process.on('exit', () => rmSync(home, { recursive: true, force: true }));
  const appPort = await freePort();
  const app = await start(
    [
      ...(process.env.BENCH_APP_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_APP_PROFILE}`] : []),
      join(root, 'bin', 'archal.js'),
      'app',
      'start',
      '--no-worker',
      '--port',
      String(appPort),
    ],
    {
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      ARCHAL_HOME: home,
      DATABASE_URL: '',
      ARCHAL_DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: '',
    },
    'running (pid',
  );
  const barePort = await freePort();
  const bare = await start(
    [fileURLToPath(import.meta.url), 'serve-bare', String(barePort)],
    { BENCH_PRIVATE_KEY: privateKey },
    'bare running',
  );
  try {
    // A one-second warm-up of each (JIT, connections, SQLite pages), then the measured runs.
    await load(barePort, 1);
    await load(appPort, 1);
    // Rounds of 2 s, alternated, so that both see the same machine (others' load comes and goes).
    const baseline = { latencies: [], failures: [], sent: [], redeliveries: 0 };
    const measured = { latencies: [], failures: [], sent: [], redeliveries: 0 };
    let bareCpu = 0;
    let appCpu = 0;
    for (let round = 0; round < SECONDS / 2; round++) {
      for (const [target, port, child] of [
        [baseline, barePort, bare],
        [measured, appPort, app],
      ]) {
        const before = cpuMs(child.pid);
        const result = await load(port, 2);
        const used = cpuMs(child.pid) - before;
        if (child === app) appCpu += used;
        else bareCpu += used;
        target.latencies.push(...result.latencies);
        target.failures.push(...result.failures);
        target.sent.push(...result.sent);
        target.redeliveries += result.redeliveries;
      }
    }

    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(home, 'archal.db'), { readonly: true });
    const stored = db.prepare('select id, outcome, duplicates from app_deliveries').all();
    const measuredIds = new Set(measured.sent.map((delivery) => delivery.id));
    const jobs = db
      .prepare('select delivery_id from app_jobs')
      .all()
      .filter((job) => measuredIds.has(job.delivery_id));
    db.close();
    const byId = new Map(stored.map((row) => [row.id, row]));
    const lost = measured.sent.filter((delivery) => !byId.has(delivery.id)).length;
    const duplicatesCounted = stored
      .filter((row) => measuredIds.has(row.id))
      .reduce((sum, row) => sum + row.duplicates, 0);
    const commands = measured.sent.filter((delivery) => delivery.kind === 'command').length;
    const jobsPerDelivery = new Map();
    for (const job of jobs) jobsPerDelivery.set(job.delivery_id, (jobsPerDelivery.get(job.delivery_id) ?? 0) + 1);
    const twice = [...jobsPerDelivery.values()].filter((count) => count > 1).length;

    const p50 = percentile(measured.latencies, 50);
    const p99 = percentile(measured.latencies, 99);
    const bareP50 = percentile(baseline.latencies, 50);
    const bareP99 = percentile(baseline.latencies, 99);
    const ok =
      p99 < 50 &&
      measured.failures.length === 0 &&
      lost === 0 &&
      duplicatesCounted === measured.redeliveries &&
      jobs.length === commands &&
      twice === 0;
    console.log(
      `${ok ? 'PASS' : 'FAIL'}  app-webhooks: ${RATE}/s for ${SECONDS}s — app p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (goal < 50); ` +
        `bare Probot p50 ${bareP50.toFixed(1)} ms, p99 ${bareP99.toFixed(1)} ms; ratio p50 ${(p50 / bareP50).toFixed(2)}, p99 ${(p99 / bareP99).toFixed(2)}; ` +
        `CPU per delivery ${(appCpu / measured.latencies.length).toFixed(2)} ms (bare ${(bareCpu / baseline.latencies.length).toFixed(2)} ms); ` +
        `${measured.latencies.length} acknowledged, ${measured.failures.length} failed, ${lost} lost, ` +
        `${duplicatesCounted}/${measured.redeliveries} redeliveries suppressed, ${jobs.length}/${commands} jobs, ${twice} admitted twice`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    app.kill('SIGTERM');
    bare.kill('SIGTERM');
  }
}
