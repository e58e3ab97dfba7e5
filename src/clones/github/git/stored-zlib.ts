// zlib streams of stored (uncompressed) blocks, made and read in JS: see STORED_MAX_BYTES in objects.ts.

/** A stored block holds at most this many bytes (its length is 16 bits). */
const STORED_BLOCK_BYTES = 0xffff;
/** zlib's header for deflate with a 32 KiB window, "fastest" level: a multiple of 31 with the next byte. */
const ZLIB_HEADER = [0x78, 0x01] as const;

/** Adler-32 of `data`, as zlib's trailer holds it. */
function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before `b` could pass 2^32 (zlib's NMAX).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(start + 5552, data.length);
    for (let i = start; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** `data` as a zlib stream of stored blocks: what any zlib (git's too) inflates. */
export function storedZlib(data: Buffer): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_BLOCK_BYTES));
  const out = Buffer.allocUnsafe(2 + blocks * 5 + data.length + 4);
  out[0] = ZLIB_HEADER[0];
  out[1] = ZLIB_HEADER[1];
  let at = 2;
  for (let block = 0; block < blocks; block++) {
    const start = block * STORED_BLOCK_BYTES;
    const length = Math.min(STORED_BLOCK_BYTES, data.length - start);
    out[at] = block === blocks - 1 ? 1 : 0;
    out.writeUInt16LE(length, at + 1);
    out.writeUInt16LE(~length & 0xffff, at + 3);
    data.copy(out, at + 5, start, start + length);
    at += 5 + length;
  }
  out.writeUInt32BE(adler32(data), at);
  return out;
}

/**
 * The data of a zlib stream made only of byte-aligned stored blocks (as `storedZlib` writes them),
 * checked against its Adler-32; undefined for any other stream (compressed blocks: git's own
 * objects), which zlib then inflates.
 */
export function unstoredZlib(stream: Buffer): Buffer | undefined {
  if (stream.length < 11 || stream[0] !== ZLIB_HEADER[0] || stream[1] !== ZLIB_HEADER[1]) return undefined;
  const parts: Buffer[] = [];
  let at = 2;
  for (;;) {
    if (at + 5 > stream.length) return undefined;
    const header = stream[at]!;
    // BFINAL in bit 0, BTYPE 00 (stored) in bits 1–2, the padding to the byte boundary zero.
    if ((header & 0xfe) !== 0) return undefined;
    const length = stream.readUInt16LE(at + 1);
    if ((~length & 0xffff) !== stream.readUInt16LE(at + 3) || at + 5 + length > stream.length) return undefined;
    parts.push(stream.subarray(at + 5, at + 5 + length));
    at += 5 + length;
    if (header === 1) break;
  }
  if (at + 4 !== stream.length) return undefined;
  const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return adler32(data) === stream.readUInt32BE(at) ? data : undefined;
}
