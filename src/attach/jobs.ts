import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { findJsonError } from '../lib/json-position.js';
import type { AttachLayout } from './layout.js';
import {
  FINAL_STATUSES,
  jobLineSchema,
  type ExecutionPolicy,
  type JobLine,
  type JobStatus,
  type Missing,
  type Stage,
  type Trace,
} from './schema.js';
import type { AttachJobRow, AttachStore, JobOwner } from './store-port.js';

/** A job changed under us (another worker recorded a step first, or the trace was re-imported). */
export class JobConflictError extends Error {
  constructor(readonly traceId: string) {
    super(`job ${traceId} was changed by another worker; this one leaves it alone`);
    this.name = 'JobConflictError';
  }
}

export interface StateChange {
  stage: Stage;
  status: JobStatus;
  message?: string;
  missing?: Missing[];
  artifacts?: string[];
  /** Other fields of the line (verdict, attempts…). */
  extra?: Record<string, unknown>;
}

export interface LedgerOptions {
  layout: AttachLayout;
  store: AttachStore;
  owner: Omit<JobOwner, 'at'>;
  isProcessAlive: (pid: number) => boolean;
  /** A holder on another host that has not said anything for this long is presumed gone. */
  staleAfterMs?: number;
  /** Where warnings go (a damaged line of runs.jsonl). */
  log?: (line: string) => void;
  now?: () => Date;
}

const DEFAULT_STALE_AFTER_MS = 15 * 60 * 1000;

/**
 * The durable state of the post-prod loop's jobs: every state change goes to the run store (by
 * compare-and-swap on the job's sequence) and then to `.archal/attach/runs.jsonl`. A crash between
 * the two is repaired by `reconcile`, which appends the lines the file missed.
 */
export class JobLedger {
  private readonly repo: string;
  constructor(private readonly options: LedgerOptions) {
    this.repo = options.layout.repo;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /**
   * The lines of runs.jsonl, oldest first. A line that is not a job line (one torn by a crash
   * mid-write, or edited by hand) is skipped with a warning naming it: the store still has the state
   * change, and `reconcile` appends it again.
   */
  fileLines(): JobLine[] {
    const file = this.options.layout.runsJsonl;
    if (!existsSync(file)) return [];
    const lines: JobLine[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (!text.trim()) return;
        const line = parseJobLine(text);
        if (line.ok) lines.push(line.value);
        else
          this.options.log?.(
            `warning: ${this.options.layout.display(file)}:${index + 1}: damaged line skipped (${line.problem}); the run store still has the state change`,
          );
      });
    return lines;
  }

  /** Appends to runs.jsonl what the store recorded and the file missed. */
  async reconcile(): Promise<number> {
    const seen = new Map<string, number>();
    for (const line of this.fileLines()) seen.set(line.traceId, Math.max(seen.get(line.traceId) ?? 0, line.seq));
    let appended = 0;
    for (const job of await this.options.store.listJobs(this.repo)) {
      if ((seen.get(job.traceId) ?? 0) >= job.seq) continue;
      for (const line of await this.options.store.listJobLines(this.repo, job.traceId)) {
        if (line.seq <= (seen.get(job.traceId) ?? 0)) continue;
        this.appendFile(line);
        appended++;
      }
    }
    return appended;
  }

  job(traceId: string): Promise<AttachJobRow | undefined> {
    return this.options.store.getJob(this.repo, traceId);
  }

  jobs(filter: { source?: string } = {}): Promise<AttachJobRow[]> {
    return this.options.store.listJobs(this.repo, filter);
  }

  /** Records the job's next state. Throws JobConflictError when someone else changed it first. */
  async record(job: AttachJobRow, change: StateChange, policy: ExecutionPolicy = job.policy): Promise<AttachJobRow> {
    const line: JobLine = {
      traceId: job.traceId,
      source: job.source,
      stage: change.stage,
      status: change.status,
      at: this.now(),
      seq: job.seq + 1,
      revision: job.revision,
      policy,
      ...(change.message === undefined ? {} : { message: change.message }),
      ...(change.missing === undefined ? {} : { missing: change.missing }),
      ...(change.artifacts === undefined ? {} : { artifacts: change.artifacts }),
      ...change.extra,
    };
    if (!(await this.options.store.appendJobLine(this.repo, line, job.contentHash)))
      throw new JobConflictError(job.traceId);
    this.appendFile(line);
    return { ...job, stage: line.stage, status: line.status, seq: line.seq, policy, line, updatedAt: line.at };
  }

  /**
   * Queues a job for an imported trace: a new trace gets a job, the same trace again changes
   * nothing, and a trace whose content changed is queued again as a new revision.
   */
  async enqueue(
    trace: Trace,
    policy: ExecutionPolicy,
    imported: 'new' | 'changed' | 'unchanged' = 'changed',
  ): Promise<'new' | 'requeued' | 'unchanged'> {
    const existing = await this.job(trace.id);
    // The same content is the same job, unless its imported copy was deleted (.archal/attach/ cleaned).
    if (existing && existing.contentHash === trace.contentHash && imported !== 'new') return 'unchanged';
    const line: JobLine = {
      traceId: trace.id,
      source: trace.source.name,
      stage: 'import',
      status: 'queued',
      at: this.now(),
      seq: (existing?.seq ?? 0) + 1,
      revision: (existing?.revision ?? 0) + 1,
      policy,
      ...(existing
        ? {
            message:
              existing.contentHash === trace.contentHash
                ? 'the imported trace was removed and imported again: it is processed again'
                : 'the trace changed since it was imported: it is processed again',
          }
        : {}),
    };
    if (!(await this.options.store.appendJobLine(this.repo, line, trace.contentHash)))
      throw new JobConflictError(trace.id);
    this.appendFile(line);
    return existing ? 'requeued' : 'new';
  }

  /** Puts a terminal job back in the queue (attach-reprocess). */
  async requeue(job: AttachJobRow, message: string, policy: ExecutionPolicy): Promise<AttachJobRow> {
    return this.record({ ...job, revision: job.revision + 1 }, { stage: 'import', status: 'queued', message }, policy);
  }

  /** Takes a job for this process; a holder that died (this host) or went silent (any host) is replaced. */
  claim(traceId: string): Promise<boolean> {
    const { owner, isProcessAlive } = this.options;
    const staleAfter = this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    return this.options.store.claimJob(this.repo, traceId, owner, (holder) => {
      if (holder.host === owner.host && !isProcessAlive(holder.pid)) return true;
      return Date.now() - Date.parse(holder.at) > staleAfter;
    });
  }

  touch(traceId: string): Promise<boolean> {
    return this.options.store.touchJob(this.repo, traceId, this.options.owner);
  }

  release(traceId: string): Promise<void> {
    return this.options.store.releaseJob(this.repo, traceId, this.options.owner);
  }

  private appendFile(line: JobLine): void {
    const file = this.options.layout.runsJsonl;
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

export function isFinal(status: JobStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** One line of runs.jsonl, or what is wrong with it (where, never what it holds: it may be any bytes). */
function parseJobLine(text: string): { ok: true; value: JobLine } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonError(text);
    return { ok: false, problem: `not JSON: column ${problem.offset + 1}: ${problem.message}` };
  }
  const parsed = jobLineSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return {
    ok: false,
    problem: `not a job line: ${issue.path.length > 0 ? `"${issue.path.join('.')}": ` : ''}${issue.message}`,
  };
}
