import { isoTime } from '../lib/iso-time.js';
import type { WorkflowEvent } from './events.js';
import type { WorkflowRunStore } from './run-store.js';

/** Events the lifecycle records itself (outside an execution): resumes, decisions, cancels. */

export function runEvent(
  runId: string,
  type: WorkflowEvent['type'],
  nodeId: string | undefined,
  data: Record<string, unknown>,
): WorkflowEvent {
  return { type, runId, ...(nodeId ? { nodeId } : {}), data, ts: isoTime() };
}

export async function appendAll(
  store: WorkflowRunStore,
  runId: string,
  events: Array<[WorkflowEvent['type'], string, Record<string, unknown>]>,
): Promise<void> {
  await appendEvents(
    store,
    events.map(([type, nodeId, data]) => runEvent(runId, type, nodeId, data)),
  );
}

/** Appends events as they are, in order (the store writes appends in call order, batching those of the same moment). */
export async function appendEvents(store: WorkflowRunStore, events: readonly WorkflowEvent[]): Promise<void> {
  await Promise.all(events.map((event) => store.appendEvent(event)));
}
