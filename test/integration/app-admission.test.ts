import { afterAll, describe, expect, it } from '@jest/globals';
import { sql, type KyselyPlugin } from 'kysely';
import { admit, type Delivery } from '../../app/admission.js';
import { appDb, migrateAppTables, type AppDb } from '../../app/db.js';
import { JobLedger } from '../../app/jobs.js';
import { GraphileQueue } from '../../app/queue/graphile-queue.js';
import type { JobQueue } from '../../app/queue/queue.js';
import { StoreQueue } from '../../app/queue/store-queue.js';
import type { Route } from '../../app/route.js';
import { openStore, type KyselyStore, type StoreOptions } from '../../src/store/index.js';
import { BACKENDS } from '../helpers/stores.js';

// Durable admission on both backends, with concurrent deliveries (on PostgreSQL through two
// "receivers", each its own connection pool; a SQLite process has one connection, and receivers in
// other processes wait on SQLite's lock): a delivery is stored once however often it arrives, one
// command per issue is admitted at a time, and jobs are claimed by exactly one worker and taken over
// when their worker dies.

const opened: Array<{ store: KyselyStore; queue: JobQueue }> = [];
afterAll(async () => {
  for (const { store, queue } of opened.splice(0)) {
    await queue.close();
    await store.close();
  }
});

/** Two receivers on PostgreSQL; on SQLite, one (twice), as one process would have it. */
async function receivers(options: StoreOptions) {
  const first = await receiver(options, 'a');
  return [
    first,
    options.databaseUrl
      ? await receiver(options, 'b')
      : { ...first, ledger: new JobLedger(first.db, { id: 'b', pid: process.pid, host: 'test-host' }) },
  ];
}

async function receiver(options: StoreOptions, worker = 'w') {
  const store = await openStore(options);
  const db = appDb(store);
  await migrateAppTables(db, store.kind);
  const ledger = new JobLedger(db, { id: worker, pid: process.pid, host: 'test-host' });
  const queue: JobQueue = options.databaseUrl
    ? await GraphileQueue.open({ connectionString: options.databaseUrl, db, ledger })
    : new StoreQueue(ledger);
  opened.push({ store, queue });
  return { store, db, ledger, queue };
}

const fix: Route = {
  kind: 'job',
  job: {
    kind: 'fix',
    repo: 'acme/widgets',
    installationId: 1,
    number: 3,
    isPull: false,
    dedupeKey: 'acme/widgets#3:fix',
    payload: { sender: 'alice', trigger: 'comment', text: '' },
  },
};
const delivery = (id: string): Delivery => ({
  id,
  event: 'issue_comment',
  action: 'created',
  repo: 'acme/widgets',
  number: 3,
  sender: 'alice',
});

async function count(db: AppDb, table: 'app_jobs' | 'app_deliveries'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(BACKENDS)('admission on $name', (backend) => {
  it('stores a delivery once, however many times and receivers it arrives through', async () => {
    const options = await backend.fresh();
    const pair = await receivers(options);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        admit(pair[index % 2]!.db, pair[index % 2]!.queue, delivery('d-1'), fix),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === 'queued')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(29);
    const { db } = pair[0]!;
    expect(await db.selectFrom('app_deliveries').select(['outcome', 'duplicates']).execute()).toEqual([
      { outcome: 'queued', duplicates: 29 },
    ]);
    expect(await count(db, 'app_jobs')).toBe(1);
    if (options.databaseUrl) {
      const jobs = await sql<{ n: string }>`select count(*) as n from graphile_worker._private_jobs`.execute(db);
      expect(Number(jobs.rows[0]!.n)).toBe(1);
    }
  });

  it('admits one command per issue at a time; the others are recorded as suppressed', async () => {
    const options = await backend.fresh();
    const pair = await receivers(options);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        admit(pair[index % 2]!.db, pair[index % 2]!.queue, delivery(`d-${index}`), fix),
      ),
    );
    const queued = outcomes.filter((o) => o.outcome === 'queued');
    expect(queued).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'suppressed')).toHaveLength(19);
    const { db } = pair[0]!;
    expect(await count(db, 'app_deliveries')).toBe(20);
    expect(await count(db, 'app_jobs')).toBe(1);

    // Two workers race for the job: one claims it.
    const jobId = (queued[0] as { jobId: string }).jobId;
    const claims = await Promise.all(pair.map((r) => r.ledger.claim(jobId)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = pair[claims[0] ? 0 : 1]!;
    // Still running: the same command is suppressed; finished: it is admitted again.
    expect((await admit(db, pair[0]!.queue, delivery('later-1'), fix)).outcome).toBe('suppressed');
    await winner.ledger.finish(jobId, 'done', 'ok');
    expect((await admit(db, pair[0]!.queue, delivery('later-2'), fix)).outcome).toBe('queued');
  });

  it('takes over the job of a worker that died, and only then', async () => {
    const options = await backend.fresh();
    const { db, queue } = await receiver(options);
    const admitted = await admit(db, queue, delivery('d-x'), fix);
    const jobId = (admitted as { jobId: string }).jobId;
    const alive = new Set([101]);
    const ledger = (id: string, pid: number) =>
      new JobLedger(db, { id, pid, host: 'test-host' }, { isProcessAlive: (candidate) => alive.has(candidate) });
    const first = ledger('first', 101);
    expect(await first.claim(jobId)).toMatchObject({ status: 'running', attempts: 1, worker: 'first' });
    const second = ledger('second', 102);
    expect(await second.claim(jobId)).toBeUndefined();
    alive.delete(101);
    expect(await second.claim(jobId)).toMatchObject({ status: 'running', attempts: 2, worker: 'second' });
    // The dead worker's late writes change nothing.
    await first.finish(jobId, 'failed', 'late');
    expect(await second.get(jobId)).toMatchObject({ status: 'running', worker: 'second' });
  });
});

describe.each(BACKENDS)('cancelling queued jobs on $name', (backend) => {
  it('reports as cancelled only the jobs it cancelled, not one a worker claimed meanwhile', async () => {
    const options = await backend.fresh();
    // The canceller and the worker each have their own store (on SQLite, their own connection to the file).
    const canceller = await receiver(options, 'canceller');
    const worker = await receiver(options, 'worker');
    const route = (kind: 'fix' | 'run'): Route => ({
      kind: 'job',
      job: { ...(fix as Extract<Route, { kind: 'job' }>).job, kind, dedupeKey: `acme/widgets#3:${kind}` },
    });
    const ids: string[] = [];
    for (const [id, kind] of [
      ['c-1', 'fix'],
      ['c-2', 'run'],
    ] as const) {
      const admitted = await admit(canceller.db, canceller.queue, delivery(id), route(kind));
      ids.push((admitted as { jobId: string }).jobId);
    }
    // The worker claims the second job right after the canceller's first statement on the jobs has run.
    let claimed: unknown;
    let armed = true;
    const claimAfterFirstStatement: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        if (armed) {
          armed = false;
          claimed = await worker.ledger.claim(ids[1]!);
        }
        return args.result;
      },
    };
    const ledger = new JobLedger(canceller.db.withPlugin(claimAfterFirstStatement), {
      id: 'canceller',
      pid: process.pid,
      host: 'test-host',
    });
    const reported = await ledger.cancelQueued('acme/widgets', 3);
    const rows = await canceller.db.selectFrom('app_jobs').select(['id', 'status']).where('id', 'in', ids).execute();
    const cancelled = rows.filter((row) => row.status === 'cancelled').map((row) => row.id);
    expect([...reported].sort()).toEqual(cancelled.sort());
    if (claimed) expect(reported).not.toContain(ids[1]);
    expect(reported).toContain(ids[0]);
  });
});
