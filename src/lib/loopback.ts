import { isIPv4 } from 'node:net';

/**
 * Whether an address or name is this machine's loopback (127.0.0.0/8, ::1, localhost). Only an
 * address is taken for 127.x: a DNS name such as `127.attacker.example` (what a rebound page sends
 * in Host) is no loopback.
 */
export function isLoopback(host: string): boolean {
  const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return host === '::1' || host === 'localhost' || (isIPv4(v4) && v4.startsWith('127.'));
}

/**
 * The name a request's `Host` header gives, without its port or the brackets of an IPv6 address,
 * lowercased; '' when there is none.
 */
export function hostHeaderName(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') === -1 ? undefined : host.indexOf(']'));
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
