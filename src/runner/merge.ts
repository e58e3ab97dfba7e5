import type { ScenarioRunResult, ScenarioResult, SuiteResult } from './results.js';

/** Why shard results cannot be merged: what is wrong, and in which part. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/**
 * Merges the results of shards (each a slice of the same suite's runs) into one suite result, as if
 * one machine had run every run: scenarios matched by file, runs ordered by their index,
 * satisfaction, failing criteria and totals recomputed. A run that two parts both hold, or parts
 * that disagree on the pass threshold, are errors.
 */
export function mergeSuiteResults(parts: ReadonlyArray<{ label: string; suite: SuiteResult }>): SuiteResult {
  if (parts.length === 0) throw new MergeError('nothing to merge: no results were given');
  const threshold = parts[0]!.suite.passThreshold;
  for (const part of parts)
    if (part.suite.passThreshold !== threshold)
      throw new MergeError(
        `${part.label} was run with pass threshold ${part.suite.passThreshold}%, ${parts[0]!.label} with ${threshold}%: shards of one suite share one threshold`,
      );
  const scenarios = new Map<
    string,
    { first: ScenarioResult; runs: Map<number, { run: ScenarioRunResult; label: string }> }
  >();
  const warnings = new Set<string>();
  for (const part of parts) {
    for (const warning of part.suite.warnings) warnings.add(warning);
    for (const scenario of part.suite.scenarios) {
      const entry = scenarios.get(scenario.file) ?? { first: scenario, runs: new Map() };
      scenarios.set(scenario.file, entry);
      for (const run of scenario.results) {
        const seen = entry.runs.get(run.run);
        if (seen && seen.run.runId !== run.runId)
          throw new MergeError(
            `run ${run.run} of ${scenario.file} is in both ${seen.label} and ${part.label}: each run belongs to one shard (were two shards given the same index?)`,
          );
        entry.runs.set(run.run, { run, label: part.label });
      }
    }
  }
  const merged = [...scenarios.values()]
    .sort((a, b) => (a.first.file < b.first.file ? -1 : a.first.file > b.first.file ? 1 : 0))
    .map(({ first, runs }) =>
      scenarioFromRuns(
        first,
        [...runs.values()].map((entry) => entry.run).sort((a, b) => a.run - b.run),
        threshold,
      ),
    );
  const starts = parts.map((part) => part.suite.startedAt).sort();
  return {
    schemaVersion: 1,
    startedAt: starts[0]!,
    durationMs: Math.max(...parts.map((part) => part.suite.durationMs)),
    passThreshold: threshold,
    passed: merged.every((scenario) => scenario.meetsThreshold),
    satisfaction: suiteSatisfaction(merged),
    totals: {
      scenarios: merged.length,
      runs: merged.reduce((sum, scenario) => sum + scenario.runs, 0),
      passedRuns: merged.reduce((sum, scenario) => sum + scenario.passedRuns, 0),
    },
    scenarios: merged,
    warnings: [...warnings],
  };
}

/** A scenario's result from its runs: satisfaction, threshold and failing criteria as the runner computes them. */
export function scenarioFromRuns(
  scenario: Pick<ScenarioResult, 'title' | 'file' | 'tags' | 'warnings'>,
  runs: ScenarioRunResult[],
  threshold: number,
): ScenarioResult {
  const passedRuns = runs.filter((run) => run.passed).length;
  const satisfaction = runs.length === 0 ? 0 : Math.round((10000 * passedRuns) / runs.length) / 100;
  const failing = new Map<string, { id: string; text: string; failedRuns: number }>();
  for (const run of runs)
    for (const criterion of run.criteria) {
      if (criterion.status !== 'failed' && criterion.status !== 'error') continue;
      const entry = failing.get(criterion.id) ?? { id: criterion.id, text: criterion.text, failedRuns: 0 };
      entry.failedRuns++;
      failing.set(criterion.id, entry);
    }
  return {
    title: scenario.title,
    file: scenario.file,
    tags: scenario.tags,
    runs: runs.length,
    passedRuns,
    satisfaction,
    meetsThreshold: runs.length > 0 && satisfaction >= threshold,
    failingCriteria: [...failing.values()],
    warnings: scenario.warnings,
    results: runs,
  };
}

/**
 * The suite's satisfaction: its lowest scenario's, the number the pass threshold is held against (as
 * the Action's `satisfaction` output); null for a suite without scenarios.
 */
export function suiteSatisfaction(scenarios: ReadonlyArray<Pick<ScenarioResult, 'satisfaction'>>): number | null {
  return scenarios.length === 0 ? null : Math.min(...scenarios.map((scenario) => scenario.satisfaction));
}

/** The suite judged at another pass threshold: each scenario's `meetsThreshold` and the suite's `passed` recomputed. */
export function withPassThreshold(suite: SuiteResult, threshold: number): SuiteResult {
  const scenarios = suite.scenarios.map((scenario) => ({
    ...scenario,
    meetsThreshold: scenario.runs > 0 && scenario.satisfaction >= threshold,
  }));
  return {
    ...suite,
    passThreshold: threshold,
    passed: scenarios.every((scenario) => scenario.meetsThreshold),
    scenarios,
  };
}
