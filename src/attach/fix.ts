import { join } from 'node:path';
import type { AgentCommand } from '../harness/agent.js';
import { runGitInWorkTree } from '../lib/git.js';
import type { SecretRedactor } from '../lib/redact.js';
import { workflowFixer } from '../preprod/fix-workflow.js';
import { changedPaths, snapshotWorkingTree } from '../preprod/git.js';
import { resolvePreprodOptions } from '../preprod/options.js';
import { runPreprod, type PreprodRun } from '../preprod/run.js';
import type { PreprodResult } from '../preprod/schema.js';
import { discoverPublishTarget, type PublishTargetLookup } from '../preprod/target.js';
import type { ProviderRegistry } from '../providers/types.js';
import { loadScenarios, type LoadedScenarios } from '../runner/load.js';
import type { Workspace } from '../workspace/workspace.js';
import { writeFileAtomic, writeJsonAtomic, type AttachLayout } from './layout.js';
import type { FixStatus, Grade, Manifest, Trace } from './schema.js';

export interface FixerSettings {
  allowExternalExecution: boolean;
  fixCommand?: string;
  /** The name of a DAG workflow to run as the fixer. */
  fixWorkflow?: string;
  openPr: boolean;
  /**
   * Where the fix pull request goes (with `openPr`): a target the host knows, or how to find one.
   * Default: the checkout's origin, GITHUB_TOKEN and branch (`discoverPublishTarget`). Its head
   * branch is the trace's own, `archal/attach-fix-<trace>`.
   */
  publishTarget?: PreprodRun['publishTarget'];
}

export interface FixRequest extends FixerSettings {
  layout: AttachLayout;
  workspace: Workspace;
  trace: Trace;
  grade: Grade;
  manifest: Manifest;
  agent: AgentCommand | undefined;
  providers: ProviderRegistry;
  redactor: SecretRedactor;
  signal?: AbortSignal;
  log: (line: string) => void;
}

/** Archal's own output is never part of a fix. */
const ARTIFACTS = /^\.archal\//;

/** One pull request per trace, so that fixes of different failures are reviewed apart. */
export function attachFixBranch(traceId: string): string {
  return `archal/attach-fix-${traceId}`;
}

/** The reproduced scenario first, then the repository's own (a fix that breaks one of them is not a fix). */
function fixScenarios(request: FixRequest): LoadedScenarios {
  const { config, root } = request.workspace;
  const reproduced = loadScenarios([request.layout.scenario(request.trace.id)], { config, cwd: root });
  const own = loadScenarios([], { config, cwd: root });
  if (own.errors.length > 0) {
    request.log(
      `the repository's scenarios do not load (${own.errors.length} problem(s)); the fix is checked on the reproduction alone`,
    );
    return reproduced;
  }
  return {
    entries: [...reproduced.entries, ...own.entries],
    errors: reproduced.errors,
    warnings: [...reproduced.warnings, ...own.warnings],
    files: [...reproduced.files, ...own.files],
  };
}

/**
 * The fix stage: the pre-prod loop (fix command or workflow → rerun every scenario → validation →
 * draft PR), with the reproduced scenario as its failing input. It writes status.json, a
 * reviewer's summary (pr-details.md) and, when no pull request could be created, repo.patch.
 */
export async function fixTrace(request: FixRequest): Promise<FixStatus> {
  const dir = request.layout.fixDir(request.trace.id);
  const finish = (status: FixStatus): FixStatus => {
    writeJsonAtomic(join(dir, 'status.json'), request.redactor.value(status));
    return status;
  };
  const blocked = (reason: string, message: string): FixStatus =>
    finish({
      schemaVersion: 1,
      traceId: request.trace.id,
      status: 'fix_blocked',
      reason,
      message,
      preprod: null,
      pr: null,
      patch: null,
      finishedAt: new Date().toISOString(),
    });
  if (!request.allowExternalExecution)
    return blocked(
      'external_execution_disabled',
      'The failure reproduced; the fix command runs only with --allow-external-execution.',
    );
  if (!request.fixCommand && !request.fixWorkflow)
    return blocked('no_fix_command', 'The failure reproduced, and no --fix-command or --fix-workflow was given.');

  const { workspace } = request;
  const repo = workspace.root;
  const git = { cwd: repo, env: workspace.env };
  const resolved = resolvePreprodOptions(workspace.config.preprod, {
    allowExternalExecution: true,
    openPr: request.openPr,
    ...(request.fixCommand || request.fixWorkflow
      ? { fixCommand: request.fixCommand, fixWorkflow: request.fixWorkflow }
      : {}),
    artifacts: join(dir, 'preprod'),
  });
  if (!resolved.ok)
    return blocked(
      'invalid_options',
      `The pre-prod settings of .archal.json are invalid: ${resolved.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  const before = await snapshotWorkingTree(git);
  const result: PreprodResult = await runPreprod({
    repo,
    config: workspace.config,
    options: resolved.options,
    agent: request.agent,
    scenarios: fixScenarios(request),
    providers: request.providers,
    env: workspace.env,
    publishTarget: request.openPr ? traceTarget(request) : undefined,
    fixWorkflow: resolved.options.fixWorkflow
      ? workflowFixer(workspace, resolved.options.fixWorkflow, { log: request.log })
      : undefined,
    log: request.log,
    signal: request.signal,
  });
  const after = await snapshotWorkingTree(git);
  const paths = (await changedPaths(before, after, git)).filter((path) => !ARTIFACTS.test(path));
  const published = result.pr?.verified === true && result.pr.url !== null;
  let patch: string | null = null;
  if (!published && paths.length > 0) {
    const diff = await runGitInWorkTree(['diff', '--binary', before, after, '--', ...paths], git);
    patch = join(dir, 'repo.patch');
    writeFileAtomic(patch, request.redactor.text(diff.ok ? `${diff.stdout}\n` : ''));
  }
  const fixed = result.status === 'passed' && (!request.openPr || published || result.pr?.action === 'none');
  writeFileAtomic(join(dir, 'pr-details.md'), request.redactor.text(prDetails(request, result, paths)));
  return finish({
    schemaVersion: 1,
    traceId: request.trace.id,
    status: fixed ? 'fixed' : 'fix_blocked',
    reason: fixed ? 'fixed' : result.stopReason,
    message: result.message,
    preprod: { status: result.status, stopReason: result.stopReason, result: result.artifacts.result },
    pr: result.pr ? { url: result.pr.url, number: result.pr.number, branch: result.pr.branch } : null,
    patch: patch ? request.layout.display(patch) : null,
    finishedAt: new Date().toISOString(),
  });
}

/** The host's target (or the checkout's), with the trace's own head branch. */
function traceTarget(request: FixRequest): () => Promise<PublishTargetLookup> {
  const headBranch = attachFixBranch(request.trace.id);
  return async () => {
    const given = request.publishTarget ?? (() => discoverPublishTarget(request.workspace.root, request.workspace.env));
    const found = typeof given === 'function' ? await given() : { ok: true as const, target: given };
    return found.ok ? { ok: true, target: { ...found.target, headBranch } } : found;
  };
}

/** What a reviewer reads first: the production failure, its reproduction, and the fix. */
function prDetails(request: FixRequest, result: PreprodResult, paths: string[]): string {
  const { trace, grade, manifest, layout } = request;
  const last = result.attempts.at(-1);
  return [
    `# Fix for production trace ${trace.id}`,
    '',
    `**Status:** ${result.status} (${result.stopReason}) — ${result.message}`,
    ...(result.pr?.url ? [`**Pull request:** ${result.pr.url} (draft, branch \`${result.pr.branch}\`)`] : []),
    '',
    '## What failed in production',
    `Source: ${trace.source.name} (${trace.source.format}${trace.source.file ? `, ${trace.source.file}` : ''})${trace.startedAt ? `, ${trace.startedAt}` : ''}.`,
    '',
    'Task:',
    '',
    ...(trace.task ?? '(not recorded)').split('\n').map((line) => `> ${line}`),
    '',
    `Grade: **${grade.verdict}** — ${grade.summary}`,
    ...grade.evidence.flatMap((item) => [
      `- ${item.rule}: ${item.message}`,
      ...item.calls
        .slice(0, 5)
        .map((call) => `  - call #${call.index}: ${call.method ?? ''} ${call.url ?? ''} → ${call.status ?? '?'}`),
    ]),
    '',
    '## Reproduction',
    `${manifest.summary} Command: \`${manifest.command}\``,
    ...manifest.evidence.map((line) => `- ${line}`),
    '',
    '## The fix',
    `${Math.max(0, result.attempts.length - 1)} fix attempt(s); after the last one: ${
      last
        ? last.scenarios.map((scenario) => `${scenario.title} ${scenario.passedRuns}/${scenario.runs}`).join(', ')
        : 'no run'
    }.`,
    ...(result.validation
      ? [`Validation: \`${result.validation.command}\` ${result.validation.passed ? 'passed' : 'failed'}.`]
      : []),
    '',
    'Files changed:',
    ...(paths.length > 0 ? paths.map((path) => `- \`${path}\``) : ['- (none)']),
    '',
    '## Evidence',
    `- \`${layout.display(layout.grade(trace.id))}\``,
    `- \`${layout.display(join(layout.runDir(trace.id), 'manifest.json'))}\``,
    `- \`${layout.display(join(layout.fixDir(trace.id), 'preprod', 'preprod-result.json'))}\``,
    '',
  ].join('\n');
}
