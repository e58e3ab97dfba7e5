import { addUsage, type Usage } from '../../providers/types.js';
import type { LoopGroupNode, WorkflowNode } from '../model.js';
import { executeNode } from '../node-execution.js';
import type { NodeOutput } from '../refs.js';
import { NodeFailure } from '../retry.js';
import type { NodeOutcome, NodeRun, RunContext } from '../run-context.js';
import { RunState } from '../run-state.js';
import { schedule } from '../scheduler.js';
import { detectCompletionSignal, stripCompletionSignal } from '../signals.js';
import type { RunVariables } from '../substitute.js';
import { completionChannels, gateMessage, untilBash } from './loop.js';

/**
 * A loop over a sub-DAG: each iteration runs the whole body (its own nodes, scheduled like a run)
 * until `until` appears in the body's terminal output or `until_bash` passes. Body nodes read the
 * outer run's outputs and, as `$LOOP_PREV.<id>.output`, their own of the previous iteration. Their
 * events are recorded as `<group>.<node>` with the iteration. A failed body node fails the group.
 */
export async function runLoopGroupNode({ node, run, signal }: NodeRun<LoopGroupNode>): Promise<NodeOutcome> {
  const group = node.loop_group;
  const resume = run.gateResume?.nodeId === node.id ? run.gateResume : undefined;
  const first = resume?.iteration ?? 1;
  const sessions = new Map<string, string>();
  const dependents = dependentCounts(group.nodes);
  let previous: Map<string, NodeOutput> | undefined;
  let usage: Usage | undefined;

  for (let iteration = first; iteration <= group.max_iterations; iteration++) {
    if (signal.aborted) throw new NodeFailure(`Loop-group node '${node.id}' was cancelled`, 'fatal', usage);
    const started = run.deps.clock.now();
    run.emit('loop_iteration_started', node.id, { iteration, maxIterations: group.max_iterations });
    const emit: RunContext['emit'] = (type, nodeId, data) =>
      run.emit(type, nodeId === undefined ? node.id : `${node.id}.${nodeId}`, { ...data, iteration });
    const body = new RunState(
      { name: run.workflow.name, nodes: group.nodes, max_parallel: run.workflow.max_parallel },
      emit,
      undefined,
      run.outputs,
    );
    const stop = () => body.cancel('Cancelled by user');
    signal.addEventListener('abort', stop, { once: true });
    const vars: RunVariables = {
      ...run.vars,
      loopPrev: previous,
      loopUserInput: iteration === first && resume ? resume.userInput : '',
    };
    const bodyRun: RunContext = {
      ...run,
      outputs: body.outputs,
      vars,
      emit,
      sessions: new Map(),
      dependentCount: dependents,
      groupSessions: group.fresh_context ? undefined : sessions,
    };
    try {
      await schedule(body, {
        artifactsDir: run.artifactsDir,
        vars,
        execute: (child) => executeNode(bodyRun, body, child),
      });
    } finally {
      signal.removeEventListener('abort', stop);
    }
    usage = addUsage(usage, body.usage);
    if (body.cancelled && body.cancelled.nodeId) return { kind: 'cancel_run', reason: body.cancelled.reason };
    if (signal.aborted) throw new NodeFailure(`Loop-group node '${node.id}' was cancelled`, 'fatal', usage);
    const failed = group.nodes.find((child) => body.result(child).state === 'failed' && !child.continue_on_error);
    if (failed) {
      const error = `Loop-group node '${node.id}' failed at iteration ${iteration}: '${failed.id}': ${body.result(failed).error}`;
      run.emit('loop_iteration_failed', node.id, { iteration, error, duration_ms: run.deps.clock.now() - started });
      throw new NodeFailure(error, 'fatal', usage);
    }
    for (const [id, session] of bodyRun.sessions) sessions.set(id, session.sessionId);
    const text = terminalOutput(group.nodes, body);
    let done: string | undefined =
      group.until && detectCompletionSignal(text, group.until) ? `signal '${group.until}'` : undefined;
    if (
      !done &&
      group.until_bash &&
      (await untilBash(bodyRun, node.id, group.until_bash, { ...vars, loopPrevOutput: text }, signal, iteration))
    )
      done = "'until_bash' check";
    run.emit('loop_iteration_completed', node.id, {
      iteration,
      duration_ms: run.deps.clock.now() - started,
      completionDetected: done !== undefined,
    });
    previous = new Map(group.nodes.map((child) => [child.id, body.outputs.get(child.id)!]));
    const output = stripCompletionSignal(text, group.until);
    if (group.interactive && !(done && group.signal_completes) && (done || iteration < group.max_iterations))
      return {
        kind: 'paused',
        message: gateMessage(group, run, vars, done, output),
        gate: { type: 'interactive_loop', iteration, completionSignaled: done !== undefined, output },
        usage,
        iterations: iteration,
      };
    if (done) {
      run.deps.log(`Loop-group node '${node.id}' completed after ${iteration} iteration(s)`);
      return { kind: 'completed', text: output, usage, iterations: iteration };
    }
  }
  throw new NodeFailure(
    `Loop-group node '${node.id}' exceeded max iterations (${group.max_iterations}) without ${completionChannels(group).join(' or ')}`,
    'fatal',
    usage,
  );
}

/** The iteration's output: the first body node nothing depends on that completed with text, in file order. */
function terminalOutput(nodes: readonly WorkflowNode[], body: RunState): string {
  const dependedOn = new Set(nodes.flatMap((node) => node.depends_on));
  for (const node of nodes) {
    if (dependedOn.has(node.id)) continue;
    const output = body.outputs.get(node.id);
    if (output?.state === 'completed' && output.text.trim()) return output.text;
  }
  return '';
}

function dependentCounts(nodes: readonly WorkflowNode[]): Map<string, number> {
  const counts = new Map(nodes.map((node) => [node.id, 0]));
  for (const node of nodes)
    for (const dep of node.depends_on) if (counts.has(dep)) counts.set(dep, counts.get(dep)! + 1);
  return counts;
}
