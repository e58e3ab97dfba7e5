import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { EXAMPLE, hostedRepo, type HostedRepo } from '../helpers/hosted.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The built Action (dist/index.js) run as the runner runs it: a child process with the runner's
 * environment, a real-shaped pull_request payload, a workspace cloned from our GitHub clone, and
 * the clone as GitHub's API. Every assertion is on what the clone holds or the files the runner reads.
 */

const ACTIONS_TOKEN = 'ghs_actionsinstallationtoken000000000001';
const READER_TOKEN = 'ghp_readonlyoutsidertoken0000000000000001';
const DIST = join(REPO_ROOT, 'dist', 'index.js');

let hosted: HostedRepo | undefined;
afterEach(async () => {
  await hosted?.stop();
  hosted = undefined;
});

/** The example agent, hosted with the github-actions app installed (its token is the workflow's GITHUB_TOKEN). */
async function host(): Promise<HostedRepo> {
  hosted = await hostedRepo({}, undefined, {
    users: [{ login: 'outsider' }],
    apps: [
      {
        id: 15368,
        slug: 'github-actions',
        name: 'GitHub Actions',
        owner: 'octocat',
        permissions: { checks: 'write', pull_requests: 'write', issues: 'write', contents: 'write' },
      },
    ],
    installations: [{ id: 100, app: 'github-actions', account: 'acme', repositories: ['agent'] }],
    tokens: [
      { token: ACTIONS_TOKEN, installation: 100 },
      { token: READER_TOKEN, user: 'outsider' },
    ],
  });
  return hosted;
}

/** A pull_request payload from @octokit/webhooks-examples, pointed at this repository and pull request. */
function pullRequestPayload(
  repo: HostedRepo,
  pull: { number: number; head: { ref: string; sha: string }; base: { ref: string; sha: string } },
  options: { action?: string; fork?: boolean } = {},
): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
    name: string;
    examples: Array<Record<string, unknown> & { action: string }>;
  }>;
  const example = structuredClone(
    examples.find((entry) => entry.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!,
  ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const server = repo.clone.apiUrl.replace(/\/api\/v3$/, '');
  const baseRepo = { ...example.repository, name: 'agent', full_name: 'acme/agent', fork: false };
  const headRepo = options.fork
    ? { ...example.repository, name: 'agent', full_name: 'outsider/agent', fork: true }
    : baseRepo;
  example.action = options.action ?? 'opened';
  example.number = pull.number;
  example.repository = baseRepo;
  example.pull_request = {
    ...example.pull_request,
    number: pull.number,
    html_url: `${server}/acme/agent/pull/${pull.number}`,
    head: { ...example.pull_request.head, ref: pull.head.ref, sha: pull.head.sha, repo: headRepo },
    base: { ...example.pull_request.base, ref: pull.base.ref, sha: pull.base.sha, repo: baseRepo },
  };
  return example;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses GITHUB_OUTPUT (`name<<delimiter` blocks, as @actions/core writes them). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== match[2]; index++) value.push(lines[index]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

/** Runs dist/index.js with the runner's environment; inputs by their names in action.yml. */
function runAction(
  repo: HostedRepo,
  payload: Record<string, unknown>,
  inputs: Record<string, string>,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<ActionRun> {
  const runner = tempDir('archal-runner-');
  mkdirSync(join(runner, 'temp'));
  const eventPath = join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const outputFile = join(runner, 'output');
  const summaryFile = join(runner, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const pull = payload.pull_request as { number: number; head: { sha: string } } | undefined;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/agent',
    GITHUB_SHA: pull?.head.sha ?? '',
    GITHUB_REF: pull ? `refs/pull/${pull.number}/merge` : 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_API_URL: repo.clone.apiUrl,
    GITHUB_SERVER_URL: repo.clone.apiUrl.replace(/\/api\/v3$/, ''),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: join(runner, 'temp'),
    'INPUT_GITHUB-TOKEN': options.token ?? ACTIONS_TOKEN,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DIST], { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
      });
    });
  });
}

/** The line of a criterion in a scenario file of the example. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(EXAMPLE, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

/**
 * main gets the fixed agent; the pull request's branch brings the planted bug back (the label
 * `keep_open` instead of `keep-open`): a regression of "Close stale issues" against the base.
 */
async function openRegressingPull(repo: HostedRepo) {
  const triage = join(repo.dir, 'triage.mjs');
  const buggy = readFileSync(triage, 'utf8');
  writeFileSync(triage, buggy.replace("EXEMPT_LABEL = 'keep_open'", "EXEMPT_LABEL = 'keep-open'"));
  await repo.git('commit', '--quiet', '-am', 'Fix the exempt label');
  await repo.git('push', '--quiet', 'origin', 'main');
  const baseSha = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '--quiet', '-b', 'feature');
  writeFileSync(triage, buggy);
  await repo.git('commit', '--quiet', '-am', 'Refactor the triage rules');
  await repo.git('push', '--quiet', 'origin', 'feature');
  const headSha = await repo.git('rev-parse', 'HEAD');
  const response = await fetch(`${repo.clone.apiUrl}/repos/acme/agent/pulls`, {
    method: 'POST',
    headers: { authorization: `token ${repo.clone.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Refactor the triage rules', head: 'feature', base: 'main' }),
  });
  const pull = (await response.json()) as { number: number };
  // actions/checkout leaves the workspace on a detached commit.
  await repo.git('checkout', '--quiet', '--detach', headSha);
  return { number: pull.number, head: { ref: 'feature', sha: headSha }, base: { ref: 'main', sha: baseSha } };
}

describe('the GitHub Action (dist/index.js) on a pull request', () => {
  it('runs head and base, finds the planted regression, writes one check run with annotations, one comment, the summary and the outputs', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const first = await runAction(repo, pullRequestPayload(repo, pull), { runs: '4' });
    expect(first.stdout).toMatch(/^Archal: pre-prod loop in \./);
    // fail-on: threshold (the default): a scenario below 100% fails the step.
    expect(first.code).toBe(1);

    const state = repo.clone.handle.state();
    expect(state.checkRuns).toHaveLength(1);
    const check = state.checkRuns[0]!;
    expect(check).toMatchObject({
      name: 'Archal',
      head_sha: pull.head.sha,
      status: 'completed',
      conclusion: 'failure',
      app: 'github-actions',
    });
    expect(check.output.title).toBe('1 of 3 scenarios below 100% · 1 regression');
    expect(check.output.summary).toMatch(/Close stale issues \| 0% \| 100% \| -100 \| 🔴 regressed/);
    expect(check.output.summary).toMatch(/Label bug reports \| 100% \| 100% \| 0 \| unchanged/);
    const annotations = check.output.annotations as Array<Record<string, unknown>>;
    expect(annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      [
        'archal/close-stale-issues.md',
        lineOf('archal/close-stale-issues.md', 'Exactly 4 issues are closed'),
        'failure',
      ],
      [
        'archal/close-stale-issues.md',
        lineOf('archal/close-stale-issues.md', 'Issues labelled keep-open remain open'),
        'failure',
      ],
    ]);
    expect(String(annotations[1]!.message)).toMatch(/agent_behavior[\s\S]*Hint:/);
    expect(String(annotations[1]!.message)).toMatch(/keep-open/);

    const comments = state.comments.filter((comment) => comment.issue_number === pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user).toBe('github-actions[bot]');
    expect(comments[0]!.body).toContain('<!-- archal-preprod check="Archal" -->');
    expect(comments[0]!.body).toMatch(/<details>\n<summary>Close stale issues/);

    expect(first.outputs).toMatchObject({
      status: 'blocked',
      'stop-reason': 'no_fix_command',
      passed: 'false',
      satisfaction: '0',
      regressions: '1',
      'check-run-id': String(check.id),
      'comment-id': String(comments[0]!.id),
      'pull-request-operation': 'none',
    });
    const written = JSON.parse(readFileSync(first.outputs['results-path']!, 'utf8')) as { status: string };
    expect(written.status).toBe('blocked');
    expect(first.summary).toContain('```mermaid');
    expect(first.summary).toMatch(/Run: 8\/12 runs passed/);
    expect(first.summary).toMatch(/🔴 regressed/);
    expect(first.summary).toMatch(/`agent_behavior` \| 2 \|/);

    // A second push: a new check run on the new head, the same comment updated, never a second one.
    await repo.git('checkout', '--quiet', 'feature');
    writeFiles(repo.dir, { 'NOTES.md': 'notes\n' });
    await repo.git('add', 'NOTES.md');
    await repo.git('commit', '--quiet', '-m', 'Notes');
    await repo.git('push', '--quiet', 'origin', 'feature');
    const head = { ref: 'feature', sha: await repo.git('rev-parse', 'HEAD') };
    await repo.git('checkout', '--quiet', '--detach', head.sha);
    const second = await runAction(repo, pullRequestPayload(repo, { ...pull, head }, { action: 'synchronize' }), {
      runs: '4',
      'fail-on': 'never',
    });
    expect(second.code).toBe(0);
    const after = repo.clone.handle.state();
    expect(after.checkRuns.map((run) => [run.head_sha, run.conclusion])).toEqual([
      [pull.head.sha, 'failure'],
      [head.sha, 'neutral'],
    ]);
    const updated = after.comments.filter((comment) => comment.issue_number === pull.number);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.id).toBe(comments[0]!.id);
    expect(updated[0]!.body).toContain(head.sha.slice(0, 7));
  }, 240_000);

  it('on a fork: writes nothing with the read-only token, refuses the fix inputs, and reports through annotations and the summary', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const before = repo.clone.handle.requests().length;
    const result = await runAction(
      repo,
      pullRequestPayload(repo, pull, { fork: true }),
      {
        'compare-base': 'false',
        'fail-on': 'never',
        'fix-command': 'node fix.mjs',
        'allow-external-execution': 'true',
        'open-pr': 'true',
      },
      { token: READER_TOKEN },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /::warning::Refused 'fix-command', 'open-pr', 'allow-external-execution': fix, validation and PR commands never run on a pull request from a fork/,
    );
    const line = lineOf('archal/close-stale-issues.md', 'Issues labelled keep-open remain open');
    expect(result.stdout).toContain(
      `::error title=Close stale issues%3A [D] Issues labelled keep-open remain open,file=archal/close-stale-issues.md,line=${line},endLine=${line}::Criterion c3`,
    );
    const writes = repo.clone.handle
      .requests()
      .slice(before)
      .filter((request) => request.kind === 'rest' && request.method !== 'GET');
    expect(writes).toEqual([]);
    expect(repo.clone.handle.state().checkRuns).toHaveLength(0);
    // The fixer never ran: the working tree still has the bug.
    expect(readFileSync(join(repo.dir, 'triage.mjs'), 'utf8')).toContain("EXEMPT_LABEL = 'keep_open'");
    expect(result.outputs).toMatchObject({ status: 'blocked', 'stop-reason': 'no_fix_command', passed: 'false' });
    expect(result.summary).toMatch(/comes from a fork/);
  }, 120_000);

  it.each([
    ['runs', 'abc', "Input 'runs' must be a whole number from 1 to 100 (got 'abc')."],
    ['shard', '5/4', "Input 'shard' shard 5 of 4 does not exist: i must be between 1 and 4."],
    ['fail-on', 'sometimes', "Input 'fail-on' must be one of threshold, regression, never (got 'sometimes')."],
  ])('bad input %s: %s fails at once with one message naming the input', async (name, value, message) => {
    const repo = await host();
    const before = repo.clone.handle.requests().length;
    const result = await runAction(repo, { action: 'opened' }, { [name]: value }, { timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(`::error::${message}`);
    expect(repo.clone.handle.requests().length).toBe(before);
  });
});
