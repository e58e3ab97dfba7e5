import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseTraceText } from '../../src/attach/formats/detect.js';
import type { ParseOutcome } from '../../src/attach/formats/types.js';
import { REPO_ROOT } from '../helpers/cli.js';

const PROD = join(REPO_ROOT, 'examples', 'triage-agent', 'prod-traces');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'attach');
const read = (file: string) => readFileSync(file, 'utf8');

function traces(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome.traces;
}

describe('trace formats', () => {
  it('OTLP/JSON: HTTP client spans by the http/url conventions, bodies, the task and answer of the root span', () => {
    const outcome = parseTraceText(read(join(PROD, 'stale-sweep-2025-06-02.otlp.json')), { format: 'auto' });
    expect(outcome).toMatchObject({ ok: true, format: 'otlp' });
    const [trace] = traces(outcome);
    const { draft, secrets } = trace!;
    expect(draft.id).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(draft.task).toMatch(/^Close the issues in acme\/webapp .* Skip issues labelled keep-open\.$/);
    expect(draft.answer).toMatch(/^Closed 8 stale issue/);
    expect(draft.startedAt).toBe('2025-06-02T09:14:03.120Z');
    // The root span (an agent span) is the run, not a call; the 18 HTTP spans are, in order.
    expect(draft.calls).toHaveLength(18);
    expect(draft.calls.every((call) => call.kind === 'http' && call.service === 'github')).toBe(true);
    expect(draft.calls[1]).toMatchObject({
      method: 'GET',
      url: 'https://api.github.com/repos/acme/webapp/issues?state=open&per_page=100',
      host: 'api.github.com',
      status: 200,
      responseRecorded: true,
    });
    expect(Array.isArray(draft.calls[1]!.responseBody)).toBe(true);
    expect(draft.calls[3]).toMatchObject({
      method: 'PATCH',
      requestBody: { state: 'closed', state_reason: 'not_planned' },
    });
    // The credential header's value (and the token without its scheme) are secrets to redact.
    expect(secrets).toContain('ghs_triageBotInstallToken0123456789abcd');
  });

  it('OTLP/JSON: a response body that was not recorded is marked so', () => {
    const [trace] = traces(parseTraceText(read(join(PROD, 'stale-sweep-2025-06-09.otlp.json')), { format: 'otlp' }));
    const list = trace!.draft.calls[1]!;
    expect(list).toMatchObject({ method: 'GET', responseRecorded: false, responseBody: null });
    expect(trace!.draft.calls[2]!.responseRecorded).toBe(true);
  });

  it('OTLP/JSON: a span is identified by (traceId, spanId); a repeated span is kept once, the more complete copy', () => {
    const text = read(join(PROD, 'stale-sweep-2025-06-02.otlp.json'));
    const document = JSON.parse(text) as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }>;
    };
    const [original] = traces(parseTraceText(text, { format: 'auto' }));
    // The same export twice in one document, and as two lines of a collector file: one trace, no call twice.
    const doubled = JSON.stringify({ resourceSpans: [...document.resourceSpans, ...document.resourceSpans] });
    for (const repeated of [doubled, `${JSON.stringify(document)}\n${JSON.stringify(document)}\n`]) {
      const parsed = traces(parseTraceText(repeated, { format: 'otlp' }));
      expect(parsed).toHaveLength(1);
      expect(parsed[0]!.draft).toEqual(original!.draft);
    }

    const spans = document.resourceSpans[0]!.scopeSpans[0]!.spans;
    const patchAt = spans.findIndex((span) =>
      (span.attributes as Array<{ key: string; value: { stringValue?: string } }>).some(
        (attribute) => attribute.key === 'http.request.method' && attribute.value.stringValue === 'PATCH',
      ),
    );
    const patch = spans[patchAt]!;
    const withStatus = (status: number): Record<string, unknown> => ({
      ...patch,
      attributes: (patch.attributes as Array<{ key: string }>)
        .filter((attribute) => attribute.key !== 'http.response.status_code')
        .concat([{ key: 'http.response.status_code', value: { intValue: String(status) } } as { key: string }]),
    });
    const withSpans = (extra: Array<Record<string, unknown>>) =>
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [...spans, ...extra] }] }] });
    const callIndex = original!.draft.calls.findIndex((call) => call.method === 'PATCH');
    // Two copies that record as much: the later one is kept.
    const later = traces(parseTraceText(withSpans([withStatus(502)]), { format: 'otlp' }))[0]!.draft;
    expect(later.calls).toHaveLength(18);
    expect(later.calls[callIndex]!.status).toBe(502);
    // A later copy that records less (not ended, fewer attributes) does not replace a complete one.
    const { endTimeUnixNano: _end, ...unended } = withStatus(502);
    const partial = { ...unended, attributes: (unended.attributes as unknown[]).slice(0, 2) };
    const kept = traces(parseTraceText(withSpans([partial]), { format: 'otlp' }))[0]!.draft;
    expect(kept.calls).toHaveLength(18);
    expect(kept.calls[callIndex]).toEqual(original!.draft.calls[callIndex]);
  });

  it('OTLP/JSON: gen_ai spans are model calls and tools, ids group spans into traces, lines of a collector file export', () => {
    const span = (traceId: string, name: string, attributes: Record<string, string>, parent = 'aa') => ({
      traceId,
      spanId: Math.random().toString(16).slice(2, 18),
      parentSpanId: parent,
      name,
      kind: 3,
      startTimeUnixNano: '1748855643120000000',
      endTimeUnixNano: '1748855644120000000',
      attributes: Object.entries(attributes).map(([key, value]) => ({ key, value: { stringValue: value } })),
    });
    const line = (spans: unknown[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
    const text = [
      line([
        span('t1', 'chat gpt-4o', {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.input.messages': JSON.stringify([
            { role: 'user', parts: [{ type: 'text', content: 'Triage the inbox' }] },
          ]),
          'gen_ai.output.messages': JSON.stringify([
            { role: 'assistant', parts: [{ type: 'text', content: 'Done: 2 labelled' }] },
          ]),
        }),
        span('t2', 'GET', { 'http.method': 'GET', 'http.url': 'https://hooks.slack.com/x' }),
      ]),
      line([
        span('t1', 'execute_tool list_issues', {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': 'list_issues',
        }),
      ]),
    ].join('\n');
    const outcome = parseTraceText(text, { format: 'auto' });
    const [first, second] = traces(outcome);
    expect(first!.draft).toMatchObject({
      id: 't1',
      task: 'Triage the inbox',
      answer: 'Done: 2 labelled',
      model: 'gpt-4o',
    });
    expect(first!.draft.calls.map((call) => [call.kind, call.name])).toEqual([
      ['llm', 'chat gpt-4o'],
      ['tool', 'list_issues'],
    ]);
    expect(second!.draft.calls[0]).toMatchObject({ kind: 'http', service: 'other', host: 'hooks.slack.com' });
  });

  it('OTLP/JSON: the answer of a gen_ai.choice event whose message is a kvlist or JSON text, as the OpenAI instrumentations write it', () => {
    const choice = (message: Record<string, unknown>) => ({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 'chat gpt-4o-mini',
                  kind: 3,
                  startTimeUnixNano: '1717320000000000000',
                  endTimeUnixNano: '1717320001000000000',
                  attributes: [
                    { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
                    { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o-mini' } },
                  ],
                  events: [
                    {
                      name: 'gen_ai.user.message',
                      attributes: [{ key: 'content', value: { stringValue: 'Label the bug reports.' } }],
                    },
                    {
                      name: 'gen_ai.choice',
                      attributes: [
                        { key: 'index', value: { intValue: '0' } },
                        { key: 'finish_reason', value: { stringValue: 'stop' } },
                        { key: 'message', value: message },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const kvlist = {
      kvlistValue: {
        values: [
          { key: 'role', value: { stringValue: 'assistant' } },
          { key: 'content', value: { stringValue: 'Labelled 2 issues.' } },
        ],
      },
    };
    const text = { stringValue: JSON.stringify({ role: 'assistant', content: 'Labelled 2 issues.' }) };
    for (const message of [kvlist, text]) {
      const [trace] = traces(parseTraceText(JSON.stringify(choice(message)), { format: 'otlp' }));
      expect(trace!.draft).toMatchObject({ task: 'Label the bug reports.', answer: 'Labelled 2 issues.' });
      expect(trace!.draft.calls[0]).toMatchObject({
        kind: 'llm',
        responseBody: 'Labelled 2 issues.',
        responseRecorded: true,
      });
    }
  });

  it('JSONL: requests and messages grouped by trace_id; an absent response_body is not recorded, null is an empty body', () => {
    const outcome = parseTraceText(read(join(PROD, 'label-bugs-2025-06-03.jsonl')), { format: 'auto' });
    expect(outcome).toMatchObject({ ok: true, format: 'jsonl' });
    const [trace] = traces(outcome);
    expect(trace!.draft).toMatchObject({
      id: 'label-bugs-2025-06-03',
      task: 'Label the bug reports in acme/webapp with "bug". Do not close anything.',
      answer: expect.stringMatching(/^Labelled 2 bug report/),
    });
    expect(trace!.draft.calls.map((call) => `${call.method} ${call.status}`)).toEqual([
      'GET 200',
      'GET 200',
      'POST 200',
      'POST 200',
    ]);
    const text = [
      { type: 'message', trace_id: 'a', role: 'user', content: 'go' },
      {
        type: 'request',
        trace_id: 'a',
        method: 'DELETE',
        url: 'https://api.github.com/repos/o/r/labels/x',
        status: 204,
        response_body: null,
      },
      { type: 'request', trace_id: 'a', method: 'GET', url: 'https://api.github.com/repos/o/r', status: 200 },
      { type: 'error', trace_id: 'a', message: 'boom' },
    ]
      .map((event) => JSON.stringify(event))
      .join('\n');
    const [small] = traces(parseTraceText(text, { format: 'jsonl' }));
    expect(small!.draft.calls.map((call) => call.responseRecorded)).toEqual([true, false]);
    expect(small!.draft.errors).toEqual([{ message: 'boom', call: null }]);
  });

  it('JSONL: a status and a duration written as numeric strings are read as numbers; other text is refused', () => {
    const line = (fields: Record<string, unknown>) =>
      JSON.stringify({
        type: 'request',
        trace_id: 'r1',
        method: 'get',
        url: 'https://api.github.com/repos/a/b',
        ...fields,
      });
    const [trace] = traces(parseTraceText(line({ status: '404', duration_ms: '12.5' }), { format: 'auto' }));
    expect(trace!.draft.calls[0]).toMatchObject({ method: 'GET', status: 404, durationMs: 12.5 });
    const refused = parseTraceText(line({ status: 'OK' }), { format: 'auto' });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/^line 1: .*"status"/) });
  });

  it('JSONL: the values of cookie headers are secrets wherever they appear', () => {
    const text = [
      {
        method: 'GET',
        url: 'https://api.github.com/user',
        request_headers: { Cookie: 'session=cookievalue987; theme=dark' },
      },
      {
        method: 'GET',
        url: 'https://example.com/x',
        response_headers: { 'Set-Cookie': ['sid=anothercookie42; Path=/; HttpOnly'] },
      },
    ]
      .map((fields) => JSON.stringify({ type: 'request', trace_id: 'c1', ...fields }))
      .join('\n');
    const [trace] = traces(parseTraceText(text, { format: 'jsonl' }));
    expect(trace!.secrets).toEqual(expect.arrayContaining(['cookievalue987', 'anothercookie42']));
    expect(trace!.secrets).not.toContain('dark');
  });

  it('Archal run records: the clone recorded every body, and the record carries its own verdict', () => {
    const outcome = parseTraceText(read(join(FIXTURES, 'archal-run-close-stale.json')), { format: 'auto' });
    expect(outcome).toMatchObject({ ok: true, format: 'archal' });
    const [trace] = traces(outcome);
    expect(trace!.draft.task).toMatch(/Skip issues labelled keep-open/);
    expect(trace!.draft.calls.every((call) => call.service === 'github' && call.responseRecorded)).toBe(true);
    expect(trace!.draft.recorded?.passed).toBe(false);
    expect(trace!.draft.recorded?.criteria.filter((c) => c.status === 'failed').map((c) => c.text)).toEqual([
      'Exactly 4 issues are closed',
      'Issues labelled keep-open remain open',
    ]);
    // A record written before records carried the prompt gets it from the scenario file it names.
    const old = JSON.parse(read(join(FIXTURES, 'archal-run-close-stale.json'))) as { scenario: { prompt?: string } };
    delete old.scenario.prompt;
    const [fallback] = traces(
      parseTraceText(JSON.stringify(old), { format: 'archal', promptOf: () => 'from the file' }),
    );
    expect(fallback!.draft.task).toBe('from the file');
  });

  it.each([
    ['plain text', 'these are my notes\nnot a trace', /^not JSON: expected OTLP\/JSON/],
    ['an empty file', '  \n', /^an empty file/],
    ['binary', 'PK\u0003\u0004\u0000\u0000', /^a binary file/],
    ['JSON that is no trace', '{"hello": "world"}', /^JSON, but not a trace/],
    [
      'JSONL with a broken line',
      '{"type":"message","trace_id":"a","role":"user","content":"x"}\n{oops',
      /^line 2: not JSON/,
    ],
    [
      'a JSONL event with an unknown type',
      '{"type":"span","trace_id":"a"}',
      /^line 1: not a JSONL trace event: "type" must be/,
    ],
    ['a JSONL request without a URL', '{"type":"request","trace_id":"a","method":"GET"}', /^line 1: .*"url"/],
    [
      'OTLP without trace ids',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"x"}]}]}]}',
      /spans\[0\] has no traceId/,
    ],
    [
      'a broken run record',
      '{"scenario":{},"result":{},"requests":[]}',
      /^not a valid Archal run record: scenario.title/,
    ],
  ])('refuses %s with a reason', (_name, text, reason) => {
    const outcome = parseTraceText(text, { format: 'auto' });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(reason);
  });

  it.each([
    [
      'a Langfuse trace with its observations',
      JSON.stringify({
        id: 'trace-abc',
        name: 'triage',
        input: { task: 'close stale issues' },
        observations: [{ id: 'obs-1', traceId: 'trace-abc', type: 'GENERATION', model: 'gpt-4o' }],
      }),
      'Langfuse',
    ],
    [
      "Langfuse's list of traces (GET /api/public/traces)",
      JSON.stringify({ data: [{ id: 'trace-abc', name: 'triage', observations: ['obs-1'] }], meta: { page: 1 } }),
      'Langfuse',
    ],
    [
      'Langfuse observations, one per line',
      '{"id":"obs-1","traceId":"trace-abc","type":"SPAN","name":"agent"}\n{"id":"obs-2","traceId":"trace-abc","type":"GENERATION","model":"gpt-4o"}',
      'Langfuse',
    ],
    [
      'Braintrust log rows, one per line',
      '{"id":"r1","span_id":"s1","root_span_id":"s1","input":{"task":"x"},"output":"done","span_attributes":{"name":"root","type":"task"}}',
      'Braintrust',
    ],
    [
      "Braintrust's fetched events",
      JSON.stringify({ events: [{ id: 'r1', span_id: 's1', root_span_id: 's1', input: 'x' }] }),
      'Braintrust',
    ],
  ])('names %s as an export it does not read, and how to bring its runs in', (_name, text, provider) => {
    const outcome = parseTraceText(text, { format: 'auto' });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(
      new RegExp(
        `^a ${provider} export, which Archal does not read: .*OpenTelemetry.*trace-source serve.*JSONL trace events`,
      ),
    );
  });

  it('a forced format that does not fit is refused, not guessed', () => {
    const outcome = parseTraceText(read(join(PROD, 'label-bugs-2025-06-03.jsonl')), { format: 'otlp' });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid OTLP\/JSON \(line 1\)/) });
  });
});
