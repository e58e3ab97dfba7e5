import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { writeJsonCache } from '../lib/json-file.js';
import type { PreparedCriterion } from '../evaluate/criteria.js';
import type { AgentCommand } from '../harness/agent.js';
import type { Scenario } from '../scenarios/schema.js';
import type { ScenarioRunResult, ScenarioResult, SuiteResult } from './results.js';
import type { GitHubClone } from '../clones/github/index.js';
import { runOnce, startScenarioClone, type JudgeConfig } from './run-once.js';

export interface SuiteScenario {
  scenario: Scenario;
  criteria: PreparedCriterion[];
  warnings: string[];
}

export interface SuiteOptions {
  scenarios: SuiteScenario[];
  agent: AgentCommand;
  agentModel?: string;
  /** Overrides every scenario's `runs`. */
  runs?: number;
  seedOverride?: string;
  defaultSeed?: string;
  passThreshold: number;
  concurrency: number;
  cwd: string;
  /** `.archal/cache` of the repository. */
  cacheDir: string;
  judgeFor: (scenario: Scenario) => JudgeConfig | undefined;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  warnings?: string[];
  /** Seconds each run may take, over the scenarios' own. */
  timeoutSeconds?: number;
  /** The clone answers 429 after this many requests per token. */
  rateLimit?: number;
  /** The project's name (.archal.json "title"), shown in reports. */
  title?: string;
  /** A scenario's runs share one clone, in order, without seeding it again (`--keep-state`). */
  keepState?: boolean;
  onRunStarted?: (scenario: Scenario, index: number) => void;
  onRunFinished?: (scenario: Scenario, result: ScenarioRunResult) => void;
}

/**
 * Runs every scenario `runs` times, at most `concurrency` runs at once, each on its own clone.
 * A scenario's satisfaction is 100 × passed runs / runs; the suite passes when every scenario
 * meets the threshold.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const tasks = options.scenarios.flatMap((entry, scenarioIndex) =>
    Array.from({ length: options.runs ?? entry.scenario.config.runs }, (_, run) => ({
      entry,
      scenarioIndex,
      index: run + 1,
    })),
  );
  const results: ScenarioRunResult[][] = options.scenarios.map(() => []);
  const runTask = async (task: (typeof tasks)[number], clone?: GitHubClone) => {
    options.onRunStarted?.(task.entry.scenario, task.index);
    const result = await runOnce({
      scenario: task.entry.scenario,
      criteria: task.entry.criteria,
      index: task.index,
      agent: options.agent,
      agentModel: options.agentModel,
      seedOverride: options.seedOverride,
      defaultSeed: options.defaultSeed,
      cwd: options.cwd,
      cacheDir: options.cacheDir,
      judge: options.judgeFor(task.entry.scenario),
      env: options.env,
      signal: options.signal,
      timeoutSeconds: options.timeoutSeconds,
      rateLimit: options.rateLimit,
      clone,
    });
    results[task.scenarioIndex]!.push(result);
    options.onRunFinished?.(task.entry.scenario, result);
  };
  // With --keep-state a unit of work is a whole scenario: its runs in order on one clone.
  const units = options.keepState
    ? options.scenarios.map((_, index) => tasks.filter((task) => task.scenarioIndex === index))
    : tasks.map((task) => [task]);
  let next = 0;
  const worker = async () => {
    while (next < units.length && !options.signal?.aborted) {
      const unit = units[next++]!;
      if (unit.length === 0) continue;
      if (!options.keepState) {
        await runTask(unit[0]!);
        continue;
      }
      const clone = await startScenarioClone(unit[0]!.entry.scenario, options);
      try {
        for (const task of unit) {
          if (options.signal?.aborted) break;
          await runTask(task, clone);
        }
      } finally {
        await clone.handle.stop();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, units.length)) }, worker));

  const scenarios = options.scenarios.map((entry, index) =>
    scenarioResult(
      entry,
      results[index]!.sort((a, b) => a.run - b.run),
      options.passThreshold,
    ),
  );
  const suite: SuiteResult = {
    schemaVersion: 1,
    ...(options.title ? { title: options.title } : {}),
    suiteId: randomUUID(),
    startedAt,
    durationMs: Math.round(performance.now() - started),
    passThreshold: options.passThreshold,
    passed: scenarios.every((scenario) => scenario.meetsThreshold),
    totals: {
      scenarios: scenarios.length,
      runs: scenarios.reduce((sum, scenario) => sum + scenario.runs, 0),
      passedRuns: scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0),
    },
    scenarios,
    warnings: options.warnings ?? [],
  };
  writeJsonCache(join(options.cacheDir, 'last-run.json'), suite);
  // Every suite is kept (last-run.json is overwritten), so that runs can be compared over time.
  writeJsonCache(join(options.cacheDir, 'suites', `${suite.suiteId}.json`), suite);
  return suite;
}

function scenarioResult(entry: SuiteScenario, runs: ScenarioRunResult[], threshold: number): ScenarioResult {
  const passedRuns = runs.filter((run) => run.passed).length;
  const satisfaction = runs.length === 0 ? 0 : Math.round((10000 * passedRuns) / runs.length) / 100;
  const failing = new Map<string, { id: string; text: string; failedRuns: number }>();
  for (const run of runs) {
    for (const criterion of run.criteria) {
      if (criterion.status !== 'failed' && criterion.status !== 'error') continue;
      const entryFor = failing.get(criterion.id) ?? { id: criterion.id, text: criterion.text, failedRuns: 0 };
      entryFor.failedRuns++;
      failing.set(criterion.id, entryFor);
    }
  }
  return {
    title: entry.scenario.title,
    file: entry.scenario.file,
    tags: entry.scenario.config.tags,
    runs: runs.length,
    passedRuns,
    satisfaction,
    meetsThreshold: runs.length > 0 && satisfaction >= threshold,
    failingCriteria: [...failing.values()],
    warnings: entry.warnings,
    results: runs,
  };
}
