import type { ScenarioResult, ScenarioRunResult } from '../../runner/results.js';
import { formatDuration, formatTime, html, jsonScript, type Html } from '../html.js';
import { badge, link, type PageLinks } from '../layout.js';
import { isFlaky, type StoredSuite, type StoredSuiteHead } from '../records/scenarios.js';
import type { LoopAttempt } from '../records/source.js';
import type { Tone } from '../records/types.js';
import type { Page } from './page.js';

/** Suites drawn in the satisfaction chart at most (the most recent). */
const CHART_SUITES = 200;

export interface SatisfactionChart {
  /** Seconds since the epoch, one per suite, oldest first. */
  x: number[];
  /** Scenario titles. */
  series: string[];
  /** Per scenario, per suite: satisfaction, or null when that suite did not run it. */
  values: Array<Array<number | null>>;
}

/**
 * Satisfaction of this suite's scenarios in every recorded suite up to it (scenarios are matched by
 * file); null when fewer than two suites ran any of them.
 */
export function satisfactionChart(entry: StoredSuite, suites: readonly StoredSuiteHead[]): SatisfactionChart | null {
  const files = entry.suite.scenarios.map((scenario) => scenario.file);
  const history = suites
    .filter((other) => other.suite.startedAt <= entry.suite.startedAt)
    .filter((other) => other.suite.scenarios.some((scenario) => files.includes(scenario.file)))
    .sort((a, b) => a.suite.startedAt.localeCompare(b.suite.startedAt))
    .slice(-CHART_SUITES);
  if (history.length < 2) return null;
  return {
    x: history.map((other) => Math.round(Date.parse(other.suite.startedAt) / 1000)),
    series: entry.suite.scenarios.map((scenario) => scenario.title),
    values: files.map((file) =>
      history.map((other) => other.suite.scenarios.find((scenario) => scenario.file === file)?.satisfaction ?? null),
    ),
  };
}

/** A run as a chip; the runs of a flaky scenario are drawn dashed. */
function runChip(run: ScenarioRunResult, links: PageLinks, flaky: boolean): Html {
  const label = `${run.passed ? '✓' : '✗'}${run.run}`;
  const title =
    (run.passed ? `run ${run.run} passed` : `run ${run.run}: ${run.failureKind} — ${run.failureSummary ?? ''}`) +
    (flaky ? ' (flaky scenario)' : '');
  const chip = html`<span
    class="run-chip tone-${run.passed ? 'good' : 'bad'}${flaky ? ' chip-flaky' : ''}"
    title="${title}"
    ${flaky ? html`data-flaky` : ''}
    >${label}</span
  >`;
  const href = links.run(run.runId);
  return href ? html`<a href="${href}" title="${title}">${chip}</a>` : chip;
}

/** Green only at 100%, red below the threshold or at 0%, amber in between. */
function satisfactionTone(scenario: ScenarioResult): Tone {
  if (scenario.satisfaction >= 100) return 'good';
  return !scenario.meetsThreshold || scenario.satisfaction === 0 ? 'bad' : 'active';
}

function scenarioRow(scenario: ScenarioResult, links: PageLinks): Html {
  const flaky = isFlaky(scenario);
  return html`<tr>
    <td>
      <b>${scenario.title}</b
      >${flaky ? html` <span class="flag">flaky</span>` : ''}${scenario.tags.map((tag) => html`<span class="tag">${tag}</span>`)}
      <div class="muted mono">${scenario.file}</div>
    </td>
    <td class="num">${badge(`${scenario.satisfaction}%`, satisfactionTone(scenario))}</td>
    <td class="num">${scenario.passedRuns}/${scenario.runs}</td>
    <td>${scenario.results.map((run) => runChip(run, links, flaky))}</td>
    <td>
      ${
        scenario.failingCriteria.length === 0
          ? html`<span class="muted">–</span>`
          : scenario.failingCriteria.map(
              (criterion) =>
                html`<div>
                  <code>${criterion.id}</code> ${criterion.text}
                  <span class="muted">(${criterion.failedRuns}/${scenario.runs} runs)</span>
                </div>`,
            )
      }
    </td>
  </tr>`;
}

export function suitePage(
  entry: StoredSuite,
  options: { links: PageLinks; suites: readonly StoredSuiteHead[]; loopAttempt?: LoopAttempt },
): Page {
  const { suite } = entry;
  const chart = satisfactionChart(entry, options.suites);
  const flaky = suite.scenarios.filter(isFlaky);
  const loopHref = options.loopAttempt ? options.links.loop(options.loopAttempt.loopId) : null;
  const body = html`<h1>Scenario suite ${badge(suite.passed ? 'passed' : 'failed', suite.passed ? 'good' : 'bad')}</h1>
    <div class="meta">
      <span>started <b>${formatTime(suite.startedAt)}</b></span
      ><span>took <b>${formatDuration(suite.durationMs)}</b></span>
      <span
        ><b>${suite.totals.passedRuns}/${suite.totals.runs}</b> runs passed across
        <b>${suite.totals.scenarios}</b> scenario(s)</span
      >
      <span>pass threshold <b>${suite.passThreshold}%</b></span
      ><span class="mono">${entry.id}</span>
      ${options.loopAttempt ? html`<span>${link(loopHref, `pre-prod loop, attempt ${options.loopAttempt.attempt}`)}</span>` : ''}
    </div>
    ${flaky.length > 0 ? html`<div class="notice">${flaky.length} flaky scenario(s): passed some runs and failed others — ${flaky.map((scenario) => scenario.title).join(', ')}.</div>` : ''}
    ${
      chart
        ? html`<h2>Satisfaction over time</h2>
            <p class="muted">Each point is one recorded suite (${chart.x.length} up to this one).</p>
            <div class="chart" data-chart="satisfaction-data"></div>
            ${jsonScript('satisfaction-data', chart)}`
        : ''
    }
    <h2>Scenarios</h2>
    <table>
      <thead>
        <tr>
          <th>Scenario</th>
          <th class="num">Satisfaction</th>
          <th class="num">Passed</th>
          <th>Runs</th>
          <th>Failing criteria</th>
        </tr>
      </thead>
      <tbody>
        ${suite.scenarios.map((scenario) => scenarioRow(scenario, options.links))}
      </tbody>
    </table>
    ${
      suite.warnings.length > 0
        ? html`<h2>Warnings</h2>
            <ul>
              ${suite.warnings.map((warning) => html`<li>${warning}</li>`)}
            </ul>`
        : ''
    }`;
  return { title: `Suite ${formatTime(suite.startedAt)}`, body, chart: chart !== null };
}
