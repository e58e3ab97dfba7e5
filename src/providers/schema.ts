import * as z from 'zod';
import { commandSpecSchema } from '../lib/command-spec.js';
import { lazySchema, memo } from '../lib/lazy.js';

/** Provider names the engine knows. One list, used by the config, the workflow schema and the registry. */
export const PROVIDER_NAMES = ['claude', 'codex', 'pi', 'opencode', 'copilot', 'exec'] as const;
export const providerNameSchema = z.enum(PROVIDER_NAMES);
export type ProviderName = z.infer<typeof providerNameSchema>;

export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'] as const;
/** Reasoning depth, weakest first, on every provider that has the control (each clamps to the rungs it has). */
export const EFFORT_LEVELS = ['minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];
export const WEB_SEARCH_MODES = ['disabled', 'cached', 'live'] as const;

/** Model tiers every provider maps to one of its models. */
export const TIER_NAMES = ['small', 'medium', 'large'] as const;
export type TierName = (typeof TIER_NAMES)[number];

export const execSpecSchema = commandSpecSchema.describe(
  'A command that receives the prompt on stdin and prints the answer on stdout.',
);
export type ExecSpec = z.infer<typeof execSpecSchema>;

const commandField = (cli: string, fallback: string) =>
  z.string().optional().describe(`Path or name of the ${cli}. Default: "${fallback}".`);
const argsField = () => z.array(z.string()).optional().describe('Extra arguments appended to every call.');

// The provider sections of .archal.json: built with assistantsSchema, when the file is first parsed.
const claudeDefaultsSchema = () =>
  z
    .object({
      model: z.string().optional().describe('Default model, e.g. "sonnet".'),
      command: commandField('Claude Code CLI', 'claude'),
      permissionMode: z
        .enum(['default', 'acceptEdits', 'plan', 'bypassPermissions', 'dontAsk', 'auto'])
        .optional()
        .describe('Permission mode for headless runs. Default: "bypassPermissions".'),
      args: argsField(),
    })
    .strict();

const codexDefaultsSchema = () =>
  z
    .object({
      model: z.string().optional().describe('Default model, e.g. "gpt-5.3-codex".'),
      modelReasoningEffort: z.enum(REASONING_EFFORTS).optional(),
      webSearchMode: z.enum(WEB_SEARCH_MODES).optional(),
      command: commandField('Codex CLI', 'codex'),
      sandbox: z
        .enum(['read-only', 'workspace-write', 'danger-full-access'])
        .optional()
        .describe('Sandbox of `codex exec`. Default: "workspace-write".'),
      args: argsField(),
    })
    .strict();

const cliDefaultsSchema = (cli: string, fallback: string, modelExample: string) =>
  z
    .object({
      model: z.string().optional().describe(`Default model, e.g. "${modelExample}".`),
      command: commandField(cli, fallback),
      args: argsField(),
    })
    .strict();

const execDefaultsSchema = () =>
  z
    .object({
      command: z.string().min(1).optional(),
      args: z.array(z.string()).optional(),
      env: z.record(z.string(), z.string()).optional(),
      model: z.string().optional().describe('Passed to the command as ARCHAL_MODEL.'),
    })
    .strict();

/** Extended thinking, in Archon's spelling: `adaptive`, `enabled`, `disabled`, or `{type: enabled, budgetTokens: N}`. */
export const thinkingSettingSchema = memo(() => {
  const full = z.discriminatedUnion('type', [
    z.object({ type: z.literal('adaptive') }),
    z.object({ type: z.literal('enabled'), budgetTokens: z.number().int().positive().optional() }),
    z.object({ type: z.literal('disabled') }),
  ]);
  return z.union(
    [z.enum(['adaptive', 'enabled', 'disabled']).transform((type): z.output<typeof full> => ({ type })), full],
    { error: "thinking must be 'adaptive', 'enabled', 'disabled' or {type: enabled, budgetTokens: N}" },
  );
});
export type ThinkingSetting = z.infer<ReturnType<typeof thinkingSettingSchema>>;

/** The keys of a model preset, as Archon's tiers and aliases take them. */
export const MODEL_PRESET_KEYS = ['provider', 'model', 'effort', 'thinking'] as const;

/**
 * A model preset: which provider runs it, with which model, and optionally the reasoning depth and
 * extended thinking its nodes get when they set none of their own.
 */
export const modelPresetSchema = lazySchema(() =>
  z
    .object({
      provider: providerNameSchema,
      model: z.string().min(1),
      effort: z.enum(EFFORT_LEVELS, { error: `effort must be one of ${EFFORT_LEVELS.join(', ')}` }).optional(),
      thinking: thinkingSettingSchema().optional(),
    })
    .strict(),
);
export type ModelPreset = z.infer<typeof modelPresetSchema>;

/** The `assistants` section of .archal.json: which provider AI nodes use, and each provider's settings. */
export const assistantsSchema = lazySchema(() =>
  z
    .object({
      default: providerNameSchema.optional().describe('Provider of AI nodes that name none. Default: "claude".'),
      claude: claudeDefaultsSchema().optional(),
      codex: codexDefaultsSchema().optional(),
      pi: cliDefaultsSchema('pi coding agent CLI', 'pi', 'anthropic/claude-sonnet-4-6').optional(),
      opencode: cliDefaultsSchema('OpenCode CLI', 'opencode', 'anthropic/claude-sonnet-4-6').optional(),
      copilot: cliDefaultsSchema('GitHub Copilot CLI', 'copilot', 'gpt-5').optional(),
      exec: execDefaultsSchema().optional(),
      tiers: z
        .partialRecord(z.enum(TIER_NAMES), modelPresetSchema)
        .optional()
        .describe(
          'What the model tiers small, medium and large mean, e.g. {"small": {"provider": "claude", "model": "haiku"}}; a tier may also set "effort" and "thinking".',
        ),
      aliases: z
        .record(
          z.string().regex(/^@[A-Za-z0-9_.-]+$/, { error: 'alias names start with @ (e.g. "@fast")' }),
          modelPresetSchema,
        )
        .optional()
        .describe(
          'Model aliases workflows name as model: "@name", e.g. {"@fast": {"provider": "claude", "model": "haiku"}}; an alias may also set "effort" and "thinking" (e.g. {"type": "enabled", "budgetTokens": 8000}).',
        ),
    })
    .strict(),
);
export type AssistantsConfig = z.infer<typeof assistantsSchema>;
