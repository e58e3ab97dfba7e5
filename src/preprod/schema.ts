import * as z from 'zod';

/** The statuses of `archal preprod run`, exactly as the pre-prod loop documents them. */
export const PREPROD_STATUSES = [
  'passed',
  'planned',
  'dry_run',
  'blocked',
  'budget_exhausted',
  'validation_failed',
  'pr_failed',
] as const;
export const preprodStatusSchema = z.enum(PREPROD_STATUSES);
export type PreprodStatus = z.infer<typeof preprodStatusSchema>;

export const FAILURE_CATEGORIES = [
  'harness_setup',
  'routing',
  'clone_fidelity',
  'scenario_evaluator',
  'agent_behavior',
  'unknown',
] as const;
export const failureCategorySchema = z.enum(FAILURE_CATEGORIES);
export type FailureCategory = z.infer<typeof failureCategorySchema>;

const evidenceSchema = z.object({
  runId: z.string(),
  criterion: z.object({ id: z.string(), text: z.string(), detail: z.string() }).optional(),
  request: z.object({ method: z.string(), path: z.string(), status: z.number() }).optional(),
  host: z
    .string()
    .optional()
    .describe('A host other than GitHub’s that the agent tried to reach (route mode refused it)'),
  excerpt: z.string().describe('The decisive detail: the values a criterion compared, a request, or stderr'),
});

/** One failure, as a coding agent should read it (preprod-failures.json). */
export const failureSchema = z.object({
  id: z
    .string()
    .describe('Stable within a loop: <scenario file>#<criterion id, or the category when no criterion is at fault>'),
  category: failureCategorySchema,
  flaky: z.boolean().describe('The scenario passed some runs but not all'),
  scenario: z.object({
    title: z.string(),
    file: z.string().describe('Relative to the repository'),
    prompt: z.string(),
  }),
  criterion: z
    .object({
      id: z.string(),
      kind: z.enum(['D', 'P']),
      text: z.string(),
      line: z.number().int().min(1).optional().describe('Where the criterion is written in the scenario file'),
    })
    .nullable(),
  failedRuns: z.number().int(),
  runs: z.number().int(),
  evidence: z.array(evidenceSchema).max(3),
  hint: z.string().describe('One line: what to do next'),
});
export type PreprodFailure = z.infer<typeof failureSchema>;

export const failuresFileSchema = z.object({
  schemaVersion: z.literal(1),
  attempt: z.number().int().min(0).describe('0: before any fix attempt'),
  failures: z.array(failureSchema),
});

const usageSchema = z.object({
  inputTokens: z.number().nonnegative().optional(),
  outputTokens: z.number().nonnegative().optional(),
  provider: z.string().optional(),
  model: z.string().optional(),
  isByok: z.boolean().optional(),
  costUsd: z.number().nonnegative().optional(),
});
export type PreprodUsage = z.infer<typeof usageSchema>;
/** What a fix command may write to ARCHAL_PREPROD_USAGE_PATH. */
export const fixUsageSchema = usageSchema;

const commandResultSchema = z.object({
  command: z.string(),
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  durationMs: z.number(),
  outputTail: z.string().describe('Last lines of stdout and stderr, redacted'),
});

const scenarioRunSchema = z.object({
  title: z.string(),
  file: z.string(),
  satisfaction: z.number(),
  passedRuns: z.number().int(),
  runs: z.number().int(),
  runIds: z.array(z.string()),
});

const attemptSchema = z.object({
  attempt: z.number().int().min(0),
  startedAt: z.string(),
  durationMs: z.number(),
  fix: commandResultSchema
    .extend({ kind: z.enum(['command', 'workflow']), workflowRunId: z.string().optional() })
    .nullable(),
  usage: usageSchema.nullable(),
  scenarios: z.array(scenarioRunSchema),
  failures: z.array(failureSchema),
  failuresFile: z.string().nullable(),
});

export const preprodResultSchema = z.object({
  schemaVersion: z.literal(1),
  status: preprodStatusSchema,
  stopReason: z
    .string()
    .describe(
      'Why the loop stopped: passed, missing_harness, external_execution_disabled, cost_reservation_denied, no_fix_command, origin_not_github, …',
    ),
  message: z.string(),
  repo: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  options: z.record(z.string(), z.unknown()).describe('The options the loop ran with (redacted)'),
  scenarios: z.array(z.object({ title: z.string(), file: z.string() })),
  preflight: z
    .object({ passed: z.boolean(), detail: z.string(), durationMs: z.number() })
    .nullable()
    .describe('The harness started once with ARCHAL_PREFLIGHT=1 before any scenario ran'),
  attempts: z.array(attemptSchema).describe('Attempt 0 is the first run of the scenarios; each fix attempt follows'),
  usage: usageSchema.extend({ attempts: z.number().int() }),
  validation: commandResultSchema.extend({ passed: z.boolean() }).nullable(),
  pr: z
    .object({
      publisher: z.enum(['builtin', 'command']),
      action: z
        .enum(['created', 'updated', 'unchanged', 'closed', 'none'])
        .describe(
          'unchanged: the open PR already had this change; closed: nothing was left to change; none: no PR was needed',
        ),
      url: z.string().nullable(),
      number: z.number().int().nullable(),
      branch: z.string().nullable(),
      headSha: z.string().nullable(),
      files: z.array(z.string()),
      verified: z.boolean(),
      problems: z.array(z.string()),
      command: commandResultSchema.nullable(),
    })
    .nullable(),
  fixPaths: z
    .array(z.string())
    .optional()
    .describe(
      "Paths fixes changed that are not known to be published: this loop's fix attempts', and those an earlier loop in the same artifacts folder left unpublished (a rerun with --open-pr publishes them)",
    ),
  timings: z.record(z.string(), z.number()).describe('Milliseconds per phase'),
  artifacts: z.object({ dir: z.string().nullable(), result: z.string().nullable(), failures: z.string().nullable() }),
});
export type PreprodResult = z.infer<typeof preprodResultSchema>;
export type PreprodAttempt = z.infer<typeof attemptSchema>;
export type CommandResult = z.infer<typeof commandResultSchema>;

export function preprodJsonSchemas(): Record<'result' | 'failures', Record<string, unknown>> {
  return {
    result: {
      ...z.toJSONSchema(preprodResultSchema, { target: 'draft-2020-12' }),
      $id: 'https://archal.dev/schema/preprod-result.schema.json',
      title: 'Archal pre-prod loop result (preprod-result.json)',
    },
    failures: {
      ...z.toJSONSchema(failuresFileSchema, { target: 'draft-2020-12' }),
      $id: 'https://archal.dev/schema/preprod-failures.schema.json',
      title: 'Archal pre-prod failures (preprod-failures.json, ARCHAL_PREPROD_FAILURES_JSON)',
    },
  };
}
