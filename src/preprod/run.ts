import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { CLI_VOCABULARY, type HostOption, type HostVocabulary } from './vocabulary.js';
import { join, relative, resolve } from 'node:path';
import type { ArchalConfig } from '../config/index.js';
import { agentSecrets, type AgentCommand } from '../harness/agent.js';
import { preflightHarness } from '../harness/preflight.js';
import { errorMessage } from '../lib/errors.js';
import { ensureIgnoredDir } from '../lib/ignored-dir.js';
import { writeJsonFile } from '../lib/json-file.js';
import { SecretRedactor } from '../lib/redact.js';
import type { ProviderRegistry } from '../providers/types.js';
import { judgeResolver, type LoadedScenarios } from '../runner/load.js';
import type { SuiteResult } from '../runner/results.js';
import { runSuite, type SuiteOptions } from '../runner/suite.js';
import type { Slots } from '../lib/slots.js';
import { classifyFailures } from './classify.js';
import { runExternal } from './commands.js';
import { fixerFailures, runFixAttempt, type FixAttemptContext, type FixWorkflowRunner } from './fix.js';
import { recordingFixPaths, unpublishedFixPaths } from './fix-paths.js';
import { snapshotWorkingTree } from './git.js';
import type { PreprodOptions } from './options.js';
import { publishBuiltin, publishWithCommand, unpublished } from './publish.js';
import { PreprodRecord, type Stop } from './record.js';
import type { PreprodAttempt, PreprodFailure, PreprodResult, PreprodUsage } from './schema.js';
import type { PublishTarget, PublishTargetLookup } from './target.js';
import { monotonicMs } from '../lib/elapsed.js';

/** One run of the pre-prod loop: a repository checkout, what to run, and where a fix goes. */
export interface PreprodRun {
  /** The checkout the loop tests and fixes (the fix lands in its working tree; its branch is never touched). */
  repo: string;
  config: ArchalConfig;
  /** The options, resolved by `resolvePreprodOptions`. */
  options: PreprodOptions;
  /** The agent under test; without one the loop stops: blocked, missing_harness (saying `agentProblem`). */
  agent: AgentCommand | undefined;
  agentProblem?: string;
  scenarios: LoadedScenarios;
  providers: ProviderRegistry;
  /** The host's environment: runs and commands start from it (commands through an allowlist); its secrets are redacted. */
  env: NodeJS.ProcessEnv;
  /**
   * Where the fix pull request goes (needed with `options.openPr`): a target the host knows (the
   * Action and the App, from their event), or how to find one (the CLI: `discoverPublishTarget`).
   */
  publishTarget?: PublishTarget | (() => Promise<PublishTargetLookup>);
  /** Runs `options.fixWorkflow` (see `workflowFixer`). */
  fixWorkflow?: FixWorkflowRunner;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Slots shared with runs outside the loop (the base side of a comparison), so that together they respect one limit. */
  slots?: Slots;
  /** Told of each suite the loop runs: attempt 0 is the code as checked out, then one per fix attempt. */
  onSuite?: (attempt: number, suite: SuiteResult) => void;
  /** How the host names its options in the loop's messages (default: the CLI's flags). */
  vocabulary?: HostVocabulary;
}

/** An option as the host names it. */
const term = (run: PreprodRun, option: HostOption): string => (run.vocabulary ?? CLI_VOCABULARY)(option);

/** State of one run of the loop, shared by its phases. */
interface Loop extends FixAttemptContext {
  run: PreprodRun;
  prompts: Map<string, string>;
}

/**
 * The pre-prod loop: resolve, run the scenarios and classify what failed, let a fix command patch
 * (when allowed) and rerun every scenario, up to `maxFixAttempts`, validate, publish a draft PR and
 * verify it. Each phase either hands over to the next or says why the loop stops.
 */
export async function runPreprod(run: PreprodRun): Promise<PreprodResult> {
  const loop = startLoop(run);
  const { record } = loop;
  let stop: Stop;
  try {
    stop = await loopPhases(loop);
  } catch (error) {
    // Whatever stops the loop (an unreachable run store, a crashed phase), the result says so.
    stop = {
      status: 'blocked',
      stopReason: 'error',
      message: `The loop stopped on an error${record.phase ? ` in the ${record.phase} phase` : ''}: ${errorMessage(error)}`,
    };
  }
  return record.finish(stop);
}

async function loopPhases(loop: Loop): Promise<Stop> {
  const resolved = await resolvePhase(loop);
  if ('status' in resolved) return resolved;
  const { options } = loop;

  const first = await scenarioPhase(loop, 0, null, null, monotonicMs());
  if (options.dryRun)
    return {
      status: 'dry_run',
      stopReason: 'dry_run',
      message: first.passed
        ? 'Every scenario passes; --dry-run stops before validation and publishing.'
        : `${first.failures.length} failure(s) classified; --dry-run stops before any fix command.`,
    };
  if (!first.passed) {
    const fixed = await fixPhase(loop, first.failures);
    if (fixed) return fixed;
  }
  const validated = await validationPhase(loop);
  if (validated) return validated;
  if (!options.openPr)
    return {
      status: 'passed',
      stopReason: 'passed',
      message:
        loop.record.attempts.length > 1
          ? `Scenarios pass after ${loop.record.attempts.length - 1} fix attempt(s).`
          : 'Scenarios pass.',
    };
  return publishPhase(loop, resolved.target!, first.failures);
}

function startLoop(run: PreprodRun): Loop {
  const artifactsDir = resolve(run.repo, run.options.artifacts);
  mkdirSync(artifactsDir, { recursive: true });
  removeEarlierAttempts(artifactsDir);
  const redactor = new SecretRedactor(run.agent ? agentSecrets(run.agent) : [], { ...run.env, ...run.agent?.env });
  const unpublished = unpublishedFixPaths(artifactsDir, run.repo);
  const record = new PreprodRecord({
    repo: run.repo,
    artifactsDir,
    scenarios: run.scenarios.entries.map(({ scenario }) => ({ title: scenario.title, file: scenario.file })),
    options: optionsRecord(run),
    redactor,
  });
  record.fixPaths = unpublished;
  return {
    run,
    repo: run.repo,
    options: run.options,
    env: run.env,
    artifactsDir,
    redactor,
    record,
    fixWorkflow: run.fixWorkflow,
    signal: run.signal,
    prompts: new Map(run.scenarios.entries.map((entry) => [entry.scenario.file, entry.scenario.prompt])),
  };
}

/**
 * The attempt files an earlier loop left in the artifacts folder: kept, they would sit beside this
 * loop's result as if it had made them (an earlier attempt-2/usage.json, say). Only the files the
 * loop writes are removed, then their folder if nothing else is in it.
 */
function removeEarlierAttempts(artifactsDir: string): void {
  for (const entry of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^attempt-\d+$/.test(entry.name)) continue;
    const dir = join(artifactsDir, entry.name);
    for (const file of ['failures.json', 'usage.json']) rmSync(join(dir, file), { force: true });
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: something other than the loop's files is in it.
    }
  }
}

const cacheDirOf = (run: PreprodRun) => join(run.repo, '.archal', 'cache');

/** How every attempt runs the scenarios (the resolve phase has checked there is an agent). */
function suiteOptions(run: PreprodRun, agent: AgentCommand): SuiteOptions {
  return {
    scenarios: run.scenarios.entries,
    agent,
    agentModel: run.config.agentModel,
    runs: run.options.runs,
    defaultSeed: run.config.seeds?.github,
    passThreshold: run.options.passThreshold,
    concurrency: run.options.concurrency,
    cwd: run.repo,
    cacheDir: cacheDirOf(run),
    judgeFor: judgeResolver(run.config, run.providers),
    env: run.env,
    signal: run.signal,
    slots: run.slots,
  };
}

/**
 * Resolve: everything that can stop the loop before it spends anything — the agent, the scenarios,
 * where a PR would go, and the harness preflight.
 */
async function resolvePhase(loop: Loop): Promise<Stop | { target?: PublishTarget }> {
  const { run, options, record } = loop;
  if (!run.agent)
    return {
      status: 'blocked',
      stopReason: 'missing_harness',
      message: run.agentProblem ?? `No agent to test: set "agent" in .archal.json or pass ${term(run, 'harness')}.`,
    };
  if (run.scenarios.entries.length === 0) {
    const found = run.scenarios.files.length;
    return {
      status: 'blocked',
      stopReason: 'no_scenarios',
      message:
        found > 0
          ? `No scenarios to run: none of the ${found} scenario file(s) found has one of the tags of ${term(run, 'tags')} (a scenario's tags are the "tags" line of its ## Config).`
          : `No scenarios to run: give ${term(run, 'scenarios')} or set "scenarios" in .archal.json, or put scenario files under archal/ or scenarios/ (\`archal preprod plan --write-scenarios\` writes starters).`,
    };
  }
  let target: PublishTarget | undefined;
  if (options.openPr && !options.dryRun) {
    if (!run.publishTarget) throw new Error('openPr needs a publishTarget: where the fix pull request goes.');
    const found =
      typeof run.publishTarget === 'function'
        ? await run.publishTarget()
        : { ok: true as const, target: run.publishTarget };
    if (!found.ok) return { status: 'blocked', stopReason: found.stopReason, message: found.message };
    target = found.target;
  }
  const checked = await record.timed('preflight', () =>
    preflightHarness({
      agent: run.agent!,
      cwd: run.repo,
      env: run.env,
      model: run.config.agentModel,
      signal: run.signal,
    }),
  );
  record.preflight = { passed: checked.passed, detail: checked.detail, durationMs: checked.durationMs };
  if (!checked.passed)
    return {
      status: 'blocked',
      stopReason: 'harness_setup',
      message: `The harness failed its preflight: ${checked.detail}. Fix it before asking a coding agent to patch the product (run it by hand with AGENT_TASK="Reply with OK" ARCHAL_PREFLIGHT=1).`,
    };
  if (options.plan)
    return {
      status: 'planned',
      stopReason: 'plan_only',
      message: `Resolved ${run.scenarios.entries.length} scenario(s); --plan stops before running them.`,
    };
  return { target };
}

/** Runs every scenario, classifies the failures, and records the attempt. */
async function scenarioPhase(
  loop: Loop,
  attempt: number,
  fix: PreprodAttempt['fix'],
  usage: PreprodUsage | null,
  attemptStarted: number,
): Promise<{ passed: boolean; failures: PreprodFailure[] }> {
  const { record, repo, run } = loop;
  // The runs' records go to .archal/cache, as `archal run` keeps them: never in `git status`, and
  // not made at all by a loop that stops before running a scenario.
  ensureIgnoredDir(cacheDirOf(run));
  const suite = await record.timed('scenarios', () => runSuite(suiteOptions(run, run.agent!)));
  run.onSuite?.(attempt, suite);
  const failures = classifyFailures(suite, loop.prompts, repo);
  record.addAttempt({
    attempt,
    startedAt: new Date(Date.now() - (monotonicMs() - attemptStarted)).toISOString(),
    durationMs: Math.round(monotonicMs() - attemptStarted),
    fix,
    usage,
    scenarios: suite.scenarios.map((scenario) => ({
      title: scenario.title,
      file: relative(repo, scenario.file),
      satisfaction: scenario.satisfaction,
      passedRuns: scenario.passedRuns,
      runs: scenario.runs,
      runIds: scenario.results.map((result) => result.runId),
    })),
    failures,
  });
  run.log(
    `attempt ${attempt}: ${suite.totals.passedRuns}/${suite.totals.runs} runs passed; ${failures.length} failure(s)`,
  );
  return { passed: suite.passed, failures };
}

/**
 * Fix attempts until every scenario passes or the budget (attempts, cost) runs out. Harness setup
 * failures, a missing fixer and disallowed execution stop the loop before any attempt. Undefined
 * when the scenarios pass.
 */
async function fixPhase(loop: Loop, failures: PreprodFailure[]): Promise<Stop | undefined> {
  const { options, record } = loop;
  const setup = failures.filter((failure) => failure.category === 'harness_setup');
  if (setup.length > 0)
    return {
      status: 'blocked',
      stopReason: 'harness_setup',
      message:
        `The harness is not set up (${setup.length} failure(s)): fix it before asking a coding agent to patch the product. ${setup[0]!.evidence[0]?.excerpt ?? ''}`.trim(),
    };
  if (!options.fixCommand && !options.fixWorkflow)
    return {
      status: 'blocked',
      stopReason: 'no_fix_command',
      message: `Scenarios fail and no ${term(loop.run, 'fix-command')} or ${term(loop.run, 'fix-workflow')} was given.`,
    };
  if (!options.allowExternalExecution)
    return {
      status: 'blocked',
      stopReason: 'external_execution_disabled',
      message: `Scenarios fail; the fix command runs only with ${term(loop.run, 'allow-external-execution')}.`,
    };

  // What the fix attempts change is what a PR publishes, now or on a rerun (see `unpublishedFixPaths`).
  return recordingFixPaths(record, { cwd: loop.repo, env: loop.env }, () => fixAttempts(loop));
}

/** Fix attempt after fix attempt, each followed by a rerun of every scenario, until they pass or the budget runs out. */
async function fixAttempts(loop: Loop): Promise<Stop | undefined> {
  const { options, record } = loop;
  let passed = false;
  let lastCost: number | undefined;
  for (let attempt = 1; attempt <= options.maxFixAttempts && !passed; attempt++) {
    const denied = costReservation(loop, record.usage.costUsd ?? 0, lastCost, attempt);
    if (denied) return denied;
    const attemptStarted = monotonicMs();
    // The failures the previous run left: what this attempt is asked to fix.
    const failuresFile = record.attempts.at(-1)!.failuresFile!;
    loop.run.log(`fix attempt ${attempt}/${options.maxFixAttempts}…`);
    const { fix, usage, usageProblem } = await runFixAttempt(loop, attempt, failuresFile);
    if (usageProblem)
      loop.run.log(
        `warning: fix attempt ${attempt}: the usage written to ARCHAL_PREPROD_USAGE_PATH was ignored: ${loop.redactor.text(usageProblem)}`,
      );
    record.addUsage(usage);
    lastCost = usage?.costUsd;
    // A fix attempt that failed still gets its rerun: it may have fixed something before failing.
    passed = (await scenarioPhase(loop, attempt, fix, usage, attemptStarted)).passed;
  }
  if (!passed)
    return {
      status: 'budget_exhausted',
      stopReason: 'max_fix_attempts',
      message: `Scenarios still fail after ${options.maxFixAttempts} fix attempt(s) (${term(loop.run, 'max-fix-attempts')}).${fixerFailures(record.attempts)}`,
    };
  return undefined;
}

/** Before each attempt, its cost (the last attempt's, as the estimate) is reserved from what is left of the budget. */
function costReservation(
  { options, run }: Loop,
  spent: number,
  lastCost: number | undefined,
  attempt: number,
): Stop | undefined {
  if (options.maxCostUsd === undefined) return undefined;
  const remaining = options.maxCostUsd - spent;
  if (remaining > 0 && (lastCost === undefined || lastCost <= remaining)) return undefined;
  return {
    status: 'blocked',
    stopReason: 'cost_reservation_denied',
    message: `Fix attempt ${attempt} would exceed ${term(run, 'max-cost-usd')} ${options.maxCostUsd}: $${spent.toFixed(4)} spent, $${remaining.toFixed(4)} left${lastCost !== undefined ? `, the last attempt cost $${lastCost.toFixed(4)}` : ''}.`,
  };
}

/** The validation command, once the scenarios pass. Undefined when it passed (or there is none). */
async function validationPhase(loop: Loop): Promise<Stop | undefined> {
  const { options, record } = loop;
  if (!options.validationCommand) return undefined;
  if (!options.allowExternalExecution)
    return {
      status: 'blocked',
      stopReason: 'external_execution_disabled',
      message: `Scenarios pass; the validation command runs only with ${term(loop.run, 'allow-external-execution')}.`,
    };
  loop.run.log(`validating: ${loop.redactor.text(options.validationCommand)}`);
  const { stdout: _stdout, ...result } = await record.timed('validation', () =>
    runExternal({
      command: options.validationCommand!,
      cwd: loop.repo,
      vars: {},
      passEnv: options.passEnv,
      timeoutMs: options.timeouts.validationMs,
      redactor: loop.redactor,
      env: loop.env,
      signal: loop.signal,
    }),
  );
  record.validation = { ...result, passed: result.exitCode === 0 && !result.timedOut };
  writeJsonFile(join(loop.artifactsDir, 'validation.json'), loop.redactor.value(record.validation));
  if (record.validation.passed) return undefined;
  return {
    status: 'validation_failed',
    stopReason: 'validation_command_failed',
    message: `Scenarios pass but the validation command failed (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}).`,
  };
}

/** Publishes what the fix changed as a draft pull request on the target (or with the PR command) and verifies it. */
async function publishPhase(loop: Loop, target: PublishTarget, fixed: PreprodFailure[]): Promise<Stop> {
  const { options, record } = loop;
  const afterFix = await snapshotWorkingTree({ cwd: loop.repo, env: loop.env });
  const request = {
    repo: loop.repo,
    target,
    afterTree: afterFix,
    fixPaths: record.fixPaths,
    fixed,
    attempts: record.attempts.length - 1,
    validation: record.validation,
    artifactsDir: loop.artifactsDir,
    redactor: loop.redactor,
    env: loop.env,
  };
  try {
    if (options.prCommand) {
      if (!options.allowExternalExecution)
        return {
          status: 'blocked',
          stopReason: 'external_execution_disabled',
          message: `The PR command runs only with ${term(loop.run, 'allow-external-execution')}.`,
        };
      const validationFile = join(loop.artifactsDir, 'validation.json');
      if (!existsSync(validationFile)) writeJsonFile(validationFile, { passed: true, command: null });
      record.pr = await record.timed('pr', () =>
        publishWithCommand({
          ...request,
          command: options.prCommand!,
          passEnv: options.passEnv,
          validationFile,
          timeoutMs: options.timeouts.prMs,
        }),
      );
    } else record.pr = await record.timed('pr', () => publishBuiltin(request));
  } catch (error) {
    record.pr = unpublished(options.prCommand ? 'command' : 'builtin', {
      problems: [loop.redactor.text(errorMessage(error))],
    });
  }
  const pr = record.pr;
  if (!pr.verified)
    return {
      status: 'pr_failed',
      stopReason: 'pr_verification_failed',
      message: `The pull request could not be published or verified: ${pr.problems.join('; ')}`,
    };
  const attempts = record.attempts.length - 1;
  return {
    status: 'passed',
    stopReason: 'passed',
    message: `Scenarios pass${attempts > 0 ? ` after ${attempts} fix attempt(s)` : ''}; ${describePublished(pr)}.`,
  };
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

function optionsRecord(run: PreprodRun): Record<string, unknown> {
  const { options } = run;
  return {
    plan: options.plan,
    runs: options.runs ?? null,
    passThreshold: options.passThreshold,
    concurrency: options.concurrency,
    dryRun: options.dryRun,
    maxFixAttempts: options.maxFixAttempts,
    allowExternalExecution: options.allowExternalExecution,
    fixCommand: options.fixCommand ?? null,
    fixWorkflow: options.fixWorkflow ?? null,
    validationCommand: options.validationCommand ?? null,
    openPr: options.openPr,
    prCommand: options.prCommand ?? null,
    maxCostUsd: options.maxCostUsd ?? null,
    passEnv: options.passEnv,
    agent: run.agent?.display ?? null,
  };
}
