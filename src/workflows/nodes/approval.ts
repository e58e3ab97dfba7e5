import type { ApprovalNode, PromptNode } from '../model.js';
import type { NodeOutcome, NodeRun } from '../run-context.js';
import { substitutePrompt, substituteText } from '../substitute.js';
import { callProvider } from './ai.js';

/**
 * An approval pauses the run until a person decides. After a rejection of a node with `on_reject`,
 * its rework prompt runs first (with $REJECTION_REASON), and the node asks again.
 */
export async function runApprovalNode({ node, run, signal }: NodeRun<ApprovalNode>): Promise<NodeOutcome> {
  const { approval } = node;
  let usage;
  let rework = '';
  if (run.rework?.nodeId === node.id && approval.on_reject) {
    const vars = { ...run.vars, rejectionReason: run.rework.reason };
    const reworker: PromptNode = {
      id: `${node.id}:on_reject`,
      kind: 'prompt',
      prompt: approval.on_reject.prompt,
      depends_on: [],
      trigger_rule: 'all_success',
      continue_on_error: false,
      ...approval.on_reject.ai,
    };
    const result = await callProvider(run, reworker, {
      prompt: substitutePrompt(approval.on_reject.prompt, vars, run.outputs),
      signal,
      iteration: 1,
      vars,
    });
    usage = result.usage;
    rework = `\n\nRework after the rejection ("${run.rework.reason}"):\n${result.text}`;
  }
  return {
    kind: 'paused',
    message: `${substituteText(approval.message, run.vars, run.outputs)}${rework}`,
    gate: {
      type: 'approval',
      captureResponse: approval.capture_response,
      ...(approval.decisions ? { decisions: approval.decisions } : {}),
    },
    usage,
  };
}
