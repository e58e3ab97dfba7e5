import { setFlagsFromString } from 'node:v8';

/**
 * Sets V8 flags in a running CLI process. Node.js compiles its own modules from code caches that
 * V8 takes only under the flags they were made with: a module first loaded after a change is
 * compiled from source (`node:child_process`, with its streams and sockets, then took ~4 ms instead
 * of ~1). So the module a run loads on its way is loaded first: `child_process`, which the CLI
 * bundles otherwise load when a process is first started (scripts/build.mjs: the bundles' own import
 * of it loads nothing until it is called). Runs time things with `process.hrtime`
 * (src/lib/elapsed.ts), not Node's perf hooks.
 */
export function setV8Flags(flags: string): void {
  process.getBuiltinModule('node:child_process');
  setFlagsFromString(flags);
}
