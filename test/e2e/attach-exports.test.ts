import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CLI, json, runCli, startCli, waitFor } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

// Files as other tools write them, fed to the CLI as a user would: the refusals must say where the
// fault is in terms the user can find in the file.

interface Preview {
  files: Array<{ file: string; status: string; reason?: string }>;
}

describe('trace exports written by other tools', () => {
  it('names the event of a pretty-printed JSON array of events by its position in the array, not a line', async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'exports'));
    const events = [
      {
        trace_id: 'run-7',
        type: 'request',
        ts: '2024-06-02T09:00:00.123456Z',
        method: 'GET',
        url: 'https://api.github.com/repos/acme/web/issues',
        status: 200,
        response_body: [],
      },
      {
        trace_id: 'run-7',
        type: 'request',
        ts: 1717318800000,
        method: 'POST',
        url: 'https://api.github.com/repos/acme/web/issues/1/comments',
        status: 201,
        request_body: { body: 'hi 🎉' },
        latency: 12,
      },
    ];
    // Indented as `JSON.stringify(…, null, 2)` and most exporters write it: the second event starts on line 11.
    writeFileSync(join(repo, 'exports', 'events.json'), JSON.stringify(events, null, 2));
    const result = await runCli(['trace-source', 'import', 'exports', '--repo', repo, '--preview', '--json'], {
      cwd: repo,
    });
    expect(result.code).toBe(1);
    const [file] = json<Preview>(result).files;
    expect(file!.status).toBe('refused');
    expect(file!.reason).toMatch(/^event 2 of the JSON array: not a JSONL trace event: unknown field\(s\) "latency"/);
  });

  it("refuses the user's guide's `trace-source import --upload --repository owner/repo`, saying there is no hosted upload and what to run, and imports nothing", async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'exports'));
    writeFileSync(
      join(repo, 'exports', 'run.jsonl'),
      '{"type":"message","trace_id":"run-1","role":"user","content":"Label the bugs"}\n',
    );
    const upload = await runCli([
      '--cwd',
      repo,
      'trace-source',
      'import',
      './exports',
      '--upload',
      '--repository',
      'owner/repo',
    ]);
    expect(upload.code).toBe(2);
    expect(upload.stderr).toMatch(/--upload: .*no hosted service/);
    expect(upload.stderr).toMatch(/archal trace-source import \.\/exports/);
    expect(upload.stderr).not.toMatch(/unknown option/);
    expect(existsSync(join(repo, '.archal', 'attach', 'raw'))).toBe(false);
    // --repository alone says the same: pull requests go to the repository's origin.
    const repository = await runCli([
      '--cwd',
      repo,
      'trace-source',
      'import',
      './exports',
      '--repository',
      'owner/repo',
    ]);
    expect(repository.code).toBe(2);
    expect(repository.stderr).toMatch(/--repository: .*origin/);
  });

  it('attach-status read by a pipe that closes early (`| head`) exits quietly, without a stack trace', async () => {
    const repo = tempRepo();
    const child = spawn(process.execPath, [CLI, 'attach-status', '--repo', repo], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before the status is written, as when `head` has read its lines.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });

  it('never writes the secret of a Slack webhook URL the agent called, neither in the URL nor in the call’s name', async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'prod-traces'));
    const secret = 'Zq7fWb2LmN4pRs8TvX1yK3hD';
    const events = [
      { type: 'message', trace_id: 'hook-1', role: 'user', content: 'Post the triage summary to Slack.' },
      {
        type: 'request',
        trace_id: 'hook-1',
        method: 'POST',
        url: `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${secret}`,
        status: 500,
        request_body: { text: 'summary' },
      },
      { type: 'message', trace_id: 'hook-1', role: 'assistant', content: 'Posted.' },
    ];
    writeFileSync(join(repo, 'prod-traces', 'hook.jsonl'), events.map((event) => JSON.stringify(event)).join('\n'));
    const result = await runCli(['attach', './prod-traces', '--repo', repo, '--once', '--execution-policy', 'grade'], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(0);
    const written = readdirSync(join(repo, '.archal', 'attach'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    expect(written.length).toBeGreaterThan(2);
    for (const text of [...written, result.stdout, result.stderr]) expect(text).not.toContain(secret);
  });

  it('trace-source serve on a port another process holds (a collector on 4318) says so and how to pick another', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as AddressInfo;
      const repo = tempRepo();
      const result = await runCli(['--cwd', repo, 'trace-source', 'serve', '--port', String(port)], {
        env: { ARCHAL_HOME: tempDir('archal-home-') },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `Port ${port} on 127.0.0.1 is in use: pass another with --port (0 picks a free one).`,
      );
    } finally {
      holder.close();
    }
  });

  it('attach <dir> without --once says it is watching only once the directory is attached, never for one it refuses', async () => {
    const repo = tempRepo();
    const result = await runCli(['attach', './prod-traces', '--repo', repo], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/prod-traces: not a directory of traces/);
    expect(result.stderr).not.toMatch(/Watching/);
  });

  it('detach of a directory never attached says nothing is attached and how paths are read, and changes nothing', async () => {
    const repo = tempRepo();
    const result = await runCli(['detach', './prod-traces', '--repo', repo], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `./prod-traces is not attached (nothing is attached here): give the directory as \`archal attach\` was given it, relative to the repository (${repo})`,
    );
    expect(existsSync(join(repo, '.archal'))).toBe(false);
  });

  it('says a trace directory does not exist, and where it was looked for', async () => {
    const repo = tempRepo();
    const elsewhere = tempDir();
    const result = await runCli(['attach', 'prod-traces', '--repo', repo, '--once'], { cwd: elsewhere });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `prod-traces: not a directory of traces: ${join(repo, 'prod-traces')} does not exist (paths are read relative to the repository, ${repo})`,
    );
  });

  it('says which policy resumes a job attach-reprocess refuses because that policy has a stage left', async () => {
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    mkdirSync(join(repo, 'traces'));
    // Graded fail under policy grade: finished for grade, but policy fix would seed it next.
    writeFileSync(
      join(repo, 'traces', 'run.jsonl'),
      [
        { trace_id: 'run-9', type: 'message', ts: 1717318800000, role: 'user', content: 'Do not close anything.' },
        {
          trace_id: 'run-9',
          type: 'request',
          ts: 1717318801000,
          method: 'PATCH',
          url: 'https://api.github.com/repos/acme/web/issues/3',
          status: 422,
          request_body: { state: 'closed' },
          response_body: { message: 'Validation Failed' },
        },
      ]
        .map((event) => JSON.stringify(event))
        .join('\n') + '\n',
    );
    const env = { ARCHAL_HOME: home };
    const graded = await runCli(['attach', 'traces', '--repo', repo, '--once', '--execution-policy', 'grade'], { env });
    expect(graded.code).toBe(0);
    const result = await runCli(['attach-reprocess', '--repo', repo, 'run-9', '--execution-policy', 'fix'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'run-9 is not finished for policy fix (graded after grade): `archal attach traces --once --execution-policy fix` resumes it',
    );
  });

  it('refuses an event whose time is no date (OpenTelemetry nanoseconds in "ts") and imports the other files', async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'exports'));
    const message = (traceId: string, ts: unknown) =>
      `${JSON.stringify({ trace_id: traceId, type: 'message', ts, role: 'user', content: 'Label the bugs.' })}\n`;
    writeFileSync(join(repo, 'exports', 'a-nanos.jsonl'), message('run-n', 1717318800000000000));
    writeFileSync(join(repo, 'exports', 'b-ms.jsonl'), message('run-m', 1717318800000));
    // 23 digits of nanoseconds: more than OTLP's 64 bits, and past the last date JavaScript can hold.
    writeFileSync(
      join(repo, 'exports', 'c-otlp.json'),
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'triage' } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '0af7651916cd43dd8448eb211c80319c',
                    spanId: 'b7ad6b7169203331',
                    name: 'invoke_agent',
                    kind: 1,
                    startTimeUnixNano: '17173188000000000000000',
                    endTimeUnixNano: '17173188000000000000001',
                    attributes: [{ key: 'agent.task', value: { stringValue: 'Label the bugs.' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const result = await runCli(['trace-source', 'import', 'exports', '--repo', repo, '--json'], { cwd: repo });
    expect(result.stderr).not.toContain('unexpected error');
    expect(result.code).toBe(1);
    const files = json<Preview>(result).files;
    expect(files.map((file) => file.status)).toEqual(['refused', 'imported', 'imported']);
    expect(files[0]!.reason).toMatch(/^line 1: not a JSONL trace event: "ts": not a time/);
  });

  it.each([
    // A password with an "@" left unencoded, as people paste them from a dashboard.
    ['a URL whose password holds an @', 'postgres://reader:p@ssw0rdTail99@127.0.0.1:1/traces', 'ssw0rdTail99'],
    // libpq's keyword/value form, as psql takes it: pg reads URLs only, so it is refused as invalid input.
    [
      'a keyword/value string',
      'host=127.0.0.1 port=1 user=reader password=hunter2Secret77 dbname=traces',
      'hunter2Secret77',
    ],
  ])('never prints the password of %s when the source cannot be used', async (_what, url, secret) => {
    const repo = tempRepo();
    const result = await runCli(
      [
        'attach',
        '--repo',
        repo,
        '--source',
        'postgres',
        '--database-url-env',
        'TRACE_DATABASE_URL',
        '--source-name',
        'prod',
        '--table',
        'agent_traces',
        '--check',
        '--json',
      ],
      { cwd: repo, env: { ARCHAL_HOME: tempDir('archal-home-'), TRACE_DATABASE_URL: url } },
    );
    if (url.startsWith('postgres://')) {
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('cannot connect to');
    } else {
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('TRACE_DATABASE_URL is not a PostgreSQL connection URL');
    }
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('imports a trace file that a trace directory holds as a symbolic link (an export linked from where a collector writes it)', async () => {
    const repo = tempRepo();
    const collector = tempDir('collector-');
    mkdirSync(join(repo, 'prod-traces'));
    const line = {
      trace_id: 'run-linked',
      type: 'message',
      ts: '2025-06-03T14:02:41.500Z',
      role: 'user',
      content: 'Label the bugs.',
    };
    writeFileSync(join(collector, 'traces.jsonl'), `${JSON.stringify(line)}\n`);
    symlinkSync(join(collector, 'traces.jsonl'), join(repo, 'prod-traces', 'traces.jsonl'));
    const result = await runCli(
      ['attach', 'prod-traces', '--repo', repo, '--once', '--execution-policy', 'grade', '--json'],
      {
        cwd: repo,
        env: { ARCHAL_HOME: tempDir('archal-home-') },
      },
    );
    expect(result.code).toBe(0);
    const jobs = json<{ jobs: Array<{ traceId: string }> }>(result).jobs;
    expect(jobs.map((job) => job.traceId)).toEqual(['run-linked']);
  });

  it('attach-status says a directory is attached but its watcher died (kill -9)', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    mkdirSync(join(repo, 'prod-traces'));
    const watcher = startCli(['attach', 'prod-traces', '--repo', repo, '--execution-policy', 'grade'], {
      cwd: repo,
      env,
    });
    await waitFor(() => watcher.stderr().includes('Watching prod-traces'), 15_000, 'the watcher');
    watcher.kill('SIGKILL');
    await watcher.done;
    const status = await runCli(['attach-status', '--repo', repo], { cwd: repo, env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(
      `source prod-traces: directory attached (no watcher runs: process ${watcher.pid} ended; \`archal attach prod-traces\` starts one), policy grade`,
    );
  });

  it('reads JSONL that Windows PowerShell redirected to a file (UTF-16 with its byte-order mark)', async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'exports'));
    const line = { trace_id: 'run-ps', type: 'message', ts: 1717318800000, role: 'user', content: 'Label the bugs 🐛' };
    const text = `\uFEFF${JSON.stringify(line)}\r\n`;
    writeFileSync(join(repo, 'exports', 'ps.jsonl'), Buffer.from(text, 'utf16le'));
    const result = await runCli(['trace-source', 'import', 'exports', '--repo', repo, '--preview', '--json'], {
      cwd: repo,
    });
    expect(result.code).toBe(0);
    const file = json<{ files: Array<{ status: string; traces: Array<{ id: string; task: string }> }> }>(result)
      .files[0]!;
    expect(file.status).toBe('imported');
    expect(file.traces).toEqual([expect.objectContaining({ id: 'run-ps', task: 'Label the bugs 🐛' })]);
  });

  it.each([
    [
      'status',
      { status: 'OK' },
      '"status": expected an HTTP status: a number such as 200, or a three-digit string such as "200"',
    ],
    [
      'duration_ms',
      { status: 200, duration_ms: '12ms' },
      '"duration_ms": expected milliseconds: a number such as 12.5, or a string of digits such as "12"',
    ],
    ['ts', { status: 200, ts: true }, '"ts": not a time: give ISO 8601'],
  ])("says what a request event's %s should be when a logger wrote something else", async (_field, fields, reason) => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'exports'));
    const event = {
      trace_id: 'run-s',
      type: 'request',
      method: 'GET',
      url: 'https://api.github.com/repos/acme/web',
      ...fields,
    };
    writeFileSync(join(repo, 'exports', 'log.jsonl'), `${JSON.stringify(event)}\n`);
    const result = await runCli(['trace-source', 'import', 'exports', '--repo', repo, '--preview', '--json'], {
      cwd: repo,
    });
    expect(result.code).toBe(1);
    expect(json<Preview>(result).files[0]!.reason).toContain(`line 1: not a JSONL trace event: ${reason}`);
  });

  it('refuses a file nested too deeply to read, and imports the others', async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'exports'));
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const event = (traceId: string, body: string) =>
      `{"trace_id":"${traceId}","type":"request","method":"POST","url":"https://api.github.com/repos/acme/web/issues","status":201,"request_body":${body}}\n`;
    writeFileSync(join(repo, 'exports', 'a-deep.jsonl'), event('run-deep', deep));
    writeFileSync(join(repo, 'exports', 'b-fine.jsonl'), event('run-fine', '{"title":"Bug"}'));
    const result = await runCli(['trace-source', 'import', 'exports', '--repo', repo, '--json'], { cwd: repo });
    expect(result.stderr).not.toContain('unexpected error');
    expect(result.code).toBe(1);
    const files = json<Preview>(result).files;
    expect(files.map((file) => file.status)).toEqual(['refused', 'imported']);
    expect(files[0]!.reason).toMatch(/nested too deeply/);
  });

  it('answers a push nested too deeply to read with 400 and keeps serving', async () => {
    const repo = tempRepo();
    const server = startCli(['trace-source', 'serve', '--repo', repo, '--port', '0', '--json'], { cwd: repo });
    await waitFor(() => server.stdout().includes('"url"'), 15_000, 'the receiver');
    const { url } = JSON.parse(server.stdout().split('\n')[0]!) as { url: string };
    let value = '{"stringValue":"x"}';
    for (let i = 0; i < 5_000; i++) value = `{"kvlistValue":{"values":[{"key":"k","value":${value}}]}}`;
    const span = `{"traceId":"abababababababababababababababab","spanId":"1212121212121212","name":"root","startTimeUnixNano":"1717318800000000000","attributes":[{"key":"deep","value":${value}}]}`;
    const push = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"resourceSpans":[{"scopeSpans":[{"spans":[${span}]}]}]}`,
    });
    expect(push.status).toBe(400);
    expect(((await push.json()) as { message: string }).message).toMatch(/nested too deeply/);
    server.kill('SIGTERM');
    await server.done;
  });
});
