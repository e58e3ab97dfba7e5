import { spawn } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';

/**
 * Sets V8 flags in a running CLI process. Node.js compiles its own modules from code caches that
 * V8 takes only under the flags they were made with: a module first loaded after a change is
 * compiled from source (`node:child_process`, with its streams and sockets, then took ~4 ms instead
 * of ~1). So the modules a run loads on its way are loaded first: `child_process`, which the CLI
 * bundles otherwise load when a process is first started (scripts/build.mjs), and Node's perf hooks
 * (`performance`).
 */
export function setV8Flags(flags: string): void {
  if (typeof spawn !== 'function') throw new Error('node:child_process has no spawn');
  void performance.now();
  setFlagsFromString(flags);
}
