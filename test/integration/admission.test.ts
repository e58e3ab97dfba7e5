import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openStore, type StoreOptions } from '../../src/store/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { BACKENDS } from '../helpers/stores.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * One run per working directory, always: 8 real processes start a run on the same path at the same
 * instant, 50 times over; each time exactly one run is admitted, on SQLite and on PostgreSQL.
 */

const PROCESSES = 8;
const ROUNDS = 50;

// A workflow that pauses at once: the winner's run stays active (paused), holding the path.
const WORKER = `
import { createInterface } from 'node:readline';
import { hostname } from 'node:os';
const lib = await import(process.env.LIB);
const store = await lib.openStore(JSON.parse(process.env.STORE_OPTIONS));
const loaded = await lib.loadWorkflowText('name: gate\\ndescription: admission race\\nnodes:\\n  - id: wait\\n    approval: {message: hold}\\n', {
  file: '/tmp/gate.yaml', scope: 'file', resolveCommand: () => ({ ok: false, message: 'none' }),
});
const deps = {
  store,
  engine: { providers: lib.createProviderRegistry({}), env: {}, log: () => {} },
  owner: { pid: process.pid, host: hostname() },
};
const answer = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
answer({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const { path, at } = JSON.parse(line);
  while (Date.now() < at) await new Promise((resolve) => setImmediate(resolve));
  try {
    const outcome = await lib.startRun(deps, { workflow: loaded.workflow, workingPath: path });
    answer({ won: true, runId: outcome.run.id, status: outcome.run.status });
  } catch (error) {
    answer({ won: false, code: error.code ?? null, message: String(error.message ?? error) });
  }
}
await store.close();
`;

interface Answer {
  ready?: boolean;
  won?: boolean;
  runId?: string;
  status?: string;
  code?: string | null;
  message?: string;
}

class Worker {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(answer: Answer) => void> = [];
  private stderr = '';
  constructor(options: StoreOptions) {
    this.child = spawn(process.execPath, ['--input-type=module', '-e', WORKER], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        STORE_OPTIONS: JSON.stringify(options),
        LIB: `${REPO_ROOT}build/index.js`,
      },
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line)));
    this.child.on('exit', (code) => {
      for (const waiter of this.waiting.splice(0)) waiter({ won: false, code: `exit ${code}`, message: this.stderr });
    });
  }
  next(): Promise<Answer> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  ask(request: { path: string; at: number }): Promise<Answer> {
    const answer = this.next();
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    return answer;
  }
  /** Ends the worker (it closes its store and exits); SIGKILL if it has not after 5 s. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.stdin.end();
    });
  }
}

describe.each(BACKENDS)('admission on $name', (backend) => {
  const workers: Worker[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
  });

  it(`admits exactly one of ${PROCESSES} processes starting a run on one path at once, ${ROUNDS} times`, async () => {
    const options = await backend.fresh();
    // The schema exists before the race (a first open migrates).
    await (await openStore(options)).close();
    for (let i = 0; i < PROCESSES; i++) workers.push(new Worker(options));
    expect((await Promise.all(workers.map((worker) => worker.next()))).every((answer) => answer.ready)).toBe(true);

    const root = tempDir('archal-admission-');
    const store = await openStore(options);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const path = join(root, `round-${round}`);
        const at = Date.now() + 30;
        const answers = await Promise.all(workers.map((worker) => worker.ask({ path, at })));
        const winners = answers.filter((answer) => answer.won);
        const refusals = answers.filter((answer) => !answer.won);
        expect({ round, winners: winners.length }).toEqual({ round, winners: 1 });
        expect(refusals.map((answer) => answer.code)).toEqual(Array(PROCESSES - 1).fill('path_busy'));
        const active = await store.listRuns({ workingPath: path, statuses: ['pending', 'running', 'paused'] });
        expect(active.map((run) => run.id)).toEqual([winners[0]!.runId]);
      }
    } finally {
      await store.close();
    }
  }, 180_000);
});
