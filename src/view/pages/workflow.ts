import { stripAnsi } from '../../lib/text.js';
import { dagSvg, nodeLabel } from '../dag.js';
import { formatDuration, formatTime, html, pretty, type Html } from '../html.js';
import { badge, type PageLinks } from '../layout.js';
import type { Tone } from '../records/types.js';
import { workflowTone, type NodeState, type NodeView, type WorkflowRunView } from '../records/workflows.js';
import type { Page } from './page.js';

const NODE_TONES: Record<NodeState, Tone> = {
  pending: 'neutral',
  running: 'active',
  completed: 'good',
  failed: 'bad',
  skipped: 'neutral',
  paused: 'active',
};

/**
 * What a live page polls: the run's status and each node's, as the page shows them (text without
 * terminal escape sequences, as the page's templates render it).
 */
export function workflowState(view: WorkflowRunView) {
  return {
    id: view.id,
    status: view.status,
    tone: workflowTone(view.status),
    active: view.active,
    nodes: view.nodes.map((node) => ({
      id: node.id,
      state: node.state,
      tone: NODE_TONES[node.state],
      label: nodeLabel(node),
      duration: node.durationMs === null ? '' : formatDuration(node.durationMs),
      attempts: node.attempts ?? '',
      output: stripAnsi(node.output ?? ''),
      error: stripAnsi(node.error ?? ''),
    })),
  };
}

/** The id of a node's row: unique in a report that holds several runs. */
const rowId = (runId: string, nodeId: string) => `node-${runId}-${nodeId}`;

function nodeRow(runId: string, node: NodeView): Html {
  const cell = (field: string, content: Html | string, className = '') =>
    html`<td${className ? html` class="${className}"` : ''}><span data-node-cell="${field}" data-node-id="${node.id}">${content}</span></td>`;
  return html`<tr id="${rowId(runId, node.id)}" data-node-row="${node.id}">
    <td class="mono">${node.id}</td>
    <td>${node.kind ?? html`<span class="muted">–</span>`}</td>
    <td>
      <span class="badge tone-${NODE_TONES[node.state]}" data-node-cell="state" data-node-id="${node.id}"
        >${node.state}</span
      >${node.skipReason ? html` <span class="muted">${node.skipReason.replace(/_/g, ' ')}</span>` : ''}
    </td>
    ${cell('duration', node.durationMs === null ? '' : formatDuration(node.durationMs), 'num')}
    ${cell('attempts', node.attempts === null ? '' : String(node.attempts), 'num')}
    <td><pre data-node-cell="output" data-node-id="${node.id}">${node.output ?? ''}</pre></td>
    <td><pre data-node-cell="error" data-node-id="${node.id}">${node.error ?? ''}</pre></td>
  </tr>`;
}

/**
 * Events a page lists unless asked for all: a long agent session records thousands (every tool call
 * twice), and listing them all would make a page of tens of megabytes that takes seconds to open. The
 * newest are kept: they say how the run ended.
 */
export const SHOWN_EVENTS = 500;

export interface WorkflowPageOptions {
  links: PageLinks;
  /** List every event (`?events=all` in the viewer), not only the newest SHOWN_EVENTS. */
  allEvents?: boolean;
}

function eventsSection(view: WorkflowRunView, { links, allEvents }: WorkflowPageOptions): Html {
  const total = view.events.length;
  const cut = !allEvents && total > SHOWN_EVENTS;
  const shown = cut ? view.events.slice(-SHOWN_EVENTS) : view.events;
  const allHref = cut ? links.allWorkflowEvents(view.id) : null;
  const count = total.toLocaleString('en-US');
  // Asked for all of them: the list is what the reader came for, opened and scrolled to.
  return html`<details id="events" data-events ${allEvents ? html` open` : ''}>
    <summary>${count} event(s)${cut ? `, the newest ${SHOWN_EVENTS} shown` : ''}</summary>
    ${cut ? html`<p class="muted">${(total - SHOWN_EVENTS).toLocaleString('en-US')} earlier event(s) are not listed: ${allHref ? html`<a href="${allHref}" data-all-events>show all ${count}</a>` : html`<code>archal view</code> shows them all`}.</p>` : ''}
    <table class="events">
      <thead>
        <tr>
          <th class="num">#</th>
          <th>Time</th>
          <th>Type</th>
          <th>Node</th>
          <th>Data</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (event) =>
            html`<tr>
              <td class="num">${event.seq}</td>
              <td class="num">${formatTime(event.ts)}</td>
              <td class="mono">${event.type}</td>
              <td class="mono">${event.nodeId ?? ''}</td>
              <td><code>${pretty(event.data, 2000)}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}

export function workflowPage(view: WorkflowRunView, options: WorkflowPageOptions): Page {
  const liveUrl = view.active ? options.links.workflowState(view.id) : null;
  const took = view.completedAt ? Date.parse(view.completedAt) - Date.parse(view.startedAt) : null;
  const failed = view.nodes.filter((node) => node.state === 'failed');
  const body = html`<div${liveUrl ? html` data-live="${liveUrl}" data-status="${view.status}"` : ''}>
<h1>Workflow ${view.workflowName} ${badge(view.status, workflowTone(view.status), 'run-status')}</h1>
<div class="meta"><span class="mono">${view.id}</span><span>started <b>${formatTime(view.startedAt)}</b></span>
${took !== null ? html`<span>took <b>${formatDuration(took)}</b></span>` : html`<span>last activity <b>${formatTime(view.lastActivityAt)}</b></span>`}
<span class="mono">${view.workingPath}</span>${view.branch ? html`<span>branch <code>${view.branch}</code></span>` : ''}
${view.source === 'transcript' ? html`<span class="tag">from its transcript only</span>` : ''}</div>
${view.problems.map((problem) => html`<div class="failure" data-problem>${problem}</div>`)}
${view.userMessage ? html`<p>Message: <q>${view.userMessage}</q></p>` : ''}
${liveUrl ? html`<div class="notice">This run is ${view.status}; the page follows it as it goes.</div>` : ''}
${
  view.error
    ? html`<div class="failure">
        <b>Error</b>
        <pre>${view.error}</pre>
      </div>`
    : ''
}
${view.approval && !view.approval.resolved ? html`<div class="notice">Waiting for approval at <code>${view.approval.nodeId}</code>: ${view.approval.message}<br /><code>archal workflow approve ${view.id}</code> or <code>archal workflow reject ${view.id}</code></div>` : ''}
<h2>Graph</h2>
${failed.length > 0 ? html`<p>Failed: ${failed.map((node) => html`<code>${node.id}</code> `)}</p>` : ''}
${dagSvg(view.nodes, view.edges, (nodeId) => `#${rowId(view.id, nodeId)}`)}
${view.definitionFile ? html`<p class="muted">Edges from <code>${view.definitionFile}</code>.</p>` : view.edges.length === 0 && view.nodes.length > 1 ? html`<p class="muted">The workflow file is not available: nodes are shown without their dependencies.</p>` : ''}
<h2>Nodes</h2>
<table class="nodes"><thead><tr><th>Node</th><th>Kind</th><th>State</th><th class="num">Took</th><th class="num">Attempts</th><th>Output</th><th>Error</th></tr></thead>
<tbody>${view.nodes.map((node) => nodeRow(view.id, node))}</tbody></table>
${view.usage ? html`<p class="muted">Usage: ${pretty(view.usage)}</p>` : ''}
<h2>Events</h2>
${eventsSection(view, options)}
</div>`;
  return { title: `Workflow ${view.workflowName}`, body, chart: false };
}
