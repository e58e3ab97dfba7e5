import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { context, SpanKind, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from '@jest/globals';
import { json, runCli, startCli, waitFor, type BackgroundCli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/hosted.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

interface OtlpSpan {
  name: string;
  parentSpanId?: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

/** The example's production trace as span names and plain attributes, to be re-emitted by the real SDK. */
function exampleSpans(): Array<{ name: string; root: boolean; attributes: Attributes }> {
  const document = JSON.parse(
    readFileSync(join(EXAMPLE, 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'), 'utf8'),
  ) as {
    resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
  };
  return document.resourceSpans[0]!.scopeSpans[0]!.spans.map((span) => ({
    name: span.name,
    root: !span.parentSpanId,
    attributes: Object.fromEntries(
      span.attributes.map(({ key, value }) => {
        const plain =
          'stringValue' in value
            ? value.stringValue
            : 'intValue' in value
              ? Number(value.intValue)
              : ((value.arrayValue as { values: Array<{ stringValue: string }> }).values.map(
                  (item) => item.stringValue,
                ) as string[]);
        return [key, plain as string];
      }),
    ),
  }));
}

/** Starts `trace-source serve` on a free port and waits for the URL it prints. */
async function startServer(repo: string, env: NodeJS.ProcessEnv): Promise<{ server: BackgroundCli; url: string }> {
  const server = startCli(['--cwd', repo, 'trace-source', 'serve', '--port', '0', '--json'], { env });
  let url = '';
  await waitFor(
    () => {
      const line = server.stdout().split('\n')[0];
      if (line?.startsWith('{')) url = (JSON.parse(line) as { url: string }).url;
      return url !== '';
    },
    15_000,
    'the server URL',
  );
  return { server, url };
}

/** The import lines `serve --json` printed for a trace. */
const importsOf = (server: BackgroundCli, traceId: string) =>
  server
    .stdout()
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { traces?: Array<{ id: string; change: string; calls: number }> })
    .flatMap((outcome) => outcome.traces ?? [])
    .filter((entry) => entry.id === traceId);

describe('trace-source serve: OTLP/HTTP pushes from the real OpenTelemetry exporter', () => {
  it('imports a trace whose spans arrive in several pushes, and queues its job', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const { server, url } = await startServer(repo, env);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/traces$/);

      const provider = new BasicTracerProvider({
        spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 50 })],
      });
      const tracer = provider.getTracer('triage-agent');
      const spans = exampleSpans();
      const rootSpec = spans.find((span) => span.root)!;
      const root = tracer.startSpan(rootSpec.name, { kind: SpanKind.INTERNAL, attributes: rootSpec.attributes });
      const parent = trace.setSpan(context.active(), root);
      for (const spec of spans.filter((span) => !span.root))
        tracer.startSpan(spec.name, { kind: SpanKind.CLIENT, attributes: spec.attributes }, parent).end();
      // The children are pushed first; the root span, ended last, comes in a later push.
      await provider.forceFlush();
      root.end();
      await provider.forceFlush();
      await provider.shutdown();

      const traceId = root.spanContext().traceId;
      const raw = join(repo, '.archal', 'attach', 'raw', `${traceId}.json`);
      await waitFor(
        () => existsSync(raw) && server.stdout().includes(traceId),
        15_000,
        'the pushed trace to be imported',
      );
      const imported = JSON.parse(readFileSync(raw, 'utf8')) as {
        source: { name: string; format: string };
        task: string;
        calls: Array<{ method: string; url: string; responseRecorded: boolean }>;
      };
      expect(imported.source).toMatchObject({ name: 'otlp-http', format: 'otlp' });
      expect(imported.task).toMatch(/Skip issues labelled keep-open/);
      expect(imported.calls).toHaveLength(18);
      expect(imported.calls[1]).toMatchObject({
        method: 'GET',
        url: 'https://api.github.com/repos/acme/webapp/issues?state=open&per_page=100',
        responseRecorded: true,
      });
      expect(readFileSync(raw, 'utf8')).not.toContain('ghs_triageBotInstallToken0123456789abcd');
      const jobs = readFileSync(join(repo, '.archal', 'attach', 'runs.jsonl'), 'utf8');
      expect(JSON.parse(jobs.trim().split('\n')[0]!)).toMatchObject({ traceId, source: 'otlp-http', status: 'queued' });

      // Not OTLP/JSON: a clear refusal, and the server keeps going.
      const junk = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"spans": []}',
      });
      expect(junk.status).toBe(400);
      expect(((await junk.json()) as { message: string }).message).toMatch(/resourceSpans is missing/);
      const protobuf = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body: 'x',
      });
      expect(protobuf.status).toBe(415);
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
  });

  it('a retried push (the same request again, now or later) is one trace with every call once, imported once', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const other = '0123456789abcdef0123456789abcdef';
    const request = readFileSync(join(EXAMPLE, 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'), 'utf8');
    const { server, url } = await startServer(repo, env);
    try {
      const push = async (body: string) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.status).toBe(200);
      };
      // An exporter whose first attempt timed out on its side sends the same request again at once.
      await push(request);
      await push(request);
      const raw = join(repo, '.archal', 'attach', 'raw', `${traceId}.json`);
      await waitFor(() => importsOf(server, traceId).length > 0, 15_000, 'the pushed trace to be imported');
      expect((JSON.parse(readFileSync(raw, 'utf8')) as { calls: unknown[] }).calls).toHaveLength(18);

      // …and once more later (a collector's retry queue). Another trace pushed after it marks when
      // the server has had the time to import anything the retry would have caused.
      await push(request);
      await push(request.replaceAll(traceId, other));
      await waitFor(() => importsOf(server, other).length > 0, 15_000, 'the other trace to be imported');
      expect(importsOf(server, traceId)).toEqual([expect.objectContaining({ change: 'new', calls: 18 })]);
      const lines = readFileSync(join(repo, '.archal', 'attach', 'runs.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { traceId: string; revision: number });
      expect(lines.filter((line) => line.traceId === traceId)).toEqual([
        expect.objectContaining({ status: 'queued', revision: 1 }),
      ]);
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
    // Stopping imports what is pending: nothing of this trace was.
    expect(importsOf(server, traceId)).toHaveLength(1);

    // The grade sees each call once: no "made 2 times with the same body".
    const graded = await runCli(
      ['--cwd', repo, 'attach', '--source-name', 'otlp-http', '--once', '--execution-policy', 'grade', '--json'],
      { env, timeoutMs: 60_000 },
    );
    expect(graded.code).toBe(0);
    expect(json<{ jobs: Array<{ traceId: string; status: string }> }>(graded).jobs).toContainEqual(
      expect.objectContaining({ traceId, status: 'graded' }),
    );
    const grade = JSON.parse(
      readFileSync(join(repo, '.archal', 'attach', 'grades', traceId, 'grade.json'), 'utf8'),
    ) as { evidence: Array<{ rule: string }> };
    expect(grade.evidence.map((item) => item.rule)).not.toContain('repeated identical calls');
  });

  it('--json prints the traces endpoint as url and the base URL an OTLP exporter appends /v1/traces to', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const { server, url } = await startServer(repo, env);
    try {
      const printed = JSON.parse(server.stdout().split('\n')[0]!) as { url: string; baseUrl: string };
      expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/traces$/);
      expect(printed.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(`${printed.baseUrl}/v1/traces`).toBe(url);
      // What OTEL_EXPORTER_OTLP_ENDPOINT=<baseUrl> makes an exporter do: push to <baseUrl>/v1/traces.
      const request = readFileSync(join(EXAMPLE, 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'), 'utf8');
      const pushed = await fetch(new URL('/v1/traces', printed.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request,
      });
      expect(pushed.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
  });

  it('on a loopback address, answers only requests for a loopback name: a rebound DNS name gets 403 and nothing is imported', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const { server, url } = await startServer(repo, env);
    const body = readFileSync(join(EXAMPLE, 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'));
    // A page on evil.example whose name now resolves to 127.0.0.1 (DNS rebinding) posts as same-origin.
    const push = (host: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const target = new URL(url);
        const request = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { host, 'content-type': 'application/json', 'content-length': body.length },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, text }));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    try {
      const port = new URL(url).port;
      const rebound = await push(`evil.example:${port}`);
      expect(rebound.status).toBe(403);
      expect(rebound.text).toContain('evil.example');
      expect((await push(`evil.example.:${port}`)).status).toBe(403);
      // An attacker's name may start like a loopback address: a name, all the same.
      expect((await push(`127.rebind.example:${port}`)).status).toBe(403);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost'])
        expect({ host, status: (await push(host)).status }).toEqual({ host, status: 200 });
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
    // Only the loopback pushes were imported: one trace.
    const imports = server
      .stdout()
      .split('\n')
      .slice(1)
      .filter((line) => line.startsWith('{'));
    expect(imports.length).toBeGreaterThan(0);
    expect(readdirSync(join(repo, '.archal', 'attach', 'raw'))).toHaveLength(1);
  });

  it('a push refused for its content is kept in failed/, capped and redacted, with why; other refusals keep nothing', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const failed = join(repo, '.archal', 'attach', 'failed');
    const token = 'ghs_triageBotInstallToken0123456789abcd';
    const { server, url } = await startServer(repo, env);
    const post = (body: string | Buffer, type = 'application/json') =>
      fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
    try {
      // A content type the receiver does not read: the body is not looked at, nothing is kept.
      expect((await post(`{"resourceSpans": [], "token": "${token}"}`, 'application/x-protobuf')).status).toBe(415);
      expect(readdirSync(failed)).toEqual([]);

      const shape = await post(`{"spans": [], "headers": {"authorization": "Bearer ${token}"}}`);
      expect(shape.status).toBe(400);
      const truncated = await post(`{"resourceSpans": [{"attributes": "${token}"`);
      expect(truncated.status).toBe(400);
      // The reason says where the JSON breaks, without quoting the body (kept redacted beside it).
      const unquoted = await post(`{"resourceSpans": ${token}}`);
      expect(unquoted.status).toBe(400);
      const answer = ((await unquoted.json()) as { message: string }).message;
      expect(answer).toBe("not an OTLP/JSON body: line 1, column 19: unexpected 'g'");
      // Over the 1 MiB kept, under the 32 MiB accepted: kept up to 1 MiB.
      const bigBody = `{"spans": "${'x'.repeat(2 * 1024 * 1024)}"}`;
      const big = await post(bigBody);
      expect(big.status).toBe(400);

      const records = readdirSync(failed)
        .filter((name) => name.endsWith('.json'))
        .map((name) => {
          const record = JSON.parse(readFileSync(join(failed, name), 'utf8')) as {
            file: string;
            source: string;
            reason: string;
            refusedAt: string;
            bytes: number;
            keptBytes: number;
            truncated: boolean;
          };
          return { ...record, body: readFileSync(join(repo, record.file), 'utf8') };
        });
      expect(records).toHaveLength(4);
      for (const record of records) {
        expect(record.source).toBe('otlp-http');
        expect(record.reason).not.toContain('ghs_');
        expect(record.file).toMatch(/^\.archal\/attach\/failed\/otlp-http-.+\.body$/);
        expect(record.body).not.toContain(token);
      }
      const byReason = (pattern: RegExp) => records.find((record) => pattern.test(record.reason))!;
      expect(byReason(/resourceSpans is missing/).body).toContain('"authorization": "Bearer [REDACTED]"');
      expect(byReason(/found end of input/).body).toMatch(/^\{"resourceSpans": \[\{"attributes": "/);
      const capped = records.find((record) => record.truncated)!;
      expect(capped).toMatchObject({ bytes: Buffer.byteLength(bigBody), keptBytes: 1024 * 1024, truncated: true });
      expect(Buffer.byteLength(capped.body)).toBe(1024 * 1024);
      expect(records.filter((record) => record.truncated)).toHaveLength(1);

      // The server says where each refusal went, and attach-status lists them.
      const refusedLines = server
        .stdout()
        .split('\n')
        .slice(1)
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { status: string; failedFile?: string });
      expect(refusedLines.filter((line) => line.status === 'refused')).toHaveLength(4);
      const status = await runCli(['--cwd', repo, 'attach-status', '--json'], { env });
      expect(status.code).toBe(0);
      expect(json<{ failedFiles: Array<{ reason: string }> }>(status).failedFiles).toHaveLength(4);
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
  });

  it('a push whose spans the OTLP parser would refuse gets 400 naming the field (not a 500, not a silent drop)', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const { server, url } = await startServer(repo, env);
    try {
      const push = (document: unknown) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
      const scopesNotArray = await push({ resourceSpans: [{ scopeSpans: { spans: [] } }] });
      expect(scopesNotArray.status).toBe(400);
      expect(((await scopesNotArray.json()) as { message: string }).message).toBe(
        'not an OTLP/JSON ExportTraceServiceRequest: resourceSpans[0].scopeSpans is not an array',
      );
      const noTraceId = await push({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: 'orphan' }] }] }] });
      expect(noTraceId.status).toBe(400);
      expect(((await noTraceId.json()) as { message: string }).message).toBe(
        'not an OTLP/JSON ExportTraceServiceRequest: resourceSpans[0].scopeSpans[0].spans[0] has no traceId',
      );
      const failed = join(repo, '.archal', 'attach', 'failed');
      expect(readdirSync(failed).filter((name) => name.endsWith('.json'))).toHaveLength(2);
      expect(
        existsSync(join(repo, '.archal', 'attach', 'raw')) && readdirSync(join(repo, '.archal', 'attach', 'raw')),
      ).toEqual([]);
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
  });

  it('a gzip body that decompresses past the body limit is refused with 413, and the server keeps going', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const { server, url } = await startServer(repo, env);
    try {
      // About 40 KiB on the wire, 40 MiB once decompressed: more than the 32 MiB a push may hold.
      const bomb = gzipSync(Buffer.concat([Buffer.from('{"resourceSpans": ['), Buffer.alloc(40 * 1024 * 1024, 0x20)]));
      const refused = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      });
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as { message: string }).message).toMatch(/decompressed body is larger than/);
      // Refused for its size, not its content: nothing is kept.
      expect(readdirSync(join(repo, '.archal', 'attach', 'failed'))).toEqual([]);
      const request = readFileSync(join(EXAMPLE, 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'));
      const accepted = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(request),
      });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ partialSuccess: {} });
    } finally {
      server.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
  });
});
