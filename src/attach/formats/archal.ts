import * as z from 'zod';
import { httpCall, timeSpan } from '../normalize.js';
import { refuse, type ParseOutcome } from './types.js';

/**
 * Archal's own run records (`.archal/cache/runs/<runId>.json`, written by `archal run` and the
 * pre-prod loop), so that a failing pre-prod run can be attached. Every request went to the run's
 * GitHub clone, which recorded its bodies; the record also carries the run's own verdict.
 */
const runRecordSchema = z.object({
  scenario: z.object({ title: z.string(), file: z.string(), prompt: z.string().optional() }).loose(),
  result: z
    .object({
      runId: z.string().min(1),
      passed: z.boolean(),
      durationMs: z.number(),
      harness: z.object({ outcome: z.string(), detail: z.string().nullable(), answer: z.string() }).loose(),
      criteria: z.array(
        z
          .object({ text: z.string(), status: z.string(), detail: z.string(), expression: z.string().optional() })
          .loose(),
      ),
    })
    .loose(),
  requests: z.array(
    z
      .object({
        at: z.string(),
        method: z.string(),
        path: z.string(),
        query: z.string().optional(),
        status: z.number(),
        durationMs: z.number().optional(),
        requestBody: z.unknown().optional(),
        responseBody: z.unknown().optional(),
      })
      .loose(),
  ),
});

/** Whether a JSON document looks like a run record (then its problems are reported as such). */
export function looksLikeRunRecord(document: Record<string, unknown>): boolean {
  return 'result' in document && 'requests' in document && 'scenario' in document;
}

/**
 * `promptOf` finds the task of records written before run records carried it (from the scenario
 * file they name); it may return null.
 */
export function parseArchalRecord(
  document: Record<string, unknown>,
  promptOf: (scenarioFile: string) => string | null = () => null,
): ParseOutcome {
  const parsed = runRecordSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`not a valid Archal run record: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const record = parsed.data;
  const calls = record.requests.map((request, index) =>
    httpCall({
      index,
      method: request.method,
      url: `${request.path}${request.query ? `?${request.query.replace(/^\?/, '')}` : ''}`,
      status: request.status,
      // The clone records a missing body as null; any body it had was recorded (up to 64 KiB).
      request: request.requestBody === null ? '' : request.requestBody,
      response: request.responseBody === null ? '' : request.responseBody,
      startedAt: request.at,
      durationMs: request.durationMs ?? null,
      error: null,
    }),
  );
  for (const call of calls) call.service = 'github';
  const harness = record.result.harness;
  const span = timeSpan(calls.map((call) => ({ start: call.startedAt, end: call.startedAt })));
  return {
    ok: true,
    format: 'archal',
    traces: [
      {
        draft: {
          id: record.result.runId,
          task: record.scenario.prompt ?? promptOf(record.scenario.file),
          model: null,
          ...span,
          durationMs: record.result.durationMs,
          calls,
          answer: harness.answer,
          errors:
            harness.outcome === 'ok' ? [] : [{ message: `the agent ${harness.detail ?? harness.outcome}`, call: null }],
          recorded: {
            passed: record.result.passed,
            criteria: record.result.criteria.map((criterion) => ({
              text: criterion.text,
              status: criterion.status,
              detail: criterion.detail,
              expression: criterion.expression ?? null,
            })),
          },
        },
        secrets: [],
      },
    ],
  };
}
