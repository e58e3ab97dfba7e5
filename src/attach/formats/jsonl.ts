import * as z from 'zod';
import { httpCall, isoFromMs, isoTime, secretsIn, timeSpan } from '../normalize.js';
import type { TraceCall } from '../schema.js';
import { refuse, type ParseOutcome, type ParsedTrace } from './types.js';

/**
 * Archal's JSONL trace format: one JSON object per line, each an HTTP exchange, a message or an
 * error of one trace (`trace_id`); a file may interleave several traces. README "The post-prod loop"
 * documents the fields.
 */
// A time nobody can read (OpenTelemetry's nanoseconds given as milliseconds, "yesterday") is refused
// rather than dropped, so the trace's ages stay right.
const NOT_A_TIME = 'not a time: give ISO 8601 ("2025-06-02T09:20:11.402Z") or epoch milliseconds (1748856011402)';
const time = z
  .union([z.string(), z.number()], { error: NOT_A_TIME })
  .refine((value) => isoTime(value) !== null, { message: NOT_A_TIME })
  .optional();
// Loggers often write numbers as text ("status": "200"): a string of digits is read as the number.
const numericText = (pattern: RegExp) => z.string().regex(pattern).transform(Number);
const httpStatus = z.union([z.number().int(), numericText(/^\d{3}$/)], {
  error: 'expected an HTTP status: a number such as 200, or a three-digit string such as "200"',
});
const milliseconds = z.union([z.number().nonnegative(), numericText(/^\d+(\.\d+)?$/)], {
  error: 'expected milliseconds: a number such as 12.5, or a string of digits such as "12"',
});
const headers = z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional();

export const jsonlEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('request'),
      trace_id: z.string().min(1),
      ts: time,
      method: z.string().min(1),
      url: z.string().min(1),
      status: httpStatus.nullable().optional(),
      request_headers: headers,
      request_body: z.unknown().optional(),
      response_headers: headers,
      response_body: z.unknown().optional(),
      duration_ms: milliseconds.optional(),
      error: z.string().nullable().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('message'),
      trace_id: z.string().min(1),
      ts: time,
      role: z.enum(['system', 'user', 'assistant', 'tool']),
      content: z.string().nullable().optional(),
      model: z.string().optional(),
      name: z.string().optional(),
      arguments: z.unknown().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('error'),
      trace_id: z.string().min(1),
      ts: time,
      message: z.string().min(1),
    })
    .strict(),
]);
export type JsonlEvent = z.infer<typeof jsonlEventSchema>;

interface Building {
  id: string;
  calls: TraceCall[];
  task: string | null;
  answer: string | null;
  model: string | null;
  errors: Array<{ message: string; call: number | null }>;
  times: Array<{ start: string | null; end: string | null }>;
  secrets: Set<string>;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (
    (issue.code === 'invalid_union' && issue.path.length === 0) ||
    (issue.path.length === 1 && issue.path[0] === 'type')
  )
    return '"type" must be "request", "message" or "error"';
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  return `${path ? `"${path}": ` : ''}${issue.message}`;
}

/** Parses JSONL events (each already JSON-parsed, with where it is in its file: `line N`). */
export function parseJsonl(lines: Array<{ where: string; value: unknown }>): ParseOutcome {
  const traces = new Map<string, Building>();
  for (const { where, value } of lines) {
    const parsed = jsonlEventSchema.safeParse(value);
    if (!parsed.success) return refuse(`${where}: not a JSONL trace event: ${describeIssue(parsed.error)}`);
    const event = parsed.data;
    let trace = traces.get(event.trace_id);
    if (!trace) {
      trace = {
        id: event.trace_id,
        calls: [],
        task: null,
        answer: null,
        model: null,
        errors: [],
        times: [],
        secrets: new Set(),
      };
      traces.set(event.trace_id, trace);
    }
    const at = isoTime(event.ts);
    switch (event.type) {
      case 'request': {
        const call = httpCall({
          index: trace.calls.length,
          method: event.method,
          url: event.url,
          status: event.status ?? null,
          request: 'request_body' in event ? (event.request_body ?? '') : undefined,
          response: 'response_body' in event ? (event.response_body ?? '') : undefined,
          startedAt: at,
          durationMs: event.duration_ms ?? null,
          error: event.error ?? null,
        });
        trace.calls.push(call);
        for (const secret of secretsIn({ ...event.request_headers, ...event.response_headers }, [
          event.request_body,
          event.response_body,
        ]))
          trace.secrets.add(secret);
        trace.times.push({
          start: at,
          end: at && event.duration_ms !== undefined ? isoFromMs(Date.parse(at) + event.duration_ms) : at,
        });
        break;
      }
      case 'message': {
        trace.times.push({ start: at, end: at });
        if (event.model) trace.model = event.model;
        if (event.role === 'user' && trace.task === null) trace.task = event.content ?? null;
        if (event.role === 'assistant' && event.content) trace.answer = event.content;
        if (event.role === 'tool')
          trace.calls.push({
            index: trace.calls.length,
            kind: 'tool',
            service: 'tool',
            name: event.name ?? 'tool',
            method: null,
            url: null,
            host: null,
            status: null,
            requestBody: event.arguments ?? null,
            responseBody: event.content ?? null,
            requestRecorded: event.arguments !== undefined,
            responseRecorded: event.content !== undefined,
            startedAt: at,
            durationMs: null,
            error: null,
            model: null,
          });
        break;
      }
      case 'error':
        trace.errors.push({ message: event.message, call: null });
        trace.times.push({ start: at, end: at });
        break;
    }
  }
  if (traces.size === 0) return refuse('no JSONL event in the file');
  return {
    ok: true,
    format: 'jsonl',
    traces: [...traces.values()].map((trace): ParsedTrace => ({
      draft: {
        id: trace.id,
        task: trace.task,
        model: trace.model,
        ...timeSpan(trace.times),
        calls: trace.calls,
        answer: trace.answer,
        errors: trace.errors,
        recorded: null,
      },
      secrets: [...trace.secrets],
    })),
  };
}
