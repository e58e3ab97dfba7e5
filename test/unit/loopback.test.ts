import { describe, expect, it } from '@jest/globals';
import { hostHeaderName, isLoopback } from '../../src/lib/loopback.js';

describe('isLoopback', () => {
  it('takes loopback addresses and localhost', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', 'localhost'])
      expect({ host, loopback: isLoopback(host) }).toEqual({ host, loopback: true });
  });

  it('refuses a DNS name that only starts like a loopback address (a rebound attacker name)', () => {
    for (const host of ['127.rebind.example', '127.0.0.1.nip.io', '127.', '127.0.0.1a', 'evil.example', ''])
      expect({ host, loopback: isLoopback(host) }).toEqual({ host, loopback: false });
    expect(isLoopback(hostHeaderName('127.rebind.example:8080'))).toBe(false);
  });
});
