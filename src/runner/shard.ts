import * as z from 'zod';

/** One of `count` slices of the (scenario × run) list, 1-based: `2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n ≤ 256, as `--shard` and the Action's `shard` input take it. */
export const shardSchema = z
  .string()
  .trim()
  .transform((text, context): Shard => {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match) context.addIssue({ code: 'custom', message: `expected i/n, such as 2/4 (got '${text}')` });
    else if (count < 1 || count > 256)
      context.addIssue({ code: 'custom', message: `the shard count must be between 1 and 256 (got ${count})` });
    else if (index < 1 || index > count)
      context.addIssue({
        code: 'custom',
        message: `shard ${index} of ${count} does not exist: i must be between 1 and ${count}`,
      });
    return { index, count };
  });

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** What a shard needs to know of a scenario: its stable key and its number of runs. */
export interface ShardScenario {
  /** Relative to the repository, so that every machine slices alike. */
  file: string;
  runs: number;
}

/**
 * The (file, run) pairs of one shard. The full list is ordered by file then run and dealt out
 * round-robin, so every machine computes the same slices from the same scenarios, and the runs of
 * one slow scenario spread over the shards instead of landing on one.
 */
export function shardTasks(scenarios: readonly ShardScenario[], shard: Shard): Array<{ file: string; run: number }> {
  const all = [...scenarios]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .flatMap((scenario) => Array.from({ length: scenario.runs }, (_, run) => ({ file: scenario.file, run: run + 1 })));
  return all.filter((_, position) => position % shard.count === shard.index - 1);
}

/** A predicate over (file, run) for the runner: is this run in the shard? */
export function shardSelector(
  scenarios: readonly ShardScenario[],
  shard: Shard,
): (file: string, run: number) => boolean {
  const wanted = new Set(shardTasks(scenarios, shard).map((task) => `${task.run}\u0000${task.file}`));
  return (file, run) => wanted.has(`${run}\u0000${file}`);
}
