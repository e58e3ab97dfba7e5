import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { json, runCli, startCli, waitFor, type BackgroundCli } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * `archal report` and `archal view` as a user drives them from a repository's subdirectory, over
 * records made by real `archal run` and `archal workflow run` invocations, some of them damaged
 * afterwards, and beside a second repository sharing the same run store.
 */

const FILES: Record<string, string> = {
  'agent.mjs': `console.log(JSON.stringify({ text: 'nothing to do' }));\n`,
  'checks/quiet.md': `# Stays quiet

## Prompt
Do nothing.

## Success Criteria
- [D] Exactly 0 issues were created

## Config
seed: small-project
timeout: 30
`,
  '.archal/workflows/tiny.yaml': `name: tiny
description: one node
nodes:
  - id: only
    bash: printf done
`,
};

interface SuiteJson {
  suiteId: string;
  scenarios: Array<{ results: Array<{ runId: string }> }>;
}

let repo: string;
let other: string;
let env: NodeJS.ProcessEnv;
let suite: SuiteJson;
let otherRunId: string;

const cli = (args: string[], cwd = repo) => runCli(args, { cwd, env, timeoutMs: 60_000 });

beforeAll(async () => {
  repo = tempRepo();
  other = tempRepo();
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  mkdirSync(join(other, '.archal', 'workflows'), { recursive: true });
  writeFileSync(join(other, '.archal', 'workflows', 'tiny.yaml'), FILES['.archal/workflows/tiny.yaml']!);
  env = { ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '', ARCHAL_DATABASE_URL: '' };

  const run = await cli(['run', 'checks/quiet.md', '--harness', 'node agent.mjs', '-o', 'json', '-q']);
  expect(run.code).toBe(0);
  suite = json<SuiteJson>(run);
  // The suite's results, saved where a user keeps them, below a subdirectory.
  mkdirSync(join(repo, 'sub', 'out'), { recursive: true });
  writeFileSync(join(repo, 'sub', 'out', 'results.json'), run.stdout);

  const otherRun = await cli(['workflow', 'run', 'tiny', '--json'], other);
  expect(otherRun.code).toBe(0);
  otherRunId = json<{ runId: string }>(otherRun).runId;
}, 120_000);

describe('archal report references', () => {
  it('resolves a path relative to the working directory, also a bare directory name, and names a missing one', async () => {
    const sub = join(repo, 'sub');
    const fromSub = await cli(['report', 'out/results.json', '--html', 'suite.html'], sub);
    expect(fromSub.stderr).toBe(
      `Wrote the report of suite ${suite.suiteId} (${fromSub.stderr.match(/\((.*)\)/)![1]}).\n`,
    );
    expect(fromSub.code).toBe(0);
    expect(fromSub.stdout.trim()).toBe(join(sub, 'suite.html'));

    const viaCwd = await cli(['--cwd', sub, 'report', 'out/results.json', '--html', '-']);
    expect(viaCwd.code).toBe(0);
    expect(viaCwd.stdout).toContain('Stays quiet');

    // A pre-prod artifacts directory named without a slash.
    const artifacts = join(sub, 'artifacts');
    mkdirSync(artifacts);
    const loop = await cli([
      'preprod',
      'run',
      'checks/quiet.md',
      '--harness',
      'node agent.mjs',
      '--artifacts',
      artifacts,
    ]);
    expect(loop.code).toBe(0);
    const bare = await cli(['report', 'artifacts', '--html', 'loop.html'], sub);
    expect(bare.stderr).toMatch(/^Wrote the report of pre-prod loop [0-9a-f]+ \(Pre-prod loop /);
    expect(bare.code).toBe(0);
    expect(readFileSync(join(sub, 'loop.html'), 'utf8')).toContain('Pre-prod loop');

    const missing = await cli(['report', 'out/nothing.json', '--html', 'x.html'], sub);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`${join(sub, 'out', 'nothing.json')} does not exist.\n`);
  }, 90_000);

  it('refuses a --cwd that is not a directory instead of looking at nothing', async () => {
    const missing = join(repo, 'no-such-dir');
    for (const args of [
      ['report', 'last', '--html', '-'],
      ['view', '--port', '0'],
    ]) {
      const result = await cli(['--cwd', missing, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`No such directory: ${missing} (--cwd).\n`);
      expect(result.stdout).toBe('');
    }
  });

  it('does not reach the workflow runs of another repository sharing the run store', async () => {
    const byPrefix = await cli(['report', otherRunId.slice(0, 8), '--html', '-']);
    expect(byPrefix.code).toBe(2);
    expect(byPrefix.stderr).toContain(
      `No suite, scenario run, pre-prod loop or workflow run is named '${otherRunId.slice(0, 8)}'`,
    );
    const inOther = await cli(['report', otherRunId.slice(0, 8), '--html', '-'], other);
    expect(inOther.code).toBe(0);
    expect(inOther.stdout).toContain('Workflow tiny');
  });
});

describe('damaged records', () => {
  let viewer: BackgroundCli;
  let viewerUrl: URL;
  let damaged: { suiteFile: string; runFile: string; missingRunId: string; missingFrom: string };

  beforeAll(async () => {
    // A second suite, then damage it: its file keeps what the list reads but not the rest, and its run is cut short.
    const run = await cli(['run', 'checks/quiet.md', '--harness', 'node agent.mjs', '-o', 'json', '-q']);
    expect(run.code).toBe(0);
    const second = json<SuiteJson>(run);
    // A third suite of two runs, one of whose records is removed.
    const twice = await cli(['run', 'checks/quiet.md', '--harness', 'node agent.mjs', '-n', '2', '-o', 'json', '-q']);
    expect(twice.code).toBe(0);
    const third = json<SuiteJson>(twice);
    const cache = join(repo, '.archal', 'cache');
    damaged = {
      suiteFile: join(cache, 'suites', `${suite.suiteId}.json`),
      runFile: join(cache, 'runs', `${second.scenarios[0]!.results[0]!.runId}.json`),
      missingRunId: third.scenarios[0]!.results[1]!.runId,
      missingFrom: third.suiteId,
    };
    rmSync(join(cache, 'runs', `${damaged.missingRunId}.json`));
    const whole = JSON.parse(readFileSync(damaged.suiteFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(damaged.suiteFile, JSON.stringify({ ...whole, warnings: 'none' }));
    writeFileSync(damaged.runFile, readFileSync(damaged.runFile, 'utf8').slice(0, 100));
    // A transcript that lost a line to a crash, with no run store behind it.
    const logs = join(repo, '.archal', 'logs');
    cpSync(join(other, '.archal', 'logs', `${otherRunId}.jsonl`), join(logs, 'copied-run.jsonl'));
    const lines = readFileSync(join(logs, 'copied-run.jsonl'), 'utf8').split('\n');
    lines[2] = '{"type": "node_compl';
    writeFileSync(join(logs, 'copied-run.jsonl'), lines.join('\n'));

    viewer = startCli(['--cwd', repo, 'view'], { env });
    await waitFor(() => /^http:\/\/\S+\n/.test(viewer.stdout()), 15_000, 'the viewer to print its URL');
    viewerUrl = new URL(viewer.stdout().trim());
  }, 90_000);

  afterAll(async () => {
    viewer?.kill('SIGINT');
    await viewer?.done;
  });

  const get = async (path: string) => {
    const response = await fetch(`${viewerUrl.origin}${path}?token=${viewerUrl.searchParams.get('token')}`);
    return { status: response.status, body: await response.text() };
  };

  it('refuses to report a record that cannot be read, naming its file and why, with exit 2', async () => {
    const unreadableSuite = await cli(['report', suite.suiteId, '--html', 'suite.html']);
    expect(unreadableSuite.code).toBe(2);
    expect(unreadableSuite.stderr).toBe(
      `The record of suite ${suite.suiteId} cannot be read: ${damaged.suiteFile}: unexpected shape at warnings: Invalid input: expected array, received string\n`,
    );
    const runId = damaged.runFile.split('/').at(-1)!.replace('.json', '');
    const unreadableRun = await cli(['report', runId, '--html', 'run.html']);
    expect(unreadableRun.code).toBe(2);
    expect(unreadableRun.stderr).toMatch(
      new RegExp(`^The record of scenario run ${runId} cannot be read: ${damaged.runFile}: not readable JSON: `),
    );
  });

  it('shows the page of a suite that cannot be read with its file and why, and the rest of the list', async () => {
    const page = await get(`/suites/${suite.suiteId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(
      /<div class="failure" data-unreadable>\s*The record <code>[^<]+<\/code> cannot be read: unexpected shape at warnings/,
    );
    const list = await get('/');
    // The three `archal run` suites and the pre-prod loop's attempt.
    expect(list.body.match(/<tr data-search="suite /g)).toHaveLength(4);
  });

  it('says where the record of a run its suite lists was looked for when it is gone, and what the suite kept', async () => {
    const page = await get(`/runs/${damaged.missingRunId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<h1>\s*Stays quiet — run 2 <span class="badge tone-good" >passed<\/span>\s*<\/h1>/);
    expect(page.body).toContain(
      `The record of this run, <code>${join(repo, '.archal', 'cache', 'runs', `${damaged.missingRunId}.json`)}</code>, does not exist`,
    );
    expect(page.body).toContain(`href="/suites/${damaged.missingFrom}?token=`);
    // The suite's page still shows both runs.
    const suitePage = await get(`/suites/${damaged.missingFrom}`);
    expect(suitePage.body.match(/class="run-chip/g)).toHaveLength(2);
    expect((await get('/runs/no-such-run')).status).toBe(404);
  });

  it('says which lines of a transcript are not events', async () => {
    const page = await get('/workflows/copied-run');
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      `<div class="failure" data-problem>1 line(s) of ${join(repo, '.archal', 'logs', 'copied-run.jsonl')} are not events (line 3): node states may be missing what they recorded.</div>`,
    );
  });

  it('does not show the workflow runs of another repository sharing the run store', async () => {
    expect((await get(`/workflows/${otherRunId}`)).status).toBe(404);
    expect((await get(`/api/workflows/${otherRunId}`)).status).toBe(404);
  });
});
