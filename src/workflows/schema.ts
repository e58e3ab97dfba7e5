import * as z from 'zod';
import { lazyRecord, memo } from '../lib/lazy.js';
import { execSpecSchema, providerNameSchema, REASONING_EFFORTS, WEB_SEARCH_MODES } from '../providers/schema.js';
import {
  aiOptionFields,
  betasSchema,
  contextSchema,
  effortSchema,
  sandboxSchema,
  thinkingSchema,
} from './schema-ai.js';

/**
 * The YAML shape of workflow files. Load-time checks that span fields or nodes live in the loaders.
 * The schema of each node kind is built when a node of that kind is first loaded (NODE_SCHEMAS):
 * building them all cost every workflow command's start-up, and most workflows use a few kinds.
 */

export const TRIGGER_RULES = ['all_success', 'one_success', 'none_failed_min_one_success', 'all_done'] as const;
export const triggerRuleSchema = z.enum(TRIGGER_RULES);
export type TriggerRule = z.infer<typeof triggerRuleSchema>;

/** The field that decides a node's kind. Exactly one must be present. `include` is expanded at load. */
export const NODE_KINDS = [
  'command',
  'prompt',
  'bash',
  'script',
  'loop',
  'loop_group',
  'approval',
  'cancel',
  'workflow',
  'include',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
/** The kinds that reach the engine (an `include` becomes the nodes it includes). */
export type RunnableKind = Exclude<NodeKind, 'include'>;

export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const INPUT_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const DEFAULT_BASH_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_PARALLEL = 4;
export const SCRIPT_RUNTIMES = ['bun', 'uv', 'node', 'python'] as const;
export type ScriptRuntime = (typeof SCRIPT_RUNTIMES)[number];

const between = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be between ${min} and ${max}` })
    .max(max, { error: `${name} must be between ${min} and ${max}` });

const positiveMs = (name: string) =>
  z
    .number({ error: `${name} must be a number of milliseconds` })
    .finite()
    .positive({ error: `${name} must be a positive number of milliseconds` });

const retrySchema = memo(() =>
  z.object({
    max_attempts: between('retry.max_attempts', 1, 5),
    delay_ms: between('retry.delay_ms', 1000, 60000).optional(),
    on_error: z.enum(['transient', 'all']).optional(),
  }),
);
export type RetryConfig = z.infer<ReturnType<typeof retrySchema>>;

// In workflow files unknown keys are warnings (see NESTED_KEYS), so nested blocks strip them.
const workflowExecSchema = memo(() => execSpecSchema.unwrap().strip());

/** `name: value` inputs a node passes on (values any JSON; checked in the loaders). */
const withSchema = () =>
  z.record(z.string(), z.unknown(), { error: "'with' must be a mapping of input names to values" });

const commonFields = memo(() => ({
  id: z
    .string({ error: 'id must be a string' })
    .trim()
    .min(1, { error: 'id must not be empty', abort: true })
    .regex(NODE_ID_PATTERN, { error: 'id must start with a letter or _ and contain only letters, digits, _ and -' })
    .refine((id) => id !== 'INPUTS', { error: "node id 'INPUTS' is reserved for $INPUTS.<name>" }),
  description: z.string().optional(),
  depends_on: z.array(z.string().min(1)).optional(),
  when: z.string().trim().min(1, { error: 'when must not be empty' }).optional(),
  trigger_rule: triggerRuleSchema.optional(),
  continue_on_error: z.boolean().optional(),
  /** Run again on resume even when an earlier attempt completed it. */
  always_run: z.boolean().optional(),
  /** Writes the output as a typed artifact: $ARTIFACTS_DIR/nodes/<id>.md and <id>.meta.json. */
  output_type: z.string().trim().min(1).optional(),
}));

/** JSON Schema of a structured AI output; compiled (and so checked) at load time. */
const outputFormatSchema = () =>
  z.record(z.string(), z.unknown(), {
    error: 'output_format must be a JSON Schema object',
  });

const aiFields = memo(() => ({
  provider: providerNameSchema.optional(),
  model: z.string().trim().min(1).optional(),
  context: contextSchema().optional(),
  output_format: outputFormatSchema().optional(),
  allowed_tools: z.array(z.string()).optional(),
  denied_tools: z.array(z.string()).optional(),
  exec: workflowExecSchema().optional(),
  // Only an AI call streams output to watch: elsewhere (bash: timeout) it would be a silent no-op.
  idle_timeout: positiveMs('idle_timeout').optional(),
  ...aiOptionFields(),
}));

const nonBlank = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` });

const commandNodeSchema = () =>
  z.object({
    ...commonFields(),
    ...aiFields(),
    retry: retrySchema().optional(),
    command: nonBlank('command'),
    with: withSchema().optional(),
  });

const promptNodeSchema = () =>
  z.object({
    ...commonFields(),
    ...aiFields(),
    retry: retrySchema().optional(),
    prompt: nonBlank('prompt'),
  });

const bashNodeSchema = () =>
  z.object({
    ...commonFields(),
    retry: retrySchema().optional(),
    bash: nonBlank('bash script'),
    timeout: positiveMs('timeout').optional(),
  });

const scriptNodeSchema = () =>
  z.object({
    ...commonFields(),
    retry: retrySchema().optional(),
    script: nonBlank('script'),
    runtime: z.enum(SCRIPT_RUNTIMES, { error: `runtime must be one of ${SCRIPT_RUNTIMES.join(', ')}` }).optional(),
    deps: z.array(z.string().trim().min(1, { error: 'each dep must be a non-empty string' })).optional(),
    timeout: positiveMs('timeout').optional(),
    with: withSchema().optional(),
  });

/** What every loop shares: how long, until what, and whether a person answers between iterations. */
const loopControlFields = memo(() => ({
  until: z.string().min(1).optional(),
  until_bash: z.string().min(1).optional(),
  max_iterations: z
    .number({ error: 'loop.max_iterations must be a number' })
    .int({ error: 'loop.max_iterations must be a whole number' })
    .positive({ error: 'loop.max_iterations must be a positive integer' })
    .optional(),
  fresh_context: z.boolean().optional(),
  interactive: z.boolean().optional(),
  gate_message: z.string().optional(),
  signal_completes: z.boolean().optional(),
}));

const loopSettingsSchema = memo(() =>
  z.object({
    prompt: z.string().optional(),
    command: z.string().optional(),
    until_field: z.string().trim().min(1).optional(),
    ...loopControlFields(),
  }),
);

const loopNodeSchema = () =>
  z.object({
    ...commonFields(),
    ...aiFields(),
    loop: loopSettingsSchema(),
  });

const loopGroupSettingsSchema = memo(() =>
  z.object({
    nodes: z.array(z.unknown(), { error: "'loop_group.nodes' must be a list of nodes" }),
    ...loopControlFields(),
  }),
);

const loopGroupNodeSchema = () =>
  z.object({
    ...commonFields(),
    provider: providerNameSchema.optional(),
    model: z.string().trim().min(1).optional(),
    loop_group: loopGroupSettingsSchema(),
  });

const decisionId = () =>
  z
    .string()
    .trim()
    .min(1)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "decision ids are kebab-case (e.g. 'approve', 'needs-revision')" });

const approvalSettingsSchema = memo(() =>
  z.object({
    message: nonBlank('approval.message'),
    capture_response: z.boolean().optional(),
    decisions: z
      .array(z.object({ id: decisionId(), label: z.string().min(1).optional() }))
      .min(1)
      .optional(),
    on_reject: z
      .object({
        prompt: nonBlank('approval.on_reject.prompt'),
        max_attempts: between('approval.on_reject.max_attempts', 1, 10).optional(),
      })
      .optional(),
  }),
);

const approvalNodeSchema = () =>
  z.object({
    ...commonFields(),
    approval: approvalSettingsSchema(),
  });

const cancelNodeSchema = () =>
  z.object({
    ...commonFields(),
    cancel: nonBlank('cancel reason'),
  });

const FAN_OUT_SHAPES =
  "'fan_out' is a list of items, a $node.output[.field] reference to a JSON array, or {items, as?, max_parallel?, join?}";

const fanOutSchema = memo(() =>
  z.object(
    {
      items: z.union([nonBlank('fan_out.items'), z.array(z.unknown())], {
        error: "'fan_out.items' must be a $node.output reference or a JSON array",
      }),
      as: z.string().regex(INPUT_NAME_PATTERN, { error: 'fan_out.as must be an input name' }).optional(),
      max_parallel: z.number().int().min(1, { error: "'fan_out.max_parallel' must be >= 1" }).optional(),
      join: z.enum(['all_done', 'all_success', 'first_success']).optional(),
    },
    { error: FAN_OUT_SHAPES },
  ),
);

/** `fan_out:` as written: the short forms (the items, or a reference to them) stand for `{items: …}`. */
const fanOutFieldSchema = () =>
  z.preprocess(
    (value) => (Array.isArray(value) || typeof value === 'string' ? { items: value } : value),
    fanOutSchema(),
  );

const workflowNodeSchema = () =>
  z.object({
    ...commonFields(),
    workflow: nonBlank('workflow'),
    input: z.string().optional(),
    with: withSchema().optional(),
    isolation: z.enum(['inherit', 'worktree']).optional(),
    fan_out: fanOutFieldSchema().optional(),
    output_format: outputFormatSchema().optional(),
  });

const includeNodeSchema = () =>
  z.object({
    id: commonFields().id,
    description: commonFields().description,
    depends_on: commonFields().depends_on,
    when: commonFields().when,
    trigger_rule: commonFields().trigger_rule,
    include: nonBlank('include'),
    with: withSchema().optional(),
  });

/** Each kind's schema, built on first use. */
export const NODE_SCHEMAS = lazyRecord({
  command: commandNodeSchema,
  prompt: promptNodeSchema,
  bash: bashNodeSchema,
  script: scriptNodeSchema,
  loop: loopNodeSchema,
  loop_group: loopGroupNodeSchema,
  approval: approvalNodeSchema,
  cancel: cancelNodeSchema,
  workflow: workflowNodeSchema,
  include: includeNodeSchema,
});

const inputSpecSchema = () =>
  z.object({
    required: z.boolean().optional(),
    default: z.unknown().optional(),
    description: z.string().optional(),
  });
export type InputSpec = z.infer<ReturnType<typeof inputSpecSchema>>;

/**
 * Workflow-level fields, `nodes` aside (nodes are validated one by one): each one's schema, built the
 * first time a workflow sets it (most set a few).
 */
const workflowFieldBuilders = {
  name: () => nonBlank('name'),
  description: () => nonBlank('description'),
  provider: () => providerNameSchema.optional(),
  model: () => z.string().trim().min(1).optional(),
  modelReasoningEffort: () => z.enum(REASONING_EFFORTS).optional(),
  webSearchMode: () => z.enum(WEB_SEARCH_MODES).optional(),
  additionalDirectories: () =>
    z
      .array(z.string().refine((dir) => dir.startsWith('/'), { error: 'additionalDirectories must be absolute paths' }))
      .optional(),
  // Trimmed, blanks and repeats dropped, as Archon stores them (an empty list stays empty).
  tags: () =>
    z
      .array(z.string())
      .transform((tags) => [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))])
      .optional(),
  max_parallel: () => between('max_parallel', 1, 64).optional(),
  exec: () => workflowExecSchema().optional(),
  effort: () => effortSchema().optional(),
  thinking: () => thinkingSchema().optional(),
  fallbackModel: () => z.string().trim().min(1).optional(),
  betas: () => betasSchema().optional(),
  sandbox: () => sandboxSchema().optional(),
  interactive: () => z.boolean().optional(),
  worktree: () => z.object({ enabled: z.boolean().optional() }).optional(),
  evidence_policy: () =>
    z.object({ required: z.boolean() }, { error: 'evidence_policy must be {required: true|false}' }).optional(),
  mutates_checkout: () => z.boolean().optional(),
  persist_sessions: () => z.boolean().optional(),
  requires: () => z.array(z.string()).optional(),
  inputs: () => z.record(z.string(), inputSpecSchema()).optional(),
  returns: () => nonBlank('returns').optional(),
  outcome_field: () => nonBlank('outcome_field').optional(),
};
type WorkflowFieldShape = { [K in keyof typeof workflowFieldBuilders]: ReturnType<(typeof workflowFieldBuilders)[K]> };
export type WorkflowFields = z.infer<z.ZodObject<WorkflowFieldShape>>;

/** The schema of each workflow-level field. */
export const WORKFLOW_FIELDS = lazyRecord<WorkflowFieldShape>(workflowFieldBuilders);
const REQUIRED_WORKFLOW_FIELDS: ReadonlySet<string> = new Set(['name', 'description']);

/**
 * The workflow-level fields' schema for a workflow that sets `keys`: the fields it sets and the
 * required ones, in their declared order. It parses such a workflow as the schema of every field
 * would (the others are absent, and optional); what it returns has the type of that schema's.
 */
export function workflowFieldsSchema(keys: ReadonlySet<string>): z.ZodObject<WorkflowFieldShape> {
  const shape: Record<string, z.ZodType> = {};
  for (const key of Object.keys(workflowFieldBuilders) as (keyof WorkflowFieldShape)[])
    if (keys.has(key) || REQUIRED_WORKFLOW_FIELDS.has(key)) shape[key] = WORKFLOW_FIELDS[key];
  return z.object(shape) as unknown as z.ZodObject<WorkflowFieldShape>;
}

/** Workflow-level fields Archon reads whose malformed values it warns about and drops instead of refusing. */
export const LENIENT_WORKFLOW_FIELDS: ReadonlySet<string> = new Set([
  'effort',
  'thinking',
  'fallbackModel',
  'betas',
  'sandbox',
  'interactive',
  'worktree',
  'mutates_checkout',
  'persist_sessions',
  'requires',
  'tags',
  'modelReasoningEffort',
  'webSearchMode',
]);

/** Archon keys Archal knows and does not support, with what it does instead. */
export const UNSUPPORTED_ARCHON_KEYS: Readonly<Record<string, string>> = {
  container:
    "Archon's container isolation (folder projects in Docker) is not supported by Archal; the run uses the checkout (or a worktree with --branch)",
};

export type CommandNodeFields = z.infer<ReturnType<typeof commandNodeSchema>>;
export type PromptNodeFields = z.infer<ReturnType<typeof promptNodeSchema>>;
export type BashNodeFields = z.infer<ReturnType<typeof bashNodeSchema>>;
export type ScriptNodeFields = z.infer<ReturnType<typeof scriptNodeSchema>>;
export type LoopNodeFields = z.infer<ReturnType<typeof loopNodeSchema>>;
export type LoopGroupNodeFields = z.infer<ReturnType<typeof loopGroupNodeSchema>>;
export type ApprovalNodeFields = z.infer<ReturnType<typeof approvalNodeSchema>>;
export type CancelNodeFields = z.infer<ReturnType<typeof cancelNodeSchema>>;
export type SubWorkflowNodeFields = z.infer<ReturnType<typeof workflowNodeSchema>>;

/** Keys each kind accepts, derived from the schemas (for unknown-key warnings); each kind's on first use. */
export const NODE_KEYS: Readonly<Record<NodeKind, ReadonlySet<string>>> = lazyRecord(
  Object.fromEntries(
    NODE_KINDS.map((kind) => [kind, () => new Set(Object.keys(NODE_SCHEMAS[kind].shape))] as const),
  ) as unknown as Record<NodeKind, () => ReadonlySet<string>>,
);

export const WORKFLOW_KEYS: ReadonlySet<string> = new Set([...Object.keys(workflowFieldBuilders), 'nodes']);

const keysOf = (schema: () => z.ZodObject) => () => new Set(Object.keys(schema().shape));

/** Keys of the nested blocks whose unknown keys get warnings (output_format is free-form JSON Schema). */
export const NESTED_KEYS: Readonly<Record<string, ReadonlySet<string>>> = lazyRecord({
  retry: keysOf(retrySchema),
  loop: keysOf(loopSettingsSchema),
  loop_group: keysOf(loopGroupSettingsSchema),
  approval: keysOf(approvalSettingsSchema),
  fan_out: keysOf(fanOutSchema),
  exec: () => new Set(Object.keys(workflowExecSchema().shape)),
  worktree: () => new Set(['enabled']),
  evidence_policy: () => new Set(['required']),
});
