import { randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import {
  openGitHubClone,
  startGitHubClone,
  startRouteProxy,
  type GitHubClone,
  type GitHubCloneOptions,
  type OpenedGitHubClone,
  type RefusedRequest,
  type RequestLogEntry,
  type RouteProxy,
  type Seed,
} from '../clones/github/entry.js';
import type { ProviderName } from '../providers/schema.js';
import { buildContext, type EvaluationContext } from '../evaluate/context.js';
import {
  base,
  evaluateDeterministicCriterion,
  type CriterionResult,
  type PreparedCriterion,
} from '../evaluate/criteria.js';
import { compileCheck } from '../evaluate/deterministic.js';
import { judge } from '../evaluate/judge.js';
import { agentSecrets, type AgentCommand } from '../harness/agent.js';
import { outcomeDetail, runHarness, withheldKeysHint, type HarnessOutcome, type HarnessRun } from '../harness/run.js';
import { writeJsonCache } from '../lib/json-file.js';
import { archalHome } from '../lib/paths.js';
import { SecretRedactor } from '../lib/redact.js';
import type { Provider, Usage } from '../providers/types.js';
import type { Scenario } from '../scenarios/schema.js';
import type { FailureKind, ScenarioRunResult } from './results.js';
import { monotonicMs } from '../lib/elapsed.js';

export interface JudgeConfig {
  providerName: ProviderName;
  provider: Provider;
  model?: string;
}

export interface RunOnceOptions {
  scenario: Scenario;
  criteria: PreparedCriterion[];
  /** 1-based index of this run within the scenario. */
  index: number;
  agent: AgentCommand;
  agentModel?: string;
  /** The seed every run of every scenario uses (`--seed`), overriding the scenarios' own. */
  seedOverride?: string;
  /** .archal.json `seeds.github`: for scenarios that set no seed (relative to the repository). */
  defaultSeed?: string;
  /** The repository the agent runs in (its working directory). */
  cwd: string;
  cacheDir: string;
  judge?: JudgeConfig;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Seconds the agent may run, over the scenario's own (`archal run -t`). */
  timeoutSeconds?: number;
  /** The clone answers 429 after this many requests per token (`archal run --rate-limit`). */
  rateLimit?: number;
  /** A clone kept across the runs of a scenario (`--keep-state`): not seeded again, not stopped here. */
  clone?: GitHubClone;
}

/**
 * The seed of a scenario's runs: --seed, else its `## Seed State`, else `seed:`, else .archal.json
 * `seeds.github`, else `empty`; and where a seed file is found: the scenario's own next to it,
 * --seed and .archal.json ones in the repository.
 */
export function scenarioSeed(
  scenario: Scenario,
  options: { override?: string; configured?: string; cwd: string },
): { seed: string | Seed; base: string; own: boolean } {
  const own = options.override === undefined ? (scenario.seedState ?? scenario.config.seed) : undefined;
  if (own !== undefined)
    return { seed: typeof own === 'string' ? seedName(own) : (own as Seed), base: dirname(scenario.file), own: true };
  return { seed: seedName(options.override ?? options.configured ?? 'empty'), base: options.cwd, own: false };
}

/** `github:enterprise-repo` (Archal's clone:seed form) is the GitHub clone's `enterprise-repo`. */
export function seedName(seed: string): string {
  return seed.replace(/^github:(?!\/)/i, '');
}

/** Starts the GitHub clone a scenario's run (or, with --keep-state, its runs) works against. */
export function startScenarioClone(
  scenario: Scenario,
  options: Pick<RunOnceOptions, 'seedOverride' | 'defaultSeed' | 'cwd' | 'rateLimit'>,
): Promise<GitHubClone> {
  return startGitHubClone(scenarioCloneOptions(scenario, options));
}

/** The clone of one run, its port bound but not yet seeded (see `openGitHubClone`). */
function openScenarioClone(
  scenario: Scenario,
  options: Pick<RunOnceOptions, 'seedOverride' | 'defaultSeed' | 'cwd' | 'rateLimit'>,
): Promise<OpenedGitHubClone> {
  return openGitHubClone(scenarioCloneOptions(scenario, options));
}

function scenarioCloneOptions(
  scenario: Scenario,
  options: Pick<RunOnceOptions, 'seedOverride' | 'defaultSeed' | 'cwd' | 'rateLimit'>,
): GitHubCloneOptions {
  const { seed, base: seedBase } = scenarioSeed(scenario, {
    override: options.seedOverride,
    configured: options.defaultSeed,
    cwd: options.cwd,
  });
  // The control token keeps the agent from reading (or resetting) the state its criteria check.
  return {
    seed,
    cwd: seedBase,
    // Seed files a repository names (its scenarios, its .archal.json) stay inside it; --seed is the user's own.
    ...(options.seedOverride === undefined ? { seedRoot: options.cwd } : {}),
    logger: () => {},
    controlToken: randomBytes(24).toString('hex'),
    ...(options.rateLimit ? { rateLimit: { limit: options.rateLimit, kind: 'secondary' as const } } : {}),
  };
}

/** One run of one scenario on its own, freshly seeded clone. Never throws for the agent's failures. */
export async function runOnce(options: RunOnceOptions): Promise<ScenarioRunResult> {
  const { scenario } = options;
  const runId = randomUUID();
  const started = monotonicMs();
  const { seed } = scenarioSeed(scenario, {
    override: options.seedOverride,
    configured: options.defaultSeed,
    cwd: options.cwd,
  });
  // A fresh clone's port is bound first and the agent started at once: the clone is seeded and its
  // routes loaded while the agent boots. Its requests wait until the seeded state is recorded.
  const opened = options.clone ? undefined : await openScenarioClone(scenario, options);
  const address: Pick<GitHubClone, 'apiUrl' | 'token' | 'dir' | 'port'> = options.clone ?? opened!;
  let clone = options.clone;
  const logStart = options.clone ? options.clone.handle.requests().length : 0;
  const redactor = new SecretRedactor([address.token, ...agentSecrets(options.agent)], {
    ...options.env,
    ...options.agent.env,
  });
  // The agent's trace and metrics files live in the clone's directory, removed with it.
  const agentFiles = join(address.dir, 'agent-files', runId);
  const { routing } = scenario.config;
  // Stops the agent when the clone cannot be built, as well as when the caller cancels.
  const setup = new AbortController();
  const cancel = () => setup.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) setup.abort();
  let proxy: RouteProxy | undefined;
  try {
    // Route mode's files (CA certificate, trust bundle, preload) live in the clone's directory too;
    // its certificates are kept in the user's Archal home between runs.
    if (routing !== 'env')
      proxy = await startRouteProxy({
        target: { host: '127.0.0.1', port: address.port },
        dir: address.dir,
        authorityDir: join(archalHome(options.env), 'route'),
      });
    const routeProxy = proxy;
    const running = runHarness({
      agent: options.agent,
      task: scenario.prompt,
      model: options.agentModel,
      cloneUrls: { github: address.apiUrl, githubMcp: `${address.apiUrl}/mcp` },
      github: { apiUrl: routing === 'proxy' ? undefined : address.apiUrl, token: address.token },
      route: routeProxy ? (env) => routeProxy.env(env) : undefined,
      cwd: options.cwd,
      runDir: agentFiles,
      timeoutMs: (options.timeoutSeconds ?? scenario.config.timeout) * 1000,
      env: options.env,
      signal: setup.signal,
    });
    // Awaited below; until then a failure to start it must not count as unhandled.
    running.catch(() => {});
    const live = opened ? (clone = await buildWhileAgentBoots(opened, running, setup)) : options.clone!;
    const before = live.handle.state() as unknown as Record<string, unknown>;
    // Seeded, its state recorded: the clone answers the agent's requests from here on.
    opened?.serve();
    // While the agent runs, not after it: its criteria's expressions (compiled once per process).
    for (const criterion of options.criteria)
      if (criterion.plan.mode === 'deterministic') compileCheck(criterion.plan.check);
    const harness = await running;
    // A fresh clone that answered no request holds the state it was seeded with: the same snapshot.
    const after = opened?.served() === 0 ? before : (live.handle.state() as unknown as Record<string, unknown>);
    const log = live.handle.requests().slice(logStart);
    const refused = (proxy?.refused() ?? []).map(({ host, port, method }) => ({ host, port, method }));
    const requests = log.map(requestSummary);
    const context = buildContext(before, after, {
      exitCode: harness.exitCode,
      timedOut: harness.outcome.kind === 'timed_out',
      durationMs: Math.round(harness.durationMs),
      answer: harness.answer.text,
      requests,
    });

    const judged = await judgeCriteria(options, context, harness, redactor);
    const criteria: CriterionResult[] = [];
    for (const criterion of options.criteria) {
      switch (criterion.plan.mode) {
        case 'deterministic':
          criteria.push(await evaluateDeterministicCriterion(criterion, context));
          break;
        case 'judged':
          criteria.push(judged.results.get(criterion.id)!);
          break;
        case 'not_evaluated':
          criteria.push({
            ...base(criterion),
            form: 'not_evaluated',
            status: 'not_evaluated',
            detail: criterion.plan.reason,
          });
          break;
      }
    }

    const notImplemented = requests
      .filter((request) => request.notImplemented)
      .map(({ method, path }) => ({ method, path }));
    const harnessOk = harness.outcome.kind === 'ok';
    // A run in which nothing was checked (only [P] criteria, no evaluator) has not shown anything: no pass.
    const passed =
      harnessOk &&
      criteria.some((criterion) => criterion.status !== 'not_evaluated') &&
      criteria.every((criterion) => criterion.status === 'passed' || criterion.status === 'not_evaluated');
    // Criteria details quote state and answers: redacted before anything (the failure summary) repeats them.
    const shownCriteria = redactor.value(criteria);
    const classified = passed ? undefined : classify(harness.outcome, shownCriteria, notImplemented, refused);
    // An agent that crashes under Archal but not by hand often lacks a key its environment had.
    const failure =
      classified?.kind === 'harness'
        ? { ...classified, summary: classified.summary + withheldKeysHint(options.env, options.agent) }
        : classified;
    const cacheFile = join(options.cacheDir, 'runs', `${runId}.json`);
    const result: ScenarioRunResult = {
      runId,
      run: options.index,
      passed,
      failureKind: failure?.kind ?? null,
      failureSummary: failure?.summary ?? null,
      harness: {
        outcome: harness.outcome.kind,
        detail: outcomeDetail(harness.outcome),
        exitCode: harness.exitCode,
        durationMs: Math.round(harness.durationMs),
        answer: redactor.text(harness.answer.text),
        answerFormat: harness.answer.format,
        stderrTail: redactor.text(harness.stderrTail.slice(-2000)),
      },
      criteria: shownCriteria,
      requests: {
        total: requests.length,
        failed: requests.filter((request) => request.status >= 400).length,
        notImplemented,
        refused,
      },
      usage: judged.usage
        ? {
            inputTokens: judged.usage.inputTokens,
            outputTokens: judged.usage.outputTokens,
            ...(judged.usage.costUsd === undefined ? {} : { costUsd: judged.usage.costUsd }),
          }
        : null,
      durationMs: Math.round(monotonicMs() - started),
      cacheFile,
    };
    writeJsonCache(
      cacheFile,
      redactor.value({
        scenario: { title: scenario.title, file: scenario.file, seed, prompt: scenario.prompt },
        result,
        harness,
        requests: log,
        refused: proxy?.refused() ?? [],
        diff: context.diff,
      }),
    );
    return result;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    await proxy?.stop();
    if (opened) await (clone ? clone.handle.stop() : opened.abandon());
  }
}

/**
 * Builds a clone the agent may already be calling (its requests wait); when that fails, the agent is
 * stopped and gone before the error goes on.
 */
async function buildWhileAgentBoots(
  opened: OpenedGitHubClone,
  running: Promise<HarnessRun>,
  setup: AbortController,
): Promise<GitHubClone> {
  try {
    return await opened.build();
  } catch (error) {
    setup.abort();
    await running;
    throw error;
  }
}

function requestSummary(entry: RequestLogEntry) {
  return {
    method: entry.method,
    path: entry.path,
    status: entry.status,
    operationId: entry.operationId,
    notImplemented: entry.notImplemented,
    kind: entry.kind,
    durationMs: entry.durationMs,
  };
}

async function judgeCriteria(
  options: RunOnceOptions,
  context: EvaluationContext,
  harness: HarnessRun,
  redactor: SecretRedactor,
): Promise<{ results: Map<string, CriterionResult>; usage?: Usage }> {
  const results = new Map<string, CriterionResult>();
  const wanted = options.criteria.filter((criterion) => criterion.plan.mode === 'judged');
  if (wanted.length === 0) return { results };
  const form = (criterion: PreparedCriterion) =>
    criterion.plan.mode === 'judged' && criterion.plan.notDeterministic ? 'judged_not_deterministic' : 'judged';
  if (harness.outcome.kind !== 'ok' || !options.judge) {
    const detail = !options.judge ? 'no evaluator is configured' : 'not judged: the agent did not finish its run';
    for (const criterion of wanted)
      results.set(criterion.id, { ...base(criterion), form: form(criterion), status: 'not_evaluated', detail });
    return { results };
  }
  const verdict = await judge(
    wanted,
    {
      title: options.scenario.title,
      prompt: options.scenario.prompt,
      expectedBehavior: options.scenario.expectedBehavior,
      diff: context.diff.github,
      requests: context.run.requests.map(({ method, path, status, operationId }) => ({
        method,
        path,
        status,
        operationId,
      })),
      answer: context.run.answer,
    },
    {
      provider: options.judge.provider,
      providerName: options.judge.providerName,
      model: options.judge.model,
      cwd: options.cwd,
      env: options.env,
      signal: options.signal ?? new AbortController().signal,
      // The judge's provider is a third party: it gets the evidence without secrets.
      redactor,
    },
  );
  for (const criterion of wanted) {
    const decided = verdict.ok ? verdict.verdicts.get(criterion.id)! : undefined;
    results.set(
      criterion.id,
      decided
        ? {
            ...base(criterion),
            form: form(criterion),
            status: decided.passed ? 'passed' : 'failed',
            detail: decided.reason,
          }
        : {
            ...base(criterion),
            form: form(criterion),
            status: 'error',
            detail: verdict.ok ? 'no verdict' : verdict.error,
          },
    );
  }
  return { results, usage: verdict.usage };
}

/**
 * Whose fault a failed run is, in order: the harness (it did not start), routing (it tried to reach
 * a host other than GitHub's, which route mode refused: likely why it crashed or did nothing), a
 * clone gap (the agent needed a route the clone does not implement, whether it then went on, exited
 * non-zero, crashed or timed out: an agent's GitHub client throws on the clone's 404, so the crash is
 * the gap's doing), the harness (it crashed, timed out or was cancelled with no gap), the evaluator
 * (a criterion could not be evaluated), else the agent (it ran fine and criteria failed).
 */
export function classify(
  outcome: HarnessOutcome,
  criteria: readonly CriterionResult[],
  notImplemented: ReadonlyArray<{ method: string; path: string }>,
  refused: ReadonlyArray<Pick<RefusedRequest, 'host' | 'port'>> = [],
): { kind: FailureKind; summary: string } {
  if (outcome.kind !== 'not_started' && refused.length > 0) {
    const hosts = [...new Set(refused.map((request) => `${request.host}:${request.port}`))];
    return {
      kind: 'routing',
      summary: `the agent tried to reach ${hosts.slice(0, 3).join(', ')}${hosts.length > 3 ? ` and ${hosts.length - 3} more` : ''}, which route mode refused (only GitHub's hosts reach the clone)${outcome.kind === 'ok' ? '' : `, and ${outcomeDetail(outcome)}`}`,
    };
  }
  if (notImplemented.length > 0 && outcome.kind !== 'not_started' && outcome.kind !== 'cancelled') {
    const distinct = [...new Set(notImplemented.map((request) => `${request.method} ${request.path}`))];
    const routes = `${distinct.length} route(s) the clone does not implement: ${distinct.slice(0, 3).join(', ')}${distinct.length > 3 ? ', …' : ''}`;
    return {
      kind: 'clone_gap',
      summary:
        outcome.kind === 'ok'
          ? `the agent called ${routes}`
          : `the agent ${outcomeDetail(outcome)} after calling ${routes}`,
    };
  }
  if (outcome.kind !== 'ok') return { kind: 'harness', summary: `the agent ${outcomeDetail(outcome)}` };
  const broken = criteria.filter((criterion) => criterion.status === 'error');
  if (broken.length > 0)
    return { kind: 'evaluator', summary: `criterion ${broken[0]!.id} could not be evaluated: ${broken[0]!.detail}` };
  const failed = criteria.filter((criterion) => criterion.status === 'failed');
  if (failed.length === 0 && criteria.length > 0 && criteria.every((criterion) => criterion.status === 'not_evaluated'))
    return {
      kind: 'evaluator',
      summary: `no criterion was evaluated (${criteria[0]!.detail}), so the run shows nothing: set "evaluator" in .archal.json or the scenario's Config to judge its [P] criteria, or add a [D] criterion`,
    };
  return {
    kind: 'agent',
    summary:
      failed.length > 0
        ? `${failed.length} criterion(s) failed; first: ${failed[0]!.text} (${failed[0]!.detail})`
        : 'criteria failed',
  };
}
