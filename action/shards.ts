import * as core from '@actions/core';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { errorMessage } from '../src/lib/errors.js';
import { writeJsonFile } from '../src/lib/json-file.js';
import { Slots } from '../src/lib/slots.js';
import { runSide } from '../src/preprod/side.js';
import { lowestSatisfaction } from '../src/preprod/markdown.js';
import { resultFromSuite } from '../src/preprod/suite-result.js';
import { formatScenarioProblems } from '../src/runner/load.js';
import { junitReport } from '../src/runner/report.js';
import { formatShard } from '../src/runner/shard.js';
import { withPassThreshold } from '../src/runner/merge.js';
import { mergeShardDirs, portableSuite, writeShardInfo } from '../src/runner/shard-record.js';
import { loadWorkspaceScenarios } from '../src/workspace/scenarios.js';
import { downloadShards } from './artifacts.js';
import { compareMerged, comparing, noteBaseProblem, removeBaseWorktree, runBase } from './base.js';
import { startCheck } from './check.js';
import { upload, uploadHtmlReport, writeRecords } from './records.js';
import { publishReport, writeHandOff, writeSummary, type ActionOutput } from './report.js';
import { actionOptions, actionWorkspace, type ActionSetup } from './setup.js';
import { logUntrusted } from './log.js';

/** One slice of the (scenario × run) list, on the head and, on a pull request, the base; uploaded for the merge job. */
export async function runShard(setup: ActionSetup): Promise<void> {
  const shard = setup.inputs.shard!;
  const workspace = actionWorkspace(setup);
  const options = actionOptions(setup, workspace, join(setup.temp, 'shard'));
  const loaded = loadWorkspaceScenarios(workspace, { paths: setup.inputs.scenarios, tags: setup.inputs.tags });
  if (loaded.kind === 'invalid')
    throw new Error(
      `Input 'scenarios': ${loaded.problems.length} problem(s) in the scenarios:\n${formatScenarioProblems(loaded.problems, setup.repoDir)}`,
    );
  const list =
    loaded.kind === 'loaded'
      ? loaded.scenarios.entries.map(({ scenario }) => ({
          file: relative(setup.repoDir, scenario.file),
          title: scenario.title,
          runs: options.runs ?? scenario.config.runs,
        }))
      : [];
  const slots = new Slots(options.concurrency);
  const side = { runs: options.runs, passThreshold: options.passThreshold, slots, shard };
  const head = runSide({
    ...side,
    dir: setup.repoDir,
    scenarioPaths: setup.inputs.scenarios,
    tags: setup.inputs.tags,
    harness: setup.inputs.harness,
    concurrency: options.concurrency,
    env: setup.env,
  });
  const base = comparing(setup) ? runBase(setup, side) : null;
  const [headRun, baseSide] = await Promise.all([head, base]);
  if (!headRun.ok) {
    await removeBaseWorktree(setup, baseSide);
    throw new Error(headRun.reason);
  }
  const dir = options.artifacts;
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
  await removeBaseWorktree(setup, baseSide);
  // The slice's own preprod-result.json and preprod-failures.json, as the loop writes them, in the shard's artifact.
  const prompts = new Map(
    loaded.kind === 'loaded'
      ? loaded.scenarios.entries.map(({ scenario }) => [relative(setup.repoDir, scenario.file), scenario.prompt])
      : [],
  );
  const result = resultFromSuite({
    suite: portableSuite(headRun.suite, setup.repoDir),
    repo: setup.repoDir,
    artifactsDir: dir,
    prompts,
    options: { shard: formatShard(shard), runs: options.runs, passThreshold: options.passThreshold },
    env: setup.env,
  });
  const artifact = await upload(setup, `${setup.inputs['artifact-name']}-shard-${shard.index}`, dir);
  const suite = headRun.suite;
  const lowest = lowestSatisfaction(result);
  // Every output of action.yml, so that a step reading one never meets an unset name; what only the
  // merge job does (the check run, the comment, the verdicts, a fix PR) is empty or `none` here.
  const outputs: Record<ActionOutput, string> = {
    status: result.status,
    'stop-reason': result.stopReason,
    passed: String(result.status === 'passed'),
    satisfaction: lowest === null ? '' : String(lowest),
    regressions: '',
    'results-path': result.artifacts.result ?? '',
    'failures-path': result.artifacts.failures ?? '',
    'check-run-id': '',
    'comment-id': '',
    'artifact-id': artifact ? String(artifact.id) : '',
    'artifact-url': artifact?.url ?? '',
    'pull-request-number': '',
    'pull-request-url': '',
    'pull-request-operation': 'none',
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, setup.redactor.text(value));
  await writeSummary(
    setup,
    `## ${setup.inputs['check-name']}: shard ${formatShard(shard)}\n\n${suite.totals.passedRuns}/${suite.totals.runs} runs of this slice passed. The job with \`merge-shards: true\` reports the whole suite.\n`,
  );
}

/** Downloads the shards of this workflow run, merges them, and reports once. */
export async function mergeShards(setup: ActionSetup): Promise<void> {
  const prefix = `${setup.inputs['artifact-name']}-shard-`;
  const dirs = await downloadShards(prefix, join(setup.temp, 'shards'));
  if (dirs.length === 0)
    throw new Error(
      `Input 'merge-shards': no artifact named ${prefix}<n> in this workflow run: run the shard jobs (with 'shard: i/n' and the same 'artifact-name') before this one (needs: …).`,
    );
  const shards = mergeShardDirs(dirs);
  const passThreshold = mergeThreshold(setup, shards.head.passThreshold);
  const merged = {
    ...shards,
    head: withPassThreshold(shards.head, passThreshold),
    base: shards.base ? withPassThreshold(shards.base, passThreshold) : null,
  };
  core.info(
    `Merged ${merged.shards} shard(s): ${merged.head.totals.passedRuns}/${merged.head.totals.runs} runs passed`,
  );
  const artifactsDir = join(setup.temp, 'artifact');
  const result = resultFromSuite({
    suite: merged.head,
    repo: setup.repoDir,
    artifactsDir,
    prompts: scenarioPrompts(setup),
    options: { shards: merged.shards, passThreshold },
    env: setup.env,
  });
  if (merged.baseProblem) noteBaseProblem(setup, merged.baseProblem);
  const comparison = merged.base ? compareMerged(setup, merged.head, merged.base) : null;
  for (const dir of dirs) copyRecords(dir, artifactsDir);
  // Where the HTML report finds the head's runs, as if they had run here.
  if (existsSync(join(artifactsDir, 'runs')))
    cpSync(join(artifactsDir, 'runs'), join(setup.repoDir, '.archal', 'cache', 'runs'), { recursive: true });
  writeFileSync(join(artifactsDir, 'junit.xml'), junitReport(merged.head));
  writeJsonFile(join(artifactsDir, 'results.json'), merged.head);
  if (merged.base) writeJsonFile(join(artifactsDir, 'base', 'results.json'), merged.base);
  if (comparison) writeJsonFile(join(artifactsDir, 'comparison.json'), comparison);
  const report = { result, comparison, passThreshold, shards: merged.shards };
  writeHandOff(setup, report, artifactsDir);
  const check = await startCheck(setup);
  const htmlReport = await uploadHtmlReport(setup, artifactsDir);
  const artifact = await upload(setup, setup.inputs['artifact-name'], artifactsDir);
  await publishReport(setup, { ...report, check, artifact, htmlReport });
}

/**
 * The threshold the merged suite is judged at: the merge job's own `pass-threshold` (a runner always
 * passes one, 100 by default), as every job of the Action gates by its input; the shards' (which
 * must agree) only when the input is absent. A difference is said, since the shards' `passed`
 * outputs were decided at theirs.
 */
function mergeThreshold(setup: ActionSetup, shards: number): number {
  const own = setup.inputs.overrides.passThreshold;
  if (own === undefined) return shards;
  if (own !== shards)
    core.warning(
      `The shards ran with pass-threshold ${shards}; this merge job's pass-threshold ${own} decides for the suite. Give both jobs the same 'pass-threshold' to silence this.`,
    );
  return own;
}

/** The scenarios' prompts (for the failures file), when this checkout has them; the merge needs none of them. */
function scenarioPrompts(setup: ActionSetup): Map<string, string> {
  const prompts = new Map<string, string>();
  try {
    const loaded = loadWorkspaceScenarios(actionWorkspace(setup), { paths: setup.inputs.scenarios });
    if (loaded.kind === 'loaded')
      for (const { scenario } of loaded.scenarios.entries)
        prompts.set(relative(setup.repoDir, scenario.file), scenario.prompt);
  } catch (error) {
    logUntrusted(`The scenarios' prompts are not in the failures file: ${setup.redactor.text(errorMessage(error))}`);
  }
  return prompts;
}

/** The run records of a shard, beside the merged result. */
function copyRecords(from: string, to: string): void {
  for (const side of ['', 'base']) {
    const source = join(from, side, 'runs');
    if (existsSync(source)) cpSync(source, join(to, side, 'runs'), { recursive: true });
  }
}
