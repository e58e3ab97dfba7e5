import type { ProviderRegistry, Usage } from '../providers/types.js';
import type { Clock } from './clock.js';
import type { EventSink, WorkflowEventType } from './events.js';
import type { WorkflowRunResult } from './executor.js';
import type { Workflow, WorkflowNode } from './model.js';
import type { NodeOutput } from './refs.js';
import type { RunVariables } from './substitute.js';

/** A sub-workflow run a `workflow:` node starts. */
export interface ChildRunRequest {
  parent: { runId: string; nodeId: string; workflow: string };
  workflow: Workflow;
  /** The child's $USER_MESSAGE / $ARGUMENTS. */
  userMessage: string;
  /** The child's $INPUTS. */
  inputs: Record<string, unknown>;
  cwd: string;
  isolation: 'inherit' | 'worktree';
  /** The fan-out item's position, when the node fans out. */
  index?: number;
  depth: number;
  signal: AbortSignal;
}

/** Runs a child workflow to its end and says how it ended. */
export type ChildRunner = (request: ChildRunRequest) => Promise<WorkflowRunResult>;

/** What the engine needs from the outside world; everything else it does itself. */
export interface EngineDeps {
  providers: ProviderRegistry;
  /** The host's environment: what node processes start from when a run gives none of its own. */
  env: NodeJS.ProcessEnv;
  sink: EventSink;
  clock?: Clock;
  /** Human-readable notices (retries, approvals). The CLI prints them on stderr. */
  log?: (message: string) => void;
  /** Called regularly while a run is active, whatever its nodes are doing. */
  heartbeat?: () => void;
  heartbeatIntervalMs?: number;
  /** Told about every process a node starts and when it is gone (pid = process group id). */
  onProcess?: (event: { nodeId: string; pid: number; phase: 'start' | 'exit' }) => void;
  /**
   * Awaited when a gate starts waiting, before `approval_requested` is emitted: a host records the
   * wait (the run store marks the run paused) so the approval can be answered at once.
   */
  onApprovalRequested?: (pause: { nodeId: string; message: string; gate: Gate }) => Promise<void>;
  /**
   * Polled while an approval waits and other nodes still run: a decision made meanwhile (by another
   * process) lets the waiting branch go on in this execution.
   */
  approvalDecision?: (nodeId: string) => Promise<ApprovalDecision | undefined>;
  approvalPollMs?: number;
  /** Finds a workflow by name, for `workflow:` nodes. */
  resolveWorkflow?: (name: string) => Promise<Workflow | undefined>;
  /** Runs a child workflow (the run lifecycle records it in the store); default: in this process, unrecorded. */
  runChild?: ChildRunner;
}

/** An interactive loop that continues after a person answered its gate. */
export interface GateResume {
  nodeId: string;
  /** The iteration to run next. */
  iteration: number;
  /** What the person answered ($LOOP_USER_INPUT). */
  userInput: string;
  sessionId?: string;
}

/** A decision on a waiting approval node. */
export type ApprovalDecision =
  { decision: 'approved'; output: string; comment: string } | { decision: 'rejected'; reason: string };

/** State shared by every node of one run. */
export interface RunContext {
  runId: string;
  workflow: Workflow;
  cwd: string;
  artifactsDir: string;
  vars: RunVariables;
  outputs: Map<string, NodeOutput>;
  /** The environment processes start from. */
  env: NodeJS.ProcessEnv;
  deps: EngineDeps & { clock: Clock; log: (message: string) => void };
  emit(type: WorkflowEventType, nodeId: string | undefined, data: Record<string, unknown>): void;
  /** Provider session ids of completed AI nodes, for context continuation. */
  sessions: Map<string, { provider: string; sessionId: string }>;
  /** How many nodes depend on each node. */
  dependentCount: Map<string, number>;
  /** The attempt each running node is on, counting the attempts of earlier executions of the run. */
  nodeAttempts: Map<string, number>;
  /** Resolves once every event recorded so far is durable (in the transcript, or else in the store). */
  durable(): Promise<void>;
  /** Text as the run may record it (events, files): secrets removed. */
  redact(text: string): string;
  /** Sessions AI nodes had in the previous run (persist_session). */
  previousSessions: ReadonlyMap<string, string>;
  /** Set when the run continues an interactive loop after its gate. */
  gateResume?: GateResume;
  /** Set when the run continues a rejected approval that reworks before asking again. */
  rework?: { nodeId: string; reason: string };
  /** How deeply this run is nested in sub-workflow runs (0 for a top-level run). */
  depth: number;
  /** Inside a loop_group body: sessions of its nodes in the previous iteration. */
  groupSessions?: Map<string, string>;
}

/** What pausing a run asks a person for. */
export type Gate =
  | { type: 'approval'; captureResponse: boolean; decisions?: Array<{ id: string; label?: string }> }
  | { type: 'interactive_loop'; iteration: number; completionSignaled: boolean; output: string; sessionId?: string };

/** What a node produced when it did not fail (failures are thrown as NodeFailure). */
export type NodeOutcome =
  | {
      kind: 'completed';
      text: string;
      structured?: unknown;
      usage?: Usage;
      iterations?: number;
      sessionId?: string;
      /** Extra data for the node_completed event (a child run's id…). */
      data?: Record<string, unknown>;
    }
  | { kind: 'paused'; message: string; gate: Gate; usage?: Usage; iterations?: number }
  | { kind: 'cancel_run'; reason: string };

export interface NodeRun<N extends WorkflowNode = WorkflowNode> {
  node: N;
  run: RunContext;
  signal: AbortSignal;
  attempt: number;
}
