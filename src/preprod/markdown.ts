import type { Comparison, ScenarioComparison, Verdict } from './compare.js';
import type { PreprodFailure, PreprodResult } from './schema.js';
import { FAILURE_CATEGORIES, type FailureCategory } from './schema.js';
import { escapeHtmlText, escapeMarkdown } from '../lib/untrusted-markdown.js';

/**
 * Markdown of a pre-prod result for people: the job summary, the pull request comment and the
 * check run's output. Host-neutral: the Action and the App render the same text. Everything that
 * comes from a scenario, an agent or a run is untrusted and goes through `escapeMarkdown`.
 */

/** What a report is about: the loop's result, the base comparison, and where to read more. */
export interface PreprodReport {
  checkName: string;
  result: PreprodResult;
  comparison: Comparison | null;
  passThreshold: number;
  failOn: 'threshold' | 'regression' | 'never';
  links: {
    checkRun?: string | null;
    artifact?: string | null;
    /** The run as one self-contained HTML page. */
    report?: string | null;
    workflowRun?: string | null;
  };
  /** How many shards the runs were spread over, when they were. */
  shards?: number | null;
  /** Said first: a fork pull request, writes that fell back to annotations… */
  notes?: string[];
}

export { escapeHtmlText, escapeMarkdown } from '../lib/untrusted-markdown.js';

/** The hidden marker by which the one comment of a check name is found again. */
export function commentMarker(checkName: string): string {
  const safe = checkName
    .replace(/--+/g, '-')
    .replace(/[<>"\r\n]/g, '')
    .trim();
  return `<!-- archal-preprod check="${safe}" -->`;
}

/** The scenarios of the code as checked out (before any fix attempt). */
export function headScenarios(result: PreprodResult): PreprodResult['attempts'][number]['scenarios'] {
  return result.attempts[0]?.scenarios ?? [];
}

/** The failures found on the code as checked out. */
export function headFailures(result: PreprodResult): PreprodFailure[] {
  return result.attempts[0]?.failures ?? [];
}

/** Did every scenario reach the threshold, on the code as checked out? */
export function scenariosPassed(report: Pick<PreprodReport, 'result' | 'passThreshold'>): boolean {
  const scenarios = headScenarios(report.result);
  return scenarios.length > 0 && scenarios.every((s) => s.runs > 0 && s.satisfaction >= report.passThreshold);
}

/** The lowest scenario's satisfaction, on the code as checked out (null when nothing ran). */
export function lowestSatisfaction(result: PreprodResult): number | null {
  const scenarios = headScenarios(result);
  return scenarios.length === 0 ? null : Math.min(...scenarios.map((s) => s.satisfaction));
}

export function regressionCount(comparison: Comparison | null): number {
  return comparison?.counts.regressed ?? 0;
}

/** Does the report fail the job, by `fail-on`? */
export function failsJob(report: PreprodReport): boolean {
  switch (report.failOn) {
    case 'threshold':
      return !scenariosPassed(report);
    case 'regression':
      return regressionCount(report.comparison) > 0;
    case 'never':
      return false;
  }
}

/** `2 of 5 scenarios below 100% · 1 regression`, or why nothing ran. */
export function reportTitle(report: PreprodReport): string {
  const scenarios = headScenarios(report.result);
  if (scenarios.length === 0) return `Not run: ${report.result.stopReason.replace(/_/g, ' ')}`;
  const below = scenarios.filter((s) => s.runs === 0 || s.satisfaction < report.passThreshold).length;
  const parts = [
    below === 0
      ? `${scenarios.length === 1 ? 'The scenario reaches' : `All ${scenarios.length} scenarios reach`} ${report.passThreshold}%`
      : `${below} of ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} below ${report.passThreshold}%`,
  ];
  if (report.comparison) {
    const regressions = regressionCount(report.comparison);
    parts.push(`${regressions} regression${regressions === 1 ? '' : 's'}`);
  }
  return parts.join(' · ');
}

const VERDICT_MARK: Record<Verdict, string> = {
  regressed: '🔴 regressed',
  improved: '🟢 improved',
  unchanged: 'unchanged',
  new: '🆕 new',
  removed: 'removed',
  inconclusive: '❔ inconclusive',
  flaky: '🎲 flaky',
};

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value}%`;
}

function signed(value: number | null): string {
  if (value === null) return '–';
  return value > 0 ? `+${value}` : `${value}`;
}

/** One scenario's row data, whether or not the base was compared. */
interface Row {
  file: string;
  title: string;
  head: { satisfaction: number; passedRuns: number; runs: number } | null;
  comparison: ScenarioComparison | null;
  failures: PreprodFailure[];
}

function rows(report: PreprodReport): Row[] {
  const failures = headFailures(report.result);
  const byFile = new Map(report.comparison?.scenarios.map((s) => [s.file, s]) ?? []);
  const list: Row[] = headScenarios(report.result).map((scenario) => ({
    file: scenario.file,
    title: scenario.title,
    head: scenario,
    comparison: byFile.get(scenario.file) ?? null,
    failures: failures.filter((failure) => failure.scenario.file === scenario.file),
  }));
  for (const removed of report.comparison?.scenarios.filter((s) => s.verdict === 'removed') ?? [])
    list.push({ file: removed.file, title: removed.title, head: null, comparison: removed, failures: [] });
  return list;
}

function failingCriteria(row: Row, limit = 3): string {
  if (row.failures.length === 0) return row.head && row.head.passedRuns < row.head.runs ? 'see run records' : '–';
  const shown = row.failures.slice(0, limit).map((failure) => {
    const what = failure.criterion
      ? `[${failure.criterion.kind}] ${escapeMarkdown(failure.criterion.text, 120)}`
      : failure.category.replace(/_/g, ' ');
    return `${what} (${failure.failedRuns}/${failure.runs})`;
  });
  if (row.failures.length > limit) shown.push(`and ${row.failures.length - limit} more`);
  return shown.join('<br>');
}

/** The per-scenario table: head %, base %, Δ, verdict and failing criteria (or satisfaction and runs alone). */
export function scenarioTable(report: PreprodReport): string {
  const lines: string[] = [];
  if (report.comparison) {
    lines.push('| Scenario | Head | Base | Δ | Verdict | Failing criteria |', '|---|---:|---:|---:|---|---|');
    for (const row of rows(report))
      lines.push(
        `| ${escapeMarkdown(row.title, 80)} | ${percent(row.head?.satisfaction)} | ${percent(row.comparison?.base?.satisfaction)} | ${signed(row.comparison?.delta ?? null)} | ${row.comparison ? VERDICT_MARK[row.comparison.verdict] : '–'} | ${failingCriteria(row)} |`,
      );
  } else {
    lines.push('| Scenario | Satisfaction | Runs passed | Failing criteria |', '|---|---:|---:|---|');
    for (const row of rows(report))
      lines.push(
        `| ${escapeMarkdown(row.title, 80)} | ${percent(row.head?.satisfaction)} | ${row.head ? `${row.head.passedRuns}/${row.head.runs}` : '–'} | ${failingCriteria(row)} |`,
      );
  }
  return lines.join('\n');
}

const CATEGORY_HINTS: Record<FailureCategory, string> = {
  harness_setup: 'the agent did not start: fix the harness first',
  routing: 'traffic did not reach the clone',
  clone_fidelity: 'the agent called a route the clone does not implement',
  scenario_evaluator: 'a criterion could not be evaluated',
  agent_behavior: 'the agent ran and did the wrong thing',
  unknown: 'read the run record',
};

/** Failures counted by category. */
export function categoryTable(failures: readonly PreprodFailure[]): string {
  if (failures.length === 0) return '';
  const lines = ['| Failure category | Failures | Meaning |', '|---|---:|---|'];
  for (const category of FAILURE_CATEGORIES) {
    const count = failures.filter((failure) => failure.category === category).length;
    if (count > 0) lines.push(`| \`${category}\` | ${count} | ${CATEGORY_HINTS[category]} |`);
  }
  return lines.join('\n');
}

function mermaidLabel(text: string): string {
  return `"${text.replace(/"/g, '#quot;').replace(/[<>]/g, '')}"`;
}

/** The loop as it ran, as a mermaid flowchart: runs → classify → fix attempts → reruns → validation → PR. */
export function loopDiagram(result: PreprodResult): string {
  const nodes: Array<{ id: string; label: string; ok: boolean | null }> = [];
  result.attempts.forEach((attempt, index) => {
    const runs = attempt.scenarios.reduce((sum, s) => sum + s.runs, 0);
    const passed = attempt.scenarios.reduce((sum, s) => sum + s.passedRuns, 0);
    if (attempt.fix)
      nodes.push({
        id: `F${index}`,
        label: `Fix attempt ${attempt.attempt}: ${attempt.fix.timedOut ? 'timed out' : `exit ${attempt.fix.exitCode}`}`,
        ok: attempt.fix.exitCode === 0 && !attempt.fix.timedOut,
      });
    nodes.push({
      id: `R${index}`,
      label: `${index === 0 ? 'Run' : 'Rerun'}: ${passed}/${runs} runs passed`,
      ok: passed === runs,
    });
    nodes.push({
      id: `C${index}`,
      label: `Classify: ${attempt.failures.length} failure${attempt.failures.length === 1 ? '' : 's'}`,
      ok: attempt.failures.length === 0,
    });
  });
  if (result.validation)
    nodes.push({
      id: 'V',
      label: `Validation: ${result.validation.passed ? 'passed' : 'failed'}`,
      ok: result.validation.passed,
    });
  if (result.pr)
    nodes.push({
      id: 'P',
      label: `Draft PR: ${result.pr.action}${result.pr.number ? ` #${result.pr.number}` : ''}${result.pr.verified ? '' : ' (not verified)'}`,
      ok: result.pr.verified,
    });
  nodes.push({
    id: 'S',
    label: `${result.status.replace(/_/g, ' ')}: ${result.stopReason.replace(/_/g, ' ')}`,
    ok: result.status === 'passed' ? true : result.status === 'dry_run' || result.status === 'planned' ? null : false,
  });
  const lines = ['```mermaid', 'flowchart LR'];
  for (const node of nodes) lines.push(`  ${node.id}[${mermaidLabel(node.label)}]`);
  for (let index = 1; index < nodes.length; index++) lines.push(`  ${nodes[index - 1]!.id} --> ${nodes[index]!.id}`);
  lines.push('  classDef ok fill:#dafbe1,stroke:#1a7f37', '  classDef bad fill:#ffebe9,stroke:#cf222e');
  const ok = nodes.filter((node) => node.ok === true).map((node) => node.id);
  const bad = nodes.filter((node) => node.ok === false).map((node) => node.id);
  if (ok.length > 0) lines.push(`  class ${ok.join(',')} ok`);
  if (bad.length > 0) lines.push(`  class ${bad.join(',')} bad`);
  lines.push('```');
  return lines.join('\n');
}

function linkLines(report: PreprodReport): string[] {
  const links: string[] = [];
  if (report.links.checkRun) links.push(`[Check run](${report.links.checkRun})`);
  if (report.links.artifact) links.push(`[Artifact](${report.links.artifact})`);
  if (report.links.report) links.push(`[HTML report](${report.links.report})`);
  if (report.links.workflowRun) links.push(`[Workflow run](${report.links.workflowRun})`);
  if (report.result.pr?.url) links.push(`[Draft fix PR #${report.result.pr.number}](${report.result.pr.url})`);
  return links.length > 0 ? [links.join(' · ')] : [];
}

function statusLine(report: PreprodReport): string {
  const mark = failsJob(report) ? '❌' : scenariosPassed(report) ? '✅' : '⚠️';
  return `${mark} **${reportTitle(report)}** — status \`${report.result.status}\` (\`${report.result.stopReason}\`)`;
}

function comparisonNote(comparison: Comparison | null): string[] {
  if (!comparison) return [];
  const decided = Object.entries(comparison.counts)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `${count} ${verdict}`)
    .join(', ');
  return [
    `Base \`${(comparison.base.sha ?? '').slice(0, 7) || comparison.base.ref || 'base'}\` vs head \`${(comparison.head.sha ?? '').slice(0, 7) || comparison.head.ref || 'head'}\`: ${decided || 'no scenarios'}. Verdicts use Fisher's exact test on pass/fail counts (p < ${comparison.alpha}); \`inconclusive\` means the runs are too few to tell a change from chance.`,
  ];
}

function notes(report: PreprodReport): string[] {
  return (report.notes ?? []).map((note) => `> [!WARNING]\n> ${escapeMarkdown(note, 600)}`);
}

/** The job summary: everything, including the diagram of the loop. */
export function renderSummary(report: PreprodReport): string {
  const failures = headFailures(report.result);
  return [
    `## ${escapeMarkdown(report.checkName, 100)}: pre-prod`,
    ...notes(report),
    statusLine(report),
    escapeMarkdown(report.result.message, 1000),
    ...(report.shards ? [`Merged from ${report.shards} shards.`] : []),
    scenarioTable(report),
    ...comparisonNote(report.comparison),
    categoryTable(failures),
    '### The loop',
    loopDiagram(report.result),
    ...linkLines(report),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n');
}

/** One collapsed block per failing scenario: each failure's criterion, category, evidence and hint. */
function failureDetails(report: PreprodReport): string[] {
  return rows(report)
    .filter((row) => row.failures.length > 0)
    .map((row) => {
      const items = row.failures.slice(0, 10).map((failure) => {
        const what = failure.criterion
          ? `[${failure.criterion.kind}] ${escapeMarkdown(failure.criterion.text, 200)}${failure.criterion.line ? ` (line ${failure.criterion.line})` : ''}`
          : 'the run';
        const evidence = failure.evidence[0];
        return [
          `- **${what}** — \`${failure.category}\`${failure.flaky ? ' (flaky)' : ''}, failed ${failure.failedRuns}/${failure.runs} runs`,
          ...(evidence ? [`  - evidence: ${escapeMarkdown(evidence.excerpt, 400)}`] : []),
          `  - hint: ${escapeMarkdown(failure.hint, 300)}`,
        ].join('\n');
      });
      return [
        '<details>',
        `<summary>${escapeHtmlText(row.title, 100)} (${escapeHtmlText(row.file, 120)}): ${row.head ? `${row.head.passedRuns}/${row.head.runs} runs passed` : 'not run'}</summary>`,
        '',
        ...items,
        '',
        '</details>',
      ].join('\n');
    });
}

/**
 * The longest pull request comment rendered: GitHub refuses a body over 65,536 characters, and
 * redaction may lengthen the text a little (a short secret becomes `[REDACTED]`).
 */
export const COMMENT_MAX = 60_000;

/** The longest prefix of `parts` that fits `room` characters, each part costing `separator` more. */
function prefixThatFits(parts: string[], room: number, separator: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const part of parts) {
    if (used + part.length + separator > room) break;
    kept.push(part);
    used += part.length + separator;
  }
  return kept;
}

/** The line that stands for what a cut left out. */
function leftOutLine(left: number, what: string): string {
  return `…and ${left} more ${what}${left === 1 ? '' : 's'} (see the job summary).`;
}

/** A markdown table cut at a row so that it fits `max` characters, saying how many rows are left out. */
function fittedTable(table: string, max: number): string {
  if (table.length <= max) return table;
  const lines = table.split('\n');
  const header = lines.slice(0, 2).join('\n');
  // Room for the line that says how many rows were left out.
  const rows = prefixThatFits(lines.slice(2), max - 80 - header.length, 1);
  const left = lines.length - 2 - rows.length;
  return `${[header, ...rows].join('\n')}\n\n${leftOutLine(left, 'scenario')}`;
}

/**
 * The pull request comment: the marker, the condensed table, a collapsed block per failing
 * scenario, at most `max` characters: the blocks that do not fit (then the table's rows) are left
 * to the job summary, so a large suite still gets its comment.
 */
export function renderComment(report: PreprodReport, max = COMMENT_MAX): string {
  const join = (parts: string[]) =>
    parts
      .filter((part) => part !== '')
      .join('\n\n')
      .concat('\n');
  const head = [
    commentMarker(report.checkName),
    `### ${escapeMarkdown(report.checkName, 100)}`,
    ...notes(report),
    statusLine(report),
  ];
  const comparison = comparisonNote(report.comparison);
  const links = linkLines(report);
  const fixed = join([...head, ...comparison, ...links]).length;
  const table = fittedTable(scenarioTable(report), max - fixed - 200);
  const details = failureDetails(report);
  // Room for the line that says how many blocks were left out.
  const room = max - join([...head, table, ...comparison, ...links]).length - 100;
  const shown = prefixThatFits(details.slice(0, 20), room, 2);
  const left = details.length - shown.length;
  if (left > 0) shown.push(leftOutLine(left, 'failing scenario'));
  return join([...head, table, ...comparison, ...shown, ...links]);
}

/** The check run's summary (GitHub caps it at 65,535 characters). */
export function renderCheckSummary(report: PreprodReport, max = 65_000): string {
  const text = [
    statusLine(report),
    escapeMarkdown(report.result.message, 1000),
    scenarioTable(report),
    ...comparisonNote(report.comparison),
    categoryTable(headFailures(report.result)),
    ...linkLines(report),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  return text.length > max ? `${text.slice(0, max - 40)}\n\n…(cut: see the job summary)` : text;
}
