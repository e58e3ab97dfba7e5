import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { errorMessage } from '../lib/errors.js';
import { jsonErrorAt } from '../lib/json-position.js';
import { hostHeaderName, isLoopback, namesLoopback } from '../lib/loopback.js';
import { otlpDocumentProblem } from './formats/otlp.js';
import { importText, isStackOverflow, NESTED_TOO_DEEPLY, type FileOutcome, type ImportContext } from './import.js';
import { sha256 } from './normalize.js';
import { keepRefusedPush } from './refused-push.js';

/** Pushed bodies larger than this are refused (413). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Traces kept in memory so that late spans join the spans that came before them. */
const MAX_TRACES_KEPT = 2000;

export interface OtlpServerOptions {
  port: number;
  host?: string;
  /** A trace is imported once its root span arrived and nothing new came for this long. */
  settleMs?: number;
  /** …or once nothing new came for this long, root or not. */
  maxWaitMs?: number;
  onImported?: (outcome: FileOutcome) => void;
  /** A push refused for its content, as kept in failed/. */
  onRefused?: (outcome: FileOutcome) => void;
  log?: (line: string) => void;
}

export interface OtlpServer {
  /** Where pushes go: `<baseUrl>/v1/traces`. */
  url: string;
  /** What OTEL_EXPORTER_OTLP_ENDPOINT takes (exporters append `/v1/traces`). */
  baseUrl: string;
  /** Imports every pending trace, then stops listening. */
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

interface Pending {
  /** Per-trace slices of the pushed documents, in arrival order. */
  resourceSpans: Json[];
  /** Digests of the slices held: a retried push (the same span again) adds nothing. */
  held: Set<string>;
  hasRoot: boolean;
  lastAt: number;
  dirty: boolean;
}

/** The spans of one trace in a push, and whether its root span is among them. */
interface TracePart {
  resourceSpans: Json[];
  hasRoot: boolean;
}

/** Splits a pushed ExportTraceServiceRequest into one resourceSpans list per trace id. */
function splitByTrace(document: Json): Map<string, TracePart> {
  const byTrace = new Map<string, TracePart>();
  for (const resource of (document.resourceSpans as unknown[]) ?? []) {
    if (!resource || typeof resource !== 'object') continue;
    const { scopeSpans, instrumentationLibrarySpans, ...rest } = resource as Json;
    for (const scope of ((scopeSpans ?? instrumentationLibrarySpans) as unknown[]) ?? []) {
      if (!scope || typeof scope !== 'object') continue;
      const { spans, ...scopeRest } = scope as Json;
      for (const span of (spans as unknown[]) ?? []) {
        const traceId = typeof (span as Json | null)?.traceId === 'string' ? ((span as Json).traceId as string) : '';
        const entry = byTrace.get(traceId) ?? { resourceSpans: [], hasRoot: false };
        entry.resourceSpans.push({ ...rest, scopeSpans: [{ ...scopeRest, spans: [span] }] });
        if (!(span as Json).parentSpanId) entry.hasRoot = true;
        byTrace.set(traceId, entry);
      }
    }
  }
  return byTrace;
}

/** A decompression whose output would pass the body limit becomes a 413. */
function decompressed(inflate: () => Buffer): Buffer {
  try {
    return inflate();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw Object.assign(new Error(`the decompressed body is larger than ${MAX_BODY_BYTES} bytes`), { status: 413 });
    throw error;
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error(`the body is larger than ${MAX_BODY_BYTES} bytes`), { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: Json): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * `trace-source serve`: an OTLP/HTTP receiver (`POST /v1/traces`, JSON encoding, optionally gzip)
 * that imports what it receives. Spans of one trace may come in several pushes: a trace is imported
 * when its root span has arrived and the trace has been quiet for a moment, and imported again
 * (as a changed trace) if more of its spans come later.
 */
export async function serveOtlp(context: ImportContext, options: OtlpServerOptions): Promise<OtlpServer> {
  const settleMs = options.settleMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const traces = new Map<string, Pending>();
  const log = options.log ?? (() => {});
  let importing = Promise.resolve();
  /** Set once listening: whether the address is loopback, where requests must name loopback too. */
  let loopbackOnly = true;

  const flush = (all: boolean) => {
    const now = Date.now();
    for (const [traceId, pending] of traces) {
      if (!pending.dirty) continue;
      const quiet = now - pending.lastAt;
      if (!all && !(pending.hasRoot && quiet >= settleMs) && quiet < maxWaitMs) continue;
      pending.dirty = false;
      const text = JSON.stringify({ resourceSpans: pending.resourceSpans });
      importing = importing
        .then(async () => {
          const outcome = await importText(text, context);
          options.onImported?.(outcome);
        })
        .catch((error: unknown) => log(`importing trace ${traceId} failed: ${errorMessage(error)}`));
    }
    // Forget the oldest settled traces beyond the bound.
    for (const [traceId, pending] of traces) {
      if (traces.size <= MAX_TRACES_KEPT) break;
      if (!pending.dirty) traces.delete(traceId);
    }
  };
  const timer = setInterval(() => flush(false), Math.max(50, Math.min(settleMs, 250)));
  timer.unref();

  const server = createServer((request, response) => {
    void (async () => {
      // Listening on loopback, the receiver is for this machine's exporters. A web page whose DNS name
      // was rebound to 127.0.0.1 reaches it as same-origin, with its own name in Host: refused, so
      // that no page can push traces for the loop to grade, reproduce and fix.
      if (loopbackOnly && !namesLoopback(request.headers.host))
        return answer(response, 403, {
          code: 7,
          message: `Host ${hostHeaderName(request.headers.host) || '(none)'} is not this machine: the receiver listens on loopback and answers only 127.0.0.1, ::1 and localhost (give --host to listen elsewhere)`,
        });
      const path = (request.url ?? '/').split('?')[0];
      if (path !== '/v1/traces')
        return answer(response, 404, { code: 5, message: `unknown path ${path}: OTLP traces go to POST /v1/traces` });
      if (request.method !== 'POST') return answer(response, 405, { code: 12, message: 'use POST /v1/traces' });
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json')
        return answer(response, 415, {
          code: 3,
          message: `content-type ${type || '(none)'} is not supported: send OTLP/HTTP with JSON encoding (OTEL_EXPORTER_OTLP_PROTOCOL=http/json)`,
        });
      let document: unknown;
      // What was received (decompressed when that worked), kept in failed/ when its content is refused.
      let body: Buffer | null = null;
      const refuse = (message: string) => {
        if (body) {
          try {
            options.onRefused?.(keepRefusedPush(context.layout, context.source, context.env, body, message));
          } catch (error) {
            log(`keeping the refused push in failed/ failed: ${errorMessage(error)}`);
          }
        }
        answer(response, 400, { code: 3, message });
      };
      try {
        const received = await readBody(request);
        body = received;
        const encoding = (request.headers['content-encoding'] ?? '').toLowerCase();
        // Decompressed bodies are held to the same limit, so a small gzip bomb cannot exhaust memory.
        if (encoding === 'gzip') body = decompressed(() => gunzipSync(received, { maxOutputLength: MAX_BODY_BYTES }));
        else if (encoding === 'deflate')
          body = decompressed(() => inflateSync(received, { maxOutputLength: MAX_BODY_BYTES }));
        else if (encoding && encoding !== 'identity')
          return answer(response, 415, { code: 3, message: `content-encoding ${encoding} is not supported (gzip is)` });
      } catch (error) {
        const message = `not an OTLP/JSON body: ${errorMessage(error)}`;
        const status = (error as { status?: number }).status;
        // Over the size limit: refused for its size, not its content, and not kept.
        if (status !== undefined) return answer(response, status, { code: 3, message });
        return refuse(message);
      }
      const text = body.toString('utf8');
      try {
        document = JSON.parse(text);
      } catch {
        // Where, not JSON.parse's message: that one quotes the body, which may hold a secret.
        return refuse(`not an OTLP/JSON body: ${jsonErrorAt(text)}`);
      }
      if (!document || typeof document !== 'object' || !Array.isArray((document as Json).resourceSpans))
        return refuse('not an OTLP/JSON ExportTraceServiceRequest: resourceSpans is missing');
      let parts: Array<{ traceId: string; part: TracePart; digests: string[] }>;
      try {
        // The parser's own check: a push is refused on receipt for what would refuse a file.
        const problem = otlpDocumentProblem(document as Json);
        if (problem) return refuse(`not an OTLP/JSON ExportTraceServiceRequest: ${problem}`);
        parts = [...splitByTrace(document as Json)].map(([traceId, part]) => ({
          traceId,
          part,
          digests: part.resourceSpans.map((slice) => sha256(JSON.stringify(slice))),
        }));
      } catch (error) {
        if (!isStackOverflow(error)) throw error;
        return refuse(`not an OTLP/JSON ExportTraceServiceRequest: ${NESTED_TOO_DEEPLY}`);
      }
      const now = Date.now();
      for (const { traceId, part, digests } of parts) {
        if (!traceId) continue;
        const pending = traces.get(traceId) ?? {
          resourceSpans: [],
          held: new Set<string>(),
          hasRoot: false,
          lastAt: now,
          dirty: true,
        };
        // Exporters and collectors retry pushes: a span already held is not added again, and a push
        // of nothing new neither delays nor repeats the trace's import. Differing copies of one span
        // are all kept; the OTLP parser chooses between them.
        const fresh = part.resourceSpans.filter((_slice, index) => {
          const digest = digests[index]!;
          if (pending.held.has(digest)) return false;
          pending.held.add(digest);
          return true;
        });
        if (fresh.length === 0) continue;
        pending.resourceSpans.push(...fresh);
        pending.hasRoot ||= part.hasRoot;
        pending.lastAt = now;
        pending.dirty = true;
        traces.delete(traceId);
        traces.set(traceId, pending);
      }
      answer(response, 200, { partialSuccess: {} });
    })().catch((error: unknown) => {
      log(`request failed: ${errorMessage(error)}`);
      if (!response.headersSent) answer(response, 500, { code: 13, message: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  loopbackOnly = isLoopback(address.address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${host}:${address.port}`;
  return {
    url: `${baseUrl}/v1/traces`,
    baseUrl,
    close: async () => {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      flush(true);
      await importing;
    },
  };
}
