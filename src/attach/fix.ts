import { join } from 'node:path';
import type { ArchalConfig } from '../config/schema.js';
import type { AgentCommand } from '../harness/agent.js';
import { runGit } from '../lib/git.js';
import type { Redactor } from '../lib/redact.js';
import { changedPaths, snapshotWorkingTree } from '../preprod/git.js';
import { runPreprod, type FixWorkflowOutcome, type FixWorkflowRequest } from '../preprod/run.js';
import type { PreprodResult } from '../preprod/schema.js';
import type { ProviderRegistry } from '../providers/types.js';
import { loadScenarios, type LoadedScenarios } from '../runner/load.js';
import { writeFileAtomic, writeJsonAtomic, type AttachLayout } from './layout.js';
import type { FixStatus, Grade, Manifest, Trace } from './schema.js';

export interface FixerSettings {
  allowExternalExecution: boolean;
  fixCommand?: string;
  fixWorkflow?: { name: string; run: (request: FixWorkflowRequest) => Promise<FixWorkflowOutcome> };
  openPr: boolean;
}

export interface FixRequest extends FixerSettings {
  layout: AttachLayout;
  trace: Trace;
  grade: Grade;
  manifest: Manifest;
  config: ArchalConfig;
  agent: AgentCommand | undefined;
  providers: ProviderRegistry;
  env: NodeJS.ProcessEnv;
  redactor: Redactor;
  signal?: AbortSignal;
  log: (line: string) => void;
}

/** Archal's own output is never part of a fix. */
const ARTIFACTS = /^\.archal\//;

/** The reproduced scenario first, then the repository's own (a fix that breaks one of them is not a fix). */
function fixScenarios(request: FixRequest): LoadedScenarios {
  const reproduced = loadScenarios([request.layout.scenario(request.trace.id)], {
    config: request.config,
    cwd: request.layout.repo,
  });
  const own = loadScenarios([], { config: request.config, cwd: request.layout.repo });
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

  const repo = request.layout.repo;
  const before = await snapshotWorkingTree({ cwd: repo });
  const defaults = request.config.preprod ?? {};
  const seconds = (value: number | undefined, fallback: number) => (value ?? fallback) * 1000;
  const result: PreprodResult = await runPreprod({
    repo,
    config: request.config,
    agent: request.agent,
    scenarios: fixScenarios(request),
    plan: false,
    passThreshold: 100,
    concurrency: 4,
    dryRun: false,
    maxFixAttempts: defaults.maxFixAttempts ?? 2,
    allowExternalExecution: true,
    fixCommand: request.fixCommand,
    fixWorkflow: request.fixWorkflow,
    validationCommand: defaults.validationCommand,
    openPr: request.openPr,
    prCommand: defaults.prCommand,
    artifactsDir: join(dir, 'preprod'),
    maxCostUsd: defaults.maxCostUsd,
    passEnv: defaults.passEnv ?? [],
    providers: request.providers,
    env: request.env,
    timeouts: {
      fixMs: seconds(defaults.timeouts?.fix, 1800),
      validationMs: seconds(defaults.timeouts?.validation, 900),
      prMs: seconds(defaults.timeouts?.pr, 300),
    },
    log: request.log,
    signal: request.signal,
  });
  const after = await snapshotWorkingTree({ cwd: repo });
  const paths = (await changedPaths(before, after, { cwd: repo })).filter((path) => !ARTIFACTS.test(path));
  const published = result.pr?.verified === true && result.pr.url !== null;
  let patch: string | null = null;
  if (!published && paths.length > 0) {
    const diff = await runGit(['diff', '--binary', before, after, '--', ...paths], { cwd: repo });
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
