import type { IncomingMessage } from 'node:http';

/** GitHub caps a webhook payload at 25 MB; anything larger did not come from GitHub. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export type WebhookBody = { ok: true; text: string } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a delivery's body before Probot sees it, so that what GitHub never sends is refused with a
 * 4xx that says why: a body over GitHub's cap (413, without buffering the rest), and JSON that is
 * not an object (`null`, an array, a number), which Octokit's middleware would answer with a 500.
 * Text that is not JSON at all is left to Octokit, which answers 400 after checking the signature.
 */
export function readWebhookBody(req: IncomingMessage, limit = MAX_WEBHOOK_BYTES): Promise<WebhookBody> {
  return new Promise((resolve, reject) => {
    // Too large: the rest is read and dropped before the 413, so the sender sees the answer rather
    // than a connection reset mid-upload; a body that goes on and on is cut off.
    const declared = Number(req.headers['content-length']);
    let refused = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) refused = true;
      if (refused) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT_FACTOR * limit) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the sender closed the connection before the body ended'));
    });
    req.on('end', () => {
      resolve(refused ? tooLarge(limit) : shapeOf(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** How far past the limit a refused body is read before the connection is closed on it. */
const DRAIN_LIMIT_FACTOR = 4;

function shapeOf(text: string): WebhookBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: true, text };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    return {
      ok: false,
      status: 400,
      message: `The webhook payload is ${kind}; GitHub sends a JSON object. Check the sender of this delivery.`,
    };
  }
  return { ok: true, text };
}

function tooLarge(limit: number): WebhookBody {
  return {
    ok: false,
    status: 413,
    message: `The webhook payload is over ${limit / 1024 / 1024} MB, GitHub's cap for a delivery.`,
  };
}
