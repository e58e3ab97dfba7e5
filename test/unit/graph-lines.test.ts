import { describe, expect, it } from '@jest/globals';
import { loadOk } from '../helpers/engine.js';
import { validateGraph, type DeclaredNode, type NodeLineLookup } from '../../src/workflows/graph.js';
import type { WorkflowNode } from '../../src/workflows/model.js';

/**
 * A node's line costs a second parse of a workflow read from the YAML cache, so the graph checks
 * ask for lines only for the problems they report.
 */
const header = 'name: lines\ndescription: graph checks and node lines\n';

/** Lines by node id, counting every question (the loader's lookup parses the file on the first). */
function countingLines(lines: Record<string, number>): NodeLineLookup & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get(id) {
      asked.push(id);
      return lines[id];
    },
  };
}

function declaredOf(nodes: readonly WorkflowNode[], lookup: NodeLineLookup): DeclaredNode[] {
  return nodes.map((node, index) => ({
    id: node.id,
    depends_on: node.depends_on,
    index,
    get line() {
      return lookup.get(node.id);
    },
  }));
}

describe('the graph checks and node lines', () => {
  it('ask for no line when a workflow with field reads and a loop group is valid', async () => {
    const workflow = await loadOk(`${header}nodes:
  - id: classify
    prompt: classify
    output_format:
      type: object
      properties: { kind: { type: string } }
  - id: next
    depends_on: [classify]
    when: "$classify.output.kind == 'bug'"
    bash: echo $classify.output.kind
  - id: group
    depends_on: [classify]
    loop_group:
      until: DONE
      max_iterations: 2
      nodes:
        - id: step
          bash: echo $classify.output.kind
`);
    const lines = countingLines({ classify: 4, next: 9, group: 13 });
    const result = validateGraph(workflow.nodes, declaredOf(workflow.nodes, lines), {
      file: 'w.yaml',
      nodeLines: lines,
    });
    expect(result).toEqual({ errors: [], warnings: [] });
    expect(lines.asked).toEqual([]);
  });

  it('give the lines of the problems they report, in the body of a loop group too', async () => {
    const workflow = await loadOk(`${header}nodes:
  - id: classify
    prompt: classify
    output_format:
      type: object
      properties: { kind: { type: string } }
  - id: next
    depends_on: [classify]
    bash: echo $classify.output.knd
  - id: group
    depends_on: [classify]
    loop_group:
      until: DONE
      max_iterations: 2
      nodes:
        - id: step
          bash: echo $classify.output.sort
`);
    const lines = countingLines({ classify: 4, next: 9, group: 12 });
    const { warnings } = validateGraph(workflow.nodes, declaredOf(workflow.nodes, lines), {
      file: 'w.yaml',
      nodeLines: lines,
    });
    expect(warnings).toEqual([
      expect.objectContaining({ node: 'next', field: 'bash', line: 9, message: expect.stringContaining("'knd'") }),
      expect.objectContaining({ node: 'step', field: 'bash', line: 12, message: expect.stringContaining("'sort'") }),
    ]);
    expect(lines.asked).toContain('next');
  });
});
