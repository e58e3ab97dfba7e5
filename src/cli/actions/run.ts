import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadCheckedSeed, loadSeed, seedJsonSchema } from '../../clones/github/entry.js';
import { errorMessage } from '../../lib/errors.js';
import { writeJsonFile } from '../../lib/json-file.js';
import { clearSeedCache, SeedGenerationError } from '../../runner/setup-seed.js';
import { CLONE_KEYWORDS } from '../../scenarios/clones.js';
import { MAX_TIMEOUT_SECONDS } from '../../scenarios/schema.js';
import { unsetAgentEnvProblems } from '../../config/agent-env.js';
import { CONFIG_FILE, formatConfigProblem } from '../../config/load.js';
import type { AgentCommand } from '../../harness/agent.js';
import { locateAgent } from '../../harness/locate.js';
import { preflightHarness } from '../../harness/preflight.js';
import { displayFile, formatScenarioProblem, formatScenarioProblems, loadScenarios } from '../../runner/load.js';
import { junitReport, progressLine, terminalReport } from '../../runner/report.js';
import { scenarioSeed, seedName } from '../../runner/run-once.js';
import type { SuiteResult } from '../../runner/results.js';
import { shardSchema, type Shard } from '../../runner/shard.js';
import { loadWorkspaceScenarios, runWorkspaceScenarios } from '../../workspace/scenarios.js';
import type { Workspace } from '../../workspace/workspace.js';
import { EXIT, UserError } from '../errors.js';
import { commandFlag, outputDirectory, outputFile, percentFlag, wholeNumber } from '../flags.js';
import { cliConfigWorkspace, typedHarness, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';

export interface RunFlags {
  runs?: string;
  passThreshold?: string;
  concurrency?: string;
  tag?: string[];
  seed?: string;
  output?: 'terminal' | 'json' | 'junit';
  /** `-o` was typed (it defaults to terminal). */
  outputTyped?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  harness?: string;
  requireJudge?: boolean;
  preflightOnly?: boolean;
  task?: string;
  clone?: string[];
  twin?: string[];
  readOnly?: boolean;
  timeout?: string;
  config?: string;
  model?: string;
  agentModel?: string;
  rateLimit?: string;
  seedCache?: boolean;
  clearSeedCache?: boolean;
  freshSeed?: boolean;
  keepState?: boolean;
  reseed?: boolean;
  saveSeed?: string;
  replaySeed?: string;
  docker?: boolean;
  sandbox?: boolean;
  proxy?: boolean;
  apiKey?: string;
  reuseSession?: string | boolean;
  workspaceScenario?: string;
  runProjectId?: string;
  engineEndpoint?: string;
  agent?: string;
  openclawHome?: string;
  engineToken?: string;
  engineTwinUrls?: string;
  apiBaseUrls?: string;
  apiProxyUrl?: string;
  engineTimeout?: string;
  shard?: string;
  record?: string;
}

/** Flags of Archal's hosted service, each refused with what to do instead. */
const HOSTED_FLAGS: Array<[keyof RunFlags, string]> = [
  [
    'docker',
    '--docker runs the agent in an Archal-hosted container; here the agent runs locally against an in-process clone (drop the flag)',
  ],
  ['sandbox', "--sandbox runs OpenClaw in Archal's sandbox image; here the agent runs locally (drop the flag)"],
  ['apiKey', "--api-key authenticates to Archal's hosted service, which local runs do not use (drop the flag)"],
  [
    'reuseSession',
    '--reuse-session keeps a hosted session warm; local clones start in milliseconds (use --keep-state to share state between runs)',
  ],
  [
    'workspaceScenario',
    "--workspace-scenario reads a scenario from Archal's hosted workspace; pass the scenario file instead",
  ],
  [
    'runProjectId',
    "--run-project-id attaches a run to Archal's dashboard, which local runs do not use (drop the flag)",
  ],
  [
    'engineEndpoint',
    '--engine-endpoint drives a hosted agent gateway; give the agent as a command (.archal.json "agent" or --harness)',
  ],
  [
    'openclawHome',
    '--openclaw-home configures OpenClaw in Archal\'s sandbox image; here your own agent runs through its harness (--harness or .archal.json "agent")',
  ],
  [
    'engineToken',
    '--engine-token authenticates to a hosted agent gateway; give the agent as a command (.archal.json "agent" or --harness), with its keys in .archal.json "agentPassEnv"',
  ],
  [
    'engineTwinUrls',
    "--engine-twin-urls hands clone URLs to a hosted agent gateway; here the agent gets its clone's URLs as AGENT_CLONE_URLS and GITHUB_API_URL (drop the flag)",
  ],
  [
    'apiBaseUrls',
    "--api-base-urls hands clone URLs to a hosted agent gateway; here the agent gets its clone's URLs as AGENT_CLONE_URLS and GITHUB_API_URL (drop the flag)",
  ],
  [
    'apiProxyUrl',
    '--api-proxy-url points a hosted agent gateway at a proxy; here --proxy (route mode) sends api.github.com to the clone through a local proxy',
  ],
  ['engineTimeout', "--engine-timeout limits a hosted agent gateway's calls; here --timeout <seconds> limits each run"],
];

/** Archal's packaged agents run in its containers; the local equivalent of `--agent <dir>` is `--harness <dir>`. */
function refuseAgentFlag(agent: string | undefined): void {
  if (agent === undefined) return;
  throw new UserError(
    /^(openclaw|hermes|github-octokit)$/i.test(agent)
      ? `--agent ${agent} runs Archal's packaged ${agent} agent in a hosted container; here your own agent runs: give it as --harness <file, folder or command> (or .archal.json "agent").`
      : `--agent runs a packaged agent in Archal's container; here the agent runs locally: use --harness ${agent} (a harness file or folder, or a command).`,
  );
}

/** Names of clones from repeated, comma-separated --clone/--twin flags; each must be one Archal runs. */
function cloneNames(values: readonly string[]): string[] | undefined {
  const names = values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  for (const name of names)
    if (!(name in CLONE_KEYWORDS))
      throw new UserError(
        `--clone ${name}: clone '${name}' is not available; Archal runs these clones locally: ${Object.keys(CLONE_KEYWORDS).join(', ')}.`,
      );
  return [...new Set(names)];
}

/**
 * A seed flag's value, checked before anything runs: a named seed, `github:<name>`, or a seed file
 * (from where the command was typed).
 */
function checkedSeed(
  flag: string,
  value: string | undefined,
  root: string,
  typed: (path: string) => string,
  mustBeFile = false,
): string | undefined {
  if (value === undefined) return undefined;
  const named = seedName(value);
  const seed = mustBeFile || /\.json$|\.md$|[\\/]/.test(named) ? typed(named) : named;
  if (mustBeFile && !existsSync(resolve(root, seed)))
    throw new UserError(`${flag} ${value}: seed file does not exist (looked for ${resolve(root, seed)}).`);
  try {
    loadCheckedSeed(mustBeFile ? resolve(root, seed) : seed, root);
  } catch (error) {
    throw new UserError(`${flag} ${value}: ${errorMessage(error)}`);
  }
  return mustBeFile ? resolve(root, seed) : seed;
}

/**
 * `--tag` selected none of the scenarios found: nothing failed, so the threshold is met (exit 0), as
 * Archal does; JSON and JUnit consumers get an empty suite.
 */
function skippedByTag(found: number, tags: readonly string[], threshold: number, output: string): number {
  const message = `Nothing to run: none of the ${found} scenario(s) has tag ${tags.join(' or ')}; skipped.`;
  const suite: SuiteResult = {
    schemaVersion: 1,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    passThreshold: threshold,
    passed: true,
    satisfaction: null,
    totals: { scenarios: 0, runs: 0, passedRuns: 0 },
    scenarios: [],
    warnings: [message],
  };
  if (output === 'json') printJson(suite);
  else if (output === 'junit') out(junitReport(suite));
  err(message);
  return EXIT.ok;
}

export async function runCommand(globals: GlobalOptions, typedPaths: string[], given: RunFlags): Promise<number> {
  // `--no-docker` (false) asks for what a local run is; only the hosted flags themselves are refused.
  for (const [key, message] of HOSTED_FLAGS)
    if (given[key] !== undefined && given[key] !== false) throw new UserError(message);
  refuseAgentFlag(given.agent);
  const otherFormat = given.output !== undefined && given.output !== 'json';
  if (given.json && otherFormat && (given.output !== 'terminal' || given.outputTyped))
    throw new UserError(`--json and -o ${given.output} ask for two formats: give one.`);
  const flags: RunFlags = given.json ? { ...given, output: 'json' } : given;
  const { workspace: opened, typed } = cliConfigWorkspace(globals, undefined, flags.config);
  const paths = typedPaths.map(typed);
  // Archal's --proxy / --no-proxy: route mode on (with the clone's URLs too) or off, for scenarios that do not say.
  const ctx =
    flags.proxy === undefined
      ? opened
      : { ...opened, config: { ...opened.config, routing: flags.proxy ? ('both' as const) : ('env' as const) } };
  const runs = wholeNumber('--runs', flags.runs, 1, 100);
  const concurrency = wholeNumber('--concurrency', flags.concurrency, 1, 64) ?? 4;
  const threshold = percentFlag('--pass-threshold', flags.passThreshold, 100) ?? 0;
  const timeoutSeconds = wholeNumber('--timeout', flags.timeout?.replace(/s$/, ''), 1, MAX_TIMEOUT_SECONDS);
  const rateLimit = wholeNumber('--rate-limit', flags.rateLimit, 1, 100_000);
  const clones = cloneNames([...(flags.clone ?? []), ...(flags.twin ?? [])]);
  if (flags.tag?.some((tag) => !tag.split(',').some((name) => name.trim())))
    throw new UserError('--tag needs a tag (--tag smoke); it was given an empty one, as an unset variable gives.');
  if (flags.task !== undefined && !flags.task.trim()) throw new UserError('--task needs the text of the task.');
  if (flags.task !== undefined && paths.length > 0)
    throw new UserError('--task runs one inline task: pass either --task or scenario files, not both.');
  if (flags.readOnly && flags.task === undefined) throw new UserError('--read-only goes with --task.');
  if (flags.seed !== undefined && flags.replaySeed !== undefined)
    throw new UserError('--seed and --replay-seed both say what every run starts from: give one.');
  // An unknown seed stops everything before any run starts.
  const seed =
    checkedSeed('--seed', flags.seed, ctx.root, typed) ??
    checkedSeed('--replay-seed', flags.replaySeed, ctx.root, typed, true);
  const keepState = Boolean(flags.keepState) || flags.reseed === false;
  if (keepState && flags.freshSeed)
    throw new UserError('--keep-state and --fresh-seed contradict each other: give one.');
  const agentModel = flags.agentModel ?? ctx.config.agentModel;
  const harness = typedHarness(commandFlag('--harness', flags.harness), typed);
  const agent = locateAgent({
    harness,
    agent: ctx.config.agent,
    root: ctx.root,
    env: ctx.env,
    passEnv: ctx.config.agentPassEnv,
  });
  const shard = shardFlag(flags.shard);
  // Where results go is checked before any run, so a bad path never costs the runs it was to record.
  const recordDir =
    flags.record === undefined
      ? undefined
      : outputDirectory('--record', flags.record, resolve(ctx.root, typed(flags.record)));
  const saveSeedFile =
    flags.saveSeed === undefined
      ? undefined
      : outputFile('--save-seed', flags.saveSeed, resolve(ctx.root, typed(flags.saveSeed)));
  if (!flags.quiet) for (const warning of ctx.configWarnings ?? []) err(`warning: ${warning}`);
  // Only the configured agent's variables: a --harness replaces it.
  if (!flags.quiet && harness === undefined)
    for (const problem of unsetAgentEnvProblems(ctx.config, ctx.env))
      err(`warning: ${formatConfigProblem(flags.config ?? CONFIG_FILE, problem)}`);
  if (!flags.quiet)
    for (const problem of agent.envWarnings ?? []) err(`warning: ${formatConfigProblem(problem.file, problem)}`);

  if (flags.preflightOnly)
    return preflight({ ...ctx, config: { ...ctx.config, agentModel } }, agent, {
      json: flags.output === 'json',
      timeoutSeconds,
    });

  // Every run is recorded there: a file in the way is named before any run, not found after the first.
  const cacheDir = outputDirectory('Run records go to', '.archal/cache', join(ctx.root, '.archal', 'cache'));
  if (flags.clearSeedCache) clearSeedCache(cacheDir);
  const loaded = loadWorkspaceScenarios(ctx, {
    paths,
    tags: flags.tag,
    requireJudge: flags.requireJudge,
    seeded: seed !== undefined,
    evaluatorModel: flags.model,
    ...(flags.task !== undefined ? { task: { text: flags.task, clones, readOnly: flags.readOnly } } : {}),
  });
  if (loaded.kind === 'invalid')
    throw new UserError(
      `✗ Cannot run: ${loaded.problems.length} problem(s) in the scenarios:\n${formatScenarioProblems(loaded.problems, ctx.root)}`,
    );
  if (loaded.kind === 'nothing_to_run' && loaded.found > 0 && flags.tag && flags.tag.length > 0)
    return skippedByTag(loaded.found, flags.tag, threshold, flags.output ?? 'terminal');
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
  if (flags.saveSeed !== undefined && loaded.scenarios.entries.length !== 1)
    throw new UserError(
      `--save-seed saves the seed of one scenario; ${loaded.scenarios.entries.length} are selected (pass one scenario file, or --task).`,
    );

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const suite = await runWorkspaceScenarios(ctx, loaded.scenarios, {
      harness,
      runs,
      seed,
      timeoutSeconds,
      agentModel,
      evaluatorModel: flags.model,
      rateLimit,
      keepState,
      shard,
      seedCache: { reuse: Boolean(flags.seedCache), fresh: flags.freshSeed },
      onSeedGenerated: (scenario, generated) => {
        if (!flags.quiet)
          err(
            `${generated.cached ? 'Reused' : 'Generated'} the seed of ${scenario.title} from its Setup (${displayFile(generated.file, ctx.root)}).`,
          );
      },
      beforeRuns: (entries) => {
        if (saveSeedFile === undefined) return;
        const entry = entries[0]!;
        const { seed: chosen, base } = scenarioSeed(entry.scenario, {
          override: seed,
          configured: ctx.config.seeds?.github,
          cwd: ctx.root,
        });
        const target = saveSeedFile;
        writeJsonFile(target, typeof chosen === 'string' ? loadSeed(chosen, base).seed : chosen);
        if (!flags.quiet) err(`Saved the seed of ${entry.scenario.title} to ${displayFile(target, ctx.root)}.`);
      },
      passThreshold: threshold,
      concurrency,
      signal: abort.signal,
      warnings: warnings.map((warning) => formatScenarioProblem(warning, ctx.root)),
      onRunStarted: (scenario, index) => {
        if (!flags.quiet && flags.output === 'terminal') err(`… ${scenario.title} — run ${index}`);
      },
      onRunFinished: (scenario, result) => {
        if (!flags.quiet) err(progressLine(scenario, result));
      },
    });
    if (flags.record) {
      // Loaded only here: its schemas cost every other run start-up time.
      const { writeShardInfo, writeSuiteRecord } = await import('../../runner/shard-record.js');
      const dir = recordDir!;
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
    // The terminal report says so itself; JSON and JUnit readers see it in the answer, people on stderr.
    if (abort.signal.aborted && flags.output !== 'terminal') err(`✗ ${suite.warnings.at(-1)}.`);
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
  } catch (error) {
    if (error instanceof SeedGenerationError) {
      err(`✗ Cannot run ${displayFile(error.scenarioFile, ctx.root)}: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
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

/**
 * Runs the agent once with ARCHAL_PREFLIGHT=1 against an empty clone: does it start and exit 0? With
 * `-o json` the verdict is the JSON answer on stdout, as every other `-o json` run gives one.
 */
async function preflight(
  ctx: Workspace,
  agent: AgentCommand,
  options: { json: boolean; timeoutSeconds: number | undefined },
): Promise<number> {
  const result = await preflightHarness({
    agent,
    cwd: ctx.root,
    env: ctx.env,
    model: ctx.config.agentModel,
    timeoutMs: (options.timeoutSeconds ?? ctx.config.timeout ?? 60) * 1000,
  });
  if (options.json) {
    printJson({ preflight: { agent: agent.display, ...result } });
    if (!result.passed) err(`✗ Preflight failed: ${agent.display} ${result.detail}\n${result.stderrTail}`);
    return result.passed ? EXIT.ok : EXIT.failed;
  }
  if (result.passed) {
    out(`✓ Preflight passed: ${agent.display} ${result.detail}. Answer: ${result.answer.slice(0, 200) || '(empty)'}`);
    return EXIT.ok;
  }
  err(`✗ Preflight failed: ${agent.display} ${result.detail}\n${result.stderrTail}`);
  return EXIT.failed;
}

export async function scenarioList(
  globals: GlobalOptions,
  paths: string[],
  options: { json?: boolean; source?: string },
): Promise<number> {
  if (options.source !== undefined && options.source !== 'local')
    throw new UserError(
      options.source === 'workspace'
        ? '--source workspace lists Archal\'s hosted workspace scenarios; here scenarios are files of the repository (archal/, scenarios/ or .archal.json "scenarios"): drop the flag, or use --source local.'
        : `--source must be local (the repository's scenario files) (got '${options.source}').`,
    );
  const { workspace: ctx, typed } = cliConfigWorkspace(globals);
  const loaded = loadScenarios(paths.map(typed), { config: ctx.config, cwd: ctx.root });
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
        `${scenario.title}  (${displayFile(scenario.file, ctx.root)}; ${scenario.runs} run(s), seed ${scenario.seed}${scenario.tags.length ? `, tags ${scenario.tags.join(', ')}` : ''}; ${scenario.criteria.deterministic} deterministic, ${scenario.criteria.judged} judged criteria${scenario.criteria.notEvaluated ? `, ${scenario.criteria.notEvaluated} not evaluated (no evaluator)` : ''})`,
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
  const { workspace: ctx, typed } = cliConfigWorkspace(globals);
  const loaded = loadScenarios(paths.map(typed), { config: ctx.config, cwd: ctx.root });
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
    case 'config': {
      const { configJsonSchema } = await import('../../config/json-schema.js');
      printJson(configJsonSchema());
      return EXIT.ok;
    }
    case 'results': {
      const { resultsJsonSchema } = await import('../../runner/results.js');
      printJson(resultsJsonSchema());
      return EXIT.ok;
    }
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
