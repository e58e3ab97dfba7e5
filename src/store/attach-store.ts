import type { Kysely, Selectable } from 'kysely';
import type { AttachJobRow, AttachStore, JobOwner } from '../attach/store-port.js';
import {
  attachmentSchema,
  type DatabaseAttachment,
  type ExecutionPolicy,
  type JobLine,
  type JobStatus,
  type Stage,
} from '../attach/schema.js';
import type { Database } from './schema.js';

const now = () => new Date().toISOString();

/** The post-prod loop's jobs and sources on the run store's database (SQLite or PostgreSQL). */
export class KyselyAttachStore implements AttachStore {
  constructor(private readonly db: Kysely<Database>) {}

  async appendJobLine(repo: string, line: JobLine, contentHash: string): Promise<boolean> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('attach_jobs')
          .select('seq')
          .where('repo', '=', repo)
          .where('trace_id', '=', line.traceId)
          .executeTakeFirst();
        if ((current ? Number(current.seq) : 0) + 1 !== line.seq) return false;
        const at = now();
        // The primary key (repo, trace, seq) is the compare-and-swap: a second writer of this seq fails here.
        await trx
          .insertInto('attach_job_lines')
          .values({ repo, trace_id: line.traceId, seq: line.seq, line: JSON.stringify(line), created_at: at })
          .execute();
        const fields = {
          source: line.source,
          stage: line.stage,
          status: line.status,
          seq: line.seq,
          revision: line.revision,
          policy: line.policy,
          content_hash: contentHash,
          line: JSON.stringify(line),
          updated_at: at,
        };
        if (current)
          await trx
            .updateTable('attach_jobs')
            .set(fields)
            .where('repo', '=', repo)
            .where('trace_id', '=', line.traceId)
            .execute();
        else
          await trx
            .insertInto('attach_jobs')
            .values({
              repo,
              trace_id: line.traceId,
              ...fields,
              owner_pid: null,
              owner_host: null,
              owner_at: null,
              created_at: at,
            })
            .execute();
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async getJob(repo: string, traceId: string): Promise<AttachJobRow | undefined> {
    const row = await this.db
      .selectFrom('attach_jobs')
      .selectAll()
      .where('repo', '=', repo)
      .where('trace_id', '=', traceId)
      .executeTakeFirst();
    return row && toJob(row);
  }

  async listJobs(repo: string, filter: { source?: string } = {}): Promise<AttachJobRow[]> {
    let query = this.db.selectFrom('attach_jobs').selectAll().where('repo', '=', repo);
    if (filter.source !== undefined) query = query.where('source', '=', filter.source);
    const rows = await query.orderBy('created_at').orderBy('trace_id').execute();
    return rows.map(toJob);
  }

  async listJobLines(repo: string, traceId: string): Promise<JobLine[]> {
    const rows = await this.db
      .selectFrom('attach_job_lines')
      .select('line')
      .where('repo', '=', repo)
      .where('trace_id', '=', traceId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => JSON.parse(row.line) as JobLine);
  }

  async claimJob(
    repo: string,
    traceId: string,
    owner: Omit<JobOwner, 'at'>,
    replace: (holder: JobOwner) => boolean,
  ): Promise<boolean> {
    const job = await this.getJob(repo, traceId);
    if (!job) return false;
    let query = this.db
      .updateTable('attach_jobs')
      .set({ owner_pid: owner.pid, owner_host: owner.host, owner_at: now() })
      .where('repo', '=', repo)
      .where('trace_id', '=', traceId);
    if (job.owner) {
      if (job.owner.pid === owner.pid && job.owner.host === owner.host) return true;
      if (!replace(job.owner)) return false;
      query = query.where('owner_pid', '=', job.owner.pid).where('owner_at', '=', job.owner.at);
    } else query = query.where('owner_pid', 'is', null);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touchJob(repo: string, traceId: string, owner: Omit<JobOwner, 'at'>): Promise<boolean> {
    const result = await this.db
      .updateTable('attach_jobs')
      .set({ owner_at: now() })
      .where('repo', '=', repo)
      .where('trace_id', '=', traceId)
      .where('owner_pid', '=', owner.pid)
      .where('owner_host', '=', owner.host)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async releaseJob(repo: string, traceId: string, owner: Omit<JobOwner, 'at'>): Promise<void> {
    await this.db
      .updateTable('attach_jobs')
      .set({ owner_pid: null, owner_host: null, owner_at: null })
      .where('repo', '=', repo)
      .where('trace_id', '=', traceId)
      .where('owner_pid', '=', owner.pid)
      .where('owner_host', '=', owner.host)
      .execute();
  }

  async saveSource(repo: string, source: DatabaseAttachment): Promise<void> {
    const at = now();
    await this.db
      .insertInto('attach_sources')
      .values({ repo, name: source.name, source: JSON.stringify(source), updated_at: at })
      .onConflict((conflict) =>
        conflict.columns(['repo', 'name']).doUpdateSet({ source: JSON.stringify(source), updated_at: at }),
      )
      .execute();
  }

  async listSources(repo?: string): Promise<Array<{ repo: string; source: DatabaseAttachment }>> {
    let query = this.db.selectFrom('attach_sources').selectAll();
    if (repo !== undefined) query = query.where('repo', '=', repo);
    const rows = await query.orderBy('repo').orderBy('name').execute();
    return rows.flatMap((row) => {
      const parsed = attachmentSchema.safeParse(JSON.parse(row.source));
      return parsed.success && parsed.data.kind !== 'directory' ? [{ repo: row.repo, source: parsed.data }] : [];
    });
  }
}

function toJob(row: Selectable<Database['attach_jobs']>): AttachJobRow {
  return {
    repo: row.repo,
    traceId: row.trace_id,
    source: row.source,
    stage: row.stage as Stage,
    status: row.status as JobStatus,
    seq: Number(row.seq),
    revision: Number(row.revision),
    policy: row.policy as ExecutionPolicy,
    contentHash: row.content_hash,
    line: JSON.parse(row.line) as JobLine,
    updatedAt: row.updated_at,
    owner:
      row.owner_pid === null || row.owner_host === null || row.owner_at === null
        ? null
        : { pid: Number(row.owner_pid), host: row.owner_host, at: row.owner_at },
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
