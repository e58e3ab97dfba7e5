import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';

/**
 * What the runner reads as a workflow command in a log line: `::name …::` at the start of a
 * (trimmed) line, or the older `##[name …]` anywhere in it.
 */
const WORKFLOW_COMMAND = /^\s*::|##\[/m;

/**
 * Logs text Archal does not control (an agent's or a fix command's output, a scenario's excerpt)
 * as text only. Printed raw, a line of it like `::set-output name=passed::true` or `::add-mask::…`
 * would be obeyed by the runner; so text that holds one is framed by `::stop-commands::` and a
 * token it cannot guess, between which the runner obeys nothing.
 */
export function logUntrusted(text: string): void {
  if (!WORKFLOW_COMMAND.test(text)) {
    core.info(text);
    return;
  }
  const resume = randomBytes(16).toString('hex');
  core.info(`::stop-commands::${resume}`);
  core.info(text);
  core.info(`::${resume}::`);
}
