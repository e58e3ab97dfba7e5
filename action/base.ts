import * as core from '@actions/core';
import { join } from 'node:path';
import type { Slots } from '../src/lib/slots.js';
import { compareSides, type Comparison, type SideScenario } from '../src/preprod/compare.js';
import { checkoutBase, removeBase, runSide, type SideRun } from '../src/preprod/side.js';
import type { SuiteResult } from '../src/runner/results.js';
import type { Shard } from '../src/runner/shard.js';
import { portableSuite } from '../src/runner/shard-record.js';
import type { ActionSetup } from './setup.js';

/** The base side of a pull request: its run, and the directory it ran in (null when it could not be checked out). */
export interface BaseSide {
  run: SideRun;
  dir: string | null;
}

/** Whether this run compares with the pull request's base. */
export function comparing(setup: ActionSetup): boolean {
  return setup.inputs['compare-base'] && setup.ctx.pullRequest !== null;
}

function worktreeOf(setup: ActionSetup): string {
  return join(setup.temp, 'base-worktree');
}

/**
 * The base side: the same scenarios, the same runs, on the pull request's base commit in a
 * worktree of its own, sharing the head's slots.
 */
export async function runBase(
  setup: ActionSetup,
  options: { runs?: number; passThreshold: number; slots: Slots; shard?: Shard },
): Promise<BaseSide> {
  const pull = setup.ctx.pullRequest!;
  const checkout = await checkoutBase({
    repoRoot: setup.repoRoot,
    sha: pull.baseSha,
    ref: pull.baseRef,
    dir: worktreeOf(setup),
    env: setup.env,
  });
  if (!checkout.ok) return { run: { ok: false, reason: checkout.reason }, dir: null };
  const dir = join(checkout.dir, setup.pathPrefix);
  const run = await runSide({
    dir,
    scenarioPaths: setup.inputs.scenarios,
    tags: setup.inputs.tags,
    harness: setup.inputs.harness,
    runs: options.runs,
    passThreshold: options.passThreshold,
    concurrency: options.slots.size,
    slots: options.slots,
    shard: options.shard,
    env: setup.env,
  });
  return { run, dir };
}

/** Removes the base's worktree, once its records are written. */
export async function removeBaseWorktree(setup: ActionSetup, side: BaseSide | null): Promise<void> {
  if (side?.dir) await removeBase(setup.repoRoot, worktreeOf(setup), setup.env);
}

function sideScenarios(suite: SuiteResult, repo: string): SideScenario[] {
  return portableSuite(suite, repo).scenarios.map((scenario) => ({
    file: scenario.file,
    title: scenario.title,
    passedRuns: scenario.passedRuns,
    runs: scenario.runs,
  }));
}

/** The verdicts of head against base; null (with a note) when the base could not be run. */
export function compareWithBase(
  setup: ActionSetup,
  head: { suite: SuiteResult | null; repo: string },
  base: BaseSide | null,
): Comparison | null {
  if (!base) return null;
  if (!base.run.ok) {
    noteBaseProblem(setup, base.run.reason);
    return null;
  }
  return compareSides(
    head.suite ? sideScenarios(head.suite, head.repo) : [],
    sideScenarios(base.run.suite, base.dir!),
    refsOf(setup),
  );
}

/** The merged shards' verdicts (their files are already relative). */
export function compareMerged(setup: ActionSetup, head: SuiteResult, base: SuiteResult): Comparison {
  const counts = (suite: SuiteResult) =>
    suite.scenarios.map((s) => ({ file: s.file, title: s.title, passedRuns: s.passedRuns, runs: s.runs }));
  return compareSides(counts(head), counts(base), refsOf(setup));
}

function refsOf(setup: ActionSetup): Parameters<typeof compareSides>[2] {
  const pull = setup.ctx.pullRequest;
  return pull ? { head: { ref: pull.headRef, sha: pull.headSha }, base: { ref: pull.baseRef, sha: pull.baseSha } } : {};
}

export function noteBaseProblem(setup: ActionSetup, reason: string): void {
  setup.notes.push(`The base was not compared: ${reason}`);
  core.warning(setup.redactor.text(setup.notes.at(-1)!));
}
