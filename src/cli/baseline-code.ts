import { setV8Flags } from './v8-flags.js';

/**
 * For a CLI process about to run a workflow's nodes: no more optimised code from V8's optimising
 * compiler (TurboFan). Its compiles run on a background thread that competes for CPU with the nodes'
 * processes, and a run of short nodes is over before the optimised code pays them back (measured by
 * bench/engine-overhead: ~0.15 ms less per node on a 2-core machine). The engine's work is glue between
 * processes and the store; the heavy parts (JSON, SQLite, hashing) are native either way.
 *
 * Set after the CLI's code is compiled from its code cache, and after the Node.js modules a run
 * needs are loaded (setV8Flags): V8 checks a code cache against the flags, so code loaded after the
 * change is compiled from source.
 */
export function preferBaselineCode(): void {
  setV8Flags('--no-turbofan');
}
