import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {}

const EMPTY = Buffer.alloc(0);

/** Reads the request body, refusing more than `limit` bytes (413) without buffering the excess. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const length = req.headers['content-length'];
  // No length and no chunked encoding: there is no body (Node discards the empty stream itself).
  if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined)
    return Promise.resolve(EMPTY);
  const declared = Number(length);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
