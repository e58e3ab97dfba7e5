import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureAnnotations, type CheckAnnotation } from '../src/preprod/annotations.js';
import type { Comparison } from '../src/preprod/compare.js';
import {
  commentMarker,
  failsJob,
  headFailures,
  lowestSatisfaction,
  regressionCount,
  renderCheckSummary,
  renderComment,
  renderSummary,
  reportTitle,
  scenariosPassed,
  type PreprodReport,
} from '../src/preprod/markdown.js';
import type { PreprodResult } from '../src/preprod/schema.js';
import {
  completeCheckRun,
  createCompletedCheckRun,
  isPermissionError,
  isServerError,
  upsertStickyComment,
  type CheckConclusion,
} from '../src/github/index.js';
import { errorMessage } from '../src/lib/errors.js';
import type { UploadedArtifact } from './artifacts.js';
import type { ActionSetup } from './setup.js';
import { logUntrusted } from './log.js';
import { supersededBy } from './superseded.js';

/** The outputs of action.yml, each written by every job that gets as far as its report. */
export const ACTION_OUTPUTS = [
  'status',
  'stop-reason',
  'passed',
  'satisfaction',
  'regressions',
  'results-path',
  'failures-path',
  'check-run-id',
  'comment-id',
  'artifact-id',
  'artifact-url',
  'pull-request-number',
  'pull-request-url',
  'pull-request-operation',
] as const;
export type ActionOutput = (typeof ACTION_OUTPUTS)[number];

export interface ReportInput {
  result: PreprodResult;
  comparison: Comparison | null;
  check: { id: number; url: string } | null;
  artifact: UploadedArtifact | null;
  /** The HTML report, uploaded as an artifact of its own. */
  htmlReport?: UploadedArtifact | null;
  passThreshold: number;
  shards?: number;
}

function conclusion(report: PreprodReport): CheckConclusion {
  if (failsJob(report)) return 'failure';
  return scenariosPassed(report) && regressionCount(report.comparison) === 0 ? 'success' : 'neutral';
}

/**
 * Everything a run tells GitHub, each write redacted: the job summary, the check run (with
 * annotations), the one comment, the outputs, and the step's failure by `fail-on`. A write the
 * token may not make falls back to workflow-command annotations and the summary, with a warning,
 * and never fails the job by itself.
 */
export async function publishReport(setup: ActionSetup, input: ReportInput): Promise<void> {
  const { inputs, ctx, redactor } = setup;
  const target = { owner: ctx.owner, repo: ctx.repo };
  if (inputs['fail-on'] === 'regression' && !input.comparison) {
    // Without verdicts nothing can fail the step: a green step here says nothing about regressions.
    setup.notes.push(
      "'fail-on: regression' fails only on a scenario that regressed against the pull request's base, and this run compared with no base (not a pull request, 'compare-base: false', or the base could not be run): nothing it found can fail the step.",
    );
    core.warning(setup.notes.at(-1)!);
  }
  const report: PreprodReport = {
    checkName: inputs['check-name'],
    result: input.result,
    comparison: input.comparison,
    passThreshold: input.passThreshold,
    failOn: inputs['fail-on'],
    links: {
      checkRun: input.check?.url ?? null,
      artifact: input.artifact?.url ?? null,
      report: input.htmlReport?.url ?? null,
      workflowRun: ctx.runUrl,
    },
    shards: input.shards ?? null,
    notes: setup.notes,
  };
  const annotations = redactor.value(failureAnnotations(headFailures(input.result), setup.pathPrefix));
  let checkRunId = input.check?.id ?? null;
  let checkWritten = false;

  if (setup.canWrite && !setup.refused.checks && setup.github) {
    const completion = {
      conclusion: conclusion(report),
      title: redactor.text(reportTitle(report)),
      summary: redactor.text(renderCheckSummary(report)),
      annotations,
    };
    try {
      if (input.check) await completeCheckRun(setup.github, target, input.check.id, completion);
      else {
        const created = await createCompletedCheckRun(
          setup.github,
          target,
          { name: inputs['check-name'], headSha: ctx.headSha, detailsUrl: ctx.runUrl },
          completion,
        );
        checkRunId = created.id;
        report.links.checkRun = created.url;
      }
      checkWritten = true;
    } catch (error) {
      writeFailed(setup, error, `The check run could not be written (${redactor.text(errorMessage(error))})`, 'checks');
    }
  }

  let commentId: number | null = null;
  const pull = ctx.pullRequest;
  const github = pull && setup.canWrite && !setup.refused.comment && inputs.comment !== 'never' ? setup.github : null;
  const superseded = github ? await supersededBy(setup) : null;
  if (superseded) {
    setup.notes.push(superseded);
    core.notice(superseded);
  } else if (pull && github) {
    const failing = failsJob(report) || !scenariosPassed(report);
    try {
      const comment = await upsertStickyComment(github, target, pull.number, {
        marker: commentMarker(inputs['check-name']),
        body: redactor.text(renderComment(report)),
        // on-failure: a new comment only for a failure; an existing one is still brought up to date.
        create: inputs.comment === 'always' || failing,
      });
      commentId = comment.id;
      core.info(`Comment ${comment.action}${comment.url ? `: ${comment.url}` : ''}`);
    } catch (error) {
      writeFailed(
        setup,
        error,
        `The pull request comment could not be written (${redactor.text(errorMessage(error))})`,
        'comment',
      );
    }
  }

  if (!checkWritten) annotateInLog(annotations);
  await writeSummary(setup, renderSummary(report));

  const result = input.result;
  const lowest = lowestSatisfaction(result);
  const outputs: Record<ActionOutput, string> = {
    status: result.status,
    'stop-reason': result.stopReason,
    passed: String(scenariosPassed(report)),
    satisfaction: lowest === null ? '' : String(lowest),
    regressions: String(regressionCount(input.comparison)),
    'results-path': result.artifacts.result ?? '',
    'failures-path': result.artifacts.failures ?? '',
    'check-run-id': checkRunId === null ? '' : String(checkRunId),
    'comment-id': commentId === null ? '' : String(commentId),
    'artifact-id': input.artifact ? String(input.artifact.id) : '',
    'artifact-url': input.artifact?.url ?? '',
    'pull-request-number': result.pr?.number ? String(result.pr.number) : '',
    'pull-request-url': result.pr?.url ?? '',
    'pull-request-operation': result.pr?.action ?? 'none',
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redactor.text(value));
  logUntrusted(`${reportTitle(report)} — ${result.status} (${result.stopReason}): ${redactor.text(result.message)}`);
  if (failsJob(report))
    core.setFailed(
      inputs['fail-on'] === 'regression'
        ? `${regressionCount(input.comparison)} scenario(s) regressed against the base (fail-on: regression).`
        : lowest === null
          ? // No scenario ran: the title names only the stop reason; the error annotation says why.
            `${reportTitle(report)}: ${redactor.text(result.message)}`
          : `${reportTitle(report)} (fail-on: threshold).`,
    );
}

/** A write GitHub refused: say so once, and report through the log and the summary instead. */
function fallBack(setup: ActionSetup, what: string, permission: 'checks' | 'pull-requests'): void {
  const note = `${what}: the results are in this job summary and as annotations. Give the job \`${permission}: write\` (a pull request from a fork never has it: see the README's two-workflow pattern).`;
  setup.notes.push(note);
  core.warning(note);
}

/**
 * A report write that failed: GitHub failing on its side is a warning; a refusal falls back to
 * annotations for the rest of the job; anything else is a bug and fails the step.
 */
function writeFailed(setup: ActionSetup, error: unknown, what: string, write: 'checks' | 'comment'): void {
  if (isServerError(error)) return unavailable(setup, what);
  if (!isPermissionError(error)) throw error;
  setup.refused[write] = true;
  fallBack(setup, what, write === 'checks' ? 'checks' : 'pull-requests');
}

/**
 * GitHub kept failing on its side after the retries: a warning, and the scenarios alone decide the
 * step's outcome.
 */
export function unavailable(setup: ActionSetup, what: string): void {
  const note = `${what} after retries: GitHub failed on its side. The results are in this job summary and as annotations; the step's outcome is the scenarios' own.`;
  setup.notes.push(note);
  core.warning(note);
}

/** Annotations of one level GitHub shows per step; it drops the rest without a word. */
const LOG_ANNOTATIONS_PER_LEVEL = 10;

/**
 * Workflow-command annotations: what a read-only token can still show on the pull request's files.
 * GitHub shows 10 errors and 10 warnings per step and silently drops the rest, so the rest are
 * counted in a notice instead of logged to be lost.
 */
function annotateInLog(annotations: readonly CheckAnnotation[]): void {
  const logged = { error: 0, warning: 0 };
  let left = 0;
  for (const annotation of annotations) {
    const level = annotation.annotation_level === 'failure' ? 'error' : 'warning';
    if (logged[level] === LOG_ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    logged[level]++;
    const properties = {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
    };
    if (level === 'error') core.error(annotation.message, properties);
    else core.warning(annotation.message, properties);
  }
  if (left > 0)
    core.notice(
      `${left} more failing ${left === 1 ? 'criterion is' : 'criteria are'} not annotated here: GitHub shows ${LOG_ANNOTATIONS_PER_LEVEL} error and ${LOG_ANNOTATIONS_PER_LEVEL} warning annotations per step. The job summary lists the failing scenarios; preprod-failures.json in the artifact holds every failure.`,
    );
}

/** The job summary (GITHUB_STEP_SUMMARY), redacted. */
export async function writeSummary(
  setup: Pick<ActionSetup, 'runnerEnv' | 'redactor'>,
  markdown: string,
): Promise<void> {
  if (!setup.runnerEnv.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    return;
  }
  await core.summary.addRaw(setup.redactor.text(markdown)).write();
}

/**
 * What a second workflow (on `workflow_run`, with a write token) needs to comment for a pull request
 * from a fork: the comment, rendered and redacted, and the pull request's number.
 */
export function writeHandOff(
  setup: ActionSetup,
  input: Omit<ReportInput, 'check' | 'artifact' | 'htmlReport'>,
  dir: string,
): void {
  const report: PreprodReport = {
    checkName: setup.inputs['check-name'],
    result: input.result,
    comparison: input.comparison,
    passThreshold: input.passThreshold,
    failOn: setup.inputs['fail-on'],
    links: { workflowRun: setup.ctx.runUrl },
    shards: input.shards ?? null,
    notes: setup.notes.filter((note) => !/fork|could not be written|may not create/.test(note)),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'comment.md'), setup.redactor.text(renderComment(report)));
  if (setup.ctx.pullRequest) writeFileSync(join(dir, 'pull-request-number.txt'), `${setup.ctx.pullRequest.number}\n`);
}
