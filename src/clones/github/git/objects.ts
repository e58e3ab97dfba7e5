import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnv } from './env.js';

/**
 * node:zlib, loaded with the first object written or read: a scenario run starts its agent before it
 * seeds the clone, and loading zlib earlier would delay the agent's start.
 */
const zlib = () => process.getBuiltinModule('node:zlib');

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

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
 * The object database of one bare repository. Objects are written loose (zlib-deflated) straight
 * from JS, which is what makes seeding fast; reads fall back to `git cat-file` for objects that a
 * push left in a pack.
 */
export class ObjectStore {
  private readonly knownDirs = new Set<string>();

  constructor(readonly gitDir: string) {}

  private path(sha: string): string {
    return join(this.gitDir, 'objects', sha.slice(0, 2), sha.slice(2));
  }

  write(type: ObjectType, data: Buffer): string {
    const sha = hashObject(type, data);
    const dir = join(this.gitDir, 'objects', sha.slice(0, 2));
    if (!this.knownDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.knownDirs.add(dir);
    }
    const file = join(dir, sha.slice(2));
    const loose = zlib().deflateSync(Buffer.concat([Buffer.from(`${type} ${data.length}\0`), data]), { level: 1 });
    // Write-then-rename: a reader (or git itself) never sees a half-written object.
    const tmp = `${file}.tmp${process.pid}-${tmpCounter++}`;
    writeFileSync(tmp, loose);
    renameSync(tmp, file);
    return sha;
  }

  read(sha: string): GitObject | undefined {
    if (!isSha(sha)) return undefined;
    let raw: Buffer;
    try {
      raw = zlib().inflateSync(readFileSync(this.path(sha)));
    } catch {
      return this.readPacked(sha);
    }
    const nul = raw.indexOf(0);
    const [type] = raw.subarray(0, nul).toString('latin1').split(' ');
    return { type: type as ObjectType, data: raw.subarray(nul + 1) };
  }

  has(sha: string): boolean {
    return this.read(sha) !== undefined;
  }

  /** Whether objects/pack holds a pack; pushes are unpacked into loose objects, so usually not. */
  private hasPacks(): boolean {
    try {
      return readdirSync(join(this.gitDir, 'objects', 'pack')).some((name) => name.endsWith('.pack'));
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
