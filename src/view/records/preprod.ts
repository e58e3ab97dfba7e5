import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preprodResultSchema, type PreprodResult } from '../../preprod/schema.js';
import { JsonFileCache, type RecordProblem } from './json-files.js';
import { addMs, type RecordSummary, type Tone } from './types.js';

/**
 * Pre-prod loops, as `archal preprod run` leaves them: `preprod-result.json` in its artifacts
 * directory (each loop replaces the previous one of the same directory). Looked for in the default
 * `.archal/preprod`, in the configured `preprod.artifacts`, and one level below `.archal/`.
 */

export interface StoredLoop {
  id: string;
  file: string;
  result: PreprodResult;
}

const RESULT_FILE = 'preprod-result.json';

/** Stable across restarts: the same file of the same loop always has the same id. */
function loopId(file: string, result: PreprodResult): string {
  return createHash('sha256').update(`preprod:${file}:${result.startedAt}`).digest('hex').slice(0, 32);
}

export class PreprodRecords {
  private readonly cache = new JsonFileCache(preprodResultSchema);

  constructor(
    readonly repo: string,
    /** Read on every look: `.archal.json` may change while the viewer runs. */
    private readonly extraDirs: () => readonly string[] = () => [],
  ) {}

  private candidates(): string[] {
    const archal = join(this.repo, '.archal');
    const dirs = [join(archal, 'preprod'), archal, ...this.extraDirs().map((dir) => resolve(this.repo, dir))];
    if (existsSync(archal))
      for (const entry of readdirSync(archal, { withFileTypes: true }))
        if (entry.isDirectory() && entry.name !== 'cache' && entry.name !== 'logs') dirs.push(join(archal, entry.name));
    return [...new Set(dirs.map((dir) => join(dir, RESULT_FILE)))];
  }

  list(problems: RecordProblem[] = []): StoredLoop[] {
    const loops: StoredLoop[] = [];
    for (const file of this.candidates()) {
      const read = this.cache.read(file);
      if (!read) continue;
      if (!read.ok) problems.push(read.problem);
      else loops.push({ id: loopId(file, read.value), file, result: read.value });
    }
    return loops.sort((a, b) => b.result.startedAt.localeCompare(a.result.startedAt));
  }

  loop(id: string): StoredLoop | undefined {
    return this.list().find((entry) => entry.id === id);
  }

  /** A loop named by its file (or the directory holding it), for `archal report <path>`. */
  fromPath(path: string): StoredLoop | { problem: RecordProblem } | undefined {
    const file = path.endsWith('.json') ? path : join(path, RESULT_FILE);
    const read = this.cache.read(file);
    if (!read) return undefined;
    if (!read.ok) return { problem: read.problem };
    return { id: loopId(file, read.value), file, result: read.value };
  }
}

export function loopTone(result: PreprodResult): Tone {
  switch (result.status) {
    case 'passed':
      return 'good';
    case 'planned':
    case 'dry_run':
      return 'neutral';
    case 'blocked':
    case 'budget_exhausted':
    case 'validation_failed':
    case 'pr_failed':
      return 'bad';
  }
}

export function loopSummary(entry: StoredLoop): RecordSummary {
  const { result } = entry;
  const fixes = result.attempts.filter((attempt) => attempt.attempt > 0).length;
  const last = result.attempts.at(-1);
  const runs = last?.scenarios.reduce((sum, scenario) => sum + scenario.runs, 0) ?? 0;
  const passed = last?.scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0) ?? 0;
  const parts = [
    `${result.scenarios.length} scenario(s)`,
    last ? `last attempt ${passed}/${runs} runs passed` : 'no scenario ran',
    `${fixes} fix attempt(s)`,
  ];
  if (result.pr?.url) parts.push(`PR #${result.pr.number ?? '?'}`);
  const titles = result.scenarios.map((scenario) => scenario.title);
  return {
    kind: 'preprod',
    id: entry.id,
    title: `Pre-prod loop: ${result.message}`,
    status: result.status,
    tone: loopTone(result),
    startedAt: result.startedAt,
    at: addMs(result.startedAt, result.durationMs),
    durationMs: result.durationMs,
    detail: [...parts, titles.slice(0, 3).join(', ') + (titles.length > 3 ? ` +${titles.length - 3} more` : '')]
      .filter(Boolean)
      .join(' · '),
    tags: result.stopReason === result.status ? [] : [result.stopReason],
  };
}
