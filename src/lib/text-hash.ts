/**
 * A fast 64-bit hash of a string (two 32-bit FNV-1a lanes with a final mix), as 16 hex digits: for
 * naming cache entries that store what they were made from and are compared with it on every read,
 * so that two texts sharing a name only cost a miss. Not for anything that must resist an attacker.
 */
export function textHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (
    (mix(h1 ^ Math.imul(h2, 0x27d4eb2d)) >>> 0).toString(16).padStart(8, '0') +
    (mix(h2 ^ h1) >>> 0).toString(16).padStart(8, '0')
  );
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
