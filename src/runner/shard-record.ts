import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import * as z from 'zod';
import { writeJsonFile } from '../lib/json-file.js';
import { mergeSuiteResults, MergeError, suiteSatisfaction } from './merge.js';
import { suiteResultSchema, type SuiteResult } from './results.js';
import { formatShard } from './shard.js';

/**
 * A shard's record, the directory a shard job uploads and a merge reads:
 *   shard.json          which shard, of how many, and every scenario's number of runs
 *   results.json        the runs of this shard (the `archal run -o json` format), files relative
 *   base/results.json   the same on the pull request's base, when it was compared
 *   runs/<runId>.json   each run's full record
 */
export const shardInfoSchema = z.object({
  schemaVersion: z.literal(1),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  scenarios: z.array(z.object({ file: z.string(), title: z.string(), runs: z.number().int().min(0) })),
  base: z.object({ sha: z.string().nullable(), compared: z.boolean(), problem: z.string().nullable() }).nullable(),
});
export type ShardInfo = z.infer<typeof shardInfoSchema>;

/** A suite with its scenario files relative to `repo`, scenarios that had no run in this slice dropped. */
export function portableSuite(suite: SuiteResult, repo: string): SuiteResult {
  const scenarios = suite.scenarios
    .filter((scenario) => scenario.runs > 0)
    .map((scenario) => ({
      ...scenario,
      file: relative(repo, scenario.file) || scenario.file,
      results: scenario.results.map((run) => ({ ...run, cacheFile: join('runs', basename(run.cacheFile)) })),
    }));
  return {
    ...suite,
    scenarios,
    passed: scenarios.every((scenario) => scenario.meetsThreshold),
    satisfaction: suiteSatisfaction(scenarios),
    totals: {
      scenarios: scenarios.length,
      runs: scenarios.reduce((sum, scenario) => sum + scenario.runs, 0),
      passedRuns: scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0),
    },
  };
}

/** Writes a suite (results.json) and its run records (runs/) into `dir`. */
export function writeSuiteRecord(dir: string, suite: SuiteResult, repo: string): void {
  mkdirSync(join(dir, 'runs'), { recursive: true });
  for (const scenario of suite.scenarios)
    for (const run of scenario.results)
      if (existsSync(run.cacheFile)) copyFileSync(run.cacheFile, join(dir, 'runs', basename(run.cacheFile)));
  writeJsonFile(join(dir, 'results.json'), portableSuite(suite, repo));
}

export function writeShardInfo(dir: string, info: ShardInfo): void {
  mkdirSync(dir, { recursive: true });
  writeJsonFile(join(dir, 'shard.json'), info);
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MergeError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'not JSON'}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new MergeError(
      `${file}: not a valid record: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

export interface MergedShards {
  /** Shards merged (0 when the directories held plain results without shard.json). */
  shards: number;
  head: SuiteResult;
  base: SuiteResult | null;
  /** Why the base is missing, when shards were asked to compare and one could not. */
  baseProblem: string | null;
  infos: ShardInfo[];
}

/**
 * Reads shard records (or plain `results.json` directories) and merges them. With shard.json,
 * every shard 1..n must be there exactly once and every run of every scenario accounted for, so a
 * shard whose job failed is an error rather than a silently smaller suite.
 */
export function mergeShardDirs(dirs: readonly string[]): MergedShards {
  if (dirs.length === 0) throw new MergeError('no directories to merge');
  const infos: Array<{ dir: string; info: ShardInfo | null }> = dirs.map((dir) => ({
    dir,
    info: existsSync(join(dir, 'shard.json')) ? readJson(join(dir, 'shard.json'), shardInfoSchema) : null,
  }));
  const withInfo = infos.filter((entry) => entry.info !== null) as Array<{ dir: string; info: ShardInfo }>;
  if (withInfo.length > 0 && withInfo.length < infos.length)
    throw new MergeError(
      `${infos.find((entry) => !entry.info)!.dir} has no shard.json while the others are shards: give only the directories of one sharded run`,
    );
  if (withInfo.length > 0) checkComplete(withInfo);
  const head = mergeSuiteResults(
    dirs.map((dir) => ({ label: dir, suite: readJson(join(dir, 'results.json'), suiteResultSchema) })),
  );
  if (withInfo.length > 0) checkRuns(head, withInfo[0]!.info);
  const compared = withInfo.length > 0 && withInfo.every((entry) => entry.info.base?.compared);
  const baseProblem = withInfo.map((entry) => entry.info.base?.problem).find((problem) => problem) ?? null;
  const base = compared
    ? mergeSuiteResults(
        dirs.map((dir) => ({ label: dir, suite: readJson(join(dir, 'base', 'results.json'), suiteResultSchema) })),
      )
    : null;
  return { shards: withInfo.length, head, base, baseProblem, infos: withInfo.map((entry) => entry.info) };
}

function checkComplete(entries: Array<{ dir: string; info: ShardInfo }>): void {
  const count = entries[0]!.info.shard.count;
  const seen = new Map<number, string>();
  for (const { dir, info } of entries) {
    if (info.shard.count !== count)
      throw new MergeError(
        `${dir} is shard ${formatShard(info.shard)} but ${entries[0]!.dir} is one of ${count}: every shard of a run has the same count`,
      );
    const other = seen.get(info.shard.index);
    if (other) throw new MergeError(`shard ${formatShard(info.shard)} appears twice: ${other} and ${dir}`);
    seen.set(info.shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0)
    throw new MergeError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((index) => formatShard({ index, count })).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: ${missing.length === 1 ? 'its job' : 'their jobs'} may have failed; rerun ${missing.length === 1 ? 'it' : 'them'} before merging`,
    );
}

function checkRuns(head: SuiteResult, info: ShardInfo): void {
  const byFile = new Map(head.scenarios.map((scenario) => [scenario.file, scenario.runs]));
  for (const scenario of info.scenarios) {
    const got = byFile.get(scenario.file) ?? 0;
    if (got !== scenario.runs)
      throw new MergeError(
        `${scenario.file} should have ${scenario.runs} run(s) across the shards but has ${got}: a shard did not finish its slice`,
      );
  }
}
