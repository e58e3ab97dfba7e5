import type { WorkflowEvent } from '../src/workflows/events.js';
import { codeBlock, duration, inline } from './markdown.js';

/**
 * The progress comment of a run: a mermaid graph of the workflow with each node's state, a table
 * with times, the run id, and at the end the pull request or the failure with its node and reason.
 * The state is folded from the run's events, so a resumed run shows what earlier attempts did.
 */

export type StepState = 'pending' | 'running' | 'completed' | 'failed' | 'skipped' | 'paused';
export type RunPhase = 'queued' | 'running' | 'paused' | 'completed' | 'failed' | 'cancelled';

export interface ProgressNode {
  id: string;
  dependsOn: readonly string[];
  state: StepState;
  startedAt?: number;
  durationMs?: number;
  /** Skipped earlier steps reused from a previous attempt. */
  reused?: boolean;
  error?: string;
}

export interface ProgressResult {
  pull?: { number: number; url: string; action: 'created' | 'updated' };
  /** The run ended without changes: the last output explains why. */
  noChanges?: string;
  failure?: { node?: string; reason: string };
  approval?: { node: string; message: string };
  note?: string;
}

export interface ProgressView {
  workflow: string;
  target: string;
  runId?: string;
  /** The job that posted the comment: a job tried again finds its comment by it. */
  jobId?: string;
  phase: RunPhase;
  startedAt: number;
  endedAt?: number;
  nodes: ProgressNode[];
  result?: ProgressResult;
}

export const PROGRESS_MARKER = '<!-- archal:progress';

/** Whether a comment's body is the progress comment `jobId` posted. */
export function isProgressOf(body: string, jobId: string): boolean {
  const marker = body.split('\n', 1)[0] ?? '';
  return marker.startsWith(`${PROGRESS_MARKER} `) && marker.endsWith(` job=${jobId} -->`);
}

const ICON: Record<StepState, string> = {
  pending: '⏳',
  running: '🔄',
  completed: '✅',
  failed: '❌',
  skipped: '⏭️',
  paused: '✋',
};

const PHASE: Record<RunPhase, string> = {
  queued: '⏳ queued',
  running: '🔄 running',
  paused: '✋ waiting for approval',
  completed: '✅ completed',
  failed: '❌ failed',
  cancelled: '🚫 cancelled',
};

const CLASS_STYLE: Record<StepState, string> = {
  pending: 'fill:#f6f8fa,stroke:#8c959f,color:#57606a',
  running: 'fill:#ddf4ff,stroke:#0969da',
  completed: 'fill:#dafbe1,stroke:#1a7f37',
  failed: 'fill:#ffebe9,stroke:#cf222e',
  skipped: 'fill:#f6f8fa,stroke:#d0d7de,color:#8c959f,stroke-dasharray:3 3',
  paused: 'fill:#fff8c5,stroke:#9a6700',
};

export function renderProgress(view: ProgressView, now = Date.now()): string {
  const elapsed = duration((view.endedAt ?? now) - view.startedAt);
  const lines = [
    `${PROGRESS_MARKER} run=${view.runId ?? 'pending'}${view.jobId ? ` job=${view.jobId}` : ''} -->`,
    `### Archal · \`${view.workflow}\` · ${PHASE[view.phase]}`,
    '',
  ];
  if (view.nodes.length > 0) {
    lines.push('```mermaid', ...mermaid(view.nodes, now), '```', '');
    lines.push('| Step | State | Time |', '|---|---|---|');
    for (const node of view.nodes) {
      const time = node.state === 'running' ? duration(now - (node.startedAt ?? now)) : duration(node.durationMs);
      const state = `${ICON[node.state]} ${node.state}${node.reused ? ' (earlier attempt)' : ''}`;
      lines.push(`| \`${node.id}\` | ${state} | ${time} |`);
    }
    lines.push('');
  }
  lines.push(`Run \`${view.runId ?? '—'}\` for ${view.target} · ${elapsed}`);
  const result = view.result;
  if (result?.approval)
    lines.push(
      '',
      `**Waiting for approval at \`${result.approval.node}\`:** ${inline(result.approval.message, 500)}`,
      '',
      'Answer with `/archal approve [comment]` or `/archal reject [reason]`.',
    );
  if (result?.pull)
    lines.push('', `**Draft pull request ${result.pull.action}:** #${result.pull.number} (${result.pull.url})`);
  if (result?.noChanges !== undefined)
    lines.push('', '**No changes to propose.**', ...(result.noChanges ? ['', codeBlock(result.noChanges, 3_000)] : []));
  if (result?.failure)
    lines.push(
      '',
      `**Failed${result.failure.node ? ` at \`${result.failure.node}\`` : ''}:** ${inline(result.failure.reason, 800)}`,
    );
  if (result?.note) lines.push('', inline(result.note, 500));
  return lines.join('\n');
}

function mermaid(nodes: readonly ProgressNode[], now: number): string[] {
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart LR'];
  for (const node of nodes) {
    const time = node.state === 'running' ? duration(now - (node.startedAt ?? now)) : duration(node.durationMs);
    // Node ids are [A-Za-z0-9_-]; the label is quoted, so nothing in it is mermaid syntax.
    lines.push(`  ${ids.get(node.id)}["${node.id} · ${node.state}${time ? ` · ${time}` : ''}"]`);
  }
  for (const node of nodes)
    for (const dep of node.dependsOn) if (ids.has(dep)) lines.push(`  ${ids.get(dep)} --> ${ids.get(node.id)}`);
  const used = new Set(nodes.map((node) => node.state));
  for (const state of used) lines.push(`  classDef ${state} ${CLASS_STYLE[state]}`);
  for (const state of used)
    lines.push(
      `  class ${nodes
        .filter((node) => node.state === state)
        .map((node) => ids.get(node.id))
        .join(',')} ${state}`,
    );
  return lines;
}

/** Folds a run's events into node states (events of earlier attempts first). */
export function applyEvent(nodes: Map<string, ProgressNode>, event: WorkflowEvent): void {
  const node = event.nodeId ? nodes.get(event.nodeId) : undefined;
  if (!node) return;
  const at = Date.parse(event.ts);
  const ms = typeof event.data.duration_ms === 'number' ? event.data.duration_ms : undefined;
  switch (event.type) {
    case 'node_started':
      Object.assign(node, { state: 'running', startedAt: at, reused: false, error: undefined });
      break;
    case 'node_completed':
      Object.assign(node, { state: 'completed', durationMs: ms ?? elapsedSince(node, at), error: undefined });
      break;
    case 'node_failed':
      Object.assign(node, {
        state: 'failed',
        durationMs: ms ?? elapsedSince(node, at),
        error: typeof event.data.error === 'string' ? event.data.error : undefined,
      });
      break;
    case 'node_skipped':
      Object.assign(node, { state: 'skipped' });
      break;
    case 'node_skipped_prior_success':
      Object.assign(node, { state: 'completed', reused: true });
      break;
    case 'approval_requested':
      Object.assign(node, { state: 'paused' });
      break;
    default:
      break;
  }
}

function elapsedSince(node: ProgressNode, at: number): number | undefined {
  return node.startedAt === undefined ? undefined : Math.max(0, at - node.startedAt);
}
