import * as z from 'zod';
import { lazySchema } from '../lib/lazy.js';
import { executionPolicySchema } from './policy.js';

/**
 * `.archal.json` `attach`: defaults of `archal attach` (its flags win). Allowing external execution
 * and opening a PR are flags only, so that a change to the file can never turn them on.
 */
export const attachConfigSchema = lazySchema(() =>
  z
    .object({
      executionPolicy: executionPolicySchema
        .optional()
        .describe('Stages run for each trace: grade, reproduce (default) or fix (--execution-policy).'),
      runs: z.number().int().min(1).max(20).optional().describe('Reproduction runs per trace (--runs). Default 1.'),
      fixCommand: z.string().min(1).optional().describe('The coding agent of the fix stage (--fix-command).'),
      fixWorkflow: z.string().min(1).optional().describe('A DAG workflow as the fixer (--fix-workflow).'),
    })
    .strict()
    .refine((value) => !(value.fixCommand && value.fixWorkflow), {
      message: 'fixCommand and fixWorkflow are alternatives: set one',
    }),
);
export type AttachConfig = z.infer<typeof attachConfigSchema>;
