import { statSync } from 'node:fs';
import { importFile, traceFiles, type FileOutcome, type ImportContext } from './import.js';

/**
 * Imports the files of a directory that are new or changed since the last scan. A file that is
 * still being written is imported again once it changes, and re-importing the same trace is a no-op.
 */
export class DirectoryScanner {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly context: ImportContext,
  ) {}

  async scan(): Promise<FileOutcome[]> {
    const outcomes: FileOutcome[] = [];
    for (const file of traceFiles([this.dir], this.context.layout.repo)) {
      let stamp: string;
      try {
        const stat = statSync(file);
        stamp = `${stat.size}:${stat.mtimeMs}`;
      } catch {
        continue; // removed since it was listed
      }
      if (this.seen.get(file) === stamp) continue;
      this.seen.set(file, stamp);
      outcomes.push(await importFile(file, this.context));
    }
    return outcomes;
  }
}

/** Waits `ms`, or less when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `trace-source watch`: scans `dir` every `intervalMs` until `signal` aborts. */
export async function watchDirectory(
  scanner: DirectoryScanner,
  options: { intervalMs: number; signal: AbortSignal; onScan: (outcomes: FileOutcome[]) => void },
): Promise<void> {
  while (!options.signal.aborted) {
    options.onScan(await scanner.scan());
    await pause(options.intervalMs, options.signal);
  }
}
