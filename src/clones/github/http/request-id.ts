import { randomBytes } from 'node:crypto';

let counter = 0;
const prefix = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(2).toString('hex').toUpperCase()}:`;
const suffix = `:${process.pid.toString(16).toUpperCase()}`;

/** `X-GitHub-Request-Id`, shaped like GitHub's (`C0DE:1A2B:3F:…`), unique in the process. */
export function nextRequestId(): string {
  counter++;
  return `${prefix}${counter.toString(16).toUpperCase()}${suffix}`;
}
