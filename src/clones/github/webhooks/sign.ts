import { createHmac, randomUUID } from 'node:crypto';

/** `X-Hub-Signature-256`: `sha256=` + HMAC-SHA256 of the exact body bytes with the webhook secret. */
export function signature256(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The legacy `X-Hub-Signature` (SHA-1), still sent by GitHub. */
export function signature1(secret: string, body: string): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}

export const deliveryGuid = (): string => randomUUID();
