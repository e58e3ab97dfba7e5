import type { ExecSpec, ProviderName } from '../providers/schema.js';
import type { ConditionExpr } from './condition.js';
import type {
  ApprovalNodeFields,
  BashNodeFields,
  CancelNodeFields,
  CommandNodeFields,
  LoopNodeFields,
  PromptNodeFields,
  TriggerRule,
  WorkflowFields,
} from './schema.js';

/** A validated workflow, ready to execute: defaults applied, conditions parsed, commands loaded. */

export interface Condition {
  source: string;
  expr: ConditionExpr;
}

type Resolved<T, Extra> = Omit<T, 'depends_on' | 'when' | 'trigger_rule' | 'continue_on_error' | keyof Extra> & {
  depends_on: string[];
  when?: Condition;
  trigger_rule: TriggerRule;
  continue_on_error: boolean;
} & Extra;

/** Provider and model after the node → workflow → config → built-in default chain. */
interface AiResolution {
  provider: ProviderName;
  model?: string;
}

export type CommandNode = Resolved<
  CommandNodeFields,
  AiResolution & {
    kind: 'command';
    /** The command file's text. */ body: string;
    /** Where it was read from. */ commandFile: string;
  }
>;
export type PromptNode = Resolved<PromptNodeFields, AiResolution & { kind: 'prompt' }>;
export type BashNode = Resolved<BashNodeFields, { kind: 'bash'; timeout: number }>;
export type LoopNode = Resolved<
  LoopNodeFields,
  AiResolution & {
    kind: 'loop';
    loop: {
      /** The prompt of every iteration: inline, or the body of `loop.command`. */
      prompt: string;
      command?: string;
      until?: string;
      until_bash?: string;
      max_iterations: number;
      fresh_context: boolean;
    };
  }
>;
export type ApprovalNode = Resolved<
  ApprovalNodeFields,
  { kind: 'approval'; approval: { message: string; capture_response: boolean } }
>;
export type CancelNode = Resolved<CancelNodeFields, { kind: 'cancel' }>;

export type WorkflowNode = CommandNode | PromptNode | BashNode | LoopNode | ApprovalNode | CancelNode;
export type AiNode = CommandNode | PromptNode | LoopNode;

export function isAiNode(node: WorkflowNode): node is AiNode {
  return node.kind === 'command' || node.kind === 'prompt' || node.kind === 'loop';
}

/** Where a workflow was found; later scopes override earlier ones by name. */
export const WORKFLOW_SCOPES = ['bundled', 'global', 'archon', 'archal', 'file'] as const;
export type WorkflowScope = (typeof WORKFLOW_SCOPES)[number];

export type Workflow = Omit<WorkflowFields, 'max_parallel' | 'tags'> & {
  max_parallel: number;
  tags: string[];
  nodes: WorkflowNode[];
  /** Absolute path of the YAML file. */
  file: string;
  scope: WorkflowScope;
  exec?: ExecSpec;
};
