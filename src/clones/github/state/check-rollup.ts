import type { StatusRecord } from './model.js';
import type { Store } from './store.js';

export type RollupState = 'SUCCESS' | 'FAILURE' | 'PENDING' | 'ERROR';

const CHECK_STATE: Record<string, RollupState> = {
  success: 'SUCCESS',
  neutral: 'SUCCESS',
  skipped: 'SUCCESS',
  failure: 'FAILURE',
  timed_out: 'FAILURE',
  cancelled: 'FAILURE',
  action_required: 'FAILURE',
  stale: 'FAILURE',
};

/** The newest commit status of each context on a commit. */
export function latestStatuses(store: Store, repoId: number, sha: string): StatusRecord[] {
  const byContext = new Map<string, StatusRecord>();
  for (const status of store.where('status', `sha:${repoId}:${sha}`)) {
    const seen = byContext.get(status.context);
    if (!seen || seen.id < status.id) byContext.set(status.context, status);
  }
  return [...byContext.values()];
}

/**
 * The combined state of a commit's check runs and latest statuses (GraphQL's `StatusCheckRollup`,
 * search's `status:`): an error, else a failure, else anything pending, else success; null with
 * neither.
 */
export function rollupState(store: Store, repoId: number, sha: string): RollupState | null {
  const runs = store.where('checkRun', `sha:${repoId}:${sha}`);
  const statuses = latestStatuses(store, repoId, sha);
  if (runs.length === 0 && statuses.length === 0) return null;
  const states: RollupState[] = [
    ...runs.map((run) => (run.status !== 'completed' ? 'PENDING' : (CHECK_STATE[run.conclusion ?? ''] ?? 'PENDING'))),
    ...statuses.map((status) => status.state.toUpperCase() as RollupState),
  ];
  for (const state of ['ERROR', 'FAILURE', 'PENDING'] as const) if (states.includes(state)) return state;
  return 'SUCCESS';
}
