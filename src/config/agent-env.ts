import { unsetReferences } from '../lib/expand.js';
import type { ConfigProblem } from './load.js';
import type { ArchalConfig } from './schema.js';

/**
 * `agent.env` values that name a variable `env` does not set: the agent gets '' for it, which
 * otherwise shows only as the agent failing (a missing token) far from the cause.
 */
export function unsetAgentEnvProblems(config: ArchalConfig, env: NodeJS.ProcessEnv): ConfigProblem[] {
  if (typeof config.agent !== 'object') return [];
  return Object.entries(config.agent.env ?? {}).flatMap(([key, value]) =>
    unsetReferences(value, env).map((reference) => ({
      path: `agent.env.${key}`,
      message: `${reference} is not set; passed as empty`,
    })),
  );
}
