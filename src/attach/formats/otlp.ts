import { body, httpCall, isoFromMs, secretsIn, timeSpan } from '../normalize.js';
import type { TraceCall } from '../schema.js';
import { refuse, type ParseOutcome, type ParsedTrace } from './types.js';

/**
 * OTLP/JSON (`ExportTraceServiceRequest`, as OpenTelemetry SDKs, collectors' file exporters and
 * OTLP/HTTP pushes write it): resourceSpans → scopeSpans → spans, grouped into one trace per traceId.
 * HTTP client spans are read by the `http.*`/`url.*` semantic conventions, LLM and tool spans by
 * `gen_ai.*`. Bodies come from `http.request.body` / `http.response.body` attributes (or span
 * events of those names), which the conventions leave to instrumentations.
 */

type Attributes = Record<string, unknown>;

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startMs: number | null;
  endMs: number | null;
  attributes: Attributes;
  events: Array<{ name: string; timeMs: number | null; attributes: Attributes }>;
  status: { code: number; message: string };
}

const SPAN_KIND_CLIENT = 3;
const SPAN_KIND_SERVER = 2;
const STATUS_ERROR = 2;

/** A value of OTLP's AnyValue, as plain JSON. */
function anyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('boolValue' in v) return v.boolValue;
  if ('bytesValue' in v) return v.bytesValue;
  if ('arrayValue' in v) {
    const values = (v.arrayValue as { values?: unknown[] } | undefined)?.values;
    return Array.isArray(values) ? values.map(anyValue) : [];
  }
  if ('kvlistValue' in v) return attributes((v.kvlistValue as { values?: unknown } | undefined)?.values);
  return null;
}

function attributes(list: unknown): Attributes {
  const result: Attributes = {};
  if (!Array.isArray(list)) return result;
  for (const entry of list) {
    if (entry && typeof entry === 'object' && typeof (entry as { key?: unknown }).key === 'string')
      result[(entry as { key: string }).key] = anyValue((entry as { value?: unknown }).value);
  }
  return result;
}

/** Nanoseconds since the epoch (a string or a number) as milliseconds. */
function nanosToMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value / 1e6 : null;
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    // Exact for any 64-bit value: the last six digits are below a millisecond.
    const ms = value.length > 6 ? Number(value.slice(0, -6)) + Number(value.slice(-6)) / 1e6 : Number(value) / 1e6;
    return ms > 0 ? ms : null;
  }
  return null;
}

const iso = (ms: number | null) => (ms === null ? null : isoFromMs(ms));

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

function first(attrs: Attributes, keys: readonly string[]): unknown {
  for (const key of keys) if (attrs[key] !== undefined) return attrs[key];
  return undefined;
}

/** What makes a document no OTLP/JSON the parser reads (the field at fault), or null: pushes are checked on receipt. */
export function otlpDocumentProblem(document: Record<string, unknown>): string | null {
  const spans = spansOf(document);
  return typeof spans === 'string' ? spans : null;
}

function spansOf(document: Record<string, unknown>): Span[] | string {
  const resourceSpans = document.resourceSpans;
  if (!Array.isArray(resourceSpans)) return 'resourceSpans is not an array';
  const spans: Span[] = [];
  for (const [r, resource] of resourceSpans.entries()) {
    if (!resource || typeof resource !== 'object') return `resourceSpans[${r}] is not an object`;
    const scopes =
      (resource as Record<string, unknown>).scopeSpans ??
      (resource as Record<string, unknown>).instrumentationLibrarySpans ??
      [];
    if (!Array.isArray(scopes)) return `resourceSpans[${r}].scopeSpans is not an array`;
    for (const [s, scope] of scopes.entries()) {
      const list = (scope as Record<string, unknown> | null)?.spans ?? [];
      if (!Array.isArray(list)) return `resourceSpans[${r}].scopeSpans[${s}].spans is not an array`;
      for (const [i, raw] of list.entries()) {
        const span = raw as Record<string, unknown> | null;
        if (!span || typeof span !== 'object' || typeof span.traceId !== 'string' || span.traceId === '')
          return `resourceSpans[${r}].scopeSpans[${s}].spans[${i}] has no traceId`;
        const status = (span.status ?? {}) as Record<string, unknown>;
        spans.push({
          traceId: span.traceId.toLowerCase(),
          spanId: str(span.spanId) ?? '',
          parentSpanId: str(span.parentSpanId) ?? '',
          name: str(span.name) ?? '',
          kind: spanKind(span.kind),
          startMs: nanosToMs(span.startTimeUnixNano),
          endMs: nanosToMs(span.endTimeUnixNano),
          attributes: attributes(span.attributes),
          events: Array.isArray(span.events)
            ? span.events.map((event) => ({
                name: str((event as Record<string, unknown>)?.name) ?? '',
                timeMs: nanosToMs((event as Record<string, unknown>)?.timeUnixNano),
                attributes: attributes((event as Record<string, unknown>)?.attributes),
              }))
            : [],
          status: {
            code: statusCode(status.code),
            message: str(status.message) ?? '',
          },
        });
      }
    }
  }
  return spans;
}

function spanKind(value: unknown): number {
  if (typeof value === 'number') return value;
  const names: Record<string, number> = {
    SPAN_KIND_INTERNAL: 1,
    SPAN_KIND_SERVER: 2,
    SPAN_KIND_CLIENT: 3,
    SPAN_KIND_PRODUCER: 4,
    SPAN_KIND_CONSUMER: 5,
  };
  return typeof value === 'string' ? (names[value] ?? 0) : 0;
}

function statusCode(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'STATUS_CODE_ERROR') return STATUS_ERROR;
  if (value === 'STATUS_CODE_OK') return 1;
  return 0;
}

function eventBody(span: Span, names: readonly string[]): unknown {
  const event = span.events.find((e) => names.includes(e.name));
  return event ? first(event.attributes, ['body', 'content', 'http.body', 'value']) : undefined;
}

function httpUrl(attrs: Attributes): string | null {
  const full = str(first(attrs, ['url.full', 'http.url']));
  if (full) return full;
  const path = str(first(attrs, ['url.path', 'http.target']));
  if (!path) return null;
  const query = str(attrs['url.query']);
  const host = str(first(attrs, ['server.address', 'net.peer.name', 'http.host']));
  const port = num(first(attrs, ['server.port', 'net.peer.port']));
  const scheme = str(first(attrs, ['url.scheme', 'http.scheme'])) ?? 'https';
  const rest = `${path}${query ? `?${query}` : ''}`;
  if (!host) return rest;
  const defaultPort = (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80);
  return `${scheme}://${host}${port && !defaultPort ? `:${port}` : ''}${rest}`;
}

function errorOf(span: Span): string | null {
  const exception = span.events.find((event) => event.name === 'exception');
  if (span.status.code !== STATUS_ERROR && !exception) return null;
  return (
    str(exception?.attributes['exception.message']) ||
    span.status.message ||
    str(span.attributes['error.type']) ||
    `${span.name} failed`
  );
}

/** Text of a message list (gen_ai.input.messages and friends): the content parts joined. */
function messageText(message: unknown): string | null {
  if (typeof message === 'string') return message;
  if (!message || typeof message !== 'object') return null;
  const m = message as Record<string, unknown>;
  if (typeof m.content === 'string') return m.content;
  const parts = Array.isArray(m.parts) ? m.parts : Array.isArray(m.content) ? m.content : [];
  const text = parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : str((part as Record<string, unknown> | null)?.content ?? (part as Record<string, unknown> | null)?.text),
    )
    .filter((part): part is string => Boolean(part))
    .join('\n');
  return text || null;
}

function messages(value: unknown): Array<{ role: string; text: string | null }> {
  const parsed = body(value).value;
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : [];
  return list.map((message) => ({
    role: str((message as Record<string, unknown> | null)?.role) ?? 'user',
    text: messageText(message),
  }));
}

/** The prompt and completion of an LLM span, in the several shapes instrumentations write them. */
function llmExchange(span: Span): { input: Array<{ role: string; text: string | null }>; output: string | null } {
  const attrs = span.attributes;
  let input = messages(first(attrs, ['gen_ai.input.messages', 'gen_ai.prompt', 'llm.input_messages']));
  if (input.length === 0) {
    // Indexed attributes: gen_ai.prompt.0.role / gen_ai.prompt.0.content.
    for (
      let i = 0;
      attrs[`gen_ai.prompt.${i}.content`] !== undefined || attrs[`gen_ai.prompt.${i}.role`] !== undefined;
      i++
    )
      input.push({
        role: str(attrs[`gen_ai.prompt.${i}.role`]) ?? 'user',
        text: str(attrs[`gen_ai.prompt.${i}.content`]),
      });
  }
  if (input.length === 0)
    input = span.events
      .filter((event) => /^gen_ai\.(user|system)\.message$/.test(event.name))
      .map((event) => ({
        role: event.name === 'gen_ai.system.message' ? 'system' : 'user',
        text: str(event.attributes.content) ?? messageText(event.attributes),
      }));
  const outputs = messages(first(attrs, ['gen_ai.output.messages', 'gen_ai.completion']));
  let output =
    outputs
      .map((message) => message.text)
      .filter(Boolean)
      .at(-1) ?? null;
  output ??= str(attrs['gen_ai.completion.0.content']);
  // A gen_ai.choice event holds its text as `content`, or as `message` ({role, content}: a kvlist or JSON text).
  const choice = span.events.findLast((event) => event.name === 'gen_ai.choice')?.attributes;
  output ??=
    str(choice?.content) ?? (choice?.message === undefined ? null : (messages(choice.message)[0]?.text ?? null));
  return { input, output };
}

const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'embeddings', 'completion']);
const LLM_KEYS = ['gen_ai.request.model', 'gen_ai.response.model', 'gen_ai.system', 'gen_ai.provider.name'];
const TASK_KEYS = ['archal.agent.task', 'agent.task', 'gen_ai.agent.task'];
const ANSWER_KEYS = ['archal.agent.answer', 'agent.answer', 'gen_ai.agent.answer'];

function traceOf(traceId: string, spans: Span[]): ParsedTrace {
  spans.sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
  const calls: TraceCall[] = [];
  const errors: Array<{ message: string; call: number | null }> = [];
  const secrets = new Set<string>();
  let task: string | null = null;
  let answer: string | null = null;
  let model: string | null = null;
  let firstPrompt: string | null = null;
  let lastCompletion: string | null = null;
  const roots = spans.filter((span) => !span.parentSpanId);

  for (const span of spans) {
    const attrs = span.attributes;
    task ??= str(first(attrs, TASK_KEYS));
    const spanAnswer = str(first(attrs, ANSWER_KEYS));
    if (spanAnswer !== null) answer = spanAnswer;
    const error = errorOf(span);
    const startedAt = iso(span.startMs);
    const durationMs = span.startMs !== null && span.endMs !== null ? Math.round(span.endMs - span.startMs) : null;
    const operation = str(attrs['gen_ai.operation.name']);
    const isTool = operation === 'execute_tool' || attrs['gen_ai.tool.name'] !== undefined;
    // Agent spans (invoke_agent, create_agent) carry gen_ai.* too, but they are the run, not a model call.
    const isLlm =
      !isTool &&
      operation !== 'invoke_agent' &&
      operation !== 'create_agent' &&
      (LLM_OPERATIONS.has(operation ?? '') || LLM_KEYS.some((key) => attrs[key] !== undefined));
    const method = str(first(attrs, ['http.request.method', 'http.method']));
    const index = calls.length;

    if (isTool) {
      const argumentsValue = body(first(attrs, ['gen_ai.tool.call.arguments', 'gen_ai.tool.arguments']));
      const result = body(first(attrs, ['gen_ai.tool.call.result', 'gen_ai.tool.result']));
      calls.push({
        index,
        kind: 'tool',
        service: 'tool',
        name: str(attrs['gen_ai.tool.name']) ?? span.name,
        method: null,
        url: null,
        host: null,
        status: null,
        requestBody: argumentsValue.value,
        responseBody: result.value,
        requestRecorded: argumentsValue.recorded,
        responseRecorded: result.recorded,
        startedAt,
        durationMs,
        error,
        model: null,
      });
    } else if (isLlm) {
      const exchange = llmExchange(span);
      const spanModel = str(first(attrs, ['gen_ai.response.model', 'gen_ai.request.model']));
      model = spanModel ?? model;
      firstPrompt ??= exchange.input.find((message) => message.role === 'user')?.text ?? null;
      if (exchange.output) lastCompletion = exchange.output;
      calls.push({
        index,
        kind: 'llm',
        service: 'llm',
        name: span.name,
        method,
        url: method ? httpUrl(attrs) : null,
        host: str(first(attrs, ['server.address', 'net.peer.name'])),
        status: num(first(attrs, ['http.response.status_code', 'http.status_code'])),
        requestBody: exchange.input.length > 0 ? exchange.input : null,
        responseBody: exchange.output,
        requestRecorded: exchange.input.length > 0,
        responseRecorded: exchange.output !== null,
        startedAt,
        durationMs,
        error,
        model: spanModel,
      });
    } else if (method && span.kind !== SPAN_KIND_SERVER && (span.kind === SPAN_KIND_CLIENT || httpUrl(attrs))) {
      const headers: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(attrs)) {
        const header = /^http\.(request|response)\.header\.(.+)$/.exec(key);
        if (header) headers[header[2]!] = value;
      }
      const request =
        first(attrs, ['http.request.body', 'http.request.body.content']) ?? eventBody(span, ['http.request.body']);
      const response =
        first(attrs, ['http.response.body', 'http.response.body.content']) ?? eventBody(span, ['http.response.body']);
      const call = httpCall({
        index,
        method,
        url: httpUrl(attrs),
        status: num(first(attrs, ['http.response.status_code', 'http.status_code'])),
        request,
        response,
        startedAt,
        durationMs,
        error,
      });
      for (const secret of secretsIn(headers, [call.requestBody, call.responseBody])) secrets.add(secret);
      calls.push(call);
    } else if (error && span.status.code === STATUS_ERROR) {
      errors.push({ message: `${span.name}: ${error}`, call: null });
    }
    if (error && calls.length > index && calls[index]!.kind !== 'http')
      errors.push({ message: `${span.name}: ${error}`, call: index });
  }
  for (const root of roots) {
    task ??= str(root.attributes['input.value']);
    if (answer === null) answer = str(root.attributes['output.value']);
  }
  const span = timeSpan(spans.map((s) => ({ start: iso(s.startMs), end: iso(s.endMs) })));
  return {
    draft: {
      id: traceId,
      task: task ?? firstPrompt,
      model,
      ...span,
      calls,
      answer: answer ?? lastCompletion,
      errors,
      recorded: null,
    },
    secrets: [...secrets],
  };
}

/** How much a copy of a span records: an ended span first, then the one with more attributes and events. */
function completeness(span: Span): [number, number] {
  return [span.endMs === null ? 0 : 1, Object.keys(span.attributes).length + span.events.length];
}

/**
 * The copy of a span to keep when the same (traceId, spanId) arrives twice, as it does when an
 * exporter or collector retries a push, or an export is concatenated twice: the later copy,
 * unless the earlier one records more (it ended and the later did not, or it has more attributes
 * and events). Identical copies are one span, so a re-push changes nothing.
 */
function keptCopy(earlier: Span, later: Span): Span {
  const [endedBefore, sizeBefore] = completeness(earlier);
  const [endedAfter, sizeAfter] = completeness(later);
  if (endedBefore !== endedAfter) return endedBefore > endedAfter ? earlier : later;
  return sizeBefore > sizeAfter ? earlier : later;
}

/** Parses one or more OTLP/JSON documents (a file may hold one per line, as collectors' file exporters write). */
export function parseOtlp(documents: Array<Record<string, unknown>>): ParseOutcome {
  // A span is identified by (traceId, spanId); spans without a spanId cannot be told apart and are all kept.
  const byTrace = new Map<string, Map<string, Span>>();
  let unnamed = 0;
  for (const [d, document] of documents.entries()) {
    const spans = spansOf(document);
    if (typeof spans === 'string')
      return refuse(`not valid OTLP/JSON${documents.length > 1 ? ` (line ${d + 1})` : ''}: ${spans}`);
    for (const span of spans) {
      let trace = byTrace.get(span.traceId);
      if (!trace) byTrace.set(span.traceId, (trace = new Map()));
      const key = span.spanId === '' ? `\0${unnamed++}` : span.spanId.toLowerCase();
      const earlier = trace.get(key);
      trace.set(key, earlier ? keptCopy(earlier, span) : span);
    }
  }
  if (byTrace.size === 0) return refuse('OTLP/JSON without any span');
  return {
    ok: true,
    format: 'otlp',
    traces: [...byTrace].map(([traceId, spans]) => traceOf(traceId, [...spans.values()])),
  };
}
