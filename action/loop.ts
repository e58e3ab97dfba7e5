import * as core from '@actions/core';
import { join } from 'node:path';
import { errorMessage } from '../src/lib/errors.js';
import { SecretRedactor } from '../src/lib/redact.js';
import { Slots } from '../src/lib/slots.js';
import { runPreprodInWorkspace } from '../src/preprod/in-workspace.js';
import { formatScenarioProblems } from '../src/runner/load.js';
import type { SuiteResult } from '../src/runner/results.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { ACTION_VOCABULARY } from '../src/preprod/vocabulary.js';
import { compareWithBase, comparing, removeBaseWorktree, runBase } from './base.js';
import type { ActionInputs } from './inputs.js';
import { upload, uploadHtmlReport, writeRecords, writeWorkflowRuns } from './records.js';
import { publishReport, writeHandOff } from './report.js';
import { failCheck, failedCheck, startCheck, type CheckRef } from './check.js';
import { actionOptions, actionWorkspace, prepare, type ActionSetup } from './setup.js';
import { mergeShards, runShard } from './shards.js';
import { actionPublishTarget } from './target.js';
import { logUntrusted } from './log.js';

/** Runs what the inputs ask: the pre-prod loop, a shard, or the merge of shards. */
export async function runAction(inputs: ActionInputs): Promise<void> {
  const redactor = new SecretRedactor([inputs['github-token']], process.env);
  let setup: ActionSetup | undefined;
  let check: CheckRef | null = null;
  try {
    setup = await prepare(inputs, redactor);
    if (setup.inputs.shard) await runShard(setup);
    else if (setup.inputs['merge-shards']) await mergeShards(setup);
    else {
      check = await startCheck(setup);
      await runLoop(setup, check);
      check = null;
    }
  } catch (error) {
    const message = redactor.text(errorMessage(error));
    // A check run left in progress would stay yellow on the pull request forever.
    if (setup && check) await failCheck(setup, check, message);
    else if (setup?.inputs['merge-shards']) await failedCheck(setup, 'The merge of shards', message);
    core.setFailed(message);
  }
}

/** The whole loop on the head, with the base beside it on a pull request, then every report. */
async function runLoop(setup: ActionSetup, check: CheckRef | null): Promise<void> {
  const { inputs, ctx } = setup;
  const workspace = actionWorkspace(setup);
  const artifactsDir = join(setup.temp, 'artifact');
  const options = actionOptions(setup, workspace, artifactsDir);
  const slots = new Slots(options.concurrency);
  // A runner keeps nothing after the job: the fix workflow's runs live in memory, then go into the artifact.
  const store = options.fixWorkflow ? new MemoryStore() : undefined;
  let headSuite: SuiteResult | null = null;
  const head = runPreprodInWorkspace(workspace, {
    options,
    scenarios: inputs.scenarios.length > 0 ? inputs.scenarios : undefined,
    tags: inputs.tags,
    harness: inputs.harness,
    publishTarget: () => actionPublishTarget(setup),
    log: (line) => logUntrusted(setup.redactor.text(line)),
    store,
    conversationId: ctx.pullRequest ? `${ctx.owner}/${ctx.repo}#${ctx.pullRequest.number}` : undefined,
    slots,
    vocabulary: ACTION_VOCABULARY,
    onSuite: (attempt, suite) => {
      if (attempt === 0) headSuite = suite;
    },
  });
  const base = comparing(setup)
    ? runBase(setup, { runs: options.runs, passThreshold: options.passThreshold, slots })
    : null;
  const [outcome, baseSide] = await Promise.all([head, base]);
  if (outcome.kind === 'invalid_scenarios') {
    await removeBaseWorktree(setup, baseSide);
    throw new Error(
      `Input 'scenarios': ${outcome.problems.length} problem(s) in the scenarios:\n${formatScenarioProblems(outcome.problems, setup.repoDir)}`,
    );
  }
  const { result } = outcome;
  const comparison = compareWithBase(setup, { suite: headSuite, repo: setup.repoDir }, baseSide);
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
  await removeBaseWorktree(setup, baseSide);
  if (store) await writeWorkflowRuns(setup, store, artifactsDir);
  writeHandOff(setup, { result, comparison, passThreshold: options.passThreshold }, artifactsDir);
  const htmlReport = await uploadHtmlReport(setup, artifactsDir, store);
  const artifact = await upload(setup, inputs['artifact-name'], artifactsDir);
  await publishReport(setup, {
    result,
    comparison,
    check,
    artifact,
    htmlReport,
    passThreshold: options.passThreshold,
  });
}
