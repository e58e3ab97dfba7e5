import { formatDuration, formatTime, html, type Html } from '../html.js';
import { badge, link, type PageLinks } from '../layout.js';
import type { RecordList } from '../records/source.js';
import type { RecordKind, RecordSummary } from '../records/types.js';

const KIND_LABELS: Record<RecordKind, string> = { suite: 'suite', preprod: 'pre-prod', workflow: 'workflow' };

export interface ListPageOptions {
  links: PageLinks;
  /** The search the page opens with (`?q=`); the page filters as you type. */
  query?: string;
  /** Said above the list when the run store could not be read (workflow runs are missing then). */
  notices?: string[];
  /** Hidden fields the search form carries (the viewer's token). */
  formFields?: Record<string, string>;
}

export function searchText(record: RecordSummary): string {
  return [KIND_LABELS[record.kind], record.id, record.title, record.status, record.detail, ...record.tags]
    .join(' ')
    .toLowerCase();
}

function matches(record: RecordSummary, words: string[]): boolean {
  const text = searchText(record);
  return words.every((word) => text.includes(word));
}

function target(links: PageLinks, record: RecordSummary): string | null {
  switch (record.kind) {
    case 'suite':
      return links.suite(record.id);
    case 'preprod':
      return links.loop(record.id);
    case 'workflow':
      return links.workflow(record.id);
  }
}

export function listPage(list: RecordList, options: ListPageOptions): Html {
  const query = options.query?.trim() ?? '';
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = list.records.map((record) => {
    const hidden = words.length > 0 && !matches(record, words);
    return html`<tr data-search="${searchText(record)}" ${hidden ? html` class="hidden"` : ''}>
      <td><span class="tag">${KIND_LABELS[record.kind]}</span></td>
      <td>
        ${link(target(options.links, record), record.title)}${record.tags.map((tag) => html`<span class="tag">${tag}</span>`)}
        <div class="muted">${record.detail}</div>
      </td>
      <td>${badge(record.status, record.tone)}</td>
      <td class="num">${formatTime(record.startedAt)}</td>
      <td class="num">${formatDuration(record.durationMs)}</td>
      <td class="mono muted">${record.id.slice(0, 8)}</td>
    </tr>`;
  });
  const shown = words.length > 0 ? list.records.filter((record) => matches(record, words)).length : list.records.length;
  return html`<h1>Runs</h1>
    <p class="meta">
      Scenario suites, pre-prod loops and workflow runs, the most recent first.
      <span><b id="shown-count">${shown}</b> of ${list.records.length} shown</span>
    </p>
    ${(options.notices ?? []).map((notice) => html`<div class="notice">${notice}</div>`)}
    <form method="get" role="search">
      ${Object.entries(options.formFields ?? {}).map(
        ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
      )}<input
        class="search"
        type="search"
        name="q"
        value="${query}"
        placeholder="Search: scenario, workflow, status, id…"
        aria-label="Search runs"
        data-search-input
        autofocus
      />
    </form>
    ${
      list.records.length === 0
        ? html`<p class="muted">
            Nothing recorded here yet. <code>archal run</code>, <code>archal preprod run</code> and
            <code>archal workflow run</code> write what this page lists.
          </p>`
        : html`<table class="records">
            <thead>
              <tr>
                <th>Kind</th>
                <th>What</th>
                <th>Status</th>
                <th class="num">Started</th>
                <th class="num">Took</th>
                <th>Id</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
    ${
      list.problems.length > 0
        ? html`<h2>Records that could not be read</h2>
            <ul>
              ${list.problems.map((problem) => html`<li><code>${problem.file}</code>: ${problem.message}</li>`)}
            </ul>`
        : ''
    }`;
}
