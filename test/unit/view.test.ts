import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { html, jsonScript, safeUrl } from '../../src/view/html.js';
import { RecordSource } from '../../src/view/records/source.js';
import { RecordLookupError } from '../../src/view/records/types.js';
import { renderReportHtml } from '../../src/view/report.js';
import { tempDir } from '../helpers/tmp.js';

describe('view html', () => {
  it('escapes every interpolated value unless it is markup built the same way', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    expect(html`<td title="${title}">${title}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</td>',
    );
    const list = html`<ul>
      ${['<a>', html`<li>${'<b>'}</li>`]}
    </ul>`.value;
    expect(list.replace(/>\s+/g, '>').replace(/\s+</g, '<')).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('links only http(s) URLs from records', () => {
    expect(safeUrl('https://github.com/acme/agent/pull/1')).toBe('https://github.com/acme/agent/pull/1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });

  it('embeds JSON that cannot close its script element', () => {
    const embedded = jsonScript('data', { answer: '</script><script>alert(1)</script>' }).value;
    expect(embedded).not.toContain('</script><script>');
    expect(embedded.match(/<\/script>/g)).toHaveLength(1);
    const text = embedded.slice(embedded.indexOf('>') + 1, embedded.lastIndexOf('</script>'));
    expect(JSON.parse(text)).toEqual({ answer: '</script><script>alert(1)</script>' });
  });
});

function suite(startedAt: string, suiteId?: string) {
  return {
    schemaVersion: 1,
    ...(suiteId ? { suiteId } : {}),
    startedAt,
    durationMs: 1000,
    passThreshold: 0,
    passed: true,
    totals: { scenarios: 0, runs: 0, passedRuns: 0 },
    scenarios: [],
    warnings: [],
  };
}

function run(runId: string, index: number, passed: boolean) {
  return {
    runId,
    run: index,
    passed,
    failureKind: passed ? null : 'agent',
    failureSummary: passed ? null : 'criteria failed',
    harness: {
      outcome: 'ok',
      detail: null,
      exitCode: 0,
      durationMs: 10,
      answer: 'ok',
      answerFormat: 'text',
      stderrTail: '',
    },
    criteria: [],
    requests: { total: 0, failed: 0, notImplemented: [] },
    usage: null,
    durationMs: 12,
    cacheFile: `/nowhere/${runId}.json`,
  };
}

function scenario(title: string, results: ReturnType<typeof run>[]) {
  const passedRuns = results.filter((result) => result.passed).length;
  return {
    title,
    file: `/repo/archal/${title}.md`,
    tags: [],
    runs: results.length,
    passedRuns,
    satisfaction: Math.round((100 * passedRuns) / results.length),
    meetsThreshold: true,
    failingCriteria: [],
    warnings: [],
    results,
  };
}

describe('suite pages', () => {
  it('mark a flaky scenario and its runs, and chart satisfaction once several suites ran a scenario', async () => {
    const repo = tempDir();
    const dir = join(repo, '.archal', 'cache', 'suites');
    mkdirSync(dir, { recursive: true });
    const write = (id: string, startedAt: string, scenarios: ReturnType<typeof scenario>[]) =>
      writeFileSync(
        join(dir, `${id}.json`),
        JSON.stringify({
          ...suite(startedAt, id),
          totals: { scenarios: scenarios.length, runs: 2, passedRuns: 1 },
          scenarios,
        }),
      );
    write('first000', '2026-01-01T00:00:00.000Z', [scenario('triage', [run('r1', 1, true), run('r2', 2, true)])]);
    write('second00', '2026-01-02T00:00:00.000Z', [scenario('triage', [run('r3', 1, true), run('r4', 2, false)])]);

    const first = await renderReportHtml({ repo, reference: 'first000', env: {} });
    expect(first.html).not.toContain('data-chart=');
    expect(first.html).not.toContain('data-flaky');

    const second = await renderReportHtml({ repo, reference: 'second00', env: {} });
    expect(second.html).toMatch(/<span class="flag">flaky<\/span>/);
    expect(second.html.match(/data-flaky/g)).toHaveLength(2);
    const data = second.html.match(/<script type="application\/json" id="satisfaction-data">(.*?)<\/script>/)![1]!;
    expect(JSON.parse(data)).toEqual({
      x: [Date.UTC(2026, 0, 1) / 1000, Date.UTC(2026, 0, 2) / 1000],
      series: ['triage'],
      values: [[100, 50]],
    });
    expect(second.html).toContain('github.com/leeoniya/uPlot');
  });
});

describe('records', () => {
  it('names suites by id, an older last-run.json by when it started, and reports unreadable files', async () => {
    const repo = tempDir();
    const cache = join(repo, '.archal', 'cache');
    mkdirSync(join(cache, 'suites'), { recursive: true });
    writeFileSync(
      join(cache, 'suites', 'abcd1111.json'),
      JSON.stringify(suite('2026-01-01T00:00:00.000Z', 'abcd1111')),
    );
    writeFileSync(
      join(cache, 'suites', 'abcd2222.json'),
      JSON.stringify(suite('2026-01-02T00:00:00.000Z', 'abcd2222')),
    );
    writeFileSync(join(cache, 'suites', 'broken.json'), '{"schemaVersion": 1, "startedAt": 3}');
    writeFileSync(join(cache, 'last-run.json'), JSON.stringify(suite('2026-01-03T00:00:00.000Z')));

    const source = new RecordSource({ repo });
    const list = await source.list();
    expect(list.records.map((record) => record.startedAt)).toEqual([
      '2026-01-03T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    expect(list.problems).toEqual([
      { file: join(cache, 'suites', 'broken.json'), message: expect.stringMatching(/^unexpected shape at /) },
    ]);
    const legacy = list.records[0]!.id;
    expect(legacy).toMatch(/^[0-9a-f]{32}$/);

    await expect(source.resolve('last')).resolves.toEqual({ kind: 'suite', id: legacy });
    await expect(source.resolve('abcd2')).resolves.toEqual({ kind: 'suite', id: 'abcd2222' });
    await expect(source.resolve('abcd')).rejects.toThrow(/names more than one record: suite abcd2222, suite abcd1111/);
    await expect(source.resolve('abc')).rejects.toThrow(/a prefix needs at least 4 characters/);
    await expect(source.resolve('zzzz')).rejects.toBeInstanceOf(RecordLookupError);
  });

  it('reads a workflow run from its transcript alone when the run store does not have it', async () => {
    const repo = tempDir();
    const logs = join(repo, '.archal', 'logs');
    mkdirSync(logs, { recursive: true });
    const event = (type: string, nodeId: string | undefined, data: Record<string, unknown>, ts: string) =>
      JSON.stringify({ type, runId: 'run-1234', ...(nodeId ? { nodeId } : {}), data, ts });
    writeFileSync(
      join(logs, 'run-1234.jsonl'),
      [
        event(
          'workflow_started',
          undefined,
          { workflowName: 'nightly', userMessage: '', cwd: repo },
          '2026-01-01T00:00:00.000Z',
        ),
        event('node_started', 'a', { kind: 'bash' }, '2026-01-01T00:00:00.100Z'),
        event('node_failed', 'a', { error: 'exit 1', duration_ms: 12, attempts: 1 }, '2026-01-01T00:00:00.200Z'),
        event('workflow_failed', undefined, { error: "Workflow 'nightly' failed" }, '2026-01-01T00:00:00.300Z'),
        '{"type": "node_sta', // cut short by a crash
      ].join('\n'),
    );
    const source = new RecordSource({ repo });
    const view = await source.workflowRun('run-1234');
    expect(view).toMatchObject({ workflowName: 'nightly', status: 'failed', source: 'transcript', active: false });
    expect(view!.nodes).toEqual([
      expect.objectContaining({ id: 'a', kind: 'bash', state: 'failed', error: 'exit 1', durationMs: 12 }),
    ]);
    const report = await renderReportHtml({ repo, reference: 'run-', env: {} });
    expect(report.ref).toEqual({ kind: 'workflow', id: 'run-1234' });
    expect(report.html).toContain('class="node state-failed"');
  });
});
