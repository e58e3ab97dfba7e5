import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * node:fs/promises and node:stream/promises, loaded with the first blob: most clones store none, and
 * loading them cost each clone's start.
 */
const fsp = () => process.getBuiltinModule('node:fs/promises');

export interface CommittedBlob {
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
}

/**
 * Blob storage on disk, as Azure block blobs work: blocks are staged under an id, then a block
 * list commits them, in its order, as the blob's content. Names are chosen by the clone (never by
 * a client), so they are safe file names.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  private path(name: string): string {
    return join(this.dir, name);
  }

  private blockPath(name: string, blockId: string): string {
    // Block ids are client-chosen base64: hashed, so that any id is a safe file name.
    return join(this.dir, `${name}.blocks`, createHash('sha256').update(blockId).digest('hex'));
  }

  async stageBlock(name: string, blockId: string, data: Readable, limit: number): Promise<number> {
    mkdirSync(join(this.dir, `${name}.blocks`), { recursive: true });
    const target = this.blockPath(name, blockId);
    let size = 0;
    data.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) data.destroy(new BlockTooLargeError());
    });
    await process.getBuiltinModule('node:stream/promises').pipeline(data, createWriteStream(target));
    return size;
  }

  /** Concatenates the staged blocks in `blockIds` order; fails when one was never staged. */
  async commit(name: string, blockIds: string[]): Promise<CommittedBlob> {
    const paths = blockIds.map((id) => this.blockPath(name, id));
    for (const [i, path] of paths.entries()) if (!(await exists(path))) throw new MissingBlockError(blockIds[i]!);
    const hash = createHash('sha256');
    const out = createWriteStream(this.path(name));
    let size = 0;
    for (const path of paths) {
      const data = await fsp().readFile(path);
      hash.update(data);
      size += data.length;
      if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await fsp().rm(join(this.dir, `${name}.blocks`), { recursive: true, force: true });
    return { size, sha256: hash.digest('hex') };
  }

  size(name: string): number | undefined {
    try {
      return statSync(this.path(name)).size;
    } catch {
      return undefined;
    }
  }

  read(name: string): Readable {
    return createReadStream(this.path(name));
  }

  remove(name: string): void {
    rmSync(this.path(name), { force: true });
    rmSync(join(this.dir, `${name}.blocks`), { recursive: true, force: true });
  }
}

export class MissingBlockError extends Error {
  constructor(readonly blockId: string) {
    super(`The specified block list is invalid: block ${blockId} was never staged.`);
  }
}

export class BlockTooLargeError extends Error {
  constructor() {
    super('The request body is too large and exceeds the maximum permissible limit.');
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fsp().stat(path);
    return true;
  } catch {
    return false;
  }
}
