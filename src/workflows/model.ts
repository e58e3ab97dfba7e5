import type { AiOptions } from '../providers/types.js';
import type { ExecSpec, ProviderName } from '../providers/schema.js';
import type { ConditionExpr } from './condition.js';
import type {
  ApprovalNodeFields,
  BashNodeFields,
  CancelNodeFields,
  CommandNodeFields,
  InputSpec,
  LoopGroupNodeFields,
  LoopNodeFields,
  PromptNodeFields,
  ScriptNodeFields,
  ScriptRuntime,
  SubWorkflowNodeFields,
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
  /** On a node an `include:` inlined: the inputs the include passed, which its processes get as INPUTS_<NAME>. */
  includeInputs?: Record<string, string>;
} & Extra;

/** Provider, model and settings after the node → workflow → config → built-in default chain. */
export interface AiResolution {
  provider: ProviderName;
  model?: string;
  /** The tier or alias `model:` named, when it was one (small, medium, large, @name). */
  modelRef?: string;
  /** What the provider's CLI is given (only the settings that provider honours). */
  options: AiOptions;
  /** `context: {resume: <node>}`: continue a copy of that node's session. */
  resumeFrom?: string;
  /** Continue the session this node had in the previous run of the workflow (same conversation). */
  persistSession: boolean;
}

/** A `with:` binding: a JSON value, a template, a whole `$node.output[.field]` reference, or `{from, if_skipped}`. */
export type Binding = unknown;

export type CommandNode = Resolved<
  CommandNodeFields,
  AiResolution & {
    kind: 'command';
    /** The command file's text. */ body: string;
    /** Where it was read from. */ commandFile: string;
    bindings?: Record<string, Binding>;
  }
>;
export type PromptNode = Resolved<PromptNodeFields, AiResolution & { kind: 'prompt' }>;
export type BashNode = Resolved<BashNodeFields, { kind: 'bash'; timeout: number }>;
export type ScriptNode = Resolved<
  ScriptNodeFields,
  {
    kind: 'script';
    runtime: ScriptRuntime;
    timeout: number;
    /** Inline code, or a named script file found in .archon/scripts (or .archal/scripts, ~/.archon/scripts). */
    source: { kind: 'inline'; code: string } | { kind: 'file'; file: string };
    bindings?: Record<string, Binding>;
  }
>;

export interface LoopControl {
  until?: string;
  until_bash?: string;
  max_iterations: number;
  fresh_context: boolean;
  /** Pause after each iteration for a person's answer ($LOOP_USER_INPUT). */
  interactive: boolean;
  gate_message?: string;
  /** Interactive loops: a completed iteration finishes the node without asking. */
  signal_completes: boolean;
}

export type LoopNode = Resolved<
  LoopNodeFields,
  AiResolution & {
    kind: 'loop';
    loop: LoopControl & {
      /** The prompt of every iteration: inline, or the body of `loop.command`. */
      prompt: string;
      command?: string;
      /** A declared boolean of output_format that ends the loop when true. */
      until_field?: string;
    };
  }
>;
export type LoopGroupNode = Resolved<
  LoopGroupNodeFields,
  { kind: 'loop_group'; loop_group: LoopControl & { nodes: WorkflowNode[] } }
>;
export type ApprovalNode = Resolved<
  ApprovalNodeFields,
  {
    kind: 'approval';
    approval: {
      message: string;
      capture_response: boolean;
      /** Declared decisions: the node's output becomes {decision, text}. */
      decisions?: Array<{ id: string; label?: string }>;
      /** Rework before asking again: an AI prompt run with $REJECTION_REASON, on the workflow's provider. */
      on_reject?: { prompt: string; max_attempts: number; ai: AiResolution };
    };
  }
>;
export type CancelNode = Resolved<CancelNodeFields, { kind: 'cancel' }>;
export type SubWorkflowNode = Resolved<
  SubWorkflowNodeFields,
  {
    kind: 'workflow';
    /** `items`: a `$node.output[.field]` reference, or the items themselves. */
    fan_out?: { items: string | unknown[]; as?: string; max_parallel: number; join: 'all_done' | 'all_success' };
  }
>;

export type WorkflowNode =
  | CommandNode
  | PromptNode
  | BashNode
  | ScriptNode
  | LoopNode
  | LoopGroupNode
  | ApprovalNode
  | CancelNode
  | SubWorkflowNode;
export type AiNode = CommandNode | PromptNode | LoopNode;

export function isAiNode(node: WorkflowNode): node is AiNode {
  return node.kind === 'command' || node.kind === 'prompt' || node.kind === 'loop';
}

/** Nodes with a declared output_format whose fields can be read. */
export function outputFormatOf(node: WorkflowNode): Record<string, unknown> | undefined {
  return isAiNode(node) || node.kind === 'workflow' ? node.output_format : undefined;
}

/** Where a workflow was found; later scopes override earlier ones by name. */
export const WORKFLOW_SCOPES = ['bundled', 'archon-global', 'global', 'archon', 'archal', 'file'] as const;
export type WorkflowScope = (typeof WORKFLOW_SCOPES)[number];

export type Workflow = Omit<
  WorkflowFields,
  | 'max_parallel'
  | 'tags'
  | 'inputs'
  | 'persist_sessions'
  | 'thinking'
  | 'effort'
  | 'betas'
  | 'sandbox'
  | 'fallbackModel'
> & {
  max_parallel: number;
  tags: string[];
  nodes: WorkflowNode[];
  /** Declared inputs, readable as $INPUTS.<name>. */
  inputs?: Record<string, InputSpec>;
  /** Absolute path of the YAML file. */
  file: string;
  scope: WorkflowScope;
  exec?: ExecSpec;
};
