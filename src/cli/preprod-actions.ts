import { resolve } from 'node:path';
import { resolveAgent, type AgentCommand } from '../harness/agent.js';
import { errorMessage, EXIT, UserError } from '../lib/errors.js';
import { writeJsonFile } from '../lib/json-file.js';
import { planPreprod } from '../preprod/plan.js';
import { runPreprod, type FixWorkflowOutcome, type FixWorkflowRequest } from '../preprod/run.js';
import type { PreprodResult } from '../preprod/schema.js';
import { createProviderRegistry } from '../providers/registry.js';
import { formatProblems, loadScenarios } from '../runner/load.js';
import { loadContext, type GlobalOptions } from './context.js';
import { amount, wholeNumber } from './flags.js';
import { err, out, printJson } from './output.js';

export async function preprodPlan(
  globals: GlobalOptions,
  options: { repo?: string; writeScenarios?: string | boolean; writeConfig?: boolean; out?: string; json?: boolean },
): Promise<number> {
  const ctx = loadContext({ ...globals, cwd: resolve(globals.cwd ?? process.cwd(), options.repo ?? '.') });
  const plan = await planPreprod({
    repo: ctx.cwd,
    writeScenarios:
      options.writeScenarios === undefined || options.writeScenarios === false
        ? undefined
        : options.writeScenarios === true
          ? 'archal'
          : options.writeScenarios,
    writeConfig: options.writeConfig ?? false,
    env: process.env,
  });
  if (options.out) {
    writeJsonFile(resolve(ctx.cwd, options.out), plan);
  }
  if (options.json) printJson(plan);
  else {
    out(`Pre-prod plan for ${plan.repo}`);
    out(`  harness:    ${plan.harness.command ?? 'none'} (${plan.harness.source}) — ${plan.harness.detail}`);
    out(
      `  config:     ${plan.config.exists ? (plan.config.valid ? 'valid' : 'invalid') : 'none'}${plan.wroteConfig ? ' (written now)' : ''}`,
    );
    out(`  scenarios:  ${plan.scenarios.files.length} file(s), ${plan.scenarios.valid} valid`);
    for (const scenario of plan.authoredScenarios) out(`    ${scenario.written ? 'wrote' : 'kept '} ${scenario.path}`);
    out(`  origin:     ${plan.git.origin.url ?? 'none'} (${plan.git.origin.detail})`);
    out(`  validation: ${plan.validationCommand ?? 'no test command found'}`);
    if (plan.blockers.length === 0) out('  blockers:   none');
    for (const blocker of plan.blockers) out(`  ✗ ${blocker.code}: ${blocker.message}\n      fix: ${blocker.fix}`);
    out(`Next:\n${plan.nextSteps.map((step) => `  ${step}`).join('\n')}`);
    if (options.out) out(`Plan written to ${options.out}`);
  }
  return EXIT.ok;
}

interface RunFlags {
  repo?: string;
  plan?: boolean;
  runs?: string;
  passThreshold?: string;
  concurrency?: string;
  dryRun?: boolean;
  maxFixAttempts?: string;
  allowExternalExecution?: boolean;
  fixCommand?: string;
  fixWorkflow?: string;
  validationCommand?: string;
  openPr?: boolean;
  prCommand?: string;
  artifacts?: string;
  maxCostUsd?: string;
  passEnv?: string[];
  harness?: string;
  json?: boolean;
}

export async function preprodRun(globals: GlobalOptions, paths: string[], flags: RunFlags): Promise<number> {
  const ctx = loadContext({ ...globals, cwd: resolve(globals.cwd ?? process.cwd(), flags.repo ?? '.') });
  // Flags win over .archal.json "preprod"; a fixer given as a flag replaces the configured one of either kind.
  const defaults = ctx.config.preprod ?? {};
  const fixerFlag = flags.fixCommand !== undefined || flags.fixWorkflow !== undefined;
  const fixCommand = fixerFlag ? flags.fixCommand : defaults.fixCommand;
  const fixWorkflow = fixerFlag ? flags.fixWorkflow : defaults.fixWorkflow;
  if (flags.fixCommand && flags.fixWorkflow)
    throw new UserError('--fix-command and --fix-workflow are alternatives: give one.');
  if (flags.prCommand && !flags.openPr) throw new UserError('--pr-command publishes the pull request: add --open-pr.');
  const threshold = amount('--pass-threshold', flags.passThreshold, 100) ?? defaults.passThreshold ?? 100;
  const maxCost = amount('--max-cost-usd', flags.maxCostUsd) ?? defaults.maxCostUsd;
  const passEnv = [
    ...(defaults.passEnv ?? []),
    ...(flags.passEnv ?? [])
      .flatMap((name) => name.split(','))
      .map((name) => name.trim())
      .filter(Boolean),
  ];
  for (const name of passEnv)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UserError(`--pass-env: '${name}' is not an environment variable name.`);
  const seconds = (value: number | undefined, fallback: number) => (value ?? fallback) * 1000;

  let agent: AgentCommand | undefined;
  let agentProblem: string | undefined;
  try {
    agent = resolveAgent(flags.harness ?? ctx.config.agent);
  } catch (error) {
    agentProblem = errorMessage(error);
  }
  const scenarios = loadScenarios(paths, { config: ctx.config, cwd: ctx.cwd });
  if (scenarios.errors.length > 0) {
    err(
      `✗ Cannot run: ${scenarios.errors.length} problem(s) in the scenarios:\n${formatProblems(scenarios.errors, ctx.cwd)}`,
    );
    return EXIT.invalidInput;
  }
  const providers = createProviderRegistry(ctx.config);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  let result: PreprodResult;
  try {
    result = await runPreprod({
      repo: ctx.cwd,
      config: ctx.config,
      agent,
      agentProblem,
      scenarios,
      plan: flags.plan ?? false,
      runs: wholeNumber('--runs', flags.runs, 1, 100) ?? defaults.runs,
      passThreshold: threshold,
      concurrency: wholeNumber('--concurrency', flags.concurrency, 1, 64) ?? 4,
      dryRun: flags.dryRun ?? false,
      maxFixAttempts: wholeNumber('--max-fix-attempts', flags.maxFixAttempts, 0, 10) ?? defaults.maxFixAttempts ?? 2,
      allowExternalExecution: flags.allowExternalExecution ?? false,
      fixCommand,
      fixWorkflow: fixWorkflow
        ? { name: fixWorkflow, run: (request) => runFixWorkflow(globals, ctx.cwd, fixWorkflow, request) }
        : undefined,
      validationCommand: flags.validationCommand ?? defaults.validationCommand,
      openPr: flags.openPr ?? false,
      prCommand: flags.prCommand ?? defaults.prCommand,
      artifactsDir: resolve(ctx.cwd, flags.artifacts ?? defaults.artifacts ?? '.archal/preprod'),
      maxCostUsd: maxCost,
      passEnv,
      providers,
      env: process.env,
      timeouts: {
        fixMs: seconds(defaults.timeouts?.fix, 1800),
        validationMs: seconds(defaults.timeouts?.validation, 900),
        prMs: seconds(defaults.timeouts?.pr, 300),
      },
      log: err,
      signal: abort.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
  }
  if (flags.json) printJson(result);
  else {
    out(`Pre-prod: ${result.status} (${result.stopReason}) — ${result.message}`);
    for (const attempt of result.attempts)
      out(
        `  attempt ${attempt.attempt}: ${attempt.scenarios.map((s) => `${s.title} ${s.passedRuns}/${s.runs}`).join(', ')}${attempt.failures.length ? `; ${attempt.failures.length} failure(s): ${attempt.failures.map((f) => `${f.category}${f.flaky ? ' (flaky)' : ''}`).join(', ')}` : ''}`,
      );
    if (result.validation)
      out(`  validation: ${result.validation.command} ${result.validation.passed ? 'passed' : 'failed'}`);
    if (result.pr)
      out(
        `  pull request: ${result.pr.action}${result.pr.url ? ` ${result.pr.url}` : ''}${result.pr.problems.length ? ` — ${result.pr.problems.join('; ')}` : ''}`,
      );
    out(`  artifacts: ${result.artifacts.result}\n             ${result.artifacts.failures}`);
  }
  return result.status === 'passed' || result.status === 'planned' || result.status === 'dry_run'
    ? EXIT.ok
    : EXIT.failed;
}

/** A DAG workflow as the fixer: run through the run lifecycle in the repository, with the restricted environment. */
export async function runFixWorkflow(
  globals: GlobalOptions,
  repo: string,
  name: string,
  request: FixWorkflowRequest,
): Promise<FixWorkflowOutcome> {
  const { openRepoContext, lifecycleDeps } = await import('./repo-context.js');
  const { findWorkflow, formatProblems } = await import('./workflow-setup.js');
  const { startRun } = await import('../workflows/lifecycle.js');
  const context = await openRepoContext({ ...globals, cwd: repo });
  try {
    const lookup = await findWorkflow(context, name);
    if (lookup.kind === 'invalid')
      throw new UserError(`The fix workflow '${name}' is invalid:\n${formatProblems(lookup.errors)}`);
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const started = performance.now();
    const { result } = await startRun(lifecycleDeps(context, { log: err }), {
      workflow: lookup.workflow,
      workingPath: context.repoRoot,
      userMessage: `Fix the Archal pre-prod failures described in ${request.failuresFile} (attempt ${request.attempt}).`,
      context: `Failures (JSON): ${request.failuresFile}`,
      env: request.env,
      fresh: true,
      signal: request.signal ? AbortSignal.any([timeout, request.signal]) : timeout,
    });
    return {
      runId: result.runId,
      usage: result.usage,
      result: {
        command: `workflow ${name}`,
        exitCode: result.status === 'completed' ? 0 : 1,
        timedOut: timeout.aborted,
        durationMs: Math.round(performance.now() - started),
        outputTail: `${result.status}${result.error ? `: ${result.error}` : ''}`,
      },
    };
  } finally {
    await context.store.close();
  }
}
