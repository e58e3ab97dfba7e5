import * as z from 'zod';
import { executionPolicySchema } from './policy.js';

/** The trace formats `archal trace-source import` reads. */
export const TRACE_FORMATS = ['otlp', 'archal', 'jsonl'] as const;
export const traceFormatSchema = z.enum(TRACE_FORMATS);
export type TraceFormat = z.infer<typeof traceFormatSchema>;

/** What a call in a trace talked to: GitHub (which Archal clones), a model provider, or another service. */
export const CALL_SERVICES = ['github', 'llm', 'tool', 'other'] as const;

export const traceCallSchema = z.object({
  index: z.number().int().min(0).describe('Position in the trace, in the order the calls started'),
  kind: z.enum(['http', 'llm', 'tool']),
  service: z.enum(CALL_SERVICES),
  name: z.string().describe('The span name, tool name, or "<METHOD> <path>"'),
  method: z.string().nullable(),
  url: z.string().nullable().describe('The full URL when the trace has it, else the path'),
  host: z.string().nullable(),
  status: z.number().int().nullable().describe('HTTP status code'),
  requestBody: z.unknown().describe('Parsed JSON when it was JSON; null when not recorded'),
  responseBody: z.unknown(),
  requestRecorded: z.boolean(),
  responseRecorded: z
    .boolean()
    .describe('False when the trace did not record the response body (or recorded it truncated)'),
  startedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  model: z.string().nullable(),
});
export type TraceCall = z.infer<typeof traceCallSchema>;

/** A verdict the trace carries itself (an Archal run record is already evaluated). */
const recordedVerdictSchema = z.object({
  passed: z.boolean(),
  criteria: z.array(
    z.object({
      text: z.string(),
      status: z.string(),
      detail: z.string(),
      expression: z.string().nullable(),
    }),
  ),
});

/** One imported trace in the shape every stage reads (`.archal/attach/raw/<trace-id>.json`). */
export const traceSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().describe('The trace id, safe as a file name'),
  source: z.object({
    name: z.string().describe('The attachment or source it came from'),
    format: traceFormatSchema,
    file: z.string().nullable().describe('The file it was read from (relative to the repository when inside it)'),
    files: z
      .array(z.string())
      .optional()
      .describe('Every file holding spans of the trace, when an OTLP trace was exported over several files'),
  }),
  task: z.string().nullable().describe('The task the agent was given'),
  model: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  calls: z.array(traceCallSchema),
  answer: z.string().nullable().describe("The agent's final answer"),
  errors: z.array(z.object({ message: z.string(), call: z.number().int().nullable() })),
  recorded: recordedVerdictSchema.nullable(),
  contentHash: z.string().describe('sha256 of the normalized content: the same trace imported twice has the same hash'),
});
export type Trace = z.infer<typeof traceSchema>;
/** A trace before it is named, hashed and attributed to a source. */
export type TraceDraft = Omit<Trace, 'schemaVersion' | 'contentHash' | 'source' | 'id'> & { id: string | null };

/** Job statuses, as `.archal/attach/runs.jsonl` records them. */
export const JOB_STATUSES = [
  'queued',
  'graded',
  'passed',
  'reproduced',
  'not_reproduced',
  'blocked',
  'fixed',
  'fix_blocked',
  'failed',
] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const STAGES = ['import', 'grade', 'seed', 'reproduce', 'fix'] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export { EXECUTION_POLICIES, executionPolicySchema, type ExecutionPolicy } from './policy.js';

/** One piece of data a stage needed and the trace did not have, and where it would come from. */
export const missingSchema = z.object({
  what: z.string(),
  call: z.number().int().nullable().describe('The call of the trace it belongs to'),
  from: z.string().describe('Where it would come from'),
});
export type Missing = z.infer<typeof missingSchema>;

/** One line of runs.jsonl: one state change of one job. */
export const jobLineSchema = z
  .object({
    traceId: z.string(),
    source: z.string(),
    stage: stageSchema,
    status: jobStatusSchema,
    at: z.string(),
    seq: z.number().int().min(1).describe('1 for the first line of a job, then +1 per change'),
    revision: z.number().int().min(1).describe('Bumped when a changed trace or attach-reprocess restarts the job'),
    policy: executionPolicySchema,
    message: z.string().optional(),
    missing: z.array(missingSchema).optional(),
    artifacts: z.array(z.string()).optional(),
  })
  .loose();
export type JobLine = z.infer<typeof jobLineSchema>;

const evidenceSchema = z.object({
  rule: z.string(),
  message: z.string(),
  calls: z.array(
    z.object({
      index: z.number().int(),
      method: z.string().nullable(),
      url: z.string().nullable(),
      status: z.number().int().nullable(),
    }),
  ),
});
export type GradeEvidence = z.infer<typeof evidenceSchema>;

/** A criterion the reproduction scenario checks, derived from the grade. */
const gradeCriterionSchema = z.object({
  kind: z.enum(['D', 'P']),
  text: z.string(),
  expression: z.string().optional(),
});
export type GradeCriterion = z.infer<typeof gradeCriterionSchema>;

/** grades/<trace>/grade.json */
export const gradeSchema = z.object({
  schemaVersion: z.literal(1),
  traceId: z.string(),
  verdict: z.enum(['pass', 'fail', 'unclear']),
  summary: z.string(),
  evidence: z.array(evidenceSchema).describe('The calls at fault'),
  reproduce: z.boolean().describe('Whether reproduction should continue'),
  decidedBy: z.enum(['rules', 'recorded', 'evaluator', 'none']),
  rulesChecked: z.array(z.string()),
  criteria: z.array(gradeCriterionSchema).describe('What the reproduction scenario checks'),
  missing: z
    .array(missingSchema)
    .describe('Why the verdict is unclear, when it is for want of data: what the trace would need'),
  evaluator: z
    .object({ provider: z.string(), verdict: z.enum(['pass', 'fail', 'error']), reason: z.string() })
    .nullable(),
  gradedAt: z.string(),
});
export type Grade = z.infer<typeof gradeSchema>;

/** runs/<trace>/manifest.json */
export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  traceId: z.string(),
  status: z.enum(['reproduced', 'not_reproduced', 'blocked']),
  summary: z.string(),
  command: z.string().describe('The equivalent `archal run` command line'),
  scenario: z.string(),
  seed: z.string(),
  runs: z.number().int(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      runId: z.string(),
      passed: z.boolean(),
      failureKind: z.string().nullable(),
      failureSummary: z.string().nullable(),
      failedCriteria: z.array(z.object({ text: z.string(), detail: z.string() })),
      durationMs: z.number(),
      record: z.string().describe('The run record, .archal/cache/runs/<runId>.json'),
    }),
  ),
  evidence: z.array(z.string()),
  missing: z.array(missingSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** fixes/<trace>/status.json */
export const fixStatusSchema = z.object({
  schemaVersion: z.literal(1),
  traceId: z.string(),
  status: z.enum(['fixed', 'fix_blocked']),
  reason: z.string().describe('Why it stopped: fixed, external_execution_disabled, or the pre-prod stop reason'),
  message: z.string(),
  preprod: z
    .object({ status: z.string(), stopReason: z.string(), result: z.string().nullable() })
    .nullable()
    .describe('The pre-prod loop that ran the fix, and its preprod-result.json'),
  pr: z
    .object({ url: z.string().nullable(), number: z.number().int().nullable(), branch: z.string().nullable() })
    .nullable(),
  patch: z.string().nullable().describe('fixes/<trace>/repo.patch, when no PR could be created'),
  finishedAt: z.string(),
});
export type FixStatus = z.infer<typeof fixStatusSchema>;

/** `.archal/attach/attachments.json`: local directories being watched and registered database sources. */
export const attachmentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('directory'),
    name: z.string(),
    path: z.string().describe('Relative to the repository when inside it'),
    policy: executionPolicySchema,
    status: z.enum(['attached', 'detached']),
    pid: z.number().int().nullable(),
    host: z.string().nullable(),
    attachedAt: z.string(),
    detachedAt: z.string().nullable(),
  }),
  z.object({
    kind: z.enum(['postgres', 'supabase']),
    name: z.string(),
    databaseUrlEnv: z.string().describe('The variable holding the connection string; the string is never written'),
    table: z.string().nullable(),
    queryFile: z.string().nullable(),
    policy: executionPolicySchema,
    registeredAt: z.string(),
    checkedAt: z.string().nullable(),
  }),
]);
export type Attachment = z.infer<typeof attachmentSchema>;
export type DirectoryAttachment = Extract<Attachment, { kind: 'directory' }>;
export type DatabaseAttachment = Extract<Attachment, { kind: 'postgres' | 'supabase' }>;

export const attachmentsFileSchema = z.object({
  schemaVersion: z.literal(1),
  attachments: z.array(attachmentSchema),
});
export type AttachmentsFile = z.infer<typeof attachmentsFileSchema>;

/** Statuses after which a job does nothing more, whatever the policy (attach-reprocess restarts them). */
export const FINAL_STATUSES: readonly JobStatus[] = [
  'passed',
  'not_reproduced',
  'blocked',
  'fixed',
  'fix_blocked',
  'failed',
];
