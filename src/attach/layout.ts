import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { writeWhole } from '../lib/write-whole.js';

/** The directories of `.archal/attach/`, exactly as the post-prod loop documents them. */
export const ATTACH_DIRS = ['raw', 'grades', 'seeds', 'runs', 'fixes', 'failed', 'logs'] as const;

/** Where the post-prod loop keeps its state and artifacts for one repository. */
export class AttachLayout {
  readonly root: string;
  constructor(readonly repo: string) {
    this.root = join(repo, '.archal', 'attach');
  }

  get attachments(): string {
    return join(this.root, 'attachments.json');
  }
  get runsJsonl(): string {
    return join(this.root, 'runs.jsonl');
  }
  raw(traceId: string): string {
    return join(this.root, 'raw', `${traceId}.json`);
  }
  grade(traceId: string): string {
    return join(this.root, 'grades', traceId, 'grade.json');
  }
  seedDir(traceId: string): string {
    return join(this.root, 'seeds', traceId);
  }
  seed(traceId: string): string {
    return join(this.seedDir(traceId), 'seed.json');
  }
  scenario(traceId: string): string {
    return join(this.seedDir(traceId), 'scenario.md');
  }
  runDir(traceId: string): string {
    return join(this.root, 'runs', traceId);
  }
  fixDir(traceId: string): string {
    return join(this.root, 'fixes', traceId);
  }
  failed(fileName: string): string {
    return join(this.root, 'failed', `${fileName}.json`);
  }
  log(traceId: string): string {
    return join(this.root, 'logs', `${traceId}.log`);
  }

  /** Creates `.archal/attach/` and its directories. */
  ensure(): void {
    for (const dir of ATTACH_DIRS) mkdirSync(join(this.root, dir), { recursive: true });
  }

  /** A path as users should see it: relative to the repository when inside it. */
  display(path: string): string {
    const rel = relative(this.repo, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}

/** Writes a file whole or not at all (a crash never leaves half an artifact). */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: { mkdir?: boolean } = {}): void {
  if (options.mkdir !== false) mkdirSync(dirname(file), { recursive: true });
  writeWhole(file, content, 0o666);
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
