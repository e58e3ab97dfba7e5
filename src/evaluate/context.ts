/**
 * What `[D]` criteria are evaluated on:
 *
 *   { github: <final state>, before: { github: <seeded state> }, diff: { github: { <collection>:
 *     { created, updated, deleted } } }, run: { exitCode, timedOut, durationMs, answer, requests } }
 *
 * plus functions every expression can call: `$created(items)` (those that did not exist before the
 * run), `$before(item)` (the same record before the run, or nothing), `$changed(item)` (true when
 * the run changed it).
 */

export type Snapshot = Record<string, unknown>;

export interface RunRecordForCriteria {
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  answer: string;
  /** The agent's requests to its clones: method, path, status, operationId, notImplemented. */
  requests: Array<Record<string, unknown>>;
}

export interface CollectionDiff {
  created: unknown[];
  updated: Array<{ id: unknown; changes: Record<string, { from: unknown; to: unknown }> }>;
  deleted: unknown[];
}

export interface EvaluationContext {
  github: Snapshot;
  before: { github: Snapshot };
  diff: { github: Record<string, CollectionDiff> };
  run: RunRecordForCriteria;
}

type Row = Record<string, unknown> & { id?: unknown };

/** Arrays of records with ids, by collection name (`issues`, `comments`…). */
function collections(snapshot: Snapshot): Array<[string, Row[]]> {
  return Object.entries(snapshot).filter(
    (entry): entry is [string, Row[]] =>
      Array.isArray(entry[1]) && entry[1].every((row) => typeof row === 'object' && row !== null && 'id' in row),
  );
}

function diffSnapshots(before: Snapshot, after: Snapshot): Record<string, CollectionDiff> {
  const diff: Record<string, CollectionDiff> = {};
  // The state the run started from, unchanged (no request reached the clone): nothing to compare.
  if (before === after) return diff;
  const beforeByName = new Map(collections(before));
  for (const [name, rows] of collections(after)) {
    const previous = new Map((beforeByName.get(name) ?? []).map((row) => [row.id, row]));
    const current = new Set(rows.map((row) => row.id));
    const entry: CollectionDiff = { created: [], updated: [], deleted: [] };
    for (const row of rows) {
      const old = previous.get(row.id);
      if (!old) {
        entry.created.push(row);
        continue;
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of new Set([...Object.keys(old), ...Object.keys(row)])) {
        // Most fields are the same string, number or null: no JSON made to say so.
        if (old[key] !== row[key] && JSON.stringify(old[key]) !== JSON.stringify(row[key]))
          changes[key] = { from: old[key], to: row[key] };
      }
      if (Object.keys(changes).length > 0) entry.updated.push({ id: row.id, changes });
    }
    for (const [id, row] of previous) if (!current.has(id)) entry.deleted.push(row);
    if (entry.created.length + entry.updated.length + entry.deleted.length > 0) diff[name] = entry;
  }
  return diff;
}

export function buildContext(before: Snapshot, after: Snapshot, run: RunRecordForCriteria): EvaluationContext {
  return { github: after, before: { github: before }, diff: { github: diffSnapshots(before, after) }, run };
}

/** The helper functions of criteria expressions, bound to one context. */
export function contextFunctions(context: EvaluationContext) {
  // Records are matched to their collection by identity: filters in expressions return the very objects of the snapshot.
  const collectionOf = new WeakMap<object, string>();
  for (const [name, rows] of collections(context.github)) for (const row of rows) collectionOf.set(row, name);
  const beforeById = new Map<string, Map<unknown, Row>>();
  for (const [name, rows] of collections(context.before.github))
    beforeById.set(name, new Map(rows.map((row) => [row.id, row])));

  const before = (item: unknown): Row | undefined => {
    if (typeof item !== 'object' || item === null) return undefined;
    const name = collectionOf.get(item);
    return name ? beforeById.get(name)?.get((item as Row).id) : undefined;
  };
  const asArray = (items: unknown): unknown[] => (items === undefined ? [] : Array.isArray(items) ? items : [items]);
  return {
    created: (items: unknown) => {
      const fresh = asArray(items).filter(
        (item) => typeof item === 'object' && item !== null && collectionOf.has(item) && before(item) === undefined,
      );
      return fresh.length === 0 ? undefined : fresh;
    },
    before,
    changed: (item: unknown) => {
      const old = before(item);
      return old === undefined || JSON.stringify(old) !== JSON.stringify(item);
    },
  };
}
