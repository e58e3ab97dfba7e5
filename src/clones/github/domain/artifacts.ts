import type { Readable } from 'node:stream';
import { isoSeconds } from '../seed/time.js';
import { MissingBlockError } from '../state/blobs.js';
import { ApiError, notFound } from '../state/errors.js';
import type { ArtifactRecord, WorkflowJobRecord, WorkflowRunRecord } from '../state/model.js';
import { signQuery, type SignedPermission } from '../state/signed-urls.js';
import type { DomainContext } from './context.js';

const DAY = 86_400_000;
/** What upload-artifact keeps by default (a repository's maximum retention). */
const DEFAULT_RETENTION_DAYS = 90;
const UPLOAD_URL_LIFETIME = 6 * 3_600_000;
const DOWNLOAD_URL_LIFETIME = 3_600_000;
/** Azure's largest block (4000 MiB) is far beyond what a clone should hold: one block ≤ 256 MiB. */
export const MAX_BLOCK_BYTES = 256 * 1024 * 1024;

/** Characters upload-artifact refuses in artifact names (the server checks too). */
const FORBIDDEN_NAME = /["':<>|*?\r\n\\/]/;

export const isExpired = (artifact: ArtifactRecord, now: Date) => Date.parse(artifact.expiresAt) <= now.getTime();

/** A URL of the clone's blob endpoint, signed for `permission` on that path only. */
export function signedBlobUrl(
  ctx: DomainContext,
  path: string,
  permission: SignedPermission,
  lifetimeMs: number,
): string {
  const expiry = new Date(ctx.core.now().getTime() + lifetimeMs);
  return `${ctx.core.base}${path}?${signQuery(ctx.core.signingKey, path, permission, expiry)}`;
}

export const artifactBlobPath = (artifact: ArtifactRecord) =>
  `/_blobs/actions-results/${artifact.id}/${encodeURIComponent(artifact.fileName)}`;

export interface CreateArtifactInput {
  name: string;
  mimeType?: string;
  expiresAt?: string;
}

/**
 * CreateArtifact: a pending artifact of the job's run and a URL its bytes are uploaded to. A
 * finalized artifact of the same name makes it a conflict (upload-artifact deletes first to
 * overwrite); a pending one is replaced.
 */
export function createArtifact(
  ctx: DomainContext,
  run: WorkflowRunRecord,
  job: WorkflowJobRecord,
  input: CreateArtifactInput,
): { artifact: ArtifactRecord; uploadUrl: string } {
  if (input.name.trim() === '' || FORBIDDEN_NAME.test(input.name))
    throw new ApiError(
      400,
      `invalid artifact name "${input.name}": it must not be empty nor contain " : < > | * ? \\ / or line breaks`,
    );
  const existing = ctx.store.where('artifact', `run:${run.id}`).filter((artifact) => artifact.name === input.name);
  if (existing.some((artifact) => artifact.finalized))
    throw new ApiError(409, `an artifact with this name already exists on the workflow run: ${input.name}`);
  for (const pending of existing) removeArtifact(ctx, pending);
  const mimeType = input.mimeType || 'application/zip';
  const now = ctx.core.now();
  const expiresAt = input.expiresAt
    ? isoSeconds(new Date(input.expiresAt))
    : isoSeconds(new Date(now.getTime() + DEFAULT_RETENTION_DAYS * DAY));
  const id = ctx.store.nextId('artifact');
  const artifact = ctx.store.insert(ctx.journal, 'artifact', {
    id,
    repoId: run.repoId,
    runId: run.id,
    jobId: job.id,
    name: input.name,
    fileName: mimeType === 'application/zip' ? `${input.name}.zip` : input.name,
    mimeType,
    blob: `artifact-${id}`,
    finalized: false,
    sizeInBytes: 0,
    digest: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    expiresAt,
  });
  return { artifact, uploadUrl: signedBlobUrl(ctx, artifactBlobPath(artifact), 'cw', UPLOAD_URL_LIFETIME) };
}

/** Put Block: one staged block of a pending artifact's upload. */
export async function stageArtifactBlock(
  ctx: DomainContext,
  artifact: ArtifactRecord,
  blockId: string,
  data: Readable,
) {
  if (artifact.finalized) throw new ApiError(409, 'The artifact is finalized: its blob cannot change.');
  if (!blockId) throw new ApiError(400, 'The value for one of the HTTP headers is not in the correct format: blockid');
  await ctx.core.blobs.stageBlock(artifact.blob, blockId, data, MAX_BLOCK_BYTES);
}

/** Put Block List: the staged blocks, in order, become the artifact's bytes (size and digest recorded). */
export async function commitArtifactBlocks(ctx: DomainContext, artifact: ArtifactRecord, blockIds: string[]) {
  if (artifact.finalized) throw new ApiError(409, 'The artifact is finalized: its blob cannot change.');
  try {
    const blob = await ctx.core.blobs.commit(artifact.blob, blockIds);
    ctx.store.update(ctx.journal, 'artifact', artifact, {
      sizeInBytes: blob.size,
      digest: `sha256:${blob.sha256}`,
      updatedAt: ctx.now,
    });
  } catch (error) {
    if (error instanceof MissingBlockError) throw new ApiError(400, error.message);
    throw error;
  }
}

/**
 * FinalizeArtifact: the upload is complete. The size (and hash, when given) the client computed
 * must be those of the bytes the clone received, so a truncated upload never becomes an artifact.
 */
export function finalizeArtifact(
  ctx: DomainContext,
  run: WorkflowRunRecord,
  input: { name: string; size: number; hash?: string },
): ArtifactRecord {
  const artifact = ctx.store
    .where('artifact', `run:${run.id}`)
    .find((candidate) => candidate.name === input.name && !candidate.finalized);
  if (!artifact)
    throw new ApiError(
      404,
      `no pending artifact named "${input.name}" on this workflow run: call CreateArtifact first`,
    );
  const stored = ctx.core.blobs.size(artifact.blob);
  if (stored === undefined)
    throw new ApiError(400, `artifact "${input.name}" has no uploaded content: commit its blocks first`);
  if (stored !== input.size)
    throw new ApiError(
      400,
      `artifact "${input.name}": the finalized size ${input.size} is not the ${stored} bytes uploaded`,
    );
  if (input.hash && input.hash !== artifact.digest)
    throw new ApiError(
      400,
      `artifact "${input.name}": the hash ${input.hash} is not that of the uploaded bytes (${artifact.digest})`,
    );
  ctx.store.update(ctx.journal, 'artifact', artifact, { finalized: true, updatedAt: ctx.now });
  return artifact;
}

/** The finalized, unexpired artifacts of a run, oldest first. */
export function runArtifacts(ctx: DomainContext, run: WorkflowRunRecord): ArtifactRecord[] {
  const now = ctx.core.now();
  return ctx.store
    .where('artifact', `run:${run.id}`)
    .filter((artifact) => artifact.finalized && !isExpired(artifact, now))
    .sort((a, b) => a.id - b.id);
}

export function runArtifactNamed(ctx: DomainContext, run: WorkflowRunRecord, name: string): ArtifactRecord {
  const artifact = runArtifacts(ctx, run)
    .filter((candidate) => candidate.name === name)
    .at(-1);
  if (!artifact) throw new ApiError(404, `no artifact named "${name}" on this workflow run`);
  return artifact;
}

/** A short-lived signed URL the artifact's bytes are downloaded from; 410 once it has expired. */
export function artifactDownloadUrl(ctx: DomainContext, artifact: ArtifactRecord): string {
  if (isExpired(artifact, ctx.core.now())) throw new ApiError(410, 'Artifact has expired');
  if (!artifact.finalized) throw notFound();
  return signedBlobUrl(ctx, artifactBlobPath(artifact), 'r', DOWNLOAD_URL_LIFETIME);
}

export function removeArtifact(ctx: DomainContext, artifact: ArtifactRecord): void {
  ctx.store.remove(ctx.journal, 'artifact', artifact);
  ctx.core.blobs.remove(artifact.blob);
}

/** Logs are served from the blob endpoint too, as GitHub redirects log downloads to storage. */
export const jobLogPath = (job: WorkflowJobRecord) => `/_blobs/actions-logs/jobs/${job.id}`;
export const runLogsPath = (run: WorkflowRunRecord) => `/_blobs/actions-logs/runs/${run.id}/logs.zip`;

export const logDownloadUrl = (ctx: DomainContext, path: string) => signedBlobUrl(ctx, path, 'r', 60_000);
