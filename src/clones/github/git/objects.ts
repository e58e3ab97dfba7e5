import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnv } from './env.js';
import { writePack, type ObjectType, type PackObject } from './pack-write.js';
import { storedZlib, unstoredZlib } from './stored-zlib.js';

export type { ObjectType } from './pack-write.js';
export { storedZlib, unstoredZlib } from './stored-zlib.js';

/**
 * node:zlib, loaded with the first object written or read: a scenario run starts its agent before it
 * seeds the clone, and loading zlib earlier would delay the agent's start.
 */
const zlib = () => process.getBuiltinModule('node:zlib');

/**
 * Objects up to this size are written as zlib streams of stored (uncompressed) blocks, made and
 * read back in JS. zlib's own deflate allocates some 256 KiB of state per call, which the allocator
 * hands back to the system on free, so every object written cost ~25 fresh page faults (and each
 * read ~5): most of seeding a repository, on a machine where a page fault is slow. Larger objects
 * are deflated, where the space saved is worth it.
 */
export const STORED_MAX_BYTES = 64 * 1024;

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

const SHA_RE = /^[0-9a-f]{40}$/;
export const isSha = (value: string): boolean => SHA_RE.test(value);

/** The id git gives an object: sha1 of `<type> <size>\0<data>`. */
export function hashObject(type: ObjectType, data: Buffer): string {
  return createHash('sha1').update(`${type} ${data.length}\0`).update(data).digest('hex');
}

let tmpCounter = 0;

/**
 * Objects each store keeps in memory, by id, of what it wrote and read: a scenario run reads back
 * what seeding wrote (parent trees while seeding, every tree and blob in the state snapshots), and
 * reading a file and checking its zlib stream cost more than the rest of the snapshot. An id names
 * its content, so a kept object can never be stale. Objects over STORED_MAX_BYTES are not kept, and
 * a store keeps at most this many bytes (a huge seed reads the rest from disk, as before).
 */
export const KEPT_OBJECT_BYTES = 8 * 1024 * 1024;

/**
 * The object database of one bare repository. Objects are written loose (zlib-deflated) straight
 * from JS, which is what makes seeding fast, or (seeding) packed together; reads fall back to
 * `git cat-file` for objects that a push left in a pack.
 */
export class ObjectStore {
  private readonly knownDirs = new Set<string>();
  private readonly kept = new Map<string, GitObject>();
  private keptBytes = 0;
  /** Objects written since `deferWrites()`, kept and not yet on disk. */
  private deferred: PackObject[] | undefined;
  /** The packs this store wrote (file names): every object in them is kept. */
  private readonly ownPacks = new Set<string>();

  constructor(readonly gitDir: string) {}

  private path(sha: string): string {
    return join(this.gitDir, 'objects', sha.slice(0, 2), sha.slice(2));
  }

  /**
   * From now until `writeDeferred()`, objects that can be kept are kept only, then written together
   * as one pack (seeding: no one reads the repository until it is seeded); larger ones are written
   * loose at once.
   */
  deferWrites(): void {
    this.deferred ??= [];
  }

  /** Writes the objects deferred since `deferWrites()` as one pack, and writes later ones loose again. */
  writeDeferred(): void {
    const deferred = this.deferred;
    this.deferred = undefined;
    if (!deferred?.length) return;
    this.ownPacks.add(`${writePack(join(this.gitDir, 'objects', 'pack'), deferred)}.pack`);
  }

  write(type: ObjectType, data: Buffer): string {
    const sha = hashObject(type, data);
    if (this.kept.has(sha)) return sha;
    if (this.deferred) {
      const object = { type, data: Buffer.from(data) };
      if (this.keep(sha, object)) {
        this.deferred.push({ sha, ...object });
        return sha;
      }
    }
    const dir = join(this.gitDir, 'objects', sha.slice(0, 2));
    if (!this.knownDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.knownDirs.add(dir);
    }
    const file = join(dir, sha.slice(2));
    const raw = Buffer.concat([Buffer.from(`${type} ${data.length}\0`), data]);
    const loose = raw.length <= STORED_MAX_BYTES ? storedZlib(raw) : zlib().deflateSync(raw, { level: 1 });
    // Write-then-rename: a reader (or git itself) never sees a half-written object.
    const tmp = `${file}.tmp${process.pid}-${tmpCounter++}`;
    writeFileSync(tmp, loose);
    renameSync(tmp, file);
    // Kept from `raw`, a copy: the caller's buffer stays the caller's.
    this.keep(sha, { type, data: raw.subarray(raw.length - data.length) });
    return sha;
  }

  /** The object, or undefined; its data is the caller's own copy. */
  read(sha: string): GitObject | undefined {
    const kept = this.kept.get(sha);
    if (kept) return { type: kept.type, data: Buffer.from(kept.data) };
    if (!isSha(sha)) return undefined;
    let raw: Buffer;
    try {
      const loose = readFileSync(this.path(sha));
      raw = unstoredZlib(loose) ?? zlib().inflateSync(loose);
    } catch {
      return this.readPacked(sha);
    }
    const nul = raw.indexOf(0);
    const [type] = raw.subarray(0, nul).toString('latin1').split(' ');
    const object = { type: type as ObjectType, data: raw.subarray(nul + 1) };
    this.keep(sha, { type: object.type, data: Buffer.from(object.data) });
    return object;
  }

  /** Whether the object is kept (now or already). */
  private keep(sha: string, object: GitObject): boolean {
    if (this.kept.has(sha)) return true;
    if (object.data.length > STORED_MAX_BYTES || this.keptBytes + object.data.length > KEPT_OBJECT_BYTES) return false;
    this.kept.set(sha, object);
    this.keptBytes += object.data.length;
    return true;
  }

  has(sha: string): boolean {
    return this.read(sha) !== undefined;
  }

  /**
   * Whether objects/pack holds a pack other than this store's own (whose objects are all kept);
   * pushes are unpacked into loose objects, so usually not.
   */
  private hasPacks(): boolean {
    try {
      return readdirSync(join(this.gitDir, 'objects', 'pack')).some(
        (name) => name.endsWith('.pack') && !this.ownPacks.has(name),
      );
    } catch {
      return false;
    }
  }

  private readPacked(sha: string): GitObject | undefined {
    // Unknown ids (an agent's typo, a SHA from another repository) must not cost a git process.
    if (!this.hasPacks()) return undefined;
    let out: Buffer;
    try {
      out = execFileSync('git', ['--git-dir', this.gitDir, 'cat-file', '--batch'], {
        input: `${sha}\n`,
        env: gitEnv(),
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch {
      return undefined;
    }
    const newline = out.indexOf(10);
    const header = out.subarray(0, newline).toString('latin1').split(' ');
    if (header[1] === 'missing' || header.length < 3) return undefined;
    const size = Number(header[2]);
    return { type: header[1] as ObjectType, data: out.subarray(newline + 1, newline + 1 + size) };
  }
}
