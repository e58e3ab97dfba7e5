import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { context, SpanKind, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from '@jest/globals';
import { startCli, waitFor } from '../helpers/cli.js';
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

describe('trace-source serve: OTLP/HTTP pushes from the real OpenTelemetry exporter', () => {
  it('imports a trace whose spans arrive in several pushes, and queues its job', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const server = startCli(['--cwd', repo, 'trace-source', 'serve', '--port', '0', '--json'], { env });
    try {
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
});
