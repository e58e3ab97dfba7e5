import * as z from 'zod';

/** Provider names the engine knows. One list, used by the config, the workflow schema and the registry. */
export const PROVIDER_NAMES = ['claude', 'codex', 'exec'] as const;
export const providerNameSchema = z.enum(PROVIDER_NAMES);
export type ProviderName = z.infer<typeof providerNameSchema>;

export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export const WEB_SEARCH_MODES = ['disabled', 'cached', 'live'] as const;

const commandSpecSchema = z
  .object({
    command: z.string().min(1).describe('Executable to run (looked up on PATH).'),
    args: z.array(z.string()).optional().describe('Arguments passed before anything Archal adds.'),
    env: z.record(z.string(), z.string()).optional().describe('Extra environment variables; ${VAR} is expanded.'),
  })
  .strict();

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

export const assistantsSchema = z
  .object({
    default: providerNameSchema.optional().describe('Provider of AI nodes that name none. Default: "claude".'),
    claude: claudeDefaultsSchema.optional(),
    codex: codexDefaultsSchema.optional(),
    exec: execDefaultsSchema.optional(),
  })
  .strict();
export type AssistantsConfig = z.infer<typeof assistantsSchema>;

export const agentSchema = z
  .union([z.string().min(1), commandSpecSchema])
  .describe('The agent under test (harness): a shell command, or {command, args, env}.');

const evaluatorSchema = z
  .object({
    provider: providerNameSchema,
    model: z.string().optional(),
  })
  .strict()
  .describe('The provider that judges [P] criteria.');

const worktreeSchema = z
  .object({
    baseBranch: z.string().min(1).optional().describe('Base branch; detected from git when absent.'),
  })
  .strict();

// Sections that later parts of Archal read. They are objects so that settings can be added without
// breaking existing files; their keys are documented where each part is.
const sectionSchema = z.looseObject({});

export const archalConfigSchema = z
  .object({
    $schema: z.string().optional(),
    agent: agentSchema.optional(),
    clones: z.array(z.string().min(1)).optional().describe('Clones scenarios use by default, e.g. ["github"].'),
    scenarios: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .describe('Scenario files or directories run when `archal run` gets none.'),
    seeds: z.string().min(1).optional().describe('Directory of seed files.'),
    runs: z.number().int().min(1).max(100).optional().describe('Runs per scenario. Default 1.'),
    timeout: z.number().positive().optional().describe('Seconds a run may take. Default 180.'),
    evaluator: evaluatorSchema.optional(),
    assistants: assistantsSchema.optional(),
    worktree: worktreeSchema.optional(),
    preprod: sectionSchema.optional(),
    app: sectionSchema.optional(),
    attach: sectionSchema.optional(),
  })
  .strict();

export type ArchalConfig = z.infer<typeof archalConfigSchema>;
