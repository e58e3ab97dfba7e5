import type { RunContext } from '../run-context.js';
import { variablesEnvironment, type RunVariables } from '../substitute.js';

/** The environment of every process a node starts: run variables plus Archal's identifiers. */
export function nodeEnvironment(run: RunContext, nodeId: string, vars: RunVariables, iteration = 1): NodeJS.ProcessEnv {
  return {
    ...run.env,
    ...variablesEnvironment(vars),
    ARCHAL_RUN_ID: run.runId,
    ARCHAL_WORKFLOW_ID: run.runId,
    ARCHAL_WORKFLOW_NAME: run.workflow.name,
    ARCHAL_NODE_ID: nodeId,
    ARCHAL_ITERATION: String(iteration),
  };
}

/** Passes a node's process starts and exits on to the engine's observer, if any. */
export function processReporter(
  run: RunContext,
  nodeId: string,
): ((pid: number, phase: 'start' | 'exit') => void) | undefined {
  const observer = run.deps.onProcess;
  return observer && ((pid, phase) => observer({ nodeId, pid, phase }));
}
