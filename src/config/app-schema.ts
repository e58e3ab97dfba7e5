import * as z from 'zod';
import { lazySchema } from '../lib/lazy.js';
import { providerNameSchema } from '../providers/schema.js';

/** Repository permission levels, lowest first, as GitHub names them (`role_name`). */
export const PERMISSION_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

const appWorkflowsSchema = () =>
  z
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
 * The GitHub App's settings for a repository (`.archal.json` `app`). The App reads them from the
 * default branch only, so a pull request cannot change what runs or who may run it.
 */
export const appConfigSchema = lazySchema(() =>
  z
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
      workflows: appWorkflowsSchema().optional(),
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
    .strict(),
);
export type AppConfig = z.infer<typeof appConfigSchema>;
