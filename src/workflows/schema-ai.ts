import * as z from 'zod';
import { memo } from '../lib/lazy.js';
import { EFFORT_LEVELS, thinkingSettingSchema } from '../providers/schema.js';

/**
 * The AI settings a node (or a whole workflow) can give its provider, in Archon's spelling.
 * Providers map them onto their CLI's own flags; the loader warns about those a provider ignores.
 */

// Built on first use, like every schema here: a workflow that sets none of these never builds them.
export const effortSchema = memo(() =>
  z.enum(EFFORT_LEVELS, {
    error: `effort must be one of ${EFFORT_LEVELS.join(', ')}`,
  }),
);

/** `adaptive`, `enabled`, `disabled`, or `{type: enabled, budgetTokens: N}` (the same as a model preset's). */
export const thinkingSchema = thinkingSettingSchema;

export const betasSchema = memo(() =>
  z.array(z.string().trim().min(1)).min(1, { error: "'betas' must be a non-empty list" }),
);

/** Claude Code's sandbox settings, passed through as they are written. */
export const sandboxSchema = memo(() =>
  z.looseObject({
    enabled: z.boolean().optional(),
  }),
);

/** Claude Code hook events a node can answer (each with a canned response). */
export const HOOK_EVENTS = [
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'Notification',
  'UserPromptSubmit',
  'SessionStart',
  'SessionEnd',
  'Stop',
  'SubagentStart',
  'SubagentStop',
  'PreCompact',
  'PermissionRequest',
  'Setup',
  'TeammateIdle',
  'TaskCompleted',
  'Elicitation',
  'ElicitationResult',
  'ConfigChange',
  'WorktreeCreate',
  'WorktreeRemove',
  'InstructionsLoaded',
] as const;

const hookMatcherSchema = () =>
  z.object({
    matcher: z.string().optional(),
    /** The JSON the hook answers with (Claude Code's hook output: hookSpecificOutput, decision…). */
    response: z.record(z.string(), z.unknown()),
    timeout: z.number().positive().optional(),
  });
// Built when a workflow first uses it (z.lazy): its ~40 schemas would cost every command's start-up.
export const hooksSchema = z.lazy(() => {
  const matcher = hookMatcherSchema();
  return z.object(Object.fromEntries(HOOK_EVENTS.map((event) => [event, z.array(matcher).optional()]))).strict();
});
export type HookMatcher = z.infer<ReturnType<typeof hookMatcherSchema>>;

const AGENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const agentsSchema = z.lazy(() =>
  z
    .record(
      z.string(),
      z.object({
        description: z.string().min(1, { error: "'description' is required" }),
        prompt: z.string().min(1, { error: "'prompt' is required" }),
        model: z.string().min(1).optional(),
        tools: z.array(z.string().min(1)).optional(),
        disallowedTools: z.array(z.string().min(1)).optional(),
        skills: z.array(z.string().min(1)).optional(),
        maxTurns: z.number().int().positive().optional(),
      }),
    )
    // Ids are checked here, not by the record's key schema: zod reports a failing key schema as
    // "Invalid key in record" and drops its message, leaving the author no clue what is wrong.
    .superRefine((map, ctx) => {
      for (const id of Object.keys(map))
        if (!AGENT_ID.test(id))
          ctx.addIssue({
            code: 'custom',
            message: `agent ids must be kebab-case (a-z, 0-9, hyphen): '${id}'`,
            path: [id],
          });
    })
    .refine((map) => Object.keys(map).length > 0, { error: "'agents' must have at least one entry" }),
);

const piNodeSchema = () =>
  z.object({
    enableExtensions: z.boolean().optional(),
    interactive: z.boolean().optional(),
    extensionFlags: z.record(z.string(), z.union([z.boolean(), z.string()])).optional(),
  });

/** `fresh`, `shared`, or `{resume: <node>}` (continue a copy of that node's session). */
export const contextSchema = () =>
  z.union(
    [
      z.enum(['fresh', 'shared']),
      z.object({ resume: z.string().trim().min(1, { error: "'context.resume' must name a node" }) }),
    ],
    { error: "context must be 'fresh', 'shared' or {resume: <node id>}" },
  );

/**
 * Node fields that configure the provider call itself. Built once, by the first AI node kind whose
 * schema is built (a workflow of bash nodes never builds them).
 */
export const aiOptionFields = memo(() => ({
  effort: effortSchema().optional(),
  thinking: thinkingSchema().optional(),
  hooks: hooksSchema.optional(),
  mcp: z.string().trim().min(1, { error: "'mcp' must be a non-empty path" }).optional(),
  skills: z.array(z.string().trim().min(1)).optional(),
  agents: agentsSchema.optional(),
  pi: piNodeSchema().optional(),
  maxBudgetUsd: z.number().positive({ error: 'maxBudgetUsd must be a positive number' }).optional(),
  systemPrompt: z.string().min(1).optional(),
  fallbackModel: z.string().trim().min(1).optional(),
  settingSources: z.array(z.enum(['project', 'user'])).optional(),
  betas: betasSchema().optional(),
  sandbox: sandboxSchema().optional(),
  persist_session: z.boolean().optional(),
}));
