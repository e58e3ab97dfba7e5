import * as core from '@actions/core';
import { context } from '@actions/github';
import { completeCheckRun, createGitHubApiClient } from '../src/github/index.js';
import { errorMessage } from '../src/lib/errors.js';
import { SecretRedactor } from '../src/lib/redact.js';
import { readRunContext } from './context.js';
import { POST_STATE } from './state.js';

/**
 * The post step (`runs.post`). A step that stops before its report — the job cancelled, its
 * `timeout-minutes` reached, the runner killing it — leaves its check run in progress, which would
 * spin on the pull request (and hold a required check) until the next push. The runner runs the
 * post step whatever happened to the main one: it completes that check run as cancelled, and
 * leaves a check run the main step completed as it is.
 */
export async function runPost(): Promise<void> {
  const id = Number(core.getState(POST_STATE.checkRun));
  const token = core.getInput('github-token').trim();
  if (!Number.isSafeInteger(id) || id <= 0 || !token) return;
  const redactor = new SecretRedactor([token], process.env);
  const ctx = readRunContext(context);
  const target = { owner: ctx.owner, repo: ctx.repo };
  const github = createGitHubApiClient(ctx.apiUrl, token, { retries: 2, delayMs: 500 });
  try {
    const { data } = await github.rest.checks.get({ ...target, check_run_id: id });
    if (data.status === 'completed') return;
    await completeCheckRun(github, target, id, {
      conclusion: 'cancelled',
      title: 'Archal did not finish',
      summary: `The step stopped before its report: the job was cancelled or timed out. No result is reported for this commit${ctx.runUrl ? `; the [workflow run](${ctx.runUrl}) has the log` : ''}. Re-run the job to test it.`,
      annotations: [],
    });
    core.info(
      `The check run ${id} was left in progress by a step that stopped before its report: completed as cancelled.`,
    );
  } catch (error) {
    core.warning(
      `Could not complete the check run ${id} the step left in progress: ${redactor.text(errorMessage(error))}`,
    );
  }
}
