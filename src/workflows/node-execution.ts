import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../lib/errors.js';
import { addUsage, type Usage } from '../providers/types.js';
import { outputData, preview, usageData } from './event-data.js';
import { isAiNode, outputFormatOf, type WorkflowNode } from './model.js';
import { runApprovalNode } from './nodes/approval.js';
import { runPromptNode } from './nodes/ai.js';
import { runBashNode } from './nodes/bash.js';
import { runLoopGroupNode } from './nodes/loop-group.js';
import { runLoopNode } from './nodes/loop.js';
import { runScriptNode } from './nodes/script.js';
import { runSubWorkflowNode } from './nodes/sub-workflow.js';
import { declaredFields } from './output-schema.js';
import { NodeFailure, retryDelay, retryPolicyFor, shouldRetry } from './retry.js';
import type { NodeOutcome, NodeRun, RunContext } from './run-context.js';
import type { RunState } from './run-state.js';
import { substituteText } from './substitute.js';

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
    ...(isAiNode(node)
      ? { provider: node.provider, model: node.model ?? null, ...(node.modelRef ? { tier: node.modelRef } : {}) }
      : {}),
    ...(node.kind === 'script' ? { runtime: node.runtime } : {}),
  });
  // What the dependencies recorded (and this start) must be durable before this node has side
  // effects: a run killed from here on resumes past them instead of repeating them.
  await run.durable();
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
          await run.deps.onApprovalRequested?.({
            nodeId: node.id,
            message: run.redact(outcome.message),
            gate: outcome.gate,
          });
        nodeUsage = addUsage(nodeUsage, outcome.kind === 'cancel_run' ? undefined : outcome.usage);
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
      const schema = outputFormatOf(node);
      state.setState(
        node,
        'completed',
        {
          output: outcome.text,
          structured: outcome.structured,
          durationMs,
          usage: nodeUsage,
          ...(outcome.iterations === undefined ? {} : { iterations: outcome.iterations }),
        },
        {
          text: outcome.text,
          structured: outcome.structured,
          declaredFields: schema ? declaredFields(schema) : undefined,
        },
      );
      if (outcome.sessionId && isAiNode(node))
        run.sessions.set(node.id, { provider: node.provider, sessionId: outcome.sessionId });
      const recorded = run.redact(outcome.text);
      if (node.output_type) writeTypedOutput(run, node, recorded);
      state.write('node_completed', node.id, {
        duration_ms: durationMs,
        ...outputData(run.artifactsDir, node.id, recorded),
        ...(outcome.structured === undefined ? {} : { structured_output: outcome.structured }),
        ...(outcome.iterations === undefined ? {} : { iterations: outcome.iterations }),
        ...(outcome.sessionId && isAiNode(node) ? { session_id: outcome.sessionId, provider: node.provider } : {}),
        ...(node.output_type ? { output_type: node.output_type } : {}),
        ...outcome.data,
        attempts: state.result(node).attempts,
        ...usageData(nodeUsage),
      });
      return;
    }
    case 'paused':
      state.setState(node, 'paused', {
        durationMs,
        ...(outcome.iterations === undefined ? {} : { iterations: outcome.iterations }),
      });
      // One gate waits at a time: the scheduler holds other gates until it is answered.
      state.pause = { nodeId: node.id, message: outcome.message, gate: outcome.gate };
      // Hosts tell people how to answer from this event (the CLI prints its commands).
      state.write('approval_requested', node.id, {
        message: outcome.message,
        ...(outcome.gate.type === 'interactive_loop'
          ? {
              type: 'interactive_loop',
              iteration: outcome.gate.iteration,
              completionSignaled: outcome.gate.completionSignaled,
            }
          : {}),
        ...(outcome.gate.type === 'approval' && outcome.gate.decisions ? { decisions: outcome.gate.decisions } : {}),
        ...usageData(nodeUsage),
      });
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

/** `output_type`: the output as a typed artifact other nodes and later runs can find by type. */
/** The node's output as an artifact of its type (`text` is already redacted, as everything a run records). */
function writeTypedOutput(run: RunContext, node: WorkflowNode, text: string): void {
  try {
    const dir = join(run.artifactsDir, 'nodes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${node.id}.md`), text);
    writeFileSync(
      join(dir, `${node.id}.meta.json`),
      JSON.stringify(
        { nodeId: node.id, type: node.output_type, runId: run.runId, workflow: run.workflow.name },
        null,
        2,
      ),
    );
  } catch (error) {
    run.deps.log(`⚠️ Node '${node.id}': cannot write its typed output (${errorMessage(error)}).`);
  }
}

function runNode(nodeRun: NodeRun): Promise<NodeOutcome> {
  const { node, run } = nodeRun;
  switch (node.kind) {
    case 'bash':
      return runBashNode({ ...nodeRun, node });
    case 'script':
      return runScriptNode({ ...nodeRun, node });
    case 'command':
    case 'prompt':
      return runPromptNode({ ...nodeRun, node });
    case 'loop':
      return runLoopNode({ ...nodeRun, node });
    case 'loop_group':
      return runLoopGroupNode({ ...nodeRun, node });
    case 'workflow':
      return runSubWorkflowNode({ ...nodeRun, node });
    case 'approval':
      return runApprovalNode({ ...nodeRun, node });
    case 'cancel':
      return Promise.resolve({ kind: 'cancel_run', reason: substituteText(node.cancel, run.vars, run.outputs) });
  }
}

function formatDelay(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
