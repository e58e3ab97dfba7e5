import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { writeJsonCache } from '../lib/json-file.js';
import type { PreparedCriterion } from '../evaluate/criteria.js';
import type { AgentCommand } from '../harness/agent.js';
import type { Scenario } from '../scenarios/schema.js';
import type { ScenarioRunResult, ScenarioResult, SuiteResult } from './results.js';
import type { GitHubClone } from '../clones/github/index.js';
import { runOnce, startScenarioClone, type JudgeConfig } from './run-once.js';
import type { Slots } from '../lib/slots.js';
import { scenarioFromRuns, suiteSatisfaction } from './merge.js';
import { monotonicMs } from '../lib/elapsed.js';

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
  /** Runs only the (scenario, run) pairs it accepts (a shard of the suite); the result holds the scenarios it ran. */
  select?: (scenario: Scenario, run: number) => boolean;
  /** Slots shared with other suites running at the same time, so that together they respect one limit. */
  slots?: Slots;
}

/**
 * Runs every scenario `runs` times, at most `concurrency` runs at once, each on its own clone.
 * A scenario's satisfaction is 100 × passed runs / runs; the suite passes when every scenario
 * meets the threshold.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const startedAt = new Date().toISOString();
  const started = monotonicMs();
  const tasks = options.scenarios
    .flatMap((entry, scenarioIndex) =>
      Array.from({ length: options.runs ?? entry.scenario.config.runs }, (_, run) => ({
        entry,
        scenarioIndex,
        index: run + 1,
      })),
    )
    .filter((task) => !options.select || options.select(task.entry.scenario, task.index));
  const results: ScenarioRunResult[][] = options.scenarios.map(() => []);
  const runTask = async (task: (typeof tasks)[number], clone?: GitHubClone) => {
    const release = await options.slots?.acquire();
    if (options.signal?.aborted) {
      release?.();
      return;
    }
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
    }).finally(() => release?.());
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

  // A slice of the suite (`select`) holds the scenarios it has runs of.
  const selected = new Set(tasks.map((task) => task.scenarioIndex));
  const scenarios = options.scenarios.flatMap((entry, index) =>
    options.select && !selected.has(index)
      ? []
      : [
          scenarioResult(
            entry,
            results[index]!.sort((a, b) => a.run - b.run),
            options.passThreshold,
          ),
        ],
  );
  // A suite cut short (Ctrl-C, a CI job's timeout) has not shown that its scenarios pass.
  const ran = results.reduce((sum, runs) => sum + runs.length, 0);
  const cancelled = options.signal?.aborted
    ? `cancelled: the suite was stopped after ${ran} of ${tasks.length} run(s) had started, so it does not pass`
    : undefined;
  const suite: SuiteResult = {
    schemaVersion: 1,
    ...(options.title ? { title: options.title } : {}),
    suiteId: randomUUID(),
    startedAt,
    durationMs: Math.round(monotonicMs() - started),
    passThreshold: options.passThreshold,
    passed: !cancelled && scenarios.every((scenario) => scenario.meetsThreshold),
    satisfaction: suiteSatisfaction(scenarios),
    totals: {
      scenarios: scenarios.length,
      runs: scenarios.reduce((sum, scenario) => sum + scenario.runs, 0),
      passedRuns: scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0),
    },
    scenarios,
    warnings: [...(options.warnings ?? []), ...(cancelled ? [cancelled] : [])],
  };
  writeJsonCache(join(options.cacheDir, 'last-run.json'), suite);
  // Every suite is kept (last-run.json is overwritten), so that runs can be compared over time.
  writeJsonCache(join(options.cacheDir, 'suites', `${suite.suiteId}.json`), suite);
  return suite;
}

function scenarioResult(entry: SuiteScenario, runs: ScenarioRunResult[], threshold: number): ScenarioResult {
  return scenarioFromRuns(
    {
      title: entry.scenario.title,
      file: entry.scenario.file,
      tags: entry.scenario.config.tags,
      warnings: entry.warnings,
    },
    runs,
    threshold,
  );
}
