import type { EventSink, WorkflowEvent } from '../../workflows/index.js';

/** Renders run events as a line each on stderr, so a person can follow a run (and answer an approval). */
export function progressSink(write: (line: string) => void): EventSink {
  const started = new Map<string, number>();
  return {
    write(event: WorkflowEvent) {
      const line = render(event, started);
      if (line) write(line);
    },
  };
}

function render(event: WorkflowEvent, started: Map<string, number>): string | undefined {
  const node = event.nodeId ?? '';
  const data = event.data;
  switch (event.type) {
    case 'workflow_started':
      return `▶ ${String(data.workflowName)} (run ${event.runId}, ${String(data.nodeCount)} nodes)`;
    case 'node_started':
      started.set(node, Date.parse(event.ts));
      return `  ▶ ${node} [${String(data.kind)}${data.provider ? `: ${String(data.provider)}` : ''}]`;
    case 'node_completed':
      return `  ✓ ${node} (${formatMs(data.duration_ms)})`;
    case 'node_failed':
      return `  ✗ ${node}: ${firstLine(String(data.error))}${data.continue_on_error ? ' (continue_on_error)' : ''}`;
    case 'node_skipped':
      return `  ↷ ${node} skipped (${String(data.reason)}${data.expr ? `: ${String(data.expr)}` : ''})`;
    case 'node_skipped_prior_success':
      return `  ↷ ${node} already completed in the previous attempt`;
    case 'loop_iteration_completed':
      return `    ↻ ${node} iteration ${String(data.iteration)}${data.completionDetected ? ' (complete)' : ''}`;
    case 'tool_called':
      return `    · ${node} → ${String(data.tool_name)}`;
    case 'workflow_completed':
      return `✓ completed in ${formatMs(data.duration_ms)}`;
    case 'workflow_failed':
      return `✗ failed: ${String(data.error)}`;
    case 'workflow_cancelled':
      return `✗ cancelled: ${String(data.reason)}`;
    case 'approval_requested':
      return approvalNotice(event.runId, node, String(data.message));
    case 'workflow_paused':
      return `⏸ paused at '${node}', waiting for approval`;
    default:
      return undefined;
  }
}

function formatMs(value: unknown): string {
  const ms = typeof value === 'number' ? value : 0;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** The approval notice of a paused run, with the commands that answer it. */
export function approvalNotice(runId: string, nodeId: string, message: string): string {
  return (
    `⏸ Approval required (${nodeId}): ${message}\n` +
    `  Run ID: ${runId}\n  Approve: archal workflow approve ${runId} [comment]\n  Reject:  archal workflow reject ${runId} [reason]`
  );
}
