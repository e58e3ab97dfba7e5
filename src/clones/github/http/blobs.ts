import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CloneCore } from '../core.js';
import { commitArtifactBlocks, isExpired, stageArtifactBlock } from '../domain/artifacts.js';
import { requestContext, type DomainContext } from '../domain/context.js';
import { zipArchive } from '../render/zip.js';
import { BlockTooLargeError } from '../state/blobs.js';
import { ApiError } from '../state/errors.js';
import type { ArtifactRecord } from '../state/model.js';
import { checkSignature } from '../state/signed-urls.js';
import { Journal } from '../state/store.js';
import { BodyTooLargeError, readBody } from './body.js';
import { nextRequestId } from './request-id.js';
import type { Exchange } from './server.js';

/** Everything under `/_blobs/`: artifact bytes and logs, reached only through signed URLs. */
export const BLOB_PREFIX = '/_blobs/';

const ARTIFACT = /^\/_blobs\/actions-results\/(\d+)\/([^/]+)$/;
const JOB_LOG = /^\/_blobs\/actions-logs\/jobs\/(\d+)$/;
const RUN_LOGS = /^\/_blobs\/actions-logs\/runs\/(\d+)\/logs\.zip$/;
const MAX_BLOCK_LIST_BYTES = 4 * 1024 * 1024;

/** The Azure error codes of the statuses the blob endpoint answers. */
const AZURE_CODE: Record<number, string> = {
  400: 'InvalidInput',
  404: 'BlobNotFound',
  405: 'UnsupportedHttpVerb',
  409: 'BlobImmutableDueToPolicy',
  410: 'BlobNotFound',
  413: 'RequestBodyTooLarge',
};

class BlobError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small Azure Blob Storage: the Put Block, Put Block List and Get Blob calls that
 * @azure/storage-blob makes for @actions/artifact's uploads and downloads, and log downloads.
 * Every request needs a signature the clone made for that path (`signQuery`), like a SAS URL.
 */
export async function handleBlob(core: CloneCore, exchange: Exchange): Promise<void> {
  const { req, res, path, search } = exchange;
  const started = performance.now();
  const requestId = nextRequestId();
  const journal = new Journal();
  const query = new URLSearchParams(search);
  const method = req.method ?? 'GET';
  const comp = query.get('comp');
  const operationId =
    method === 'PUT'
      ? comp === 'blocklist'
        ? 'blob/put-block-list'
        : 'blob/put-block'
      : `blob/${method.toLowerCase()}`;
  let status = 200;
  const headers: Record<string, string> = {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': query.get('sv') ?? '2024-11-04',
    date: new Date().toUTCString(),
  };
  const ctx = requestContext(core, { actor: { kind: 'anonymous' }, journal, requestId });
  try {
    const signed = checkSignature(core.signingKey, path, query, method === 'PUT' ? 'w' : 'r', core.now());
    if (signed.kind === 'invalid') throw new BlobError(signed.status, signed.code, signed.message);
    status = await serve(ctx, exchange, headers, comp, query);
  } catch (error) {
    req.resume();
    const failure = toBlobError(error);
    if (!failure) {
      core.config.warn(
        `${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    const { status: failed, code, message } = failure ?? new BlobError(500, 'InternalError', 'internal error');
    status = failed;
    const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}\nRequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`;
    if (!res.headersSent)
      res
        .writeHead(status, {
          ...headers,
          'x-ms-error-code': code,
          'content-type': 'application/xml',
          'content-length': String(Buffer.byteLength(body)),
        })
        .end(method === 'HEAD' ? undefined : body);
  } finally {
    core.log.add(
      {
        requestId,
        kind: 'blob',
        method,
        path,
        query: search,
        operationId,
        notImplemented: false,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        actor: null,
        changes: journal.changes,
        deliveries: [],
      },
      {},
    );
  }
}

function toBlobError(error: unknown): BlobError | undefined {
  if (error instanceof BlobError) return error;
  if (error instanceof ApiError)
    return new BlobError(error.status, AZURE_CODE[error.status] ?? 'InvalidInput', error.message);
  if (error instanceof BlockTooLargeError || error instanceof BodyTooLargeError)
    return new BlobError(
      413,
      'RequestBodyTooLarge',
      'The request body is too large and exceeds the maximum permissible limit.',
    );
  return undefined;
}

async function serve(
  ctx: DomainContext,
  { req, res, path }: Exchange,
  headers: Record<string, string>,
  comp: string | null,
  query: URLSearchParams,
): Promise<number> {
  const method = req.method ?? 'GET';
  const artifactMatch = ARTIFACT.exec(path);
  if (artifactMatch) {
    const artifact = ctx.store.get('artifact', Number(artifactMatch[1]));
    if (!artifact || encodeURIComponent(artifact.fileName) !== artifactMatch[2])
      throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    if (method === 'PUT' && comp === 'block') {
      await stageArtifactBlock(ctx, artifact, query.get('blockid') ?? '', req);
      res.writeHead(201, { ...headers, 'content-length': '0' }).end();
      return 201;
    }
    if (method === 'PUT' && comp === 'blocklist') {
      const xml = (await readBody(req, MAX_BLOCK_LIST_BYTES)).toString('utf8');
      const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2]!.trim());
      await commitArtifactBlocks(ctx, artifact, ids);
      res
        .writeHead(201, {
          ...headers,
          etag: `"0x${artifact.id.toString(16).toUpperCase()}"`,
          'last-modified': new Date(artifact.updatedAt).toUTCString(),
          'x-ms-request-server-encrypted': 'true',
          'content-length': '0',
        })
        .end();
      return 201;
    }
    if (method === 'GET' || method === 'HEAD') return sendArtifact(ctx, artifact, res, headers, method);
    throw new BlobError(405, 'UnsupportedHttpVerb', `The resource doesn't support the specified HTTP verb ${method}.`);
  }
  if (method !== 'GET')
    throw new BlobError(405, 'UnsupportedHttpVerb', `The resource doesn't support the specified HTTP verb ${method}.`);
  const jobMatch = JOB_LOG.exec(path);
  if (jobMatch) {
    const job = ctx.store.get('workflowJob', Number(jobMatch[1]));
    if (!job) throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    return sendBuffer(res, headers, Buffer.from(job.log, 'utf8'), 'text/plain; charset=utf-8');
  }
  const runMatch = RUN_LOGS.exec(path);
  if (runMatch) {
    const run = ctx.store.get('workflowRun', Number(runMatch[1]));
    if (!run) throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const jobs = ctx.store.where('workflowJob', `run:${run.id}`).sort((a, b) => a.id - b.id);
    const zip = zipArchive(
      jobs.map((job, i) => ({
        name: `${i}_${job.name.replace(/[/\\]/g, '_')}.txt`,
        data: Buffer.from(job.log, 'utf8'),
      })),
      new Date(run.updatedAt),
    );
    return sendBuffer(
      res,
      { ...headers, 'content-disposition': `attachment; filename=logs_${run.id}.zip` },
      zip,
      'application/zip',
    );
  }
  throw new BlobError(404, 'ResourceNotFound', 'The specified resource does not exist.');
}

function sendArtifact(
  ctx: DomainContext,
  artifact: ArtifactRecord,
  res: ServerResponse,
  headers: Record<string, string>,
  method: string,
): number {
  const size = ctx.core.blobs.size(artifact.blob);
  if (size === undefined || isExpired(artifact, ctx.core.now()))
    throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
  res.writeHead(200, {
    ...headers,
    'content-type': artifact.mimeType,
    'content-length': String(size),
    'content-disposition': `attachment; filename="${artifact.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(artifact.fileName)}`,
    etag: `"0x${artifact.id.toString(16).toUpperCase()}"`,
    'last-modified': new Date(artifact.updatedAt).toUTCString(),
    'x-ms-blob-type': 'BlockBlob',
    'accept-ranges': 'bytes',
  });
  if (method === 'HEAD') {
    res.end();
    return 200;
  }
  const stream = ctx.core.blobs.read(artifact.blob);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return 200;
}

function sendBuffer(res: ServerResponse, headers: Record<string, string>, data: Buffer, contentType: string): number {
  res.writeHead(200, { ...headers, 'content-type': contentType, 'content-length': String(data.length) });
  res.end(data);
  return 200;
}
