import type { Usage } from '../providers/types.js';
import type { WorkflowEventType } from './events.js';
import type { NodeResult, SkipReason } from './executor.js';
import type { WorkflowNode } from './model.js';
import type { NodeOutput, NodeState } from './refs.js';
import type { Gate } from './run-context.js';

export type WriteEvent = (type: WorkflowEventType, nodeId: string | undefined, data: Record<string, unknown>) => void;

/**
 * What one execution of a run (or of one iteration of a loop_group's body) knows as it goes: each
 * node's result and readable output, the usage so far, and whether it was cancelled or paused.
 * Every change of a node's state goes through here, with the event that records it.
 */
export class RunState {
  readonly results: Map<string, NodeResult>;
  readonly outputs: Map<string, NodeOutput>;
  /** Aborted when the run is cancelled: running nodes stop. */
  readonly abort = new AbortController();
  cancelled: { reason: string; nodeId?: string } | undefined;
  /** The gate waiting for a decision (one at a time; other branches go on meanwhile). */
  pause: { nodeId: string; message: string; gate: Gate } | undefined;

  constructor(
    readonly workflow: { name: string; nodes: readonly WorkflowNode[]; max_parallel: number },
    readonly write: WriteEvent,
    public usage: Usage | undefined,
    /** Outputs readable besides this state's own nodes (a loop_group body reads the outer run's). */
    visible?: ReadonlyMap<string, NodeOutput>,
  ) {
    this.results = new Map(workflow.nodes.map((node) => [node.id, { state: 'pending', attempts: 0 }]));
    this.outputs = new Map(visible ?? []);
    for (const node of workflow.nodes) this.outputs.set(node.id, { state: 'pending', text: '' });
  }

  result(node: WorkflowNode | string): NodeResult {
    return this.results.get(typeof node === 'string' ? node : node.id)!;
  }

  setState(node: WorkflowNode, state: NodeState, patch: Partial<NodeResult> = {}, output?: Partial<NodeOutput>) {
    Object.assign(this.result(node), { state, ...patch });
    this.outputs.set(node.id, { ...this.outputs.get(node.id)!, state, ...output });
  }

  skip(node: WorkflowNode, reason: SkipReason, data: Record<string, unknown>) {
    this.setState(node, 'skipped', { skipReason: reason });
    this.write('node_skipped', node.id, data);
  }

  /** Cancels the run (the first reason stands): running nodes are stopped, the rest skipped. */
  cancel(reason: string, nodeId?: string) {
    if (this.cancelled) return;
    this.cancelled = { reason, nodeId };
    this.abort.abort();
  }

  /** No more nodes start: the run was cancelled. */
  get halted(): boolean {
    return this.cancelled !== undefined;
  }
}
