import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { appKeys, startApp, waitFor } from '../helpers/app.js';
import { json, runCli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/hosted.js';
import { freshPostgresUrl } from '../helpers/stores.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

const PROD = join(EXAMPLE, 'prod-traces');
let adminUrl: string;
let readerUrl: string;
let writerUrl: string;
let columnWriterUrl: string;
let allDataWriterUrl: string;

/** The URL of `base` as another role (trust authentication: no password needed). */
const as = (base: string, role: string) => base.replace('postgres://postgres@', `postgres://${role}@`);

beforeAll(async () => {
  adminUrl = await freshPostgresUrl();
  const database = adminUrl.slice(adminUrl.lastIndexOf('/') + 1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const suffix = database.slice(-8);
    await client.query(`create role reader_${suffix} login; create role writer_${suffix} login`);
    await client.query(`
      create table agent_events (id serial primary key, trace_id text not null, type text not null, ts timestamptz,
        method text, url text, status integer, request_body jsonb, response_body jsonb, role text, content text,
        inserted_by text default current_user);
      create table agent_traces (id serial primary key, trace jsonb not null);
      create view recent_traces as select trace from agent_traces;
      create view no_traces_yet as select * from agent_events where false;
      create table agent_notes (id serial primary key, note text);
      insert into agent_notes (note) values ('the agent ran');
      grant select on agent_events, agent_traces, recent_traces, agent_notes, no_traces_yet to reader_${suffix};
      grant select, insert, update on agent_events to writer_${suffix};`);
    // Roles that can write without a table-wide INSERT/UPDATE/DELETE/TRUNCATE grant: one column, or every table.
    await client.query(`
      create role colwriter_${suffix} login; create role alldata_${suffix} login;
      grant select on agent_events to colwriter_${suffix};
      grant update (status) on agent_events to colwriter_${suffix};
      grant select on agent_events to alldata_${suffix};
      grant pg_write_all_data to alldata_${suffix};`);
    // One trace as event rows (the JSONL fields as columns), one whole OTLP document per row.
    const events = readFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), 'utf8').trim().split('\n');
    for (const line of events) {
      const event = JSON.parse(line) as Record<string, unknown>;
      await client.query(
        'insert into agent_events (trace_id, type, ts, method, url, status, request_body, response_body, role, content) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [
          event.trace_id,
          event.type,
          event.ts,
          event.method ?? null,
          event.url ?? null,
          event.status ?? null,
          event.request_body === undefined ? null : JSON.stringify(event.request_body),
          event.response_body === undefined ? null : JSON.stringify(event.response_body),
          event.role ?? null,
          event.content ?? null,
        ],
      );
    }
    await client.query('insert into agent_traces (trace) values ($1), ($2)', [
      readFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), 'utf8'),
      JSON.stringify({ not: 'a trace' }),
    ]);
    readerUrl = as(adminUrl, `reader_${suffix}`);
    writerUrl = as(adminUrl, `writer_${suffix}`);
    columnWriterUrl = as(adminUrl, `colwriter_${suffix}`);
    allDataWriterUrl = as(adminUrl, `alldata_${suffix}`);
  } finally {
    await client.end();
  }
});

let repo: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  repo = tempRepo();
  writeFileSync(join(repo, '.archal.json'), JSON.stringify({ agent: 'node agent.mjs' }));
  env = {
    ARCHAL_HOME: tempDir('archal-home-'),
    TRACE_DATABASE_URL: readerUrl,
    WRITER_URL: writerUrl,
    COLUMN_WRITER_URL: columnWriterUrl,
    ALL_DATA_WRITER_URL: allDataWriterUrl,
    ADMIN_URL: adminUrl,
  };
});

const cli = (args: string[]) => runCli(['--cwd', repo, ...args], { env, timeoutMs: 60_000 });

describe('a Postgres trace source, read-only', () => {
  it('--check: connects, confirms the role cannot write, maps rows to traces, and registers nothing', async () => {
    const check = await cli([
      'attach',
      '--repo',
      '.',
      '--source',
      'postgres',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--source-name',
      'prod-events',
      '--table',
      'agent_events',
      '--check',
      '--json',
    ]);
    expect(check.code).toBe(0);
    expect(json(check)).toMatchObject({
      ok: true,
      connection: { ok: true, user: expect.stringMatching(/^reader_/) },
      readOnly: { ok: true, superuser: false, writable: [] },
      mapping: { ok: true, mode: 'event-rows', rows: 6, traces: [{ id: 'label-bugs-2025-06-03', calls: 4 }] },
    });
    expect(existsSync(join(repo, '.archal', 'attach', 'attachments.json'))).toBe(false);
  });

  it('--check refuses a role that can write, and a superuser, naming what they can write', async () => {
    const base = [
      'attach',
      '--repo',
      '.',
      '--source',
      'supabase',
      '--source-name',
      'prod',
      '--table',
      'agent_events',
      '--check',
    ];
    const writer = await cli([...base, '--database-url-env', 'WRITER_URL']);
    expect(writer.code).toBe(1);
    expect(writer.stdout).toMatch(
      /✗ read-only: writer_\w+ can write public\.agent_events\. Use a role with SELECT only/,
    );
    const admin = await cli([...base, '--database-url-env', 'ADMIN_URL']);
    expect(admin.code).toBe(1);
    expect(admin.stdout).toMatch(/✗ read-only: postgres is a superuser/);
    // Registration runs the same checks: a writable role is never registered.
    const register = await cli(base.filter((arg) => arg !== '--check').concat('--database-url-env', 'WRITER_URL'));
    expect(register.code).toBe(1);
    expect(register.stderr).toMatch(/prod was not registered: writer_\w+ can write public\.agent_events/);
    const unset = await cli([...base, '--database-url-env', 'NOT_SET_ANYWHERE']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/NOT_SET_ANYWHERE is not set/);
  });

  it('--check refuses a role that can write one column, or every table through pg_write_all_data', async () => {
    const base = ['attach', '--repo', '.', '--source', 'postgres', '--source-name', 'prod', '--table', 'agent_events'];
    const column = await cli([...base, '--check', '--database-url-env', 'COLUMN_WRITER_URL']);
    expect(column.code).toBe(1);
    expect(column.stdout).toMatch(
      /✗ read-only: colwriter_\w+ can write public\.agent_events\. Use a role with SELECT only/,
    );
    const allData = await cli([...base, '--check', '--database-url-env', 'ALL_DATA_WRITER_URL']);
    expect(allData.code).toBe(1);
    expect(allData.stdout).toMatch(/✗ read-only: alldata_\w+ can write public\.agent_/);
    const sync = await cli([
      'trace-source',
      'sync',
      '--database-url-env',
      'COLUMN_WRITER_URL',
      '--table',
      'agent_events',
    ]);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/the role can write \(public\.agent_events\)/);
  });

  it('registers a source without its credentials; attach --source-name NAME --once pulls it and grades its traces', async () => {
    const queryFile = join(repo, 'traces.sql');
    writeFileSync(queryFile, 'select trace from recent_traces;\n');
    const register = await cli([
      'attach',
      '--repo',
      '.',
      '--source',
      'postgres',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--source-name',
      'prod-db',
      '--query-file',
      'traces.sql',
      '--execution-policy',
      'grade',
    ]);
    expect(register.code).toBe(0);
    const attachments = readFileSync(join(repo, '.archal', 'attach', 'attachments.json'), 'utf8');
    expect(JSON.parse(attachments)).toMatchObject({
      attachments: [
        {
          kind: 'postgres',
          name: 'prod-db',
          databaseUrlEnv: 'TRACE_DATABASE_URL',
          queryFile: 'traces.sql',
          table: null,
          policy: 'grade',
        },
      ],
    });
    expect(attachments).not.toContain(readerUrl);

    const pull = await cli(['attach', '--repo', '.', '--source-name', 'prod-db', '--once', '--json']);
    expect(pull.code).toBe(0);
    expect(json(pull)).toMatchObject({
      source: 'prod-db',
      kind: 'postgres',
      rows: 2,
      jobs: [{ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', stage: 'grade', status: 'graded' }],
    });
    // The row that is no trace is refused in failed/, named after the source and row; nothing else stops.
    expect(
      JSON.parse(readFileSync(join(repo, '.archal', 'attach', 'failed', 'prod-db-row_2.json'), 'utf8')),
    ).toMatchObject({
      file: 'prod-db (row 2)',
      reason: expect.stringMatching(/not a trace/),
    });
    const again = await cli(['attach', '--repo', '.', '--source-name', 'prod-db', '--once', '--json']);
    expect(json<{ jobs: unknown[] }>(again).jobs).toEqual([]);
  });

  it('trace-source sync pulls a query into raw/ with the same read-only rules', async () => {
    writeFileSync(join(repo, 'events.sql'), "select * from agent_events where trace_id like 'label-%'");
    const sync = await cli([
      'trace-source',
      'sync',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--query-file',
      'events.sql',
      '--json',
    ]);
    expect(sync.code).toBe(0);
    expect(json(sync)).toMatchObject({ source: 'postgres', rows: 6 });
    expect(existsSync(join(repo, '.archal', 'attach', 'raw', 'label-bugs-2025-06-03.json'))).toBe(true);
    const refused = await cli(['trace-source', 'sync', '--database-url-env', 'WRITER_URL', '--table', 'agent_events']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the role can write \(public\.agent_events\)/);
  });

  it('trace-source sync: a query that is not one read, or a table that does not exist, is invalid input, and nothing is changed', async () => {
    const sync = (...source: string[]) =>
      cli(['trace-source', 'sync', '--database-url-env', 'TRACE_DATABASE_URL', '--source-name', 'bad', ...source]);
    const count = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return (await client.query<{ n: string }>('select count(*) as n from agent_events')).rows[0]!.n;
      } finally {
        await client.end();
      }
    };
    const before = await count();

    writeFileSync(join(repo, 'delete.sql'), 'delete from agent_events returning *;\n');
    const write = await sync('--query-file', 'delete.sql');
    expect(write.code).toBe(2);
    expect(write.stderr).toMatch(
      /--query-file delete\.sql: the query is not a read \(cannot execute DELETE in a read-only transaction\)\..*write a SELECT/,
    );
    // A second statement after the read (which would run outside the read-only transaction) is refused too.
    writeFileSync(join(repo, 'two.sql'), 'select * from agent_events; commit; delete from agent_events');
    const two = await sync('--query-file', 'two.sql');
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/--query-file two\.sql: the query holds more than one statement\. Write one SELECT/);

    const table = await sync('--table', 'agent_eventz');
    expect(table.code).toBe(2);
    expect(table.stderr).toMatch(
      /--table agent_eventz: no such table or view \(relation "agent_eventz" does not exist\)/,
    );
    writeFileSync(join(repo, 'typo.sql'), 'selec trace from agent_traces');
    const typo = await sync('--query-file', 'typo.sql');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /--query-file typo\.sql: PostgreSQL refused the query \(syntax error at or near "selec"\)/,
    );

    for (const result of [write, two, table, typo]) expect(result.stderr).not.toMatch(/unexpected error/);
    expect(await count()).toBe(before);
    // --check says the same about the query.
    const check = await cli([
      'attach',
      '--repo',
      '.',
      '--source',
      'postgres',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--source-name',
      'bad',
      '--query-file',
      'delete.sql',
      '--check',
    ]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/--query-file delete\.sql: the query is not a read/);
  });
});

describe('a database source whose mapping or connection string is wrong', () => {
  const check = (table: string, extra: NodeJS.ProcessEnv = {}) =>
    runCli(
      [
        '--cwd',
        repo,
        'attach',
        '--repo',
        '.',
        '--source',
        'supabase',
        '--database-url-env',
        'TRACE_DATABASE_URL',
        '--source-name',
        'prod-agent-traces',
        '--table',
        table,
        '--check',
      ],
      { env: { ...env, ...extra }, timeoutMs: 60_000 },
    );

  it('a table with neither a trace column nor the JSONL event columns is refused, naming its columns and the ones needed', async () => {
    const checked = await check('agent_notes');
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(
      /--table agent_notes: its columns \(id, note\) hold no trace: .*"trace" column.*trace_id.*type/,
    );
    const sync = await cli([
      'trace-source',
      'sync',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--table',
      'agent_notes',
    ]);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/--table agent_notes: its columns \(id, note\) hold no trace/);
    // Nothing is recorded for the rows: the mapping is what is wrong, not a row.
    expect(existsSync(join(repo, '.archal', 'attach', 'failed', 'postgres-row_1.json'))).toBe(false);
  });

  it("--check without --table or --query-file (the user's guide's readiness check) checks the connection and the role, and lists the tables that hold traces", async () => {
    const guide = [
      'attach',
      '--repo',
      '.',
      '--source',
      'supabase',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--source-name',
      'prod-agent-traces',
    ];
    const checked = await cli([...guide, '--check']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/Source prod-agent-traces: not ready/);
    expect(checked.stdout).toMatch(/✓ connection: connected as reader_/);
    expect(checked.stdout).toMatch(/✓ read-only: reader_\S+ cannot write any table or view/);
    expect(checked.stdout).toMatch(
      /✗ mapping: no --table or --query-file: name what to read\. Tables and views the role can read that hold traces: public\.agent_events, public\.agent_traces, public\.no_traces_yet, public\.recent_traces \(add --table public\.agent_events\)/,
    );
    expect(checked.stdout).not.toMatch(/agent_notes/);
    const asJson = await cli([...guide, '--check', '--json']);
    expect(json(asJson)).toMatchObject({
      ok: false,
      connection: { ok: true },
      readOnly: { ok: true },
      mapping: {
        ok: false,
        candidates: ['public.agent_events', 'public.agent_traces', 'public.no_traces_yet', 'public.recent_traces'],
      },
    });
    // Registering needs the mapping, explicitly.
    const register = await cli(guide);
    expect(register.code).toBe(2);
    expect(register.stderr).toMatch(/--source supabase needs --table T or --query-file F.*--check`? lists the tables/);
    const attachments = join(repo, '.archal', 'attach', 'attachments.json');
    expect(existsSync(attachments) ? readFileSync(attachments, 'utf8') : '').not.toContain('prod-agent-traces');
  });

  it('a table or view with the columns of traces but no row yet is ready, and registers (its traces are pulled when they come)', async () => {
    const checked = await check('no_traces_yet');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(
      /✓ mapping: no row yet; the columns map to traces \(one JSONL event per row\): they are pulled when they come/,
    );
    const register = await cli([
      'attach',
      '--repo',
      '.',
      '--source',
      'supabase',
      '--database-url-env',
      'TRACE_DATABASE_URL',
      '--source-name',
      'quiet-source',
      '--table',
      'no_traces_yet',
    ]);
    expect(register.code).toBe(0);
    expect(readFileSync(join(repo, '.archal', 'attach', 'attachments.json'), 'utf8')).toContain('quiet-source');
  });

  it('a connection string that is not a PostgreSQL URL is invalid input, named by its variable, never echoed', async () => {
    for (const url of [
      // An unencoded # in the password: the rest would be read as a host name.
      'postgresql://reader:p@ss#zq9w@127.0.0.1:1/postgres',
      'host=127.0.0.1 port=1 user=reader password=hunter2secret dbname=postgres',
      'mysql://reader:hunter2secret@127.0.0.1:1/postgres',
    ]) {
      const checked = await check('agent_events', { TRACE_DATABASE_URL: url });
      expect(checked.code).toBe(2);
      expect(checked.stderr).toMatch(/TRACE_DATABASE_URL is not a PostgreSQL connection URL/);
      expect(checked.stderr).toMatch(/postgres(ql)?:\/\/user:password@host(:port)?\/database/);
      for (const secret of ['ss#zq9w', 'zq9w', 'hunter2secret', 'ENOTFOUND'])
        expect(checked.stdout + checked.stderr).not.toContain(secret);
    }
  });
});

describe("the App's worker and registered sources", () => {
  it('pulls every registered source on its schedule, with the policy it was registered with; a source it cannot reach is reported and the others still run', async () => {
    const appRepo = tempRepo();
    writeFileSync(join(appRepo, '.archal.json'), JSON.stringify({ agent: 'node agent.mjs' }));
    writeFileSync(join(appRepo, 'traces.sql'), 'select trace from recent_traces;\n');
    const home = tempDir('archal-home-');
    const register = (name: string, variable: string) =>
      runCli(
        [
          '--cwd',
          appRepo,
          'attach',
          '--repo',
          '.',
          '--source',
          'postgres',
          '--database-url-env',
          variable,
          '--source-name',
          name,
          '--query-file',
          'traces.sql',
          '--execution-policy',
          'grade',
        ],
        { env: { ARCHAL_HOME: home, TRACE_DATABASE_URL: readerUrl, ELSEWHERE_URL: readerUrl }, timeoutMs: 60_000 },
      );
    // Registered from a shell where both variables are set; the App's operator set only one of them.
    expect((await register('prod-db', 'TRACE_DATABASE_URL')).code).toBe(0);
    expect((await register('elsewhere', 'ELSEWHERE_URL')).code).toBe(0);

    const app = await startApp(['--worker-only'], {
      APP_ID: '1',
      PRIVATE_KEY: appKeys().privateKey,
      ARCHAL_HOME: home,
      TRACE_DATABASE_URL: readerUrl,
      ARCHAL_APP_TRACE_PULL_MS: '1000',
    });
    try {
      expect(app.output()).toContain('trace sources pulled every 1 s');
      const grade = join(appRepo, '.archal', 'attach', 'grades', '4bf92f3577b34da6a3ce929d0e0e4736', 'grade.json');
      await waitFor(() => existsSync(grade), 60_000, 'the worker to grade the pulled trace');
      expect(JSON.parse(readFileSync(grade, 'utf8'))).toMatchObject({ verdict: expect.any(String) });
      await waitFor(
        () => /trace source elsewhere \(.*\): not pulled: .*ELSEWHERE_URL/.test(app.output()),
        30_000,
        'the worker to report the source it cannot reach',
      );
    } finally {
      await app.stop();
    }
    expect(await app.exited).toBe(0);
    // The policy it was registered with: graded, nothing reproduced; and queued once, however many pulls ran.
    const status = await runCli(['--cwd', appRepo, 'attach-status', '--repo', '.', '--json'], {
      env: { ARCHAL_HOME: home },
    });
    const jobs = json<{ jobs: Array<{ traceId: string; status: string }> }>(status).jobs;
    expect(jobs.filter((job) => job.traceId === '4bf92f3577b34da6a3ce929d0e0e4736')).toEqual([
      expect.objectContaining({ status: 'graded' }),
    ]);
    expect(app.output()).not.toContain(readerUrl);
  });
});
