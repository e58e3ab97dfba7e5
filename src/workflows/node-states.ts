import type { StoredEvent } from './run-store.js';

/** The events a node's state follows from. */
export const NODE_STATE_EVENTS = [
  'node_started',
  'node_completed',
  'node_skipped_prior_success',
  'node_failed',
  'node_skipped',
  'approval_requested',
] as const;

/** Each node's state (running, completed, failed, skipped, paused) as a run's events tell it. */
export function nodeStates(events: readonly StoredEvent[]): Record<string, string> {
  const states: Record<string, string> = {};
  for (const event of events) {
    if (!event.nodeId) continue;
    switch (event.type) {
      case 'node_started':
        states[event.nodeId] = 'running';
        break;
      case 'node_completed':
      case 'node_skipped_prior_success':
        states[event.nodeId] = 'completed';
        break;
      case 'node_failed':
        states[event.nodeId] = 'failed';
        break;
      case 'node_skipped':
        states[event.nodeId] = 'skipped';
        break;
      case 'approval_requested':
        states[event.nodeId] = 'paused';
        break;
      default:
        break;
    }
  }
  return states;
}
