import * as core from '@actions/core';
import {
  completeCheckRun,
  createCompletedCheckRun,
  isPermissionError,
  isServerError,
  startCheckRun,
} from '../src/github/index.js';
import { errorMessage } from '../src/lib/errors.js';
import { unavailable } from './report.js';
import type { ActionSetup } from './setup.js';
import { POST_STATE } from './state.js';

export interface CheckRef {
  id: number;
  url: string;
}

/**
 * Starts the check run when it can be written. A refusal leaves it to annotations, with a warning;
 * GitHub failing on its side after the retries is a warning too (the report creates the check run
 * at the end, if GitHub is back), and the scenarios alone decide the step.
 */
export async function startCheck(setup: ActionSetup): Promise<CheckRef | null> {
  if (!setup.canWrite || setup.refused.checks || !setup.github) return null;
  try {
    const check = await startCheckRun(
      setup.github,
      { owner: setup.ctx.owner, repo: setup.ctx.repo },
      {
        name: setup.inputs['check-name'],
        headSha: setup.ctx.headSha,
        detailsUrl: setup.ctx.runUrl,
        externalId: setup.ctx.runId ? String(setup.ctx.runId) : undefined,
      },
    );
    // Should the step stop before its report, the post step completes this check run.
    core.saveState(POST_STATE.checkRun, String(check.id));
    return check;
  } catch (error) {
    if (isServerError(error)) {
      unavailable(setup, `The check run could not be started (${setup.redactor.text(errorMessage(error))})`);
      return null;
    }
    if (!isPermissionError(error)) throw error;
    setup.refused.checks = true;
    setup.notes.push(
      `The token may not create check runs (${setup.redactor.text(errorMessage(error))}): the results are in this job summary and as annotations; give the job \`checks: write\`.`,
    );
    core.warning(setup.notes.at(-1)!);
    return null;
  }
}

/** Completes a started check run as failed when the step fails before its report. */
export async function failCheck(setup: ActionSetup, check: CheckRef, message: string): Promise<void> {
  try {
    await completeCheckRun(setup.github!, { owner: setup.ctx.owner, repo: setup.ctx.repo }, check.id, {
      conclusion: 'failure',
      title: 'Archal could not run',
      summary: message.slice(0, 60_000),
      annotations: [],
    });
  } catch (error) {
    core.warning(`Could not complete the check run: ${setup.redactor.text(errorMessage(error))}`);
  }
}

/**
 * A job that reports without starting a check run first (the merge of shards) failed before its
 * report: one completed check run, failed, says what failed, so the pull request does not look as if
 * nothing ran.
 */
export async function failedCheck(setup: ActionSetup, what: string, message: string): Promise<void> {
  if (!setup.canWrite || setup.refused.checks || !setup.github) return;
  try {
    await createCompletedCheckRun(
      setup.github,
      { owner: setup.ctx.owner, repo: setup.ctx.repo },
      { name: setup.inputs['check-name'], headSha: setup.ctx.headSha, detailsUrl: setup.ctx.runUrl },
      {
        conclusion: 'failure',
        title: `Archal: ${what} failed`,
        summary: `${what} failed before its report:\n\n${message}`.slice(0, 60_000),
        annotations: [],
      },
    );
  } catch (error) {
    core.warning(`Could not write the failed check run: ${setup.redactor.text(errorMessage(error))}`);
  }
}
