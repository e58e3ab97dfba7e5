/** Whether an address or name is this machine's loopback (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return host === '::1' || host.startsWith('127.') || host === 'localhost' || host === '::ffff:127.0.0.1';
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
