import { setFlagsFromString } from 'node:v8';
import { setV8Flags } from './v8-flags.js';

let kept = false;

/**
 * For a CLI process about to load and run a workflow: V8's new space (the young generation) stays
 * the size start-up left it (2 MiB a semi-space), instead of doubling whenever enough of it survives
 * a scavenge — loading a workflow of 200 nodes doubled it, and a run of 800 took it to 32 MiB a
 * semi-space. libuv starts every node process with a full fork(), whose cost, and that of the exec
 * that follows it in the child, grows with the memory this process has touched: each MiB of new
 * space is 256 more pages to map copy-on-write and unmap again, at every node. A run's garbage is
 * short-lived (events, process results), so a small new space costs it little.
 *
 * The flag goes back to its default as the process exits, before anything else listening for the
 * exit (bin/archal.js writes the code cache then): V8 takes a code cache only under the flags it was
 * made with.
 */
export function keepYoungGenerationSmall(): void {
  if (kept) return;
  kept = true;
  setV8Flags('--semi-space-growth-factor=1');
  process.prependOnceListener('exit', () => setFlagsFromString('--semi-space-growth-factor=2'));
}
