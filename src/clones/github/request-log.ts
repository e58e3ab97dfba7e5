import type { Change } from './state/store.js';
import type { Redactor } from './redact.js';

/**
 * What was called: the REST API, git over HTTP, the Actions results service (twirp, for
 * artifacts) or the blob endpoint artifacts and logs are uploaded to and downloaded from.
 */
export type LogKind = 'rest' | 'graphql' | 'mcp' | 'git' | 'results' | 'blob';

export interface RequestLogEntry {
  id: number;
  requestId: string;
  at: string;
  kind: LogKind;
  method: string;
  path: string;
  query: string;
  /** GitHub's operationId (`issues/create`), `git/receive-pack` for git traffic, null when unknown. */
  operationId: string | null;
  notImplemented: boolean;
  status: number;
  durationMs: number;
  /** Login the request acted as (`my-app[bot]` for installations, `app:<slug>` for app JWTs). */
  actor: string | null;
  requestBody: unknown;
  responseBody: unknown;
  /** State changes the request made, in order (created/updated/deleted records, moved refs). */
  changes: Change[];
  /** Ids of the webhook deliveries it caused. */
  deliveries: string[];
}

interface StoredEntry extends Omit<RequestLogEntry, 'requestBody' | 'responseBody' | 'at'> {
  /** Epoch ms; formatted when read. */
  atMs: number;
  requestText: string | undefined;
  responseText: string | undefined;
}

/** The characters of a body the log keeps (more are cut and marked `…[truncated]`). */
export const MAX_BODY_CHARS = 64 * 1024;

/**
 * A bounded log: the newest `capacity` requests, bodies capped at 64 KiB each. Credentials are
 * redacted whenever entries are read, so tokens issued after a request are redacted from it too.
 */
export class RequestLog {
  private entries: StoredEntry[] = [];
  private nextId = 1;

  constructor(
    private readonly redactor: Redactor,
    private readonly capacity = 10_000,
  ) {}

  add(
    entry: Omit<RequestLogEntry, 'id' | 'at' | 'requestBody' | 'responseBody'>,
    bodies: { request?: string; response?: string },
  ): number {
    const id = this.nextId++;
    this.entries.push({
      id,
      requestId: entry.requestId,
      atMs: Date.now(),
      kind: entry.kind,
      method: entry.method,
      path: entry.path,
      query: entry.query,
      operationId: entry.operationId,
      notImplemented: entry.notImplemented,
      status: entry.status,
      durationMs: entry.durationMs,
      actor: entry.actor,
      changes: entry.changes,
      deliveries: entry.deliveries,
      requestText: cap(bodies.request),
      responseText: cap(bodies.response),
    });
    // Trimmed in batches: splicing one entry off a full log on every request would be O(capacity).
    if (this.entries.length > this.capacity + Math.ceil(this.capacity / 10))
      this.entries.splice(0, this.entries.length - this.capacity);
    return id;
  }

  /** Entries after `since` (an entry id), oldest first. */
  list(options: { since?: number; notImplemented?: boolean } = {}): RequestLogEntry[] {
    return this.entries
      .slice(-this.capacity)
      .filter((entry) => entry.id > (options.since ?? 0))
      .filter((entry) => options.notImplemented === undefined || entry.notImplemented === options.notImplemented)
      .map(({ requestText, responseText, atMs, ...rest }) => ({
        ...rest,
        at: new Date(atMs).toISOString(),
        query: rest.query ? this.redactor.redactQuery(rest.query) : '',
        requestBody: this.redactor.redactSecretKeys(
          parse(requestText === undefined ? undefined : this.redactor.redact(requestText)),
        ),
        responseBody: this.redactor.redactSecretKeys(
          parse(responseText === undefined ? undefined : this.redactor.redact(responseText)),
        ),
      }));
  }

  clear(): void {
    this.entries = [];
  }
}

function cap(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…[truncated]` : text;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
