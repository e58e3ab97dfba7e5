/**
 * A fast 64-bit hash of a string (two 32-bit multiplicative lanes over its UTF-8 bytes, four at a
 * time, with murmur3's finaliser), as 16 hex digits: for naming cache entries that store what they
 * were made from and are compared with it on every read, so that two texts sharing a name only cost
 * a miss. Not for anything that must resist an attacker.
 */
export function textHash(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  // Whole 32-bit words where the bytes are aligned for them (Node.js aligns its buffers to 8 bytes).
  const aligned = (bytes.byteOffset & 3) === 0;
  const wordCount = aligned ? bytes.length >>> 2 : 0;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, wordCount);
  let h1 = 0x811c9dc5 ^ bytes.length;
  let h2 = 0x01000193;
  for (let i = 0; i < wordCount; i++) {
    const word = words[i]!;
    h1 = Math.imul(h1 ^ word, 0x01000193);
    h2 = Math.imul(h2 ^ word, 0x5bd1e995) ^ (h1 >>> 15);
  }
  for (let i = wordCount * 4; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i]!, 0x5bd1e995) ^ (h1 >>> 15);
  }
  return hex(mix(h1 ^ Math.imul(h2, 0x27d4eb2d))) + hex(mix(h2 ^ h1));
}

const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

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
