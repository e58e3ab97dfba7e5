import { errorMessage } from '../../lib/errors.js';
import { addUsage, type Usage } from '../../providers/types.js';
import type { LoopControl, LoopNode } from '../model.js';
import { NodeFailure } from '../retry.js';
import type { NodeOutcome, NodeRun, RunContext } from '../run-context.js';
import { detectCompletionSignal, stripCompletionSignal } from '../signals.js';
import { substitutePrompt, substituteText, type RunVariables } from '../substitute.js';
import { callProvider } from './ai.js';
import { runScript } from './bash.js';
import { isRecord } from '../../lib/is-record.js';

const UNTIL_BASH_TIMEOUT_MS = 120_000;
const GATE_EXCERPT = 1200;

/**
 * Runs the loop body until a completion check passes: `until_field` true in the structured answer,
 * the `until` signal in the output, else `until_bash` exiting 0. Reaching max_iterations without
 * completion fails the node. An interactive loop pauses after its iterations for a person's answer,
 * which the next iteration reads as $LOOP_USER_INPUT.
 */
export async function runLoopNode({ node, run, signal }: NodeRun<LoopNode>): Promise<NodeOutcome> {
  const { loop } = node;
  const resume = run.gateResume?.nodeId === node.id ? run.gateResume : undefined;
  let previous = '';
  let sessionId = resume?.sessionId;
  let usage: Usage | undefined;
  const first = resume?.iteration ?? 1;

  for (let iteration = first; iteration <= loop.max_iterations; iteration++) {
    if (signal.aborted) throw new NodeFailure(`Loop node '${node.id}' was cancelled`, 'fatal', usage);
    const started = run.deps.clock.now();
    run.emit('loop_iteration_started', node.id, { iteration, maxIterations: loop.max_iterations });
    const vars: RunVariables = {
      ...run.vars,
      loopPrevOutput: previous,
      loopUserInput: iteration === first && resume ? resume.userInput : '',
    };
    let text: string;
    let structured: unknown;
    let done: string | undefined;
    try {
      const result = await callProvider(run, node, {
        prompt: substitutePrompt(loop.prompt, vars, run.outputs),
        signal,
        iteration,
        resumeSessionId: loop.fresh_context ? undefined : sessionId,
        vars,
      });
      usage = addUsage(usage, result.usage);
      sessionId = result.sessionId ?? sessionId;
      text = result.text;
      structured = result.structured;
      if (loop.until_field && isRecord(structured) && structured[loop.until_field] === true)
        done = `until_field '${loop.until_field}'`;
      if (!done && loop.until && detectCompletionSignal(text, loop.until)) done = `signal '${loop.until}'`;
      if (
        !done &&
        loop.until_bash &&
        (await untilBash(run, node.id, loop.until_bash, { ...vars, loopPrevOutput: text }, signal, iteration))
      )
        done = "'until_bash' check";
    } catch (error) {
      run.emit('loop_iteration_failed', node.id, {
        iteration,
        error: errorMessage(error),
        duration_ms: run.deps.clock.now() - started,
      });
      if (error instanceof NodeFailure)
        throw new NodeFailure(error.message, error.errorClass, addUsage(usage, error.usage));
      throw new NodeFailure(errorMessage(error), 'unknown', usage);
    }
    run.emit('loop_iteration_completed', node.id, {
      iteration,
      duration_ms: run.deps.clock.now() - started,
      completionDetected: done !== undefined,
    });
    previous = structured === undefined ? stripCompletionSignal(text, loop.until) : text;
    if (loop.interactive && !(done && loop.signal_completes) && (done || iteration < loop.max_iterations)) {
      return {
        kind: 'paused',
        message: gateMessage(loop, run, vars, done, previous),
        gate: {
          type: 'interactive_loop',
          iteration,
          completionSignaled: done !== undefined,
          output: previous,
          sessionId,
        },
        usage,
        iterations: iteration,
      };
    }
    if (done) {
      run.deps.log(`Loop node '${node.id}' completed after ${iteration} iteration(s)`);
      return { kind: 'completed', text: previous, structured, usage, iterations: iteration, sessionId };
    }
  }
  throw new NodeFailure(
    `Loop node '${node.id}' exceeded max iterations (${loop.max_iterations}) without ${completionChannels(loop, node.loop.until_field).join(' or ')}`,
    'fatal',
    usage,
  );
}

/** `until_bash` after an iteration: exit 0 = done; a non-zero exit means "not yet". */
export async function untilBash(
  run: RunContext,
  nodeId: string,
  script: string,
  vars: RunVariables,
  signal: AbortSignal,
  iteration: number,
): Promise<boolean> {
  const check = await runScript(run, nodeId, script, vars, {
    timeoutMs: UNTIL_BASH_TIMEOUT_MS,
    signal,
    label: `until_bash of loop '${nodeId}'`,
    iteration,
  });
  // Only a check that could not run at all is an error.
  if (check.kind === 'failed' && check.exitCode === null) throw check.failure;
  return check.kind === 'ok';
}

export function completionChannels(loop: LoopControl, untilField?: string): string[] {
  return [
    untilField && `'${untilField}' being true`,
    loop.until && `completion signal '${loop.until}'`,
    loop.until_bash && "a passing 'until_bash' check",
  ].filter((channel): channel is string => Boolean(channel));
}

/** What a person reads at an interactive loop's gate: how the iteration ended, what it said, the author's question. */
export function gateMessage(
  loop: LoopControl,
  run: RunContext,
  vars: RunVariables,
  done: string | undefined,
  output: string,
): string {
  const status = done
    ? `✅ Completion condition met via ${done}. Approve without a comment to accept it, or answer to run another iteration.`
    : `⚠️ No completion condition met in this iteration (${completionChannels(loop).join(', ')}).`;
  const excerpt = output.length > GATE_EXCERPT ? `${output.slice(0, GATE_EXCERPT)}…` : output;
  const question = loop.gate_message ? substituteText(loop.gate_message, vars, run.outputs) : '';
  return [status, excerpt && `\n${excerpt}\n`, question].filter(Boolean).join('\n');
}
