import type { WorkflowEvent } from './events.js';
import type { WorkflowRunStore } from './run-store.js';

/** Events the lifecycle records itself (outside an execution): resumes, decisions, cancels. */

export function runEvent(
  runId: string,
  type: WorkflowEvent['type'],
  nodeId: string | undefined,
  data: Record<string, unknown>,
): WorkflowEvent {
  return { type, runId, ...(nodeId ? { nodeId } : {}), data, ts: new Date().toISOString() };
}

export async function appendAll(
  store: WorkflowRunStore,
  runId: string,
  events: Array<[WorkflowEvent['type'], string, Record<string, unknown>]>,
): Promise<void> {
  // The store writes appends in call order, batching those of the same moment.
  await Promise.all(events.map(([type, nodeId, data]) => store.appendEvent(runEvent(runId, type, nodeId, data))));
}
