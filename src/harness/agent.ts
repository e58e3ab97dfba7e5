import type { CommandSpec } from '../lib/command-spec.js';
import { ArchalError } from '../lib/errors.js';
import { expandVariables } from '../lib/expand.js';
import { bashScript } from '../lib/process.js';

/** The agent under test, as a command Archal can spawn. */
export interface AgentCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Credential variables of the host's environment the agent gets anyway (.archal.json `agentPassEnv`). */
  passEnv?: readonly string[];
  /** How to show it to a person. */
  display: string;
  /** Where it runs, when not the workspace root (a harness manifest's folder). */
  cwd?: string;
  /** Text put before every task (a harness manifest's `promptFiles`). */
  taskPreamble?: string;
  /** The model it gets when none is configured (a harness manifest's `defaultModel`). */
  defaultModel?: string;
  /** `${VAR}`s of a harness manifest's `local.env` whose variable is not set: the manifest (relative to the root), `local.env.KEY`, what is wrong. */
  envWarnings?: Array<{ file: string; path: string; message: string }>;
}

/** Values shorter than this in `agent.env` are not treated as secrets (they would mangle ordinary text). */
const MIN_AGENT_SECRET = 8;

/**
 * What records must not show of an agent: the values given to it through `agent.env` (whatever
 * their names: that is how credentials reach an agent on purpose).
 */
export function agentSecrets(agent: AgentCommand): string[] {
  return Object.values(agent.env).filter((value) => value.length >= MIN_AGENT_SECRET);
}

/** No agent to test: none configured and none given. */
export class MissingAgentError extends ArchalError<'missing_agent', Record<string, never>> {
  constructor() {
    super(
      'missing_agent',
      'No agent to test: set "agent" in .archal.json (a command such as "node .archal/harness.mjs"), or put a harness at .archal/harness.mjs (or .ts, .js, .py, .sh, or a harness.json manifest).',
      {},
    );
    this.name = 'MissingAgentError';
  }
}

/**
 * The agent from `--harness` or `.archal.json` `agent`: a string is a shell command line (run with
 * `bash -c`); `{command, args, env}` is spawned directly, with `${VAR}` expanded in args and env.
 */
export function resolveAgent(
  agent: string | CommandSpec | undefined,
  env: NodeJS.ProcessEnv,
  passEnv: readonly string[] = [],
): AgentCommand {
  if (agent === undefined) throw new MissingAgentError();
  if (typeof agent === 'string') return { ...bashScript(agent), env: {}, passEnv, display: agent };
  const args = (agent.args ?? []).map((arg) => expandVariables(arg, env));
  return {
    command: expandVariables(agent.command, env),
    args,
    env: Object.fromEntries(Object.entries(agent.env ?? {}).map(([key, value]) => [key, expandVariables(value, env)])),
    passEnv,
    display: [agent.command, ...(agent.args ?? [])].join(' '),
  };
}
