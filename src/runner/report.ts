import { relative } from 'node:path';
import type { FailureKind, ScenarioRunResult, ScenarioResult, SuiteResult } from './results.js';
import { clip, stripAnsi } from '../lib/text.js';

/** The table `archal run` ends with: one line per scenario, then what failed and why. */
export function terminalReport(suite: SuiteResult, cwd: string, verbose = false): string {
  const lines: string[] = suite.title ? [suite.title, ''] : [];
  const width = Math.min(48, Math.max(8, ...suite.scenarios.map((scenario) => scenario.title.length)));
  lines.push(`${'Scenario'.padEnd(width)}  Satisfaction  Runs passed  Failing criteria`);
  for (const scenario of suite.scenarios) {
    const mark = scenario.passedRuns === scenario.runs ? '✓' : scenario.passedRuns === 0 ? '✗' : '~';
    const failing =
      scenario.failingCriteria
        .map((criterion) => `${criterion.id} (${criterion.failedRuns}/${scenario.runs})`)
        .join(', ') || '-';
    lines.push(
      `${clip(scenario.title, width).padEnd(width)}  ${`${mark} ${scenario.satisfaction}%`.padEnd(12)}  ${`${scenario.passedRuns}/${scenario.runs}`.padEnd(11)}  ${failing}`,
    );
  }
  for (const scenario of suite.scenarios) {
    const failed = scenario.results.filter((run) => !run.passed);
    if (failed.length === 0 && !verbose) continue;
    lines.push('', `${scenario.title} (${relative(cwd, scenario.file) || scenario.file})`);
    for (const run of verbose ? scenario.results : failed) lines.push(...runLines(run, verbose));
  }
  lines.push(
    '',
    `${suite.totals.passedRuns}/${suite.totals.runs} runs passed across ${suite.totals.scenarios} scenario(s); ` +
      (suite.passed
        ? `every scenario met the pass threshold (${suite.passThreshold}%).`
        : suite.scenarios.every((scenario) => scenario.meetsThreshold)
          ? 'the suite was cancelled before it finished.'
          : `${suite.scenarios.filter((scenario) => !scenario.meetsThreshold).length} scenario(s) below the pass threshold (${suite.passThreshold}%).`),
  );
  for (const warning of suite.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

function runLines(run: ScenarioRunResult, verbose: boolean): string[] {
  const lines = [`  run ${run.run}: ${run.passed ? 'passed' : `failed (${run.failureKind}): ${run.failureSummary}`}`];
  for (const criterion of run.criteria) {
    if (!verbose && (criterion.status === 'passed' || criterion.status === 'not_evaluated')) continue;
    const form = criterion.form === 'judged_not_deterministic' ? 'judged, not deterministic' : criterion.form;
    lines.push(
      `    ${statusMark(criterion.status)} [${criterion.kind}] ${criterion.text} (${form}): ${criterion.detail}`,
    );
  }
  if (!run.passed && run.harness.stderrTail.trim())
    lines.push(`    stderr: ${clip(run.harness.stderrTail.trim().split('\n').slice(-3).join(' | '), 300)}`);
  lines.push(`    record: ${run.cacheFile}`);
  return lines;
}

function statusMark(status: string): string {
  return ({ passed: '✓', failed: '✗', error: '!', not_evaluated: '·' } as Record<string, string>)[status] ?? '·';
}

/** One line of live progress per finished run (stderr). */
export function progressLine(scenario: { title: string }, run: ScenarioRunResult): string {
  return `${run.passed ? '✓' : '✗'} ${scenario.title} — run ${run.run}: ${run.passed ? 'passed' : `${run.failureKind}: ${run.failureSummary}`} (${(run.durationMs / 1000).toFixed(1)} s)`;
}

/**
 * How JUnit reports a run that did not pass: a `<failure>` when the criteria judged the agent and it
 * fell short, an `<error>` when the run could not be judged as the scenario meant (the harness did not
 * start, crashed or timed out; it reached a host route mode refuses; the clone lacks a route it
 * called; a criterion could not be evaluated), so CI tells a broken setup from a failing agent.
 */
export function junitElement(kind: FailureKind): 'failure' | 'error' {
  switch (kind) {
    case 'agent':
      return 'failure';
    case 'harness':
    case 'routing':
    case 'clone_gap':
    case 'evaluator':
      return 'error';
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/** JUnit XML: one test suite per scenario, one test case per run, failures and errors with their reasons. */
export function junitReport(suite: SuiteResult): string {
  const suites = suite.scenarios.map((scenario: ScenarioResult) => {
    const cases = scenario.results.map((run) => {
      const name = xml(`${scenario.title} — run ${run.run}`);
      const time = (run.durationMs / 1000).toFixed(3);
      if (run.passed) return `    <testcase classname="${xml(scenario.file)}" name="${name}" time="${time}"/>`;
      const element = elementOf(run);
      // A run without a kind (none recorded) says nothing about why: no `type` rather than a made-up one.
      const type = run.failureKind === null ? '' : ` type="${run.failureKind}"`;
      return [
        `    <testcase classname="${xml(scenario.file)}" name="${name}" time="${time}">`,
        `      <${element}${type} message="${xml(run.failureSummary ?? 'failed')}">${xml(junitBody(run, element))}</${element}>`,
        '    </testcase>',
      ].join('\n');
    });
    const failures = count(scenario.results, 'failure');
    const errors = count(scenario.results, 'error');
    const time = (scenario.results.reduce((sum, run) => sum + run.durationMs, 0) / 1000).toFixed(3);
    return [
      `  <testsuite name="${xml(scenario.title)}" tests="${scenario.runs}" failures="${failures}" errors="${errors}" time="${time}">`,
      `    <properties><property name="satisfaction" value="${scenario.satisfaction}"/></properties>`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const runs = suite.scenarios.flatMap((scenario) => scenario.results);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(suite.title ?? 'archal')}" tests="${suite.totals.runs}" failures="${count(runs, 'failure')}" errors="${count(runs, 'error')}" time="${(suite.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * What a failed run's element holds. A `<failure>`: the criteria that failed (else the agent's stderr).
 * An `<error>`: the agent's stderr tail first, what explains a crash or a timeout, then any failed criteria.
 */
function junitBody(run: ScenarioRunResult, element: 'failure' | 'error'): string {
  const criteria = run.criteria
    .filter((criterion) => criterion.status === 'failed' || criterion.status === 'error')
    .map((criterion) => `[${criterion.kind}] ${criterion.text}: ${criterion.detail}`)
    .join('\n');
  const stderr = stripAnsi(run.harness.stderrTail).trim();
  if (element === 'failure') return criteria || stderr;
  return [stderr, criteria].filter(Boolean).join('\n\n');
}

/**
 * `text` as XML 1.0 character data or attribute value: escaped, without terminal escape sequences,
 * and without the characters XML 1.0 cannot carry at all, even escaped (most C0 controls, lone
 * surrogates, U+FFFE and U+FFFF), which a strict parser would reject the whole report for.
 */
const xml = (text: string) =>
  stripAnsi(text)
    .replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu, '');

/** A failed run's JUnit element; one without a kind (none is recorded) counts as a failure. */
const elementOf = (run: ScenarioRunResult) => (run.failureKind === null ? 'failure' : junitElement(run.failureKind));

const count = (runs: readonly ScenarioRunResult[], element: 'failure' | 'error') =>
  runs.filter((run) => !run.passed && elementOf(run) === element).length;
