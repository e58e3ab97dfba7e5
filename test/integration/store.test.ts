import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { MemoryStore, openStore, type StoreOptions } from '../../src/store/index.js';
import { MIGRATIONS, type Database } from '../../src/store/schema.js';
import { KyselyStore } from '../../src/store/kysely-store.js';
import type { NewRun } from '../../src/workflows/run-store.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { BACKENDS, freshPostgresUrl, openFresh } from '../helpers/stores.js';
import { tempDir } from '../helpers/tmp.js';

function newRun(overrides: Partial<NewRun> = {}): NewRun {
  const id = overrides.id ?? `run-${Math.random().toString(36).slice(2, 10)}`;
  return {
    id,
    workflowName: 'wf',
    // One active run per path: each run gets its own unless a test shares one on purpose.
    workingPath: `/repo/${id}`,
    conversationId: 'cli-1-abc',
    userMessage: 'hello',
    metadata: {},
    status: 'running',
    ownerPid: 1234,
    ownerHost: 'host-a',
    ...overrides,
  };
}

const event = (runId: string, type: 'node_started' | 'node_completed' | 'ralph_story_started', n: number) => ({
  type,
  runId,
  nodeId: `n${n}`,
  data: { n },
  ts: new Date().toISOString(),
});

/** Runs a script in a separate Node process against the built library, returning its JSON output. */
function inProcess(script: string, options: StoreOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        STORE_OPTIONS: JSON.stringify(options),
        LIB: `${REPO_ROOT}build/index.js`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

describe.each(BACKENDS)('run store on $name', (backend) => {
  let store: KyselyStore;
  let options: StoreOptions;
  beforeAll(async () => {
    ({ store, options } = await openFresh(backend));
  });
  afterAll(async () => {
    await store.close();
  });

  it('creates runs and finds them by id and by unique prefix', async () => {
    const run = await store.createRun(newRun({ id: 'abcd1234-0000', metadata: { workflowFile: '/x.yaml' } }));
    expect(run).toMatchObject({
      id: 'abcd1234-0000',
      status: 'running',
      workflowName: 'wf',
      metadata: { workflowFile: '/x.yaml' },
      ownerPid: 1234,
    });
    expect(Date.parse(run.startedAt)).not.toBeNaN();
    expect((await store.getRun('abcd1234-0000'))?.id).toBe('abcd1234-0000');
    expect((await store.findRunsByPrefix('abcd')).map((r) => r.id)).toEqual(['abcd1234-0000']);
    expect(await store.findRunsByPrefix('abcd%')).toEqual([]);
    expect(await store.getRun('nope')).toBeUndefined();
  });

  it('changes status only from the expected statuses, merging metadata', async () => {
    const { id } = await store.createRun(newRun({ metadata: { workflowFile: 'f' } }));
    expect(await store.changeStatus(id, { from: ['paused'], to: 'completed' })).toBe(false);
    expect(await store.changeStatus(id, { from: ['running'], to: 'failed', metadata: { error: 'boom' } })).toBe(true);
    const failed = await store.getRun(id);
    expect(failed).toMatchObject({ status: 'failed', metadata: { workflowFile: 'f', error: 'boom' } });
    expect(failed!.completedAt).not.toBeNull();
    expect(await store.changeStatus(id, { from: ['failed'], to: 'running', lastActivityAt: 'not-the-heartbeat' })).toBe(
      false,
    );
    expect(
      await store.changeStatus(id, {
        from: ['failed'],
        to: 'running',
        lastActivityAt: failed!.lastActivityAt,
        owner: { pid: 9, host: 'b' },
      }),
    ).toBe(true);
    expect(await store.getRun(id)).toMatchObject({ status: 'running', ownerPid: 9, ownerHost: 'b', completedAt: null });
  });

  it('lets exactly one of many concurrent callers win a status change', async () => {
    const { id } = await store.createRun(newRun({ status: 'paused' }));
    const wins = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.changeStatus(id, { from: ['paused'], to: 'running', metadata: { error: `winner ${i}` } }),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('numbers events per run without gaps under concurrent writers, and filters them', async () => {
    const { id } = await store.createRun(newRun());
    const { id: other } = await store.createRun(newRun());
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        store.appendEvent(event(id, i % 2 ? 'node_completed' : 'node_started', i)),
      ),
      ...Array.from({ length: 10 }, (_, i) => store.appendEvent(event(other, 'node_started', i))),
    ]);
    const events = await store.listEvents(id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.data.n)).size).toBe(40);
    expect((await store.listEvents(other)).map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect((await store.listEvents(id, ['node_completed'])).every((e) => e.type === 'node_completed')).toBe(true);
  });

  it('refreshes the heartbeat and reports the current status', async () => {
    const { id, lastActivityAt } = await store.createRun(newRun());
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.heartbeat(id)).toBe('running');
    expect((await store.getRun(id))!.lastActivityAt > lastActivityAt).toBe(true);
    await store.changeStatus(id, { from: ['running'], to: 'cancelled' });
    expect(await store.heartbeat(id)).toBe('cancelled');
  });

  it('lists runs by path, workflow and status, newest first', async () => {
    const path = `/repo-${backend.name}-list`;
    const first = await store.createRun(newRun({ workingPath: path, status: 'failed' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await store.createRun(newRun({ workingPath: path, status: 'running' }));
    expect((await store.listRuns({ workingPath: path })).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await store.listRuns({ workingPath: path, statuses: ['failed'] })).map((r) => r.id)).toEqual([first.id]);
  });

  it('lists runs under directories (as text: no LIKE patterns), by conversation and up to a limit', async () => {
    const root = `/under-${backend.name}/re_po%`;
    const at = await store.createRun(newRun({ workingPath: root, conversationId: 'conv-a' }));
    const inside = await store.createRun(newRun({ workingPath: `${root}/wt/one`, conversationId: 'conv-b' }));
    // Neither a sibling sharing the prefix nor a path LIKE would match (_ and % are literal here).
    await store.createRun(newRun({ workingPath: `${root}-sibling` }));
    await store.createRun(newRun({ workingPath: `/under-${backend.name}/reXpoY` }));
    const ids = async (filter: Parameters<KyselyStore['listRuns']>[0]) =>
      (await store.listRuns(filter)).map((run) => run.id).sort();
    expect(await ids({ workingPathUnder: [root] })).toEqual([at.id, inside.id].sort());
    expect(await ids({ workingPathUnder: [root], conversationId: 'conv-b' })).toEqual([inside.id]);
    expect(await ids({ workingPathUnder: [] })).toEqual([]);
    expect(await store.listRuns({ workingPathUnder: [root], limit: 1 })).toHaveLength(1);
  });

  it('keeps one active run per working path, in the database', async () => {
    const path = `/repo-${backend.name}-one-active`;
    const active = await store.createRun(newRun({ workingPath: path, status: 'pending' }));
    await expect(store.createRun(newRun({ workingPath: path, status: 'running' }))).rejects.toMatchObject({
      code: 'working_path_taken',
    });
    await expect(store.createRun(newRun({ workingPath: path, status: 'paused' }))).rejects.toMatchObject({
      code: 'working_path_taken',
    });
    // Ended runs do not hold the path; a run may not become active beside the active one.
    const ended = await store.createRun(newRun({ workingPath: path, status: 'failed' }));
    expect(await store.changeStatus(ended.id, { from: ['failed'], to: 'running' })).toBe(false);
    expect((await store.getRun(ended.id))!.status).toBe('failed');
    // Once the active run ends, the path is free again.
    expect(await store.changeStatus(active.id, { from: ['pending'], to: 'completed' })).toBe(true);
    expect(await store.changeStatus(ended.id, { from: ['failed'], to: 'running' })).toBe(true);
    // An id that exists is not a path conflict.
    await expect(store.createRun(newRun({ id: ended.id, workingPath: '/elsewhere' }))).rejects.not.toMatchObject({
      code: 'working_path_taken',
    });
  });

  it('tracks node processes and worktrees', async () => {
    const { id } = await store.createRun(newRun());
    await store.trackProcess({ runId: id, pid: 4242, nodeId: 'build', host: 'h' });
    await store.trackProcess({ runId: id, pid: 4242, nodeId: 'build', host: 'h' });
    expect(await store.listProcesses(id)).toEqual([{ runId: id, pid: 4242, nodeId: 'build', host: 'h' }]);
    await store.untrackProcess(id, 4242);
    expect(await store.listProcesses(id)).toEqual([]);

    const path = `/wt/${backend.name}`;
    await store.upsertWorktree({ path, repoRoot: '/repo', branch: 'fix', workflowName: 'wf', status: 'active' });
    await store.upsertWorktree({ path, repoRoot: '/repo', branch: 'fix', workflowName: 'wf2', status: 'active' });
    const listed = (await store.listWorktrees('active')).filter((w) => w.path === path);
    expect(listed).toEqual([expect.objectContaining({ path, branch: 'fix', workflowName: 'wf2', status: 'active' })]);
    await store.setWorktreeStatus(path, 'destroyed');
    expect((await store.listWorktrees('active')).some((w) => w.path === path)).toBe(false);
  });

  it('applies migrations once and opens an up-to-date database again without changes', async () => {
    const again = await openStore(options);
    const run = await again.createRun(newRun());
    expect((await store.getRun(run.id))?.id).toBe(run.id);
    await again.close();
  });

  it('migrates a brand-new database safely when several processes open it at once', async () => {
    const fresh = await backend.fresh();
    const script = `
      const { openStore } = await import(process.env.LIB);
      const store = await openStore(JSON.parse(process.env.STORE_OPTIONS));
      const runs = await store.listRuns({});
      await store.close();
      console.log(JSON.stringify(runs.length));`;
    expect(await Promise.all(Array.from({ length: 4 }, () => inProcess(script, fresh)))).toEqual([0, 0, 0, 0]);
  });

  it('lets exactly one of several real processes win a resume race', async () => {
    const { id } = await store.createRun(newRun({ status: 'failed' }));
    const script = `
      const { openStore } = await import(process.env.LIB);
      const store = await openStore(JSON.parse(process.env.STORE_OPTIONS));
      const run = await store.getRun(${JSON.stringify(id)});
      const won = await store.changeStatus(run.id, { from: ['failed'], to: 'running', lastActivityAt: run.lastActivityAt, owner: { pid: process.pid, host: 'racer' } });
      await store.close();
      console.log(JSON.stringify({ won, pid: process.pid }));`;
    const results = (await Promise.all(Array.from({ length: 6 }, () => inProcess(script, options)))) as Array<{
      won: boolean;
      pid: number;
    }>;
    const winners = results.filter((result) => result.won);
    expect(winners).toHaveLength(1);
    expect((await store.getRun(id))!.ownerPid).toBe(winners[0]!.pid);
  });

  it('keeps every event when several real processes append to one run at once', async () => {
    const { id } = await store.createRun(newRun());
    const script = `
      const { openStore } = await import(process.env.LIB);
      const store = await openStore(JSON.parse(process.env.STORE_OPTIONS));
      const seqs = [];
      for (let i = 0; i < 40; i++) seqs.push(await store.appendEvent({ type: 'node_started', runId: ${JSON.stringify(id)}, nodeId: 'p' + process.pid, data: { i }, ts: new Date().toISOString() }));
      await store.close();
      console.log(JSON.stringify(seqs));`;
    const all = ((await Promise.all(Array.from({ length: 4 }, () => inProcess(script, options)))) as number[][]).flat();
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
    expect((await store.listEvents(id)).map((e) => e.seq)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
  });
});

describe('a run on a SQLite file', () => {
  it('reads and writes its run rows (and heartbeats) on the connection, without building a Kysely query', async () => {
    const file = join(tempDir('archal-db-'), 'archal.db');
    await (await openStore({ sqliteFile: file })).close();
    const database = new BetterSqlite3(file);
    const queries: string[] = [];
    const store = new KyselyStore(
      new Kysely<Database>({
        dialect: new SqliteDialect({ database }),
        log: (event) => void queries.push(event.query.sql),
      }),
      'sqlite',
      database,
    );
    await store.migrate();
    const run = await store.createRun(newRun({ status: 'running' }));
    expect(await store.listRuns({ workingPath: run.workingPath, statuses: ['running'] })).toHaveLength(1);
    expect(await store.changeStatus(run.id, { from: ['running'], to: 'failed', metadata: { error: 'x' } })).toBe(true);
    expect(await store.getRun(run.id)).toMatchObject({ status: 'failed', metadata: { error: 'x' } });
    const before = (await store.getRun(run.id))!.lastActivityAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.heartbeat(run.id)).toBe('failed');
    expect((await store.getRun(run.id))!.lastActivityAt > before).toBe(true);
    expect(await store.heartbeat('no-such-run')).toBeUndefined();
    expect(queries).toEqual([]);
    await store.close();
  });
});

describe('one active run per path in memory', () => {
  it('refuses a second active run on a path as the databases do', async () => {
    const memory = new MemoryStore();
    const path = '/repo-memory';
    const active = await memory.createRun(newRun({ workingPath: path }));
    await expect(memory.createRun(newRun({ workingPath: path, status: 'paused' }))).rejects.toMatchObject({
      code: 'working_path_taken',
    });
    const ended = await memory.createRun(newRun({ workingPath: path, status: 'failed' }));
    expect(await memory.changeStatus(ended.id, { from: ['failed'], to: 'running' })).toBe(false);
    await memory.changeStatus(active.id, { from: ['running'], to: 'cancelled' });
    expect(await memory.changeStatus(ended.id, { from: ['failed'], to: 'running' })).toBe(true);
  });
});

describe('migrating a database that holds several active runs on one path', () => {
  it.each(BACKENDS)('keeps the newest active and ends the others as interrupted ($name)', async (backend) => {
    const options = await backend.fresh();
    // A database as the migrations before this one left it, with the race's leftovers in it.
    const old = await openStore(options);
    await old.close();
    const raw = await openStore(options);
    const admission = MIGRATIONS.findIndex((migration) => migration.toString().includes('one_active_per_path'));
    expect(admission).toBeGreaterThan(0);
    await sql`drop index if exists workflow_runs_one_active_per_path`.execute(raw.db);
    await raw.db.updateTable('archal_schema').set({ version: admission }).execute();
    const older = await raw.createRun(newRun({ workingPath: '/dup', status: 'running' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await raw.createRun(newRun({ workingPath: '/dup', status: 'paused' }));
    await raw.close();

    const store = await openStore(options);
    try {
      expect(await store.getRun(older.id)).toMatchObject({
        status: 'failed',
        metadata: { error: 'interrupted: another run held its path' },
      });
      expect((await store.getRun(newer.id))!.status).toBe('paused');
      await expect(store.createRun(newRun({ workingPath: '/dup' }))).rejects.toMatchObject({
        code: 'working_path_taken',
      });
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL schema', () => {
  it('keeps Archal’s tables in the archal schema, never in public', async () => {
    const options = { databaseUrl: await freshPostgresUrl() };
    const store = await openStore(options);
    await store.close();
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_schema: string; table_name: string }>(
        "select table_schema, table_name from information_schema.tables where table_schema in ('archal', 'public') order by 2",
      );
      expect(rows.map((row) => `${row.table_schema}.${row.table_name}`)).toEqual([
        'archal.archal_schema',
        'archal.attach_job_lines',
        'archal.attach_jobs',
        'archal.attach_sources',
        'archal.run_processes',
        'archal.workflow_events',
        'archal.workflow_runs',
        'archal.worktrees',
      ]);
    } finally {
      await client.end();
    }
  });

  it('moves the tables an earlier version created in public into the archal schema, with their runs', async () => {
    const databaseUrl = await freshPostgresUrl();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // What earlier versions left: Archal's tables in public (created there through a public search_path).
      const store = await openStore({ databaseUrl });
      const run = await store.createRun(newRun());
      await store.close();
      const { rows: tables } = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'archal'",
      );
      for (const { name } of tables) await client.query(`alter table archal.${name} set schema public`);
      await client.query('drop schema archal');

      const reopened = await openStore({ databaseUrl });
      expect((await reopened.getRun(run.id))?.id).toBe(run.id);
      await reopened.close();
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from information_schema.tables where table_schema = 'public'",
      );
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
