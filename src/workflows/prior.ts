import { readFileSync, statSync } from 'node:fs';
import { addUsage, type Usage } from '../providers/types.js';
import type { PriorOutputs } from './executor.js';
import type { Workflow } from './model.js';
import type { WorkflowEvent } from './events.js';
import type { LifecycleDeps } from './lifecycle.js';
import type { RunRecord, WorkflowRunStore } from './run-store.js';
import { unstoredEvents } from './transcript-recovery.js';

/** What earlier attempts of a run completed, read back from its events, so a resume skips it. */

/** The only events what earlier attempts completed (and how often each node started) is read from. */
const PRIOR_EVENT_TYPES = [
  'node_started',
  'node_retrying',
  'node_completed',
  'node_failed',
  'node_skipped_prior_success',
  'approval_received',
] as const;

export async function loadPrior(store: WorkflowRunStore, runId: string) {
  return priorFromEvents(await store.listEvents(runId, PRIOR_EVENT_TYPES));
}

/**
 * `loadPrior` for a run about to be continued: also counts what its owner, if it died, wrote only
 * to its transcript (`recovered`, to be stored once the run is taken over).
 */
export async function loadRunPrior(deps: Pick<LifecycleDeps, 'store' | 'owner' | 'isProcessAlive'>, run: RunRecord) {
  const stored = await deps.store.listEvents(run.id);
  const recovered = unstoredEvents(deps, run, stored);
  const types = new Set<string>(PRIOR_EVENT_TYPES);
  return { prior: priorFromEvents([...stored, ...recovered].filter((event) => types.has(event.type))), recovered };
}

/** How many of the prior outputs belong to nodes the workflow (as it is now) still has. */
export function reusableCount(prior: { outputs: Map<string, unknown> }, workflow: Workflow): number {
  const known = new Set(workflow.nodes.map((node) => node.id));
  return [...prior.outputs.keys()].filter((id) => known.has(id)).length;
}

/** What earlier attempts of a run completed (outputs), and what they spent. */
export function priorFromEvents(
  events: readonly WorkflowEvent[],
): PriorOutputs & { outputs: Map<string, { text: string; structured?: unknown }>; attempts: Map<string, number> } {
  const outputs = new Map<string, { text: string; structured?: unknown }>();
  const attempts = new Map<string, number>();
  let usage: Usage | undefined;
  for (const stored of events) {
    const node = stored.nodeId;
    if (!node) continue;
    if (stored.type === 'node_started' || stored.type === 'node_retrying')
      attempts.set(node, (attempts.get(node) ?? 0) + 1);
    // An approval decided while its owner was still running other branches: the gate is passed even
    // if the owner died before recording its completion.
    // (Only a decision handed to a live owner carries the gate's output; an interactive loop's
    // answer carries none: the loop runs again.)
    if (
      stored.type === 'approval_received' &&
      stored.data.decision === 'approved' &&
      typeof stored.data.node_output === 'string' &&
      !outputs.has(node)
    )
      outputs.set(node, { text: stored.data.node_output });
    if (stored.type === 'node_completed' || stored.type === 'node_skipped_prior_success') {
      const text = fullOutput(stored.data);
      if (text !== undefined) outputs.set(node, { text, structured: stored.data.structured_output });
    } else if (stored.type === 'node_failed') outputs.delete(node);
    if (stored.type === 'node_completed' || stored.type === 'node_failed')
      usage = addUsage(usage, usageOf(stored.data));
  }
  return { outputs, usage, attempts };
}

function fullOutput(data: Record<string, unknown>): string | undefined {
  if (typeof data.node_output !== 'string') return undefined;
  if (typeof data.node_output_file === 'string') {
    try {
      if (statSync(data.node_output_file).size === data.node_output_original_bytes)
        return readFileSync(data.node_output_file, 'utf8');
    } catch {
      // Fall back to the preview.
    }
  }
  return data.node_output;
}

function usageOf(data: Record<string, unknown>): Usage | undefined {
  const tokens = data.tokens as
    { input?: number; output?: number; cacheRead?: number; cacheWrite?: number } | undefined;
  const cost = typeof data.cost_usd === 'number' ? data.cost_usd : undefined;
  if (!tokens && cost === undefined) return undefined;
  return {
    inputTokens: tokens?.input ?? 0,
    outputTokens: tokens?.output ?? 0,
    cacheReadTokens: tokens?.cacheRead,
    cacheWriteTokens: tokens?.cacheWrite,
    costUsd: cost,
  };
}
