import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SecretRedactor } from '../lib/redact.js';
import type { FileOutcome } from './import.js';
import { writeFileAtomic, writeJsonAtomic, type AttachLayout } from './layout.js';

/** What is kept of a refused push: enough to see what was sent, not a copy of every large body. */
export const KEPT_BODY_BYTES = 1024 * 1024;
/** Redaction runs a little past the cut, so a secret that straddles it is still recognised whole. */
const REDACTION_MARGIN_BYTES = 64 * 1024;
/** Refused pushes kept per source; the oldest go first, so a sender that keeps failing cannot fill the disk. */
const KEPT_PUSHES = 100;

const BODY_SUFFIX = '.body';

/** The first `limit` bytes of `text`, ending on a whole UTF-8 character. */
function utf8Prefix(text: string, limit: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return bytes;
  let end = limit;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** Removes the oldest refused pushes of a source beyond the bound (names sort by time). */
function prune(layout: AttachLayout, prefix: string): void {
  const dir = join(layout.root, 'failed');
  const bodies = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith(BODY_SUFFIX))
    .sort();
  for (const body of bodies.slice(0, Math.max(0, bodies.length - KEPT_PUSHES))) {
    rmSync(join(dir, body), { force: true });
    rmSync(layout.failed(body.slice(0, -BODY_SUFFIX.length)), { force: true });
  }
}

/**
 * Keeps a push refused for its content in failed/: `<source>-<time>-<digest>.body` (its first MiB
 * as UTF-8 text, secrets redacted as in every artifact) and `<same name>.json` saying why, so the
 * sender's mistake can be seen. The same body refused twice in one second is one record.
 */
export function keepRefusedPush(
  layout: AttachLayout,
  source: string,
  env: NodeJS.ProcessEnv,
  body: Buffer,
  reason: string,
): FileOutcome {
  const refusedAt = new Date().toISOString();
  const prefix = `${source}-`;
  const name = `${prefix}${refusedAt.replace(/[-:.]/g, '')}-${createHash('sha256').update(body).digest('hex').slice(0, 8)}`;
  const read = body.subarray(0, KEPT_BODY_BYTES + REDACTION_MARGIN_BYTES);
  const redacted = new SecretRedactor([], env).text(read.toString('utf8'));
  const kept = utf8Prefix(redacted, KEPT_BODY_BYTES);
  const truncated = read.length < body.length || kept.length < Buffer.byteLength(redacted);
  const bodyFile = join(layout.root, 'failed', `${name}${BODY_SUFFIX}`);
  const record = layout.failed(name);
  writeFileAtomic(bodyFile, kept);
  writeJsonAtomic(record, {
    file: layout.display(bodyFile),
    source,
    reason,
    refusedAt,
    bytes: body.length,
    keptBytes: kept.length,
    truncated,
  });
  prune(layout, prefix);
  return { file: bodyFile, status: 'refused', reason, failedFile: record };
}
