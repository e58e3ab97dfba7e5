import * as z from 'zod';

// Apart from the schemas of attach's records (schema.ts): `.archal.json` (attach/options.ts) needs
// only this, and every command that reads the config would otherwise build all of them.

/** The stages `archal attach` runs for each trace. */
export const EXECUTION_POLICIES = ['grade', 'reproduce', 'fix'] as const;
export const executionPolicySchema = z.enum(EXECUTION_POLICIES);
export type ExecutionPolicy = z.infer<typeof executionPolicySchema>;
