import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../lib/errors.js';
import { git, runGitInWorkTree } from '../lib/git.js';
import type { Slots } from '../lib/slots.js';
import { formatScenarioProblems } from '../runner/load.js';
import type { Shard } from '../runner/shard.js';
import type { SuiteResult } from '../runner/results.js';
import { loadWorkspaceScenarios, runWorkspaceScenarios } from '../workspace/scenarios.js';
import { openWorkspace } from '../workspace/workspace.js';

/**
 * One side of a comparison (the pull request's base), or one shard: the scenarios of a directory
 * run with that directory's own configuration and agent, and nothing else — no preflight, no
 * classification, no command of the repository.
 */
export interface SideRequest {
  dir: string;
  /** Scenario files or directories, relative to `dir` (default: its .archal.json "scenarios", else archal/ and scenarios/). */
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
  try {
    const workspace = openWorkspace({ dir: request.dir, env: request.env });
    const loaded = loadWorkspaceScenarios(workspace, { paths: [...request.scenarioPaths], tags: [...request.tags] });
    if (loaded.kind === 'invalid')
      return {
        ok: false,
        reason: `the scenarios do not load:\n${formatScenarioProblems(loaded.problems, request.dir)}`,
      };
    // No scenario on this side (a pull request that adds the first ones): every scenario of the other side is new.
    const scenarios =
      loaded.kind === 'loaded' ? loaded.scenarios : { files: [], entries: [], errors: [], warnings: [] };
    const suite = await runWorkspaceScenarios(workspace, scenarios, {
      harness: request.harness,
      runs: request.runs,
      passThreshold: request.passThreshold,
      concurrency: request.concurrency,
      slots: request.slots,
      shard: request.shard,
      signal: request.signal,
    });
    return { ok: true, suite };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
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
  env: NodeJS.ProcessEnv;
}): Promise<BaseCheckout> {
  const at = { cwd: request.repoRoot, env: request.env };
  const has = async (sha: string) => (await git(['cat-file', '-e', `${sha}^{commit}`], at)) !== undefined;
  if (!(await has(request.sha))) {
    const bySha = await runGitInWorkTree(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', request.sha], at);
    if (!bySha.ok && request.ref) await runGitInWorkTree(['fetch', '--quiet', '--no-tags', 'origin', request.ref], at);
    if (!(await has(request.sha)))
      return {
        ok: false,
        reason: `the base commit ${request.sha.slice(0, 12)} is not in the checkout and could not be fetched from origin (${bySha.stderr.split('\n')[0] || 'no detail'})`,
      };
  }
  rmSync(request.dir, { recursive: true, force: true });
  mkdirSync(join(request.dir, '..'), { recursive: true });
  const added = await runGitInWorkTree(['worktree', 'add', '--quiet', '--detach', request.dir, request.sha], at);
  if (!added.ok) return { ok: false, reason: `git worktree add failed: ${added.stderr}` };
  const modules = join(request.repoRoot, 'node_modules');
  if (existsSync(modules) && !existsSync(join(request.dir, 'node_modules')))
    symlinkSync(modules, join(request.dir, 'node_modules'));
  return { ok: true, dir: request.dir, sha: request.sha };
}

export async function removeBase(repoRoot: string, dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  await runGitInWorkTree(['worktree', 'remove', '--force', dir], { cwd: repoRoot, env });
  rmSync(dir, { recursive: true, force: true });
}
