import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatConfigProblem, loadConfig } from '../config/index.js';
import { resolveAgent } from '../harness/agent.js';
import { errorMessage } from '../lib/errors.js';
import { git, runGit } from '../lib/git.js';
import type { Slots } from '../lib/slots.js';
import { createProviderRegistry } from '../providers/registry.js';
import { formatProblems, judgeResolver, loadScenarios, type LoadedScenarios } from '../runner/load.js';
import { shardSelector, type Shard } from '../runner/shard.js';
import type { SuiteResult } from '../runner/results.js';
import { runSuite } from '../runner/suite.js';
import type { Scenario } from '../scenarios/schema.js';

/**
 * One side of a comparison (the pull request's base), or one shard: the scenarios of a directory
 * run with that directory's own configuration and agent, and nothing else — no preflight, no
 * classification, no command of the repository.
 */
export interface SideRequest {
  dir: string;
  scenarioPaths: readonly string[];
  tags: readonly string[];
  harness?: string;
  runs?: number;
  passThreshold: number;
  concurrency: number;
  slots?: Slots;
  /** Runs only this shard's slice of the (scenario × run) list, sliced from this directory's own scenarios. */
  shard?: Shard;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export type SideRun = { ok: true; suite: SuiteResult } | { ok: false; reason: string };

export async function runSide(request: SideRequest): Promise<SideRun> {
  const loaded = loadConfig(request.dir);
  if (loaded.status === 'invalid')
    return {
      ok: false,
      reason: `invalid .archal.json: ${loaded.errors.map((problem) => formatConfigProblem('.archal.json', problem)).join('; ')}`,
    };
  const config = loaded.config;
  let agent;
  try {
    agent = resolveAgent(request.harness ?? config.agent);
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
  const scenarios = loadScenarios(request.scenarioPaths, { config, cwd: request.dir, tags: request.tags });
  if (scenarios.errors.length > 0)
    return { ok: false, reason: `the scenarios do not load:\n${formatProblems(scenarios.errors, request.dir)}` };
  const suite = await runSuite({
    scenarios: scenarios.entries,
    agent,
    agentModel: config.agentModel,
    runs: request.runs,
    defaultSeed: config.seeds?.github,
    passThreshold: request.passThreshold,
    concurrency: request.concurrency,
    cwd: request.dir,
    cacheDir: join(request.dir, '.archal', 'cache'),
    judgeFor: judgeResolver(config, createProviderRegistry(config)),
    env: request.env,
    signal: request.signal,
    slots: request.slots,
    select: request.shard && shardOf(scenarios.entries, request),
  });
  return { ok: true, suite };
}

function shardOf(
  entries: LoadedScenarios['entries'],
  request: SideRequest,
): (scenario: Scenario, run: number) => boolean {
  const select = shardSelector(
    entries.map(({ scenario }) => ({
      file: relative(request.dir, scenario.file),
      runs: request.runs ?? scenario.config.runs,
    })),
    request.shard!,
  );
  return (scenario, run) => select(relative(request.dir, scenario.file), run);
}

export type BaseCheckout = { ok: true; dir: string; sha: string } | { ok: false; reason: string };

/**
 * A detached worktree of the base commit beside the repository, fetching the commit when the
 * checkout is shallow (as actions/checkout leaves it). The repository's installed dependencies
 * (node_modules) are linked in, so that the base's agent starts as the head's does.
 */
export async function checkoutBase(request: {
  repoRoot: string;
  sha: string;
  ref?: string;
  dir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<BaseCheckout> {
  const at = { cwd: request.repoRoot, env: request.env };
  const has = async (sha: string) => (await git(['cat-file', '-e', `${sha}^{commit}`], at)) !== undefined;
  if (!(await has(request.sha))) {
    const bySha = await runGit(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', request.sha], at);
    if (!bySha.ok && request.ref) await runGit(['fetch', '--quiet', '--no-tags', 'origin', request.ref], at);
    if (!(await has(request.sha)))
      return {
        ok: false,
        reason: `the base commit ${request.sha.slice(0, 12)} is not in the checkout and could not be fetched from origin (${bySha.stderr.split('\n')[0] || 'no detail'})`,
      };
  }
  rmSync(request.dir, { recursive: true, force: true });
  mkdirSync(join(request.dir, '..'), { recursive: true });
  const added = await runGit(['worktree', 'add', '--quiet', '--detach', request.dir, request.sha], at);
  if (!added.ok) return { ok: false, reason: `git worktree add failed: ${added.stderr}` };
  const modules = join(request.repoRoot, 'node_modules');
  if (existsSync(modules) && !existsSync(join(request.dir, 'node_modules')))
    symlinkSync(modules, join(request.dir, 'node_modules'));
  return { ok: true, dir: request.dir, sha: request.sha };
}

export async function removeBase(repoRoot: string, dir: string): Promise<void> {
  await runGit(['worktree', 'remove', '--force', dir], repoRoot);
  rmSync(dir, { recursive: true, force: true });
}
