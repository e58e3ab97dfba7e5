import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The scope `withRefsRead` opens: while it runs, each store lists its refs from disk once (again
 * after any store moves one, which opens a new scope). A synchronous scope reads the refs as they
 * were at one moment, as a state snapshot should (a push's git process may move one meanwhile: the
 * next scope sees it); a move itself reads the ref again, under its lock.
 */
let scope: object | undefined;

/**
 * Runs `read` (synchronous: a state snapshot, seeding) with each repository's refs listed once:
 * a snapshot lists every repository's branches twice, and seeding once per check run.
 */
export function withRefsRead<T>(read: () => T): T {
  if (scope) return read();
  scope = {};
  try {
    return read();
  } finally {
    scope = undefined;
  }
}

export type RefUpdateResult =
  | { kind: 'ok'; old: string | undefined }
  | { kind: 'stale'; current: string | undefined }
  | { kind: 'locked' }
  | { kind: 'conflict' };

/**
 * `git check-ref-format` rules: what git itself would refuse must never reach the disk (a ref name
 * is also a path under refs/, so this is what keeps `..` out).
 */
export function isValidRefName(ref: string): boolean {
  if (ref.length === 0 || ref.length > 1024) return false;
  if (ref === '@' || ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false;
  if (ref.includes('..') || ref.includes('//') || ref.includes('@{')) return false;
  return ref.split('/').every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'));
}

/** Loose and packed refs of a bare repository, updated with git's own lock-file protocol. */
export class RefStore {
  /** Every ref, as listed in the scope `withRefsRead` opened (`in`), until a ref is moved. */
  private listed: { in: object; refs: Map<string, string> } | undefined;

  constructor(readonly gitDir: string) {}

  /** Every ref under `prefix` (e.g. `refs/heads/`), loose refs overriding packed ones. */
  list(prefix = 'refs/'): Map<string, string> {
    if (!scope) return this.read(prefix);
    if (this.listed?.in !== scope) this.listed = { in: scope, refs: this.read('refs/') };
    const refs = new Map<string, string>();
    for (const [name, sha] of this.listed.refs) if (name.startsWith(prefix)) refs.set(name, sha);
    return refs;
  }

  private read(prefix: string): Map<string, string> {
    const refs = new Map<string, string>();
    for (const [name, sha] of this.packed()) if (name.startsWith(prefix)) refs.set(name, sha);
    const walk = (relative: string) => {
      let entries;
      try {
        entries = readdirSync(join(this.gitDir, relative), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const name = `${relative}/${entry.name}`;
        if (entry.isDirectory()) walk(name);
        else if (!entry.name.endsWith('.lock')) {
          const sha = this.readLoose(name, true);
          if (sha && name.startsWith(prefix)) refs.set(name, sha);
        }
      }
    };
    walk('refs');
    return refs;
  }

  get(ref: string): string | undefined {
    if (!isValidRefName(ref)) return undefined;
    if (scope && this.listed?.in === scope && ref.startsWith('refs/')) return this.listed.refs.get(ref);
    return this.current(ref);
  }

  /** What `ref` points at on disk now. */
  private current(ref: string): string | undefined {
    return this.readLoose(ref) ?? this.packed().get(ref);
  }

  setHead(ref: string): void {
    writeFileAtomic(join(this.gitDir, 'HEAD'), `ref: ${ref}\n`);
  }

  /**
   * Compare-and-swap: moves `ref` to `sha` (or deletes it when `sha` is null) only if it still
   * points at `expected` (`null` = must not exist; `undefined` = any value). Takes `<ref>.lock`
   * exactly as git does, so pushes running through git itself and API writes never clobber each other.
   */
  update(ref: string, sha: string | null, expected?: string | null): RefUpdateResult {
    if (!isValidRefName(ref)) return { kind: 'conflict' };
    // Whatever any store listed in this scope is read again (another store may name this repository).
    if (scope) scope = {};
    const file = join(this.gitDir, ref);
    const lock = `${file}.lock`;
    let fd: number;
    try {
      // Fails when a parent path is a ref itself (`refs/heads/main/x` next to `refs/heads/main`).
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      return { kind: 'conflict' };
    }
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'EEXIST' ? { kind: 'locked' } : { kind: 'conflict' };
    }
    try {
      // Read under the lock, from disk: the compare of compare-and-swap.
      const current = this.current(ref);
      if (expected !== undefined && (expected ?? undefined) !== current) {
        closeSync(fd);
        unlinkSync(lock);
        return { kind: 'stale', current };
      }
      if (sha === null) {
        closeSync(fd);
        unlinkSync(lock);
        this.removeLoose(ref);
        if (this.packed().has(ref)) this.rewritePacked(ref);
        return { kind: 'ok', old: current };
      }
      writeSync(fd, `${sha}\n`);
      closeSync(fd);
      try {
        renameSync(lock, file);
      } catch {
        unlinkSync(lock);
        return { kind: 'conflict' };
      }
      return { kind: 'ok', old: current };
    } catch (error) {
      try {
        unlinkSync(lock);
      } catch {
        // Already gone.
      }
      throw error;
    }
  }

  /** `listed`: the file was just listed (it is there); else a missing one makes no error to throw. */
  private readLoose(ref: string, listed = false): string | undefined {
    const file = join(this.gitDir, ref);
    if (!listed && !existsSync(file)) return undefined;
    try {
      const text = readFileSync(file, 'utf8').trim();
      return /^[0-9a-f]{40}$/.test(text) ? text : undefined;
    } catch {
      return undefined;
    }
  }

  private packed(): Map<string, string> {
    const refs = new Map<string, string>();
    const file = join(this.gitDir, 'packed-refs');
    // Usually there is none (pushes and the API write loose refs): no error made and thrown for it.
    if (!existsSync(file)) return refs;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return refs;
    }
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.startsWith('^') || line.length < 42) continue;
      refs.set(line.slice(41), line.slice(0, 40));
    }
    return refs;
  }

  private rewritePacked(without: string): void {
    const file = join(this.gitDir, 'packed-refs');
    const text = readFileSync(file, 'utf8');
    const kept: string[] = [];
    let skipPeeled = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('^')) {
        if (!skipPeeled) kept.push(line);
        continue;
      }
      skipPeeled = line.slice(41) === without;
      if (!skipPeeled) kept.push(line);
    }
    writeFileAtomic(file, kept.join('\n'));
  }

  private removeLoose(ref: string): void {
    try {
      unlinkSync(join(this.gitDir, ref));
    } catch {
      return;
    }
    // Empty directories left behind would block a later branch named like the directory.
    let dir = dirname(join(this.gitDir, ref));
    const stop = join(this.gitDir, ref.split('/').slice(0, 2).join('/'));
    while (dir.length > stop.length && dir.startsWith(stop)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
      dir = dirname(dir);
    }
  }
}

function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp${process.pid}`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, text);
  closeSync(fd);
  renameSync(tmp, file);
}
