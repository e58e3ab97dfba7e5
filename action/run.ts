import * as core from '@actions/core';
import { errorMessage } from '../src/lib/errors.js';
import { formatShard } from '../src/runner/shard.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { POST_STATE } from './state.js';

/**
 * Inputs → typed options, then the work (or, as the post step, the clean-up of a step that stopped). Bad inputs fail the step at once, before anything heavy
 * loads; the loop, GitHub and artifact clients load afterwards, so the log starts promptly.
 */
export async function run(): Promise<void> {
  // The runner masks a token that came from a secret or github.token, not one a workflow made in an
  // earlier step (a script's app token, say): masked here, before anything is logged.
  const token = core.getInput('github-token');
  if (token) core.setSecret(token);
  // action.yml runs dist/index.js as the post step too; the main step's state tells them apart.
  if (core.getState(POST_STATE.started)) {
    const { runPost } = await import('./post.js');
    await runPost();
    return;
  }
  core.saveState(POST_STATE.started, 'true');
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
  } catch (error) {
    core.setFailed(errorMessage(error));
    return;
  }
  const mode = inputs.shard
    ? `shard ${formatShard(inputs.shard)}`
    : inputs['merge-shards']
      ? 'merging shards'
      : 'pre-prod loop';
  core.info(`Archal: ${mode} in ${inputs['working-directory']}`);
  const { runAction } = await import('./loop.js');
  await runAction(inputs);
}
