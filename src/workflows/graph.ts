import { didYouMean } from '../lib/did-you-mean.js';
import { conditionRefs } from './condition.js';
import { outputFormatOf, type WorkflowNode } from './model.js';
import { declaredFields } from './output-schema.js';
import type { WorkflowProblem } from './problems.js';
import { findLoopPrevRefs, findOutputRefs } from './refs.js';
import { isRecord } from '../lib/is-record.js';

/** A node as the file declares it: its id and dependencies, whether or not it loaded. */
export interface DeclaredNode {
  id: string;
  depends_on: string[];
  index: number;
  line?: number;
  /** Line of its `depends_on` (the node's line when it has none). */
  dependsOnLine?: number;
  /** Its depends_on could not be read in full (an error of its own): its ancestry is not known. */
  partialDependencies?: boolean;
}

/** A node's line by its id (undefined when unknown), for messages. */
export interface NodeLineLookup {
  get(id: string): number | undefined;
  /** Line of the node's field (`bash`, `with.x`) where `pattern` matches, when the field is in its YAML. */
  within?(id: string, field: string, pattern: RegExp): number | undefined;
}

interface GraphContext {
  file: string;
  nodeLines: NodeLineLookup;
}

/** The scope a loop_group body is checked in: the nodes outside it that it may read. */
interface OuterScope {
  /** Ids of the enclosing graph (a body may not reuse them). */
  ids: ReadonlySet<string>;
  /** Outer nodes whose outputs exist when the group runs (its ancestors). */
  readable: ReadonlySet<string>;
  /** Outer nodes that loaded, for field checks. */
  byId: ReadonlyMap<string, WorkflowNode>;
  group: string;
}

/**
 * Checks that span nodes: unique ids, known dependencies, no cycles, and `$x.output` reads only of
 * nodes that are (transitive) dependencies: reading a node that may not have run yet is a race.
 * Ancestry comes from the declared graph, so a node that failed to load does not break the
 * reasoning about the nodes around it. `partial` are nodes built despite errors of their own: their
 * references are checked too (their fields are not read by others' checks).
 */
export function validateGraph(
  nodes: readonly WorkflowNode[],
  declared: readonly DeclaredNode[],
  ctx: GraphContext,
  outer?: OuterScope,
  partial: readonly WorkflowNode[] = [],
): { errors: WorkflowProblem[]; warnings: WorkflowProblem[] } {
  const problems: WorkflowProblem[] = [];
  const warnings: WorkflowProblem[] = [];
  const { file } = ctx;
  const known = new Set(declared.map((node) => node.id));
  const lineOf = (id: string) => ctx.nodeLines.get(id) ?? declared.find((node) => node.id === id)?.line;

  const seen = new Map<string, DeclaredNode>();
  for (const node of declared) {
    const first = seen.get(node.id);
    if (first)
      problems.push({
        file,
        node: node.id,
        field: 'id',
        line: node.line,
        message: `Duplicate node id: '${node.id}' (also node #${first.index + 1})`,
      });
    else seen.set(node.id, node);
    if (outer?.ids.has(node.id))
      problems.push({
        file,
        node: node.id,
        field: 'id',
        line: node.line,
        message: `node id '${node.id}' in loop_group '${outer.group}' shadows a node id of the enclosing workflow`,
      });
  }

  for (const node of declared)
    for (const dependency of node.depends_on)
      if (!known.has(dependency))
        problems.push({
          file,
          node: node.id,
          field: 'depends_on',
          line: node.dependsOnLine ?? node.line,
          message: `depends on unknown node '${dependency}'.${didYouMean(dependency, known)}${outer?.ids.has(dependency) ? ` (a loop_group body depends only on its own nodes; read outer outputs with $${dependency}.output)` : ''}`,
        });

  const depsOf = new Map(declared.map((node) => [node.id, node.depends_on]));
  const cycle = findCycle(declared, depsOf);
  if (cycle) {
    problems.push({
      file,
      node: cycle[0],
      field: 'depends_on',
      line: seen.get(cycle[0]!)?.dependsOnLine ?? lineOf(cycle[0]!),
      message: `Cycle detected: ${cycle.join(' → ')}`,
    });
    return { errors: problems, warnings };
  }

  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ancestors = new AncestorIndex(depsOf);
  // Nodes whose dependencies are not all known (a depends_on that could not be read, or that names an
  // unknown node, both reported): for them and their dependents, "not a dependency" cannot be told.
  const uncertain = new Set(
    declared
      .filter((node) => node.partialDependencies || node.depends_on.some((dependency) => !known.has(dependency)))
      .map((node) => node.id),
  );
  const ancestryUnknown = (id: string) =>
    uncertain.size > 0 && (uncertain.has(id) || [...ancestors.of(id)].some((ancestor) => uncertain.has(ancestor)));
  const strictProblems = problems;
  const lenientProblems = {
    push: (problem: WorkflowProblem) =>
      warnings.push({
        ...problem,
        message: `${problem.message} (in a command file: spliced as empty at run time, as Archon does)`,
      }),
  };
  for (const node of [...nodes, ...partial]) {
    // A reference's problem points at the line that holds it, else at the node.
    const at = (field: string, refNode?: string) => ({
      file,
      node: node.id,
      field,
      line:
        (refNode !== undefined ? ctx.nodeLines.within?.(node.id, field, referencePattern(refNode)) : undefined) ??
        lineOf(node.id),
    });
    for (const { field, text } of referencingTexts(node)) {
      const refs = field === 'when' ? (node.when ? conditionRefs(node.when.expr) : []) : findOutputRefs(text);
      // Archon does not check the refs of a command file's text (files are shared between workflows, and
      // their prose often names a node by way of example): a whole $x.output there naming no node, or the
      // node itself, is spliced as empty at run time. Archal does the same, and says so as a warning.
      const lenient = isCommandFileField(field);
      for (const ref of refs) {
        const refText = `$${ref.node}.output${ref.field ? `.${ref.field}` : ''}`;
        const problems = lenient && !ref.field ? lenientProblems : strictProblems;
        if (!known.has(ref.node)) {
          if (outer?.ids.has(ref.node)) {
            if (!outer.readable.has(ref.node))
              strictProblems.push({
                ...at(field, ref.node),
                message: `${refText} reads '${ref.node}', which is not among the dependencies of loop_group '${outer.group}': it may not have run yet. Add '${ref.node}' to the group's depends_on.`,
              });
            else checkField(ref, outer.byId.get(ref.node), refText, () => at(field, ref.node), warnings);
            continue;
          }
          problems.push({
            ...at(field, ref.node),
            message: `${refText} references unknown node '${ref.node}'.${didYouMean(ref.node, [...known, ...(outer?.ids ?? [])])}`,
          });
          continue;
        }
        if (ref.node === node.id) {
          problems.push({
            ...at(field, ref.node),
            message: `${refText} reads the node's own output, which does not exist yet`,
          });
          continue;
        }
        if (!ancestors.has(node.id, ref.node)) {
          if (ancestryUnknown(node.id)) continue;
          // A node that may or may not have run is a race, not an example: an error even in a command file.
          strictProblems.push({
            ...at(field, ref.node),
            message: `${refText} reads '${ref.node}', which is not among the dependencies of '${node.id}' (direct or transitive): it may not have run yet. Add '${ref.node}' to depends_on.`,
          });
          continue;
        }
        checkField(ref, byId.get(ref.node), refText, () => at(field, ref.node), warnings);
      }
      for (const ref of findLoopPrevRefs(text)) {
        if (!outer)
          problems.push({
            ...at(field, ref.node),
            message: `$LOOP_PREV.${ref.node}.output is only available in loop_group bodies`,
          });
        else if (!known.has(ref.node))
          problems.push({
            ...at(field, ref.node),
            message: `$LOOP_PREV.${ref.node}.output references '${ref.node}', which is not a node of loop_group '${outer.group}'.${didYouMean(ref.node, known)}`,
          });
      }
    }
    if (node.kind === 'command' || node.kind === 'prompt') {
      const source = node.resumeFrom;
      if (source !== undefined) {
        const producer = byId.get(source);
        if (!known.has(source))
          problems.push({ ...at('context'), message: `context.resume names unknown node '${source}'` });
        else if (!ancestors.has(node.id, source)) {
          if (!ancestryUnknown(node.id))
            problems.push({
              ...at('context'),
              message: `context.resume '${source}' must be a (transitive) dependency of '${node.id}'`,
            });
        } else if (producer && producer.kind !== 'command' && producer.kind !== 'prompt' && producer.kind !== 'loop')
          problems.push({
            ...at('context'),
            message: `context.resume '${source}' is a ${producer.kind} node; it has no session`,
          });
      }
    }
    if (node.kind === 'loop_group') {
      const body = node.loop_group.nodes;
      const bodyDeclared = body.map((child, index) => ({
        id: child.id,
        depends_on: child.depends_on,
        index,
        get line() {
          return lineOf(node.id);
        },
      }));
      const readable = new Set([...ancestors.of(node.id), ...(outer?.readable ?? [])]);
      const allIds = new Set([...known, ...(outer?.ids ?? [])]);
      const inner = validateGraph(body, bodyDeclared, ctx, {
        ids: allIds,
        readable,
        byId: new Map([...(outer?.byId ?? []), ...byId]),
        group: node.id,
      });
      problems.push(...inner.errors);
      warnings.push(...inner.warnings);
    }
  }
  return { errors: problems, warnings };
}

/**
 * A field read should be one its producer's output_format declares. Archon decides this when the
 * node runs (the read fails the node there), so here it is a warning.
 */
function checkField(
  ref: { node: string; field?: string },
  producer: WorkflowNode | undefined,
  refText: string,
  // Where the read is, asked only for a warning: a node's line costs a second parse of its file.
  at: () => { file: string; node: string; field: string; line?: number },
  problems: WorkflowProblem[],
): void {
  if (!ref.field || !producer) return;
  const schema = outputFormatOf(producer);
  const fields = schema ? declaredFields(schema) : undefined;
  if (fields && !fields.includes(ref.field))
    problems.push({
      ...at(),
      message: `${refText}: '${ref.field}' is not declared in the output_format of '${ref.node}' (declared: ${fields.join(', ') || 'none'}); reading it will fail the node.${didYouMean(ref.field, fields)}`,
    });
}

/** The field names referencingTexts gives a command file's text (command: and loop.command). */
function isCommandFileField(field: string): boolean {
  return field.startsWith('command (') || field.startsWith('loop.command (');
}

/** The texts of a node that are substituted at run time, and the field each comes from. */
export function referencingTexts(node: WorkflowNode): Array<{ field: string; text: string }> {
  const texts: Array<{ field: string; text: string }> = node.when ? [{ field: 'when', text: node.when.source }] : [];
  const strings = (field: string, value: unknown): Array<{ field: string; text: string }> => {
    if (typeof value === 'string') return [{ field, text: value }];
    if (Array.isArray(value)) return value.flatMap((item) => strings(field, item));
    if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => strings(`${field}.${key}`, item));
    return [];
  };
  switch (node.kind) {
    case 'command':
      return [
        ...texts,
        { field: `command (${node.commandFile})`, text: node.body },
        ...strings('with', node.bindings),
        ...aiTexts(node),
      ];
    case 'prompt':
      return [...texts, { field: 'prompt', text: node.prompt }, ...aiTexts(node)];
    case 'bash':
      return [...texts, { field: 'bash', text: node.bash }];
    case 'script':
      return [
        ...texts,
        ...(node.source.kind === 'inline' ? [{ field: 'script', text: node.source.code }] : []),
        ...strings('with', node.bindings),
      ];
    case 'loop':
      return [
        ...texts,
        { field: node.loop.command ? `loop.command (${node.loop.command})` : 'loop.prompt', text: node.loop.prompt },
        ...(node.loop.until_bash ? [{ field: 'loop.until_bash', text: node.loop.until_bash }] : []),
        ...aiTexts(node),
      ];
    case 'loop_group':
      return [
        ...texts,
        ...(node.loop_group.until_bash ? [{ field: 'loop_group.until_bash', text: node.loop_group.until_bash }] : []),
      ];
    case 'approval':
      return [
        ...texts,
        { field: 'approval.message', text: node.approval.message },
        ...(node.approval.on_reject
          ? [{ field: 'approval.on_reject.prompt', text: node.approval.on_reject.prompt }]
          : []),
      ];
    case 'cancel':
      return [...texts, { field: 'cancel', text: node.cancel }];
    case 'workflow':
      return [
        ...texts,
        ...(node.input !== undefined ? [{ field: 'input', text: node.input }] : []),
        ...strings('with', node.with),
        ...(node.fan_out && typeof node.fan_out.items === 'string'
          ? [{ field: 'fan_out.items', text: node.fan_out.items }]
          : []),
      ];
  }
}

function aiTexts(node: {
  options: { systemPrompt?: string; agents?: Record<string, { prompt: string; description: string }> };
}) {
  const texts: Array<{ field: string; text: string }> = [];
  if (node.options.systemPrompt) texts.push({ field: 'systemPrompt', text: node.options.systemPrompt });
  for (const [id, agent] of Object.entries(node.options.agents ?? {}))
    texts.push({ field: `agents.${id}`, text: `${agent.description}\n${agent.prompt}` });
  return texts;
}

/** A cycle as a path that ends where it starts (a → b → a), or undefined. Iterative: no stack limits. */
function findCycle(nodes: readonly DeclaredNode[], depsOf: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    state.set(start.id, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deps = depsOf.get(frame.id) ?? [];
      if (frame.next >= deps.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[frame.next++]!;
      if (!depsOf.has(dep)) continue;
      const depState = state.get(dep);
      if (depState === 'visiting') {
        const from = stack.findIndex((entry) => entry.id === dep);
        // The stack runs from dependents to dependencies; print it in execution order.
        return [...stack.slice(from).map((entry) => entry.id), dep].reverse();
      }
      if (depState === undefined) {
        state.set(dep, 'visiting');
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  return undefined;
}

/** Answers "is A a transitive dependency of B?" with a memoised walk per asking node. */
export class AncestorIndex {
  private readonly cache = new Map<string, Set<string>>();
  constructor(private readonly depsOf: ReadonlyMap<string, readonly string[]>) {}

  of(node: string): Set<string> {
    let set = this.cache.get(node);
    if (!set) {
      set = new Set();
      const queue = [...(this.depsOf.get(node) ?? [])];
      while (queue.length > 0) {
        const next = queue.pop()!;
        if (set.has(next)) continue;
        set.add(next);
        queue.push(...(this.depsOf.get(next) ?? []));
      }
      this.cache.set(node, set);
    }
    return set;
  }

  has(node: string, candidate: string): boolean {
    return this.of(node).has(candidate);
  }
}

/** Where `$node.output` (or `${node.output}`, `$LOOP_PREV.node.output`) is written. */
function referencePattern(node: string): RegExp {
  return new RegExp(`[$.{]${node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.output`);
}
