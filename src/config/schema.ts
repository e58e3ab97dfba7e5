import * as z from 'zod';
import { commandSpecSchema } from '../lib/command-spec.js';
import { lazySchema } from '../lib/lazy.js';
import { attachConfigSchema } from '../attach/options.js';
import { preprodConfigSchema } from '../preprod/options.js';
import { assistantsSchema, providerNameSchema } from '../providers/schema.js';
import { appConfigSchema } from './app-schema.js';
import { MAX_TIMEOUT_SECONDS, routingSchema } from '../scenarios/schema.js';

export const agentSchema = lazySchema(() =>
  z
    .union([z.string().min(1), commandSpecSchema])
    .describe('The agent under test (harness): a shell command, or {command, args, env}.'),
);

// Built with archalConfigSchema, when .archal.json is first parsed (most commands of a repository
// without one never do).
const evaluatorSchema = () =>
  z
    .object({
      provider: providerNameSchema,
      model: z.string().optional(),
    })
    .strict()
    .describe('The provider that judges [P] criteria.');

const worktreeSchema = () =>
  z
    .object({
      baseBranch: z.string().min(1).optional().describe('Base branch; detected from git when absent.'),
    })
    .strict();

const cloneList = () =>
  z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .transform((value) => (Array.isArray(value) ? value : [value]));

// Keys of Archal's hosted product whose shape is not published and that nothing local reads: accepted
// (a file written for Archal loads) with a warning that they are ignored.
const hostedSectionSchema = () => z.looseObject({});

export const archalConfigSchema = lazySchema(() =>
  z
    .object({
      $schema: z.string().optional(),
      agent: agentSchema.optional(),
      title: z.string().optional().describe('Display name of the project, shown in run reports.'),
      agentModel: z
        .string()
        .min(1)
        .optional()
        .describe('Passed to the agent as AGENT_MODEL (and ARCHAL_ENGINE_MODEL).'),
      agentPassEnv: z
        .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'))
        .optional()
        .describe(
          'Credential variables the agent under test gets anyway. By default names with TOKEN, SECRET, KEY, PASSWORD or CREDENTIAL, GIT_CONFIG_*, GIT_ASKPASS, SSH_ASKPASS and SSH_AUTH_SOCK are removed from its environment.',
        ),
      clones: cloneList()
        .optional()
        .describe('Clones scenarios use when they neither name nor imply any, e.g. ["github"].'),
      twins: cloneList().optional().describe('Archal\'s older name of "clones".'),
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
      timeout: z
        .number()
        .positive()
        .max(MAX_TIMEOUT_SECONDS)
        .optional()
        .describe('Seconds a run may take (at most 3600). Default 180.'),
      routing: routingSchema
        .optional()
        .describe(
          'How agents reach their GitHub clone: env (GITHUB_API_URL), proxy (api.github.com and github.com through a loopback proxy with a per-run CA, for unchanged agents), or both. Default both.',
        ),
      evaluator: evaluatorSchema().optional(),
      evaluatorModel: z
        .string()
        .min(1)
        .optional()
        .describe(
          "The judge's model (Archal's key). Its provider is evaluator.provider, else the one the model name implies (claude-…: claude, gpt-…/o3/o4/codex: codex), else assistants.default.",
        ),
      model: z.string().min(1).optional().describe("The same as evaluatorModel (Archal's docs use both)."),
      suite: hostedSectionSchema().optional().describe("Archal's hosted suite settings: accepted and ignored."),
      autoloop: hostedSectionSchema()
        .optional()
        .describe("Archal's hosted trace-to-scenario loop: accepted and ignored (see `attach`)."),
      assistants: assistantsSchema.optional(),
      worktree: worktreeSchema().optional(),
      preprod: preprodConfigSchema.optional(),
      app: appConfigSchema.optional(),
      attach: attachConfigSchema.optional(),
    })
    .strict(),
);

export type ArchalConfig = z.infer<typeof archalConfigSchema>;
