import { readFileSync } from 'node:fs';
import { transcriptPath, type WorkflowEvent } from './events.js';
import type { LifecycleDeps } from './lifecycle.js';
import { otherLocalOwner, processAlive } from './run-processes.js';
import type { RunRecord } from './run-store.js';

/**
 * The events a run's owner wrote to its transcript but not to the store: an owner stores its
 * events in the background once they are in the transcript, so one that died (killed, crashed)
 * can leave the last few only there. Read from the transcript in the path the run last ran in,
 * on this machine, and only when that owner is gone: a live owner is still storing them.
 *
 * An event counts as stored when the store has one with the same type, node, time and data (each
 * stored one answers for one transcript line, so repeated events are counted, not merged).
 */
export function unstoredEvents(
  deps: Pick<LifecycleDeps, 'owner' | 'isProcessAlive'>,
  run: RunRecord,
  stored: readonly WorkflowEvent[],
): WorkflowEvent[] {
  if (run.ownerHost !== null && run.ownerHost !== deps.owner.host) return [];
  const owner = otherLocalOwner(run, deps);
  if (owner !== undefined && (deps.isProcessAlive ?? processAlive)(owner)) return [];
  const written = readTranscript(transcriptPath(run.workingPath, run.id), run.id);
  if (written.length === 0) return [];
  const counts = new Map<string, number>();
  for (const event of stored) {
    const key = eventKey(event);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const missing: WorkflowEvent[] = [];
  for (const event of written) {
    const key = eventKey(event);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else missing.push(event);
  }
  return missing;
}

/** The run's events in its transcript; a missing file is none, and a torn last line (the owner died writing it) is left out. */
function readTranscript(file: string, runId: string): WorkflowEvent[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const events: WorkflowEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const event = JSON.parse(line) as WorkflowEvent;
      if (event && event.runId === runId && typeof event.type === 'string' && typeof event.ts === 'string')
        events.push(event);
    } catch {
      // A line cut short by a crash.
    }
  }
  return events;
}

function eventKey(event: WorkflowEvent): string {
  return JSON.stringify([event.type, event.nodeId ?? null, event.ts, event.data]);
}
