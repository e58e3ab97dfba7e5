import { relative, resolve } from 'node:path';
import { seedJsonSchema } from '../../clones/github/index.js';
import { configJsonSchema } from '../../config/json-schema.js';
import { resolveAgent } from '../../harness/agent.js';
import { preflightHarness } from '../../harness/preflight.js';
import { displayFile, formatScenarioProblem, formatScenarioProblems, loadScenarios } from '../../runner/load.js';
import { junitReport, progressLine, terminalReport } from '../../runner/report.js';
import { resultsJsonSchema } from '../../runner/results.js';
import { scenarioSeed } from '../../runner/run-once.js';
import { shardSchema, type Shard } from '../../runner/shard.js';
import { writeShardInfo, writeSuiteRecord } from '../../runner/shard-record.js';
import { loadWorkspaceScenarios, runWorkspaceScenarios } from '../../workspace/scenarios.js';
import type { Workspace } from '../../workspace/workspace.js';
import { EXIT, UserError } from '../errors.js';
import { amount, commandFlag, wholeNumber } from '../flags.js';
import { cliWorkspace, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';

export interface RunFlags {
  runs?: string;
  passThreshold?: string;
  concurrency?: string;
  tag?: string[];
  seed?: string;
  output?: 'terminal' | 'json' | 'junit';
  quiet?: boolean;
  verbose?: boolean;
  harness?: string;
  requireJudge?: boolean;
  preflightOnly?: boolean;
  shard?: string;
  record?: string;
}

export async function runCommand(globals: GlobalOptions, paths: string[], flags: RunFlags): Promise<number> {
  const ctx = cliWorkspace(globals);
  const runs = wholeNumber('--runs', flags.runs, 1, 100);
  const concurrency = wholeNumber('--concurrency', flags.concurrency, 1, 64) ?? 4;
  const threshold = amount('--pass-threshold', flags.passThreshold, 100) ?? 0;
  const harness = commandFlag('--harness', flags.harness);
  const agent = resolveAgent(harness ?? ctx.config.agent, ctx.env, ctx.config.agentPassEnv);
  const shard = shardFlag(flags.shard);

  if (flags.preflightOnly) return preflight(ctx, agent);

  const loaded = loadWorkspaceScenarios(ctx, { paths, tags: flags.tag, requireJudge: flags.requireJudge });
  if (loaded.kind === 'invalid') {
    err(
      `✗ Cannot run: ${loaded.problems.length} problem(s) in the scenarios:\n${formatScenarioProblems(loaded.problems, ctx.root)}`,
    );
    return EXIT.invalidInput;
  }
  if (loaded.kind === 'nothing_to_run') {
    const where =
      loaded.found > 0
        ? `none of the ${loaded.found} scenario(s) has tag ${flags.tag?.join(' or ')}`
        : 'no scenario files found';
    throw new UserError(
      `Nothing to run: ${where}. Pass scenario files, set "scenarios" in .archal.json, or put scenarios in archal/ (\`archal init\` writes one).`,
    );
  }
  const { warnings } = loaded.scenarios;
  if (!flags.quiet) for (const warning of warnings) err(`warning: ${formatScenarioProblem(warning, ctx.root)}`);

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const suite = await runWorkspaceScenarios(ctx, loaded.scenarios, {
      harness: flags.harness,
      runs,
      seed: flags.seed,
      passThreshold: threshold,
      concurrency,
      signal: abort.signal,
      warnings: warnings.map((warning) => formatScenarioProblem(warning, ctx.root)),
      shard,
      onRunStarted: (scenario, index) => {
        if (!flags.quiet && flags.output === 'terminal') err(`… ${scenario.title} — run ${index}`);
      },
      onRunFinished: (scenario, result) => {
        if (!flags.quiet) err(progressLine(scenario, result));
      },
    });
    if (flags.record) {
      const dir = resolve(ctx.root, flags.record);
      writeSuiteRecord(dir, suite, ctx.root);
      if (shard)
        writeShardInfo(dir, {
          schemaVersion: 1,
          shard,
          scenarios: loaded.scenarios.entries.map(({ scenario }) => ({
            file: relative(ctx.root, scenario.file),
            title: scenario.title,
            runs: runs ?? scenario.config.runs,
          })),
          base: null,
        });
      if (!flags.quiet) err(`Recorded ${suite.totals.runs} run(s) in ${displayFile(dir, ctx.root)}`);
    }
    switch (flags.output ?? 'terminal') {
      case 'json':
        printJson(suite);
        break;
      case 'junit':
        out(junitReport(suite));
        break;
      case 'terminal':
        out(terminalReport(suite, ctx.root, flags.verbose));
        break;
    }
    return suite.passed ? EXIT.ok : EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `--shard i/n`, or undefined without it. */
function shardFlag(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const parsed = shardSchema.safeParse(value);
  if (!parsed.success) throw new UserError(`--shard: ${parsed.error.issues[0]!.message}.`);
  return parsed.data;
}

/** Runs the agent once with ARCHAL_PREFLIGHT=1 against an empty clone: does it start and exit 0? */
async function preflight(ctx: Workspace, agent: ReturnType<typeof resolveAgent>): Promise<number> {
  const result = await preflightHarness({
    agent,
    cwd: ctx.root,
    env: ctx.env,
    model: ctx.config.agentModel,
    timeoutMs: (ctx.config.timeout ?? 60) * 1000,
  });
  if (result.passed) {
    out(`✓ Preflight passed: ${agent.display} ${result.detail}. Answer: ${result.answer.slice(0, 200) || '(empty)'}`);
    return EXIT.ok;
  }
  err(`✗ Preflight failed: ${agent.display} ${result.detail}\n${result.stderrTail}`);
  return EXIT.failed;
}

export async function scenarioList(globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  const ctx = cliWorkspace(globals);
  const loaded = loadScenarios([], { config: ctx.config, cwd: ctx.root });
  const scenarios = loaded.entries.map(({ scenario, criteria }) => ({
    title: scenario.title,
    file: scenario.file,
    clones: scenario.config.clones,
    seed: seedLabel(scenarioSeed(scenario, { configured: ctx.config.seeds?.github, cwd: ctx.root }).seed),
    runs: scenario.config.runs,
    timeout: scenario.config.timeout,
    tags: scenario.config.tags,
    criteria: {
      deterministic: criteria.filter((c) => c.plan.mode === 'deterministic').length,
      judged: criteria.filter((c) => c.plan.mode === 'judged').length,
      notEvaluated: criteria.filter((c) => c.plan.mode === 'not_evaluated').length,
    },
  }));
  if (options.json) printJson({ scenarios, errors: loaded.errors, warnings: loaded.warnings });
  else {
    if (scenarios.length === 0) out('No scenarios found (archal/, scenarios/, or .archal.json "scenarios").');
    for (const scenario of scenarios)
      out(
        `${scenario.title}  (${displayFile(scenario.file, ctx.root)}; ${scenario.runs} run(s), seed ${scenario.seed}${scenario.tags.length ? `, tags ${scenario.tags.join(', ')}` : ''}; ${scenario.criteria.deterministic} deterministic, ${scenario.criteria.judged} judged criteria)`,
      );
    if (loaded.errors.length > 0) err(`Problems:\n${formatScenarioProblems(loaded.errors, ctx.root)}`);
  }
  return EXIT.ok;
}

export async function scenarioValidate(
  globals: GlobalOptions,
  paths: string[],
  options: { json?: boolean },
): Promise<number> {
  const ctx = cliWorkspace(globals);
  const loaded = loadScenarios(paths, { config: ctx.config, cwd: ctx.root });
  if (loaded.files.length === 0 && loaded.errors.length === 0)
    throw new UserError(
      `Nothing to validate: no scenario files (.md) in ${paths.length > 0 ? paths.join(', ') : 'the configured or default places (archal/, scenarios/)'}.`,
    );
  const valid = loaded.errors.length === 0;
  if (options.json) {
    printJson({
      valid,
      scenarios: loaded.files.map((file) => {
        const entry = loaded.entries.find((candidate) => candidate.scenario.file === file);
        return {
          file,
          valid: !loaded.errors.some((error) => error.file === file),
          title: entry?.scenario.title ?? null,
          errors: loaded.errors.filter((error) => error.file === file),
          warnings: loaded.warnings.filter((warning) => warning.file === file),
          criteria:
            entry?.criteria.map((criterion) => ({
              id: criterion.id,
              kind: criterion.kind,
              inferred: !criterion.tagged,
              mode: criterion.plan.mode,
              line: criterion.line,
            })) ?? [],
        };
      }),
      errors: loaded.errors.filter((error) => !loaded.files.includes(error.file)),
    });
  } else {
    if (valid) out(`✓ ${loaded.files.length} scenario(s) valid.`);
    else err(`✗ ${loaded.errors.length} problem(s):\n${formatScenarioProblems(loaded.errors, ctx.root)}`);
    for (const warning of loaded.warnings) err(`warning: ${formatScenarioProblem(warning, ctx.root)}`);
  }
  return valid ? EXIT.ok : EXIT.invalidInput;
}

export async function printSchema(name: string): Promise<number> {
  switch (name) {
    case 'config':
      printJson(configJsonSchema());
      return EXIT.ok;
    case 'results':
      printJson(resultsJsonSchema());
      return EXIT.ok;
    case 'seed':
      printJson(seedJsonSchema());
      return EXIT.ok;
    case 'preprod-result':
    case 'preprod-failures': {
      const { preprodJsonSchemas } = await import('../../preprod/schema.js');
      printJson(preprodJsonSchemas()[name === 'preprod-result' ? 'result' : 'failures']);
      return EXIT.ok;
    }
    default:
      throw new UserError(`Unknown schema '${name}': use config, results, seed, preprod-result or preprod-failures.`);
  }
}

function seedLabel(seed: string | object): string {
  return typeof seed === 'string' ? seed : 'inline';
}
