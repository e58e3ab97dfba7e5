import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { runResultSchema, scenarioResultSchema, suiteResultSchema, type SuiteResult } from '../../runner/results.js';
import { JsonFileCache, type RecordProblem } from './json-files.js';
import { addMs, type RecordSummary } from './types.js';

/**
 * Scenario suites and runs as `archal run` records them under `.archal/cache/`: every suite in
 * `suites/<suiteId>.json` (and the newest in `last-run.json`), every run in `runs/<runId>.json`.
 */

export interface StoredSuite {
  id: string;
  file: string;
  suite: SuiteResult;
}

/**
 * What lists, charts and lookups read of a suite: parsing only these fields keeps a list of
 * thousands of suites cheap; a suite's page reads the whole file.
 */
const suiteHeadSchema = suiteResultSchema
  .pick({ suiteId: true, startedAt: true, durationMs: true, passThreshold: true, passed: true, totals: true })
  .extend({
    scenarios: z.array(
      scenarioResultSchema
        .pick({ title: true, file: true, runs: true, passedRuns: true, satisfaction: true })
        .extend({ results: z.array(z.object({ runId: z.string() })) }),
    ),
  });
export type SuiteHead = z.infer<typeof suiteHeadSchema>;

export interface StoredSuiteHead {
  id: string;
  file: string;
  suite: SuiteHead;
}

const changeSchema = z.looseObject({
  op: z.string(),
  kind: z.string(),
  id: z.unknown().optional(),
  key: z.string().nullable().optional(),
  fields: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).optional(),
});

const requestSchema = z.object({
  at: z.string().optional(),
  kind: z.string().optional(),
  method: z.string(),
  path: z.string(),
  query: z.string().optional(),
  operationId: z.string().nullable().optional(),
  notImplemented: z.boolean().optional(),
  status: z.number(),
  durationMs: z.number().optional(),
  actor: z.string().nullable().optional(),
  requestBody: z.unknown().optional(),
  responseBody: z.unknown().optional(),
  changes: z.array(changeSchema).optional(),
});

export const collectionDiffSchema = z.object({
  created: z.array(z.unknown()),
  updated: z.array(
    z.object({ id: z.unknown(), changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) }),
  ),
  deleted: z.array(z.unknown()),
});

/** The full record of one scenario run (`.archal/cache/runs/<runId>.json`), as far as the viewer reads it. */
const runRecordSchema = z.object({
  scenario: z.object({ title: z.string(), file: z.string(), seed: z.unknown().optional() }),
  result: runResultSchema,
  /** What the agent wrote to AGENT_TRACE_FILE and AGENT_METRICS_FILE, when it did. */
  harness: z.object({ trace: z.unknown().optional(), metrics: z.unknown().optional() }).default({}),
  requests: z.array(requestSchema).default([]),
  /** Per clone (`github`), per collection. */
  diff: z.record(z.string(), z.record(z.string(), collectionDiffSchema)).default({}),
});

export type ScenarioRunRecord = z.infer<typeof runRecordSchema> & { id: string; file: string };
export type RequestRecord = z.infer<typeof requestSchema>;
export type CollectionDiff = z.infer<typeof collectionDiffSchema>;

/** A suite written before suites had ids (an older last-run.json): named after when it started. */
function derivedSuiteId(suite: Pick<SuiteResult, 'startedAt'>): string {
  return createHash('sha256').update(`suite:${suite.startedAt}`).digest('hex').slice(0, 32);
}

export class ScenarioRecords {
  private readonly heads = new JsonFileCache(suiteHeadSchema);
  private readonly suites = new JsonFileCache(suiteResultSchema);
  private readonly runs = new JsonFileCache(runRecordSchema);

  constructor(readonly cacheDir: string) {}

  /** Every recorded suite, newest first; last-run.json counts when no suite file has its id. */
  listSuites(problems: RecordProblem[] = []): StoredSuiteHead[] {
    const byId = new Map<string, StoredSuiteHead>();
    const add = (file: string) => {
      const read = this.heads.read(file);
      if (!read) return;
      if (!read.ok) return void problems.push(read.problem);
      const id = read.value.suiteId ?? derivedSuiteId(read.value);
      if (!byId.has(id)) byId.set(id, { id, file, suite: read.value });
    };
    const dir = join(this.cacheDir, 'suites');
    if (existsSync(dir)) for (const name of readdirSync(dir).sort()) if (name.endsWith('.json')) add(join(dir, name));
    add(join(this.cacheDir, 'last-run.json'));
    return [...byId.values()].sort((a, b) => b.suite.startedAt.localeCompare(a.suite.startedAt));
  }

  /** A suite's JSON anywhere (`archal run -o json` saved to a file). */
  suiteFromFile(file: string): StoredSuite | { problem: RecordProblem } | undefined {
    const read = this.suites.read(file);
    if (!read) return undefined;
    if (!read.ok) return { problem: read.problem };
    return { id: read.value.suiteId ?? derivedSuiteId(read.value), file, suite: read.value };
  }

  suite(id: string): StoredSuite | undefined {
    const head = this.listSuites().find((entry) => entry.id === id);
    const read = head && this.suites.read(head.file);
    return read?.ok ? { id, file: head!.file, suite: read.value } : undefined;
  }

  /** Why a listed suite's whole file cannot be read, though what the list needs of it can. */
  suiteProblem(id: string): RecordProblem | undefined {
    const head = this.listSuites().find((entry) => entry.id === id);
    const read = head && this.suites.read(head.file);
    return read && !read.ok ? read.problem : undefined;
  }

  /** Ids of the recorded runs (file names), for lookups by prefix. */
  runIds(): string[] {
    const dir = join(this.cacheDir, 'runs');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
  }

  /** Where a run's full record is kept. */
  runFile(id: string): string {
    return join(this.cacheDir, 'runs', `${id}.json`);
  }

  /** A run's full record; a record that exists but cannot be read is an error the page shows. */
  run(id: string): { ok: true; record: ScenarioRunRecord } | { ok: false; problem: RecordProblem } | undefined {
    if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.')) return undefined;
    const file = this.runFile(id);
    const read = this.runs.read(file);
    if (!read) return undefined;
    if (!read.ok) return { ok: false, problem: read.problem };
    return { ok: true, record: { ...read.value, id, file } };
  }
}

/** A scenario is flaky in a suite when it passed some of its runs but not all. */
export function isFlaky(scenario: { runs: number; passedRuns: number }): boolean {
  return scenario.passedRuns > 0 && scenario.passedRuns < scenario.runs;
}

export function suiteSummary(entry: StoredSuiteHead, tags: string[] = []): RecordSummary {
  const { suite } = entry;
  const titles = suite.scenarios.map((scenario) => scenario.title);
  const shown = titles.slice(0, 3).join(', ') + (titles.length > 3 ? ` +${titles.length - 3} more` : '');
  const flaky = suite.scenarios.filter(isFlaky).length;
  return {
    kind: 'suite',
    id: entry.id,
    title: shown || '(no scenarios)',
    status: suite.passed ? 'passed' : 'failed',
    tone: suite.passed ? 'good' : 'bad',
    startedAt: suite.startedAt,
    at: addMs(suite.startedAt, suite.durationMs),
    durationMs: suite.durationMs,
    detail:
      `${suite.totals.passedRuns}/${suite.totals.runs} runs passed · ${suite.totals.scenarios} scenario(s) · threshold ${suite.passThreshold}%` +
      (flaky > 0 ? ` · ${flaky} flaky` : ''),
    tags,
  };
}
