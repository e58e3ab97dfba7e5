import { RunRefusedError } from './run-errors.js';
import type { RunRecord, StoredRunStatus, WorkflowRunStore } from './run-store.js';

/** The runs of a conversation, newest first; `statuses` keeps only those in one of them. */
export function listConversationRuns(
  store: WorkflowRunStore,
  conversationId: string,
  options: { statuses?: readonly StoredRunStatus[]; limit?: number } = {},
): Promise<RunRecord[]> {
  return store.listRuns({ conversationId, statuses: options.statuses, limit: options.limit });
}

/**
 * The newest run of a conversation (in one of `statuses` when given), to approve, reject, resume or
 * cancel it; RunRefusedError run_not_found when there is none.
 */
export async function findConversationRun(
  store: WorkflowRunStore,
  conversationId: string,
  statuses?: readonly StoredRunStatus[],
): Promise<RunRecord> {
  const [latest] = await listConversationRuns(store, conversationId, { statuses, limit: 1 });
  if (latest) return latest;
  throw new RunRefusedError(
    'run_not_found',
    `No run${statuses ? ` (${statuses.join(', ')})` : ''} in conversation '${conversationId}'.`,
    { query: conversationId, matches: [] },
  );
}

/** Resolves `id or unique prefix` to one run. */
export async function findRun(store: WorkflowRunStore, idOrPrefix: string): Promise<RunRecord> {
  const exact = await store.getRun(idOrPrefix);
  if (exact) return exact;
  const matches = idOrPrefix.length >= 4 ? await store.findRunsByPrefix(idOrPrefix) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const ids = matches.map((run) => run.id);
    throw new RunRefusedError('run_id_ambiguous', `Run id prefix '${idOrPrefix}' is ambiguous: ${ids.join(', ')}`, {
      query: idOrPrefix,
      matches: ids,
    });
  }
  throw new RunRefusedError(
    'run_not_found',
    `No run with id '${idOrPrefix}'${idOrPrefix.length < 4 ? ' (give at least 4 characters of the id)' : ''}.`,
    { query: idOrPrefix, matches: [] },
  );
}
