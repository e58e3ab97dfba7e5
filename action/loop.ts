import * as core from '@actions/core';
import { context } from '@actions/github';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { formatConfigProblem, loadConfig, type ArchalConfig } from '../src/config/index.js';
import { githubClient } from '../src/github/index.js';
import { resolveAgent, type AgentCommand } from '../src/harness/agent.js';
import { errorMessage } from '../src/lib/errors.js';
import { git } from '../src/lib/git.js';
import { writeJsonFile } from '../src/lib/json-file.js';
import { Redactor } from '../src/lib/redact.js';
import { Slots } from '../src/lib/slots.js';
import { compareSides, type Comparison, type SideScenario } from '../src/preprod/compare.js';
import { runPreprod } from '../src/preprod/run.js';
import { checkoutBase, removeBase, runSide, type SideRun } from '../src/preprod/side.js';
import { resultFromSuite } from '../src/preprod/suite-result.js';
import { createProviderRegistry } from '../src/providers/registry.js';
import { formatProblems, loadScenarios, type LoadedScenarios } from '../src/runner/load.js';
import { junitReport } from '../src/runner/report.js';
import type { SuiteResult } from '../src/runner/results.js';
import { formatShard, type Shard } from '../src/runner/shard.js';
import { mergeShardDirs, portableSuite, writeShardInfo, writeSuiteRecord } from '../src/runner/shard-record.js';
import { downloadShards, uploadDirectory, type UploadedArtifact } from './artifacts.js';
import { readRunContext, type RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import { publishReport, writeHandOff, writeSummary } from './report.js';

/** Where the Action works: the repository, its scenario directory, scratch space, and what it may do on GitHub. */
export interface ActionSetup {
  inputs: ActionInputs;
  ctx: RunContext;
  env: NodeJS.ProcessEnv;
  /** The repository root (the workspace's git top level). */
  repoRoot: string;
  /** `working-directory`: where .archal.json and the scenarios are. */
  repoDir: string;
  /** repoDir relative to repoRoot (annotation paths are relative to the repository root). */
  pathPrefix: string;
  temp: string;
  redactor: Redactor;
  github: ReturnType<typeof githubClient> | null;
  /** Check runs and comments can be attempted (false on a fork's read-only token). */
  canWrite: boolean;
  /** Said in the summary, the comment and the check run. */
  notes: string[];
}

/** Runs what the inputs ask: the pre-prod loop, a shard, or the merge of shards. */
export async function runAction(inputs: ActionInputs): Promise<void> {
  const redactor = new Redactor([inputs['github-token']], process.env);
  try {
    const setup = await prepare(inputs, redactor);
    if (inputs.shard) await runShard(setup);
    else if (inputs['merge-shards']) await mergeShards(setup);
    else await runLoop(setup);
  } catch (error) {
    core.setFailed(redactor.text(errorMessage(error)));
  }
}

async function prepare(inputs: ActionInputs, redactor: Redactor): Promise<ActionSetup> {
  const env = process.env;
  const ctx = readRunContext(context);
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const repoDir = resolve(workspace, inputs['working-directory']);
  const repoRoot = (await git(['rev-parse', '--show-toplevel'], repoDir)) ?? workspace;
  const temp = join(env.RUNNER_TEMP || tmpdir(), 'archal', String(ctx.runId || process.pid));
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const token = inputs['github-token'];
  const notes: string[] = [];
  const forkPull = ctx.pullRequest?.fork === true;
  const readOnly = forkPull && ctx.eventName === 'pull_request';
  if (!token) notes.push('No github-token was given: results are in the job summary and annotations only.');
  if (readOnly) {
    notes.push(
      'This pull request comes from a fork: its token is read-only, so no check run or comment is written; the results are in this job summary and as annotations.',
    );
    core.warning(notes.at(-1)!);
  }
  if (forkPull) {
    const asked = (
      ['fix-command', 'fix-workflow', 'validation-command', 'open-pr', 'allow-external-execution'] as const
    ).filter((name) => Boolean(inputs[name]));
    if (asked.length > 0) {
      notes.push(
        `Refused ${asked.map((name) => `'${name}'`).join(', ')}: fix, validation and PR commands never run on a pull request from a fork (its code is untrusted); the scenarios ran and were classified only.`,
      );
      core.warning(notes.at(-1)!);
      inputs = {
        ...inputs,
        'fix-command': undefined,
        'fix-workflow': undefined,
        'validation-command': undefined,
        'open-pr': false,
        'allow-external-execution': false,
      };
    }
  }
  return {
    inputs,
    ctx,
    env,
    repoRoot,
    repoDir,
    pathPrefix: relative(repoRoot, repoDir),
    temp,
    redactor,
    github: token ? githubClient(ctx.apiUrl, token) : null,
    canWrite: Boolean(token) && !readOnly,
    notes,
  };
}

/** The repository's config, or a failure that names the file and every problem. */
function loadRepoConfig(dir: string): ArchalConfig {
  const loaded = loadConfig(dir);
  if (loaded.status === 'invalid')
    throw new Error(
      `Invalid ${loaded.file}:\n${loaded.errors.map((problem) => `  ${formatConfigProblem('.archal.json', problem)}`).join('\n')}`,
    );
  return loaded.config;
}

function loadRepoScenarios(setup: ActionSetup, config: ArchalConfig): LoadedScenarios {
  const scenarios = loadScenarios(setup.inputs.scenarios, {
    config,
    cwd: setup.repoDir,
    tags: setup.inputs.tags,
  });
  if (scenarios.errors.length > 0)
    throw new Error(
      `Input 'scenarios': ${scenarios.errors.length} problem(s) in the scenarios:\n${formatProblems(scenarios.errors, setup.repoDir)}`,
    );
  return scenarios;
}

function sideScenarios(suite: SuiteResult, repo: string): SideScenario[] {
  return portableSuite(suite, repo).scenarios.map((scenario) => ({
    file: scenario.file,
    title: scenario.title,
    passedRuns: scenario.passedRuns,
    runs: scenario.runs,
  }));
}

/** Whether this run compares with the pull request's base. */
function comparing(setup: ActionSetup): boolean {
  return setup.inputs['compare-base'] && setup.ctx.pullRequest !== null;
}

/**
 * The base side: the same scenarios, the same runs, on the pull request's base commit in a
 * worktree of its own, sharing the head's slots.
 */
async function runBase(
  setup: ActionSetup,
  options: { runs?: number; passThreshold: number; slots: Slots; shard?: Shard },
): Promise<{ run: SideRun; dir: string | null }> {
  const pull = setup.ctx.pullRequest!;
  const checkout = await checkoutBase({
    repoRoot: setup.repoRoot,
    sha: pull.baseSha,
    ref: pull.baseRef,
    dir: join(setup.temp, 'base-worktree'),
  });
  if (!checkout.ok) return { run: { ok: false, reason: checkout.reason }, dir: null };
  const dir = join(checkout.dir, setup.pathPrefix);
  const run = await runSide({
    dir,
    scenarioPaths: setup.inputs.scenarios,
    tags: setup.inputs.tags,
    harness: setup.inputs.harness,
    runs: options.runs,
    passThreshold: options.passThreshold,
    concurrency: options.slots.size,
    slots: options.slots,
    shard: options.shard,
    env: setup.env,
  });
  return { run, dir };
}

/** The runs, records and reports an artifact holds beside the two pre-prod files. */
function writeRecords(
  dir: string,
  records: { head: SuiteResult | null; headRepo: string; base: SuiteResult | null; baseRepo: string | null },
  comparison: Comparison | null,
): void {
  if (records.head) {
    writeSuiteRecord(dir, records.head, records.headRepo);
    writeFileSync(join(dir, 'junit.xml'), junitReport(portableSuite(records.head, records.headRepo)));
  }
  if (records.base && records.baseRepo) writeSuiteRecord(join(dir, 'base'), records.base, records.baseRepo);
  if (comparison) writeJsonFile(join(dir, 'comparison.json'), comparison);
}

async function upload(setup: ActionSetup, name: string, dir: string): Promise<UploadedArtifact | null> {
  try {
    const uploaded = await uploadDirectory(name, dir, {
      retentionDays: setup.inputs['retention-days'],
      runUrl: setup.ctx.runUrl,
    });
    core.info(`Uploaded artifact ${name} (id ${uploaded.id})`);
    return uploaded;
  } catch (error) {
    core.warning(`Could not upload the artifact ${name}: ${setup.redactor.text(errorMessage(error))}`);
    return null;
  }
}

function resolveRunSettings(setup: ActionSetup, config: ArchalConfig) {
  const defaults = config.preprod ?? {};
  const { inputs } = setup;
  return {
    runs: inputs.runs ?? defaults.runs,
    passThreshold: inputs['pass-threshold'] ?? defaults.passThreshold ?? 100,
    concurrency: inputs.concurrency ?? 4,
  };
}

/** The whole loop on the head, with the base beside it on a pull request, then every report. */
async function runLoop(setup: ActionSetup): Promise<void> {
  const { inputs } = setup;
  const config = loadRepoConfig(setup.repoDir);
  const scenarios = loadRepoScenarios(setup, config);
  const settings = resolveRunSettings(setup, config);
  const defaults = config.preprod ?? {};
  let agent: AgentCommand | undefined;
  let agentProblem: string | undefined;
  try {
    agent = resolveAgent(inputs.harness ?? config.agent);
  } catch (error) {
    agentProblem = errorMessage(error);
  }
  const check = await startCheck(setup);
  const slots = new Slots(settings.concurrency);
  let headSuite: SuiteResult | null = null;
  const artifactsDir = join(setup.temp, 'artifact');
  const seconds = (value: number | undefined, fallback: number) => (value ?? fallback) * 1000;
  const fixerGiven = inputs['fix-command'] !== undefined || inputs['fix-workflow'] !== undefined;
  if (inputs['fix-workflow'])
    throw new Error(
      "Input 'fix-workflow': DAG workflows as fixers need Archal's run store, which the Action does not bundle; use 'fix-command' (for example `npx archal workflow run <name>` with archal installed in the job).",
    );
  const head = runPreprod({
    repo: setup.repoDir,
    config,
    agent,
    agentProblem,
    scenarios,
    plan: false,
    runs: settings.runs,
    passThreshold: settings.passThreshold,
    concurrency: settings.concurrency,
    dryRun: false,
    maxFixAttempts: inputs['max-fix-attempts'] ?? defaults.maxFixAttempts ?? 2,
    allowExternalExecution: inputs['allow-external-execution'],
    fixCommand: fixerGiven ? inputs['fix-command'] : defaults.fixCommand,
    validationCommand: inputs['validation-command'] ?? defaults.validationCommand,
    openPr: inputs['open-pr'],
    prCommand: defaults.prCommand,
    artifactsDir,
    maxCostUsd: inputs['max-cost-usd'] ?? defaults.maxCostUsd,
    passEnv: [...(defaults.passEnv ?? []), ...inputs['pass-env']],
    providers: createProviderRegistry(config),
    env: { ...setup.env, GITHUB_API_URL: setup.ctx.apiUrl, GITHUB_TOKEN: inputs['github-token'] },
    timeouts: {
      fixMs: seconds(defaults.timeouts?.fix, 1800),
      validationMs: seconds(defaults.timeouts?.validation, 900),
      prMs: seconds(defaults.timeouts?.pr, 300),
    },
    log: (line) => core.info(line),
    slots,
    onSuite: (attempt, suite) => {
      if (attempt === 0) headSuite = suite;
    },
  });
  const base = comparing(setup) ? runBase(setup, { ...settings, slots }) : null;
  const [result, baseSide] = await Promise.all([head, base]);
  const comparison = compareWithBase(setup, headSuite, baseSide);
  writeRecords(
    artifactsDir,
    {
      head: headSuite,
      headRepo: setup.repoDir,
      base: baseSide?.run.ok ? baseSide.run.suite : null,
      baseRepo: baseSide?.dir ?? null,
    },
    comparison,
  );
  if (baseSide?.dir) await removeBase(setup.repoRoot, join(setup.temp, 'base-worktree'));
  writeHandOff(setup, { result, comparison, passThreshold: settings.passThreshold }, artifactsDir);
  const artifact = await upload(setup, inputs['artifact-name'], artifactsDir);
  await publishReport(setup, { result, comparison, check, artifact, passThreshold: settings.passThreshold });
}

function compareWithBase(
  setup: ActionSetup,
  headSuite: SuiteResult | null,
  baseSide: { run: SideRun; dir: string | null } | null,
): Comparison | null {
  if (!baseSide) return null;
  const pull = setup.ctx.pullRequest!;
  if (!baseSide.run.ok) {
    setup.notes.push(`The base was not compared: ${baseSide.run.reason}`);
    core.warning(setup.redactor.text(setup.notes.at(-1)!));
    return null;
  }
  return compareSides(
    headSuite ? sideScenarios(headSuite, setup.repoDir) : [],
    sideScenarios(baseSide.run.suite, baseSide.dir!),
    { head: { ref: pull.headRef, sha: pull.headSha }, base: { ref: pull.baseRef, sha: pull.baseSha } },
  );
}

/** Starts the check run when it can be written; a refusal turns writes off with a warning. */
async function startCheck(setup: ActionSetup): Promise<{ id: number; url: string } | null> {
  if (!setup.canWrite || !setup.github) return null;
  const { startCheckRun, isPermissionError } = await import('../src/github/index.js');
  try {
    return await startCheckRun(
      setup.github,
      { owner: setup.ctx.owner, repo: setup.ctx.repo },
      {
        name: setup.inputs['check-name'],
        headSha: setup.ctx.headSha,
        detailsUrl: setup.ctx.runUrl,
        externalId: setup.ctx.runId ? String(setup.ctx.runId) : undefined,
      },
    );
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    setup.canWrite = false;
    setup.notes.push(
      `The token may not create check runs (${setup.redactor.text(errorMessage(error))}): the results are in this job summary and as annotations; give the job \`checks: write\` and \`pull-requests: write\`.`,
    );
    core.warning(setup.notes.at(-1)!);
    return null;
  }
}

/** One slice of the (scenario × run) list, on the head and, on a pull request, the base; uploaded for the merge job. */
async function runShard(setup: ActionSetup): Promise<void> {
  const shard = setup.inputs.shard!;
  const config = loadRepoConfig(setup.repoDir);
  const scenarios = loadRepoScenarios(setup, config);
  const settings = resolveRunSettings(setup, config);
  const list = scenarios.entries.map(({ scenario }) => ({
    file: relative(setup.repoDir, scenario.file),
    title: scenario.title,
    runs: settings.runs ?? scenario.config.runs,
  }));
  const slots = new Slots(settings.concurrency);
  const head = runSide({
    dir: setup.repoDir,
    scenarioPaths: setup.inputs.scenarios,
    tags: setup.inputs.tags,
    harness: setup.inputs.harness,
    runs: settings.runs,
    passThreshold: settings.passThreshold,
    concurrency: settings.concurrency,
    slots,
    shard,
    env: setup.env,
  });
  const base = comparing(setup) ? runBase(setup, { ...settings, slots, shard }) : null;
  const [headRun, baseSide] = await Promise.all([head, base]);
  if (!headRun.ok) throw new Error(headRun.reason);
  const dir = join(setup.temp, 'shard');
  writeShardInfo(dir, {
    schemaVersion: 1,
    shard,
    scenarios: list,
    base: baseSide
      ? {
          sha: setup.ctx.pullRequest!.baseSha,
          compared: baseSide.run.ok,
          problem: baseSide.run.ok ? null : setup.redactor.text(baseSide.run.reason),
        }
      : null,
  });
  writeRecords(
    dir,
    {
      head: headRun.suite,
      headRepo: setup.repoDir,
      base: baseSide?.run.ok ? baseSide.run.suite : null,
      baseRepo: baseSide?.dir ?? null,
    },
    null,
  );
  if (baseSide?.dir) await removeBase(setup.repoRoot, join(setup.temp, 'base-worktree'));
  const artifact = await upload(setup, `${setup.inputs['artifact-name']}-shard-${shard.index}`, dir);
  const suite = headRun.suite;
  const passed = suite.scenarios.filter((scenario) => scenario.runs > 0).every((s) => s.meetsThreshold);
  core.setOutput('status', passed ? 'passed' : 'blocked');
  core.setOutput('passed', String(passed));
  core.setOutput('artifact-id', artifact ? String(artifact.id) : '');
  core.setOutput('artifact-url', artifact?.url ?? '');
  core.setOutput('results-path', join(dir, 'results.json'));
  await writeSummary(
    setup,
    `## ${setup.inputs['check-name']}: shard ${formatShard(shard)}\n\n${suite.totals.passedRuns}/${suite.totals.runs} runs of this slice passed. The job with \`merge-shards: true\` reports the whole suite.\n`,
  );
}

/** Downloads the shards of this workflow run, merges them, and reports once. */
async function mergeShards(setup: ActionSetup): Promise<void> {
  const prefix = `${setup.inputs['artifact-name']}-shard-`;
  const dirs = await downloadShards(prefix, join(setup.temp, 'shards'));
  if (dirs.length === 0)
    throw new Error(
      `Input 'merge-shards': no artifact named ${prefix}<n> in this workflow run: run the shard jobs (with 'shard: i/n' and the same 'artifact-name') before this one (needs: …).`,
    );
  const merged = mergeShardDirs(dirs);
  core.info(
    `Merged ${merged.shards} shard(s): ${merged.head.totals.passedRuns}/${merged.head.totals.runs} runs passed`,
  );
  const config = loadConfig(setup.repoDir);
  const prompts = new Map<string, string>();
  if (config.status !== 'invalid') {
    const loaded = loadScenarios(setup.inputs.scenarios, { config: config.config, cwd: setup.repoDir });
    for (const { scenario } of loaded.entries) prompts.set(relative(setup.repoDir, scenario.file), scenario.prompt);
  }
  const artifactsDir = join(setup.temp, 'artifact');
  const result = resultFromSuite({
    suite: merged.head,
    repo: setup.repoDir,
    artifactsDir,
    prompts,
    options: { shards: merged.shards, passThreshold: merged.head.passThreshold },
    env: setup.env,
  });
  if (merged.baseProblem) setup.notes.push(`The base was not compared: ${merged.baseProblem}`);
  const pull = setup.ctx.pullRequest;
  const comparison = merged.base
    ? compareSides(
        merged.head.scenarios.map((s) => ({ file: s.file, title: s.title, passedRuns: s.passedRuns, runs: s.runs })),
        merged.base.scenarios.map((s) => ({ file: s.file, title: s.title, passedRuns: s.passedRuns, runs: s.runs })),
        pull ? { head: { ref: pull.headRef, sha: pull.headSha }, base: { ref: pull.baseRef, sha: pull.baseSha } } : {},
      )
    : null;
  for (const dir of dirs) copyRecords(dir, artifactsDir);
  writeFileSync(join(artifactsDir, 'junit.xml'), junitReport(merged.head));
  writeJsonFile(join(artifactsDir, 'results.json'), merged.head);
  if (merged.base) writeJsonFile(join(artifactsDir, 'base', 'results.json'), merged.base);
  if (comparison) writeJsonFile(join(artifactsDir, 'comparison.json'), comparison);
  writeHandOff(
    setup,
    { result, comparison, passThreshold: merged.head.passThreshold, shards: merged.shards },
    artifactsDir,
  );
  const check = await startCheck(setup);
  const artifact = await upload(setup, setup.inputs['artifact-name'], artifactsDir);
  await publishReport(setup, {
    result,
    comparison,
    check,
    artifact,
    passThreshold: merged.head.passThreshold,
    shards: merged.shards,
  });
}

/** The run records of a shard, beside the merged result. */
function copyRecords(from: string, to: string): void {
  for (const side of ['', 'base']) {
    const source = join(from, side, 'runs');
    if (existsSync(source)) cpSync(source, join(to, side, 'runs'), { recursive: true });
  }
}
