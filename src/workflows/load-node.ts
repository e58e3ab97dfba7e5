import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import { isRecord } from '../lib/is-record.js';
import type { ProviderName } from '../providers/schema.js';
import { ConditionSyntaxError, parseCondition } from './condition.js';
import { applyMacros, type PlacedNode, type TextMacros } from './include.js';
import { resolveAi } from './load-ai.js';
import { allNodeKeys, isPresent, quoteList, warnNestedKeys, zodProblems, type Problem } from './load-helpers.js';
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
  /**
   * Keys whose values did not fit the schema (already reported) and were left out so that the rest
   * of the node could still be checked; checks that read them are skipped, or they would cascade.
   */
  unchecked?: ReadonlySet<string>;
}

/**
 * What building one node gave: the node when it is valid, and the nodes built despite errors (a
 * field left out, or one per kind of a node with several), whose references are still checked.
 */
export interface NodeBuild {
  node: WorkflowNode | undefined;
  partial: WorkflowNode[];
}

/**
 * A node from its YAML mapping; `node` is undefined when it has errors (every one of them is reported
 * in `ctx.errors`, each naming the node, field and line). A node with several kind fields is checked
 * as each of them, so that its other errors show up in the same pass.
 */
export async function buildNode(placed: PlacedNode, index: number, ctx: NodeContext): Promise<NodeBuild> {
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
  const failed: NodeBuild = { node: undefined, partial: [] };

  if (!isRecord(raw)) {
    ctx.errors.push(problem(`each node must be a mapping with an id and one of ${quoteList(NODE_KINDS)}`));
    return failed;
  }
  if (raw.id === undefined) ctx.errors.push(problem("missing required field 'id'", 'id'));
  const kinds = nodeKinds(raw, ctx, problem);
  if (kinds.length === 0) return failed;
  if (kinds.length === 1 && kinds[0] === 'include') {
    ctx.errors.push(problem('include nodes are expanded before building; this one could not be', 'include'));
    return failed;
  }
  const runnable = kinds.filter((kind): kind is RunnableKind => kind !== 'include');
  checkKeys(raw, runnable, ctx, problem);

  const errorCountBefore = ctx.errors.length;
  const built: WorkflowNode[] = [];
  for (const kind of runnable) {
    const others = kinds.filter((other) => other !== kind);
    const fields = others.length > 0 ? omitKeys(raw, others) : raw;
    const node = await NODE_BUILDERS[kind]({ raw: fields, placed, label, ctx, problem });
    if (!node) continue;
    built.push(node);
    const schema = outputFormatOf(node);
    if (schema && ctx.checkOutputSchemas !== false) {
      const compiled = await compileOutputSchema(schema);
      if (!compiled.ok) ctx.errors.push(problem(compiled.message, 'output_format'));
    }
  }
  if (runnable.length === 1 && built.length === 1 && ctx.errors.length === errorCountBefore)
    return { node: built[0], partial: [] };
  return { node: undefined, partial: built };
}

function omitKeys(raw: Record<string, unknown>, keys: Iterable<string>): Record<string, unknown> {
  const kept = { ...raw };
  for (const key of keys) delete kept[key];
  return kept;
}

/**
 * The field that says what the node does. None, or an empty one, is an error; several are an error
 * too, and all of them are returned, for the node's other fields to be checked as each kind's.
 */
function nodeKinds(raw: Record<string, unknown>, ctx: NodeContext, problem: Problem): NodeKind[] {
  const present = NODE_KINDS.filter((kind) => isPresent(raw[kind]));
  if (present.length > 1) {
    ctx.errors.push(
      problem(`${quoteList(present)} are mutually exclusive: a node has exactly one of ${quoteList(NODE_KINDS)}`),
    );
    return present;
  }
  if (present.length === 0) {
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
  return present;
}

/**
 * Unknown keys and keys of another kind are warnings with a did-you-mean; `retry` where it cannot
 * apply is an error. A node with several kinds (itself an error) accepts the keys of any of them.
 */
function checkKeys(raw: Record<string, unknown>, kinds: RunnableKind[], ctx: NodeContext, problem: Problem): void {
  const kind = kinds[0]!;
  for (const key of Object.keys(raw)) {
    if (kinds.some((candidate) => NODE_KEYS[candidate].has(key))) {
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

/**
 * The node's fields as its kind's schema reads them. When some do not fit, their problems are
 * reported and the fields are read again without them (noted in `input.unchecked`), so that the
 * node's other checks still run; undefined when even that does not fit (a required field is wrong).
 */
export function parseFields<S extends z.ZodType>(input: NodeInput, schema: S): z.infer<S> | undefined {
  const result = schema.safeParse(input.raw);
  if (result.success) return result.data;
  const { ctx, placed } = input;
  const { issues } = result.error;
  ctx.errors.push(...zodProblems(issues, placed.path, placed.file, placed.source, input.label, input.raw));
  if (issues.some((issue) => issue.path.length === 0)) return undefined;
  const unchecked = new Set(issues.map((issue) => String(issue.path[0])));
  const rest = schema.safeParse(omitKeys(input.raw, unchecked));
  if (!rest.success) return undefined;
  input.unchecked = unchecked;
  return rest.data;
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
        ...resolveAi(fields, input.ctx, input.problem, 'prompt', input.unchecked),
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
        ...resolveAi(fields, input.ctx, input.problem, 'command', input.unchecked),
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
