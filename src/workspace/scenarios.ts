import { join, relative } from 'node:path';
import { locateAgent } from '../harness/locate.js';
import type { Slots } from '../lib/slots.js';
import { compiledPhrasesIn } from '../evaluate/phrase-cache.js';
import { runningBuildIdentity } from '../lib/build-identity.js';
import { createProviderRegistry } from '../providers/index.js';
import { judgeResolver, loadScenarios, type LoadedScenarios } from '../runner/load.js';
import type { ScenarioRunResult, SuiteResult } from '../runner/results.js';
import { shardSelector, type Shard } from '../runner/shard.js';
import { runSuite } from '../runner/suite.js';
import type { Scenario, ScenarioProblem } from '../scenarios/schema.js';
import { ensureIgnoredDir } from '../lib/ignored-dir.js';
import { INLINE_TASK_FILE, inlineTaskMarkdown, type InlineTask } from '../runner/inline-task.js';
import type { JudgeConfig } from '../runner/run-once.js';
import { seedFromSetup, type GeneratedSeed } from '../runner/setup-seed.js';
import type { Workspace } from './workspace.js';

export interface ScenarioSelection {
  /** Scenario files or directories, relative to the workspace (default: .archal.json "scenarios", else archal/ and scenarios/). */
  paths?: string[];
  /** Only scenarios with one of these tags. */
  tags?: string[];
  /** [P] criteria that no evaluator can judge are problems instead of being left out. */
  requireJudge?: boolean;
  /** One inline task instead of scenario files (`archal run --task`). */
  task?: InlineTask;
  /** Every run gets a given seed (`--seed`, `--replay-seed`): no seed is generated from Setup. */
  seeded?: boolean;
  /** The judge's model over every other setting (`-m`). */
  evaluatorModel?: string;
}

export type ScenarioLoad =
  | { kind: 'loaded'; scenarios: LoadedScenarios }
  /** Scenarios that do not validate (or need a judge there is none of): nothing should run. */
  | { kind: 'invalid'; problems: ScenarioProblem[] }
  /** No scenario to run: none found (`found: 0`), or none of those found has the tags asked for. */
  | { kind: 'nothing_to_run'; found: number };

/** The scenarios of a workspace, validated, as `runWorkspaceScenarios` runs them. */
export function loadWorkspaceScenarios(workspace: Workspace, selection: ScenarioSelection = {}): ScenarioLoad {
  // The criteria's phrases as this build compiled them before, kept in the user's Archal home.
  const code = runningBuildIdentity();
  const phrases = code === undefined ? undefined : compiledPhrasesIn(join(workspace.home, 'cache', 'phrases'), code);
  const scenarios = loadScenarios(selection.paths ?? [], {
    phrases,
    config: workspace.config,
    cwd: workspace.root,
    tags: selection.tags,
    seeded: selection.seeded,
    evaluatorModel: selection.evaluatorModel,
    ...(selection.task
      ? { inline: { file: join(workspace.root, INLINE_TASK_FILE), text: inlineTaskMarkdown(selection.task) } }
      : {}),
  });
  phrases?.save();
  // An inline task with no seed anywhere starts from small-project: a repository to work in.
  if (selection.task && !selection.seeded && !workspace.config.seeds?.github)
    for (const entry of scenarios.entries) entry.scenario.config.seed ??= 'small-project';
  const problems = [...scenarios.errors];
  if (selection.requireJudge)
    for (const entry of scenarios.entries)
      for (const criterion of entry.criteria)
        if (criterion.plan.mode === 'not_evaluated')
          problems.push({
            file: entry.scenario.file,
            line: criterion.line,
            message: `criterion ${criterion.id} needs a judge (--require-judge) but no evaluator is configured`,
          });
  if (problems.length > 0) return { kind: 'invalid', problems };
  if (scenarios.entries.length === 0) return { kind: 'nothing_to_run', found: scenarios.files.length };
  return { kind: 'loaded', scenarios };
}

export interface ScenarioRunRequest {
  /** The agent command, over .archal.json "agent" (none at all: MissingAgentError). */
  harness?: string;
  /** Runs per scenario, over each scenario's own. */
  runs?: number;
  /** Seed every run with this instead of the scenarios' own. */
  seed?: string;
  passThreshold: number;
  concurrency: number;
  signal?: AbortSignal;
  /** Warnings to keep in the results (formatted). */
  warnings?: string[];
  /** Seconds each run may take, over the scenarios' own (`-t`). */
  timeoutSeconds?: number;
  /** The agent's model over .archal.json `agentModel` (`--agent-model`). */
  agentModel?: string;
  /** The judge's model over every other setting (`-m`). */
  evaluatorModel?: string;
  /** The clone answers 429 after this many requests per token (`--rate-limit`). */
  rateLimit?: number;
  /** A scenario's runs share one clone, not seeded again between them (`--keep-state`). */
  keepState?: boolean;
  /** Seeds written from `## Setup`: reuse cached ones (`--seed-cache`), never (`--fresh-seed`). */
  seedCache?: { reuse: boolean; fresh?: boolean };
  /** Called once seeds are settled, before the first run (e.g. to save the seed with --save-seed). */
  beforeRuns?: (entries: LoadedScenarios['entries']) => void;
  /** Called when a scenario's seed is generated from its Setup (or read from the cache). */
  onSeedGenerated?: (scenario: Scenario, seed: GeneratedSeed) => void;
  onRunStarted?: (scenario: Scenario, index: number) => void;
  onRunFinished?: (scenario: Scenario, result: ScenarioRunResult) => void;
  /**
   * Only this slice of the (scenario × run) list: every machine that loads the same scenarios
   * computes the same slices (files are taken relative to the workspace).
   */
  shard?: Shard;
  /** Slots shared with other suites running at the same time, so that together they respect one limit. */
  slots?: Slots;
}

/**
 * Runs loaded scenarios in a workspace: the agent, evaluator, seeds and model from its .archal.json,
 * runs from its environment, each run's record in its `.archal/cache`.
 */
export async function runWorkspaceScenarios(
  workspace: Workspace,
  scenarios: LoadedScenarios,
  request: ScenarioRunRequest,
): Promise<SuiteResult> {
  const { config } = workspace;
  const cacheDir = join(workspace.root, '.archal', 'cache');
  ensureIgnoredDir(cacheDir);
  const judgeFor = judgeResolver(config, createProviderRegistry(config.assistants), request.evaluatorModel);
  const entries = await withGeneratedSeeds(workspace, scenarios, judgeFor, cacheDir, request);
  request.beforeRuns?.(entries);
  return runSuite({
    scenarios: entries,
    agent: locateAgent({
      harness: request.harness,
      agent: config.agent,
      root: workspace.root,
      env: workspace.env,
      passEnv: config.agentPassEnv,
    }),
    agentModel: request.agentModel ?? config.agentModel,
    runs: request.runs,
    seedOverride: request.seed,
    defaultSeed: config.seeds?.github,
    passThreshold: request.passThreshold,
    concurrency: request.concurrency,
    cwd: workspace.root,
    cacheDir,
    judgeFor,
    env: workspace.env,
    signal: request.signal,
    warnings: request.warnings,
    timeoutSeconds: request.timeoutSeconds,
    rateLimit: request.rateLimit,
    keepState: request.keepState,
    title: config.title,
    onRunStarted: request.onRunStarted,
    onRunFinished: request.onRunFinished,
    slots: request.slots,
    select: request.shard && shardOf(workspace.root, scenarios, request.shard, request.runs),
  });
}

/**
 * The scenarios whose `## Setup` stands for their seed, each with the seed its evaluator wrote from
 * it (a SeedGenerationError when it could not): every run of a scenario starts from the same one.
 */
async function withGeneratedSeeds(
  workspace: Workspace,
  scenarios: LoadedScenarios,
  judgeFor: (scenario: Scenario) => JudgeConfig | undefined,
  cacheDir: string,
  request: ScenarioRunRequest,
): Promise<LoadedScenarios['entries']> {
  const wanted = new Set(request.seed === undefined ? (scenarios.generatedSeeds ?? []) : []);
  const entries: LoadedScenarios['entries'] = [];
  for (const entry of scenarios.entries) {
    const judge = wanted.has(entry.scenario.file) ? judgeFor(entry.scenario) : undefined;
    if (!judge) {
      entries.push(entry);
      continue;
    }
    const generated = await seedFromSetup(entry.scenario, judge, {
      cacheDir,
      reuse: request.seedCache?.reuse ?? false,
      fresh: request.seedCache?.fresh,
      cwd: workspace.root,
      env: workspace.env,
      signal: request.signal,
    });
    request.onSeedGenerated?.(entry.scenario, generated);
    entries.push({ ...entry, scenario: { ...entry.scenario, seedState: generated.seed as Record<string, unknown> } });
  }
  return entries;
}

/** The runner's predicate for one shard of the scenarios' runs. */
function shardOf(
  root: string,
  scenarios: LoadedScenarios,
  shard: Shard,
  runs: number | undefined,
): (scenario: Scenario, run: number) => boolean {
  const select = shardSelector(
    scenarios.entries.map(({ scenario }) => ({
      file: relative(root, scenario.file),
      runs: runs ?? scenario.config.runs,
    })),
    shard,
  );
  return (scenario, run) => select(relative(root, scenario.file), run);
}
