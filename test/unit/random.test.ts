import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from '../../src/lib/random.js';
import { sha256Hex } from '../../src/lib/sha256.js';
import { textHash } from '../../src/lib/text-hash.js';

describe('random names and ids without node:crypto', () => {
  it('gives version 4 UUIDs, none repeated', () => {
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the bytes asked for, small and large, none repeated', () => {
    for (const size of [0, 1, 3, 16, 128, 129, 4096, 70_000]) expect(randomBytes(size)).toHaveLength(size);
    const names = Array.from({ length: 2000 }, () => randomBytes(6).toString('hex'));
    expect(new Set(names).size).toBe(names.length);
    // Not all zero (the pool is filled, and what was handed out is cleared, not handed out again).
    expect(randomBytes(64).some((byte) => byte !== 0)).toBe(true);
    expect(() => randomBytes(-1)).toThrow(RangeError);
  });
});

describe('SHA-256 without node:crypto', () => {
  it('gives node:crypto’s digest, at and around every block boundary and for UTF-8 text', () => {
    const texts = [
      '',
      'abc',
      '/home/user/my project',
      'é€😀 path',
      ...[55, 56, 63, 64, 65, 119, 120, 1000].map((n) => 'x'.repeat(n)),
    ];
    for (const text of texts) expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('the hash that names cache entries', () => {
  it('is 16 hex digits, the same for the same text, and differs for texts that differ a little', () => {
    expect(textHash('name: a\n')).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash('name: a\n')).toBe(textHash('name: a\n'));
    const hashes = new Set(Array.from({ length: 50_000 }, (_, i) => textHash(`name: w${i}\nnodes: []\n`)));
    expect(hashes.size).toBe(50_000);
    // Every byte counts: the last ones past whole 32-bit words, and each byte of a character.
    const long = 'x'.repeat(10_003);
    expect(
      new Set([long, `${long}y`, `y${long}`, `${long.slice(1)}y`, `${long}é`, `${long}è`].map(textHash)).size,
    ).toBe(6);
  });
});
