import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import type { ProviderName } from '../providers/schema.js';
import { ConditionSyntaxError, parseCondition } from './condition.js';
import { applyMacros, type PlacedNode, type TextMacros } from './include.js';
import { resolveAi } from './load-ai.js';
import {
  allNodeKeys,
  isPresent,
  isRecord,
  quoteList,
  warnNestedKeys,
  zodProblems,
  type Problem,
} from './load-helpers.js';
import {
  buildApproval,
  buildLoop,
  buildLoopGroup,
  buildScript,
  buildSubWorkflow,
  checkBindings,
} from './load-kinds.js';
import type { EngineDefaults, LoadOptions } from './loader.js';
import { outputFormatOf, type WorkflowNode } from './model.js';
import { compileOutputSchema } from './output-schema.js';
import type { WorkflowProblem } from './problems.js';
import {
  DEFAULT_BASH_TIMEOUT_MS,
  NODE_KEYS,
  NODE_KINDS,
  NODE_SCHEMAS,
  UNSUPPORTED_ARCHON_KEYS,
  type NodeKind,
  type RunnableKind,
  type TriggerRule,
  type WorkflowFields,
} from './schema.js';

/** Builds one node of a workflow file: its kind, its fields by kind, its provider and model, its checks. */

export interface NodeContext extends LoadOptions {
  defaults: EngineDefaults;
  workflow: WorkflowFields | undefined;
  errors: WorkflowProblem[];
  warnings: WorkflowProblem[];
  /** Provider and model a loop_group hands its body nodes. */
  inherited?: { provider?: ProviderName; model?: string };
  /** Set while building a loop_group's body: the enclosing group's id. */
  group?: string;
}

/** The fields every kind of node has, resolved (dependencies deduplicated, the condition parsed). */
export interface CommonFields {
  depends_on: string[];
  when: ReturnType<typeof parseWhen>;
  trigger_rule: TriggerRule;
  continue_on_error: boolean;
  includeInputs?: Record<string, string>;
}

/** What building one node needs: its raw mapping, where it is, the context, and how to report a problem. */
export interface NodeInput {
  raw: Record<string, unknown>;
  placed: PlacedNode;
  label: string;
  ctx: NodeContext;
  problem: Problem;
}

/**
 * A node from its YAML mapping, or undefined when it has errors (every one of them is reported in
 * `ctx.errors`, each naming the node, field and line).
 */
export async function buildNode(
  placed: PlacedNode,
  index: number,
  ctx: NodeContext,
): Promise<WorkflowNode | undefined> {
  const { raw } = placed;
  const label = isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : `#${index + 1}`;
  const problem: Problem = (message, field) => ({
    file: placed.file,
    node: label,
    field,
    line: field
      ? (placed.source.keyLine(placed.path, field.split('.')[0]!) ?? placed.source.line(placed.path))
      : placed.source.line(placed.path),
    message,
  });

  if (!isRecord(raw)) {
    ctx.errors.push(problem(`each node must be a mapping with an id and one of ${quoteList(NODE_KINDS)}`));
    return undefined;
  }
  if (raw.id === undefined) ctx.errors.push(problem("missing required field 'id'", 'id'));
  const kind = nodeKind(raw, ctx, problem);
  if (!kind) return undefined;
  if (kind === 'include') {
    ctx.errors.push(problem('include nodes are expanded before building; this one could not be', 'include'));
    return undefined;
  }
  checkKeys(raw, kind, ctx, problem);

  const errorCountBefore = ctx.errors.length;
  const node = await NODE_BUILDERS[kind]({ raw, placed, label, ctx, problem });
  const schema = node ? outputFormatOf(node) : undefined;
  if (schema && ctx.checkOutputSchemas !== false) {
    const compiled = await compileOutputSchema(schema);
    if (!compiled.ok) ctx.errors.push(problem(compiled.message, 'output_format'));
  }
  return ctx.errors.length === errorCountBefore ? node : undefined;
}

/** The one field that says what the node does; none, several, or an empty one is an error. */
function nodeKind(raw: Record<string, unknown>, ctx: NodeContext, problem: Problem): NodeKind | undefined {
  const present = NODE_KINDS.filter((kind) => isPresent(raw[kind]));
  if (present.length > 1) {
    ctx.errors.push(
      problem(`${quoteList(present)} are mutually exclusive: a node has exactly one of ${quoteList(NODE_KINDS)}`),
    );
    return undefined;
  }
  const kind = present[0];
  if (!kind) {
    const blank = NODE_KINDS.find((candidate) => raw[candidate] !== undefined);
    const unsupported = Object.keys(raw).find((key) => UNSUPPORTED_ARCHON_KEYS[key]);
    ctx.errors.push(
      blank
        ? problem(`${blank} must not be empty`, blank)
        : unsupported
          ? problem(
              `'${unsupported}' is an Archon key Archal does not support: ${UNSUPPORTED_ARCHON_KEYS[unsupported]}`,
              unsupported,
            )
          : problem(`a node must have one of ${quoteList(NODE_KINDS)} (it says what the node does)`),
    );
  }
  return kind;
}

/** Unknown keys and keys of another kind are warnings with a did-you-mean; `retry` where it cannot apply is an error. */
function checkKeys(raw: Record<string, unknown>, kind: NodeKind, ctx: NodeContext, problem: Problem): void {
  for (const key of Object.keys(raw)) {
    if (NODE_KEYS[kind].has(key)) {
      warnNestedKeys(raw[key], key, (message, field) => ctx.warnings.push(problem(message, field)));
      continue;
    }
    if (key === 'retry' && ['loop', 'loop_group', 'approval', 'cancel', 'workflow'].includes(kind)) {
      const why =
        kind === 'loop' || kind === 'loop_group'
          ? ' (a loop retries by iterating)'
          : kind === 'workflow'
            ? ' (a retry would orphan the first child run; resume through the parent instead)'
            : '';
      ctx.errors.push(problem(`retry is not supported on ${kind} nodes${why}`, 'retry'));
      continue;
    }
    if ((key === 'isolation' || key === 'fan_out') && kind !== 'workflow') {
      ctx.errors.push(problem(`'${key}' is only supported on workflow (sub-run) nodes`, key));
      continue;
    }
    if (UNSUPPORTED_ARCHON_KEYS[key]) {
      ctx.warnings.push(
        problem(
          `'${key}' is an Archon key Archal does not support: ${UNSUPPORTED_ARCHON_KEYS[key]}; it is ignored`,
          key,
        ),
      );
      continue;
    }
    const owners = NODE_KINDS.filter((other) => NODE_KEYS[other].has(key));
    ctx.warnings.push(
      owners.length > 0
        ? problem(`'${key}' applies to ${owners.join('/')} nodes; it is ignored on ${kind} nodes`, key)
        : problem(`unknown field '${key}' is ignored.${didYouMean(key, allNodeKeys())}`, key),
    );
  }
}

/** The node's fields as its kind's schema reads them; undefined (with the problems reported) when they do not fit. */
export function parseFields<S extends z.ZodType>(input: NodeInput, schema: S): z.infer<S> | undefined {
  const result = schema.safeParse(input.raw);
  if (result.success) return result.data;
  const { ctx, placed } = input;
  ctx.errors.push(...zodProblems(result.error.issues, placed.path, placed.file, placed.source, input.label, input.raw));
  return undefined;
}

function parseWhen(source: string | undefined, input: NodeInput) {
  if (source === undefined) return undefined;
  try {
    return { source, expr: parseCondition(source) };
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    input.ctx.errors.push(input.problem(`invalid condition: ${error.message}`, 'when'));
    return undefined;
  }
}

export function commonFields(
  fields: { depends_on?: string[]; when?: string; trigger_rule?: TriggerRule; continue_on_error?: boolean },
  input: NodeInput,
): CommonFields {
  const included = input.placed.macros?.inputs;
  return {
    depends_on: [...new Set(fields.depends_on ?? [])],
    when: parseWhen(fields.when, input),
    trigger_rule: fields.trigger_rule ?? 'all_success',
    continue_on_error: fields.continue_on_error ?? false,
    ...(included && Object.keys(included).length > 0 ? { includeInputs: included } : {}),
  };
}

/** A command file by name, with an include's rewrites applied to its text. */
export function lookupCommand(name: string, input: NodeInput, field: string) {
  const found = input.ctx.resolveCommand(name);
  if (!found.ok) {
    input.ctx.errors.push(input.problem(found.message, field));
    return undefined;
  }
  return { ...found, body: withMacros(found.body, input.placed.macros) };
}

function withMacros(text: string, macros: TextMacros | undefined): string {
  return macros ? applyMacros(text, macros) : text;
}

type Builder = (input: NodeInput) => WorkflowNode | undefined | Promise<WorkflowNode | undefined>;

/** One builder per kind of node. */
const NODE_BUILDERS: Record<RunnableKind, Builder> = {
  bash(input) {
    const fields = parseFields(input, NODE_SCHEMAS.bash);
    return (
      fields && {
        ...fields,
        ...commonFields(fields, input),
        kind: 'bash',
        timeout: fields.timeout ?? DEFAULT_BASH_TIMEOUT_MS,
      }
    );
  },
  cancel(input) {
    const fields = parseFields(input, NODE_SCHEMAS.cancel);
    return fields && { ...fields, ...commonFields(fields, input), kind: 'cancel' };
  },
  prompt(input) {
    const fields = parseFields(input, NODE_SCHEMAS.prompt);
    return (
      fields && {
        ...fields,
        ...commonFields(fields, input),
        ...resolveAi(fields, input.ctx, input.problem, 'prompt'),
        kind: 'prompt',
      }
    );
  },
  command(input) {
    const fields = parseFields(input, NODE_SCHEMAS.command);
    const found = fields && lookupCommand(fields.command, input, 'command');
    if (fields?.with !== undefined) checkBindings(fields.with, input, 'command');
    return (
      fields &&
      found && {
        ...fields,
        ...commonFields(fields, input),
        ...resolveAi(fields, input.ctx, input.problem, 'command'),
        kind: 'command',
        body: found.body,
        commandFile: found.file,
        ...(fields.with ? { bindings: fields.with } : {}),
      }
    );
  },
  script: (input) => buildScript(input),
  loop: (input) => buildLoop(input),
  loop_group: (input) => buildLoopGroup(input),
  approval: (input) => buildApproval(input),
  workflow: (input) => buildSubWorkflow(input),
};
