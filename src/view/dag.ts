import dagre, { type Edge, type Point } from '@dagrejs/dagre';
import { formatDuration, html, type Html } from './html.js';
import type { NodeView } from './records/workflows.js';

/**
 * A workflow's DAG as inline SVG, laid out on the server with dagre: the page needs no graph library
 * of its own, and a report draws it with no script at all.
 */

const CHAR_WIDTH = 7.4;
const NODE_HEIGHT = 44;
const PADDING = 16;

/** The second line of a node's box: its state, and its duration once known. */
export function nodeLabel(node: Pick<NodeView, 'state' | 'durationMs' | 'skipReason'>): string {
  const parts: string[] = [node.state];
  if (node.durationMs !== null) parts.push(formatDuration(node.durationMs));
  if (node.state === 'skipped' && node.skipReason) parts.push(node.skipReason.replace(/_/g, ' '));
  return parts.join(' · ');
}

/**
 * `rowHref` names where each node's details are (its row in the nodes table): a node is then a link,
 * so a click or Enter on the failed node of a large graph goes to its output and error.
 */
export function dagSvg(
  nodes: readonly NodeView[],
  edges: ReadonlyArray<{ from: string; to: string }>,
  rowHref?: (nodeId: string) => string,
): Html {
  if (nodes.length === 0) return html`<p class="muted">No node has run yet.</p>`;
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: PADDING, marginy: PADDING });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    // Wide enough for the label the node will have when it finishes, so live updates fit.
    const longest = Math.max(node.id.length, nodeLabel(node).length, 'completed · 59.9 s'.length);
    graph.setNode(node.id, { width: Math.max(96, Math.round(longest * CHAR_WIDTH) + 24), height: NODE_HEIGHT });
  }
  for (const edge of edges) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  const { width = 0, height = 0 } = graph.graph();

  const paths = graph.edges().map((edge: Edge) => {
    const points: Point[] = graph.edge(edge).points ?? [];
    const d = points.map(
      (point: Point, index: number) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`,
    );
    return html`<path class="edge" d="${d.join(' ')}" marker-end="url(#arrow)" data-edge="${edge.v}->${edge.w}" />`;
  });
  const boxes = nodes.map((node) => {
    const box = graph.node(node.id);
    const x = box.x - box.width / 2;
    const y = box.y - box.height / 2;
    const shape = html`<g
      class="node state-${node.state}"
      data-node="${node.id}"
      transform="translate(${x.toFixed(1)},${y.toFixed(1)})"
    >
      <title>${node.id}: ${node.state}${node.error ? ` — ${node.error}` : ''}</title>
      <rect width="${box.width}" height="${box.height}" rx="6" />
      <text x="10" y="18">${node.id}</text>
      <text class="sub" x="10" y="35">${nodeLabel(node)}</text>
    </g>`;
    return rowHref ? html`<a href="${rowHref(node.id)}">${shape}</a>` : shape;
  });
  return html`<svg
    class="dag"
    xmlns="http://www.w3.org/2000/svg"
    width="${Math.ceil(width)}"
    height="${Math.ceil(height)}"
    viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}"
    role="img"
    aria-label="workflow graph"
  >
    <defs>
      <marker
        id="arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path d="M0,0 L10,5 L0,10 z" />
      </marker>
    </defs>
    ${paths} ${boxes}
  </svg>`;
}
