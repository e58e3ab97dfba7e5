import { resolve } from 'node:path';
import { writeJsonFile } from '../../lib/json-file.js';
import {
  commandFailure,
  discoverPublishTarget,
  fixWorkflowOf,
  planPreprod,
  PREPROD_LIMITS,
  resolvePreprodOptions,
  runPreprodInWorkspace,
  type PreprodOverrides,
  type PreprodResult,
} from '../../preprod/index.js';
import { IsolationError, repositoryRoot } from '../../isolation/worktree.js';
import { WorkspaceError } from '../../workspace/index.js';
import { formatScenarioProblems } from '../../runner/load.js';
import { EXIT, UserError } from '../errors.js';
import { amount, commandFlag, outputDirectory, outputFile, percentFlag, wholeNumber } from '../flags.js';
import {
  cliConfigWorkspace,
  cliEnvironment,
  cliWorkspace,
  typedHarness,
  workDir,
  type GlobalOptions,
} from '../host.js';
import { err, out, printJson } from '../output.js';

export async function preprodPlan(
  globals: GlobalOptions,
  options: { repo?: string; writeScenarios?: string | boolean; writeConfig?: boolean; out?: string; json?: boolean },
): Promise<number> {
  const ctx = planWorkspace(globals, options.repo);
  const writeScenarios =
    options.writeScenarios === undefined || options.writeScenarios === false
      ? undefined
      : options.writeScenarios === true
        ? 'archal'
        : options.writeScenarios;
  // Where the plan writes is checked before it inspects anything (the preflight takes a while).
  if (writeScenarios !== undefined)
    outputDirectory('--write-scenarios', writeScenarios, resolve(ctx.root, writeScenarios));
  // --out is a path the user typed: from where they typed it (as every --out), not from --repo.
  const outFile = options.out ? outputFile('--out', options.out, resolve(workDir(globals), options.out)) : undefined;
  const plan = await planPreprod({
    repo: ctx.root,
    writeScenarios,
    writeConfig: options.writeConfig ?? false,
    env: ctx.env,
  });
  if (outFile) writeJsonFile(outFile, plan);
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

/**
 * Where the plan looks: `--repo` (which must exist) and its environment. An invalid `.archal.json`
 * is one of the things the plan reports (its `invalid_config` blocker, exit 0), not a refusal.
 */
function planWorkspace(globals: GlobalOptions, repo: string | undefined): { root: string; env: NodeJS.ProcessEnv } {
  try {
    return cliWorkspace(globals, repo);
  } catch (error) {
    if (!(error instanceof WorkspaceError) || error.code !== 'invalid_config') throw error;
    const root = workDir(globals, repo);
    return { root, env: cliEnvironment(root) };
  }
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

/** Flags as the shared options schema names them; the loop's switches exist only as flags, never in config. */
function overridesFrom(flags: RunFlags): PreprodOverrides {
  if (flags.fixCommand && flags.fixWorkflow)
    throw new UserError('--fix-command and --fix-workflow are alternatives: give one.');
  if (flags.prCommand && !flags.openPr) throw new UserError('--pr-command publishes the pull request: add --open-pr.');
  const { runs, passThreshold, maxFixAttempts, concurrency } = PREPROD_LIMITS;
  const passEnv = (flags.passEnv ?? [])
    .flatMap((name) => name.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of passEnv)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UserError(`--pass-env: '${name}' is not an environment variable name.`);
  return {
    plan: flags.plan,
    runs: wholeNumber('--runs', flags.runs, runs.min, runs.max),
    passThreshold: percentFlag('--pass-threshold', flags.passThreshold, passThreshold.max),
    concurrency: wholeNumber('--concurrency', flags.concurrency, concurrency.min, concurrency.max),
    dryRun: flags.dryRun,
    maxFixAttempts: wholeNumber('--max-fix-attempts', flags.maxFixAttempts, maxFixAttempts.min, maxFixAttempts.max),
    allowExternalExecution: flags.allowExternalExecution,
    fixCommand: flags.fixCommand,
    fixWorkflow: flags.fixWorkflow,
    validationCommand: flags.validationCommand,
    openPr: flags.openPr,
    prCommand: flags.prCommand,
    artifacts: flags.artifacts,
    maxCostUsd: amount('--max-cost-usd', flags.maxCostUsd),
    passEnv: passEnv.length > 0 ? passEnv : undefined,
  };
}

export async function preprodRun(globals: GlobalOptions, paths: string[], flags: RunFlags): Promise<number> {
  commandFlag('--harness', flags.harness);
  const { workspace: ctx, typed } = cliConfigWorkspace(globals, flags.repo);
  // Flags win over .archal.json "preprod"; a fixer given as a flag replaces the configured one of either kind.
  const overrides = overridesFrom(flags);
  if (overrides.artifacts !== undefined) overrides.artifacts = typed(overrides.artifacts);
  const resolved = resolvePreprodOptions(ctx.config.preprod, overrides);
  if (!resolved.ok)
    throw new UserError(
      `Invalid pre-prod options:\n${resolved.problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`,
    );
  // A folder that cannot hold the artifacts is refused before anything runs.
  outputDirectory(
    flags.artifacts === undefined ? '.archal.json "preprod.artifacts"' : '--artifacts',
    flags.artifacts ?? resolved.options.artifacts,
    resolve(ctx.root, resolved.options.artifacts),
  );
  // A fix (a workflow or a command) runs in a git repository, whose diff is what a reviewer sees:
  // outside one, say so before the scenarios run rather than after.
  const { plan, dryRun, allowExternalExecution, fixWorkflow, fixCommand, maxFixAttempts } = resolved.options;
  if ((fixWorkflow || fixCommand) && allowExternalExecution && !plan && !dryRun && maxFixAttempts > 0)
    await repositoryRoot(ctx.root, ctx.env).catch((error: unknown) => {
      if (!(error instanceof IsolationError) || error.code !== 'not_a_repository' || fixWorkflow) throw error;
      const named = flags.fixCommand ? '--fix-command' : '.archal.json "preprod.fixCommand"';
      throw new IsolationError(
        'not_a_repository',
        `${ctx.root} is not inside a git repository, and the pre-prod fix (${named}) changes one.`,
        error.data,
      );
    });
  // A fix workflow that does not exist or does not validate is a typo to fix now, not after the scenarios ran.
  if (fixWorkflow && allowExternalExecution && !dryRun && maxFixAttempts > 0) await fixWorkflowOf(ctx, fixWorkflow);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  let outcome;
  try {
    outcome = await runPreprodInWorkspace(ctx, {
      options: resolved.options,
      scenarios: paths.map(typed),
      harness: typedHarness(flags.harness, typed),
      publishTarget: () => discoverPublishTarget(ctx.root, ctx.env),
      log: err,
      signal: abort.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
  }
  if (outcome.kind === 'invalid_scenarios')
    throw new UserError(
      `✗ Cannot run: ${outcome.problems.length} problem(s) in the scenarios:\n${formatScenarioProblems(outcome.problems, ctx.root)}`,
    );
  const { result } = outcome;
  if (flags.json) printJson(result);
  else {
    out(`Pre-prod: ${result.status} (${result.stopReason}) — ${result.message}`);
    for (const attempt of result.attempts)
      out(
        `  attempt ${attempt.attempt}: ${fixSummary(attempt.fix)}${attempt.scenarios.map((s) => `${s.title} ${s.passedRuns}/${s.runs}`).join(', ')}${attempt.failures.length ? `; ${attempt.failures.length} failure(s): ${attempt.failures.map((f) => `${f.category}${f.flaky ? ' (flaky)' : ''}`).join(', ')}` : ''}`,
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

/** A fix attempt's fixer, when it failed: `fix exit 4 (what it said last); `. */
function fixSummary(fix: PreprodResult['attempts'][number]['fix']): string {
  const failure = fix ? commandFailure(fix) : undefined;
  return failure ? `fix ${failure.how}${failure.said ? ` (${failure.said})` : ''}; ` : '';
}
