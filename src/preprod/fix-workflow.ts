import {
  findWorkflow,
  lifecycleDeps,
  openRepoWorkspace,
  type ArchalStore,
  type Workspace,
} from '../workspace/index.js';
import { formatWorkflowProblems, WorkflowLookupError, type Workflow } from '../workflows/index.js';
import { startRun } from '../workflows/lifecycle.js';
import type { FixWorkflowRunner } from './fix.js';
import { monotonicMs } from '../lib/elapsed.js';

export interface WorkflowFixerOptions {
  /** Progress of the run (node retries, resumes…). */
  log?: (line: string) => void;
  /** The run store to record the fixer's runs in (default: the one the workspace's environment names). */
  store?: ArchalStore;
  /** The conversation the fixer's runs belong to (default: a new CLI-style id per run). */
  conversationId?: string;
}

/**
 * The fix workflow `name` of the workspace; one that does not exist or does not validate throws a
 * WorkflowLookupError (invalid input, before anything runs when a host checks it up front).
 */
export async function fixWorkflowOf(workspace: Workspace, name: string): Promise<Workflow> {
  const lookup = await findWorkflow(workspace, name);
  if (lookup.kind === 'invalid')
    throw new WorkflowLookupError(
      'workflow_invalid',
      `The fix workflow '${name}' is invalid:\n${formatWorkflowProblems(lookup.errors)}`,
      { name, suggestions: [], file: lookup.file, problems: lookup.errors },
    );
  return lookup.workflow;
}

/**
 * A DAG workflow as the fixer: each attempt runs the workflow `name` of the workspace through the
 * run lifecycle, in the repository, with the restricted environment of fix commands, and cancels it
 * (killing its processes) at the fix timeout.
 */
export function workflowFixer(
  workspace: Workspace,
  name: string,
  options: WorkflowFixerOptions = {},
): FixWorkflowRunner {
  return async (request) => {
    const repo = await openRepoWorkspace({ dir: workspace.root, env: workspace.env, store: options.store });
    try {
      const workflow = await fixWorkflowOf(repo, name);
      const timeout = AbortSignal.timeout(request.timeoutMs);
      const started = monotonicMs();
      const { result } = await startRun(lifecycleDeps(repo, options.log ? { log: options.log } : {}), {
        workflow,
        workingPath: repo.root,
        userMessage: `Fix the Archal pre-prod failures described in ${request.failuresFile} (attempt ${request.attempt}).`,
        context: `Failures (JSON): ${request.failuresFile}`,
        env: request.env,
        fresh: true,
        conversationId: options.conversationId,
        signal: request.signal ? AbortSignal.any([timeout, request.signal]) : timeout,
      });
      return {
        runId: result.runId,
        usage: result.usage,
        result: {
          command: `workflow ${name}`,
          exitCode: result.status === 'completed' ? 0 : 1,
          timedOut: timeout.aborted,
          durationMs: Math.round(monotonicMs() - started),
          outputTail: `${result.status}${result.error ? `: ${result.error}` : ''}`,
        },
      };
    } finally {
      await repo.close();
    }
  };
}
