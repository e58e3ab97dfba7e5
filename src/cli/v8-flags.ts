import { setFlagsFromString } from 'node:v8';

/**
 * Sets V8 flags in a running CLI process. Node.js compiles its own modules from code caches that
 * V8 takes only under the flags they were made with: a module first loaded after a change is
 * compiled from source (`node:child_process`, with its streams and sockets, then took ~4 ms instead
 * of ~1). So the modules a run loads on its way are loaded first: `child_process`, which the CLI
 * bundles otherwise load when a process is first started (scripts/build.mjs: the bundles' own import
 * of it loads nothing until it is called), and Node's perf hooks (`performance`).
 */
export function setV8Flags(flags: string): void {
  process.getBuiltinModule('node:child_process');
  void performance.now();
  setFlagsFromString(flags);
}
