import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import { modelProblem, PROVIDER_CAPABILITIES } from '../providers/models.js';
import type { ProviderName } from '../providers/schema.js';
import { ConditionSyntaxError, parseCondition } from './condition.js';
import {
  ALL_NODE_KEYS,
  isPresent,
  isRecord,
  quoteList,
  warnNestedKeys,
  zodProblems,
  type Problem,
} from './load-helpers.js';
import type { EngineDefaults, LoadOptions } from './loader.js';
import { isAiNode, type Condition, type WorkflowNode } from './model.js';
import { compileOutputSchema } from './output-schema.js';
import type { WorkflowProblem } from './problems.js';
import {
  DEFAULT_BASH_TIMEOUT_MS,
  NODE_KEYS,
  NODE_KINDS,
  NODE_SCHEMAS,
  type NodeKind,
  type TriggerRule,
  type WorkflowFields,
} from './schema.js';
import type { SourceLocator } from './yaml-source.js';

/** Builds one node of a workflow file: its kind, its fields by kind, its provider and model, its checks. */

export interface NodeContext extends LoadOptions {
  defaults: EngineDefaults;
  source: SourceLocator;
  workflow: WorkflowFields | undefined;
  errors: WorkflowProblem[];
  warnings: WorkflowProblem[];
}

/** The fields every kind of node has, resolved (dependencies deduplicated, the condition parsed). */
interface CommonFields {
  depends_on: string[];
  when: Condition | undefined;
  trigger_rule: TriggerRule;
  continue_on_error: boolean;
}

/** What building one node needs: its raw mapping, the context, and how to report a problem on it. */
interface NodeInput {
  raw: Record<string, unknown>;
  path: Array<string | number>;
  label: string;
  ctx: NodeContext;
  problem: Problem;
}

/**
 * A node from its YAML mapping, or undefined when it has errors (every one of them is reported in
 * `ctx.errors`, each naming the node, field and line).
 */
export async function buildNode(raw: unknown, index: number, ctx: NodeContext): Promise<WorkflowNode | undefined> {
  const { file, source } = ctx;
  const path = ['nodes', index];
  const label = isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : `#${index + 1}`;
  const problem: Problem = (message, field) => ({
    file,
    node: label,
    field,
    line: field ? (source.keyLine(path, field.split('.')[0]!) ?? source.line(path)) : source.line(path),
    message,
  });

  if (!isRecord(raw)) {
    ctx.errors.push(problem(`each node must be a mapping with an id and one of ${quoteList(NODE_KINDS)}`));
    return undefined;
  }
  if (raw.id === undefined) ctx.errors.push(problem("missing required field 'id'", 'id'));
  const kind = nodeKind(raw, ctx, problem);
  if (!kind) return undefined;
  checkKeys(raw, kind, ctx, problem);

  const errorCountBefore = ctx.errors.length;
  const node = NODE_BUILDERS[kind]({ raw, path, label, ctx, problem });
  if (node && isAiNode(node) && node.output_format) {
    const compiled = await compileOutputSchema(node.output_format);
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
    ctx.errors.push(
      blank
        ? problem(`${blank} must not be empty`, blank)
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
    if (key === 'retry' && (kind === 'loop' || kind === 'approval' || kind === 'cancel')) {
      ctx.errors.push(
        problem(
          `retry is not supported on ${kind} nodes${kind === 'loop' ? ' (a loop retries by iterating)' : ''}`,
          'retry',
        ),
      );
      continue;
    }
    const owners = NODE_KINDS.filter((other) => NODE_KEYS[other].has(key));
    ctx.warnings.push(
      owners.length > 0
        ? problem(`'${key}' applies to ${owners.join('/')} nodes; it is ignored on ${kind} nodes`, key)
        : problem(`unknown field '${key}' is ignored.${didYouMean(key, ALL_NODE_KEYS)}`, key),
    );
  }
}

/** The node's fields as its kind's schema reads them; undefined (with the problems reported) when they do not fit. */
function parseFields<S extends z.ZodType>(input: NodeInput, schema: S): z.infer<S> | undefined {
  const result = schema.safeParse(input.raw);
  if (result.success) return result.data;
  const { ctx } = input;
  ctx.errors.push(...zodProblems(result.error.issues, input.path, ctx.file, ctx.source, input.label, input.raw));
  return undefined;
}

function commonFields(
  fields: { depends_on?: string[]; when?: string; trigger_rule?: TriggerRule; continue_on_error?: boolean },
  input: NodeInput,
): CommonFields {
  let when: Condition | undefined;
  if (fields.when !== undefined) {
    try {
      when = { source: fields.when, expr: parseCondition(fields.when) };
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      input.ctx.errors.push(input.problem(`invalid condition: ${error.message}`, 'when'));
    }
  }
  return {
    depends_on: [...new Set(fields.depends_on ?? [])],
    when,
    trigger_rule: fields.trigger_rule ?? 'all_success',
    continue_on_error: fields.continue_on_error ?? false,
  };
}

/** One builder per kind of node. */
const NODE_BUILDERS: Record<NodeKind, (input: NodeInput) => WorkflowNode | undefined> = {
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
  approval(input) {
    const fields = parseFields(input, NODE_SCHEMAS.approval);
    return (
      fields && {
        ...fields,
        ...commonFields(fields, input),
        kind: 'approval',
        approval: { message: fields.approval.message, capture_response: fields.approval.capture_response ?? false },
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
        ...resolveAi(fields, input.ctx, input.problem),
        kind: 'prompt',
      }
    );
  },
  command(input) {
    const fields = parseFields(input, NODE_SCHEMAS.command);
    const found = fields && lookupCommand(fields.command, input.ctx, (message) => input.problem(message, 'command'));
    return (
      fields &&
      found && {
        ...fields,
        ...commonFields(fields, input),
        ...resolveAi(fields, input.ctx, input.problem),
        kind: 'command',
        body: found.body,
        commandFile: found.file,
      }
    );
  },
  loop(input) {
    const fields = parseFields(input, NODE_SCHEMAS.loop);
    return fields && buildLoop(fields, commonFields(fields, input), input.ctx, input.problem);
  },
};

type AiFields = z.infer<typeof NODE_SCHEMAS.prompt>;

/** Provider and model: node, then workflow, then .archal.json, then the built-in default. */
function resolveAi(
  fields: Pick<AiFields, 'provider' | 'model' | 'allowed_tools' | 'denied_tools' | 'exec'>,
  ctx: NodeContext,
  problem: Problem,
): { provider: ProviderName; model?: string } {
  const provider = fields.provider ?? ctx.workflow?.provider ?? ctx.defaults.provider;
  const workflowModel =
    ctx.workflow?.model && (ctx.workflow.provider ?? ctx.defaults.provider) === provider
      ? ctx.workflow.model
      : undefined;
  const model = fields.model ?? workflowModel ?? ctx.defaults.models[provider];
  if (model !== undefined) {
    const incompatible = modelProblem(provider, model);
    if (incompatible) ctx.errors.push(problem(incompatible, fields.model !== undefined ? 'model' : undefined));
  }
  if (provider === 'exec' && !fields.exec && !ctx.workflow?.exec && !ctx.defaults.exec) {
    ctx.errors.push(
      problem(
        'provider "exec" needs a command: set exec.command on the node or the workflow, or assistants.exec.command in .archal.json',
        'provider',
      ),
    );
  }
  if (!PROVIDER_CAPABILITIES[provider].toolRestrictions) {
    for (const field of ['allowed_tools', 'denied_tools'] as const) {
      if (fields[field] !== undefined)
        ctx.warnings.push(
          problem(`${field} is ignored by provider "${provider}" (only claude enforces tool restrictions)`, field),
        );
    }
  }
  return model === undefined ? { provider } : { provider, model };
}

function buildLoop(
  fields: z.infer<typeof NODE_SCHEMAS.loop>,
  common: CommonFields,
  ctx: NodeContext,
  problem: Problem,
): WorkflowNode | undefined {
  const { loop } = fields;
  const hasPrompt = isPresent(loop.prompt);
  const hasCommand = isPresent(loop.command);
  if (hasPrompt === hasCommand)
    ctx.errors.push(
      problem(
        hasPrompt ? 'loop.prompt and loop.command are mutually exclusive' : 'a loop needs loop.prompt or loop.command',
        'loop',
      ),
    );
  if (loop.max_iterations === undefined)
    ctx.errors.push(
      problem('a loop needs loop.max_iterations (a bound on how often it may run)', 'loop.max_iterations'),
    );
  if (loop.until === undefined && loop.until_bash === undefined)
    ctx.errors.push(
      problem(
        'a loop needs a completion check: loop.until (a signal such as COMPLETE in the output) or loop.until_bash (a script; exit 0 = done)',
        'loop.until',
      ),
    );
  const body = hasCommand
    ? lookupCommand(loop.command!.trim(), ctx, (message) => problem(message, 'loop.command'))
    : undefined;
  if (hasPrompt === hasCommand || loop.max_iterations === undefined || (hasCommand && !body)) return undefined;
  if (loop.until === undefined && loop.until_bash === undefined) return undefined;
  return {
    ...fields,
    ...common,
    ...resolveAi(fields, ctx, problem),
    kind: 'loop',
    loop: {
      prompt: body ? body.body : loop.prompt!.trim(),
      command: hasCommand ? loop.command!.trim() : undefined,
      until: loop.until,
      until_bash: loop.until_bash,
      max_iterations: loop.max_iterations,
      fresh_context: loop.fresh_context ?? false,
    },
  };
}

function lookupCommand(name: string, ctx: NodeContext, problem: (message: string) => WorkflowProblem) {
  const found = ctx.resolveCommand(name);
  if (found.ok) return found;
  ctx.errors.push(problem(found.message));
  return undefined;
}
