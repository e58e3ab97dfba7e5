// Import throughput of the post-prod loop: OTLP/JSON normalized into .archal/attach/raw/ (parse,
// span mapping, secret collection and redaction, content hash, one file per trace), against parsing
// the same JSON bare (JSON.parse) in the same run. Goal: ≥ 10,000 spans/s. Both are measured in CPU
// time (user + system) of this process, so that the figure is the import's cost and not what else
// the shared machine runs at the moment; the wall-clock rate is printed beside it.
//
// The spans are an agent run's: a root span, model calls with their messages (gen_ai.*) and GitHub
// calls with request and response bodies of a few hundred bytes to a few KiB (http.*/url.*). The
// example's production trace, whose list responses carry 20 issues each, is measured too, for the record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, tempDir } from './lib.mjs';

const { importText, AttachLayout } = await import('../build/index.js');
const TRACES = 500;
const GOAL = 10_000;

const attr = (key, value) => ({
  key,
  value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value },
});
const hex = (n, width) => n.toString(16).padStart(width, '0');

function issue(number) {
  return {
    url: `https://api.github.com/repos/acme/webapp/issues/${number}`,
    html_url: `https://github.com/acme/webapp/issues/${number}`,
    number,
    title: `Issue ${number}: the export fails for large projects`,
    user: { login: 'alice', id: 2, type: 'User' },
    labels: [{ id: 7, name: 'bug', color: 'd73a4a', description: "Something isn't working" }],
    state: 'open',
    comments: 3,
    created_at: '2025-03-01T10:00:00Z',
    updated_at: '2025-05-20T08:30:00Z',
    body: 'Steps: open a project with 2,000 rows, press Export. The CSV export fails with error 500.',
  };
}

/** One agent run: 1 root span, 2 model calls, 17 GitHub calls. */
function agentRun(t) {
  const traceId = hex(t + 1, 32);
  const root = hex(t * 100 + 1, 16);
  const start = 1_748_855_643_000 + t * 10_000;
  const span = (i, name, kind, attributes) => ({
    traceId,
    spanId: hex(t * 100 + i + 2, 16),
    parentSpanId: root,
    name,
    kind,
    startTimeUnixNano: `${start + i * 100}000000`,
    endTimeUnixNano: `${start + i * 100 + 80}000000`,
    attributes,
    status: { code: 0 },
  });
  const spans = [
    {
      traceId,
      spanId: root,
      name: 'triage-agent run',
      kind: 1,
      startTimeUnixNano: `${start}000000`,
      endTimeUnixNano: `${start + 5000}000000`,
      attributes: [attr('agent.task', 'Label the bug reports in acme/webapp with "bug". Do not close anything.')],
      status: { code: 1 },
    },
  ];
  for (let i = 0; i < 2; i++)
    spans.push(
      span(i, 'chat gpt-4o', 3, [
        attr('gen_ai.operation.name', 'chat'),
        attr('gen_ai.request.model', 'gpt-4o'),
        attr('gen_ai.usage.input_tokens', 812),
        attr(
          'gen_ai.input.messages',
          JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Label the bug reports. '.repeat(20) }] }]),
        ),
        attr(
          'gen_ai.output.messages',
          JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'I will list the issues first.' }] }]),
        ),
      ]),
    );
  for (let i = 2; i < 19; i++) {
    const number = i;
    const read = i % 2 === 0;
    spans.push(
      span(i, read ? 'GET' : 'POST', 3, [
        attr('http.request.method', read ? 'GET' : 'POST'),
        attr('url.full', `https://api.github.com/repos/acme/webapp/issues/${number}${read ? '' : '/labels'}`),
        attr('server.address', 'api.github.com'),
        attr('http.response.status_code', 200),
        attr('http.request.header.authorization', 'token ghs_benchInstallationToken0123456789ab'),
        ...(read ? [] : [attr('http.request.body', JSON.stringify({ labels: ['bug'] }))]),
        attr('http.response.body', JSON.stringify(read ? issue(number) : issue(number).labels)),
      ]),
    );
  }
  return spans;
}

function documentOf(spans) {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [attr('service.name', 'triage-agent')] },
        scopeSpans: [{ scope: { name: 'bench' }, spans }],
      },
    ],
  });
}

/** CPU time (user + system) of this process running `work`, in ms; and its wall time. */
async function timed(work) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall, result };
}

async function measure(text, spanCount, rounds) {
  const bare = [];
  const imported = [];
  const wall = [];
  for (let round = 0; round < rounds; round++) {
    const layout = new AttachLayout(tempDir());
    layout.ensure();
    globalThis.gc?.();
    bare.push((await timed(() => JSON.parse(text))).cpuMs);
    globalThis.gc?.();
    const run = await timed(() => importText(text, { layout, source: 'bench', format: 'otlp', env: {} }));
    if (run.result.status !== 'imported') throw new Error(`the bench trace was refused: ${run.result.reason}`);
    imported.push(run.cpuMs);
    wall.push(run.wallMs);
  }
  const importMs = median(imported);
  return {
    spansPerSecond: spanCount / (importMs / 1000),
    wallSpansPerSecond: spanCount / (median(wall) / 1000),
    ratio: importMs / median(bare),
    importMs,
    bareMs: median(bare),
  };
}

const spans = Array.from({ length: TRACES }, (_, t) => agentRun(t)).flat();
const text = documentOf(spans);
await measure(text, spans.length, 1);
const result = await measure(text, spans.length, 5);
const ok = result.spansPerSecond >= GOAL;
console.log(
  `${ok ? 'PASS' : 'FAIL'}  attach import throughput (OTLP/JSON → raw/): ${Math.round(result.spansPerSecond).toLocaleString('en-US')} spans/s of CPU time (goal ≥ ${GOAL.toLocaleString('en-US')}); ratio ${result.ratio.toFixed(2)} × parsing the same JSON bare  (${spans.length.toLocaleString('en-US')} spans, ${(text.length / 1e6).toFixed(1)} MB: ${result.importMs.toFixed(0)} ms vs ${result.bareMs.toFixed(0)} ms of CPU; ${Math.round(result.wallSpansPerSecond).toLocaleString('en-US')} spans/s of wall time on this machine now; medians of 5)`,
);
if (!ok) process.exitCode = 1;

// For the record: the example's production trace, whose list responses are large (no goal).
const example = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', 'examples', 'triage-agent', 'prod-traces', 'stale-sweep-2025-06-02.otlp.json'),
    'utf8',
  ),
);
const heavy = [];
for (let t = 0; t < 50; t++)
  for (const span of example.resourceSpans[0].scopeSpans[0].spans) heavy.push({ ...span, traceId: hex(t + 1, 32) });
const heavyResult = await measure(documentOf(heavy), heavy.length, 3);
console.log(
  `INFO  attach import of the example's trace (~${Math.round(documentOf(heavy).length / heavy.length / 1024)} KiB per span): ${Math.round(heavyResult.spansPerSecond).toLocaleString('en-US')} spans/s; ratio ${heavyResult.ratio.toFixed(2)} × parsing bare`,
);
