import { addUsage, type Usage } from '../../providers/types.js';
import type { LoopNode } from '../model.js';
import { NodeFailure } from '../retry.js';
import type { NodeOutcome, NodeRun } from '../run-context.js';
import { detectCompletionSignal, stripCompletionSignal } from '../signals.js';
import { substitutePrompt } from '../substitute.js';
import { callProvider } from './ai.js';
import { runScript } from './bash.js';
import { errorMessage } from '../../lib/errors.js';

const UNTIL_BASH_TIMEOUT_MS = 120_000;

/**
 * Runs the loop body until a completion check passes: the `until` signal in the output, else
 * `until_bash` exiting 0. Reaching max_iterations without completion fails the node.
 */
export async function runLoopNode({ node, run, signal }: NodeRun<LoopNode>): Promise<NodeOutcome> {
  const { loop } = node;
  let previous = '';
  let sessionId: string | undefined;
  let usage: Usage | undefined;

  for (let iteration = 1; iteration <= loop.max_iterations; iteration++) {
    if (signal.aborted) throw new NodeFailure(`Loop node '${node.id}' was cancelled`, 'fatal', usage);
    const started = run.deps.clock.now();
    run.emit('loop_iteration_started', node.id, { iteration, maxIterations: loop.max_iterations });
    const vars = { ...run.vars, loopPrevOutput: previous };
    let text: string;
    let structured: unknown;
    let done = false;
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
      if (loop.until) done = detectCompletionSignal(text, loop.until);
      if (!done && loop.until_bash) {
        const check = await runScript(
          run,
          node.id,
          loop.until_bash,
          { ...vars, loopPrevOutput: text },
          {
            timeoutMs: UNTIL_BASH_TIMEOUT_MS,
            signal,
            label: `until_bash of loop '${node.id}'`,
            iteration,
          },
        );
        // A non-zero exit means "not done yet"; only a check that could not run at all is an error.
        if (check.kind === 'ok') done = true;
        else if (check.exitCode === null) throw check.failure;
      }
    } catch (error) {
      const message = errorMessage(error);
      run.emit('loop_iteration_failed', node.id, {
        iteration,
        error: message,
        duration_ms: run.deps.clock.now() - started,
      });
      if (error instanceof NodeFailure)
        throw new NodeFailure(error.message, error.errorClass, addUsage(usage, error.usage));
      throw new NodeFailure(message, 'unknown', usage);
    }
    run.emit('loop_iteration_completed', node.id, {
      iteration,
      duration_ms: run.deps.clock.now() - started,
      completionDetected: done,
    });
    previous = structured === undefined ? stripCompletionSignal(text, loop.until) : text;
    if (done) {
      run.deps.log(`Loop node '${node.id}' completed after ${iteration} iteration(s)`);
      return { kind: 'completed', text: previous, structured, usage, iterations: iteration, sessionId };
    }
  }
  const checks = [
    loop.until && `completion signal '${loop.until}'`,
    loop.until_bash && "a passing 'until_bash' check",
  ].filter(Boolean);
  throw new NodeFailure(
    `Loop node '${node.id}' exceeded max iterations (${loop.max_iterations}) without ${checks.join(' or ')}`,
    'fatal',
    usage,
  );
}
