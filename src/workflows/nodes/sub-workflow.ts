import { errorMessage } from '../../lib/errors.js';
import { addUsage, type Usage } from '../../providers/types.js';
import { executeWorkflow, type WorkflowRunResult } from '../executor.js';
import { canonicalText } from '../include.js';
import { resolveInputs } from '../inputs.js';
import type { SubWorkflowNode, Workflow } from '../model.js';
import { parseJsonObject, parseWholeRef, readOutputRef } from '../refs.js';
import { NodeFailure } from '../retry.js';
import type { ChildRunner, ChildRunRequest, NodeOutcome, NodeRun, RunContext } from '../run-context.js';
import { substituteText } from '../substitute.js';
import { isRecord } from '../../lib/is-record.js';

/** Sub-runs may nest this deep. */
export const MAX_SUB_RUN_DEPTH = 5;

/**
 * A `workflow:` node runs another workflow as a child run (recorded in the run store, linked to
 * this run, when the run lifecycle runs it). `with:` becomes the child's $INPUTS, `input:` its
 * $ARGUMENTS; the node's output is the child's `returns:` node (else its first sink). With
 * `fan_out:` one child runs per item of a JSON array, at most `max_parallel` at once, and the output
 * is the array of their outputs in item order.
 */
export async function runSubWorkflowNode({ node, run, signal }: NodeRun<SubWorkflowNode>): Promise<NodeOutcome> {
  if (run.depth >= MAX_SUB_RUN_DEPTH)
    throw new NodeFailure(`Node '${node.id}': sub-workflows nest at most ${MAX_SUB_RUN_DEPTH} deep`, 'fatal');
  const workflow = await run.deps.resolveWorkflow?.(node.workflow);
  if (!workflow) throw new NodeFailure(`Node '${node.id}': sub-workflow '${node.workflow}' not found`, 'fatal');
  const runner = run.deps.runChild ?? inProcessChild(run);
  const given = node.with ? bindingValues(node.with, run) : {};
  const base: Omit<ChildRunRequest, 'userMessage' | 'inputs' | 'index'> = {
    parent: { runId: run.runId, nodeId: node.id, workflow: run.workflow.name },
    workflow,
    cwd: run.cwd,
    isolation: node.isolation ?? 'inherit',
    depth: run.depth + 1,
    signal,
  };

  if (!node.fan_out) {
    const inputs = childInputs(workflow, given, node.id);
    const userMessage = node.input === undefined ? '' : substituteText(node.input, run.vars, run.outputs);
    const result = await runner({ ...base, userMessage, inputs });
    const output = childOutput(node, result);
    return { kind: 'completed', ...output, usage: result.usage, data: { child_run_id: result.runId } };
  }

  const fanOut = node.fan_out;
  const items = fanOutItems(node, run);
  const results: Array<WorkflowRunResult | { error: string }> = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      const item = items[index];
      try {
        const inputs = childInputs(workflow, fanOut.as ? { ...given, [fanOut.as]: item } : given, node.id);
        results[index] = await runner({
          ...base,
          userMessage: fanOut.as ? '' : canonicalText(item),
          inputs,
          index,
        });
      } catch (error) {
        results[index] = { error: errorMessage(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(fanOut.max_parallel, items.length) }, worker));
  if (signal.aborted) throw new NodeFailure(`Node '${node.id}' was cancelled`, 'fatal');

  let usage: Usage | undefined;
  const failures: string[] = [];
  const outputs = results.map((result, index) => {
    if ('error' in result && !('runId' in result)) {
      failures.push(`item ${index}: ${result.error}`);
      return { archon_failed: true, error: result.error, status: 'failed' };
    }
    const child = result as WorkflowRunResult;
    usage = addUsage(usage, child.usage);
    if (child.status !== 'completed') {
      const error = child.error ?? `child run ${child.runId} ended ${child.status}`;
      failures.push(`item ${index} (run ${child.runId}): ${error}`);
      return { archon_failed: true, error, status: child.status };
    }
    const text = child.output ?? '';
    const parsed = parseJsonValue(text);
    return parsed === undefined ? text : parsed;
  });
  if (fanOut.join === 'all_success' && failures.length > 0)
    throw new NodeFailure(
      `Node '${node.id}': ${failures.length} of ${items.length} sub-runs of '${node.workflow}' did not complete: ${failures.join('; ')}`,
      'fatal',
      usage,
    );
  const childRuns = results.flatMap((result) => ('runId' in result ? [result.runId] : []));
  return {
    kind: 'completed',
    text: JSON.stringify(outputs),
    structured: outputs,
    usage,
    data: { child_run_ids: childRuns },
  };
}

/** Without a run store, a child runs in this process, unrecorded. */
function inProcessChild(run: RunContext): ChildRunner {
  return (request) => {
    if (request.isolation === 'worktree')
      throw new NodeFailure(
        `Node '${request.parent.nodeId}': isolation: worktree needs the run lifecycle (archal workflow run), which creates the child's worktree`,
        'fatal',
      );
    return executeWorkflow(run.deps, {
      workflow: request.workflow,
      cwd: request.cwd,
      userMessage: request.userMessage,
      inputs: request.inputs,
      env: run.env,
      signal: request.signal,
      depth: request.depth,
      stateDir: run.vars.stateDir,
      docsDir: run.vars.docsDir,
      baseBranch: run.vars.baseBranch,
    });
  };
}

function childInputs(workflow: Workflow, given: Record<string, unknown>, nodeId: string): Record<string, unknown> {
  const resolved = resolveInputs(workflow, given);
  if (!resolved.ok) throw new NodeFailure(`Node '${nodeId}': ${resolved.message}`, 'fatal');
  return resolved.values;
}

function childOutput(node: SubWorkflowNode, result: WorkflowRunResult): { text: string; structured?: unknown } {
  if (result.status === 'paused')
    throw new NodeFailure(
      `Node '${node.id}': sub-workflow '${node.workflow}' (run ${result.runId}) paused at '${result.pause?.nodeId}' for a decision; Archal cannot answer a child run's approval through its parent. Run '${node.workflow}' on its own, or remove its approval.`,
      'fatal',
      result.usage,
    );
  if (result.status !== 'completed')
    throw new NodeFailure(
      `Node '${node.id}': sub-workflow '${node.workflow}' (run ${result.runId}) ${result.status}: ${result.error ?? 'no node completed'}`,
      'fatal',
      result.usage,
    );
  const text = result.output ?? '';
  if (!node.output_format) return { text };
  const structured = parseJsonObject(text);
  return structured ? { text, structured } : { text };
}

/** `with:` values of a sub-run: whole references keep their logical value, other strings are templates. */
function bindingValues(map: Record<string, unknown>, run: RunContext): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(map).map(([name, value]) => {
      if (typeof value !== 'string') return [name, value];
      const ref = parseWholeRef(value);
      return [
        name,
        ref ? readOutputRef(run.outputs, ref.node, ref.field) : substituteText(value, run.vars, run.outputs),
      ];
    }),
  );
}

function fanOutItems(node: SubWorkflowNode, run: RunContext): unknown[] {
  const { items } = node.fan_out!;
  if (Array.isArray(items)) return items;
  const ref = parseWholeRef(items);
  const value = ref ? readOutputRef(run.outputs, ref.node, ref.field) : items;
  const list = typeof value === 'string' ? parseJsonValue(value) : value;
  if (!Array.isArray(list))
    throw new NodeFailure(
      `Node '${node.id}': fan_out.items ${node.fan_out!.items} must be a JSON array, got ${JSON.stringify(value).slice(0, 200)}`,
      'fatal',
    );
  return list;
}

function parseJsonValue(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text.trim());
    return isRecord(value) || Array.isArray(value) || typeof value !== 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
