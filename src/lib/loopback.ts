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

/**
 * Whether a request's `Host` header names this machine's loopback, with any port: what a server on
 * loopback checks against DNS rebinding (a web page whose name was rebound to 127.0.0.1 reaches it
 * as same-origin, with its own name in Host). `*.localhost` counts, as browsers resolve it to
 * loopback themselves (RFC 6761), so no page can rebind it.
 */
export function namesLoopback(header: string | undefined): boolean {
  const name = hostHeaderName(header);
  return isLoopback(name) || name.endsWith('.localhost') || name === '0:0:0:0:0:0:0:1';
}
