import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAttachments } from './attachments.js';
import type { JobLedger } from './jobs.js';
import type { AttachLayout } from './layout.js';
import { JOB_STATUSES, STAGES, type Attachment, type JobStatus, type Missing, type Stage } from './schema.js';

export interface JobView {
  traceId: string;
  source: string;
  stage: Stage;
  status: JobStatus;
  revision: number;
  policy: string;
  at: string;
  message: string | null;
  missing: Missing[];
  artifacts: string[];
  /** A live process is working on it now. */
  running: boolean;
}

export interface AttachStatusReport {
  repo: string;
  dir: string;
  attachments: Array<Attachment & { running?: boolean }>;
  totals: { jobs: number; byStatus: Record<JobStatus, number> };
  byStage: Partial<Record<Stage, Partial<Record<JobStatus, number>>>>;
  jobs: JobView[];
  blocked: Array<{ traceId: string; stage: Stage; message: string | null; missing: Missing[] }>;
  failedFiles: Array<{ file: string; reason: string }>;
}

function failedFiles(layout: AttachLayout): Array<{ file: string; reason: string }> {
  const dir = join(layout.root, 'failed');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      try {
        const record = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { file?: string; reason?: string };
        return { file: record.file ?? name.replace(/\.json$/, ''), reason: record.reason ?? '(no reason recorded)' };
      } catch {
        return { file: name.replace(/\.json$/, ''), reason: '(unreadable record)' };
      }
    });
}

/** `archal attach-status`: jobs by stage and status, the blocked ones with what they miss, refused files. */
export async function attachStatus(
  layout: AttachLayout,
  ledger: JobLedger,
  isProcessAlive: (pid: number) => boolean,
  host: string,
): Promise<AttachStatusReport> {
  const jobs = await ledger.jobs();
  const byStatus = Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as Record<JobStatus, number>;
  const byStage: AttachStatusReport['byStage'] = {};
  for (const job of jobs) {
    byStatus[job.status]++;
    const stage = (byStage[job.stage] ??= {});
    stage[job.status] = (stage[job.status] ?? 0) + 1;
  }
  const ordered: AttachStatusReport['byStage'] = {};
  for (const stage of STAGES) if (byStage[stage]) ordered[stage] = byStage[stage];
  const views: JobView[] = jobs.map((job) => ({
    traceId: job.traceId,
    source: job.source,
    stage: job.stage,
    status: job.status,
    revision: job.revision,
    policy: job.policy,
    at: job.line.at,
    message: job.line.message ?? null,
    missing: job.line.missing ?? [],
    artifacts: job.line.artifacts ?? [],
    running: job.owner !== null && (job.owner.host !== host || isProcessAlive(job.owner.pid)),
  }));
  return {
    repo: layout.repo,
    dir: layout.display(layout.root),
    attachments: readAttachments(layout).attachments.map((attachment) =>
      attachment.kind === 'directory'
        ? {
            ...attachment,
            running:
              attachment.status === 'attached' &&
              attachment.pid !== null &&
              (attachment.host !== host || isProcessAlive(attachment.pid)),
          }
        : attachment,
    ),
    totals: { jobs: jobs.length, byStatus },
    byStage: ordered,
    jobs: views,
    blocked: views
      .filter((job) => job.status === 'blocked' || job.status === 'fix_blocked')
      .map((job) => ({ traceId: job.traceId, stage: job.stage, message: job.message, missing: job.missing })),
    failedFiles: failedFiles(layout),
  };
}

export interface TraceSourceStatus {
  repo: string;
  raw: number;
  failed: number;
  sources: Array<{
    name: string;
    kind: string;
    status: string | null;
    traces: number;
    jobs: Partial<Record<JobStatus, number>>;
  }>;
  failedFiles: Array<{ file: string; reason: string }>;
}

/** `archal trace-source status`: the sources (attached, registered or seen in jobs) and their counts. */
export async function traceSourceStatus(layout: AttachLayout, ledger: JobLedger): Promise<TraceSourceStatus> {
  const rawDir = join(layout.root, 'raw');
  const raw = existsSync(rawDir) ? readdirSync(rawDir).filter((name) => name.endsWith('.json')).length : 0;
  const jobs = await ledger.jobs();
  const sources = new Map<string, TraceSourceStatus['sources'][number]>();
  for (const attachment of readAttachments(layout).attachments)
    sources.set(attachment.name, {
      name: attachment.name,
      kind: attachment.kind,
      status: attachment.kind === 'directory' ? attachment.status : 'registered',
      traces: 0,
      jobs: {},
    });
  for (const job of jobs) {
    const entry = sources.get(job.source) ?? { name: job.source, kind: 'import', status: null, traces: 0, jobs: {} };
    entry.traces++;
    entry.jobs[job.status] = (entry.jobs[job.status] ?? 0) + 1;
    sources.set(job.source, entry);
  }
  const failed = failedFiles(layout);
  return { repo: layout.repo, raw, failed: failed.length, sources: [...sources.values()], failedFiles: failed };
}
