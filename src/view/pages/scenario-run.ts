import type { CriterionResult } from '../../evaluate/criteria.js';
import { formatDuration, html, pretty, type Html } from '../html.js';
import { badge, link, type PageLinks } from '../layout.js';
import type { CollectionDiff, RequestRecord, ScenarioRunRecord } from '../records/scenarios.js';
import type { Tone } from '../records/types.js';
import type { Page } from './page.js';

const FORM_LABELS: Record<CriterionResult['form'], string> = {
  phrase: 'phrase',
  expression: 'expression',
  judged: 'judged',
  judged_not_deterministic: 'judged, not deterministic',
  not_evaluated: 'not evaluated',
};

const STATUS_TONES: Record<CriterionResult['status'], Tone> = {
  passed: 'good',
  failed: 'bad',
  error: 'bad',
  not_evaluated: 'neutral',
};

const value = (input: unknown): string => (input === undefined ? '' : pretty(input, 4000));

function criterionRow(criterion: CriterionResult): Html {
  const compared =
    criterion.expected !== undefined || criterion.actual !== undefined
      ? html`<div><span class="muted">expected</span> <code data-expected>${value(criterion.expected)}</code></div>
          <div><span class="muted">actual</span> <code data-actual>${value(criterion.actual)}</code></div>`
      : '';
  const how = criterion.expression ?? criterion.pattern;
  return html`<tr data-criterion="${criterion.id}" data-status="${criterion.status}">
    <td>${badge(criterion.status.replace('_', ' '), STATUS_TONES[criterion.status])}</td>
    <td>
      <code>[${criterion.kind}] ${criterion.id}</code> ${criterion.text}
      <span class="muted">line ${criterion.line}</span>
    </td>
    <td>${FORM_LABELS[criterion.form]}</td>
    <td>${compared}</td>
    <td>
      ${criterion.detail}${
        how
          ? html`<details>
              <summary class="muted">${criterion.pattern ? 'phrase and expression' : 'expression'}</summary>
              ${
                criterion.pattern ? html`<div>phrase: <code>${criterion.pattern}</code></div>` : ''
              }${criterion.expression ? html`<pre>${criterion.expression}</pre>` : ''}
            </details>`
          : ''
      }
    </td>
  </tr>`;
}

/** A small bar: where in the run the request happened and how long it took. */
function waterfall(request: RequestRecord, start: number, span: number): Html {
  const at = request.at ? Date.parse(request.at) : NaN;
  if (Number.isNaN(at) || span <= 0) return html``;
  const width = 120;
  const x = Math.min(width - 1, ((at - start) / span) * width);
  const w = Math.max(1.5, Math.min(width - x, ((request.durationMs ?? 0) / span) * width));
  const tone = request.notImplemented ? 'gap' : request.status >= 400 ? 'bad' : '';
  return html`<svg width="${width}" height="10" aria-hidden="true">
    <rect class="bar ${tone}" x="${x.toFixed(1)}" y="1" width="${w.toFixed(1)}" height="8" rx="1" />
  </svg>`;
}

/**
 * What a request's bodies and changes show at most: an agent that lists big issues a hundred times
 * would make pages of tens of megabytes. The run's record file keeps them whole, and the page says so.
 */
export const BODY_CHARS = 8 * 1024;

/** The rows of the requests table, and whether a body or change list was cut to BODY_CHARS. */
function requestRows(requests: readonly RequestRecord[]): { rows: Html; cut: boolean } {
  let cut = false;
  const body = (value: unknown): string => {
    const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? 'null');
    if (text.length > BODY_CHARS) cut = true;
    return pretty(text, BODY_CHARS);
  };
  const times = requests.map((request) => (request.at ? Date.parse(request.at) : NaN)).filter((t) => !Number.isNaN(t));
  const start = times.length > 0 ? Math.min(...times) : 0;
  const end = Math.max(
    start,
    ...requests.map((request) => (request.at ? Date.parse(request.at) + (request.durationMs ?? 0) : start)),
  );
  const rows = html`${requests.map((request, index) => {
    const offset = request.at ? Date.parse(request.at) - start : NaN;
    const changes = request.changes ?? [];
    return html`<tr data-request="${index + 1}" ${request.notImplemented ? html` data-not-implemented` : ''}>
      <td class="num">${index + 1}</td>
      <td class="num">${Number.isNaN(offset) ? '' : `+${formatDuration(offset)}`}</td>
      <td>${waterfall(request, start, end - start)}</td>
      <td class="mono">${request.method}</td>
      <td class="mono">
        <details>
          <summary>${request.path}${request.query ? `?${request.query}` : ''}</summary>
          ${request.actor ? html`<div class="muted">as ${request.actor}</div>` : ''}
          ${
            request.requestBody !== undefined && request.requestBody !== null
              ? html`<div class="muted">request body</div>
                  <pre>${body(request.requestBody)}</pre>`
              : ''
          }
          ${
            request.responseBody !== undefined && request.responseBody !== null
              ? html`<div class="muted">response body</div>
                  <pre>${body(request.responseBody)}</pre>`
              : ''
          }
          ${
            changes.length > 0
              ? html`<div class="muted">changes</div>
                  <pre>${body(changes)}</pre>`
              : ''
          }
        </details>
      </td>
      <td class="num">${badge(String(request.status), request.status >= 400 ? 'bad' : 'good')}</td>
      <td class="num">${formatDuration(request.durationMs)}</td>
      <td class="mono">${request.operationId ?? html`<span class="muted">–</span>`}</td>
      <td>
        ${request.notImplemented ? html`<span class="flag">not implemented</span>` : ''}${changes.length > 0 ? html`<span class="tag">${changes.length} change(s)</span>` : ''}
      </td>
    </tr>`;
  })}`;
  return { rows, cut };
}

/** A short name for a record of the clone's state: `acme/widgets#3 Title`, a label's name… */
function describeRecord(record: unknown, keys: Map<string, string>): string {
  if (!record || typeof record !== 'object') return String(record);
  const row = record as Record<string, unknown>;
  const key = keys.get(String(row.id));
  const name = ['title', 'name', 'login', 'ref', 'body']
    .map((field) => row[field])
    .find((field) => typeof field === 'string' && field.length > 0) as string | undefined;
  const where =
    key ?? (typeof row.repo === 'string' && row.number !== undefined ? `${row.repo}#${row.number}` : `id ${row.id}`);
  return name ? `${where} ${name.length > 120 ? `${name.slice(0, 120)}…` : name}` : where;
}

function collectionDiff(name: string, diff: CollectionDiff, keys: Map<string, string>): Html {
  return html`<div data-collection-diff="${name}">
    <h3 data-collection="${name}">
      ${name}: ${diff.created.length} created, ${diff.updated.length} updated, ${diff.deleted.length} deleted
    </h3>
    ${diff.created.map(
      (record) =>
        html`<details>
          <summary><span class="badge tone-good">created</span> ${describeRecord(record, keys)}</summary>
          <pre>${pretty(record)}</pre>
        </details>`,
    )}
    ${
      diff.updated.length > 0
        ? html`<table class="diff">
            <thead>
              <tr>
                <th>Updated</th>
                <th>Field</th>
                <th>From</th>
                <th>To</th>
              </tr>
            </thead>
            <tbody>
              ${diff.updated.map((update) => {
                const fields = Object.entries(update.changes);
                return fields.map(
                  ([field, change], index) =>
                    html`<tr>
                      ${index === 0 ? html`<td rowspan="${fields.length}">${describeRecord({ id: update.id }, keys)}</td>` : ''}
                      <td class="mono">${field}</td>
                      <td><code>${pretty(change.from, 2000)}</code></td>
                      <td><code>${pretty(change.to, 2000)}</code></td>
                    </tr>`,
                );
              })}
            </tbody>
          </table>`
        : ''
    }
    ${diff.deleted.map(
      (record) =>
        html`<details>
          <summary><span class="badge tone-bad">deleted</span> ${describeRecord(record, keys)}</summary>
          <pre>${pretty(record)}</pre>
        </details>`,
    )}
  </div>`;
}

/** Record ids to the keys the request log gave them (`acme/widgets#3`). */
function recordKeys(requests: readonly RequestRecord[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const request of requests)
    for (const change of request.changes ?? [])
      if (change.key && change.id !== undefined) keys.set(String(change.id), change.key);
  return keys;
}

export function scenarioRunPage(record: ScenarioRunRecord, options: { links: PageLinks; suiteId?: string }): Page {
  const { result, requests } = record;
  const table = requestRows(requests);
  const notImplemented = requests.filter((request) => request.notImplemented).length;
  const failed = requests.filter((request) => request.status >= 400).length;
  const keys = recordKeys(requests);
  const diffs = Object.entries(record.diff).flatMap(([clone, collections]) =>
    Object.entries(collections).map(([name, diff]) => ({ clone, name, diff })),
  );
  const suiteHref = options.suiteId ? options.links.suite(options.suiteId) : null;
  const body = html`<h1>
      ${record.scenario.title}
      <span class="muted">— run ${result.run}</span>
      ${badge(result.passed ? 'passed' : 'failed', result.passed ? 'good' : 'bad')}
    </h1>
    <div class="meta">
      <span class="mono">${record.scenario.file}</span><span>took <b>${formatDuration(result.durationMs)}</b></span>
      <span
        >agent
        <b>${result.harness.outcome}</b
        >${result.harness.exitCode !== null ? ` (exit ${result.harness.exitCode})` : ''}</span
      >
      <span><b>${requests.length}</b> request(s)</span
      >${typeof record.scenario.seed === 'string' ? html`<span>seed <b>${record.scenario.seed}</b></span>` : ''}
      <span class="mono">${record.id}</span>${options.suiteId ? html`<span>${link(suiteHref, 'its suite')}</span>` : ''}
    </div>
    ${
      result.passed
        ? ''
        : html`<div class="failure" data-failure-kind="${result.failureKind ?? ''}">
            <b>Failure: ${result.failureKind ?? 'unknown'}</b> — ${result.failureSummary ?? ''}
          </div>`
    }
    <h2>Criteria</h2>
    ${
      result.criteria.length === 0
        ? html`<p class="muted">This scenario has no criteria.</p>`
        : html`<table class="criteria">
            <thead>
              <tr>
                <th>Verdict</th>
                <th>Criterion</th>
                <th>Form</th>
                <th>Compared</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              ${result.criteria.map(criterionRow)}
            </tbody>
          </table>`
    }
    <h2>Answer</h2>
    <p class="muted">Format: ${result.harness.answerFormat}</p>
    <pre data-answer>${result.harness.answer || '(empty)'}</pre>
    ${result.harness.detail ? html`<p>${result.harness.detail}</p>` : ''}
    <h2>Requests</h2>
    <p class="meta">
      <span><b>${requests.length}</b> in order</span><span><b>${failed}</b> answered ≥ 400</span
      ><span><b>${notImplemented}</b> not implemented by the clone</span>
    </p>
    ${
      requests.length === 0
        ? html`<p class="muted">The agent made no request to its clone.</p>`
        : html`<table class="requests">
            <thead>
              <tr>
                <th class="num">#</th>
                <th class="num">At</th>
                <th>Timeline</th>
                <th>Method</th>
                <th>Path</th>
                <th class="num">Status</th>
                <th class="num">Took</th>
                <th>Operation</th>
                <th>Notes</th>
              </tr>
            </thead>
            <tbody>
              ${table.rows}
            </tbody>
          </table>`
    }
    ${
      table.cut
        ? html`<p class="muted" data-bodies-cut>
            Bodies longer than ${BODY_CHARS / 1024} KB are cut here; <code>${record.file}</code> holds them whole.
          </p>`
        : ''
    }
    <h2>State changes</h2>
    ${diffs.length === 0 ? html`<p class="muted">The run changed nothing in the clone's state.</p>` : diffs.map(({ clone, name, diff }) => collectionDiff(diffs.some((other) => other.clone !== clone) ? `${clone} ${name}` : name, diff, keys))}
    <h2>Stderr (tail)</h2>
    <pre data-stderr>${result.harness.stderrTail || '(empty)'}</pre>
    ${
      record.harness.trace !== undefined
        ? html`<h2>Agent trace</h2>
            <details>
              <summary>AGENT_TRACE_FILE</summary>
              <pre data-trace>${pretty(record.harness.trace)}</pre>
            </details>`
        : ''
    }
    ${
      record.harness.metrics !== undefined
        ? html`<h2>Agent metrics</h2>
            <pre data-metrics>${pretty(record.harness.metrics)}</pre>`
        : ''
    }
    ${result.usage ? html`<p class="muted">Judge usage: ${result.usage.inputTokens} input and ${result.usage.outputTokens} output tokens${result.usage.costUsd !== undefined ? `, $${result.usage.costUsd.toFixed(4)}` : ''}.</p>` : ''}
    <p class="muted">Recorded in <code>${record.file}</code>.</p>`;
  return { title: `${record.scenario.title} — run ${result.run}`, body, chart: false };
}
