import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { WorkflowRunResponse } from '../../src/clones/github/index.js';
import { parse } from 'yaml';
import { portableAction } from '../helpers/action.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { EXAMPLE, hostedRepo, type HostedRepo } from '../helpers/hosted.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/zip.js';

/**
 * The built Action (dist/index.js) run as the runner runs it: from a copy of action.yml and dist/
 * alone (a runner's checkout of the Action has no node_modules and no build/), in a child process
 * with the runner's environment, a real-shaped pull_request payload, a workspace cloned from our GitHub clone, the
 * clone as GitHub's API and as the Actions results service. Each job belongs to a workflow run
 * registered with the clone, as GitHub starts one: its GITHUB_TOKEN (an installation token of the
 * github-actions app) and its job's ACTIONS_RUNTIME_TOKEN. Every assertion is on what the clone
 * holds or the files the runner reads.
 */

/** The built Action as a runner checks it out: action.yml and dist/ alone, no node_modules in reach. */
const DIST = portableAction();
/** The Node that runs the Action (the runner's is Node 24): ARCHAL_TEST_ACTION_NODE, else this one. */
const ACTION_NODE = process.env.ARCHAL_TEST_ACTION_NODE || process.execPath;

let hosted: HostedRepo | undefined;
afterEach(async () => {
  await hosted?.stop();
  hosted = undefined;
});

async function host(overrides: Record<string, string | null> = {}, base?: Record<string, string>): Promise<HostedRepo> {
  hosted = await hostedRepo(overrides, base);
  return hosted;
}

interface Pull {
  number: number;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
}

/** A workflow run of the pull request's head, registered with the clone as GitHub starts one. */
function workflowRun(
  repo: HostedRepo,
  pull: Pull,
  options: { jobs?: string[]; permissions?: Record<string, 'read' | 'write'> } = {},
): Promise<WorkflowRunResponse> {
  return repo.clone.handle.workflowRun({
    repo: 'acme/agent',
    event: 'pull_request',
    head_branch: pull.head.ref,
    head_sha: pull.head.sha,
    jobs: (options.jobs ?? ['archal']).map((name) => ({ name })),
    ...(options.permissions ? { permissions: options.permissions } : {}),
  });
}

/** A pull_request payload from @octokit/webhooks-examples, pointed at this repository and pull request. */
function pullRequestPayload(
  repo: HostedRepo,
  pull: Pull,
  options: { action?: string; fork?: boolean; repositoryIsFork?: boolean } = {},
): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
    name: string;
    examples: Array<Record<string, unknown> & { action: string }>;
  }>;
  const example = structuredClone(
    examples.find((entry) => entry.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!,
  ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const baseRepo = {
    ...example.repository,
    name: 'agent',
    full_name: 'acme/agent',
    fork: options.repositoryIsFork ?? false,
  };
  const headRepo = options.fork
    ? { ...example.repository, id: example.repository.id + 1, name: 'agent', full_name: 'outsider/agent', fork: true }
    : baseRepo;
  example.action = options.action ?? 'opened';
  example.number = pull.number;
  example.repository = baseRepo;
  example.pull_request = {
    ...example.pull_request,
    number: pull.number,
    html_url: `${repo.clone.apiUrl}/acme/agent/pull/${pull.number}`,
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
  /** ARCHAL_HOME of the run: where a SQLite store would have been created. */
  home: string;
  /** What the step saved for its post step (GITHUB_STATE), as the runner gives it back: STATE_<name>. */
  state: Record<string, string>;
}

/** Parses GITHUB_OUTPUT and GITHUB_STATE (`name<<delimiter` blocks, as @actions/core writes them). */
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

/**
 * Runs dist/index.js as the runner runs a step of job `job` of `run`: the registered run's variables,
 * the event payload, the runner's files, and the inputs by their names in action.yml. The clone is
 * GitHub's server as well as its API (GITHUB_SERVER_URL, which @actions/artifact on its own would
 * take for a GitHub Enterprise Server and refuse).
 */
function runAction(
  repo: HostedRepo,
  run: WorkflowRunResponse,
  payload: Record<string, unknown>,
  inputs: Record<string, string>,
  options: {
    job?: number;
    timeoutMs?: number;
    event?: string;
    env?: Record<string, string>;
    /** Cancels the step as the runner does (SIGINT) once this holds of its state so far, checked every 200 ms. */
    cancelWhen?: (state: Record<string, string>) => boolean;
  } = {},
): Promise<ActionRun> {
  const runner = tempDir('archal-runner-');
  mkdirSync(join(runner, 'temp'));
  const home = join(runner, 'archal-home');
  const eventPath = join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const outputFile = join(runner, 'output');
  const summaryFile = join(runner, 'summary.md');
  const stateFile = join(runner, 'state');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(stateFile, '');
  const pull = payload.pull_request as { number: number; head: { sha: string } } | undefined;
  // The runner gives actions their token as an input, not as GITHUB_TOKEN.
  const { GITHUB_TOKEN: _token, ...runnerVariables } = run.env;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ARCHAL_HOME: home,
    ...runnerVariables,
    GITHUB_SERVER_URL: repo.clone.apiUrl,
    GITHUB_API_URL: repo.clone.apiUrl,
    GITHUB_EVENT_NAME: options.event ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: pull?.head.sha ?? run.env.GITHUB_SHA,
    GITHUB_REF: pull ? `refs/pull/${pull.number}/merge` : run.env.GITHUB_REF,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: join(runner, 'temp'),
    ACTIONS_RUNTIME_TOKEN: run.jobs[options.job ?? 0]!.runtime_token,
    'INPUT_GITHUB-TOKEN': run.github_token,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(ACTION_NODE, [DIST], { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    const cancel = options.cancelWhen
      ? setInterval(() => {
          if (options.cancelWhen!(parseOutputs(readFileSync(stateFile, 'utf8')))) child.kill('SIGINT');
        }, 200)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(cancel);
      resolve({
        code,
        stdout,
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        home,
        state: Object.fromEntries(
          Object.entries(parseOutputs(readFileSync(stateFile, 'utf8'))).map(([name, value]) => [
            `STATE_${name}`,
            value,
          ]),
        ),
      });
    });
  });
}

/** The step's log as the runner shows it: `::add-mask::` lines are taken by the runner, never shown. */
function shownLog(result: ActionRun): string {
  return result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
    .trim();
}

/** The line of a criterion in a scenario file of the example. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(EXAMPLE, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

async function api<T>(repo: HostedRepo, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${repo.clone.apiUrl}${path}`, {
    ...init,
    headers: { authorization: `token ${repo.clone.token}`, 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface ListedArtifact {
  id: number;
  name: string;
  workflow_run: { id: number };
}

/** The repository's artifacts, as `GET /repos/{owner}/{repo}/actions/artifacts` lists them. */
async function listArtifacts(repo: HostedRepo): Promise<ListedArtifact[]> {
  return (await api<{ artifacts: ListedArtifact[] }>(repo, '/repos/acme/agent/actions/artifacts')).artifacts;
}

/** An artifact's files, downloaded as GitHub serves them (`…/zip`, a 302 to the blob). */
async function artifactFiles(repo: HostedRepo, id: number): Promise<Map<string, string>> {
  const response = await fetch(`${repo.clone.apiUrl}/repos/acme/agent/actions/artifacts/${id}/zip`, {
    headers: { authorization: `token ${repo.clone.token}` },
  });
  expect(response.status).toBe(200);
  const files = unzip(Buffer.from(await response.arrayBuffer()));
  return new Map([...files].map(([name, data]) => [name, data.toString('utf8')]));
}

const json = <T = any>(files: Map<string, string>, name: string): T => JSON.parse(files.get(name)!) as T; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * main gets the fixed agent; the pull request's branch brings the planted bug back (the label
 * `keep_open` instead of `keep-open`): a regression of "Close stale issues" against the base.
 */
async function openRegressingPull(repo: HostedRepo): Promise<Pull> {
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
  const pull = await api<{ number: number }>(repo, '/repos/acme/agent/pulls', {
    method: 'POST',
    body: JSON.stringify({ title: 'Refactor the triage rules', head: 'feature', base: 'main' }),
  });
  // actions/checkout leaves the workspace on a detached commit.
  await repo.git('checkout', '--quiet', '--detach', headSha);
  return { number: pull.number, head: { ref: 'feature', sha: headSha }, base: { ref: 'main', sha: baseSha } };
}

/** A pull request of a one-commit branch `feature`; the workspace on its head, as actions/checkout leaves it. */
async function openPull(repo: HostedRepo): Promise<Pull> {
  const baseSha = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '--quiet', '-b', 'feature');
  writeFiles(repo.dir, { 'NOTES.md': 'notes\n' });
  await repo.git('add', 'NOTES.md');
  await repo.git('commit', '--quiet', '-m', 'Notes');
  await repo.git('push', '--quiet', 'origin', 'feature');
  const headSha = await repo.git('rev-parse', 'HEAD');
  const pull = await api<{ number: number }>(repo, '/repos/acme/agent/pulls', {
    method: 'POST',
    body: JSON.stringify({ title: 'Notes', head: 'feature', base: 'main' }),
  });
  await repo.git('checkout', '--quiet', '--detach', headSha);
  return { number: pull.number, head: { ref: 'feature', sha: headSha }, base: { ref: 'main', sha: baseSha } };
}

describe('the GitHub Action (dist/index.js) on a pull request', () => {
  it('runs head and base, finds the planted regression, writes one check run with annotations, one comment, the summary, the outputs and the artifact', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull);
    const first = await runAction(repo, run, pullRequestPayload(repo, pull), { runs: '4' });
    expect(shownLog(first)).toMatch(/^Archal: pre-prod loop in \./);
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

    // The artifact: listed by the REST API under this workflow run, and its files.
    const listed = (await listArtifacts(repo)).filter((artifact) => artifact.name === 'archal-preprod');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.workflow_run.id).toBe(run.id);
    const artifactId = listed[0]!.id;
    expect(first.outputs).toMatchObject({
      status: 'blocked',
      'stop-reason': 'no_fix_command',
      passed: 'false',
      satisfaction: '0',
      regressions: '1',
      'check-run-id': String(check.id),
      'comment-id': String(comments[0]!.id),
      'artifact-id': String(artifactId),
      'artifact-url': `${repo.clone.apiUrl}/acme/agent/actions/runs/${run.id}/artifacts/${artifactId}`,
      'pull-request-operation': 'none',
    });
    const files = await artifactFiles(repo, artifactId);
    for (const name of [
      'preprod-result.json',
      'preprod-failures.json',
      'results.json',
      'junit.xml',
      'comparison.json',
      'base/results.json',
      'comment.md',
      'pull-request-number.txt',
    ])
      expect([...files.keys()]).toContain(name);
    expect(json(files, 'preprod-result.json')).toMatchObject({ status: 'blocked', stopReason: 'no_fix_command' });
    const failures = json<{ failures: Array<{ scenario: { file: string } }> }>(files, 'preprod-failures.json');
    expect(failures.failures.map((failure) => failure.scenario.file)).toEqual([
      'archal/close-stale-issues.md',
      'archal/close-stale-issues.md',
    ]);
    // Every run of both sides, each with its record.
    const head = json<{ totals: { runs: number }; scenarios: Array<{ results: Array<{ cacheFile: string }> }> }>(
      files,
      'results.json',
    );
    expect(head.totals).toMatchObject({ runs: 12, passedRuns: 8 });
    for (const scenario of head.scenarios)
      for (const result of scenario.results) expect(files.has(result.cacheFile)).toBe(true);
    expect([...files.keys()].filter((name) => /^runs\/[^/]+\.json$/.test(name))).toHaveLength(12);
    expect([...files.keys()].filter((name) => /^base\/runs\/[^/]+\.json$/.test(name))).toHaveLength(12);
    expect(json(files, 'base/results.json')).toMatchObject({ totals: { runs: 12, passedRuns: 12 } });
    const comparison = json<{ scenarios: Array<{ file: string; verdict: string; pValue: number }> }>(
      files,
      'comparison.json',
    );
    expect(comparison.scenarios.find((s) => s.file === 'archal/close-stale-issues.md')).toMatchObject({
      verdict: 'regressed',
      pValue: expect.closeTo(0.0286, 3),
    });
    expect(files.get('junit.xml')).toMatch(/<testsuites[^>]* tests="12" failures="4"/);
    expect(files.get('comment.md')!.split('\n')[0]).toBe('<!-- archal-preprod check="Archal" -->');
    expect(files.get('pull-request-number.txt')).toBe(`${pull.number}\n`);
    // Nothing the runner gave the Action as a credential is in the artifact.
    for (const [name, text] of files) {
      expect({ name, leaked: text.includes(run.github_token) }).toEqual({ name, leaked: false });
      expect({ name, leaked: text.includes(run.jobs[0]!.runtime_token) }).toEqual({ name, leaked: false });
    }

    expect(first.summary).toContain('```mermaid');
    expect(first.summary).toMatch(/Run: 8\/12 runs passed/);
    expect(first.summary).toMatch(/🔴 regressed/);
    expect(first.summary).toMatch(/`agent_behavior` \| 2 \|/);
    expect(first.summary).toContain(`[Artifact](${first.outputs['artifact-url']})`);
    // The HTML report: in the artifact, and as an artifact of its own (not zipped) that the summary links to.
    const page = (await listArtifacts(repo)).find((artifact) => artifact.name === 'archal-preprod.html')!;
    expect(first.summary).toContain(
      `[HTML report](${repo.clone.apiUrl}/acme/agent/actions/runs/${run.id}/artifacts/${page.id})`,
    );
    const html = await (
      await fetch(`${repo.clone.apiUrl}/repos/acme/agent/actions/artifacts/${page.id}/zip`, {
        headers: { authorization: `token ${repo.clone.token}` },
      })
    ).text();
    expect(html).toBe(files.get('report.html'));
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Close stale issues');
    expect(html).not.toContain(run.github_token);

    // A second push: a new workflow run, a new check run on the new head, the same comment updated, never a second one.
    await repo.git('checkout', '--quiet', 'feature');
    writeFiles(repo.dir, { 'NOTES.md': 'notes\n' });
    await repo.git('add', 'NOTES.md');
    await repo.git('commit', '--quiet', '-m', 'Notes');
    await repo.git('push', '--quiet', 'origin', 'feature');
    const pushed = { ...pull, head: { ref: 'feature', sha: await repo.git('rev-parse', 'HEAD') } };
    await repo.git('checkout', '--quiet', '--detach', pushed.head.sha);
    const second = await runAction(
      repo,
      await workflowRun(repo, pushed),
      pullRequestPayload(repo, pushed, { action: 'synchronize' }),
      { runs: '4', 'fail-on': 'never' },
    );
    expect(second.code).toBe(0);
    const after = repo.clone.handle.state();
    expect(after.checkRuns.map((checkRun) => [checkRun.head_sha, checkRun.conclusion])).toEqual([
      [pull.head.sha, 'failure'],
      [pushed.head.sha, 'neutral'],
    ]);
    const updated = after.comments.filter((comment) => comment.issue_number === pull.number);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.id).toBe(comments[0]!.id);
    expect(updated[0]!.body).toContain(pushed.head.sha.slice(0, 7));
  }, 300_000);

  it('on a fork: writes nothing with the read-only token, refuses the fix inputs, and reports through annotations and the summary', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    // A fork's pull request gets a read-only GITHUB_TOKEN.
    const run = await workflowRun(repo, pull, {
      permissions: { contents: 'read', checks: 'read', pull_requests: 'read', issues: 'read' },
    });
    const before = repo.clone.handle.requests().length;
    const result = await runAction(repo, run, pullRequestPayload(repo, pull, { fork: true }), {
      'compare-base': 'false',
      'fail-on': 'never',
      'fix-command': 'node fix.mjs',
      'allow-external-execution': 'true',
      'open-pr': 'true',
    });
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
      .filter((request) => request.kind !== 'results' && request.kind !== 'blob' && request.method !== 'GET');
    expect(writes).toEqual([]);
    expect(repo.clone.handle.state().checkRuns).toHaveLength(0);
    // The fixer never ran: the working tree still has the bug.
    expect(readFileSync(join(repo.dir, 'triage.mjs'), 'utf8')).toContain("EXEMPT_LABEL = 'keep_open'");
    expect(result.outputs).toMatchObject({ status: 'blocked', 'stop-reason': 'no_fix_command', passed: 'false' });
    expect(result.summary).toMatch(/comes from a fork/);
    // The artifact still goes up: the two-workflow pattern comments from it.
    const files = await artifactFiles(repo, Number(result.outputs['artifact-id']));
    expect(files.get('comment.md')).toContain('<!-- archal-preprod check="Archal" -->');
  }, 180_000);

  it("a review of a fork's pull request (pull_request_review) has the same read-only token: writes nothing, says why", async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull, {
      permissions: { contents: 'read', checks: 'read', pull_requests: 'read', issues: 'read' },
    });
    const payload = pullRequestPayload(repo, pull, { fork: true, action: 'submitted' });
    payload.review = { id: 1, state: 'approved', body: 'LGTM', user: { login: 'maintainer' } };
    const before = repo.clone.handle.requests().length;
    const result = await runAction(
      repo,
      run,
      payload,
      { 'compare-base': 'false', 'fail-on': 'never' },
      { event: 'pull_request_review' },
    );
    expect(result.code).toBe(0);
    const writes = repo.clone.handle
      .requests()
      .slice(before)
      .filter((request) => request.kind !== 'results' && request.kind !== 'blob' && request.method !== 'GET');
    expect(writes).toEqual([]);
    expect(result.summary).toMatch(/comes from a fork/);
  }, 180_000);

  it("pull_request_target on a fork's pull request has the base repository's token: check run and comment, still no fix command", async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(
      repo,
      run,
      pullRequestPayload(repo, pull, { fork: true }),
      {
        'compare-base': 'false',
        'fail-on': 'never',
        'fix-command': 'node fix.mjs',
        'allow-external-execution': 'true',
      },
      { event: 'pull_request_target' },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::Refused 'fix-command', 'allow-external-execution'/);
    const state = repo.clone.handle.state();
    expect(state.checkRuns.map((check) => [check.name, check.head_sha, check.conclusion])).toEqual([
      ['Archal', pull.head.sha, 'neutral'],
    ]);
    expect(state.comments.filter((comment) => comment.issue_number === pull.number)).toHaveLength(1);
    expect(result.summary).not.toMatch(/comes from a fork/);
  }, 180_000);

  it('in a repository that is itself a fork, a pull request between its own branches is not a fork pull request: check run and comment', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull, { repositoryIsFork: true }), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'never',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/comes from a fork/);
    const state = repo.clone.handle.state();
    expect(state.checkRuns.map((check) => [check.head_sha, check.status, check.app])).toEqual([
      [pull.head.sha, 'completed', 'github-actions'],
    ]);
    const comments = state.comments.filter((comment) => comment.issue_number === pull.number);
    expect(comments).toHaveLength(1);
    expect(result.outputs).toMatchObject({
      'check-run-id': String(state.checkRuns[0]!.id),
      'comment-id': String(comments[0]!.id),
    });
  }, 180_000);

  it('without checks: write, still writes the comment (pull-requests: write), and reports the check through annotations', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull, {
      permissions: { contents: 'read', checks: 'read', pull_requests: 'write', issues: 'write' },
    });
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'never',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('::warning::The token may not create check runs');
    const line = lineOf('archal/close-stale-issues.md', 'Exactly 4 issues are closed');
    expect(result.stdout).toContain(`file=archal/close-stale-issues.md,line=${line},endLine=${line}::Criterion c1`);
    const state = repo.clone.handle.state();
    expect(state.checkRuns).toHaveLength(0);
    const comments = state.comments.filter((comment) => comment.issue_number === pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- archal-preprod check="Archal" -->');
    expect(comments[0]!.body).toContain('give the job \\`checks: write\\`');
    expect(result.outputs).toMatchObject({ 'check-run-id': '', 'comment-id': String(comments[0]!.id) });
  }, 180_000);

  it('fail-on: regression with no base compared warns that nothing can fail the step', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'regression',
    });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ passed: 'false', regressions: '0' });
    expect(result.stdout).toContain(
      "::warning::'fail-on: regression' fails only on a scenario that regressed against the pull request's base, and this run compared with no base",
    );
    expect(result.summary).toMatch(/> \[!WARNING\]\n> 'fail\\-on: regression' fails only on a scenario that regressed/);
    // The loop's messages name the Action's inputs, not the CLI's flags.
    expect(result.stdout).toContain("Scenarios fail and no input 'fix-command' or input 'fix-workflow' was given.");
    expect(result.stdout).not.toContain('--fix-command');
    const check = repo.clone.handle.state().checkRuns[0]!;
    expect(check.conclusion).toBe('neutral');
  }, 180_000);

  it("opens the draft fix PR on the pull request's head branch, never pushing to it, with github-token and not the checkout's persisted credentials", async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull);
    // As actions/checkout leaves it: an Authorization header for the server, here another user's token.
    const basic = Buffer.from(`x-access-token:${repo.clone.token}`).toString('base64');
    await repo.git('config', `http.${repo.clone.gitUrl}/.extraheader`, `AUTHORIZATION: basic ${basic}`);
    const before = repo.clone.handle.requests().length;
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fix-command': 'node fix.mjs',
      'allow-external-execution': 'true',
      'open-pr': 'true',
    });
    expect(result.code).toBe(1); // fail-on threshold: the code as pushed fails; the fix is a proposal.
    expect(result.outputs).toMatchObject({
      status: 'passed',
      'stop-reason': 'passed',
      passed: 'false',
      'pull-request-operation': 'created',
    });
    const pulls = repo.clone.handle.state().pullRequests;
    const fix = pulls.find((p) => p.number === Number(result.outputs['pull-request-number']))!;
    expect(fix).toMatchObject({ head: { ref: 'archal/preprod-fix-feature' }, base: { ref: 'feature' }, draft: true });
    expect(result.outputs['pull-request-url']).toMatch(new RegExp(`/acme/agent/pull/${fix.number}$`));
    // The author's branch is where it was; the fix is on its own branch.
    const branches = await api<Array<{ name: string; commit: { sha: string } }>>(repo, '/repos/acme/agent/branches');
    expect(branches.find((branch) => branch.name === 'feature')!.commit.sha).toBe(pull.head.sha);
    const pushes = repo.clone.handle
      .requests()
      .slice(before)
      .filter((request) => request.operationId === 'git/receive-pack');
    expect(pushes.map((push) => [push.actor, push.status])).toEqual([['github-actions[bot]', 200]]);
    expect(result.summary).toMatch(/Draft fix PR #\d+/);
  }, 180_000);

  it('runs a fix workflow on an in-memory store, its runs in the artifact, no database on the runner', async () => {
    const repo = await host({
      '.archal/workflows/fix.yaml': [
        'name: fix',
        'description: The example fixer, as a workflow',
        'nodes:',
        '  - id: patch',
        '    bash: node fix.mjs',
        '',
      ].join('\n'),
    });
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fix-workflow': 'fix',
      'allow-external-execution': 'true',
      'fail-on': 'never',
    });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'passed', 'stop-reason': 'passed' });
    const files = await artifactFiles(repo, Number(result.outputs['artifact-id']));
    const outcome = json<{ attempts: Array<{ fix: { kind: string; workflowRunId?: string } | null }> }>(
      files,
      'preprod-result.json',
    );
    const workflowRunId = outcome.attempts[1]!.fix!.workflowRunId!;
    expect(outcome.attempts[1]!.fix).toMatchObject({ kind: 'workflow' });
    const record = json<{ run: { status: string; workflowName: string }; events: Array<{ type: string }> }>(
      files,
      `workflow-runs/${workflowRunId}.json`,
    );
    expect(record.run).toMatchObject({ status: 'completed', workflowName: 'fix' });
    expect(record.events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['workflow_started', 'workflow_completed']),
    );
    // The HTML report shows the fix workflow's run, read from the same in-memory store.
    expect(files.get('report.html')).toContain(`id="workflow-${workflowRunId}"`);
    expect(existsSync(join(result.home, 'archal.db'))).toBe(false);
  }, 180_000);

  it('shards: two shard jobs upload their slices, a merge job downloads them and reports once, at its own pass-threshold', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull, { jobs: ['shard-1', 'shard-2', 'report'] });
    const payload = pullRequestPayload(repo, pull);
    const shards = [];
    for (const index of [1, 2]) {
      // At pass-threshold 0 every slice passes; the merge job's own threshold (100) decides for the suite.
      const shard = await runAction(
        repo,
        run,
        payload,
        { runs: '4', shard: `${index}/2`, 'pass-threshold': '0' },
        { job: index - 1 },
      );
      expect(shownLog(shard)).toMatch(new RegExp(`^Archal: shard ${index}/2 in \\.`));
      expect(shard.code).toBe(0); // a shard does not fail for failing scenarios: the merge decides
      expect(shard.outputs).toMatchObject({ status: 'passed', 'stop-reason': 'passed', passed: 'true' });
      // results-path and failures-path: the slice's preprod-result.json and preprod-failures.json.
      expect(shard.outputs['results-path']).toMatch(/preprod-result\.json$/);
      expect(shard.outputs['failures-path']).toMatch(/preprod-failures\.json$/);
      expect(JSON.parse(readFileSync(shard.outputs['results-path']!, 'utf8'))).toMatchObject({
        status: 'passed',
        options: { shard: `${index}/2`, passThreshold: 0 },
      });
      expect(JSON.parse(readFileSync(shard.outputs['failures-path']!, 'utf8'))).toMatchObject({ attempt: 0 });
      shards.push(shard);
    }
    // Shards write no check run and no comment.
    expect(repo.clone.handle.state().checkRuns).toHaveLength(0);
    const listedShards = await listArtifacts(repo);
    expect(listedShards.map((artifact) => artifact.name).sort()).toEqual([
      'archal-preprod-shard-1',
      'archal-preprod-shard-2',
    ]);
    for (const [index, shard] of shards.entries()) {
      const listed = listedShards.find((artifact) => artifact.name === `archal-preprod-shard-${index + 1}`)!;
      expect(shard.outputs['artifact-id']).toBe(String(listed.id));
      expect(shard.outputs['artifact-url']).toBe(
        `${repo.clone.apiUrl}/acme/agent/actions/runs/${run.id}/artifacts/${listed.id}`,
      );
    }
    const slices = await Promise.all(shards.map((shard) => artifactFiles(repo, Number(shard.outputs['artifact-id']))));
    expect(json(slices[0]!, 'preprod-result.json')).toMatchObject({ status: 'passed' });
    const runsOf = (files: Map<string, string>, name: string) =>
      json<{ totals: { runs: number } }>(files, name).totals.runs;
    // Each slice holds half the 12 runs, on the head and on the base.
    expect(slices.map((files) => [runsOf(files, 'results.json'), runsOf(files, 'base/results.json')])).toEqual([
      [6, 6],
      [6, 6],
    ]);
    expect(json(slices[1]!, 'shard.json')).toMatchObject({ shard: { index: 2, count: 2 } });

    const merge = await runAction(repo, run, payload, { 'merge-shards': 'true', 'pass-threshold': '100' }, { job: 2 });
    expect(shownLog(merge)).toMatch(/^Archal: merging shards in \./);
    expect(merge.stdout).toContain(
      "::warning::The shards ran with pass-threshold 0; this merge job's pass-threshold 100 decides for the suite.",
    );
    expect(merge.code).toBe(1);
    const state = repo.clone.handle.state();
    expect(state.checkRuns).toHaveLength(1);
    expect(state.checkRuns[0]).toMatchObject({ conclusion: 'failure', head_sha: pull.head.sha });
    expect(state.checkRuns[0]!.output.title).toBe('1 of 3 scenarios below 100% · 1 regression');
    expect(state.comments.filter((comment) => comment.issue_number === pull.number)).toHaveLength(1);
    expect(merge.outputs).toMatchObject({ passed: 'false', regressions: '1', satisfaction: '0' });
    expect(merge.summary).toMatch(/Merged from 2 shards\./);
    expect(merge.summary).toMatch(/Run: 8\/12 runs passed/);
    const all = await listArtifacts(repo);
    const merged = all.find((artifact) => artifact.name === 'archal-preprod')!;
    const page = all.find((artifact) => artifact.name === 'archal-preprod.html')!;
    expect(merge.summary).toContain(`/artifacts/${page.id})`);
    expect(merge.outputs['artifact-id']).toBe(String(merged.id));
    expect(merge.outputs['artifact-url']).toBe(
      `${repo.clone.apiUrl}/acme/agent/actions/runs/${run.id}/artifacts/${merged.id}`,
    );
    const files = await artifactFiles(repo, merged.id);
    expect(json(files, 'results.json')).toMatchObject({
      passThreshold: 100,
      passed: false,
      totals: { runs: 12, passedRuns: 8 },
    });
    expect(json(files, 'preprod-result.json')).toMatchObject({ status: 'blocked', options: { passThreshold: 100 } });
    expect([...files.keys()].filter((name) => /^runs\/[^/]+\.json$/.test(name))).toHaveLength(12);
    expect(json<{ counts: Record<string, number> }>(files, 'comparison.json').counts).toMatchObject({
      regressed: 1,
      unchanged: 2,
    });
  }, 300_000);

  it('agents as they reach GitHub in the wild: fetch() to https://api.github.com (routing: proxy) and GraphQL (routing: both), on a named seed', async () => {
    // No GITHUB_API_URL used: the agent calls GitHub's own URLs, and route mode sends them to the run's clone.
    const agent = `
if (process.env.ARCHAL_PREFLIGHT === '1') {
  console.log(JSON.stringify({ text: 'OK' }));
  process.exit(0);
}
const call = async (path, body) => {
  const res = await fetch('https://api.github.com' + path, {
    method: 'POST',
    headers: { authorization: 'Bearer ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) { console.error(path, res.status, text); process.exit(1); }
  return JSON.parse(text);
};
const graphql = async (query) => {
  const { data, errors } = await call('/graphql', { query });
  if (errors) { console.error(JSON.stringify(errors)); process.exit(1); }
  return data;
};
if ((process.env.AGENT_TASK ?? '').includes('GraphQL')) {
  const { repository } = await graphql('{ repository(owner: "acme", name: "widgets") { issue(number: 2) { id } } }');
  const id = repository.issue.id;
  await graphql(\`mutation { addComment(input: {subjectId: "\${id}", body: "Seen over GraphQL"}) { clientMutationId } }\`);
  await graphql(\`mutation { closeIssue(input: {issueId: "\${id}"}) { issue { state } } }\`);
} else {
  await call('/repos/acme/widgets/issues/1/comments', { body: 'Looked into it' });
}
console.log(JSON.stringify({ text: 'GITHUB_API_URL=' + (process.env.GITHUB_API_URL ?? 'unset') }));
`;
    const scenario = (title: string, prompt: string, criteria: string[], config: string) =>
      `# ${title}\n\n## Prompt\n${prompt}\n\n## Success Criteria\n${criteria.join('\n')}\n\n## Config\nseed: small-project\ntimeout: 60\n${config}`;
    const repo = await host(
      {
        '.archal.json': JSON.stringify({ agent: 'node agent.mjs', scenarios: ['archal'] }),
        'agent.mjs': agent,
        'archal/rest.md': scenario(
          'Comment over REST',
          'Comment on acme/widgets#1.',
          [
            '- [D] issue 1 got the comment => $count($created(github.comments)[issue_number = 1 and body = "Looked into it"]) = 1',
            '- [D] the agent was not told the clone’s URL => run.answer = "GITHUB_API_URL=unset"',
          ],
          'routing: proxy\n',
        ),
        'archal/graphql.md': scenario(
          'Close over GraphQL',
          'Comment on acme/widgets#2 and close it, with GraphQL.',
          [
            '- [D] issue 2 got the comment => $count($created(github.comments)[issue_number = 2 and body = "Seen over GraphQL"]) = 1',
            '- [D] issue 2 is closed => github.issues[number = 2].state = "closed"',
          ],
          '',
        ),
      },
      {},
    );
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), { 'compare-base': 'false', runs: '1' });
    // The step's log in the failure message, should it have uploaded no artifact.
    expect(result.outputs['artifact-id'] ? '' : result.stdout).toBe('');
    const files = await artifactFiles(repo, Number(result.outputs['artifact-id']));
    const results = json<{
      scenarios: Array<{
        title: string;
        results: Array<{ passed: boolean; failureSummary: string | null; harness: { stderrTail: string } }>;
      }>;
    }>(files, 'results.json');
    const runs = results.scenarios.map((s) => [
      s.title,
      s.results[0]!.failureSummary,
      s.results[0]!.harness.stderrTail,
    ]);
    // Node ${process.versions.node} ignores HTTPS_PROXY in fetch(): the preload, with the undici the
    // Action carries, routes it; a missing undici would show here as a warning on stderr.
    expect(runs.sort()).toEqual([
      ['Close over GraphQL', null, ''],
      ['Comment over REST', null, ''],
    ]);
    expect(result.outputs).toMatchObject({ passed: 'true', satisfaction: '100' });
    expect(result.code).toBe(0);
  }, 180_000);

  it.each([
    ['runs', 'abc', "Input 'runs' must be a whole number from 1 to 100 (got 'abc')."],
    ['runs', '500', "Input 'runs' must be a whole number from 1 to 100 (got '500')."],
    ['shard', '5/4', "Input 'shard' shard 5 of 4 does not exist: i must be between 1 and 4."],
    ['fail-on', 'sometimes', "Input 'fail-on' must be one of threshold, regression, never (got 'sometimes')."],
    ['pass-env', 'OK,NOT-A-NAME', "Input 'pass-env' 'NOT-A-NAME' is not an environment variable name."],
  ])('bad input %s: %s fails at once with one message naming the input', async (name, value, message) => {
    const repo = await host();
    const run = await repo.clone.handle.workflowRun({ repo: 'acme/agent' });
    const before = repo.clone.handle.requests().length;
    const result = await runAction(repo, run, { action: 'opened' }, { [name]: value }, { timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(shownLog(result)).toBe(`::error::${message}`);
    expect(repo.clone.handle.requests().length).toBe(before);
  });

  it('a working-directory that is not there fails at once, naming the input, before any write', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const before = repo.clone.handle.requests().length;
    const result = await runAction(
      repo,
      run,
      pullRequestPayload(repo, pull),
      { 'working-directory': 'agents/triage' },
      { timeoutMs: 30_000 },
    );
    expect(result.code).toBe(1);
    expect(shownLog(result)).toMatch(
      /^Archal: pre-prod loop in agents\/triage\n::error::Input 'working-directory' 'agents\/triage' is not a directory of the workspace \(.*\): give the directory of \.archal\.json and the scenarios, relative to the workspace \(the default is '\.'\)\.$/,
    );
    expect(repo.clone.handle.requests().length).toBe(before);
  });

  it('a shard job writes every output of action.yml: the slice, and none of what only the merge job does', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull, { jobs: ['shard-1'] });
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      shard: '1/2',
    });
    expect(result.code).toBe(0);
    const declared = Object.keys(
      (parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { outputs: object }).outputs,
    );
    expect(Object.keys(result.outputs).sort()).toEqual([...declared].sort());
    expect(result.outputs).toMatchObject({
      'check-run-id': '',
      'comment-id': '',
      regressions: '',
      'pull-request-number': '',
      'pull-request-url': '',
      'pull-request-operation': 'none',
    });
    expect(result.outputs.satisfaction).toMatch(/^\d+(\.\d+)?$/);
  }, 180_000);

  it('an invalid .archal.json fails the step with its problems and completes the check run it started as failed', async () => {
    const repo = await host({ '.archal.json': JSON.stringify({ agent: 'node agent.mjs', preprod: { runs: 0 } }) });
    const pull = await openRegressingPull(repo);
    const result = await runAction(
      repo,
      await workflowRun(repo, pull),
      pullRequestPayload(repo, pull),
      {},
      {
        timeoutMs: 30_000,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::Invalid .*\.archal\.json/);
    expect(result.stdout).toMatch(/preprod\.runs/);
    const checks = repo.clone.handle.state().checkRuns;
    expect(checks.map((check) => [check.status, check.conclusion, check.output.title])).toEqual([
      ['completed', 'failure', 'Archal could not run'],
    ]);
  });

  it('a 5xx from GitHub on a write is retried, and once retries run out it is a warning: the scenarios decide the step', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const fault = (method: string, path: string, status: number, times: number) =>
      api(repo, '/_archal/faults', { method: 'POST', body: JSON.stringify({ method, path, status, times }) });
    // Creating the check run fails twice (the retries get it through); the comment fails every time.
    await fault('POST', '^/repos/acme/agent/check-runs$', 502, 2);
    await fault('POST', `^/repos/acme/agent/issues/${pull.number}/comments$`, 500, 10);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'never',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::The pull request comment could not be written \(.*\) after retries/);
    const state = repo.clone.handle.state();
    expect(state.checkRuns.map((check) => check.status)).toEqual(['completed']);
    expect(state.comments.filter((comment) => comment.issue_number === pull.number)).toHaveLength(0);
    expect(result.summary).toContain('could not be written');
    // Three attempts at the comment: the first and two retries.
    const { requests } = await api<{ requests: Array<{ method: string; path: string }> }>(repo, '/_archal/requests');
    const attempts = requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith(`/issues/${pull.number}/comments`),
    );
    expect(attempts).toHaveLength(3);
  }, 180_000);

  it('a check run GitHub keeps failing to create is a warning: the report creates it at the end, the scenarios decide the step', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    // The start of the check run fails on every attempt; the report's create at the end gets through.
    await api(repo, '/_archal/faults', {
      method: 'POST',
      body: JSON.stringify({ method: 'POST', path: '^/repos/acme/agent/check-runs$', status: 503, times: 3 }),
    });
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'never',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::The check run could not be started \(.*\) after retries/);
    const checks = repo.clone.handle.state().checkRuns;
    expect(checks.map((check) => [check.name, check.status])).toEqual([['Archal', 'completed']]);
    expect(result.outputs['check-run-id']).toBe(String(checks[0]!.id));
  }, 180_000);

  it('a check-run create GitHub did but answered 5xx for is not repeated: the retry takes the check run it made', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    await api(repo, '/_archal/faults', {
      method: 'POST',
      body: JSON.stringify({ method: 'POST', path: '^/repos/acme/agent/check-runs$', status: 502, after: true }),
    });
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'never',
    });
    expect(result.code).toBe(0);
    const checks = repo.clone.handle.state().checkRuns;
    expect(checks.map((check) => [check.name, check.status])).toEqual([['Archal', 'completed']]);
    expect(result.outputs['check-run-id']).toBe(String(checks[0]!.id));
    const { requests } = await api<{ requests: Array<{ method: string; path: string }> }>(repo, '/_archal/requests');
    const creates = requests.filter((request) => request.method === 'POST' && request.path.endsWith('/check-runs'));
    expect(creates).toHaveLength(1);
    expect(result.stdout).not.toMatch(/::warning::The check run/);
  }, 180_000);

  it('a comment create GitHub did but answered 5xx for is not repeated: still one comment on the pull request', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    await api(repo, '/_archal/faults', {
      method: 'POST',
      body: JSON.stringify({
        method: 'POST',
        path: `^/repos/acme/agent/issues/${pull.number}/comments$`,
        status: 502,
        after: true,
      }),
    });
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      'compare-base': 'false',
      runs: '1',
      'fail-on': 'never',
      comment: 'always',
    });
    expect(result.code).toBe(0);
    const comments = repo.clone.handle.state().comments.filter((comment) => comment.issue_number === pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.split('\n')[0]).toBe('<!-- archal-preprod check="Archal" -->');
    expect(result.outputs['comment-id']).toBe(String(comments[0]!.id));
    expect(result.stdout).not.toMatch(/::warning::The pull request comment/);
  }, 180_000);

  it('a merge job that fails before its report still writes a completed check run, failed, saying what failed', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull, { jobs: ['report'] });
    const result = await runAction(
      repo,
      run,
      pullRequestPayload(repo, pull),
      { 'merge-shards': 'true' },
      {
        timeoutMs: 60_000,
      },
    );
    expect(result.code).toBe(1);
    const checks = repo.clone.handle.state().checkRuns;
    expect(checks.map((check) => [check.status, check.conclusion, check.output.title])).toEqual([
      ['completed', 'failure', 'Archal: The merge of shards failed'],
    ]);
    expect(checks[0]!.output.summary).toContain("Input 'merge-shards': no artifact named archal-preprod-shard-<n>");
  }, 60_000);

  it("fails with both 'fix-command' and 'fix-workflow', in the inputs' own names", async () => {
    const repo = await host();
    const run = await repo.clone.handle.workflowRun({ repo: 'acme/agent' });
    const result = await runAction(
      repo,
      run,
      { action: 'opened' },
      { 'fix-command': 'node fix.mjs', 'fix-workflow': 'fix' },
      { timeoutMs: 20_000 },
    );
    expect(result.code).toBe(1);
    expect(shownLog(result)).toBe(
      "::error::Input 'fix-workflow' 'fix-command' and 'fix-workflow' are alternatives: give one.",
    );
  });
});

describe('the GitHub Action (dist/index.js): what to run and where to report', () => {
  it('tags pick the scenarios; check-name names the check run and keys the comment; comment: on-failure and never', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const payload = pullRequestPayload(repo, pull);
    const comments = () => repo.clone.handle.state().comments.filter((comment) => comment.issue_number === pull.number);
    const checks = () => repo.clone.handle.state().checkRuns.map((check) => [check.name, check.conclusion]);

    // Only the 'labels' scenario, which passes: no comment on a success with on-failure.
    const passing = await runAction(repo, run, payload, {
      runs: '1',
      tags: 'labels',
      'check-name': 'Agent gate',
      comment: 'on-failure',
    });
    expect(passing.code).toBe(0);
    expect(passing.outputs).toMatchObject({ passed: 'true', 'comment-id': '' });
    expect(checks()).toEqual([['Agent gate', 'success']]);
    expect(passing.summary).toContain('Label bug reports');
    expect(passing.summary).not.toContain('Close stale issues');
    expect(comments()).toEqual([]);

    // The 'stale' scenarios fail; comment: never still writes none.
    const never = await runAction(repo, run, payload, {
      runs: '1',
      tags: 'stale',
      'check-name': 'Agent gate',
      comment: 'never',
    });
    expect(never.code).toBe(1);
    expect(never.outputs).toMatchObject({ passed: 'false', 'comment-id': '' });
    expect(never.summary).toContain('Close stale issues');
    expect(never.summary).not.toContain('Label bug reports');
    expect(comments()).toEqual([]);

    // on-failure with a failure: one comment, keyed by the check's name; another check name gets its own.
    const failing = await runAction(repo, run, payload, {
      runs: '1',
      tags: 'stale',
      'check-name': 'Agent gate',
      comment: 'on-failure',
    });
    expect(failing.code).toBe(1);
    expect(comments().map((comment) => [String(comment.id), comment.body.split('\n')[0]])).toEqual([
      [failing.outputs['comment-id'], '<!-- archal-preprod check="Agent gate" -->'],
    ]);
    const other = await runAction(repo, run, payload, { runs: '1', tags: 'stale' });
    expect(other.code).toBe(1);
    expect(comments().map((comment) => comment.body.split('\n')[0])).toEqual([
      '<!-- archal-preprod check="Agent gate" -->',
      '<!-- archal-preprod check="Archal" -->',
    ]);
    expect(checks()).toEqual([
      ['Agent gate', 'success'],
      ['Agent gate', 'failure'],
      ['Agent gate', 'failure'],
      ['Archal', 'failure'],
    ]);
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): validation-command and pass-env', () => {
  it('runs validation-command once the scenarios pass, with the pass-env variables and none of the others; its failure is the status and the summary says so', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const payload = pullRequestPayload(repo, pull);
    const seen = join(tempDir('archal-validation-'), 'seen.json');
    const validate = (exit: number) =>
      `node -e "require('fs').writeFileSync('${seen}', JSON.stringify({ shared: process.env.SHARED_VAR ?? null, kept: process.env.KEPT_SECRET ?? null, token: process.env['INPUT_GITHUB-TOKEN'] ?? null })); process.exit(${exit})"`;
    const inputs = {
      runs: '1',
      tags: 'labels',
      'compare-base': 'false',
      'allow-external-execution': 'true',
      'pass-env': 'SHARED_VAR',
    };
    const env = { SHARED_VAR: 'shared-value', KEPT_SECRET: 'kept-secret-value' };
    const ok = await runAction(repo, run, payload, { ...inputs, 'validation-command': validate(0) }, { env });
    expect(ok.code).toBe(0);
    expect(ok.outputs).toMatchObject({ status: 'passed', passed: 'true' });
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ shared: 'shared-value', kept: null, token: null });

    const failed = await runAction(repo, run, payload, { ...inputs, 'validation-command': validate(3) }, { env });
    expect(failed.outputs).toMatchObject({ status: 'validation_failed', passed: 'true' });
    expect(failed.summary).toContain('the validation command failed \\(exit 3\\)');
  }, 180_000);

  it('does not run validation-command without allow-external-execution, and says so', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const marker = join(tempDir('archal-validation-'), 'ran');
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      tags: 'labels',
      'compare-base': 'false',
      'validation-command': `node -e "require('fs').writeFileSync('${marker}', '')"`,
    });
    expect(existsSync(marker)).toBe(false);
    expect(result.outputs).toMatchObject({ status: 'blocked', 'stop-reason': 'external_execution_disabled' });
    expect(result.stdout).toContain('allow-external-execution');
  }, 180_000);
});

describe('the GitHub Action (dist/index.js) in a checkout as actions/checkout makes it', () => {
  it('a shallow checkout of the head with the token as an extraheader: the base is fetched and compared', async () => {
    const repo = await host();
    const pull = await openRegressingPull(repo);
    const run = await workflowRun(repo, pull);
    // actions/checkout: fetch-depth 1, the workflow token persisted as an Authorization header, no helper.
    const dir = join(tempDir('archal-checkout-'), 'agent');
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${run.github_token}`).toString('base64')}`;
    const gitEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GIT_TERMINAL_PROMPT: '0' };
    // Async: the clone serves git from this process.
    const gitIn = async (cwd: string, ...args: string[]) =>
      (await promisify(execFile)('git', args, { cwd, env: gitEnv })).stdout.trim();
    mkdirSync(dir);
    await gitIn(dir, 'init', '--quiet');
    await gitIn(dir, 'remote', 'add', 'origin', `${repo.clone.gitUrl}/acme/agent.git`);
    await gitIn(dir, 'config', `http.${repo.clone.gitUrl}/.extraheader`, header);
    await gitIn(dir, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', pull.head.sha);
    await gitIn(dir, 'checkout', '--quiet', '--detach', pull.head.sha);
    await expect(gitIn(dir, 'cat-file', '-e', `${pull.base.sha}^{commit}`)).rejects.toThrow();
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
    const result = await runAction({ ...repo, dir }, run, pullRequestPayload(repo, pull), { runs: '4' });
    expect(result.stdout).not.toContain('The base was not compared');
    expect(result.outputs.regressions).toBe('1');
    expect(result.summary).toMatch(/Close stale issues \| 0% \| 100% \| -100 \| 🔴 regressed/);
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): scenarios input', () => {
  it('a scenarios path that is not there fails the step naming the input and the path, and completes the check run as failed', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      scenarios: 'archal/label-bug-reports.md, archal/nope.md',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "::error::Input 'scenarios': 1 problem(s) in the scenarios:%0A  archal/nope.md: no such file or directory",
    );
    expect(
      repo.clone.handle.state().checkRuns.map((check) => [check.status, check.conclusion, check.output.title]),
    ).toEqual([['completed', 'failure', 'Archal could not run']]);
  }, 180_000);

  it('no scenario to run (a directory without any, or tags that match none) fails the step, naming the inputs to give', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const tagged = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      tags: 'no-such-tag',
      'compare-base': 'false',
    });
    expect(tagged.code).toBe(1);
    expect(tagged.stdout).toMatch(
      /::error::.*No scenarios to run: none of the \d+ scenario file\(s\) found has one of the tags of input 'tags'/,
    );
    expect(tagged.outputs).toMatchObject({ status: 'blocked', 'stop-reason': 'no_scenarios', passed: 'false' });
    mkdirSync(join(repo.dir, 'drafts'));
    const empty = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      scenarios: 'drafts',
      'compare-base': 'false',
    });
    expect(empty.code).toBe(1);
    expect(empty.stdout).toMatch(/::error::.*No scenarios to run.*input 'scenarios'/);
    expect(repo.clone.handle.state().checkRuns.map((check) => [check.status, check.conclusion])).toEqual([
      ['completed', 'failure'],
      ['completed', 'failure'],
    ]);
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): retention-days', () => {
  it('keeps the artifact for retention-days', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const started = Date.now();
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      tags: 'labels',
      'compare-base': 'false',
      'retention-days': '3',
    });
    expect(result.code).toBe(0);
    const { artifacts } = await api<{ artifacts: Array<{ id: number; expires_at: string }> }>(
      repo,
      '/repos/acme/agent/actions/artifacts?name=archal-preprod',
    );
    const artifact = artifacts.find((candidate) => String(candidate.id) === result.outputs['artifact-id'])!;
    const days = (Date.parse(artifact.expires_at) - started) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);
  }, 180_000);
});

describe('the GitHub Action (dist/index.js) without the artifact service', () => {
  it('no ACTIONS_RUNTIME_TOKEN: a warning, empty artifact outputs, and the scenarios decide the step', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(
      repo,
      run,
      pullRequestPayload(repo, pull),
      { runs: '1', tags: 'labels', 'compare-base': 'false' },
      { env: { ACTIONS_RUNTIME_TOKEN: '' } },
    );
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ 'artifact-id': '', 'artifact-url': '', passed: 'true' });
    expect(result.stdout).toContain(
      '::warning::Could not upload the artifact archal-preprod: Unable to get the ACTIONS_RUNTIME_TOKEN env variable',
    );
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): harness', () => {
  it('a harness that cannot start fails the step with the reason in its error, not the stop reason alone', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      tags: 'labels',
      'compare-base': 'false',
      harness: 'node missing-agent.mjs',
    });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'blocked', 'stop-reason': 'harness_setup', satisfaction: '' });
    expect(result.stdout).toMatch(
      /^::error::Not run: harness setup: The harness failed its preflight: .*Cannot find module .*missing-agent\.mjs/m,
    );
  }, 180_000);
});

describe('the GitHub Action (dist/index.js) on a push', () => {
  /** A push event's payload for the branch's head commit, as GitHub sends it. */
  function pushPayload(run: WorkflowRunResponse): Record<string, unknown> {
    return {
      ref: run.env.GITHUB_REF,
      before: '0'.repeat(40),
      after: run.env.GITHUB_SHA,
      repository: { name: 'agent', full_name: 'acme/agent', owner: { login: 'acme', name: 'acme' } },
      sender: { login: 'octocat' },
    };
  }

  it('puts the check run on the pushed commit, writes no comment, compares no base, fails the step below the threshold, and opens the fix PR on the pushed branch', async () => {
    const repo = await host();
    const sha = await repo.git('rev-parse', 'HEAD');
    const run = await repo.clone.handle.workflowRun({
      repo: 'acme/agent',
      event: 'push',
      head_branch: 'main',
      head_sha: sha,
    });
    expect(run.env).toMatchObject({ GITHUB_REF: 'refs/heads/main', GITHUB_SHA: sha });
    const result = await runAction(
      repo,
      run,
      pushPayload(run),
      {
        runs: '1',
        'fix-command': 'node fix.mjs',
        'allow-external-execution': 'true',
        'open-pr': 'true',
      },
      { event: 'push' },
    );
    expect(result.code).toBe(1);
    const state = repo.clone.handle.state();
    expect(state.checkRuns.map((check) => [check.name, check.head_sha, check.status, check.conclusion])).toEqual([
      ['Archal', sha, 'completed', 'failure'],
    ]);
    expect(state.comments).toEqual([]);
    expect(result.outputs).toMatchObject({
      passed: 'false',
      regressions: '0',
      'comment-id': '',
      'check-run-id': String(state.checkRuns[0]!.id),
      'pull-request-operation': 'created',
    });
    const fix = state.pullRequests.find((p) => p.number === Number(result.outputs['pull-request-number']))!;
    expect(fix).toMatchObject({ head: { ref: 'archal/preprod-fix-main' }, base: { ref: 'main' }, draft: true });
    expect(result.summary).toMatch(/Close stale issues/);
    expect(result.summary).not.toMatch(/regressed|Base %/);
  }, 180_000);

  it("on a merge queue's group (merge_group): the check run on the group's commit, and no fix PR onto the queue's temporary branch", async () => {
    const repo = await host();
    const baseSha = await repo.git('rev-parse', 'HEAD');
    // GitHub builds the group on gh-readonly-queue/<base>/pr-<n>-<base sha> and deletes it once the group is done.
    const queueBranch = `gh-readonly-queue/main/pr-7-${baseSha}`;
    await repo.git('checkout', '--quiet', '-b', queueBranch);
    writeFiles(repo.dir, { 'NOTES.md': 'notes\n' });
    await repo.git('add', 'NOTES.md');
    await repo.git('commit', '--quiet', '-m', 'Merge pull request #7');
    await repo.git('push', '--quiet', 'origin', queueBranch);
    const sha = await repo.git('rev-parse', 'HEAD');
    await repo.git('checkout', '--quiet', '--detach', sha);
    const run = await repo.clone.handle.workflowRun({
      repo: 'acme/agent',
      event: 'merge_group',
      head_branch: queueBranch,
      head_sha: sha,
    });
    const payload = {
      action: 'checks_requested',
      merge_group: {
        head_sha: sha,
        head_ref: `refs/heads/${queueBranch}`,
        base_sha: baseSha,
        base_ref: 'refs/heads/main',
        head_commit: { id: sha, tree_id: sha, message: 'Merge pull request #7', timestamp: new Date().toISOString() },
      },
      repository: { name: 'agent', full_name: 'acme/agent', owner: { login: 'acme', name: 'acme' } },
      sender: { login: 'github-merge-queue[bot]', type: 'Bot' },
    };
    const result = await runAction(
      repo,
      run,
      payload,
      { runs: '1', 'fix-command': 'node fix.mjs', 'allow-external-execution': 'true', 'open-pr': 'true' },
      { event: 'merge_group', env: { GITHUB_REF: `refs/heads/${queueBranch}`, GITHUB_SHA: sha } },
    );
    expect(result.code).toBe(1);
    const state = repo.clone.handle.state();
    expect(state.checkRuns.map((check) => [check.name, check.head_sha, check.status, check.conclusion])).toEqual([
      ['Archal', sha, 'completed', 'failure'],
    ]);
    expect(state.pullRequests).toEqual([]);
    expect(result.outputs).toMatchObject({ 'stop-reason': 'detached_head', 'pull-request-operation': 'none' });
    expect(result.stdout).toContain("merge queue's temporary branch");
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): two steps of it in one job', () => {
  it("a second step (another working-directory or agent) leaves the first step's results-path and failures-path in place", async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    // Steps of one job share RUNNER_TEMP and GITHUB_RUN_ID.
    const runnerTemp = tempDir('archal-runner-temp-');
    const step = (inputs: Record<string, string>) =>
      runAction(
        repo,
        run,
        pullRequestPayload(repo, pull),
        { runs: '1', 'compare-base': 'false', comment: 'never', ...inputs },
        { env: { RUNNER_TEMP: runnerTemp } },
      );
    const first = await step({ tags: 'labels', 'check-name': 'Archal labels', 'artifact-name': 'labels' });
    expect(first.code).toBe(0);
    const second = await step({ tags: 'labels', 'check-name': 'Archal again', 'artifact-name': 'again' });
    expect(second.code).toBe(0);
    for (const output of ['results-path', 'failures-path'] as const) {
      expect(first.outputs[output]).not.toBe(second.outputs[output]);
      expect(existsSync(first.outputs[output]!)).toBe(true);
      expect(existsSync(second.outputs[output]!)).toBe(true);
    }
    expect(JSON.parse(readFileSync(first.outputs['results-path']!, 'utf8'))).toMatchObject({ status: 'passed' });
  }, 360_000);
});

describe('the GitHub Action (dist/index.js): a cancelled job', () => {
  it('the post step completes the check run a cancelled step left in progress, as cancelled; after a finished step it changes nothing', async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: Record<string, string> };
    // The runner runs `runs.post` after the job's steps, cancelled or not (post-if defaults to always()).
    expect(action.runs).toMatchObject({ main: 'dist/index.js', post: 'dist/index.js' });
    expect(action.runs['post-if']).toBeUndefined();
    const checks = () => repo.clone.handle.state().checkRuns;
    const main = await runAction(
      repo,
      run,
      pullRequestPayload(repo, pull),
      { runs: '1', 'compare-base': 'false', harness: `node -e "setTimeout(() => {}, 600000)"` },
      // Once the step has started its check run and is at the scenarios (the agent never answers).
      { cancelWhen: (state) => 'archal-check-run' in state, timeoutMs: 60_000 },
    );
    expect(main.code).not.toBe(0);
    expect(checks().map((check) => check.status)).toEqual(['in_progress']);
    const post = await runAction(repo, run, pullRequestPayload(repo, pull), {}, { env: main.state, timeoutMs: 30_000 });
    expect(post.code).toBe(0);
    expect(checks().map((check) => [check.status, check.conclusion])).toEqual([['completed', 'cancelled']]);
    expect(checks()[0]!.output.summary).toMatch(/cancelled or timed out/);
    expect(post.stdout).toMatch(/completed as cancelled/);

    // A step that finished: its post step leaves the completed check run as it is.
    const finished = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      tags: 'labels',
      'compare-base': 'false',
      'check-name': 'Archal labels',
    });
    expect(finished.code).toBe(0);
    const before = JSON.stringify(checks());
    const after = await runAction(
      repo,
      run,
      pullRequestPayload(repo, pull),
      { 'check-name': 'Archal labels' },
      { env: finished.state, timeoutMs: 30_000 },
    );
    expect(after.code).toBe(0);
    expect(JSON.stringify(checks())).toBe(before);
  }, 240_000);
});

describe('the GitHub Action (dist/index.js): two runs of one pull request', () => {
  it("a run of an older commit that ends after the newer commit's run has started leaves the comment to it, still completing its own check run", async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const older = pull.head.sha;
    await repo.git('checkout', '--quiet', 'feature');
    writeFiles(repo.dir, { 'NOTES.md': 'more notes\n' });
    await repo.git('commit', '--quiet', '-am', 'More notes');
    await repo.git('push', '--quiet', 'origin', 'feature');
    const newer = await repo.git('rev-parse', 'HEAD');
    await repo.git('checkout', '--quiet', '--detach', newer);
    const inputs = { runs: '1', tags: 'labels', 'compare-base': 'false' };
    const newerPull = { ...pull, head: { ref: 'feature', sha: newer } };
    const newerRun = await workflowRun(repo, newerPull);
    const first = await runAction(repo, newerRun, pullRequestPayload(repo, newerPull), inputs);
    expect(first.code).toBe(0);
    const comments = () => repo.clone.handle.state().comments.filter((comment) => comment.issue_number === pull.number);
    expect(comments().map((comment) => String(comment.id))).toEqual([first.outputs['comment-id']]);
    const written = comments()[0]!.body;
    expect(written).toContain(`/actions/runs/${newerRun.id})`);

    // The older commit's run, slower, ends last.
    await repo.git('checkout', '--quiet', '--detach', older);
    const olderRun = await workflowRun(repo, pull);
    const last = await runAction(repo, olderRun, pullRequestPayload(repo, pull), inputs);
    expect(last.code).toBe(0);
    expect(comments().map((comment) => comment.body)).toEqual([written]);
    expect(last.outputs['comment-id']).toBe('');
    expect(last.stdout).toContain(
      `The pull request's head is now ${newer.slice(0, 7)}, newer than this run's ${older.slice(0, 7)}, and its run has started: the comment is left to it.`,
    );
    expect(last.summary).toContain(`newer than this run's ${older.slice(0, 7)}`);
    const checks = repo.clone.handle.state().checkRuns.map((check) => [check.head_sha, check.status, check.conclusion]);
    expect(checks).toEqual([
      [newer, 'completed', 'success'],
      [older, 'completed', 'success'],
    ]);
  }, 240_000);
});

describe('the GitHub Action (dist/index.js) on an event it was not made for', () => {
  it("issue_comment on a pull request: a warning that it tested the default branch's commit, not the pull request, in the log and the summary", async () => {
    const repo = await host();
    const pull = await openPull(repo);
    const main = pull.base.sha;
    await repo.git('checkout', '--quiet', '--detach', main);
    const run = await repo.clone.handle.workflowRun({
      repo: 'acme/agent',
      event: 'issue_comment',
      head_branch: 'main',
      head_sha: main,
    });
    const payload = {
      action: 'created',
      issue: {
        number: pull.number,
        pull_request: { url: `${repo.clone.apiUrl}/repos/acme/agent/pulls/${pull.number}` },
      },
      comment: { id: 1, body: '/archal' },
      repository: { name: 'agent', full_name: 'acme/agent', owner: { login: 'acme', name: 'acme' } },
      sender: { login: 'octocat' },
    };
    const result = await runAction(
      repo,
      run,
      payload,
      { runs: '1', tags: 'labels' },
      { event: 'issue_comment', env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: main } },
    );
    expect(result.code).toBe(0);
    const warning = `on issue_comment it tested the workflow's commit (GITHUB_SHA ${main.slice(0, 7)}, the default branch's latest for most events), with no pull request: no base comparison, no comment, and the check run goes on that commit.`;
    expect(result.stdout).toMatch(
      /^::warning::The Action runs on pull_request, pull_request_target, .*release; on issue_comment/m,
    );
    expect(result.stdout).toContain(warning);
    expect(result.summary).toContain('on issue\\_comment it tested');
    const state = repo.clone.handle.state();
    expect(state.checkRuns.map((check) => [check.head_sha, check.conclusion])).toEqual([[main, 'success']]);
    expect(state.comments).toEqual([]);
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): annotations in the log', () => {
  it('with no check run to carry them, logs at most the 10 error annotations GitHub shows per step, and a notice counting the rest', async () => {
    const criteria = Array.from(
      { length: 12 },
      (_, index) => `- [D] Impossible ${index + 1} => $count(github.issues) = ${1000 + index}`,
    );
    const scenario = readFileSync(join(EXAMPLE, 'archal', 'label-bug-reports.md'), 'utf8')
      .replace('# Label bug reports', '# Many failures')
      .replace(/## Success Criteria\n[\s\S]*?\n\n/, `## Success Criteria\n${criteria.join('\n')}\n\n`)
      .replace('tags: triage, labels', 'tags: many');
    const repo = await host({ 'archal/many-failures.md': scenario });
    const pull = await openPull(repo);
    const run = await workflowRun(repo, pull);
    const result = await runAction(repo, run, pullRequestPayload(repo, pull), {
      runs: '1',
      tags: 'many',
      'compare-base': 'false',
      'fail-on': 'never',
      'github-token': '',
    });
    expect(result.code).toBe(0);
    const errors = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error ') && line.includes(',file=archal/many-failures.md,'));
    expect(errors).toHaveLength(10);
    expect(result.stdout).toContain(
      '::notice::2 more failing criteria are not annotated here: GitHub shows 10 error and 10 warning annotations per step. The job summary lists the failing scenarios; preprod-failures.json in the artifact holds every failure.',
    );
  }, 180_000);
});

describe('the GitHub Action (dist/index.js): the token', () => {
  it('masks github-token first thing, in the main step and the post step, whatever source the workflow took it from', async () => {
    const repo = await host();
    const run = await repo.clone.handle.workflowRun({ repo: 'acme/agent' });
    const main = await runAction(repo, run, { action: 'opened' }, { runs: 'abc' }, { timeoutMs: 20_000 });
    expect(main.code).toBe(1);
    expect(main.stdout.split('\n')[0]).toBe(`::add-mask::${run.github_token}`);
    const post = await runAction(repo, run, { action: 'opened' }, {}, { env: main.state, timeoutMs: 20_000 });
    expect(post.code).toBe(0);
    expect(post.stdout.split('\n')[0]).toBe(`::add-mask::${run.github_token}`);
  });
});
