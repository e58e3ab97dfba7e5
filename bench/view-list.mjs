// The list page of `archal view` over 1,000 recorded suites (3 scenarios each, realistic criteria,
// answers and stderr), rendered from a cold start (every file read and parsed) and served over HTTP,
// against reading and parsing the same files bare in the same run. Goals: ≤ 3 × the bare read, and
// under 1 s.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, report, tempDir } from './lib.mjs';

const { RecordSource, startViewer } = await import('../build/index.js');
const SUITES = 1000;

function suite(index) {
  const started = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  const scenarios = ['Close stale issues', 'Label bug reports', 'Leave active issues open'].map((title, s) => {
    const passed = (index + s) % 3 !== 0;
    const criteria = [1, 2, 3, 4].map((n) => ({
      id: `c${n}`,
      text: `Criterion ${n} of ${title}`,
      kind: n === 4 ? 'P' : 'D',
      line: 15 + n,
      form: n === 4 ? 'judged' : 'phrase',
      status: passed || n > 1 ? 'passed' : 'failed',
      detail: `expected exactly 4 issues were closed by the run, found ${passed ? 4 : 8}: acme/webapp#1, acme/webapp#2`,
      expression: '$count($filter(github.issues, function($i) { $i.state = "closed" })) = 4',
      pattern: 'N <things> were closed by the run',
      actual: passed ? 4 : 8,
      expected: 4,
    }));
    return {
      title,
      file: `/repo/archal/scenario-${s}.md`,
      tags: ['triage'],
      runs: 1,
      passedRuns: passed ? 1 : 0,
      satisfaction: passed ? 100 : 0,
      meetsThreshold: passed,
      failingCriteria: passed ? [] : [{ id: 'c1', text: criteria[0].text, failedRuns: 1 }],
      warnings: [],
      results: [
        {
          runId: `${index}-${s}-run`,
          run: 1,
          passed,
          failureKind: passed ? null : 'agent',
          failureSummary: passed ? null : '1 criterion(s) failed; first: Criterion 1',
          harness: {
            outcome: 'ok',
            detail: null,
            exitCode: 0,
            durationMs: 800,
            answer: 'Closed 4 stale issue(s): acme/webapp#1, acme/webapp#2, acme/webapp#3, acme/webapp#4.',
            answerFormat: 'json',
            stderrTail: 'closed acme/webapp#1\n'.repeat(20),
          },
          criteria,
          requests: { total: 18, failed: 0, notImplemented: [] },
          usage: null,
          durationMs: 900,
          cacheFile: `/repo/.archal/cache/runs/${index}-${s}-run.json`,
        },
      ],
    };
  });
  const passedRuns = scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0);
  return {
    schemaVersion: 1,
    suiteId: `suite-${String(index).padStart(4, '0')}`,
    startedAt: started,
    durationMs: 1200,
    passThreshold: 100,
    passed: passedRuns === 3,
    totals: { scenarios: 3, runs: 3, passedRuns },
    scenarios,
    warnings: [],
  };
}

const repo = tempDir();
const dir = join(repo, '.archal', 'cache', 'suites');
mkdirSync(dir, { recursive: true });
for (let index = 0; index < SUITES; index++)
  writeFileSync(join(dir, `suite-${String(index).padStart(4, '0')}.json`), JSON.stringify(suite(index), null, 2));

function bare() {
  const started = performance.now();
  let count = 0;
  for (const name of readdirSync(dir)) count += JSON.parse(readFileSync(join(dir, name), 'utf8')).scenarios.length;
  if (count !== SUITES * 3) throw new Error('unexpected records');
  return performance.now() - started;
}

/** A fresh viewer (nothing cached) and one request for its list page. */
async function listPage() {
  const viewer = await startViewer({ source: new RecordSource({ repo }), env: {} });
  try {
    const started = performance.now();
    const response = await fetch(viewer.url);
    const html = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || (html.match(/<tr data-search=/g) ?? []).length !== SUITES)
      throw new Error(`the list page does not list ${SUITES} suites (status ${response.status})`);
    return elapsed;
  } finally {
    await viewer.close();
  }
}

bare();
await listPage();
const pages = [];
const reads = [];
for (let round = 0; round < 7; round++) {
  reads.push(bare());
  pages.push(await listPage());
}
const page = median(pages);
const read = median(reads);
report(`list page of ${SUITES} suites, cold, vs reading the records bare`, {
  ratio: page / read,
  goal: 3,
  detail: `${page.toFixed(0)} ms to serve the page vs ${read.toFixed(0)} ms to read and parse the ${SUITES} files (medians of 7)`,
});
report(`list page of ${SUITES} suites within 1 s`, {
  ratio: page / 1000,
  goal: 1,
  detail: `${page.toFixed(0)} ms`,
});
