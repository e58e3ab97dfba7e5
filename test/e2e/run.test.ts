import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from '@jest/globals';
import { json, REPO_ROOT, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { isRunning, tempDir } from '../helpers/tmp.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'triage-agent');

interface Suite {
  passed: boolean;
  totals: { scenarios: number; runs: number; passedRuns: number };
  scenarios: Array<{
    title: string;
    satisfaction: number;
    passedRuns: number;
    runs: number;
    meetsThreshold: boolean;
    failingCriteria: Array<{ id: string; failedRuns: number }>;
    results: Array<{
      passed: boolean;
      failureKind: string | null;
      failureSummary: string | null;
      harness: { outcome: string; answer: string; stderrTail: string; exitCode: number | null };
      criteria: Array<{
        id: string;
        status: string;
        form: string;
        detail: string;
        expression?: string;
        pattern?: string;
      }>;
      requests: { total: number; notImplemented: Array<{ method: string; path: string }> };
      cacheFile: string;
    }>;
  }>;
}

/** A scenario directory with an agent (a Node script using fetch, so it needs no packages). */
function project(agent: string, scenarios: Record<string, string>, config: Record<string, unknown> = {}): string {
  const dir = tempDir('archal-project-');
  writeFiles(dir, {
    'agent.mjs': agent,
    '.archal.json': JSON.stringify({ agent: 'node agent.mjs', ...config }),
    ...Object.fromEntries(Object.entries(scenarios).map(([name, text]) => [`archal/${name}`, text])),
  });
  return dir;
}

const github = `
const api = process.env.GITHUB_API_URL;
const headers = { authorization: 'token ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' };
const call = async (method, path, body) => {
  const response = await fetch(api + path, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => null) };
};
`;

const scenario = (criteria: string, config = 'seed: small-project\ntimeout: 20') =>
  `# A scenario\n\n## Prompt\nDo the thing in acme/widgets.\n\n## Success Criteria\n${criteria}\n\n## Config\n${config}\n`;

describe('archal run on the example triage agent', () => {
  it('scores every scenario and explains the failing one, in the published JSON schema', async () => {
    const result = await runCli(['--cwd', EXAMPLE, 'run', '-o', 'json'], { timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    const suite = json<Suite>(result);
    const ajv = new Ajv2020({ strict: false });
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'run-results.schema.json'), 'utf8')) as object;
    expect(ajv.validate(schema, suite)).toBe(true);

    expect(suite.totals).toEqual({ scenarios: 3, runs: 3, passedRuns: 2 });
    const stale = suite.scenarios.find((entry) => entry.title === 'Close stale issues')!;
    expect(stale).toMatchObject({ satisfaction: 0, passedRuns: 0 });
    const run = stale.results[0]!;
    expect(run.failureKind).toBe('agent');
    const byId = Object.fromEntries(run.criteria.map((criterion) => [criterion.id, criterion]));
    expect(byId.c1).toMatchObject({ status: 'failed', form: 'phrase', pattern: 'N <things> were closed by the run' });
    expect(byId.c1!.detail).toContain('expected exactly 4');
    expect(byId.c1!.detail).toContain('found 8');
    expect(byId.c2).toMatchObject({ status: 'passed' });
    expect(byId.c3).toMatchObject({ status: 'failed' });
    expect(byId.c3!.detail).toContain('acme/webapp#5');
    expect(byId.c4).toMatchObject({ status: 'passed', form: 'judged' });
    expect(stale.failingCriteria.map((criterion) => criterion.id)).toEqual(['c1', 'c3']);

    const labels = suite.scenarios.find((entry) => entry.title === 'Label bug reports')!;
    expect(labels.results[0]!.criteria.find((criterion) => criterion.id === 'c4')).toMatchObject({
      form: 'expression',
      status: 'passed',
    });

    // The last run and each run's record are cached; the clone's token never reaches them.
    const lastRun = JSON.parse(readFileSync(join(EXAMPLE, '.archal', 'cache', 'last-run.json'), 'utf8')) as Suite;
    expect(lastRun.totals).toEqual(suite.totals);
    const record = readFileSync(run.cacheFile, 'utf8');
    expect(record).toContain('"diff"');
    expect(record).toContain('/repos/acme/webapp/issues');
    expect(record).not.toMatch(/ghp_[A-Za-z0-9]{30,}/);
  });

  it('exits 1 below the pass threshold and writes JUnit XML', async () => {
    const result = await runCli(
      ['--cwd', EXAMPLE, 'run', 'archal/close-stale-issues.md', '--pass-threshold', '80', '-o', 'junit', '-q'],
      { timeoutMs: 60_000 },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="archal" tests="1" failures="1"/,
    );
    expect(result.stdout).toContain('<failure type="agent"');
    expect(result.stderr).toBe('');
  });

  it('filters by tag and overrides the number of runs', async () => {
    const result = await runCli(
      ['--cwd', EXAMPLE, 'run', '--tag', 'labels', '--runs', '3', '--concurrency', '3', '-o', 'json'],
      { timeoutMs: 60_000 },
    );
    const suite = json<Suite>(result);
    expect(suite.scenarios.map((entry) => entry.title)).toEqual(['Label bug reports']);
    expect(suite.scenarios[0]).toMatchObject({ runs: 3, passedRuns: 3, satisfaction: 100 });
  });

  it('prints a human table by default', async () => {
    const result = await runCli(['--cwd', EXAMPLE, 'run'], { timeoutMs: 60_000 });
    expect(result.stdout).toMatch(/Close stale issues\s+✗ 0%\s+0\/1\s+c1 \(1\/1\), c3 \(1\/1\)/);
    expect(result.stdout).toContain('[D] Issues labelled keep-open remain open (phrase): 4 of 4');
    expect(result.stderr).toMatch(/✗ Close stale issues — run 1: agent:/);
  });
});

describe('failure kinds', () => {
  it('blames the harness for an agent that does not start, crashes, times out or dies by signal', async () => {
    const dir = project(`process.exit(0)`, {
      'missing.md': scenario('- [D] the run exits successfully'),
    });
    writeFiles(dir, {
      'crash.mjs': 'console.error("Error: cannot find module x"); process.exit(1);',
      'hang.mjs': 'setInterval(() => {}, 1000);',
      'signal.mjs': 'process.kill(process.pid, "SIGKILL");',
    });
    const cases: Array<[string, string, RegExp]> = [
      ['definitely-not-an-agent-xyz', 'exited', /exited with code 127 \(command not found\)/],
      ['node crash.mjs', 'exited', /exited with code 1/],
      ['node signal.mjs', 'killed', /was killed by SIGKILL/],
    ];
    for (const [harness, outcome, summary] of cases) {
      const result = await runCli(['--cwd', dir, 'run', '--harness', harness, '-o', 'json', '-q'], {
        timeoutMs: 60_000,
      });
      const run = json<Suite>(result).scenarios[0]!.results[0]!;
      expect(run).toMatchObject({ passed: false, failureKind: 'harness', harness: { outcome } });
      expect(run.failureSummary).toMatch(summary);
    }
    writeFiles(dir, { 'archal/missing.md': scenario('- [D] the run exits successfully', 'seed: empty\ntimeout: 1') });
    const started = Date.now();
    const hung = json<Suite>(
      await runCli(['--cwd', dir, 'run', '--harness', 'node hang.mjs', '-o', 'json', '-q'], { timeoutMs: 60_000 }),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(hung.scenarios[0]!.results[0]).toMatchObject({ failureKind: 'harness', harness: { outcome: 'timed_out' } });
  });

  it('blames the clone when the agent needed a route it does not implement', async () => {
    const dir = project(
      `${github} await call('GET', '/repos/acme/widgets/traffic/views'); console.log(JSON.stringify({ text: 'done' }));`,
      {
        'gap.md': scenario('- [D] a label named "triaged" exists'),
      },
    );
    const run = json<Suite>(await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { timeoutMs: 60_000 }))
      .scenarios[0]!.results[0]!;
    expect(run).toMatchObject({
      passed: false,
      failureKind: 'clone_gap',
      requests: { notImplemented: [{ method: 'GET', path: '/repos/acme/widgets/traffic/views' }] },
    });
  });

  it('blames the clone when the agent exited non-zero after a route it does not implement, and the harness with no gap', async () => {
    // As an Octokit agent does: the clone's 404 becomes a thrown HttpError and exit 1.
    const dir = project(
      `${github} const gap = await call('GET', '/repos/acme/widgets/traffic/views'); if (gap.status === 404) console.error('HttpError: Not Found'); process.exit(1);`,
      { 'gap.md': scenario('- [D] a label named "triaged" exists') },
    );
    const run = json<Suite>(await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { timeoutMs: 60_000 }))
      .scenarios[0]!.results[0]!;
    expect(run).toMatchObject({
      passed: false,
      failureKind: 'clone_gap',
      harness: { outcome: 'exited', exitCode: 1 },
      requests: { notImplemented: [{ method: 'GET', path: '/repos/acme/widgets/traffic/views' }] },
    });
    expect(run.failureSummary).toBe(
      'the agent exited with code 1 after calling 1 route(s) the clone does not implement: GET /repos/acme/widgets/traffic/views',
    );
    writeFiles(dir, { 'crash.mjs': `${github} await call('GET', '/repos/acme/widgets'); process.exit(1);` });
    const crashed = json<Suite>(
      await runCli(['--cwd', dir, 'run', '--harness', 'node crash.mjs', '-o', 'json', '-q'], { timeoutMs: 60_000 }),
    ).scenarios[0]!.results[0]!;
    expect(crashed).toMatchObject({ failureKind: 'harness', requests: { notImplemented: [] } });
  });

  it('blames the evaluator when a criterion cannot be evaluated, and the agent otherwise', async () => {
    const agent = `${github} await call('POST', '/repos/acme/widgets/labels', { name: 'triaged', color: 'ededed' }); console.log(JSON.stringify({ text: 'created a label' }));`;
    const dir = project(agent, {
      'a.md': scenario('- [D] a label named "triaged" exists\n- [D] the label list is odd => $number("not a number")'),
      'b.md': scenario('- [D] a label named "triaged" exists\n- [D] exactly 2 labels were created'),
    });
    const suite = json<Suite>(await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { timeoutMs: 60_000 }));
    const [a, b] = suite.scenarios.map((entry) => entry.results[0]!);
    expect(a).toMatchObject({ failureKind: 'evaluator' });
    expect(a!.criteria[1]).toMatchObject({ status: 'error', detail: expect.stringContaining('evaluation failed') });
    expect(b).toMatchObject({ failureKind: 'agent' });
    expect(b!.criteria[0]).toMatchObject({ status: 'passed' });
    expect(b!.criteria[1]!.detail).toContain(
      'expected exactly 2 labels that were created by the run, found 1: triaged',
    );
  });

  it('JUnit: a harness that crashed or timed out is an <error> of its failure kind; criteria that failed stay a <failure>', async () => {
    // The task names what the agent does: crash, hang, or create a label (two are expected: the criteria fail).
    const agent = `${github} const task = process.env.AGENT_TASK;
if (task.includes('crash')) { console.error('Error: cannot find module x'); process.exit(1); }
if (task.includes('hang')) setInterval(() => {}, 1000);
else { await call('POST', '/repos/acme/widgets/labels', { name: 'triaged', color: 'ededed' }); console.log(JSON.stringify({ text: 'created a label' })); }`;
    const task = (what: string, criteria: string, config?: string) =>
      scenario(criteria, config).replace('Do the thing in acme/widgets.', `Please ${what} in acme/widgets.`);
    const dir = project(agent, {
      'a-crash.md': task('crash', '- [D] the run exits successfully'),
      'b-hang.md': task('hang', '- [D] the run exits successfully', 'seed: small-project\ntimeout: 1'),
      'c-criteria.md': task('label', '- [D] exactly 2 labels were created'),
    });
    const result = await runCli(['--cwd', dir, 'run', '-o', 'junit', '-q', '--pass-threshold', '100'], {
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(1);
    const xml = result.stdout;
    expect(xml).toMatch(/<testsuites name="archal" tests="3" failures="1" errors="2" time="/);
    const suiteOf = (file: string) => xml.split('<testsuite ').find((part) => part.includes(`/${file}"`))!;
    expect(suiteOf('archal/a-crash.md')).toMatch(/tests="1" failures="0" errors="1"/);
    expect(suiteOf('archal/a-crash.md')).toMatch(
      /<error type="harness" message="the agent exited with code 1">[^<]+<\/error>/,
    );
    expect(suiteOf('archal/a-crash.md')).not.toContain('<failure');
    expect(suiteOf('archal/b-hang.md')).toMatch(/errors="1"/);
    expect(suiteOf('archal/b-hang.md')).toMatch(/<error type="harness" message="the agent timed out/);
    expect(suiteOf('archal/c-criteria.md')).toMatch(/tests="1" failures="1" errors="0"/);
    expect(suiteOf('archal/c-criteria.md')).toMatch(/<failure type="agent" message="1 criterion\(s\) failed/);
    expect(suiteOf('archal/c-criteria.md')).not.toContain('<error');
  });

  it("JUnit: an <error> holds the agent's stderr tail (colour codes and control bytes removed), then the failed criteria; the XML parses", async () => {
    // A crash whose stderr is coloured and carries bytes XML 1.0 forbids, after the criteria failed.
    const agent = `process.stderr.write('\\x1b[31mError: boom <here> & \\x07bell\\x1b[0m\\n'); process.exit(3);`;
    const dir = project(agent, { 'a.md': scenario('- [D] the run exits successfully') });
    const result = await runCli(['--cwd', dir, 'run', '-o', 'junit', '-q'], { timeoutMs: 60_000 });
    const xml = result.stdout;
    // A real parser, in strict mode: a forbidden character or a bad escape is an error.
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { testsuite: { testcase: { error: { '#text': string; type?: string; message: string } } } };
    };
    const error = parsed.testsuites.testsuite.testcase.error;
    expect(error.type).toBe('harness');
    expect(error['#text']).toMatch(/^Error: boom <here> & bell\n+\[D\] the run exits successfully: /);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/\u001b|\[31m|\u0007/);
    expect(xml).not.toContain('type="null"');
  });

  it("keeps the criteria's compiled phrases in the Archal home, for the next run of the same build", async () => {
    const dir = project(`console.log(JSON.stringify({ text: 'nothing done' }));`, {
      'a.md': scenario('- [D] no issues were closed\n- [D] the run exits successfully'),
    });
    const home = tempDir('archal-home-');
    const run = async () =>
      json<Suite>(
        await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { env: { ARCHAL_HOME: home }, timeoutMs: 60_000 }),
      ).scenarios[0]!.results[0]!;
    expect((await run()).passed).toBe(true);
    const phrases = join(home, 'cache', 'phrases');
    const [file] = readdirSync(phrases);
    const kept = JSON.parse(readFileSync(join(phrases, file!), 'utf8')) as Record<string, { expression?: string }>;
    expect(Object.keys(kept).sort()).toEqual(['no issues were closed', 'the run exits successfully']);
    // The next run takes the kept check as it is (here, one that fails).
    kept['the run exits successfully'] = { ...kept['the run exits successfully'], expression: 'false' };
    writeFileSync(join(phrases, file!), JSON.stringify(kept));
    const next = await run();
    expect(next.passed).toBe(false);
    expect(next.criteria[1]).toMatchObject({ status: 'failed', expression: 'false' });
  });

  it("keeps the clone's control API (the state criteria check) out of the agent's reach", async () => {
    const dir = project(
      `${github} const r = await fetch(api + '/_archal/state', { headers }); console.log(JSON.stringify({ text: String(r.status) }));`,
      {
        'peek.md': scenario('- [D] x => run.answer = "401"', 'seed: small-project'),
      },
    );
    const run = json<Suite>(await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { timeoutMs: 60_000 }))
      .scenarios[0]!.results[0]!;
    expect(run.passed).toBe(true);
  });

  it('gives the agent only the prompt, never Setup, Expected Behavior or criteria', async () => {
    const dir = project(`console.log(JSON.stringify({ text: process.env.AGENT_TASK }));`, {
      'secret.md':
        '# S\n\n## Setup\nSETUP-SECRET\n\n## Prompt\nJust the prompt.\n\n## Expected Behavior\nEXPECTED-SECRET\n\n## Success Criteria\n- [D] the run exits successfully\n- [D] x => run.answer = "Just the prompt."\n\n## Config\nseed: empty\n',
    });
    const run = json<Suite>(await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { timeoutMs: 60_000 }))
      .scenarios[0]!.results[0]!;
    expect(run.passed).toBe(true);
    expect(run.harness.answer).toBe('Just the prompt.');
  });

  it('leaves no process behind when the agent forks children and hangs', async () => {
    const dir = project(
      `import { spawn } from 'node:child_process'; import { writeFileSync } from 'node:fs';
       const child = spawn('sleep', ['300'], { stdio: 'ignore' }); writeFileSync('child.pid', String(child.pid)); setInterval(() => {}, 1000);`,
      { 'fork.md': scenario('- [D] the run exits successfully', 'seed: empty\ntimeout: 1') },
    );
    await runCli(['--cwd', dir, 'run', '-q'], { timeoutMs: 60_000 });
    expect(isRunning(Number(readFileSync(join(dir, 'child.pid'), 'utf8')))).toBe(false);
  });

  it('keeps the results of every run when many run at once', async () => {
    const dir = project(
      `${github} const r = await call('GET', '/user'); console.log(JSON.stringify({ text: r.body.login }));`,
      {
        ...Object.fromEntries(
          Array.from({ length: 6 }, (_, i) => [
            `s${i}.md`,
            scenario('- [D] x => run.answer = "octocat"', 'seed: small-project\nruns: 3'),
          ]),
        ),
      },
    );
    const suite = json<Suite>(
      await runCli(['--cwd', dir, 'run', '--concurrency', '8', '-o', 'json', '-q'], { timeoutMs: 90_000 }),
    );
    expect(suite.totals).toEqual({ scenarios: 6, runs: 18, passedRuns: 18 });
    expect(readdirSync(join(dir, '.archal', 'cache', 'runs'))).toHaveLength(18);
  });
});

describe('judging [P] criteria', () => {
  it('reports [P] criteria as not evaluated without an evaluator, and refuses with --require-judge', async () => {
    const dir = project(`console.log(JSON.stringify({ text: 'hi' }));`, {
      'p.md': scenario('- [D] the run exits successfully\n- [P] the answer is friendly', 'seed: empty'),
    });
    const result = await runCli(['--cwd', dir, 'run', '-o', 'json'], { timeoutMs: 60_000 });
    const run = json<Suite>(result).scenarios[0]!.results[0]!;
    expect(run.passed).toBe(true);
    expect(run.criteria[1]).toMatchObject({ status: 'not_evaluated', detail: 'no evaluator is configured' });
    expect(result.stderr).toContain('[P] criterion c2 will not be evaluated');
    const strict = await runCli(['--cwd', dir, 'run', '--require-judge'], { timeoutMs: 60_000 });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('needs a judge (--require-judge)');
  });

  it('asks the configured evaluator and labels judged [D] criteria "judged, not deterministic"', async () => {
    const judge = `import { readFileSync } from 'node:fs';
      const prompt = readFileSync(0, 'utf8');
      const ids = [...prompt.matchAll(/^- (c\\d+): (.*)$/gm)].map((m) => [m[1], m[2]]);
      console.log(JSON.stringify({ verdicts: ids.map(([id, text]) => ({ id, verdict: /friendly/.test(text) && /hello there/.test(prompt) ? 'pass' : 'fail', reason: 'checked ' + id })) }));`;
    const dir = project(
      `console.log(JSON.stringify({ text: 'hello there' }));`,
      { 'p.md': scenario('- [P] the answer is friendly\n- [D] the tone feels right', 'seed: empty') },
      {
        evaluator: { provider: 'exec' },
        assistants: { exec: { command: 'node', args: ['judge.mjs'] } },
      },
    );
    writeFiles(dir, { 'judge.mjs': judge });
    const run = json<Suite>(await runCli(['--cwd', dir, 'run', '-o', 'json', '-q'], { timeoutMs: 60_000 }))
      .scenarios[0]!.results[0]!;
    expect(run.criteria).toEqual([
      expect.objectContaining({ id: 'c1', form: 'judged', status: 'passed', detail: 'checked c1' }),
      expect.objectContaining({ id: 'c2', form: 'judged_not_deterministic', status: 'failed' }),
    ]);
    expect(run.failureKind).toBe('agent');
  });
});

describe('archal scenario list / validate, --preflight-only, init', () => {
  it('lists and validates scenarios with file and line', async () => {
    const listed = json<{
      scenarios: Array<{ title: string; seed: string; criteria: { deterministic: number; judged: number } }>;
    }>(await runCli(['--cwd', EXAMPLE, 'scenario', 'list', '--json']));
    expect(listed.scenarios.map((entry) => entry.title)).toEqual([
      'Close stale issues',
      'Label bug reports',
      'Leave active issues open',
    ]);
    expect(listed.scenarios[0]).toMatchObject({ seed: 'seeds/stale.json', criteria: { deterministic: 3, judged: 1 } });

    const dir = tempDir();
    writeFiles(dir, {
      'ok.md': scenario('- [D] the run exits successfully'),
      'bad.md':
        '# Bad\n\n## Prompt\nx\n\n## Success Criteria\n- [D] the vibes are good\n- [D] y => $count(\n\n## Config\nseed: no-such-seed\n',
    });
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'ok.md', 'bad.md', '--json']);
    expect(result.code).toBe(2);
    const body = json<{
      valid: boolean;
      scenarios: Array<{ file: string; valid: boolean; errors: Array<{ line?: number; message: string }> }>;
    }>(result);
    expect(body.valid).toBe(false);
    const bad = body.scenarios.find((entry) => entry.file.endsWith('bad.md'))!;
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 7, message: expect.stringContaining('cannot be checked deterministically') }),
        expect.objectContaining({ line: 7, message: expect.stringContaining('=>') }),
        expect.objectContaining({ line: 8, message: expect.stringContaining('invalid JSONata') }),
        expect.objectContaining({ message: expect.stringContaining('unknown seed "no-such-seed"') }),
      ]),
    );
    expect(body.scenarios.find((entry) => entry.file.endsWith('ok.md'))!.valid).toBe(true);
    const okOnly = await runCli(['--cwd', dir, 'scenario', 'validate', 'ok.md']);
    expect(okOnly.code).toBe(0);
  });

  it('exits 0 when --tag selects none of the scenarios, and 2 when there are no scenario files at all', async () => {
    const dir = project(`console.log('{"text":"ok"}');`, {
      'a.md': scenario('- [D] the run exits successfully', 'tags: smoke'),
    });
    const skipped = await runCli(['--cwd', dir, 'run', '--tag', 'other']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('Nothing to run: none of the 1 scenario(s) has tag other; skipped.');
    const asJson = await runCli(['--cwd', dir, 'run', '--tag', 'other', '-o', 'json']);
    expect(asJson.code).toBe(0);
    expect(json<Suite>(asJson)).toMatchObject({ passed: true, totals: { scenarios: 0, runs: 0 }, scenarios: [] });
    const empty = tempDir();
    const none = await runCli(['--cwd', empty, 'run', '--tag', 'other', '--harness', 'echo hi']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no scenario files found');
  });

  it(".archal.json's default seed is checked before any run, and by config validate and scenario validate", async () => {
    const dir = project(
      `import { writeFileSync } from 'node:fs'; writeFileSync('started', '1'); console.log('{"text":"ok"}');`,
      { 'a.md': scenario('- [D] the run exits successfully', 'timeout: 20') },
      { seeds: { github: 'small-projct' } },
    );
    const unknown = 'unknown seed "small-projct" (did you mean "small-project"?)';
    const run = await runCli(['--cwd', dir, 'run', '-q'], { timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`.archal.json: seeds.github: `);
    expect(run.stderr).toContain(unknown);
    expect(run.stderr).not.toContain('unexpected error');
    expect(existsSync(join(dir, 'started'))).toBe(false);
    const config = await runCli(['--cwd', dir, 'config', 'validate', '--json']);
    expect(config.code).toBe(2);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(config).errors).toEqual([
      { path: 'seeds.github', message: expect.stringContaining(unknown) },
    ]);
    const validate = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal/a.md']);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(unknown);
    // --seed replaces the default for every run, so the run goes ahead.
    expect((await runCli(['--cwd', dir, 'run', '-q', '--seed', 'empty'], { timeoutMs: 60_000 })).code).toBe(0);
    writeFiles(dir, {
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs', seeds: { github: 'github:small-project' } }),
    });
    expect((await runCli(['--cwd', dir, 'config', 'validate'])).code).toBe(0);
  });

  it('warns, at run start and in config validate, of agent.env variables that are not set', async () => {
    const dir = project(
      `console.log(JSON.stringify({ text: 'token=[' + process.env.TOKEN + '] region=[' + process.env.REGION + ']' }));`,
      { 'a.md': scenario('- [D] the run exits successfully', 'timeout: 20') },
      {
        agent: {
          command: 'node',
          args: ['agent.mjs'],
          env: { TOKEN: '${ARCHAL_TEST_UNSET_TOKEN}', REGION: '${ARCHAL_TEST_SET_REGION}', MODE: '${ARCHAL_NO:-x}' },
        },
      },
    );
    const env = { ARCHAL_TEST_SET_REGION: 'eu' };
    const warning = '.archal.json: agent.env.TOKEN: ${ARCHAL_TEST_UNSET_TOKEN} is not set; passed as empty';
    const run = await runCli(['--cwd', dir, 'run', '-o', 'json'], { env, timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${warning}`);
    // Only the unset variable without a default is named.
    expect(run.stderr).not.toContain('REGION');
    expect(run.stderr).not.toContain('ARCHAL_NO');
    expect(json<Suite>(run).scenarios[0]!.results[0]!.harness.answer).toContain('token=[] region=[eu]');
    const config = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env });
    expect(config.code).toBe(0);
    expect(json(config)).toMatchObject({
      valid: true,
      exists: true,
      errors: [],
      warnings: [{ path: 'agent.env.TOKEN', message: '${ARCHAL_TEST_UNSET_TOKEN} is not set; passed as empty' }],
    });
    const text = await runCli(['--cwd', dir, 'config', 'validate'], { env });
    expect(text.code).toBe(0);
    expect(text.stderr).toContain(`warning: ${warning}`);
    // Set (here through the directory's .env), nothing is said.
    writeFiles(dir, { '.env': 'ARCHAL_TEST_UNSET_TOKEN=abc\n' });
    const set = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env });
    expect(json(set)).toMatchObject({ valid: true, warnings: [] });
  });

  it('runs the harness once in preflight mode', async () => {
    const ok = await runCli(['--cwd', EXAMPLE, 'run', '--preflight-only']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ Preflight passed: node agent.mjs');
    const bad = await runCli(['--cwd', EXAMPLE, 'run', '--preflight-only', '--harness', 'exit 3']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('✗ Preflight failed: exit 3 exited with code 3 in preflight mode');
  });

  it('sets a repository up with archal init, without overwriting, and the first scenario passes', async () => {
    const dir = tempDir('archal-init-');
    writeFiles(dir, { '.gitignore': 'node_modules/\n', 'archal/first-run.md': '# mine\n' });
    const first = await runCli(['--cwd', dir, 'init']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created .archal.json');
    expect(first.stdout).toContain('kept    archal/first-run.md (already exists)');
    expect(readFileSync(join(dir, 'archal/first-run.md'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.archal/cache/');
    const second = await runCli(['--cwd', dir, 'init']);
    expect(second.stdout).not.toContain('created');

    const fresh = tempDir('archal-init-');
    await runCli(['--cwd', fresh, 'init']);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(fresh, 'node_modules'));
    expect(existsSync(join(fresh, '.archal', 'harness.mjs'))).toBe(true);
    const run = await runCli(['--cwd', fresh, 'run', '-o', 'json'], { timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const suite = json<Suite>(run);
    expect(suite.scenarios[0]).toMatchObject({ title: 'First run: summarise open issues', passedRuns: 1 });
    expect(suite.scenarios[0]!.results[0]!.harness.answer).toContain('acme/widgets#');
    expect(execFileSync('node', ['-e', 'process.stdout.write("ok")']).toString()).toBe('ok');
  });
});

describe('archal run answers and outputs', () => {
  it('takes --json for -o json, and answers in JSON when the scenarios cannot run', async () => {
    const dir = project(`console.log('{"text":"ok"}');`, { 'a.md': scenario('- [D] the run exits successfully') });
    const ran = await runCli(['--cwd', dir, 'run', '--json', '-q'], { timeoutMs: 60_000 });
    expect(ran.code).toBe(0);
    expect(json<Suite>(ran)).toMatchObject({ passed: true, totals: { scenarios: 1, runs: 1, passedRuns: 1 } });
    const missing = await runCli(['--cwd', dir, 'run', '--json', 'archal/nope.md']);
    expect(missing.code).toBe(2);
    expect(json<{ status: string; error: { code: string; message: string } }>(missing)).toEqual({
      status: 'error',
      error: { code: 'invalid_input', message: expect.stringContaining('nope.md: no such file or directory') },
    });
    const viaOutput = await runCli(['--cwd', dir, 'run', '-o', 'json', '--harness', './no-such-harness.mjs']);
    expect(viaOutput.code).toBe(2);
    expect(json<{ status: string }>(viaOutput).status).toBe('error');
    const both = await runCli(['--cwd', dir, 'run', '--json', '-o', 'junit']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json and -o junit ask for two formats: give one.');
  });

  it('prints the preflight verdict as JSON with -o json, within --timeout', async () => {
    const dir = project(`console.log('{"text":"OK"}');`, {});
    const ok = await runCli(['--cwd', dir, 'run', '--preflight-only', '-o', 'json']);
    expect(ok.code).toBe(0);
    expect(json(ok)).toEqual({
      preflight: expect.objectContaining({ agent: 'node agent.mjs', passed: true, answer: 'OK' }),
    });
    const started = Date.now();
    const slow = await runCli(['--cwd', dir, 'run', '--preflight-only', '--json', '--harness', 'sleep 30', '-t', '1']);
    expect(slow.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(json(slow)).toEqual({
      preflight: expect.objectContaining({ passed: false, detail: expect.stringContaining('timed out') }),
    });
  });

  it('refuses --record and --save-seed paths it cannot write before any run starts', async () => {
    const dir = project(`import { writeFileSync } from 'node:fs'; writeFileSync('started', '1'); console.log('ok');`, {
      'a.md': scenario('- [D] the run exits successfully'),
    });
    writeFiles(dir, { 'taken.txt': 'a file' });
    const refusals: Array<[string[], string]> = [
      [['--record', 'taken.txt'], `--record taken.txt: ${join(dir, 'taken.txt')} exists and is not a directory.`],
      [
        ['--record', 'taken.txt/out'],
        `--record taken.txt/out: ${join(dir, 'taken.txt')} is not a directory, so nothing can be created under it.`,
      ],
      [['--save-seed', 'archal'], `--save-seed archal: ${join(dir, 'archal')} is a directory; name a file.`],
      [['--record', '/proc/archal-record'], '--record /proc/archal-record: cannot create /proc/archal-record'],
    ];
    for (const [flags, message] of refusals) {
      const result = await runCli(['--cwd', dir, 'run', '-q', ...flags], { timeoutMs: 15_000 });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });

  it('takes --tag as a comma list, matching tags in any case', async () => {
    const dir = project(`console.log('{"text":"ok"}');`, {
      'a.md': scenario('- [D] the run exits successfully', 'seed: empty\ntags: Smoke'),
      'b.md': scenario('- [D] the run exits successfully', 'seed: empty\ntags: slow').replace('# A', '# B'),
      'c.md': scenario('- [D] the run exits successfully', 'seed: empty\ntags: other').replace('# A', '# C'),
    });
    const result = await runCli(['--cwd', dir, 'run', '-q', '-o', 'json', '--tag', 'smoke,SLOW'], {
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(0);
    expect(json<Suite>(result).scenarios.map((entry) => entry.title)).toEqual(['A scenario', 'B scenario']);
  });

  it('lists the scenarios it is given', async () => {
    const dir = project(`console.log('ok');`, { 'a.md': scenario('- [D] the run exits successfully') });
    writeFiles(dir, { 'other/b.md': scenario('- [D] no errors').replace('# A scenario', '# B scenario') });
    const listed = await runCli(['--cwd', dir, 'scenario', 'list', 'other', '--json']);
    expect(listed.code).toBe(0);
    expect(json<{ scenarios: Array<{ title: string }> }>(listed).scenarios.map((entry) => entry.title)).toEqual([
      'B scenario',
    ]);
  });
});
