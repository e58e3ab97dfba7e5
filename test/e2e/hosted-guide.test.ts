import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT, runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

const run = promisify(execFile);

/**
 * What a user following Archal's hosted guide ("First preflight") meets first: `archal init`, then
 * the guide's smoke test of the harness, run by hand before any loop spends attempts.
 */
describe("Archal's first preflight, followed here", () => {
  it("the harness archal init writes passes the guide's smoke test verbatim, before any npm install", async () => {
    const dir = tempRepo('archal-guide-');
    expect((await runCli(['--cwd', dir, 'init'])).code).toBe(0);
    // Run by hand: no clone, so none of the variables a run gives, and no node_modules yet.
    const env = { PATH: process.env.PATH ?? '', HOME: dir, AGENT_TASK: 'Reply with OK and do not use tools.' };
    const smoke = await run('node', ['./.archal/harness.mjs'], { cwd: dir, env });
    expect(JSON.parse(smoke.stdout)).toEqual({ text: 'OK' });
    // It says why it did not reach GitHub, on stderr where logs go.
    expect(smoke.stderr).toContain('there is no GitHub clone to read');
    // Under archal run, its preflight still loads the GitHub client it needs, and names what to install.
    const preflight = await runCli(['--cwd', dir, 'run', '--preflight-only']);
    expect(preflight.code).toBe(1);
    expect(preflight.stderr).toContain('@octokit/rest is not installed (npm install --save-dev @octokit/rest)');
  });
});

describe("Archal's account commands, where there is no account", () => {
  it('login, logout and whoami say there is no account and what to set instead, exit 0', async () => {
    const dir = tempRepo('archal-guide-');
    for (const args of [['login'], ['login', '--no-browser'], ['login', '--device'], ['logout'], ['whoami']]) {
      const result = await runCli(['--cwd', dir, ...args]);
      expect({ args, code: result.code }).toEqual({ args, code: 0 });
      expect(result.stdout).toContain('no account');
      expect(result.stdout).toContain('agentPassEnv');
      expect(result.stdout).toContain('ARCHAL_TOKEN is not needed');
      // The steps it gives pass when followed: the template's preflight needs its GitHub client.
      expect(result.stdout).toMatch(
        /harness\.mjs,\s+npm install --save-dev @octokit\/rest,\s+npx archal run --preflight-only/,
      );
    }
    // A CI script's `archal login --token "$ARCHAL_TOKEN"` goes on, and the token is never printed.
    const withToken = await runCli(['--cwd', dir, 'login', '--token', 'archal_ws_s3cr3t', '--json']);
    expect(withToken.code).toBe(0);
    expect(withToken.stdout + withToken.stderr).not.toContain('archal_ws_s3cr3t');
    expect(JSON.parse(withToken.stdout)).toEqual({ account: null, message: expect.stringContaining('no account') });
  });

  it('usage summarises the scenario runs recorded in the repository, this month and in all', async () => {
    const dir = tempRepo('archal-guide-');
    const empty = await runCli(['--cwd', dir, 'usage', '--json']);
    expect(empty.code).toBe(0);
    const zero = { suites: 0, scenarioRuns: 0, passedRuns: 0, durationMs: 0 };
    expect(JSON.parse(empty.stdout)).toEqual({
      account: null,
      cacheDir: join(dir, '.archal', 'cache'),
      thisMonth: { since: expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\.000Z$/), ...zero },
      all: zero,
    });
    writeFiles(dir, {
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
      'agent.mjs': `console.log(JSON.stringify({ text: 'ok' }));`,
      'archal/a.md':
        '# A\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nclones: github\n',
    });
    expect((await runCli(['--cwd', dir, 'run', '-q', '-n', '2'], { timeoutMs: 60_000 })).code).toBe(0);
    // An old suite, from before this month, counts in all only.
    const last = JSON.parse(readFileSync(join(dir, '.archal', 'cache', 'last-run.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFiles(dir, {
      '.archal/cache/suites/old.json': JSON.stringify({
        ...last,
        suiteId: 'old',
        startedAt: '2020-01-01T00:00:00.000Z',
      }),
    });
    const used = await runCli(['--cwd', dir, 'usage', '--json']);
    expect(used.code).toBe(0);
    const answer = JSON.parse(used.stdout) as { thisMonth: Record<string, number>; all: Record<string, number> };
    expect(answer.thisMonth).toMatchObject({ suites: 1, scenarioRuns: 2, passedRuns: 2 });
    expect(answer.thisMonth.durationMs).toBeGreaterThan(0);
    expect(answer.all).toMatchObject({ suites: 2, scenarioRuns: 4, passedRuns: 4 });
    const text = await runCli(['--cwd', dir, 'usage']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no account');
    expect(text.stdout).toMatch(/this month.*1 suite, 2 scenario runs \(2 passed\)/);
  });
});

describe("Archal's newer name of the post-prod loop", () => {
  it('runs `archal autoloop` as `archal attach`', async () => {
    const repo = tempDir('archal-autoloop-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    mkdirSync(join(repo, 'traces'));
    copyFileSync(
      join(REPO_ROOT, 'examples', 'triage-agent', 'prod-traces', 'label-bugs-2025-06-03.jsonl'),
      join(repo, 'traces', 'a.jsonl'),
    );
    const result = await runCli(
      ['autoloop', 'traces', '--repo', repo, '--once', '--execution-policy', 'grade', '--json'],
      { env, timeoutMs: 60_000 },
    );
    expect(result.code).toBe(0);
    const jobs = (JSON.parse(result.stdout) as { jobs: Array<{ traceId: string; stage: string; status: string }> })
      .jobs;
    expect(jobs.map((job) => [job.traceId, job.stage, job.status])).toEqual([
      ['label-bugs-2025-06-03', 'grade', 'passed'],
    ]);
    expect((await runCli(['--help'])).stdout).toMatch(/attach\|autoloop/);
  });
});

describe('a repository-local harness, found without config', () => {
  it('is found from a subfolder of the repository too, and never above the repository', async () => {
    const repo = tempRepo('archal-guide-');
    writeFiles(repo, {
      '.archal/harness.mjs': `console.log(JSON.stringify({ text: 'OK from ' + process.env.AGENT_TASK }));`,
      'packages/app/README.md': 'a subfolder\n',
    });
    const sub = join(repo, 'packages', 'app');
    const found = await runCli(['--cwd', sub, 'run', '--preflight-only']);
    expect(found.stderr).toBe('');
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('Preflight passed: ../../.archal/harness.mjs');
    // preprod plan finds the same harness, and names it in the .archal.json it writes.
    const plan = await runCli(['--cwd', sub, 'preprod', 'plan', '--write-config', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(readFileSync(join(sub, '.archal.json'), 'utf8'))).toMatchObject({
      agent: '../../.archal/harness.mjs',
    });
    // A harness at the top of the repository (Archal's top-level harness.mjs) is found as well.
    const top = tempRepo('archal-guide-');
    writeFiles(top, { 'harness.mjs': `console.log('{"text":"OK"}');`, 'src/x.txt': '' });
    const atTop = await runCli(['--cwd', join(top, 'src'), 'run', '--preflight-only']);
    expect(atTop.code).toBe(0);
    expect(atTop.stdout).toContain('Preflight passed: ../harness.mjs');
    // Outside the repository, it is not the repository's harness.
    const outside = tempDir('archal-guide-');
    writeFiles(outside, { 'harness.mjs': `console.log('{"text":"OK"}');`, 'repo/x.txt': '' });
    execFileSync('git', ['init', '--quiet', join(outside, 'repo')]);
    const none = await runCli(['--cwd', join(outside, 'repo'), 'run', '--preflight-only']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No agent to test');
  });
});

describe("Archal's other hosted commands", () => {
  it('harness check runs the harness once in preflight mode, as run --preflight-only does', async () => {
    const repo = tempRepo('archal-guide-');
    writeFiles(repo, {
      'agent/harness.mjs': `console.log(JSON.stringify({ text: process.env.ARCHAL_PREFLIGHT === '1' ? 'OK' : 'no' }));`,
      'broken.mjs': `process.stderr.write('boom\\n'); process.exit(3);`,
    });
    const ok = await runCli(['--cwd', repo, 'harness', 'check', 'agent']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ Preflight passed: agent/harness.mjs');
    const bad = await runCli(['--cwd', repo, 'harness', 'check', 'broken.mjs', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ preflight: { passed: false, stderrTail: 'boom' } });
    const missing = await runCli(['--cwd', repo, 'harness', 'check', './nope.mjs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Harness ./nope.mjs not found');
  });

  it('commands of the hosted workspace say what to do here instead, exit 2', async () => {
    const repo = tempRepo('archal-guide-');
    const cases: Array<[string[], string]> = [
      [['harness', 'list'], 'archal harness check'],
      [['harness', 'create', 'mine', '--harness', 'x.mjs'], '.archal/harness.mjs'],
      [['workspace', 'api-key', 'create', 'ci'], 'archal login'],
      [['seed', 'list'], 'archal clone seeds'],
      [['agent', 'list'], '.archal/harness.mjs'],
      [['inspect', 'run', 'r1'], 'archal view'],
      [['export', 'run', 'r1'], '.archal/cache/runs/'],
      [['scenario', 'push', 'a.md'], 'archal scenario validate'],
      [['config', 'show'], 'archal config validate'],
      [['clone', 'tools', 'github'], 'archal clone operations'],
      [['twin', 'status'], 'archal clone start'],
      [['clone', 'reset'], 'POST /_archal/reset'],
      [['config', 'set', 'evaluatorModel', 'x'], '.archal.json'],
    ];
    for (const [args, hint] of cases) {
      const result = await runCli(['--cwd', repo, ...args]);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain("Archal's hosted");
      expect(result.stderr).toContain(hint);
    }
  });

  it('config set telemetry goes on (exit 0): there is no telemetry to turn off', async () => {
    for (const value of ['false', 'true']) {
      const result = await runCli(['config', 'set', 'telemetry', value]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('sends no telemetry');
    }
  });

  it('a failed preflight names the model keys the agent was not given, never their values', async () => {
    const repo = tempRepo('archal-guide-');
    writeFiles(repo, {
      'agent.mjs': `if (!process.env.OPENAI_API_KEY) { console.error('Error: OPENAI_API_KEY is missing'); process.exit(1); } console.log('{"text":"OK"}');`,
    });
    const env = { OPENAI_API_KEY: 'sk-planted-value-123', ANTHROPIC_API_KEY: 'sk-ant-planted-456' };
    const failed = await runCli(['--cwd', repo, 'harness', 'check', 'agent.mjs'], { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'not given to the agent: ANTHROPIC_API_KEY, OPENAI_API_KEY (credentials reach it only when .archal.json "agentPassEnv" names them)',
    );
    expect(failed.stdout + failed.stderr).not.toContain('planted');
    // A scenario run that fails the same way says the same.
    writeFiles(repo, {
      'archal/a.md':
        '# A\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nclones: github\n',
    });
    const ran = await runCli(['--cwd', repo, 'run', '--harness', 'agent.mjs', '--json', '-q'], {
      env,
      timeoutMs: 60_000,
    });
    expect(ran.code).toBe(0);
    const result = (JSON.parse(ran.stdout) as { scenarios: Array<{ results: Array<{ failureSummary: string }> }> })
      .scenarios[0]!.results[0]!;
    expect(result.failureSummary).toBe(
      'the agent exited with code 1; not given to the agent: ANTHROPIC_API_KEY, OPENAI_API_KEY (credentials reach it only when .archal.json "agentPassEnv" names them)',
    );
    expect(ran.stdout).not.toContain('planted');
    writeFiles(repo, { '.archal.json': JSON.stringify({ agentPassEnv: ['OPENAI_API_KEY'] }) });
    const passed = await runCli(['--cwd', repo, 'harness', 'check', 'agent.mjs'], { env });
    expect(passed.code).toBe(0);
  });
});

describe('a harness run by hand against a clone of its own', () => {
  it("clone start prints the harness variables, in Archal's names too, and a hosted harness reads them", async () => {
    const clone = startCli(['clone', 'start', 'github', '--seed', 'small-project', '--json']);
    try {
      await waitFor(() => clone.stdout().includes('\n'), 15_000, 'the clone to start');
      const info = JSON.parse(clone.stdout().split('\n')[0]!) as {
        apiUrl: string;
        token: string;
        harnessEnv: Record<string, string>;
      };
      expect(info.harnessEnv).toMatchObject({
        GITHUB_API_URL: info.apiUrl,
        GITHUB_TOKEN: info.token,
        AGENT_CLONE_URLS: JSON.stringify({ github: info.apiUrl, githubMcp: `${info.apiUrl}/mcp` }),
        ARCHAL_GITHUB_URL: info.apiUrl,
        ARCHAL_GITHUB_BASE_URL: info.apiUrl,
        ARCHAL_GITHUB_REST_URL: info.apiUrl,
        ARCHAL_GITHUB_MCP_URL: `${info.apiUrl}/mcp`,
        ARCHAL_TOKEN: info.token,
      });
      expect(info.harnessEnv).not.toHaveProperty('ARCHAL_ENGINE_TASK');
      // A harness written for the hosted product, started by hand with them and a task.
      const dir = tempDir('archal-guide-');
      writeFiles(dir, {
        'harness.mjs': `const r = await fetch(process.env.ARCHAL_GITHUB_REST_URL + '/repos/acme/widgets', { headers: { authorization: 'Bearer ' + process.env.ARCHAL_TOKEN } });
console.log(JSON.stringify({ text: process.env.AGENT_TASK + ' ' + (await r.json()).full_name }));`,
      });
      const env = {
        PATH: process.env.PATH ?? '',
        ...info.harnessEnv,
        AGENT_TASK: 'Reply with OK and do not use tools.',
      };
      const ran = await run('node', ['harness.mjs'], { cwd: dir, env });
      expect(JSON.parse(ran.stdout)).toEqual({ text: 'Reply with OK and do not use tools. acme/widgets' });
    } finally {
      clone.kill('SIGTERM');
      await clone.done;
    }
  });
});
