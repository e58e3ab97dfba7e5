import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArchalConfig } from '../config/schema.js';
import type { AgentCommand } from '../harness/agent.js';
import { currentBranch, remoteUrl } from '../lib/git.js';
import { writeJsonFile } from '../lib/json-file.js';
import { Redactor } from '../lib/redact.js';
import type { ProviderRegistry, Usage } from '../providers/types.js';
import { judgeResolver, type LoadedScenarios } from '../runner/load.js';
import { runSuite } from '../runner/suite.js';
import type { SuiteResult } from '../runner/results.js';
import type { Slots } from '../lib/slots.js';
import { preflightHarness } from '../harness/preflight.js';
import { parseGitHubRemote, type GitHubRemote } from '../github/index.js';
import { classifyFailures } from './classify.js';
import { restrictedEnvironment, runExternal } from './commands.js';
import { changedPaths, snapshotWorkingTree } from './git.js';
import { publishBuiltin, publishWithCommand, unpublished } from './publish.js';
import {
  fixUsageSchema,
  type CommandResult,
  type PreprodAttempt,
  type PreprodFailure,
  type PreprodResult,
  type PreprodStatus,
  type PreprodUsage,
} from './schema.js';
import { errorMessage } from '../lib/errors.js';

export interface PreprodOptions {
  repo: string;
  config: ArchalConfig;
  agent: AgentCommand | undefined;
  /** Why there is no agent, when there is none. */
  agentProblem?: string;
  scenarios: LoadedScenarios;
  plan: boolean;
  runs?: number;
  passThreshold: number;
  concurrency: number;
  dryRun: boolean;
  maxFixAttempts: number;
  allowExternalExecution: boolean;
  fixCommand?: string;
  /** Runs a DAG workflow as the fixer; returns what it cost. */
  fixWorkflow?: { name: string; run: (request: FixWorkflowRequest) => Promise<FixWorkflowOutcome> };
  validationCommand?: string;
  openPr: boolean;
  prCommand?: string;
  artifactsDir: string;
  maxCostUsd?: number;
  passEnv: string[];
  providers: ProviderRegistry;
  env: NodeJS.ProcessEnv;
  timeouts: { fixMs: number; validationMs: number; prMs: number };
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Slots shared with runs outside this loop (the base side of a comparison), so that together they respect one limit. */
  slots?: Slots;
  /** Told of each suite the loop runs: attempt 0 is the code as checked out, then one per fix attempt. */
  onSuite?: (attempt: number, suite: SuiteResult) => void;
}

export interface FixWorkflowRequest {
  failuresFile: string;
  attempt: number;
  usageFile: string;
  env: NodeJS.ProcessEnv;
  /** The fix timeout: the run is cancelled (its processes killed) when it is reached. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface FixWorkflowOutcome {
  result: CommandResult;
  runId: string;
  usage?: Usage;
}

/** Changes under these paths are Archal's own artifacts, never part of a fix. */
const ARTIFACT_PATHS = /^\.archal\/(cache|preprod|logs|artifacts|attach)\//;

/**
 * The pre-prod loop: run the scenarios, classify what failed, let a fix command patch (when allowed),
 * rerun every scenario, repeat up to --max-fix-attempts, validate, publish a draft PR and verify it.
 * Every decision is recorded in the result, whatever status it ends with.
 */
export async function runPreprod(options: PreprodOptions): Promise<PreprodResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const redactor = new Redactor([], options.env);
  const timings: Record<string, number> = {};
  const attempts: PreprodAttempt[] = [];
  const usage: PreprodUsage & { attempts: number } = { attempts: 0 };
  let preflight: PreprodResult['preflight'] = null;
  let validation: PreprodResult['validation'] = null;
  let pr: PreprodResult['pr'] = null;
  const artifacts = options.artifactsDir;
  mkdirSync(artifacts, { recursive: true });
  const prompts = new Map(options.scenarios.entries.map((entry) => [entry.scenario.file, entry.scenario.prompt]));

  const finish = (status: PreprodStatus, stopReason: string, message: string): PreprodResult => {
    const result: PreprodResult = {
      schemaVersion: 1,
      status,
      stopReason,
      message,
      repo: options.repo,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      options: optionsRecord(options),
      scenarios: options.scenarios.entries.map(({ scenario }) => ({
        title: scenario.title,
        file: relative(options.repo, scenario.file),
      })),
      preflight,
      attempts,
      usage,
      validation,
      pr,
      timings,
      artifacts: {
        dir: artifacts,
        result: join(artifacts, 'preprod-result.json'),
        failures: join(artifacts, 'preprod-failures.json'),
      },
    };
    const redacted = redactor.value(result);
    writeJsonFile(
      join(artifacts, 'preprod-failures.json'),
      redactor.value({
        schemaVersion: 1,
        attempt: attempts.at(-1)?.attempt ?? 0,
        failures: attempts.at(-1)?.failures ?? [],
      }),
    );
    writeJsonFile(join(artifacts, 'preprod-result.json'), redacted);
    return redacted;
  };
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] = Math.round((timings[phase] ?? 0) + performance.now() - at);
    }
  };

  // Resolve: everything that can stop the loop before it spends anything.
  if (!options.agent)
    return finish(
      'blocked',
      'missing_harness',
      options.agentProblem ?? 'No agent to test: set "agent" in .archal.json or pass --harness.',
    );
  if (options.scenarios.entries.length === 0)
    return finish(
      'blocked',
      'no_scenarios',
      'No scenarios to run: pass scenario files or set "scenarios" in .archal.json (`archal preprod plan --write-scenarios` writes starters).',
    );
  let remote: GitHubRemote | undefined;
  let token: string | undefined;
  let base: string | undefined;
  if (options.openPr && !options.dryRun) {
    const url = await remoteUrl('origin', options.repo);
    if (!url)
      return finish('blocked', 'origin_not_github', 'No git remote "origin": the draft PR needs a GitHub origin.');
    const parsed = parseGitHubRemote(url, options.env);
    if (!parsed.ok) return finish('blocked', 'origin_not_github', parsed.reason);
    remote = parsed.remote;
    token = options.env.GITHUB_TOKEN || options.env.GH_TOKEN;
    if (!token)
      return finish(
        'blocked',
        'missing_github_token',
        'Opening a pull request needs GITHUB_TOKEN (or GH_TOKEN) with contents and pull-requests write access.',
      );
    base = await currentBranch(options.repo);
    if (!base)
      return finish('blocked', 'detached_head', 'HEAD is detached: check out the branch the fix should target.');
  }
  const checked = await timed('preflight', () =>
    preflightHarness({
      agent: options.agent!,
      cwd: options.repo,
      env: options.env,
      model: options.config.agentModel,
      signal: options.signal,
    }),
  );
  preflight = { passed: checked.passed, detail: checked.detail, durationMs: checked.durationMs };
  if (!checked.passed)
    return finish(
      'blocked',
      'harness_setup',
      `The harness failed its preflight: ${checked.detail}. Fix it before asking a coding agent to patch the product (run it by hand with AGENT_TASK="Reply with OK" ARCHAL_PREFLIGHT=1).`,
    );
  if (options.plan)
    return finish(
      'planned',
      'plan_only',
      `Resolved ${options.scenarios.entries.length} scenario(s); --plan stops before running them.`,
    );

  const suiteOptions = {
    scenarios: options.scenarios.entries,
    agent: options.agent,
    agentModel: options.config.agentModel,
    runs: options.runs,
    defaultSeed: options.config.seeds?.github,
    passThreshold: options.passThreshold,
    concurrency: options.concurrency,
    cwd: options.repo,
    cacheDir: join(options.repo, '.archal', 'cache'),
    judgeFor: judgeResolver(options.config, options.providers),
    env: options.env,
    signal: options.signal,
    slots: options.slots,
  };
  /** Runs every scenario, classifies the failures, and records the attempt. */
  const runScenarios = async (
    attempt: number,
    fix: PreprodAttempt['fix'],
    attemptUsage: PreprodUsage | null,
    attemptStarted: number,
  ): Promise<{ passed: boolean; failures: PreprodFailure[] }> => {
    const suite = await timed('scenarios', () => runSuite(suiteOptions));
    options.onSuite?.(attempt, suite);
    const failures = classifyFailures(suite, prompts, options.repo);
    const failuresFile = failures.length > 0 ? join(artifacts, `attempt-${attempt}`, 'failures.json') : null;
    if (failuresFile) writeJsonFile(failuresFile, redactor.value({ schemaVersion: 1, attempt, failures }));
    attempts.push({
      attempt,
      startedAt: new Date(Date.now() - (performance.now() - attemptStarted)).toISOString(),
      durationMs: Math.round(performance.now() - attemptStarted),
      fix,
      usage: attemptUsage,
      scenarios: suite.scenarios.map((scenario) => ({
        title: scenario.title,
        file: relative(options.repo, scenario.file),
        satisfaction: scenario.satisfaction,
        passedRuns: scenario.passedRuns,
        runs: scenario.runs,
        runIds: scenario.results.map((run) => run.runId),
      })),
      failures,
      failuresFile,
    });
    options.log(
      `attempt ${attempt}: ${suite.totals.passedRuns}/${suite.totals.runs} runs passed; ${failures.length} failure(s)`,
    );
    return { passed: suite.passed, failures };
  };

  // Only a PR needs to know what the fix changed; snapshotting a large tree is not free.
  const beforeFix = options.openPr ? await snapshotWorkingTree({ cwd: options.repo }) : undefined;
  let suite = await runScenarios(0, null, null, performance.now());
  const initialFailures = suite.failures;

  if (options.dryRun)
    return finish(
      'dry_run',
      'dry_run',
      suite.passed
        ? 'Every scenario passes; --dry-run stops before validation and publishing.'
        : `${suite.failures.length} failure(s) classified; --dry-run stops before any fix command.`,
    );
  if (!suite.passed) {
    const setup = suite.failures.filter((failure) => failure.category === 'harness_setup');
    if (setup.length > 0)
      return finish(
        'blocked',
        'harness_setup',
        `The harness is not set up (${setup.length} failure(s)): fix it before asking a coding agent to patch the product. ${setup[0]!.evidence[0]?.excerpt ?? ''}`.trim(),
      );
    if (!options.fixCommand && !options.fixWorkflow)
      return finish('blocked', 'no_fix_command', 'Scenarios fail and no --fix-command or --fix-workflow was given.');
    if (!options.allowExternalExecution)
      return finish(
        'blocked',
        'external_execution_disabled',
        'Scenarios fail; the fix command runs only with --allow-external-execution.',
      );

    let lastCost: number | undefined;
    for (let attempt = 1; attempt <= options.maxFixAttempts && !suite.passed; attempt++) {
      if (options.maxCostUsd !== undefined) {
        const remaining = options.maxCostUsd - (usage.costUsd ?? 0);
        if (remaining <= 0 || (lastCost !== undefined && lastCost > remaining))
          return finish(
            'blocked',
            'cost_reservation_denied',
            `Fix attempt ${attempt} would exceed --max-cost-usd ${options.maxCostUsd}: $${(usage.costUsd ?? 0).toFixed(4)} spent, $${remaining.toFixed(4)} left${lastCost !== undefined ? `, the last attempt cost $${lastCost.toFixed(4)}` : ''}.`,
          );
      }
      const attemptStarted = performance.now();
      const dir = join(artifacts, `attempt-${attempt}`);
      mkdirSync(dir, { recursive: true });
      // The failures the previous run left: what this attempt is asked to fix.
      const failuresFile = attempts[attempts.length - 1]!.failuresFile!;
      const usageFile = join(dir, 'usage.json');
      const vars = {
        ARCHAL_PREPROD_FAILURES_JSON: failuresFile,
        ARCHAL_PREPROD_ATTEMPT: String(attempt),
        ARCHAL_PREPROD_USAGE_PATH: usageFile,
      };
      options.log(`fix attempt ${attempt}/${options.maxFixAttempts}…`);
      let fix: PreprodAttempt['fix'];
      let attemptUsage: PreprodUsage | null;
      if (options.fixWorkflow) {
        const outcome = await timed('fix', () =>
          options.fixWorkflow!.run({
            failuresFile,
            attempt,
            usageFile,
            env: restrictedEnvironment(vars, options.passEnv, options.env),
            timeoutMs: options.timeouts.fixMs,
            signal: options.signal,
          }),
        );
        fix = { kind: 'workflow', ...outcome.result, workflowRunId: outcome.runId };
        attemptUsage = outcome.usage
          ? {
              inputTokens: outcome.usage.inputTokens,
              outputTokens: outcome.usage.outputTokens,
              ...(outcome.usage.costUsd === undefined ? {} : { costUsd: outcome.usage.costUsd }),
            }
          : readUsage(usageFile);
      } else {
        const { stdout: _stdout, ...result } = await timed('fix', () =>
          runExternal({
            command: options.fixCommand!,
            cwd: options.repo,
            vars,
            passEnv: options.passEnv,
            timeoutMs: options.timeouts.fixMs,
            redactor,
            env: options.env,
            signal: options.signal,
          }),
        );
        fix = { kind: 'command', ...result };
        attemptUsage = readUsage(usageFile);
      }
      addUsage(usage, attemptUsage);
      lastCost = attemptUsage?.costUsd;
      // A fix attempt that failed still gets its rerun: it may have fixed something before failing.
      suite = await runScenarios(attempt, fix, attemptUsage, attemptStarted);
    }
    if (!suite.passed)
      return finish(
        'budget_exhausted',
        'max_fix_attempts',
        `Scenarios still fail after ${options.maxFixAttempts} fix attempt(s) (--max-fix-attempts).`,
      );
  }

  if (options.validationCommand) {
    if (!options.allowExternalExecution)
      return finish(
        'blocked',
        'external_execution_disabled',
        'Scenarios pass; the validation command runs only with --allow-external-execution.',
      );
    options.log(`validating: ${options.validationCommand}`);
    const { stdout: _stdout, ...result } = await timed('validation', () =>
      runExternal({
        command: options.validationCommand!,
        cwd: options.repo,
        vars: {},
        passEnv: options.passEnv,
        timeoutMs: options.timeouts.validationMs,
        redactor,
        env: options.env,
        signal: options.signal,
      }),
    );
    validation = { ...result, passed: result.exitCode === 0 && !result.timedOut };
    writeJsonFile(join(artifacts, 'validation.json'), redactor.value(validation));
    if (!validation.passed)
      return finish(
        'validation_failed',
        'validation_command_failed',
        `Scenarios pass but the validation command failed (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}).`,
      );
  }

  if (!options.openPr)
    return finish(
      'passed',
      'passed',
      attempts.length > 1 ? `Scenarios pass after ${attempts.length - 1} fix attempt(s).` : 'Scenarios pass.',
    );

  const afterFix = await snapshotWorkingTree({ cwd: options.repo });
  const fixPaths = (await changedPaths(beforeFix!, afterFix, { cwd: options.repo })).filter(
    (path) => !ARTIFACT_PATHS.test(path),
  );
  const publishRequest = {
    repo: options.repo,
    remote: remote!,
    remoteName: 'origin',
    token: token!,
    base: base!,
    fixPaths,
    fixed: initialFailures,
    attempts: attempts.length - 1,
    validation,
    artifactsDir: artifacts,
    redactor,
  };
  try {
    if (options.prCommand) {
      if (!options.allowExternalExecution)
        return finish(
          'blocked',
          'external_execution_disabled',
          'The PR command runs only with --allow-external-execution.',
        );
      const validationFile = join(artifacts, 'validation.json');
      if (!existsSync(validationFile)) writeJsonFile(validationFile, { passed: true, command: null });
      pr = await timed('pr', () =>
        publishWithCommand({
          ...publishRequest,
          command: options.prCommand!,
          passEnv: options.passEnv,
          validationFile,
          timeoutMs: options.timeouts.prMs,
        }),
      );
    } else pr = await timed('pr', () => publishBuiltin({ ...publishRequest, afterTree: afterFix }));
  } catch (error) {
    pr = unpublished(options.prCommand ? 'command' : 'builtin', {
      problems: [redactor.text(errorMessage(error))],
    });
  }
  if (!pr.verified)
    return finish(
      'pr_failed',
      'pr_verification_failed',
      `The pull request could not be published or verified: ${pr.problems.join('; ')}`,
    );
  return finish(
    'passed',
    'passed',
    `Scenarios pass${attempts.length > 1 ? ` after ${attempts.length - 1} fix attempt(s)` : ''}; ${describePublished(pr)}.`,
  );
}

function describePublished(pr: NonNullable<PreprodResult['pr']>): string {
  switch (pr.action) {
    case 'none':
      return 'there was nothing to change, so no pull request was needed';
    case 'closed':
      return `nothing is left to change, so draft PR #${pr.number} was closed`;
    case 'unchanged':
      return `draft PR #${pr.number} already has this fix and is verified: ${pr.url}`;
    case 'created':
    case 'updated':
      return `draft PR #${pr.number} ${pr.action} and verified: ${pr.url}`;
  }
}

function readUsage(file: string): PreprodUsage | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = fixUsageSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function addUsage(total: PreprodUsage & { attempts: number }, attempt: PreprodUsage | null): void {
  total.attempts++;
  if (!attempt) return;
  for (const key of ['inputTokens', 'outputTokens', 'costUsd'] as const) {
    if (attempt[key] !== undefined) total[key] = (total[key] ?? 0) + attempt[key]!;
  }
  for (const key of ['provider', 'model'] as const) if (attempt[key]) total[key] = attempt[key];
  if (attempt.isByok !== undefined) total.isByok = attempt.isByok;
}

function optionsRecord(options: PreprodOptions): Record<string, unknown> {
  return {
    plan: options.plan,
    runs: options.runs ?? null,
    passThreshold: options.passThreshold,
    concurrency: options.concurrency,
    dryRun: options.dryRun,
    maxFixAttempts: options.maxFixAttempts,
    allowExternalExecution: options.allowExternalExecution,
    fixCommand: options.fixCommand ?? null,
    fixWorkflow: options.fixWorkflow?.name ?? null,
    validationCommand: options.validationCommand ?? null,
    openPr: options.openPr,
    prCommand: options.prCommand ?? null,
    maxCostUsd: options.maxCostUsd ?? null,
    passEnv: options.passEnv,
    agent: options.agent?.display ?? null,
  };
}
