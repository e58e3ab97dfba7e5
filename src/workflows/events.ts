import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Every event type a run can record: the single source of the type, and the only values
 * `archal workflow event emit` accepts.
 */
export const WORKFLOW_EVENT_TYPES = [
  'workflow_started',
  'workflow_completed',
  'workflow_failed',
  'workflow_cancelled',
  'workflow_paused',
  'workflow_resumed',
  'workflow_parse_warnings',
  'node_started',
  'node_completed',
  'node_failed',
  'node_skipped',
  'node_skipped_prior_success',
  'node_prior_cache_invalidated',
  'node_always_run_reset',
  'node_session_resumed',
  'node_retrying',
  'loop_iteration_started',
  'loop_iteration_completed',
  'loop_iteration_failed',
  'tool_called',
  'tool_completed',
  'approval_requested',
  'approval_received',
  'workflow_artifact',
  'task_activity',
  'hook_activity',
  'evidence_validation_failed',
  'ralph_story_started',
  'ralph_story_completed',
  // Archon's container backend records these; Archal has no container runs and never writes them, but
  // accepts them from `event emit` so scripts written for Archon's CLI are not refused.
  'container_created',
  'container_stopped',
  'container_resumed',
  'container_destroyed',
  'writeback_requested',
  'writeback_applied',
  'writeback_discarded',
] as const;

export type WorkflowEventType = (typeof WORKFLOW_EVENT_TYPES)[number];

const EVENT_TYPE_SET: ReadonlySet<string> = new Set(WORKFLOW_EVENT_TYPES);
export function isWorkflowEventType(value: string): value is WorkflowEventType {
  return EVENT_TYPE_SET.has(value);
}

export interface WorkflowEvent {
  type: WorkflowEventType;
  runId: string;
  /** The node the event is about; absent for run-level events. */
  nodeId?: string;
  data: Record<string, unknown>;
  /** ISO-8601 time. */
  ts: string;
}

/** Where the engine writes events. Implementations must not throw: a failing sink never fails a run. */
export interface EventSink {
  write(event: WorkflowEvent): void;
  /** Resolves once everything written so far is durable. */
  flush?(): Promise<void>;
}

export function fanOut(...sinks: EventSink[]): EventSink {
  return {
    write(event) {
      for (const sink of sinks) sink.write(event);
    },
    async flush() {
      await Promise.all(sinks.map((sink) => sink.flush?.()));
    },
  };
}

/** Keeps events in memory, for tests and for building results. */
export class MemorySink implements EventSink {
  readonly events: WorkflowEvent[] = [];
  write(event: WorkflowEvent): void {
    this.events.push(event);
  }
  ofType(type: WorkflowEventType): WorkflowEvent[] {
    return this.events.filter((event) => event.type === type);
  }
}

/** Where a run's transcript is: `.archal/logs/<run id>.jsonl` in the path it runs in. */
export function transcriptPath(workingPath: string, runId: string): string {
  return join(workingPath, '.archal', 'logs', `${runId}.jsonl`);
}

/**
 * The JSONL transcript of a run: one event per line, written synchronously (to a file kept open
 * for appending, until `close`) so that the file is complete and ordered even if the process dies
 * right after. It is the run's first durable record: a node starts once its dependencies' events
 * are here, and the run store catches up in the background (a resume takes from the transcript what
 * a dead owner had not stored yet; see transcript-recovery.ts).
 */
export class JsonlTranscript implements EventSink {
  private failed = false;
  private fd: number | undefined;
  constructor(
    readonly path: string,
    private readonly onError: (message: string) => void = () => {},
  ) {}
  write(event: WorkflowEvent): void {
    if (this.failed) return;
    try {
      if (this.fd === undefined) {
        mkdirSync(dirname(this.path), { recursive: true });
        this.fd = openSync(this.path, 'a');
      }
      const line = Buffer.from(JSON.stringify(event) + '\n');
      for (let written = 0; written < line.length;) written += writeSync(this.fd, line, written, line.length - written);
    } catch (error) {
      this.failed = true;
      this.close();
      this.onError(`Cannot write the run transcript ${this.path}: ${String(error)}; continuing without it.`);
    }
  }
  /** Every event written so far is in the file (false from the first write that failed). */
  get intact(): boolean {
    return !this.failed;
  }
  /** Closes the file; a later write opens it again. */
  close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // Nothing more is written through it.
    }
    this.fd = undefined;
  }
}
