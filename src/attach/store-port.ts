import type { DatabaseAttachment, ExecutionPolicy, JobLine, JobStatus, Stage } from './schema.js';

/** A job as the run store keeps it: its latest line and who is working on it. */
export interface AttachJobRow {
  repo: string;
  traceId: string;
  source: string;
  stage: Stage;
  status: JobStatus;
  seq: number;
  revision: number;
  policy: ExecutionPolicy;
  contentHash: string;
  line: JobLine;
  updatedAt: string;
  owner: JobOwner | null;
}

export interface JobOwner {
  pid: number;
  host: string;
  /** When the owner claimed the job or last said it is still at it. */
  at: string;
}

/**
 * What the post-prod loop needs from the run store (implemented on SQLite and PostgreSQL in
 * src/store). Jobs change by compare-and-swap on their sequence number, so two workers never
 * record the same step twice.
 */
export interface AttachStore {
  /** Records `line` as the job's next state (`line.seq` = current seq + 1, or 1 for a new job); false when another writer got there first. */
  appendJobLine(repo: string, line: JobLine, contentHash: string): Promise<boolean>;
  getJob(repo: string, traceId: string): Promise<AttachJobRow | undefined>;
  listJobs(repo: string, filter?: { source?: string }): Promise<AttachJobRow[]>;
  listJobLines(repo: string, traceId: string): Promise<JobLine[]>;
  /** Takes the job for `owner` when nobody holds it, or when `replace` says the holder is gone. */
  claimJob(
    repo: string,
    traceId: string,
    owner: Omit<JobOwner, 'at'>,
    replace: (holder: JobOwner) => boolean,
  ): Promise<boolean>;
  /** Refreshes the owner's time; false when the job is no longer its. */
  touchJob(repo: string, traceId: string, owner: Omit<JobOwner, 'at'>): Promise<boolean>;
  releaseJob(repo: string, traceId: string, owner: Omit<JobOwner, 'at'>): Promise<void>;
  saveSource(repo: string, source: DatabaseAttachment): Promise<void>;
  listSources(repo?: string): Promise<Array<{ repo: string; source: DatabaseAttachment }>>;
}
