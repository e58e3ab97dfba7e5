import { relative } from 'node:path';
import { unsetAgentEnvProblems, unsetAssistantEnvProblems } from '../config/agent-env.js';
import { formatConfigProblem } from '../config/load.js';
import type { AgentCommand } from '../harness/agent.js';
import { locateAgent } from '../harness/locate.js';
import { errorMessage } from '../lib/errors.js';
import { createProviderRegistry } from '../providers/index.js';
import { loadScenarios } from '../runner/load.js';
import type { ScenarioProblem } from '../scenarios/schema.js';
import type { ArchalStore, Workspace } from '../workspace/index.js';
import { workflowFixer } from './fix-workflow.js';
import type { PreprodOptions } from './options.js';
import { runPreprod, type PreprodRun } from './run.js';
import type { PreprodResult } from './schema.js';

export interface WorkspacePreprodRequest {
  /** The options, resolved by `resolvePreprodOptions(workspace.config.preprod, overrides)`. */
  options: PreprodOptions;
  /** Scenario files or directories, relative to the workspace (default: .archal.json "scenarios", else archal/ and scenarios/). */
  scenarios?: string[];
  /** Only scenarios with one of these tags. */
  tags?: string[];
  /** The agent command, over .archal.json "agent". */
  harness?: string;
  /** Where the fix pull request goes (needed with `options.openPr`). */
  publishTarget?: PreprodRun['publishTarget'];
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Where a fix workflow's runs are recorded (default: the store the workspace's environment names). */
  store?: ArchalStore;
  /** The conversation a fix workflow's runs belong to. */
  conversationId?: string;
  /** Slots shared with runs outside the loop (see `PreprodRun.slots`). */
  slots?: PreprodRun['slots'];
  /** Told of each suite the loop runs (see `PreprodRun.onSuite`). */
  onSuite?: PreprodRun['onSuite'];
  /** How the host names its options in messages (see `PreprodRun.vocabulary`). */
  vocabulary?: PreprodRun['vocabulary'];
}

export type WorkspacePreprodOutcome =
  | { kind: 'result'; result: PreprodResult }
  /** Scenarios that do not validate: nothing ran. */
  | { kind: 'invalid_scenarios'; problems: ScenarioProblem[] };

/**
 * The pre-prod loop in a workspace: the agent, scenarios, providers and fix workflow come from its
 * .archal.json (the request overrides the agent and the scenarios), runs and commands from its
 * environment. What every host calls; `runPreprod` is the loop itself.
 */
export async function runPreprodInWorkspace(
  workspace: Workspace,
  request: WorkspacePreprodRequest,
): Promise<WorkspacePreprodOutcome> {
  let agent: AgentCommand | undefined;
  let agentProblem: string | undefined;
  try {
    agent = locateAgent({
      harness: request.harness,
      agent: workspace.config.agent,
      root: workspace.root,
      env: workspace.env,
      passEnv: workspace.config.agentPassEnv,
    });
  } catch (error) {
    agentProblem = errorMessage(error);
  }
  for (const warning of unsetEnvWarnings(workspace, request, agent)) request.log(`warning: ${warning}`);
  const scenarios = loadScenarios(request.scenarios ?? [], {
    config: workspace.config,
    cwd: workspace.root,
    tags: request.tags,
  });
  if (scenarios.errors.length > 0) return { kind: 'invalid_scenarios', problems: scenarios.errors };
  const { options } = request;
  const result = await runPreprod({
    repo: workspace.root,
    config: workspace.config,
    options,
    agent,
    agentProblem,
    scenarios,
    providers: createProviderRegistry(workspace.config.assistants),
    env: workspace.env,
    publishTarget: request.publishTarget,
    fixWorkflow: options.fixWorkflow
      ? workflowFixer(workspace, options.fixWorkflow, {
          log: request.log,
          store: request.store,
          conversationId: request.conversationId,
        })
      : undefined,
    log: request.log,
    signal: request.signal,
    slots: request.slots,
    vocabulary: request.vocabulary,
    onSuite: request.onSuite,
  });
  return { kind: 'result', result };
}

/**
 * The `${VAR}`s the loop's agent (`.archal.json` `agent.env`, unless a harness replaces it, or its
 * harness manifest's `local.env`) and its fix workflow (`assistants.exec.env`) would get as ''.
 */
function unsetEnvWarnings(
  workspace: Workspace,
  request: WorkspacePreprodRequest,
  agent: AgentCommand | undefined,
): string[] {
  const name = relative(workspace.root, workspace.configFile);
  const configured = [
    ...(request.harness === undefined ? unsetAgentEnvProblems(workspace.config, workspace.env) : []),
    ...(request.options.fixWorkflow ? unsetAssistantEnvProblems(workspace.config, workspace.env) : []),
  ];
  return [
    ...configured.map((problem) => formatConfigProblem(name, problem)),
    ...(agent?.envWarnings ?? []).map((problem) => formatConfigProblem(problem.file, problem)),
  ];
}
