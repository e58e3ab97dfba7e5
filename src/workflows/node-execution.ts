import { errorMessage } from '../lib/errors.js';
import { addUsage, type Usage } from '../providers/types.js';
import { outputData, preview, usageData } from './event-data.js';
import { isAiNode, type WorkflowNode } from './model.js';
import { outputFields, runPromptNode } from './nodes/ai.js';
import { runBashNode } from './nodes/bash.js';
import { runLoopNode } from './nodes/loop.js';
import { NodeFailure, retryDelay, retryPolicyFor, shouldRetry } from './retry.js';
import type { NodeOutcome, NodeRun, RunContext } from './run-context.js';
import type { RunState } from './run-state.js';
import { substitutePrompt } from './substitute.js';

/**
 * Runs one node to a terminal state (or a pause): its attempts, with the retries its policy allows,
 * and what its outcome means for the run (an output, an approval pause, a cancelled run).
 */
export async function executeNode(
  run: RunContext,
  state: RunState,
  node: WorkflowNode,
  priorAttempts = 0,
): Promise<void> {
  const { clock, log } = run.deps;
  const nodeStarted = clock.now();
  const result = state.result(node);
  state.setState(node, 'running');
  state.write('node_started', node.id, {
    kind: node.kind,
    ...(isAiNode(node) ? { provider: node.provider, model: node.model ?? null } : {}),
  });
  // What the dependencies recorded must be durable before this node has side effects: a run
  // killed from here on resumes past them instead of repeating them.
  await run.deps.sink.flush?.();
  const policy = retryPolicyFor(node);
  const nodeAbort = new AbortController();
  const abortNode = () => nodeAbort.abort();
  state.abort.signal.addEventListener('abort', abortNode, { once: true });
  let nodeUsage: Usage | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      result.attempts = attempt;
      run.nodeAttempts.set(node.id, priorAttempts + attempt);
      try {
        const outcome = await runNode({ node, run, signal: nodeAbort.signal, attempt });
        if (outcome.kind === 'paused')
          await run.deps.onApprovalRequested?.({ nodeId: node.id, message: run.redact(outcome.message) });
        nodeUsage = addUsage(nodeUsage, outcome.kind === 'completed' ? outcome.usage : undefined);
        complete(run, state, node, outcome, nodeStarted, nodeUsage);
        return;
      } catch (error) {
        const failure = error instanceof NodeFailure ? error : new NodeFailure(errorMessage(error), 'unknown');
        nodeUsage = addUsage(nodeUsage, failure.usage);
        if (!nodeAbort.signal.aborted && shouldRetry(policy, failure.errorClass, attempt)) {
          const delayMs = retryDelay(policy, attempt);
          const label = failure.errorClass === 'transient' ? 'transient error' : 'error';
          log(
            `⚠️ Node ${node.id} failed with ${label} (attempt ${attempt}/${policy.maxAttempts}). Retrying in ${formatDelay(delayMs)}...`,
          );
          state.write('node_retrying', node.id, {
            attempt,
            maxAttempts: policy.maxAttempts,
            delay_ms: delayMs,
            error: failure.message,
            errorClass: failure.errorClass,
          });
          await clock.sleep(delayMs, nodeAbort.signal);
          if (!nodeAbort.signal.aborted) continue;
        }
        const message =
          nodeAbort.signal.aborted && state.cancelled
            ? `${failure.message} (run cancelled: ${state.cancelled.reason})`
            : failure.message;
        state.setState(node, 'failed', { error: message, durationMs: clock.now() - nodeStarted, usage: nodeUsage });
        state.usage = addUsage(state.usage, nodeUsage);
        state.write('node_failed', node.id, {
          error: message,
          errorClass: failure.errorClass,
          duration_ms: clock.now() - nodeStarted,
          attempts: attempt,
          continue_on_error: node.continue_on_error,
          ...usageData(nodeUsage),
        });
        return;
      }
    }
  } finally {
    state.abort.signal.removeEventListener('abort', abortNode);
  }
}

/** What a node's outcome means for the run. */
function complete(
  run: RunContext,
  state: RunState,
  node: WorkflowNode,
  outcome: NodeOutcome,
  nodeStarted: number,
  nodeUsage: Usage | undefined,
) {
  const durationMs = run.deps.clock.now() - nodeStarted;
  state.usage = addUsage(state.usage, nodeUsage);
  switch (outcome.kind) {
    case 'completed': {
      const fields = isAiNode(node) ? outputFields(node) : undefined;
      state.setState(
        node,
        'completed',
        { output: outcome.text, structured: outcome.structured, durationMs, usage: nodeUsage },
        { text: outcome.text, structured: outcome.structured, declaredFields: fields },
      );
      if (outcome.sessionId && isAiNode(node))
        run.sessions.set(node.id, { provider: node.provider, sessionId: outcome.sessionId });
      state.write('node_completed', node.id, {
        duration_ms: durationMs,
        ...outputData(run.artifactsDir, node.id, run.redact(outcome.text)),
        ...(outcome.structured === undefined ? {} : { structured_output: outcome.structured }),
        ...(outcome.iterations === undefined ? {} : { iterations: outcome.iterations }),
        attempts: state.result(node).attempts,
        ...usageData(nodeUsage),
      });
      return;
    }
    case 'paused':
      state.setState(node, 'paused', { durationMs });
      state.pause = { nodeId: node.id, message: outcome.message };
      // Hosts tell people how to answer from this event (the CLI prints its commands).
      state.write('approval_requested', node.id, { message: outcome.message });
      return;
    case 'cancel_run':
      state.setState(node, 'completed', { output: outcome.reason, durationMs }, { text: outcome.reason });
      state.write('node_completed', node.id, {
        duration_ms: durationMs,
        node_output: preview(outcome.reason),
        attempts: 1,
      });
      run.deps.log(`❌ Workflow cancelled (node ${node.id}): ${outcome.reason}`);
      state.cancel(outcome.reason, node.id);
      return;
  }
}

function runNode(nodeRun: NodeRun): Promise<NodeOutcome> {
  const { node, run } = nodeRun;
  switch (node.kind) {
    case 'bash':
      return runBashNode({ ...nodeRun, node });
    case 'command':
    case 'prompt':
      return runPromptNode({ ...nodeRun, node });
    case 'loop':
      return runLoopNode({ ...nodeRun, node });
    case 'approval':
      return Promise.resolve({
        kind: 'paused',
        message: substitutePrompt(node.approval.message, { ...run.vars, context: '' }, run.outputs),
      });
    case 'cancel':
      return Promise.resolve({
        kind: 'cancel_run',
        reason: substitutePrompt(node.cancel, { ...run.vars, context: '' }, run.outputs),
      });
  }
}

function formatDelay(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
