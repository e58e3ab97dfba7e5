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

const seconds = (what: string) => z.number().int().positive().max(86_400).optional().describe(what);

/**
 * Defaults of `archal preprod run`; its flags win. Two switches are deliberately flags only:
 * --allow-external-execution and --open-pr, so that a change to this file (in a pull request, say)
 * can never turn command execution or publishing on by itself.
 */
const preprodSchema = z
  .object({
    runs: z.number().int().min(1).max(100).optional().describe('Runs per scenario (--runs).'),
    passThreshold: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Satisfaction every scenario must reach, 0-100 (--pass-threshold). Default 100.'),
    maxFixAttempts: z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe('Fix attempts before giving up, 0-10 (--max-fix-attempts). Default 2.'),
    fixCommand: z.string().min(1).optional().describe('The coding agent that patches the repository (--fix-command).'),
    fixWorkflow: z.string().min(1).optional().describe('A DAG workflow as the fixer (--fix-workflow).'),
    validationCommand: z.string().min(1).optional().describe('Runs after the scenarios pass (--validation-command).'),
    prCommand: z
      .string()
      .min(1)
      .optional()
      .describe('Publishes the PR instead of the built-in publisher (--pr-command).'),
    artifacts: z.string().min(1).optional().describe('Artifacts directory (--artifacts). Default ".archal/preprod".'),
    maxCostUsd: z.number().nonnegative().optional().describe('Budget of the fix attempts in USD (--max-cost-usd).'),
    passEnv: z
      .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'))
      .optional()
      .describe('Variables fix, validation and PR commands may see (--pass-env).'),
    timeouts: z
      .object({
        fix: seconds('Seconds per fix attempt. Default 1800.'),
        validation: seconds('Seconds for the validation command. Default 900.'),
        pr: seconds('Seconds for the PR command. Default 300.'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((value) => !(value.fixCommand && value.fixWorkflow), {
    message: 'fixCommand and fixWorkflow are alternatives: set one',
  });
export type PreprodConfig = z.infer<typeof preprodSchema>;

/** Repository permission levels, lowest first, as GitHub names them (`role_name`). */
export const PERMISSION_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

const appWorkflowsSchema = z
  .object({
    fix: z
      .string()
      .min(1)
      .optional()
      .describe('Workflow of `/archal fix` and the fix label. Default "archal-fix-issue".'),
    fixCheck: z
      .string()
      .min(1)
      .optional()
      .describe('Workflow of the "Fix with Archal" button and autoFix. Default "archal-fix-check".'),
  })
  .catchall(z.string().min(1))
  .refine((value) => Object.keys(value).every((key) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(key)), {
    message: 'names must be letters, digits, ".", "_" or "-" (they are typed after `/archal run`)',
  })
  .describe('Which workflow each trigger runs; other keys are names `/archal run <name>` accepts.');

/**
 * The GitHub App's settings for a repository. The App reads them from the default branch only, so a
 * pull request cannot change what runs or who may run it.
 */
const appSchema = z
  .object({
    fixLabel: z
      .string()
      .min(1)
      .max(50)
      .optional()
      .describe('Label that starts the fix workflow. Default "archal:fix".'),
    minPermission: z
      .enum(PERMISSION_LEVELS)
      .optional()
      .describe('Least repository permission of who may command the App. Default "write".'),
    fixChecks: z
      .array(z.string().min(1))
      .optional()
      .describe('Check runs whose failure offers "Fix with Archal". Default ["Archal"].'),
    autoFix: z.boolean().optional().describe('Start the fix of a failing check at once, without the button.'),
    workflows: appWorkflowsSchema.optional(),
    maxConcurrentRuns: z
      .number()
      .int()
      .min(1)
      .max(50)
      .optional()
      .describe('Runs of this repository at once; more wait in the queue. Default 2.'),
    provider: providerNameSchema.optional().describe('Provider of AI nodes that name none, for App runs.'),
    testCommand: z
      .string()
      .min(1)
      .optional()
      .describe("The repository's test command the fix workflows validate with (ARCHAL_TEST_COMMAND)."),
  })
  .strict();
export type AppConfig = z.infer<typeof appSchema>;

// Sections that later parts of Archal read. They are objects so that settings can be added without
// breaking existing files; their keys are documented where each part is.
const sectionSchema = z.looseObject({});

export const archalConfigSchema = z
  .object({
    $schema: z.string().optional(),
    agent: agentSchema.optional(),
    agentModel: z.string().min(1).optional().describe('Passed to the agent as AGENT_MODEL.'),
    clones: z.array(z.string().min(1)).optional().describe('Clones scenarios use by default, e.g. ["github"].'),
    scenarios: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .describe('Scenario files or directories run when `archal run` gets none.'),
    seeds: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe(
        'Seed per clone for scenarios that set none, e.g. {"github": "small-project"} (a named seed or a .json file).',
      ),
    runs: z.number().int().min(1).max(100).optional().describe('Runs per scenario. Default 1.'),
    timeout: z.number().positive().optional().describe('Seconds a run may take. Default 180.'),
    evaluator: evaluatorSchema.optional(),
    assistants: assistantsSchema.optional(),
    worktree: worktreeSchema.optional(),
    preprod: preprodSchema.optional(),
    app: appSchema.optional(),
    attach: sectionSchema.optional(),
  })
  .strict();

export type ArchalConfig = z.infer<typeof archalConfigSchema>;
