import type { WorkflowProblem } from './problems.js';
import { INPUT_NAME_PATTERN, type InputSpec } from './schema.js';
import { parseYaml, type SourceLocator } from './yaml-source.js';
import { archonDefaultWorkflowHint, withArchonDefaultHint } from './archon-defaults.js';
import { isRecord } from '../lib/is-record.js';

/**
 * `include:` composition: another workflow's nodes inlined at load time, as Archon does it. The
 * included nodes are renamed `<include-id>__<node-id>` (internal dependencies and `$node.output`
 * references follow), its entry nodes take the include's `depends_on`, `when` and `trigger_rule`,
 * `depends_on: [<include-id>]` waits for all of its sinks, and `$<include-id>.output` reads its
 * `returns:` node (else its first sink). `$INPUTS.<name>` in the included text becomes the value the
 * include passes `with:` (else the input's default).
 */

export const INCLUDE_MAX_DEPTH = 3;

/** Workflow-level settings an included workflow keeps for its own nodes. */
const CARRIED_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['provider', 'provider'],
  ['model', 'model'],
  ['effort', 'effort'],
  ['thinking', 'thinking'],
  ['fallbackModel', 'fallbackModel'],
  ['betas', 'betas'],
  ['sandbox', 'sandbox'],
  ['persist_sessions', 'persist_session'],
  ['exec', 'exec'],
];

export interface IncludeSource {
  file: string;
  text: string;
}
export type ResolveWorkflowSource = (name: string) => IncludeSource | undefined;

/** A raw node after expansion, with where to report its problems. */
export interface PlacedNode {
  raw: unknown;
  file: string;
  source: SourceLocator;
  path: Array<string | number>;
  /** Set on included nodes: what their command file's text must be rewritten with. */
  macros?: TextMacros;
  /**
   * An include that could not be expanded (its error is already reported). It stays in the list so
   * the graph still knows its id and dependencies; it is not built.
   */
  failed?: true;
}

/** Rewrites applied to included text: input values and node renames. */
export interface TextMacros {
  inputs: Record<string, string>;
  renames: Record<string, string>;
}

interface ExpandContext {
  resolve: ResolveWorkflowSource | undefined;
  /** Names of the workflows being expanded, outermost first (cycle and depth checks). */
  stack: string[];
  errors: WorkflowProblem[];
}

/** Expands every `include:` node of a node list; nodes that are not includes pass through. */
export function expandIncludes(
  nodes: PlacedNode[],
  resolve: ResolveWorkflowSource | undefined,
  workflowName: string | undefined,
  errors: WorkflowProblem[],
): PlacedNode[] {
  return expand(nodes, { resolve, stack: workflowName ? [workflowName] : [], errors });
}

function expand(nodes: PlacedNode[], ctx: ExpandContext): PlacedNode[] {
  const blocks = new Map<string, { sinks: string[]; primary: string }>();
  const out: PlacedNode[] = [];
  for (const placed of nodes) {
    if (!isRecord(placed.raw) || placed.raw.include === undefined) {
      out.push(placed);
      continue;
    }
    const block = expandOne(placed, placed.raw, ctx);
    if (!block) {
      // Nodes after it that depend on it or read its output must not be reported as well.
      if (typeof placed.raw.id === 'string' && placed.raw.id.trim()) out.push({ ...placed, failed: true });
      continue;
    }
    out.push(...block.nodes);
    blocks.set(String(placed.raw.id).trim(), { sinks: block.sinks, primary: block.primary });
  }
  if (blocks.size === 0) return out;
  // Nodes outside a block see it as one node: they wait for its sinks and read its primary output.
  return out.map((placed) => ({ ...placed, raw: pointAtBlocks(placed.raw, blocks) }));
}

function expandOne(
  placed: PlacedNode,
  raw: Record<string, unknown>,
  ctx: ExpandContext,
): { nodes: PlacedNode[]; sinks: string[]; primary: string } | undefined {
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  const at = (message: string, field?: string): WorkflowProblem => ({
    file: placed.file,
    node: id || undefined,
    field,
    line: placed.source.line(placed.path),
    message,
  });
  const target = typeof raw.include === 'string' ? raw.include.trim() : '';
  if (!id) {
    ctx.errors.push(at("an include node needs an 'id'", 'id'));
    return undefined;
  }
  if (!target) {
    ctx.errors.push(at("'include' must name a workflow", 'include'));
    return undefined;
  }
  const launchOnly: Record<string, string> = {
    isolation: 'a composed block runs inside the run that composed it, so it has no checkout of its own to isolate',
    fan_out: 'composition inlines a fixed set of nodes at load time, so there is nothing to multiply per item',
    input: "a composed block reads named values as $INPUTS.<name>, supplied through 'with:'",
  };
  let refused = false;
  for (const [field, why] of Object.entries(launchOnly))
    if (raw[field] !== undefined) {
      ctx.errors.push(
        at(`'${field}' is not supported on an include node: ${why}. Use a 'workflow:' node for a separate run.`, field),
      );
      refused = true;
    }
  if (refused) return undefined;
  if (ctx.stack.includes(target)) {
    ctx.errors.push(at(`include cycle detected: ${[...ctx.stack, target].join(' -> ')}`, 'include'));
    return undefined;
  }
  if (ctx.stack.length > INCLUDE_MAX_DEPTH) {
    ctx.errors.push(
      at(
        `include depth limit exceeded (max ${INCLUDE_MAX_DEPTH} levels): ${[...ctx.stack, target].join(' -> ')}`,
        'include',
      ),
    );
    return undefined;
  }
  const found = ctx.resolve?.(target);
  if (!found) {
    ctx.errors.push(
      at(
        withArchonDefaultHint(
          `included workflow '${target}' not found (it must be a workflow Archal discovers)`,
          archonDefaultWorkflowHint(target),
        ),
        'include',
      ),
    );
    return undefined;
  }
  const parsed = parseYaml(found.text);
  if (!parsed.ok || !isRecord(parsed.value) || !Array.isArray(parsed.value.nodes)) {
    const detail = parsed.ok ? 'it has no nodes' : parsed.errors.map((error) => error.message).join('; ');
    ctx.errors.push(at(`included workflow '${target}' (${found.file}) cannot be read: ${detail}`, 'include'));
    return undefined;
  }
  const definition = parsed.value;
  const inputs = includeInputs(definition.inputs, raw.with, target, at, ctx.errors);
  if (!inputs) return undefined;

  const innerNodes: PlacedNode[] = (definition.nodes as unknown[]).map((node, index) => ({
    raw: node,
    file: found.file,
    source: parsed.source,
    path: ['nodes', index],
  }));
  const expanded = expand(innerNodes, { ...ctx, stack: [...ctx.stack, target] });
  const ids = expanded.flatMap((node) =>
    isRecord(node.raw) && typeof node.raw.id === 'string' ? [node.raw.id.trim()] : [],
  );
  const renames = Object.fromEntries(ids.map((inner) => [inner, `${id}__${inner}`]));
  const macros: TextMacros = { inputs, renames };

  const dependedOn = new Set<string>();
  for (const node of expanded)
    if (isRecord(node.raw) && Array.isArray(node.raw.depends_on))
      for (const dep of node.raw.depends_on) if (typeof dep === 'string') dependedOn.add(dep.trim());
  const sinks = ids.filter((inner) => !dependedOn.has(inner)).map((inner) => renames[inner]!);
  const returns = typeof definition.returns === 'string' ? definition.returns.trim() : undefined;
  if (returns !== undefined && !renames[returns]) {
    ctx.errors.push(at(`included workflow '${target}' returns '${returns}', which is not one of its nodes`, 'include'));
    return undefined;
  }
  const primary = returns ? renames[returns]! : (sinks[0] ?? renames[ids[0] ?? ''] ?? `${id}__`);

  const nodes = expanded.map((node) => {
    if (!isRecord(node.raw)) return node;
    const carried = carryWorkflowSettings(definition, node.raw);
    const rewritten = rewriteTexts(carried, macros) as Record<string, unknown>;
    const ownDeps = Array.isArray(carried.depends_on) ? (carried.depends_on as unknown[]) : [];
    const entry = ownDeps.length === 0;
    rewritten.id = renames[String(carried.id).trim()] ?? carried.id;
    rewritten.depends_on = entry
      ? [...(Array.isArray(raw.depends_on) ? raw.depends_on : [])]
      : ownDeps.map((dep) => (typeof dep === 'string' ? (renames[dep.trim()] ?? dep) : dep));
    if (entry) {
      if (typeof raw.when === 'string' && raw.when.trim())
        rewritten.when =
          typeof rewritten.when === 'string' && rewritten.when.trim()
            ? `(${raw.when.trim()}) && (${rewritten.when.trim()})`
            : raw.when;
      if (raw.trigger_rule !== undefined) rewritten.trigger_rule = raw.trigger_rule;
    }
    return {
      ...node,
      raw: rewritten,
      macros: node.macros ? combineMacros(node.macros, macros) : macros,
    };
  });
  return { nodes, sinks, primary };
}

/** The include's `with:` values against the included workflow's declared inputs, as text to splice. */
function includeInputs(
  declared: unknown,
  given: unknown,
  target: string,
  at: (message: string, field?: string) => WorkflowProblem,
  errors: WorkflowProblem[],
): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  const specs = isRecord(declared) ? (declared as Record<string, InputSpec>) : undefined;
  const provided = given === undefined ? {} : given;
  if (!isRecord(provided)) {
    errors.push(at("'with' on an include node must map input names to values", 'with'));
    return undefined;
  }
  let ok = true;
  for (const [name, value] of Object.entries(provided)) {
    if (!INPUT_NAME_PATTERN.test(name)) {
      errors.push(at(`invalid include input name '${name}'`, 'with'));
      ok = false;
    } else if (specs && !(name in specs)) {
      errors.push(
        at(`'${target}' declares no input '${name}' (declared: ${Object.keys(specs).join(', ') || 'none'})`, 'with'),
      );
      ok = false;
    } else values[name] = canonicalText(value);
  }
  for (const [name, spec] of Object.entries(specs ?? {})) {
    if (name in values) continue;
    if (isRecord(spec) && spec.default !== undefined) values[name] = canonicalText(spec.default);
    else if (isRecord(spec) && spec.required === true) {
      errors.push(at(`'${target}' requires input '${name}': pass it with 'with: {${name}: …}'`, 'with'));
      ok = false;
    }
  }
  return ok ? values : undefined;
}

/** Strings as they are; every other JSON value as its JSON text. */
export function canonicalText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function carryWorkflowSettings(definition: Record<string, unknown>, node: Record<string, unknown>) {
  const copy: Record<string, unknown> = { ...node };
  for (const [workflowKey, nodeKey] of CARRIED_FIELDS) {
    const value = definition[workflowKey];
    if (value === undefined || copy[nodeKey] !== undefined) continue;
    if (nodeKey === 'model' && copy.provider !== undefined && copy.provider !== definition.provider) continue;
    if (nodeKey === 'persist_session' && copy.command === undefined && copy.prompt === undefined) continue;
    if (nodeKey !== 'provider' && nodeKey !== 'model' && !isAiRaw(copy) && nodeKey !== 'exec') continue;
    copy[nodeKey] = value;
  }
  return copy;
}

function isAiRaw(node: Record<string, unknown>): boolean {
  return node.command !== undefined || node.prompt !== undefined || node.loop !== undefined;
}

/** Applies a block's macros to every string of a node (recursively), except its id. */
function rewriteTexts(value: unknown, macros: TextMacros, key?: string): unknown {
  if (typeof value === 'string') return key === 'id' ? value : applyMacros(value, macros);
  if (Array.isArray(value)) return value.map((item) => rewriteTexts(item, macros));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteTexts(v, macros, k)]));
  return value;
}

const INPUTS_REF = /\$INPUTS\.([A-Za-z_][A-Za-z0-9_-]*)/g;
const NODE_REF = /\$(LOOP_PREV\.)?([A-Za-z_][A-Za-z0-9_-]*)(?=\.[A-Za-z_])/g;

/** `$INPUTS.<name>` spliced, `$<id>.` and `$LOOP_PREV.<id>.` renamed, in one pass each. */
export function applyMacros(text: string, macros: TextMacros): string {
  const withInputs = text.replace(INPUTS_REF, (match, name: string) => macros.inputs[name] ?? match);
  return withInputs.replace(NODE_REF, (match, prev: string | undefined, id: string) => {
    const renamed = macros.renames[id];
    return renamed ? `$${prev ?? ''}${renamed}` : match;
  });
}

function combineMacros(inner: TextMacros, outer: TextMacros): TextMacros {
  // Inner renames already applied to the text; the outer block renames their results too.
  const renames = { ...outer.renames };
  for (const [from, to] of Object.entries(inner.renames)) renames[from] = outer.renames[to] ?? `${to}`;
  return { inputs: { ...outer.inputs, ...inner.inputs }, renames };
}

/** Rewrites references to included blocks in a node outside them. */
function pointAtBlocks(raw: unknown, blocks: Map<string, { sinks: string[]; primary: string }>): unknown {
  if (!isRecord(raw)) return raw;
  const copy = rewriteBlockRefs(raw, blocks) as Record<string, unknown>;
  if (Array.isArray(raw.depends_on))
    copy.depends_on = raw.depends_on.flatMap((dep) =>
      typeof dep === 'string' && blocks.has(dep.trim()) ? blocks.get(dep.trim())!.sinks : [dep],
    );
  return copy;
}

function rewriteBlockRefs(value: unknown, blocks: Map<string, { primary: string }>, key?: string): unknown {
  if (typeof value === 'string')
    return key === 'id'
      ? value
      : value.replace(NODE_REF, (match, prev: string | undefined, id: string) => {
          const block = blocks.get(id);
          return block ? `$${prev ?? ''}${block.primary}` : match;
        });
  if (Array.isArray(value)) return value.map((item) => rewriteBlockRefs(item, blocks));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteBlockRefs(v, blocks, k)]));
  return value;
}
