import * as z from 'zod';
import { criterionResultSchema } from '../evaluate/criteria.js';

/** The result of `archal run`: the schema of `-o json` and of .archal/cache/last-run.json. */

const FAILURE_KINDS = ['harness', 'routing', 'clone_gap', 'evaluator', 'agent'] as const;
export const failureKindSchema = z
  .enum(FAILURE_KINDS)
  .describe(
    'harness: did not start, or crashed or timed out without a clone gap; routing: tried to reach a host other than GitHub (route mode refused it); clone_gap: hit a route the clone does not implement (even if it then crashed or timed out); evaluator: a criterion could not be evaluated, or none was (only [P] criteria and no evaluator); agent: ran fine, criteria failed',
  );

export const harnessSummarySchema = z.object({
  outcome: z.enum(['ok', 'not_started', 'timed_out', 'exited', 'killed', 'cancelled']),
  detail: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  durationMs: z.number(),
  answer: z.string(),
  answerFormat: z.enum(['json', 'embedded_json', 'ndjson', 'text', 'empty']),
  stderrTail: z.string(),
});

export const runResultSchema = z.object({
  runId: z.string(),
  run: z.number().int().min(1).describe('1-based index of the run within its scenario'),
  passed: z.boolean(),
  failureKind: failureKindSchema.nullable(),
  failureSummary: z.string().nullable(),
  harness: harnessSummarySchema,
  criteria: z.array(criterionResultSchema),
  requests: z.object({
    total: z.number().int(),
    failed: z.number().int().describe('answered with status ≥ 400'),
    notImplemented: z.array(z.object({ method: z.string(), path: z.string() })),
    refused: z
      .array(z.object({ host: z.string(), port: z.number().int(), method: z.string() }))
      .default([])
      .describe('Requests route mode refused: hosts other than GitHub’s that the agent tried to reach'),
  }),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number().optional() }).nullable(),
  durationMs: z.number(),
  cacheFile: z.string().describe('The full record of this run: requests, state diff, answer, stderr'),
});

export const scenarioResultSchema = z.object({
  title: z.string(),
  file: z.string(),
  tags: z.array(z.string()),
  runs: z.number().int(),
  passedRuns: z.number().int(),
  satisfaction: z.number().min(0).max(100).describe('100 × passed runs / runs'),
  meetsThreshold: z.boolean(),
  failingCriteria: z.array(z.object({ id: z.string(), text: z.string(), failedRuns: z.number().int() })),
  warnings: z.array(z.string()),
  results: z.array(runResultSchema),
});

export const suiteResultSchema = z.object({
  schemaVersion: z.literal(1),
  title: z.string().optional().describe('.archal.json "title"'),
  suiteId: z
    .string()
    .optional()
    .describe(
      'Names this suite among the recorded ones: .archal/cache/suites/<suiteId>.json (archal view, archal report)',
    ),
  startedAt: z.string(),
  durationMs: z.number(),
  passThreshold: z.number().min(0).max(100),
  passed: z.boolean().describe('every scenario met the pass threshold'),
  satisfaction: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe(
      "The lowest scenario satisfaction, the number the pass threshold is held against (Archal's last-run.json satisfaction); null without scenarios",
    ),
  totals: z.object({ scenarios: z.number().int(), runs: z.number().int(), passedRuns: z.number().int() }),
  scenarios: z.array(scenarioResultSchema),
  warnings: z.array(z.string()),
});

export type ScenarioRunResult = z.infer<typeof runResultSchema>;
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;
export type SuiteResult = z.infer<typeof suiteResultSchema>;
export type FailureKind = z.infer<typeof failureKindSchema>;

export function resultsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(suiteResultSchema, { target: 'draft-2020-12' }),
    $id: 'https://archal.dev/schema/run-results.schema.json',
    title: 'Archal run results (archal run -o json, .archal/cache/last-run.json)',
  };
}
