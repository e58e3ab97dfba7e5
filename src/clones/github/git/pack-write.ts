import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storedZlib } from './stored-zlib.js';

/** git's object types, as a pack's entries number them. */
const TYPE_CODES = { commit: 1, tree: 2, blob: 3, tag: 4 } as const;

export type ObjectType = keyof typeof TYPE_CODES;

/** Objects to pack, each named by its id (hex). */
export interface PackObject {
  sha: string;
  type: ObjectType;
  data: Buffer;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE), as a pack index holds it for each entry. */
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** An entry's header: its type and size, the size in 4 then 7-bit groups, low bits first. */
function entryHeader(type: ObjectType, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (TYPE_CODES[type] << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

/**
 * Writes `objects` (distinct, none over 2 GiB in all) into `packDir` as one pack of whole (not
 * deltified) objects, with its version-2 index, as git itself would read them; returns the pack's
 * file name without its extension. One pack is two files where loose objects are a file and a
 * directory each: seeding a repository, and removing it, cost a fraction of the system calls.
 */
export function writePack(packDir: string, objects: readonly PackObject[]): string {
  const header = Buffer.alloc(12);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(objects.length, 8);
  const parts: Buffer[] = [header];
  const entries: Array<{ id: Buffer; crc: number; offset: number }> = [];
  let offset = header.length;
  for (const object of objects) {
    const entry = Buffer.concat([entryHeader(object.type, object.data.length), storedZlib(object.data)]);
    entries.push({ id: Buffer.from(object.sha, 'hex'), crc: crc32(entry), offset });
    parts.push(entry);
    offset += entry.length;
  }
  const packSum = createHash('sha1');
  for (const part of parts) packSum.update(part);
  const packId = packSum.digest();
  parts.push(packId);

  entries.sort((a, b) => Buffer.compare(a.id, b.id));
  const count = entries.length;
  const index = Buffer.alloc(8 + 256 * 4 + count * (20 + 4 + 4) + 20 + 20);
  index.writeUInt32BE(0xff744f63, 0);
  index.writeUInt32BE(2, 4);
  let at = 8;
  for (let byte = 0, seen = 0; byte < 256; byte++) {
    while (seen < count && entries[seen]!.id[0]! <= byte) seen++;
    index.writeUInt32BE(seen, at);
    at += 4;
  }
  for (const entry of entries) at += entry.id.copy(index, at);
  for (const entry of entries) at = index.writeUInt32BE(entry.crc, at);
  for (const entry of entries) at = index.writeUInt32BE(entry.offset, at);
  at += packId.copy(index, at);
  createHash('sha1').update(index.subarray(0, at)).digest().copy(index, at);

  const name = `pack-${packId.toString('hex')}`;
  // The pack before its index: git uses a pack once it finds the index.
  writeFileSync(join(packDir, `${name}.pack`), Buffer.concat(parts));
  writeFileSync(join(packDir, `${name}.idx`), index);
  return name;
}
