import { didYouMean } from '../lib/did-you-mean.js';
import { conditionRefs } from './condition.js';
import { isAiNode, type WorkflowNode } from './model.js';
import { declaredFields } from './output-schema.js';
import type { WorkflowProblem } from './problems.js';
import { findOutputRefs } from './refs.js';
import type { SourceLocator } from './yaml-source.js';

interface GraphContext {
  file: string;
  source: SourceLocator;
  nodeLines: Map<string, number | undefined>;
}

/**
 * Checks that span nodes: unique ids, known dependencies, no cycles, and `$x.output` reads only of
 * nodes that are (transitive) dependencies: reading a node that may not have run yet is a race.
 */
export function validateGraph(
  nodes: readonly WorkflowNode[],
  declaredIds: readonly string[],
  ctx: GraphContext,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const { file, source } = ctx;
  const known = new Set(declaredIds);

  const seen = new Map<string, number>();
  declaredIds.forEach((id, index) => {
    if (seen.has(id)) {
      problems.push({
        file,
        node: id,
        field: 'id',
        line: source.line(['nodes', index, 'id']),
        message: `Duplicate node id: '${id}' (also node #${seen.get(id)! + 1})`,
      });
    } else seen.set(id, index);
  });

  for (const node of nodes) {
    for (const dependency of node.depends_on) {
      if (!known.has(dependency))
        problems.push({
          file,
          node: node.id,
          field: 'depends_on',
          line: ctx.nodeLines.get(node.id),
          message: `depends on unknown node '${dependency}'.${didYouMean(dependency, known)}`,
        });
    }
  }

  const byId = new Map(nodes.map((node) => [node.id, node]));
  const cycle = findCycle(nodes, byId);
  if (cycle) {
    problems.push({
      file,
      node: cycle[0],
      field: 'depends_on',
      line: ctx.nodeLines.get(cycle[0]!),
      message: `Cycle detected: ${cycle.join(' → ')}`,
    });
    return problems;
  }

  const ancestors = new AncestorIndex(byId);
  for (const node of nodes) {
    for (const { field, text } of referencingTexts(node)) {
      const refs = field === 'when' ? (node.when ? conditionRefs(node.when.expr) : []) : findOutputRefs(text);
      for (const ref of refs) {
        const refText = `$${ref.node}.output${ref.field ? `.${ref.field}` : ''}`;
        const at = { file, node: node.id, field, line: ctx.nodeLines.get(node.id) };
        if (!known.has(ref.node)) {
          problems.push({
            ...at,
            message: `${refText} references unknown node '${ref.node}'.${didYouMean(ref.node, known)}`,
          });
          continue;
        }
        const producer = byId.get(ref.node);
        if (!producer) continue; // invalid itself; already reported
        if (ref.node === node.id) {
          problems.push({ ...at, message: `${refText} reads the node's own output, which does not exist yet` });
          continue;
        }
        if (!ancestors.has(node.id, ref.node)) {
          problems.push({
            ...at,
            message: `${refText} reads '${ref.node}', which is not among the dependencies of '${node.id}' (direct or transitive): it may not have run yet. Add '${ref.node}' to depends_on.`,
          });
          continue;
        }
        const fields = ref.field && isAiNode(producer) ? declaredFields(producer.output_format) : undefined;
        if (ref.field && fields && !fields.includes(ref.field)) {
          problems.push({
            ...at,
            message: `${refText}: '${ref.field}' is not declared in the output_format of '${ref.node}' (declared: ${fields.join(', ') || 'none'}).${didYouMean(ref.field, fields)}`,
          });
        }
      }
    }
  }
  return problems;
}

/** The texts of a node that are substituted at run time, and the field each comes from. */
function referencingTexts(node: WorkflowNode): Array<{ field: string; text: string }> {
  const texts: Array<{ field: string; text: string }> = node.when ? [{ field: 'when', text: node.when.source }] : [];
  switch (node.kind) {
    case 'command':
      return [...texts, { field: `command (${node.commandFile})`, text: node.body }];
    case 'prompt':
      return [...texts, { field: 'prompt', text: node.prompt }];
    case 'bash':
      return [...texts, { field: 'bash', text: node.bash }];
    case 'loop':
      return [
        ...texts,
        { field: node.loop.command ? `loop.command (${node.loop.command})` : 'loop.prompt', text: node.loop.prompt },
        ...(node.loop.until_bash ? [{ field: 'loop.until_bash', text: node.loop.until_bash }] : []),
      ];
    case 'approval':
      return [...texts, { field: 'approval.message', text: node.approval.message }];
    case 'cancel':
      return [...texts, { field: 'cancel', text: node.cancel }];
  }
}

/** A cycle as a path that ends where it starts (a → b → a), or undefined. Iterative: no stack limits. */
function findCycle(nodes: readonly WorkflowNode[], byId: Map<string, WorkflowNode>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    state.set(start.id, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deps = byId.get(frame.id)?.depends_on ?? [];
      if (frame.next >= deps.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[frame.next++]!;
      if (!byId.has(dep)) continue;
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
class AncestorIndex {
  private readonly cache = new Map<string, Set<string>>();
  constructor(private readonly byId: Map<string, WorkflowNode>) {}

  has(node: string, candidate: string): boolean {
    let set = this.cache.get(node);
    if (!set) {
      set = new Set();
      const queue = [...(this.byId.get(node)?.depends_on ?? [])];
      while (queue.length > 0) {
        const next = queue.pop()!;
        if (set.has(next)) continue;
        set.add(next);
        queue.push(...(this.byId.get(next)?.depends_on ?? []));
      }
      this.cache.set(node, set);
    }
    return set.has(candidate);
  }
}
