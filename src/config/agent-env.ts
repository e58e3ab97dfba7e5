import { unsetEnvProblems } from '../lib/expand.js';
import type { ConfigProblem } from './load.js';
import type { ArchalConfig } from './schema.js';

/**
 * `agent.env` values that name a variable `env` does not set: the agent gets '' for it, which
 * otherwise shows only as the agent failing (a missing token) far from the cause.
 */
export function unsetAgentEnvProblems(config: ArchalConfig, env: NodeJS.ProcessEnv): ConfigProblem[] {
  return typeof config.agent === 'object' ? unsetEnvProblems('agent.env', config.agent.env, env) : [];
}

/** `assistants.exec.env` values that name a variable `env` does not set (the exec provider passes ''). */
export function unsetAssistantEnvProblems(config: ArchalConfig, env: NodeJS.ProcessEnv): ConfigProblem[] {
  return unsetEnvProblems('assistants.exec.env', config.assistants?.exec?.env, env);
}
