import { ConditionEvaluationError, evaluateCondition, INPUTS_NODE } from './condition.js';
import { outputData } from './event-data.js';
import type { PriorOutputs } from './executor.js';
import { outputFormatOf, type WorkflowNode } from './model.js';
import { declaredFields } from './output-schema.js';
import { OutputRefError, readOutputRef, valueText } from './refs.js';
import type { ApprovalDecision } from './run-context.js';
import type { RunState } from './run-state.js';
import { inputValue, SubstitutionError, type RunVariables } from './substitute.js';
import { triggerRuleAllows } from './trigger-rules.js';

export interface ScheduleOptions {
  /** Outputs of nodes an earlier attempt completed: they are not run again. */
  prior?: PriorOutputs;
  artifactsDir: string;
  /** For `$INPUTS.<name>` in conditions. */
  vars: RunVariables;
  /** Runs a node to a terminal state (or a pause). */
  execute: (node: WorkflowNode) => Promise<void>;
  /** A decision on the waiting approval, made while other nodes run (see EngineDeps.approvalDecision). */
  approvalDecision?: (nodeId: string) => Promise<ApprovalDecision | undefined>;
  approvalPollMs?: number;
}

const DEFAULT_APPROVAL_POLL_MS = 250;

/**
 * Runs the workflow's nodes as their dependencies allow: a node is decided (prior success, trigger
 * rule, `when:`) as soon as all its dependencies are done, and runs as soon as a slot is free
 * (max_parallel), so a slow branch never holds up an unrelated one. Decisions depend only on
 * dependency states and outputs, so results equal a layer-by-layer run. An approval node that waits
 * holds only what depends on it (and other approval nodes, one decision at a time): the other
 * branches go on, and a decision made meanwhile lets its branch go on too. Resolves when nothing
 * runs and nothing more can start.
 */
export function schedule(state: RunState, options: ScheduleOptions): Promise<void> {
  const { workflow } = state;
  const dependents = new Map<string, WorkflowNode[]>(workflow.nodes.map((node) => [node.id, []]));
  for (const node of workflow.nodes) for (const dep of node.depends_on) dependents.get(dep)?.push(node);
  const remainingDeps = new Map(workflow.nodes.map((node) => [node.id, node.depends_on.length]));
  const order = new Map(workflow.nodes.map((node, index) => [node.id, index]));
  const ready: WorkflowNode[] = [];
  /** Gates (approvals, interactive loops) ready while another gate waits. */
  const held: WorkflowNode[] = [];
  let running = 0;
  let polling: NodeJS.Timeout | undefined;
  let finished = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  /** Marks a node terminal and lets its dependents decide. Iterative, so long chains of skips cannot overflow. */
  function settle(first: WorkflowNode) {
    const queue = [first];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const dependent of dependents.get(node.id)!) {
        const left = remainingDeps.get(dependent.id)! - 1;
        remainingDeps.set(dependent.id, left);
        if (left === 0 && decide(dependent) === 'terminal') queue.push(dependent);
      }
    }
  }

  /** Prior success, trigger rule, then `when:`. Returns whether the node became terminal without running. */
  function decide(node: WorkflowNode): 'terminal' | 'queued' {
    if (state.cancelled) {
      state.skip(node, 'run_cancelled', { reason: 'run_cancelled', cancelledBy: state.cancelled.nodeId ?? null });
      return 'terminal';
    }
    if (reusePrior(node)) return 'terminal';
    const depStates = node.depends_on.map((dep) => state.result(dep).state);
    if (!triggerRuleAllows(node.trigger_rule, depStates)) {
      state.skip(node, 'trigger_rule', {
        reason: 'trigger_rule',
        trigger_rule: node.trigger_rule,
        dependencies: Object.fromEntries(node.depends_on.map((dep) => [dep, state.result(dep).state])),
      });
      return 'terminal';
    }
    if (node.when) {
      let passes: boolean;
      try {
        passes = evaluateCondition(node.when.expr, (id, field) =>
          valueText(id === INPUTS_NODE ? inputValue(field!, options.vars) : readOutputRef(state.outputs, id, field)),
        );
      } catch (error) {
        if (!(
          error instanceof ConditionEvaluationError ||
          error instanceof OutputRefError ||
          error instanceof SubstitutionError
        ))
          throw error;
        const message = `Node '${node.id}' condition "${node.when.source}" could not be evaluated: ${error.message}`;
        state.setState(node, 'failed', { error: message });
        state.write('node_failed', node.id, { error: message, phase: 'when' });
        return 'terminal';
      }
      if (!passes) {
        state.skip(node, 'when_condition', { reason: 'when_condition', expr: node.when.source });
        return 'terminal';
      }
    }
    insertReady(node);
    return 'queued';
  }

  /** A node an earlier attempt completed keeps its output and does not run again (unless it always runs). */
  function reusePrior(node: WorkflowNode): boolean {
    const prior = options.prior?.outputs.get(node.id);
    if (!prior) return false;
    if (node.always_run) {
      state.write('node_always_run_reset', node.id, { prior_output: prior.text.slice(0, 2000) });
      return false;
    }
    // Its earlier output was made from its dependencies' earlier outputs: when one of them ran again
    // (or failed) this time and no longer says the same, that result is stale and the node runs again.
    const stale = node.depends_on.filter((dep) => dependencyChanged(dep, options.prior!.outputs.get(dep)));
    if (stale.length > 0) {
      state.write('node_prior_cache_invalidated', node.id, {
        reason: 'stale_dependency',
        invalidating_deps: stale,
        prior_output: prior.text.slice(0, 2000),
      });
      return false;
    }
    const schema = outputFormatOf(node);
    const output = {
      text: prior.text,
      structured: prior.structured,
      declaredFields: schema ? declaredFields(schema) : undefined,
    };
    state.setState(
      node,
      'completed',
      { output: prior.text, structured: prior.structured, skipReason: 'prior_success' },
      output,
    );
    state.write('node_skipped_prior_success', node.id, {
      reason: 'prior_success',
      ...outputData(options.artifactsDir, node.id, prior.text),
      structured_output: prior.structured,
    });
    return true;
  }

  /** Whether a dependency's result now differs from the one an earlier attempt's outputs were made from. */
  function dependencyChanged(dep: string, prior: { text: string; structured?: unknown } | undefined): boolean {
    const current = state.outputs.get(dep);
    if (!current || current.state === 'failed') return true;
    if (!prior) return current.state === 'completed';
    return current.text !== prior.text || JSON.stringify(current.structured) !== JSON.stringify(prior.structured);
  }

  /** Ready nodes start in declaration order. */
  function insertReady(node: WorkflowNode) {
    const index = order.get(node.id)!;
    let at = ready.length;
    while (at > 0 && order.get(ready[at - 1]!.id)! > index) at--;
    ready.splice(at, 0, node);
  }

  function pump() {
    while (running < workflow.max_parallel && ready.length > 0 && !state.halted) {
      const node = ready.shift()!;
      if (state.pause && mayPause(node)) {
        held.push(node);
        continue;
      }
      running++;
      void options.execute(node).then(() => {
        running--;
        // A waiting approval is not done: its dependents wait for the decision.
        if (state.result(node).state !== 'paused') settle(node);
        pump();
      });
    }
    if (running === 0 && (ready.length === 0 || state.halted)) {
      if (polling) clearTimeout(polling);
      polling = undefined;
      finished = true;
      resolveDone();
    } else if (state.pause && !polling && options.approvalDecision) pollDecision();
  }

  /** While other nodes run, asks whether the waiting approval was decided elsewhere. */
  function pollDecision() {
    polling = setTimeout(() => {
      const pause = state.pause;
      if (!pause) return;
      void options.approvalDecision!(pause.nodeId)
        .catch(() => undefined)
        .then((decision) => {
          polling = undefined;
          if (finished || state.pause !== pause) return;
          if (decision?.decision === 'approved') approve(pause.nodeId, decision);
          else if (decision?.decision === 'rejected') state.cancel(decision.reason);
          pump();
        });
    }, options.approvalPollMs ?? DEFAULT_APPROVAL_POLL_MS);
    polling.unref();
  }

  /** The waiting approval was approved: the gate completes, its branch and the held approvals go on. */
  function approve(nodeId: string, decision: { output: string; comment: string }) {
    const gate = workflow.nodes.find((node) => node.id === nodeId)!;
    state.pause = undefined;
    state.setState(gate, 'completed', { output: decision.output }, { text: decision.output });
    state.write('node_completed', gate.id, {
      node_output: decision.output,
      approval_decision: 'approved',
      comment: decision.comment,
      attempts: 1,
    });
    for (const node of held.splice(0)) insertReady(node);
    settle(gate);
  }

  for (const node of workflow.nodes) if (node.depends_on.length === 0 && decide(node) === 'terminal') settle(node);
  pump();
  return done;
}

/** Nodes that can wait for a person: approvals and interactive loops. */
function mayPause(node: WorkflowNode): boolean {
  switch (node.kind) {
    case 'approval':
      return true;
    case 'loop':
      return node.loop.interactive;
    case 'loop_group':
      return node.loop_group.interactive;
    default:
      return false;
  }
}
