import { describe, expect, it } from '@jest/globals';
import { failureAnnotations, batches } from '../../src/preprod/annotations.js';
import { commentMarker, escapeHtmlText, escapeMarkdown, renderComment } from '../../src/preprod/markdown.js';
import { shardSchema, shardTasks } from '../../src/runner/shard.js';
import type { PreprodFailure, PreprodResult } from '../../src/preprod/schema.js';
import { junitReport } from '../../src/runner/report.js';
import type { ScenarioRunResult, SuiteResult } from '../../src/runner/results.js';

describe('untrusted text in markdown', () => {
  it('cannot inject HTML, close a details block, ping people, link issues or break a table', () => {
    const hostile = '</details><img src=x onerror=alert(1)> @octocat fixes #12 | [link](https://evil.example) **bold**';
    const escaped = escapeMarkdown(hostile);
    expect(escaped).not.toMatch(/<\/?details|<img/);
    expect(escaped).toContain('&lt;/details&gt;');
    expect(escaped).not.toMatch(/@octocat/);
    expect(escaped).not.toMatch(/#12/);
    expect(escaped).not.toMatch(/(^|[^\\])\|/);
    expect(escaped).not.toMatch(/(^|[^\\])\[link\]/);
    expect(escaped).not.toContain('https://');
    expect(escapeMarkdown('line one\nline two')).toBe('line one line two');
    expect(escapeMarkdown('x'.repeat(50), 10)).toHaveLength(10);
    const html = escapeHtmlText('</summary></details> @team');
    expect(html).toBe('&lt;/summary&gt;&lt;/details&gt; @\u200bteam');
  });

  it('keeps the hidden marker well-formed whatever the check name', () => {
    expect(commentMarker('Archal')).toBe('<!-- archal-preprod check="Archal" -->');
    expect(commentMarker('a --> b "c"')).toBe('<!-- archal-preprod check="a - b c" -->');
  });
});

describe('check run annotations', () => {
  const failure = (line: number | undefined, flaky: boolean): PreprodFailure => ({
    id: `archal/x.md#c${line}`,
    category: 'agent_behavior',
    flaky,
    scenario: { title: 'X', file: 'archal/x.md', prompt: 'p' },
    criterion: { id: 'c1', kind: 'D', text: 'No issues were closed', ...(line ? { line } : {}) },
    failedRuns: 1,
    runs: 2,
    evidence: [{ runId: 'r', criterion: { id: 'c1', text: 't', detail: 'expected 0, found 2' }, excerpt: 'e' }],
    hint: 'fix the agent',
  });

  it('sit on the criterion line of the scenario file under the working directory; flaky ones are warnings', () => {
    const [one, two] = failureAnnotations([failure(14, false), failure(undefined, true)], 'agents/triage');
    expect(one).toMatchObject({
      path: 'agents/triage/archal/x.md',
      start_line: 14,
      end_line: 14,
      annotation_level: 'failure',
    });
    expect(one!.message).toMatch(
      /No issues were closed[\s\S]*expected 0, found 2[\s\S]*agent_behavior[\s\S]*fix the agent/,
    );
    expect(two).toMatchObject({ path: 'agents/triage/archal/x.md', start_line: 1, annotation_level: 'warning' });
  });

  it('go 50 per request', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((batch) => batch.length)).toEqual([50, 50, 20]);
  });
});

describe('the pull request comment', () => {
  /** A suite of `count` scenarios, each failing `criteria` long criteria on every run. */
  function failingSuite(count: number, criteria: number): PreprodResult {
    const files = Array.from({ length: count }, (_, index) => `archal/scenario-${index + 1}.md`);
    const failures = files.flatMap((file, index) =>
      Array.from({ length: criteria }, (_, c): PreprodFailure => ({
        id: `${file}#c${c + 1}`,
        category: 'agent_behavior',
        flaky: false,
        scenario: { title: `Scenario ${index + 1}`, file, prompt: 'p' },
        criterion: {
          id: `c${c + 1}`,
          kind: 'D',
          text: `Criterion ${c + 1} ${'spelled out at length '.repeat(12)}`,
          line: c + 5,
        },
        failedRuns: 1,
        runs: 1,
        evidence: [{ runId: 'r', excerpt: `found ${'something else entirely '.repeat(20)}` }],
        hint: 'The agent ran but did the wrong thing: compare the criterion with the state changes and fix the agent.',
      })),
    );
    const scenarios = files.map((file, index) => ({
      title: `Scenario ${index + 1}`,
      file,
      satisfaction: 0,
      passedRuns: 0,
      runs: 1,
      runIds: ['r'],
    }));
    return {
      schemaVersion: 1,
      status: 'blocked',
      stopReason: 'no_fix_command',
      message: 'Scenarios fail.',
      repo: '/repo',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
      options: {},
      scenarios: scenarios.map(({ title, file }) => ({ title, file })),
      preflight: null,
      attempts: [
        {
          attempt: 0,
          startedAt: '2026-01-01T00:00:00.000Z',
          durationMs: 1,
          fix: null,
          usage: null,
          scenarios,
          failures,
          failuresFile: null,
        },
      ],
      usage: { attempts: 0 },
      validation: null,
      pr: null,
      timings: {},
      artifacts: { dir: null, result: null, failures: null },
    };
  }
  const report = (result: PreprodResult) => ({
    checkName: 'Archal',
    result,
    comparison: null,
    passThreshold: 100,
    failOn: 'threshold' as const,
    links: { workflowRun: 'https://github.com/acme/agent/actions/runs/1' },
  });

  it('fits the 65,536 characters GitHub takes, leaving the failing scenarios that do not fit to the job summary', () => {
    const body = renderComment(report(failingSuite(25, 12)));
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body.split('\n')[0]).toBe('<!-- archal-preprod check="Archal" -->');
    // Every block that is shown is whole, and the rest are counted.
    expect(body.match(/<details>/g)!.length).toBe(body.match(/<\/details>/g)!.length);
    const shown = body.match(/<details>/g)!.length;
    expect(shown).toBeGreaterThan(0);
    expect(body).toContain(`…and ${25 - shown} more failing scenarios (see the job summary).`);
    expect(body.trimEnd().endsWith('[Workflow run](https://github.com/acme/agent/actions/runs/1)')).toBe(true);
  });

  it('cuts even the table of a suite too large for one comment at a row, saying how many rows it left out', () => {
    const body = renderComment(report(failingSuite(400, 3)));
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toMatch(/\| Scenario 1 \|/);
    expect(body).toMatch(/…and \d+ more scenarios \(see the job summary\)\./);
    expect(body.trimEnd().endsWith('[Workflow run](https://github.com/acme/agent/actions/runs/1)')).toBe(true);
  });

  it('shows every failing scenario of a small suite', () => {
    const body = renderComment(report(failingSuite(3, 2)));
    expect(body.match(/<details>/g)).toHaveLength(3);
    expect(body).not.toMatch(/more failing scenario/);
  });
});

describe('shards', () => {
  const scenarios = [
    { file: 'b.md', runs: 3 },
    { file: 'a.md', runs: 2 },
  ];

  it('deal the (scenario × run) list round-robin, every run in exactly one shard, the same on every machine', () => {
    const slices = [1, 2, 3].map((index) => shardTasks(scenarios, { index, count: 3 }));
    expect(slices).toEqual([
      [
        { file: 'a.md', run: 1 },
        { file: 'b.md', run: 2 },
      ],
      [
        { file: 'a.md', run: 2 },
        { file: 'b.md', run: 3 },
      ],
      [{ file: 'b.md', run: 1 }],
    ]);
    expect(shardTasks([...scenarios].reverse(), { index: 2, count: 3 })).toEqual(slices[1]);
  });

  it('parse i/n and refuse shards that do not exist', () => {
    expect(shardSchema.parse(' 2/4 ')).toEqual({ index: 2, count: 4 });
    expect(shardSchema.safeParse('5/4').error?.issues[0]?.message).toBe(
      'shard 5 of 4 does not exist: i must be between 1 and 4',
    );
    expect(shardSchema.safeParse('0/4').success).toBe(false);
    expect(shardSchema.safeParse('two').success).toBe(false);
  });
});

describe('JUnit XML', () => {
  const run = (failureKind: ScenarioRunResult['failureKind'], stderrTail: string) =>
    ({
      run: 1,
      passed: false,
      failureKind,
      failureSummary: 'failed',
      durationMs: 10,
      harness: { stderrTail },
      criteria: [],
    }) as unknown as ScenarioRunResult;
  const suite = (...results: ScenarioRunResult[]) =>
    ({
      durationMs: 10,
      totals: { runs: results.length },
      scenarios: [{ title: 't', file: 'archal/t.md', runs: results.length, satisfaction: 0, results }],
    }) as unknown as SuiteResult;

  it('gives a failed run without a failure kind no type, rather than type="null"', () => {
    const xml = junitReport(suite(run(null, 'oops')));
    expect(xml).toContain('<failure message="failed">oops</failure>');
    expect(xml).not.toContain('type=');
  });

  it('drops what XML 1.0 cannot carry: lone surrogates, U+FFFE, C0 controls, terminal escapes', () => {
    const xml = junitReport(suite(run('harness', '\u001b]0;title\u0007a\ud800b\uffffc\u0001d\u001b[1;31me')));
    expect(xml).toContain('<error type="harness" message="failed">abcde</error>');
  });
});
