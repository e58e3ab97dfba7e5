import * as z from 'zod';
import { execSpecSchema, providerNameSchema, REASONING_EFFORTS, WEB_SEARCH_MODES } from '../providers/schema.js';

/** The YAML shape of workflow files. Load-time checks that span fields or nodes live in validate.ts. */

export const TRIGGER_RULES = ['all_success', 'one_success', 'none_failed_min_one_success', 'all_done'] as const;
export const triggerRuleSchema = z.enum(TRIGGER_RULES);
export type TriggerRule = z.infer<typeof triggerRuleSchema>;

/** The field that decides a node's kind. Exactly one must be present. */
export const NODE_KINDS = ['command', 'prompt', 'bash', 'loop', 'approval', 'cancel'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const DEFAULT_BASH_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_PARALLEL = 4;

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

export const retrySchema = z.object({
  max_attempts: between('retry.max_attempts', 1, 5),
  delay_ms: between('retry.delay_ms', 1000, 60000).optional(),
  on_error: z.enum(['transient', 'all']).optional(),
});
export type RetryConfig = z.infer<typeof retrySchema>;

const stringList = z.array(z.string().min(1));

// In workflow files unknown keys are warnings (see NESTED_KEYS), so nested blocks strip them.
const workflowExecSchema = execSpecSchema.strip();

const commonFields = {
  id: z
    .string({ error: 'id must be a string' })
    .trim()
    .min(1, { error: 'id must not be empty' })
    .regex(NODE_ID_PATTERN, { error: 'id must start with a letter or _ and contain only letters, digits, _ and -' }),
  description: z.string().optional(),
  depends_on: stringList.optional(),
  when: z.string().trim().min(1, { error: 'when must not be empty' }).optional(),
  trigger_rule: triggerRuleSchema.optional(),
  continue_on_error: z.boolean().optional(),
  idle_timeout: positiveMs('idle_timeout').optional(),
};

/** JSON Schema of a structured AI output; compiled (and so checked) at load time. */
export const outputFormatSchema = z.record(z.string(), z.unknown(), {
  error: 'output_format must be a JSON Schema object',
});

const aiFields = {
  provider: providerNameSchema.optional(),
  model: z.string().trim().min(1).optional(),
  context: z.enum(['fresh', 'shared']).optional(),
  output_format: outputFormatSchema.optional(),
  allowed_tools: z.array(z.string()).optional(),
  denied_tools: z.array(z.string()).optional(),
  exec: workflowExecSchema.optional(),
};

const nonBlank = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const commandNodeSchema = z.object({
  ...commonFields,
  ...aiFields,
  retry: retrySchema.optional(),
  command: nonBlank('command'),
});

export const promptNodeSchema = z.object({
  ...commonFields,
  ...aiFields,
  retry: retrySchema.optional(),
  prompt: nonBlank('prompt'),
});

export const bashNodeSchema = z.object({
  ...commonFields,
  retry: retrySchema.optional(),
  bash: nonBlank('bash script'),
  timeout: positiveMs('timeout').optional(),
});

export const loopSettingsSchema = z.object({
  prompt: z.string().optional(),
  command: z.string().optional(),
  until: z.string().min(1).optional(),
  until_bash: z.string().min(1).optional(),
  max_iterations: between('loop.max_iterations', 1, 1000).optional(),
  fresh_context: z.boolean().optional(),
});

export const loopNodeSchema = z.object({
  ...commonFields,
  ...aiFields,
  loop: loopSettingsSchema,
});

export const approvalNodeSchema = z.object({
  ...commonFields,
  approval: z.object({
    message: nonBlank('approval.message'),
    capture_response: z.boolean().optional(),
  }),
});

export const cancelNodeSchema = z.object({
  ...commonFields,
  cancel: nonBlank('cancel reason'),
});

export const NODE_SCHEMAS = {
  command: commandNodeSchema,
  prompt: promptNodeSchema,
  bash: bashNodeSchema,
  loop: loopNodeSchema,
  approval: approvalNodeSchema,
  cancel: cancelNodeSchema,
} as const;

/** Workflow-level fields, `nodes` aside (nodes are validated one by one). */
export const workflowFieldsSchema = z.object({
  name: nonBlank('name'),
  description: nonBlank('description'),
  provider: providerNameSchema.optional(),
  model: z.string().trim().min(1).optional(),
  modelReasoningEffort: z.enum(REASONING_EFFORTS).optional(),
  webSearchMode: z.enum(WEB_SEARCH_MODES).optional(),
  additionalDirectories: z
    .array(z.string().refine((dir) => dir.startsWith('/'), { error: 'additionalDirectories must be absolute paths' }))
    .optional(),
  tags: stringList.optional(),
  max_parallel: between('max_parallel', 1, 64).optional(),
  exec: workflowExecSchema.optional(),
});

export type CommandNodeFields = z.infer<typeof commandNodeSchema>;
export type PromptNodeFields = z.infer<typeof promptNodeSchema>;
export type BashNodeFields = z.infer<typeof bashNodeSchema>;
export type LoopNodeFields = z.infer<typeof loopNodeSchema>;
export type ApprovalNodeFields = z.infer<typeof approvalNodeSchema>;
export type CancelNodeFields = z.infer<typeof cancelNodeSchema>;
export type WorkflowFields = z.infer<typeof workflowFieldsSchema>;

/** Keys each kind accepts, derived from the schemas (for unknown-key warnings). */
export const NODE_KEYS: Record<NodeKind, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(NODE_SCHEMAS).map(([kind, schema]) => [kind, new Set(Object.keys(schema.shape))]),
) as unknown as Record<NodeKind, ReadonlySet<string>>;

export const WORKFLOW_KEYS: ReadonlySet<string> = new Set([...Object.keys(workflowFieldsSchema.shape), 'nodes']);

/** Keys of the nested blocks whose unknown keys get warnings (output_format is free-form JSON Schema). */
export const NESTED_KEYS: Record<string, ReadonlySet<string>> = {
  retry: new Set(Object.keys(retrySchema.shape)),
  loop: new Set(Object.keys(loopSettingsSchema.shape)),
  approval: new Set(Object.keys(approvalNodeSchema.shape.approval.shape)),
  exec: new Set(Object.keys(workflowExecSchema.shape)),
};
