import { randomUUID } from '../lib/random.js';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../lib/errors.js';
import { SecretRedactor } from '../lib/redact.js';
import { ensureIgnoredDir } from '../lib/ignored-dir.js';
import { isoTime } from '../lib/iso-time.js';
import type { Usage } from '../providers/types.js';
import { systemClock } from './clock.js';
import { countStates, usageData } from './event-data.js';
import { JsonlTranscript, transcriptPath, type WorkflowEvent } from './events.js';
import { referencingTexts } from './graph.js';
import { resolveInputs } from './inputs.js';
import type { Workflow, WorkflowNode } from './model.js';
import { executeNode } from './node-execution.js';
import { parseJsonObject, type NodeState } from './refs.js';
import type { EngineDeps, Gate, GateResume, RunContext } from './run-context.js';
import { RunState, type WriteEvent } from './run-state.js';
import { schedule } from './scheduler.js';
import { usesVariable, type RunVariables, type StandardVariable } from './substitute.js';
import { isRecord } from '../lib/is-record.js';

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
  /** Set when a node paused the run for a person: an approval, or an interactive loop's gate. */
  pause?: { nodeId: string; message: string };
  /** What the pause asks for (how it can be answered). */
  gate?: Gate;
  usage?: Usage;
  durationMs: number;
  /** The run's result: its `returns:` node's output, else the first sink that completed with text. */
  output?: string;
  /** With `outcome_field`: the verdict the `returns:` node recorded. */
  outcome?: 'succeeded' | 'failed';
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
  /** Values for the workflow's declared inputs ($INPUTS.<name>); defaults fill the rest. */
  inputs?: Record<string, unknown>;
  /** The project's cross-run state directory ($STATE_DIR); without one, reading it fails the node. */
  stateDir?: string;
  /** Where the project's documentation is ($DOCS_DIR; default `docs/`). */
  docsDir?: string;
  /** What this run's node processes start from instead of the engine's environment (a restricted one, say). */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  prior?: PriorOutputs;
  /** Continue an interactive loop after a person answered its gate. */
  gateResume?: GateResume;
  /** Rework a rejected approval (its on_reject prompt) before it asks again. */
  rework?: { nodeId: string; reason: string };
  /** Sessions AI nodes with persist_session had in the previous run of the workflow. */
  previousSessions?: ReadonlyMap<string, string>;
  /** How deeply this run is nested in sub-workflow runs. */
  depth?: number;
}

const DEFAULT_HEARTBEAT_MS = 10_000;
export const DEFAULT_DOCS_DIR = 'docs/';

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
  const archalDir = join(options.cwd, '.archal');
  const artifactsDir = join(archalDir, 'artifacts', 'runs', runId);
  const logDir = join(archalDir, 'logs');
  const logPath = transcriptPath(options.cwd, runId);
  const transcript = new JsonlTranscript(logPath, log);

  const write: WriteEvent = (type, nodeId, data) => {
    const event: WorkflowEvent = { type, runId, data: redactor.value(data), ts: isoTime(clock.now()) };
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

  let vars: RunVariables;
  try {
    // Run files stay out of `git status`: their directories ignore themselves.
    ensureIgnoredDir(join(archalDir, 'logs'));
    ensureIgnoredDir(join(archalDir, 'artifacts'));
    write('workflow_started', undefined, {
      workflowName: workflow.name,
      userMessage: options.userMessage ?? '',
      cwd: options.cwd,
      nodeCount: workflow.nodes.length,
      resumed: options.prior !== undefined,
      ...(options.depth ? { depth: options.depth } : {}),
    });
    mkdirSync(artifactsDir, { recursive: true });
    if (options.stateDir) mkdirSync(options.stateDir, { recursive: true });
    const inputs = resolveInputs(workflow, options.inputs);
    if (!inputs.ok) throw new Error(inputs.message);
    vars = {
      runId,
      userMessage: options.userMessage ?? '',
      artifactsDir,
      logDir,
      stateDir: options.stateDir,
      docsDir: options.docsDir ?? DEFAULT_DOCS_DIR,
      context: options.context ?? '',
      inputs: inputs.values,
      baseBranch: await resolveBaseBranch(workflow, options.baseBranch),
    };
  } catch (error) {
    const message = `Could not set up the run: ${errorMessage(error)}`;
    write('workflow_failed', undefined, { error: message });
    transcript.close();
    await deps.sink.flush?.();
    return finish('failed', { error: message });
  }
  const environment = options.env ?? deps.env;
  if (workflow.requires?.includes('github') && !environment.GITHUB_TOKEN && !environment.GH_TOKEN)
    log(
      `⚠️ '${workflow.name}' requires GitHub, but neither GITHUB_TOKEN nor GH_TOKEN is set; its GitHub steps may fail.`,
    );

  const run: RunContext = {
    runId,
    workflow,
    cwd: options.cwd,
    artifactsDir,
    vars,
    outputs: state.outputs,
    env: environment,
    deps: { ...deps, clock, log },
    emit: (type, nodeId, data) => {
      if (type === 'loop_iteration_started' && nodeId && state.results.has(nodeId))
        state.result(nodeId).iterations = data.iteration as number;
      write(type, nodeId, data);
    },
    sessions: new Map(),
    dependentCount: dependentCounts(workflow),
    nodeAttempts: new Map(),
    redact: (text) => redactor.text(text),
    // The transcript is written synchronously: while it holds every event, what was recorded is
    // durable already. When it fails, the run waits for the store instead.
    durable: async () => {
      if (!transcript.intact) await deps.sink.flush?.();
    },
    previousSessions: options.previousSessions ?? new Map(),
    ...(options.gateResume ? { gateResume: options.gateResume } : {}),
    ...(options.rework ? { rework: options.rework } : {}),
    depth: options.depth ?? 0,
  };

  const onExternalAbort = () => state.cancel('Cancelled by user');
  options.signal?.addEventListener('abort', onExternalAbort, { once: true });
  if (options.signal?.aborted) onExternalAbort();
  const heartbeat = deps.heartbeat
    ? setInterval(deps.heartbeat, deps.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS)
    : undefined;
  heartbeat?.unref();
  try {
    await schedule(state, {
      prior: options.prior,
      artifactsDir,
      vars,
      execute: (node) => executeNode(run, state, node, options.prior?.attempts?.get(node.id) ?? 0),
      approvalDecision: deps.approvalDecision,
      approvalPollMs: deps.approvalPollMs,
    });
  } catch (error) {
    transcript.close();
    throw error;
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    options.signal?.removeEventListener('abort', onExternalAbort);
  }

  const result = endRun(state, finish, clock.now() - started, artifactsDir);
  transcript.close();
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
  artifactsDir: string,
): WorkflowRunResult {
  const workflow = state.workflow as Workflow;
  const { cancelled, pause, usage } = state;
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
    state.write('workflow_paused', pause.nodeId, {
      message: pause.message,
      gate: pause.gate,
      node_counts: counts,
      ...totals,
    });
    return finish('paused', { pause: { nodeId: pause.nodeId, message: pause.message }, gate: pause.gate, usage });
  }
  const failed = workflow.nodes.filter((node) => state.result(node).state === 'failed' && !node.continue_on_error);
  let error =
    failed.length > 0
      ? `Workflow '${workflow.name}' failed: ${failed.map((node) => `'${node.id}': ${state.result(node).error}`).join('; ')}`
      : counts.completed === 0
        ? `Workflow '${workflow.name}' completed no node (${counts.skipped} skipped). Check node conditions, trigger rules and upstream failures.`
        : undefined;
  if (!error && workflow.evidence_policy?.required && !existsSync(join(artifactsDir, 'evidence.json'))) {
    error = `Workflow '${workflow.name}' requires evidence (evidence_policy.required) but no node wrote $ARTIFACTS_DIR/evidence.json`;
    state.write('evidence_validation_failed', undefined, {
      policy: 'required',
      expected_path: join(artifactsDir, 'evidence.json'),
    });
  }
  if (!error) {
    const output = terminalOutput(workflow, state);
    const outcome = outcomeOf(workflow, state);
    state.write('workflow_completed', undefined, {
      duration_ms: durationMs,
      node_counts: counts,
      ...(outcome ? { outcome } : {}),
      ...totals,
    });
    return finish('completed', {
      usage,
      ...(output === undefined ? {} : { output }),
      ...(outcome ? { outcome } : {}),
    });
  }
  state.write('workflow_failed', undefined, { error, node_counts: counts, ...totals });
  return finish('failed', { error, usage });
}

/** The run's result text: its `returns:` node, else the first node nothing depends on that completed with text. */
function terminalOutput(workflow: Workflow, state: RunState): string | undefined {
  if (workflow.returns) {
    const result = state.result(workflow.returns);
    return result?.state === 'completed' ? (result.output ?? '') : undefined;
  }
  const dependedOn = new Set(workflow.nodes.flatMap((node) => node.depends_on));
  for (const node of workflow.nodes) {
    const result = state.result(node);
    if (!dependedOn.has(node.id) && result.state === 'completed' && result.output?.trim()) return result.output;
  }
  return undefined;
}

/** `outcome_field`: the exact boolean the `returns:` node recorded, as a verdict. */
function outcomeOf(workflow: Workflow, state: RunState): 'succeeded' | 'failed' | undefined {
  if (!workflow.outcome_field || !workflow.returns) return undefined;
  const result = state.result(workflow.returns);
  const structured = isRecord(result?.structured) ? result.structured : parseJsonObject(result?.output ?? '');
  const value = structured?.[workflow.outcome_field];
  return value === true ? 'succeeded' : value === false ? 'failed' : undefined;
}

async function resolveBaseBranch(
  workflow: Workflow,
  baseBranch: RunOptions['baseBranch'],
): Promise<string | undefined> {
  if (typeof baseBranch !== 'function') return baseBranch;
  return readsVariable(workflow.nodes, 'BASE_BRANCH') ? baseBranch() : undefined;
}

function readsVariable(nodes: readonly WorkflowNode[], name: StandardVariable): boolean {
  return nodes.some(
    (node) =>
      referencingTexts(node).some(({ text }) => usesVariable(text, name)) ||
      (node.kind === 'loop_group' && readsVariable(node.loop_group.nodes, name)) ||
      (node.kind === 'script' && node.source.kind === 'file'),
  );
}
