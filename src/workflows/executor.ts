import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addUsage, type Usage } from '../providers/types.js';
import { systemClock } from './clock.js';
import { ConditionEvaluationError, evaluateCondition } from './condition.js';
import { JsonlTranscript, type WorkflowEvent, type WorkflowEventType } from './events.js';
import { isAiNode, type Workflow, type WorkflowNode } from './model.js';
import { outputFields, runPromptNode } from './nodes/ai.js';
import { runBashNode } from './nodes/bash.js';
import { runLoopNode } from './nodes/loop.js';
import { OutputRefError, readOutputRef, valueText, type NodeOutput, type NodeState } from './refs.js';
import { NodeFailure, retryDelay, retryPolicyFor, shouldRetry } from './retry.js';
import type { EngineDeps, NodeOutcome, NodeRun, RunContext } from './run-context.js';
import { substitutePrompt, usesVariable, type RunVariables } from './substitute.js';
import { triggerRuleAllows } from './trigger-rules.js';
import { errorMessage } from '../lib/errors.js';

export type WorkflowRunStatus = 'completed' | 'failed' | 'cancelled' | 'paused';

export type SkipReason = 'trigger_rule' | 'when_condition' | 'run_cancelled' | 'prior_success';

export interface NodeResult {
  state: NodeState;
  output?: string;
  structured?: unknown;
  error?: string;
  skipReason?: SkipReason;
  attempts: number;
  iterations?: number;
  durationMs?: number;
  usage?: Usage;
}

export interface WorkflowRunResult {
  runId: string;
  workflow: string;
  status: WorkflowRunStatus;
  nodes: Record<string, NodeResult>;
  artifactsDir: string;
  logPath: string;
  /** Why the run failed or was cancelled. */
  error?: string;
  /** Set when an approval node paused the run. */
  pause?: { nodeId: string; message: string };
  usage?: Usage;
  durationMs: number;
}

/** Outputs of nodes a previous attempt of this run completed; they are not run again. */
export interface PriorOutputs {
  outputs: ReadonlyMap<string, { text: string; structured?: unknown }>;
  usage?: Usage;
}

export interface RunOptions {
  workflow: Workflow;
  cwd: string;
  userMessage?: string;
  runId?: string;
  /** GitHub issue/PR context for $CONTEXT. */
  context?: string;
  /** The base branch, or how to find it (only asked for when a node reads $BASE_BRANCH). */
  baseBranch?: string | (() => Promise<string | undefined>);
  /** What this run's node processes start from instead of the engine's environment (a restricted one, say). */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  prior?: PriorOutputs;
}

const PREVIEW_BYTES = 32 * 1024;
const DEFAULT_HEARTBEAT_MS = 10_000;

/**
 * Runs a workflow. Scheduling is dependency-driven: a node starts as soon as all its dependencies
 * are done (bounded by max_parallel), so a slow branch never holds up an unrelated one. Decisions
 * depend only on dependency states and outputs, so results equal a layer-by-layer run.
 */
export async function executeWorkflow(deps: EngineDeps, options: RunOptions): Promise<WorkflowRunResult> {
  const { workflow } = options;
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? (() => {});
  const runId = options.runId ?? randomUUID();
  const started = clock.now();
  const artifactsDir = join(options.cwd, '.archal', 'artifacts', 'runs', runId);
  const logPath = join(options.cwd, '.archal', 'logs', `${runId}.jsonl`);
  const transcript = new JsonlTranscript(logPath, log);

  const write = (type: WorkflowEventType, nodeId: string | undefined, data: Record<string, unknown>) => {
    const event: WorkflowEvent = { type, runId, data, ts: new Date(clock.now()).toISOString() };
    if (nodeId !== undefined) event.nodeId = nodeId;
    transcript.write(event);
    deps.sink.write(event);
  };

  const results = new Map<string, NodeResult>(
    workflow.nodes.map((node) => [node.id, { state: 'pending', attempts: 0 }]),
  );
  const outputs = new Map<string, NodeOutput>(workflow.nodes.map((node) => [node.id, { state: 'pending', text: '' }]));
  const finish = (status: WorkflowRunStatus, extra: Partial<WorkflowRunResult> = {}): WorkflowRunResult => ({
    runId,
    workflow: workflow.name,
    status,
    nodes: Object.fromEntries(results),
    artifactsDir,
    logPath,
    durationMs: clock.now() - started,
    ...extra,
  });

  write('workflow_started', undefined, {
    workflowName: workflow.name,
    userMessage: options.userMessage ?? '',
    cwd: options.cwd,
    nodeCount: workflow.nodes.length,
    resumed: options.prior !== undefined,
  });

  let vars: RunVariables;
  try {
    mkdirSync(artifactsDir, { recursive: true });
    vars = {
      runId,
      userMessage: options.userMessage ?? '',
      artifactsDir,
      context: options.context ?? '',
      baseBranch: await resolveBaseBranch(workflow, options.baseBranch),
    };
  } catch (error) {
    const message = `Could not set up the run: ${errorMessage(error)}`;
    write('workflow_failed', undefined, { error: message });
    await deps.sink.flush?.();
    return finish('failed', { error: message });
  }

  const dependents = new Map<string, WorkflowNode[]>(workflow.nodes.map((node) => [node.id, []]));
  for (const node of workflow.nodes) for (const dep of node.depends_on) dependents.get(dep)?.push(node);

  const runAbort = new AbortController();
  const onExternalAbort = () => cancelRun('Cancelled by user');
  options.signal?.addEventListener('abort', onExternalAbort, { once: true });

  const run: RunContext = {
    runId,
    workflow,
    cwd: options.cwd,
    artifactsDir,
    vars,
    outputs,
    env: options.env ?? deps.env,
    deps: { ...deps, clock, log },
    emit: (type, nodeId, data) => {
      if (type === 'loop_iteration_started' && nodeId) {
        const result = results.get(nodeId);
        if (result) result.iterations = data.iteration as number;
      }
      write(type, nodeId, data);
    },
    sessions: new Map(),
    dependentCount: new Map([...dependents].map(([id, list]) => [id, list.length])),
  };

  let usage = options.prior?.usage;
  let cancelled: { reason: string; nodeId?: string } | undefined;
  let pause: { nodeId: string; message: string } | undefined;
  const ready: WorkflowNode[] = [];
  const remainingDeps = new Map(workflow.nodes.map((node) => [node.id, node.depends_on.length]));
  const order = new Map(workflow.nodes.map((node, index) => [node.id, index]));
  let running = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const heartbeat = deps.heartbeat
    ? setInterval(deps.heartbeat, deps.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS)
    : undefined;
  heartbeat?.unref();

  function cancelRun(reason: string, nodeId?: string) {
    if (cancelled) return;
    cancelled = { reason, nodeId };
    runAbort.abort();
  }

  function setState(
    node: WorkflowNode,
    state: NodeState,
    patch: Partial<NodeResult> = {},
    output?: Partial<NodeOutput>,
  ) {
    Object.assign(results.get(node.id)!, { state, ...patch });
    outputs.set(node.id, { ...outputs.get(node.id)!, state, ...output });
  }

  /** Marks a node terminal and lets its dependents decide. Iterative, so long chains of skips cannot overflow. */
  function settle(first: WorkflowNode) {
    const queue = [first];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const dependent of dependents.get(node.id)!) {
        const left = remainingDeps.get(dependent.id)! - 1;
        remainingDeps.set(dependent.id, left);
        if (left === 0) {
          const decided = decide(dependent);
          if (decided === 'terminal') queue.push(dependent);
        }
      }
    }
  }

  /** Trigger rule, then `when:`. Returns whether the node became terminal without running. */
  function decide(node: WorkflowNode): 'terminal' | 'queued' | 'held' {
    if (pause) return 'held';
    if (cancelled) {
      skip(node, 'run_cancelled', { reason: 'run_cancelled', cancelledBy: cancelled.nodeId ?? null });
      return 'terminal';
    }
    const prior = options.prior?.outputs.get(node.id);
    if (prior) {
      const output = {
        text: prior.text,
        structured: prior.structured,
        declaredFields: isAiNode(node) ? outputFields(node) : undefined,
      };
      setState(
        node,
        'completed',
        { output: prior.text, structured: prior.structured, skipReason: 'prior_success' },
        output,
      );
      write('node_skipped_prior_success', node.id, {
        reason: 'prior_success',
        node_output: preview(prior.text),
        ...(prior.text.length > PREVIEW_BYTES ? fullOutputFile(artifactsDir, node.id, prior.text) : {}),
        structured_output: prior.structured,
      });
      return 'terminal';
    }
    const depStates = node.depends_on.map((dep) => results.get(dep)!.state);
    if (!triggerRuleAllows(node.trigger_rule, depStates)) {
      skip(node, 'trigger_rule', {
        reason: 'trigger_rule',
        trigger_rule: node.trigger_rule,
        dependencies: Object.fromEntries(node.depends_on.map((dep) => [dep, results.get(dep)!.state])),
      });
      return 'terminal';
    }
    if (node.when) {
      let passes: boolean;
      try {
        passes = evaluateCondition(node.when.expr, (id, field) => valueText(readOutputRef(outputs, id, field)));
      } catch (error) {
        if (!(error instanceof ConditionEvaluationError || error instanceof OutputRefError)) throw error;
        const message = `Node '${node.id}' condition "${node.when.source}" could not be evaluated: ${error.message}`;
        setState(node, 'failed', { error: message });
        write('node_failed', node.id, { error: message, phase: 'when' });
        return 'terminal';
      }
      if (!passes) {
        skip(node, 'when_condition', { reason: 'when_condition', expr: node.when.source });
        return 'terminal';
      }
    }
    insertReady(node);
    return 'queued';
  }

  function skip(node: WorkflowNode, reason: SkipReason, data: Record<string, unknown>) {
    setState(node, 'skipped', { skipReason: reason });
    write('node_skipped', node.id, data);
  }

  function insertReady(node: WorkflowNode) {
    const index = order.get(node.id)!;
    let at = ready.length;
    while (at > 0 && order.get(ready[at - 1]!.id)! > index) at--;
    ready.splice(at, 0, node);
  }

  function pump() {
    while (running < workflow.max_parallel && ready.length > 0 && !cancelled && !pause) {
      const node = ready.shift()!;
      running++;
      void execute(node).then(() => {
        running--;
        settle(node);
        pump();
        if (running === 0 && (ready.length === 0 || cancelled || pause)) resolveDone();
      });
    }
    if (running === 0 && (ready.length === 0 || cancelled || pause)) resolveDone();
  }

  async function execute(node: WorkflowNode): Promise<void> {
    const nodeStarted = clock.now();
    const result = results.get(node.id)!;
    setState(node, 'running');
    write('node_started', node.id, {
      kind: node.kind,
      ...(isAiNode(node) ? { provider: node.provider, model: node.model ?? null } : {}),
    });
    // What the dependencies recorded must be durable before this node has side effects: a run
    // killed from here on resumes past them instead of repeating them.
    await deps.sink.flush?.();
    const policy = retryPolicyFor(node);
    const nodeAbort = new AbortController();
    const abortNode = () => nodeAbort.abort();
    runAbort.signal.addEventListener('abort', abortNode, { once: true });
    let nodeUsage: Usage | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        result.attempts = attempt;
        try {
          const outcome = await runNode({ node, run, signal: nodeAbort.signal, attempt });
          nodeUsage = addUsage(nodeUsage, outcome.kind === 'completed' ? outcome.usage : undefined);
          complete(node, outcome, nodeStarted, nodeUsage);
          return;
        } catch (error) {
          const failure = error instanceof NodeFailure ? error : new NodeFailure(errorMessage(error), 'unknown');
          nodeUsage = addUsage(nodeUsage, failure.usage);
          if (!nodeAbort.signal.aborted && shouldRetry(policy, failure.errorClass, attempt)) {
            const delayMs = retryDelay(policy, attempt);
            const label = failure.errorClass === 'transient' ? 'transient error' : 'error';
            log(
              `⚠️ Node ${node.id} failed with ${label} (attempt ${attempt}/${policy.maxAttempts}). Retrying in ${formatDelay(delayMs)}...`,
            );
            write('node_retrying', node.id, {
              attempt,
              maxAttempts: policy.maxAttempts,
              delay_ms: delayMs,
              error: failure.message,
              errorClass: failure.errorClass,
            });
            await clock.sleep(delayMs, nodeAbort.signal);
            if (!nodeAbort.signal.aborted) continue;
          }
          const message =
            nodeAbort.signal.aborted && cancelled
              ? `${failure.message} (run cancelled: ${cancelled.reason})`
              : failure.message;
          setState(node, 'failed', { error: message, durationMs: clock.now() - nodeStarted, usage: nodeUsage });
          usage = addUsage(usage, nodeUsage);
          write('node_failed', node.id, {
            error: message,
            errorClass: failure.errorClass,
            duration_ms: clock.now() - nodeStarted,
            attempts: attempt,
            continue_on_error: node.continue_on_error,
            ...usageData(nodeUsage),
          });
          return;
        }
      }
    } finally {
      runAbort.signal.removeEventListener('abort', abortNode);
    }
  }

  function complete(node: WorkflowNode, outcome: NodeOutcome, nodeStarted: number, nodeUsage: Usage | undefined) {
    const durationMs = clock.now() - nodeStarted;
    usage = addUsage(usage, nodeUsage);
    switch (outcome.kind) {
      case 'completed': {
        const fields = isAiNode(node) ? outputFields(node) : undefined;
        setState(
          node,
          'completed',
          { output: outcome.text, structured: outcome.structured, durationMs, usage: nodeUsage },
          { text: outcome.text, structured: outcome.structured, declaredFields: fields },
        );
        if (outcome.sessionId && isAiNode(node))
          run.sessions.set(node.id, { provider: node.provider, sessionId: outcome.sessionId });
        write('node_completed', node.id, {
          duration_ms: durationMs,
          node_output: preview(outcome.text),
          ...(outcome.text.length > PREVIEW_BYTES ? fullOutputFile(artifactsDir, node.id, outcome.text) : {}),
          ...(outcome.structured === undefined ? {} : { structured_output: outcome.structured }),
          ...(outcome.iterations === undefined ? {} : { iterations: outcome.iterations }),
          attempts: results.get(node.id)!.attempts,
          ...usageData(nodeUsage),
        });
        return;
      }
      case 'paused':
        setState(node, 'paused', { durationMs });
        pause ??= { nodeId: node.id, message: outcome.message };
        // Hosts tell people how to answer from this event (the CLI prints its commands).
        write('approval_requested', node.id, { message: outcome.message });
        return;
      case 'cancel_run':
        setState(node, 'completed', { output: outcome.reason, durationMs }, { text: outcome.reason });
        write('node_completed', node.id, {
          duration_ms: durationMs,
          node_output: preview(outcome.reason),
          attempts: 1,
        });
        log(`❌ Workflow cancelled (node ${node.id}): ${outcome.reason}`);
        cancelRun(outcome.reason, node.id);
        return;
    }
  }

  for (const node of workflow.nodes) if (node.depends_on.length === 0 && decide(node) === 'terminal') settle(node);
  pump();
  await done;

  if (heartbeat) clearInterval(heartbeat);
  options.signal?.removeEventListener('abort', onExternalAbort);

  // Nodes never reached: a cancelled run skips them; a paused one keeps them pending for resume.
  if (cancelled) {
    for (const node of workflow.nodes) {
      if (results.get(node.id)!.state === 'pending')
        skip(node, 'run_cancelled', { reason: 'run_cancelled', cancelledBy: cancelled.nodeId ?? null });
    }
  }

  const counts = countStates(results);
  const totals = usageData(usage);
  let runResult: WorkflowRunResult;
  if (cancelled) {
    write('workflow_cancelled', cancelled.nodeId, { reason: cancelled.reason, node_counts: counts, ...totals });
    runResult = finish('cancelled', { error: cancelled.reason, usage });
  } else if (pause) {
    write('workflow_paused', pause.nodeId, { message: pause.message, node_counts: counts, ...totals });
    runResult = finish('paused', { pause, usage });
  } else {
    const failed = workflow.nodes.filter((node) => results.get(node.id)!.state === 'failed' && !node.continue_on_error);
    if (failed.length === 0 && counts.completed > 0) {
      write('workflow_completed', undefined, { duration_ms: clock.now() - started, node_counts: counts, ...totals });
      runResult = finish('completed', { usage });
    } else {
      const error =
        failed.length > 0
          ? `Workflow '${workflow.name}' failed: ${failed.map((node) => `'${node.id}': ${results.get(node.id)!.error}`).join('; ')}`
          : `Workflow '${workflow.name}' completed no node (${counts.skipped} skipped). Check node conditions, trigger rules and upstream failures.`;
      write('workflow_failed', undefined, { error, node_counts: counts, ...totals });
      runResult = finish('failed', { error, usage });
    }
  }
  await deps.sink.flush?.();
  return runResult;
}

function runNode(nodeRun: NodeRun): Promise<NodeOutcome> {
  const { node, run } = nodeRun;
  switch (node.kind) {
    case 'bash':
      return runBashNode({ ...nodeRun, node });
    case 'command':
    case 'prompt':
      return runPromptNode({ ...nodeRun, node });
    case 'loop':
      return runLoopNode({ ...nodeRun, node });
    case 'approval':
      return Promise.resolve({
        kind: 'paused',
        message: substitutePrompt(node.approval.message, { ...run.vars, context: '' }, run.outputs),
      });
    case 'cancel':
      return Promise.resolve({
        kind: 'cancel_run',
        reason: substitutePrompt(node.cancel, { ...run.vars, context: '' }, run.outputs),
      });
  }
}

async function resolveBaseBranch(
  workflow: Workflow,
  baseBranch: RunOptions['baseBranch'],
): Promise<string | undefined> {
  if (typeof baseBranch !== 'function') return baseBranch;
  const needed = workflow.nodes.some((node) => nodeTexts(node).some((text) => usesVariable(text, 'BASE_BRANCH')));
  return needed ? baseBranch() : undefined;
}

function nodeTexts(node: WorkflowNode): string[] {
  switch (node.kind) {
    case 'command':
      return [node.body];
    case 'prompt':
      return [node.prompt];
    case 'bash':
      return [node.bash];
    case 'loop':
      return [node.loop.prompt, node.loop.until_bash ?? ''];
    case 'approval':
      return [node.approval.message];
    case 'cancel':
      return [node.cancel];
  }
}

function countStates(results: Map<string, NodeResult>) {
  const counts = { completed: 0, failed: 0, skipped: 0, pending: 0, paused: 0, total: results.size };
  for (const { state } of results.values()) if (state in counts) counts[state as keyof typeof counts]++;
  return counts;
}

function usageData(usage: Usage | undefined): Record<string, unknown> {
  if (!usage) return {};
  return {
    tokens: {
      input: usage.inputTokens,
      output: usage.outputTokens,
      cacheRead: usage.cacheReadTokens,
      cacheWrite: usage.cacheWriteTokens,
    },
    ...(usage.costUsd === undefined ? {} : { cost_usd: usage.costUsd }),
  };
}

/** Events carry a preview; the whole of a long output goes to a file, so a resume can read it back. */
function fullOutputFile(artifactsDir: string, nodeId: string, text: string): Record<string, unknown> {
  const file = join(artifactsDir, '.archal', 'outputs', `${nodeId}.txt`);
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  } catch {
    return { node_output_truncated: true, node_output_original_bytes: Buffer.byteLength(text) };
  }
  return { node_output_truncated: true, node_output_original_bytes: Buffer.byteLength(text), node_output_file: file };
}

function preview(text: string): string {
  if (text.length <= PREVIEW_BYTES) return text;
  return `${text.slice(0, PREVIEW_BYTES)}\n\n… [truncated; original output was ${Buffer.byteLength(text)} bytes]`;
}

function formatDelay(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
