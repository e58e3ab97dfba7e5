import * as z from 'zod';
import { lazySchema } from './lazy.js';

/** A command spawned directly (no shell): the agent under test, the exec provider. */
export const commandSpecSchema = lazySchema(() =>
  z
    .object({
      command: z.string().min(1).describe('Executable to run (looked up on PATH).'),
      args: z.array(z.string()).optional().describe('Arguments passed before anything Archal adds.'),
      env: z.record(z.string(), z.string()).optional().describe('Extra environment variables; ${VAR} is expanded.'),
    })
    .strict(),
);
export type CommandSpec = z.infer<typeof commandSpecSchema>;
