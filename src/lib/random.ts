import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Random bytes and v4 UUIDs from the kernel's generator (/dev/urandom, what OpenSSL seeds
 * node:crypto's from), for names that must not repeat or be foreseen: run ids, temporary files.
 * Loading node:crypto for them cost every CLI command ~1 ms of its start-up (its ~15 modules and
 * their streams). Bytes are read ahead into a pool, as node:crypto's randomUUID does; where there is
 * no /dev/urandom, they come from Web Crypto.
 */
const POOL_SIZE = 512;
let pool: Buffer | undefined;
let used = POOL_SIZE;

function fill(target: Uint8Array): void {
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      let offset = 0;
      while (offset < target.length) {
        const read = readSync(fd, target, offset, target.length - offset, null);
        if (read <= 0) throw new Error('/dev/urandom gave no bytes');
        offset += read;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    // At most 65,536 bytes a call.
    for (let offset = 0; offset < target.length; offset += 65_536)
      globalThis.crypto.getRandomValues(target.subarray(offset, Math.min(target.length, offset + 65_536)));
  }
}

/** `size` random bytes (as node:crypto's randomBytes(size)). */
export function randomBytes(size: number): Buffer {
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`randomBytes: size must be a whole number ≥ 0, got ${size}`);
  if (size > POOL_SIZE / 4) {
    const bytes = Buffer.allocUnsafe(size);
    fill(bytes);
    return bytes;
  }
  if (pool === undefined || used + size > POOL_SIZE) {
    pool ??= Buffer.allocUnsafeSlow(POOL_SIZE);
    fill(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  // Bytes handed out are not kept.
  pool.fill(0, used, used + size);
  used += size;
  return bytes;
}

/** A random (version 4, RFC 9562) UUID, as node:crypto's randomUUID. */
export function randomUUID(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
