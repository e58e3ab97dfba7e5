import { isInlineScript } from './commands.js';
import { expandIncludes, type PlacedNode } from './include.js';
import { resolveAi } from './load-ai.js';
import { isPresent } from './load-helpers.js';
import { buildNode, commonFields, lookupCommand, parseFields, type NodeInput } from './load-node.js';
import type { LoopControl, WorkflowNode } from './model.js';
import { declaredFields } from './output-schema.js';
import { inputEnvKey, parseWholeRef } from './refs.js';
import { DEFAULT_BASH_TIMEOUT_MS, INPUT_NAME_PATTERN, NODE_SCHEMAS, SCRIPT_RUNTIMES } from './schema.js';
import { archonDefaultWorkflowHint, withArchonDefaultHint } from './archon-defaults.js';
import { isRecord } from '../lib/is-record.js';

/** Builders of the node kinds beyond a single prompt or script: scripts, loops, loop groups, approvals, sub-runs. */

export function buildScript(input: NodeInput): WorkflowNode | undefined {
  const fields = parseFields(input, NODE_SCHEMAS.script);
  if (!fields) return undefined;
  const { ctx, problem } = input;
  if (fields.with !== undefined) checkBindings(fields.with, input, 'script');
  let source: { kind: 'inline'; code: string } | { kind: 'file'; file: string };
  let runtime = fields.runtime;
  if (isInlineScript(fields.script)) source = { kind: 'inline', code: fields.script };
  else {
    const found = ctx.resolveScript?.(fields.script);
    if (!found?.ok) {
      ctx.errors.push(problem(found?.message ?? `named script '${fields.script}' cannot be looked up here`, 'script'));
      return undefined;
    }
    source = { kind: 'file', file: found.file };
    runtime ??= found.runtime;
  }
  if (!runtime) {
    // An invalid runtime is reported already; saying it is missing too would repeat it.
    if (!input.unchecked?.has('runtime'))
      ctx.errors.push(problem(`'runtime' is required for script nodes (${SCRIPT_RUNTIMES.join(', ')})`, 'runtime'));
    return undefined;
  }
  if (fields.deps && runtime !== 'uv')
    ctx.warnings.push(problem(`deps are installed by uv only; they are ignored with runtime '${runtime}'`, 'deps'));
  return {
    ...fields,
    ...commonFields(fields, input),
    kind: 'script',
    runtime,
    timeout: fields.timeout ?? DEFAULT_BASH_TIMEOUT_MS,
    source,
    ...(fields.with ? { bindings: fields.with } : {}),
  };
}

/** The iteration settings every loop shares, checked; undefined when they cannot run. */
function loopControl(
  settings: {
    until?: string;
    until_bash?: string;
    max_iterations?: number;
    fresh_context?: boolean;
    interactive?: boolean;
    gate_message?: string;
    signal_completes?: boolean;
  },
  input: NodeInput,
  section: 'loop' | 'loop_group',
  otherChannel?: string,
): LoopControl | undefined {
  const { ctx, problem } = input;
  let ok = true;
  if (settings.max_iterations === undefined) {
    ctx.errors.push(
      problem(`a loop needs ${section}.max_iterations (a bound on how often it may run)`, `${section}.max_iterations`),
    );
    ok = false;
  }
  if (settings.until === undefined && settings.until_bash === undefined && otherChannel === undefined) {
    ctx.errors.push(
      problem(
        `a loop needs a completion check: ${section}.until (a signal such as COMPLETE in the output) or ${section}.until_bash (a script; exit 0 = done)${section === 'loop' ? ' or loop.until_field (a declared boolean of output_format)' : ''}`,
        `${section}.until`,
      ),
    );
    ok = false;
  }
  if (settings.interactive === true && !settings.gate_message?.trim()) {
    ctx.errors.push(
      problem(`interactive loop requires '${section}.gate_message' (non-empty string)`, `${section}.gate_message`),
    );
    ok = false;
  }
  if (settings.signal_completes && !settings.interactive)
    ctx.warnings.push(
      problem(
        `${section}.signal_completes only matters with interactive: true; it is ignored`,
        `${section}.signal_completes`,
      ),
    );
  if (settings.interactive && ctx.workflow && ctx.workflow.interactive !== true)
    ctx.warnings.push(
      problem(
        `an interactive loop pauses the run; declare interactive: true at the workflow level`,
        `${section}.interactive`,
      ),
    );
  if (!ok) return undefined;
  return {
    until: settings.until,
    until_bash: settings.until_bash,
    max_iterations: settings.max_iterations!,
    fresh_context: settings.fresh_context ?? false,
    interactive: settings.interactive ?? false,
    gate_message: settings.gate_message,
    signal_completes: settings.signal_completes ?? false,
  };
}

export function buildLoop(input: NodeInput): WorkflowNode | undefined {
  const fields = parseFields(input, NODE_SCHEMAS.loop);
  if (!fields) return undefined;
  const { ctx, problem } = input;
  const { loop } = fields;
  const hasPrompt = isPresent(loop.prompt);
  const hasCommand = isPresent(loop.command);
  if (hasPrompt === hasCommand)
    ctx.errors.push(
      problem(
        hasPrompt
          ? "loop node accepts exactly one of 'loop.prompt' or 'loop.command' (both were provided)"
          : "loop node requires either 'loop.prompt' (inline) or 'loop.command' (file)",
        'loop',
      ),
    );
  const control = loopControl(loop, input, 'loop', loop.until_field);
  if (loop.until_field !== undefined && !input.unchecked?.has('output_format'))
    checkUntilField(loop.until_field, fields.output_format, input);
  const body = hasCommand ? lookupCommand(loop.command!.trim(), input, 'loop.command') : undefined;
  if (hasPrompt === hasCommand || !control || (hasCommand && !body)) return undefined;
  return {
    ...fields,
    ...commonFields(fields, input),
    ...resolveAi(fields, ctx, problem, 'loop', input.unchecked),
    kind: 'loop',
    loop: {
      ...control,
      prompt: body ? body.body : loop.prompt!.trim(),
      command: hasCommand ? loop.command!.trim() : undefined,
      until_field: loop.until_field,
    },
  };
}

/** `loop.until_field` must be a required boolean of the node's output_format, or the loop could never end. */
function checkUntilField(field: string, schema: Record<string, unknown> | undefined, input: NodeInput): void {
  const fail = (message: string) => void input.ctx.errors.push(input.problem(message, 'loop.until_field'));
  if (!schema) return fail(`'loop.until_field' names '${field}' but this node declares no 'output_format'`);
  const declared = declaredFields(schema) ?? [];
  if (!declared.includes(field))
    return fail(
      `'loop.until_field' names '${field}', which is not declared in output_format (declared: ${declared.join(', ') || 'none'})`,
    );
  if (!Array.isArray(schema.required) || !schema.required.includes(field))
    return fail(`'loop.until_field' names '${field}', which must also be listed in output_format.required`);
  const type = ((schema.properties as Record<string, { type?: unknown }>)[field] ?? {}).type;
  if (typeof type === 'string' && type !== 'boolean')
    fail(`'loop.until_field' names '${field}', declared as type '${type}'; it must be 'boolean'`);
}

export async function buildLoopGroup(input: NodeInput): Promise<WorkflowNode | undefined> {
  const fields = parseFields(input, NODE_SCHEMAS.loop_group);
  // The body inherits the group's provider and model: with either invalid, it cannot be checked.
  if (!fields || input.unchecked?.has('provider') || input.unchecked?.has('model')) return undefined;
  const { ctx, problem, placed } = input;
  const control = loopControl(fields.loop_group, input, 'loop_group');
  const rawBody = fields.loop_group.nodes;
  if (rawBody.length === 0)
    ctx.errors.push(problem("'loop_group.nodes' must have at least one node", 'loop_group.nodes'));
  const bodyPlaced: PlacedNode[] = rawBody.map((raw, index) => ({
    ...placed,
    raw,
    path: [...placed.path, 'loop_group', 'nodes', index],
  }));
  const expanded = expandIncludes(bodyPlaced, ctx.resolveWorkflowSource, ctx.workflow?.name, ctx.errors);
  const nodes: WorkflowNode[] = [];
  for (const [index, bodyNode] of expanded.entries()) {
    if (bodyNode.failed) continue;
    if (isRecord(bodyNode.raw) && isPresent(bodyNode.raw.workflow)) {
      ctx.errors.push(
        problem(`a loop_group body cannot contain a workflow: node (${String(bodyNode.raw.id)})`, 'loop_group.nodes'),
      );
      continue;
    }
    if (
      isRecord(bodyNode.raw) &&
      (isPresent(bodyNode.raw.approval) || (isRecord(bodyNode.raw.loop) && bodyNode.raw.loop.interactive === true))
    ) {
      ctx.errors.push(
        problem(
          `a loop_group body cannot pause (node ${String(bodyNode.raw.id)} is an approval or interactive loop); make the loop_group itself interactive`,
          'loop_group.nodes',
        ),
      );
      continue;
    }
    const built = await buildNode(bodyNode, index, {
      ...ctx,
      group: input.label,
      inherited: { provider: fields.provider ?? ctx.inherited?.provider, model: fields.model ?? ctx.inherited?.model },
    });
    if (built.node) nodes.push(built.node);
  }
  if (!control || nodes.length !== expanded.length || expanded.length === 0) return undefined;
  return { ...fields, ...commonFields(fields, input), kind: 'loop_group', loop_group: { ...control, nodes } };
}

export function buildApproval(input: NodeInput): WorkflowNode | undefined {
  const fields = parseFields(input, NODE_SCHEMAS.approval);
  if (!fields) return undefined;
  const { approval } = fields;
  const fail = (message: string) => input.ctx.errors.push(input.problem(message, 'approval.decisions'));
  if (approval.decisions && approval.on_reject)
    fail(
      "'approval.decisions' and 'approval.on_reject' are mutually exclusive; wire a rework node with when: \"$<gate>.output.decision == 'reject'\" instead",
    );
  if (approval.decisions) {
    const ids = approval.decisions.map((decision) => decision.id);
    if (new Set(ids).size !== ids.length) fail("'approval.decisions' ids must be unique");
    if (!ids.includes('approve')) fail("'approval.decisions' must include an 'approve' entry");
  }
  return {
    ...fields,
    ...commonFields(fields, input),
    kind: 'approval',
    approval: {
      message: approval.message,
      capture_response: approval.capture_response ?? false,
      ...(approval.decisions ? { decisions: approval.decisions } : {}),
      ...(approval.on_reject
        ? {
            on_reject: {
              prompt: approval.on_reject.prompt,
              max_attempts: approval.on_reject.max_attempts ?? 3,
              ai: resolveAi({}, input.ctx, input.problem, 'prompt'),
            },
          }
        : {}),
    },
  };
}

export function buildSubWorkflow(input: NodeInput): WorkflowNode | undefined {
  const fields = parseFields(input, NODE_SCHEMAS.workflow);
  if (!fields) return undefined;
  const { ctx, problem } = input;
  let ok = true;
  const refuse = (message: string, field: string) => {
    ctx.errors.push(problem(message, field));
    ok = false;
  };
  if (ctx.group) refuse('a loop_group body cannot contain a workflow: node', 'workflow');
  if (fields.with !== undefined && fields.input !== undefined)
    refuse(
      "'with:' and 'input:' cannot both be set on a workflow node: 'with:' supplies named $INPUTS, 'input:' the child's $ARGUMENTS",
      'with',
    );
  for (const name of Object.keys(fields.with ?? {}))
    if (!INPUT_NAME_PATTERN.test(name)) refuse(`invalid workflow input name '${name}'`, 'with');
  const fanOut = fields.fan_out;
  if (fanOut?.join === 'first_success')
    refuse(
      "'fan_out.join: first_success' (racing) is rejected: a winner cancelling the losers couples children meant to be independent. Use 'all_done' (the default) or 'all_success'",
      'fan_out.join',
    );
  if (fanOut?.as && fields.with && fanOut.as in fields.with)
    refuse(`'fan_out.as: ${fanOut.as}' collides with a 'with:' key of the same name`, 'fan_out.as');
  if (fanOut && typeof fanOut.items === 'string' && !parseWholeRef(fanOut.items) && !isJsonArray(fanOut.items))
    refuse(
      "'fan_out.items' must be one whole $node.output or $node.output.field reference to a JSON array, or a JSON array",
      'fan_out.items',
    );
  if (ctx.resolveWorkflowSource && !ctx.resolveWorkflowSource(fields.workflow))
    refuse(
      withArchonDefaultHint(
        `sub-workflow '${fields.workflow}' not found (it must be a workflow Archal discovers)`,
        archonDefaultWorkflowHint(fields.workflow),
      ),
      'workflow',
    );
  if (!ok) return undefined;
  const { fan_out: _fanOut, ...rest } = fields;
  return {
    ...rest,
    ...commonFields(fields, input),
    kind: 'workflow',
    ...(fanOut
      ? {
          fan_out: {
            items: fanOut.items,
            ...(fanOut.as ? { as: fanOut.as } : {}),
            max_parallel: fanOut.max_parallel ?? 5,
            join: fanOut.join === 'all_success' ? 'all_success' : 'all_done',
          },
        }
      : {}),
  };
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** `with:` on command and script nodes: names, values, and `{from, if_skipped}` directives. */
export function checkBindings(map: Record<string, unknown>, input: NodeInput, kind: 'command' | 'script'): void {
  const fail = (message: string, field = 'with') => input.ctx.errors.push(input.problem(message, field));
  const envKeys = new Map<string, string>();
  for (const [name, value] of Object.entries(map)) {
    if (!INPUT_NAME_PATTERN.test(name)) fail(`invalid ${kind} input name '${name}'`);
    const envKey = inputEnvKey(name);
    const clash = envKeys.get(envKey);
    if (clash) fail(`${kind} bindings '${clash}' and '${name}' both map to env var '${envKey}'; rename one`);
    envKeys.set(envKey, name);
    if (!isRecord(value)) continue;
    const extra = Object.keys(value).filter((key) => key !== 'from' && key !== 'if_skipped');
    if (typeof value.from !== 'string' || extra.length > 0)
      fail(
        `${kind} binding '${name}': an object value must be {from: '$node.output[.field]', if_skipped?: <value>}`,
        `with.${name}`,
      );
    else if (!parseWholeRef(value.from))
      fail(
        `${kind} binding '${name}': 'from' must be exactly one whole '$node.output' or '$node.output.field' reference, got '${value.from}'`,
        `with.${name}`,
      );
  }
}
