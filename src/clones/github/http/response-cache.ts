import { hash } from 'node:crypto';
import type { Store } from '../state/store.js';

/**
 * A 200 JSON answer, rendered: its text (what the request log keeps), the bytes sent, its
 * validators and its own headers (`Link`), as a flat [name, value, …] list.
 */
export interface Rendered {
  text: string;
  bytes: string | Buffer;
  etag: string;
  lastModified: string | undefined;
  headers: string[];
}

/** Renders a JSON body once: text, weak `ETag` of the text, `Last-Modified` from a resource's `updated_at`. */
export function render(body: unknown, replyHeaders: Record<string, string> | undefined): Rendered {
  const text = JSON.stringify(body);
  const headers: string[] = [];
  if (replyHeaders) for (const name in replyHeaders) headers.push(name, replyHeaders[name]!);
  const updated =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as { updated_at?: unknown }).updated_at
      : undefined;
  const modified = typeof updated === 'string' ? Date.parse(updated) : NaN;
  return {
    text,
    bytes: text,
    etag: `W/"${hash('sha1', text)}"`,
    lastModified: Number.isNaN(modified) ? undefined : new Date(modified).toUTCString(),
    headers,
  };
}

/**
 * Rendered answers of read routes whose answer depends only on the state, who asks, the URL and
 * the `Accept` header, kept while the state stays at the version they were rendered at. Agents
 * poll the same lists again and again; a hit sends the same bytes without rendering, serialising
 * or hashing them, and the request log keeps a reference to the same text instead of a copy.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Rendered>();
  private store: Store | undefined;
  private version = -1;

  constructor(private readonly capacity = 256) {}

  get(store: Store, key: string): Rendered | undefined {
    this.sync(store);
    const entry = this.entries.get(key);
    // Encoded once, when first served again: most answers are never asked for twice.
    if (entry && typeof entry.bytes === 'string') entry.bytes = Buffer.from(entry.bytes);
    return entry;
  }

  /** Keeps `rendered` if the state is still at `version`, the version it was rendered at. */
  set(store: Store, version: number, key: string, rendered: Rendered): void {
    this.sync(store);
    if (this.version !== version) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, rendered);
  }

  private sync(store: Store): void {
    if (store === this.store && store.version === this.version) return;
    this.entries.clear();
    this.store = store;
    this.version = store.version;
  }
}
