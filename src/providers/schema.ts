import * as z from 'zod';
import { commandSpecSchema } from '../lib/command-spec.js';

/** Provider names the engine knows. One list, used by the config, the workflow schema and the registry. */
export const PROVIDER_NAMES = ['claude', 'codex', 'exec'] as const;
export const providerNameSchema = z.enum(PROVIDER_NAMES);
export type ProviderName = z.infer<typeof providerNameSchema>;

export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export const WEB_SEARCH_MODES = ['disabled', 'cached', 'live'] as const;

export const execSpecSchema = commandSpecSchema.describe(
  'A command that receives the prompt on stdin and prints the answer on stdout.',
);
export type ExecSpec = z.infer<typeof execSpecSchema>;

const claudeDefaultsSchema = z
  .object({
    model: z.string().optional().describe('Default model, e.g. "sonnet".'),
    command: z.string().optional().describe('Path or name of the Claude Code CLI. Default: "claude".'),
    permissionMode: z
      .enum(['default', 'acceptEdits', 'plan', 'bypassPermissions', 'dontAsk', 'auto'])
      .optional()
      .describe('Permission mode for headless runs. Default: "bypassPermissions".'),
    args: z.array(z.string()).optional().describe('Extra arguments appended to every call.'),
  })
  .strict();

const codexDefaultsSchema = z
  .object({
    model: z.string().optional().describe('Default model, e.g. "gpt-5.3-codex".'),
    modelReasoningEffort: z.enum(REASONING_EFFORTS).optional(),
    webSearchMode: z.enum(WEB_SEARCH_MODES).optional(),
    command: z.string().optional().describe('Path or name of the Codex CLI. Default: "codex".'),
    sandbox: z
      .enum(['read-only', 'workspace-write', 'danger-full-access'])
      .optional()
      .describe('Sandbox of `codex exec`. Default: "workspace-write".'),
    args: z.array(z.string()).optional().describe('Extra arguments appended to every call.'),
  })
  .strict();

const execDefaultsSchema = z
  .object({
    command: z.string().min(1).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    model: z.string().optional().describe('Passed to the command as ARCHAL_MODEL.'),
  })
  .strict();

/** The `assistants` section of .archal.json: which provider AI nodes use, and each provider's settings. */
export const assistantsSchema = z
  .object({
    default: providerNameSchema.optional().describe('Provider of AI nodes that name none. Default: "claude".'),
    claude: claudeDefaultsSchema.optional(),
    codex: codexDefaultsSchema.optional(),
    exec: execDefaultsSchema.optional(),
  })
  .strict();
export type AssistantsConfig = z.infer<typeof assistantsSchema>;
