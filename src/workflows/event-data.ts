import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Usage } from '../providers/types.js';
import type { NodeState } from './refs.js';

/** How much of an output an event carries; the rest goes to a file. */
export const PREVIEW_BYTES = 32 * 1024;

/** Events carry a preview; the whole of a long output goes to a file, so a resume can read it back. */
export function outputData(artifactsDir: string, nodeId: string, text: string): Record<string, unknown> {
  return {
    node_output: preview(text),
    ...(text.length > PREVIEW_BYTES ? fullOutputFile(artifactsDir, nodeId, text) : {}),
  };
}

function fullOutputFile(artifactsDir: string, nodeId: string, text: string): Record<string, unknown> {
  const file = join(artifactsDir, '.archal', 'outputs', `${nodeId}.txt`);
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  } catch {
    return { node_output_truncated: true, node_output_original_bytes: Buffer.byteLength(text) };
  }
  return { node_output_truncated: true, node_output_original_bytes: Buffer.byteLength(text), node_output_file: file };
}

export function preview(text: string): string {
  if (text.length <= PREVIEW_BYTES) return text;
  return `${text.slice(0, PREVIEW_BYTES)}\n\n… [truncated; original output was ${Buffer.byteLength(text)} bytes]`;
}

/** Usage as events record it. */
export function usageData(usage: Usage | undefined): Record<string, unknown> {
  if (!usage) return {};
  return {
    tokens: {
      input: usage.inputTokens,
      output: usage.outputTokens,
      cacheRead: usage.cacheReadTokens,
      cacheWrite: usage.cacheWriteTokens,
    },
    ...(usage.costUsd === undefined ? {} : { cost_usd: usage.costUsd }),
  };
}

/** How many nodes are in each state, as the terminal events of a run record it. */
export function countStates(results: ReadonlyMap<string, { state: NodeState }>) {
  const counts = { completed: 0, failed: 0, skipped: 0, pending: 0, paused: 0, total: results.size };
  for (const { state } of results.values()) if (state in counts) counts[state as keyof typeof counts]++;
  return counts;
}
