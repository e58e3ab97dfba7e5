import * as z from 'zod';
import { lazySchema } from '../lib/lazy.js';

/**
 * The pre-prod loop's options: one schema for every host. A repository keeps its defaults in
 * .archal.json "preprod"; a host (the CLI's flags, the Action's inputs, the App's settings) gives
 * overrides; `resolvePreprodOptions` merges them into what `runPreprod` runs with.
 */

/** Bounds of the numeric options, for hosts that parse text (flags, inputs) and want to name the bound. */
export const PREPROD_LIMITS = {
  runs: { min: 1, max: 100 },
  passThreshold: { min: 0, max: 100 },
  maxFixAttempts: { min: 0, max: 10 },
  concurrency: { min: 1, max: 64 },
} as const;

/** What an option is when neither the repository nor the host sets it. */
export const PREPROD_DEFAULTS = {
  passThreshold: 100,
  maxFixAttempts: 2,
  concurrency: 4,
  artifacts: '.archal/preprod',
  timeouts: { fix: 1800, validation: 900, pr: 300 },
} as const;

const seconds = (what: string) => z.number().int().positive().max(86_400).optional().describe(what);

const settingsShape = () => ({
  runs: z
    .number()
    .int()
    .min(PREPROD_LIMITS.runs.min)
    .max(PREPROD_LIMITS.runs.max)
    .optional()
    .describe('Runs per scenario (--runs).'),
  passThreshold: z
    .number()
    .min(PREPROD_LIMITS.passThreshold.min)
    .max(PREPROD_LIMITS.passThreshold.max)
    .optional()
    .describe('Satisfaction every scenario must reach, 0-100 (--pass-threshold). Default 100.'),
  maxFixAttempts: z
    .number()
    .int()
    .min(PREPROD_LIMITS.maxFixAttempts.min)
    .max(PREPROD_LIMITS.maxFixAttempts.max)
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
});

const oneFixer = (value: { fixCommand?: string; fixWorkflow?: string }) => !(value.fixCommand && value.fixWorkflow);

/**
 * Defaults of the loop that a repository keeps (.archal.json "preprod"). Two switches are
 * deliberately absent: allowing execution and publishing, so that a change to this file (in a pull
 * request, say) can never turn command execution or publishing on by itself.
 */
export const preprodConfigSchema = lazySchema(() =>
  z
    .object(settingsShape())
    .strict()
    .refine(oneFixer, { message: 'fixCommand and fixWorkflow are alternatives: set one' }),
);
export type PreprodConfig = z.infer<typeof preprodConfigSchema>;

/**
 * What a host gives (flags, Action inputs, App settings): any setting, plus the switches only a host
 * may set. A fixer given here replaces the repository's fixer of either kind.
 */
export const preprodOverridesSchema = lazySchema(() =>
  z
    .object({
      ...settingsShape(),
      concurrency: z
        .number()
        .int()
        .min(PREPROD_LIMITS.concurrency.min)
        .max(PREPROD_LIMITS.concurrency.max)
        .optional()
        .describe('Scenario runs at once (--concurrency). Default 4.'),
      plan: z.boolean().optional().describe('Resolve the loop and stop: status planned (--plan).'),
      dryRun: z.boolean().optional().describe('Run and classify, then stop before any command: status dry_run.'),
      allowExternalExecution: z
        .boolean()
        .optional()
        .describe('Let fix, validation and PR commands run (--allow-external-execution).'),
      openPr: z.boolean().optional().describe('Publish the fix as a draft pull request and verify it (--open-pr).'),
    })
    .strict()
    .refine(oneFixer, { message: 'fixCommand and fixWorkflow are alternatives: give one', path: ['fixWorkflow'] })
    .refine((value) => !value.prCommand || value.openPr, {
      message: 'prCommand publishes the pull request: it needs openPr',
      path: ['prCommand'],
    }),
);
export type PreprodOverrides = z.input<typeof preprodOverridesSchema>;

/** What the loop runs with: every option decided. */
export interface PreprodOptions {
  plan: boolean;
  dryRun: boolean;
  allowExternalExecution: boolean;
  openPr: boolean;
  /** Runs per scenario; undefined: each scenario's own, else .archal.json "runs", else 1. */
  runs?: number;
  passThreshold: number;
  concurrency: number;
  maxFixAttempts: number;
  fixCommand?: string;
  fixWorkflow?: string;
  validationCommand?: string;
  prCommand?: string;
  /** The artifacts directory, relative to the repository unless absolute. */
  artifacts: string;
  maxCostUsd?: number;
  passEnv: string[];
  timeouts: { fixMs: number; validationMs: number; prMs: number };
}

export interface PreprodOptionProblem {
  /** The option at fault, e.g. "maxFixAttempts" or "timeouts.fix"; empty for the whole object. */
  path: string;
  message: string;
}

export type PreprodOptionsResult =
  { ok: true; options: PreprodOptions } | { ok: false; problems: PreprodOptionProblem[] };

/** Merges a host's overrides over the repository's settings; both are validated against the schemas above. */
export function resolvePreprodOptions(settings: unknown, overrides: unknown = {}): PreprodOptionsResult {
  const config = preprodConfigSchema.safeParse(settings ?? {});
  const given = preprodOverridesSchema.safeParse(overrides);
  const problems = [
    ...(config.success ? [] : problemsOf(config.error, 'preprod')),
    ...(given.success ? [] : problemsOf(given.error)),
  ];
  if (!config.success || !given.success) return { ok: false, problems };
  const base = config.data;
  const host = given.data;
  const hostFixer = host.fixCommand !== undefined || host.fixWorkflow !== undefined;
  const seconds = (value: number | undefined, fallback: number) => (value ?? fallback) * 1000;
  const timeouts = { ...base.timeouts, ...host.timeouts };
  const options: PreprodOptions = {
    plan: host.plan ?? false,
    dryRun: host.dryRun ?? false,
    allowExternalExecution: host.allowExternalExecution ?? false,
    openPr: host.openPr ?? false,
    runs: host.runs ?? base.runs,
    passThreshold: host.passThreshold ?? base.passThreshold ?? PREPROD_DEFAULTS.passThreshold,
    concurrency: host.concurrency ?? PREPROD_DEFAULTS.concurrency,
    maxFixAttempts: host.maxFixAttempts ?? base.maxFixAttempts ?? PREPROD_DEFAULTS.maxFixAttempts,
    fixCommand: hostFixer ? host.fixCommand : base.fixCommand,
    fixWorkflow: hostFixer ? host.fixWorkflow : base.fixWorkflow,
    validationCommand: host.validationCommand ?? base.validationCommand,
    prCommand: host.prCommand ?? base.prCommand,
    artifacts: host.artifacts ?? base.artifacts ?? PREPROD_DEFAULTS.artifacts,
    maxCostUsd: host.maxCostUsd ?? base.maxCostUsd,
    passEnv: [...(base.passEnv ?? []), ...(host.passEnv ?? [])],
    timeouts: {
      fixMs: seconds(timeouts.fix, PREPROD_DEFAULTS.timeouts.fix),
      validationMs: seconds(timeouts.validation, PREPROD_DEFAULTS.timeouts.validation),
      prMs: seconds(timeouts.pr, PREPROD_DEFAULTS.timeouts.pr),
    },
  };
  return { ok: true, options };
}

function problemsOf(error: z.ZodError, prefix?: string): PreprodOptionProblem[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return { path, message: `unknown option(s): ${issue.keys.join(', ')}` };
    return { path, message: issue.message };
  });
}
