import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

/** One run as `archal run -o json` records it. */
function run(index: number, passed: boolean) {
  return {
    runId: `run-${index}-${passed}`,
    run: index,
    passed,
    failureKind: passed ? null : 'agent',
    failureSummary: passed ? null : '1 criterion(s) failed',
    harness: {
      outcome: 'ok',
      detail: null,
      exitCode: 0,
      durationMs: 10,
      answer: '',
      answerFormat: 'empty',
      stderrTail: '',
    },
    criteria: [
      {
        id: 'c1',
        text: 'No issues were closed',
        kind: 'D',
        line: 12,
        form: 'phrase',
        status: passed ? 'passed' : 'failed',
        detail: passed ? 'ok' : 'expected 0, found 1',
      },
    ],
    requests: { total: 1, failed: 0, notImplemented: [] },
    usage: null,
    durationMs: 12,
    cacheFile: `runs/run-${index}.json`,
  };
}

function suite(runs: ReturnType<typeof run>[]) {
  const passedRuns = runs.filter((r) => r.passed).length;
  return {
    schemaVersion: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 100,
    passThreshold: 100,
    passed: passedRuns === runs.length,
    totals: { scenarios: 1, runs: runs.length, passedRuns },
    scenarios: [
      {
        title: 'Close stale issues',
        file: 'archal/close.md',
        tags: [],
        runs: runs.length,
        passedRuns,
        satisfaction: (100 * passedRuns) / runs.length,
        meetsThreshold: passedRuns === runs.length,
        failingCriteria: [],
        warnings: [],
        results: runs,
      },
    ],
    warnings: [],
  };
}

function shard(dir: string, index: number, runs: ReturnType<typeof run>[]) {
  writeFiles(dir, {
    'shard.json': JSON.stringify({
      schemaVersion: 1,
      shard: { index, count: 2 },
      scenarios: [{ file: 'archal/close.md', title: 'Close stale issues', runs: 3 }],
      base: null,
    }),
    'results.json': JSON.stringify(suite(runs)),
  });
}

describe('archal report merge', () => {
  it('merges shards into one result: runs in order, satisfaction and failing criteria recomputed', async () => {
    const root = tempDir('archal-merge-');
    shard(join(root, 's1'), 1, [run(1, true), run(3, false)]);
    shard(join(root, 's2'), 2, [run(2, true)]);
    const merged = await runCli(['--cwd', root, 'report', 'merge', 's1', 's2', '--json']);
    expect(merged.code).toBe(1);
    const result = json<ReturnType<typeof suite>>(merged);
    expect(result.totals).toEqual({ scenarios: 1, runs: 3, passedRuns: 2 });
    expect(result.scenarios[0]).toMatchObject({ satisfaction: 66.67, meetsThreshold: false });
    expect(result.scenarios[0]!.results.map((r) => r.run)).toEqual([1, 2, 3]);
    expect(result.scenarios[0]!.failingCriteria).toEqual([{ id: 'c1', text: 'No issues were closed', failedRuns: 1 }]);

    const text = await runCli(['--cwd', root, 'report', 'merge', 's1', 's2']);
    expect(text.stdout).toMatch(/Close stale issues\s+~ 66\.67%\s+2\/3/);
    expect(text.stdout).toMatch(/Merged 2 shard\(s\)/);
  });

  it('refuses an incomplete or inconsistent set of shards with exit 2', async () => {
    const root = tempDir('archal-merge-');
    shard(join(root, 's1'), 1, [run(1, true), run(3, true)]);
    shard(join(root, 'again'), 1, [run(2, true)]);
    const missing = await runCli(['--cwd', root, 'report', 'merge', 's1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 2\/2 is missing: its job may have failed/);
    const twice = await runCli(['--cwd', root, 'report', 'merge', 's1', 'again']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shard 1\/2 appears twice/);
    const absent = await runCli(['--cwd', root, 'report', 'merge', 'nowhere']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/nowhere.*results\.json: missing/);
  });
});

describe('archal run --shard i/n --record DIR', () => {
  const scenario = (title: string) =>
    `# ${title}\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: small-project\nruns: 3\n`;

  it('runs deterministic slices that `archal report merge` puts back together as the whole suite', async () => {
    const root = tempDir('archal-shards-');
    writeFiles(root, {
      '.archal.json': JSON.stringify({ agent: { command: 'sh', args: ['-c', `echo '{"text":"ok"}'`] } }),
      'archal/a.md': scenario('Alpha'),
      'archal/b.md': scenario('Beta'),
    });
    const slices = [];
    for (const index of [1, 2]) {
      const sliced = await runCli([
        '--cwd',
        root,
        'run',
        '--shard',
        `${index}/2`,
        '--record',
        `s${index}`,
        '-o',
        'json',
      ]);
      expect(sliced.code).toBe(0);
      slices.push(json<ReturnType<typeof suite>>(sliced));
    }
    // Six (scenario × run) pairs dealt round-robin: three to each shard, none twice.
    const pairs = slices.map((slice) =>
      slice.scenarios.flatMap((s) => s.results.map((r) => `${s.file.split('/').pop()}#${r.run}`)),
    );
    expect(pairs).toEqual([
      ['a.md#1', 'a.md#3', 'b.md#2'],
      ['a.md#2', 'b.md#1', 'b.md#3'],
    ]);
    const merged = await runCli(['--cwd', root, 'report', 'merge', 's1', 's2', '--json']);
    expect(merged.code).toBe(0);
    const result = json<ReturnType<typeof suite>>(merged);
    expect(result.totals).toEqual({ scenarios: 2, runs: 6, passedRuns: 6 });
    expect(result.scenarios.map((s) => [s.file, s.results.map((r) => r.run)])).toEqual([
      ['archal/a.md', [1, 2, 3]],
      ['archal/b.md', [1, 2, 3]],
    ]);
    // A shard left out is named, not silently dropped.
    const partial = await runCli(['--cwd', root, 'report', 'merge', 's1']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/shard 2\/2 is missing/);
  });

  it('refuses a shard that does not exist with exit 2', async () => {
    const root = tempDir('archal-shards-');
    writeFiles(root, { '.archal.json': JSON.stringify({ agent: 'true' }), 'archal/a.md': scenario('Alpha') });
    const result = await runCli(['--cwd', root, 'run', '--shard', '3/2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--shard: shard 3 of 2 does not exist: i must be between 1 and 2/);
  });
});
