import type { ProviderRegistry, Usage } from '../providers/types.js';
import type { Clock } from './clock.js';
import type { EventSink, WorkflowEventType } from './events.js';
import type { Workflow, WorkflowNode } from './model.js';
import type { NodeOutput } from './refs.js';
import type { RunVariables } from './substitute.js';

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
   * Awaited when an approval node starts waiting, before `approval_requested` is emitted: a host
   * records the wait (the run store marks the run paused) so the approval can be answered at once.
   */
  onApprovalRequested?: (pause: { nodeId: string; message: string }) => Promise<void>;
  /**
   * Polled while an approval waits and other nodes still run: a decision made meanwhile (by another
   * process) lets the waiting branch go on in this execution.
   */
  approvalDecision?: (nodeId: string) => Promise<ApprovalDecision | undefined>;
  approvalPollMs?: number;
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
  /** Text as the run may record it (events, files): secrets removed. */
  redact(text: string): string;
}

/** What a node produced when it did not fail (failures are thrown as NodeFailure). */
export type NodeOutcome =
  | { kind: 'completed'; text: string; structured?: unknown; usage?: Usage; iterations?: number; sessionId?: string }
  | { kind: 'paused'; message: string }
  | { kind: 'cancel_run'; reason: string };

export interface NodeRun<N extends WorkflowNode = WorkflowNode> {
  node: N;
  run: RunContext;
  signal: AbortSignal;
  attempt: number;
}
