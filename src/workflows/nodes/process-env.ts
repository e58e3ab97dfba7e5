import { OWNER_MARKS_VARIABLE, ownerMarks } from '../../lib/process.js';
import type { Workflow } from '../model.js';
import type { RunContext } from '../run-context.js';
import { inputEnvKey } from '../refs.js';
import { variablesEnvironment, type RunVariables } from '../substitute.js';

/**
 * The environment of every process a node starts: run variables plus Archal's identifiers and the
 * marks of the processes that own it (`ARCHAL_OWNERS`). The attempt (`ARCHAL_NODE_ATTEMPT`) counts
 * every start of the node in this run, retries and resumes included, so a node can make its own
 * side effects idempotent.
 */
export function nodeEnvironment(run: RunContext, nodeId: string, vars: RunVariables, iteration = 1): NodeJS.ProcessEnv {
  return {
    ...runEnvironment(run, vars),
    ...includeEnvironments(run.workflow).get(nodeId),
    ARCHAL_NODE_ID: nodeId,
    ARCHAL_NODE_ATTEMPT: String(run.nodeAttempts.get(nodeId) ?? 1),
    ARCHAL_ITERATION: String(iteration),
  };
}

// What every node of a run shares, computed once per run and set of variables (a loop's
// iterations have their own): copying the host's environment for each node is most of the cost.
const runEnvironments = new WeakMap<RunContext, WeakMap<RunVariables, NodeJS.ProcessEnv>>();

function runEnvironment(run: RunContext, vars: RunVariables): NodeJS.ProcessEnv {
  let byVars = runEnvironments.get(run);
  if (!byVars) runEnvironments.set(run, (byVars = new WeakMap()));
  let env = byVars.get(vars);
  if (!env) {
    env = {
      ...run.env,
      ...variablesEnvironment(vars),
      ARCHAL_RUN_ID: run.runId,
      ARCHAL_WORKFLOW_ID: run.runId,
      ARCHAL_WORKFLOW_NAME: run.workflow.name,
      // Whoever runs the node: its processes die with that process, even if it is killed before it
      // could record them (lib/process.ts).
      [OWNER_MARKS_VARIABLE]: ownerMarks(),
    };
    byVars.set(vars, env);
  }
  return env;
}

// Nodes an include inlined read the include's inputs as Archon gives them: INPUTS_<NAME>. Indexed
// once per workflow: a search of its nodes for every node started grows with the workflow's size.
const includeEnvironmentsOf = new WeakMap<Workflow, ReadonlyMap<string, Record<string, string>>>();

function includeEnvironments(workflow: Workflow): ReadonlyMap<string, Record<string, string>> {
  let byNode = includeEnvironmentsOf.get(workflow);
  if (!byNode) {
    const entries = new Map<string, Record<string, string>>();
    for (const node of workflow.nodes)
      if (node.includeInputs)
        entries.set(
          node.id,
          Object.fromEntries(Object.entries(node.includeInputs).map(([name, value]) => [inputEnvKey(name), value])),
        );
    includeEnvironmentsOf.set(workflow, (byNode = entries));
  }
  return byNode;
}

/** Passes a node's process starts and exits on to the engine's observer, if any. */
export function processReporter(
  run: RunContext,
  nodeId: string,
): ((pid: number, phase: 'start' | 'exit') => void) | undefined {
  const observer = run.deps.onProcess;
  return observer && ((pid, phase) => observer({ nodeId, pid, phase }));
}
