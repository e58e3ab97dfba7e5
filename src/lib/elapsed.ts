/**
 * Milliseconds on a monotonic clock, for measuring how long something took. `performance.now()`
 * would do the same, but its first use loads Node's perf hooks (nine modules, ~0.5 ms), which a
 * CLI start that only times its processes has no other use for.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
