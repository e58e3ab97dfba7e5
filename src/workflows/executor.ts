import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../lib/errors.js';
import { SecretRedactor } from '../lib/redact.js';
import type { Usage } from '../providers/types.js';
import { systemClock } from './clock.js';
import { countStates, usageData } from './event-data.js';
import { JsonlTranscript, type WorkflowEvent } from './events.js';
import type { Workflow, WorkflowNode } from './model.js';
import { executeNode } from './node-execution.js';
import type { NodeState } from './refs.js';
import type { EngineDeps, RunContext } from './run-context.js';
import { RunState, type WriteEvent } from './run-state.js';
import { schedule } from './scheduler.js';
import { usesVariable, type RunVariables } from './substitute.js';

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
  /** How many attempts of each node earlier executions began (completed or not). */
  attempts?: ReadonlyMap<string, number>;
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

const DEFAULT_HEARTBEAT_MS = 10_000;

/**
 * Runs a workflow: sets the run up (its artifacts directory, variables, transcript), schedules its
 * nodes as their dependencies allow (scheduler.ts), runs each with its retries (node-execution.ts),
 * and records how the run ended. What it records (events, the transcript, output files, the result,
 * notices) is redacted: node outputs flow to downstream nodes as produced, never to a record so.
 */
export async function executeWorkflow(deps: EngineDeps, options: RunOptions): Promise<WorkflowRunResult> {
  const { workflow } = options;
  const clock = deps.clock ?? systemClock;
  // The secrets of both environments: the host's, and the run's own (a restricted one has fewer).
  const redactor = new SecretRedactor([], { ...deps.env, ...options.env });
  const log = deps.log ? (message: string) => deps.log!(redactor.text(message)) : () => {};
  const runId = options.runId ?? randomUUID();
  const started = clock.now();
  const artifactsDir = join(options.cwd, '.archal', 'artifacts', 'runs', runId);
  const logPath = join(options.cwd, '.archal', 'logs', `${runId}.jsonl`);
  const transcript = new JsonlTranscript(logPath, log);

  const write: WriteEvent = (type, nodeId, data) => {
    const event: WorkflowEvent = { type, runId, data: redactor.value(data), ts: new Date(clock.now()).toISOString() };
    if (nodeId !== undefined) event.nodeId = nodeId;
    transcript.write(event);
    deps.sink.write(event);
  };
  const state = new RunState(workflow, write, options.prior?.usage);
  const finish = (status: WorkflowRunStatus, extra: Partial<WorkflowRunResult> = {}): WorkflowRunResult => ({
    runId,
    workflow: workflow.name,
    status,
    nodes: redactor.value(Object.fromEntries(state.results)),
    artifactsDir,
    logPath,
    durationMs: clock.now() - started,
    ...redactor.value(extra),
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

  const run: RunContext = {
    runId,
    workflow,
    cwd: options.cwd,
    artifactsDir,
    vars,
    outputs: state.outputs,
    env: options.env ?? deps.env,
    deps: { ...deps, clock, log },
    emit: (type, nodeId, data) => {
      if (type === 'loop_iteration_started' && nodeId) state.result(nodeId).iterations = data.iteration as number;
      write(type, nodeId, data);
    },
    sessions: new Map(),
    dependentCount: dependentCounts(workflow),
    nodeAttempts: new Map(),
    redact: (text) => redactor.text(text),
  };

  const onExternalAbort = () => state.cancel('Cancelled by user');
  options.signal?.addEventListener('abort', onExternalAbort, { once: true });
  const heartbeat = deps.heartbeat
    ? setInterval(deps.heartbeat, deps.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS)
    : undefined;
  heartbeat?.unref();
  await schedule(state, {
    prior: options.prior,
    artifactsDir,
    execute: (node) => executeNode(run, state, node, options.prior?.attempts?.get(node.id) ?? 0),
    approvalDecision: deps.approvalDecision,
    approvalPollMs: deps.approvalPollMs,
  });
  if (heartbeat) clearInterval(heartbeat);
  options.signal?.removeEventListener('abort', onExternalAbort);

  const result = endRun(state, finish, clock.now() - started);
  await deps.sink.flush?.();
  return result;
}

/** How many nodes depend on each node. */
function dependentCounts(workflow: Workflow): Map<string, number> {
  const counts = new Map(workflow.nodes.map((node) => [node.id, 0]));
  for (const node of workflow.nodes)
    for (const dep of node.depends_on) if (counts.has(dep)) counts.set(dep, counts.get(dep)! + 1);
  return counts;
}

/** How the run ended, recorded: cancelled, paused, completed, or failed. */
function endRun(
  state: RunState,
  finish: (status: WorkflowRunStatus, extra?: Partial<WorkflowRunResult>) => WorkflowRunResult,
  durationMs: number,
): WorkflowRunResult {
  const { workflow, cancelled, pause, usage } = state;
  // Nodes never reached: a cancelled run skips them; a paused one keeps them pending for resume.
  if (cancelled) {
    for (const node of workflow.nodes) {
      if (state.result(node).state === 'pending')
        state.skip(node, 'run_cancelled', { reason: 'run_cancelled', cancelledBy: cancelled.nodeId ?? null });
    }
  }
  const counts = countStates(state.results);
  const totals = usageData(usage);
  if (cancelled) {
    state.write('workflow_cancelled', cancelled.nodeId, { reason: cancelled.reason, node_counts: counts, ...totals });
    return finish('cancelled', { error: cancelled.reason, usage });
  }
  if (pause) {
    state.write('workflow_paused', pause.nodeId, { message: pause.message, node_counts: counts, ...totals });
    return finish('paused', { pause, usage });
  }
  const failed = workflow.nodes.filter((node) => state.result(node).state === 'failed' && !node.continue_on_error);
  if (failed.length === 0 && counts.completed > 0) {
    state.write('workflow_completed', undefined, { duration_ms: durationMs, node_counts: counts, ...totals });
    return finish('completed', { usage });
  }
  const error =
    failed.length > 0
      ? `Workflow '${workflow.name}' failed: ${failed.map((node) => `'${node.id}': ${state.result(node).error}`).join('; ')}`
      : `Workflow '${workflow.name}' completed no node (${counts.skipped} skipped). Check node conditions, trigger rules and upstream failures.`;
  state.write('workflow_failed', undefined, { error, node_counts: counts, ...totals });
  return finish('failed', { error, usage });
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
