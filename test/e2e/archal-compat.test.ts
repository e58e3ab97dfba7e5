import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Files written for Archal run unchanged: its harness environment (ARCHAL_ENGINE_TASK,
 * ARCHAL_GITHUB_BASE_URL…), its .archal.json keys, its `archal run` flags, `## Setup` turned into a
 * seed by the evaluator, and the named seeds of its catalog. Fixtures are written here from
 * Archal's published formats.
 */

interface Suite {
  title?: string;
  passed: boolean;
  totals: { runs: number; passedRuns: number };
  warnings: string[];
  scenarios: Array<{
    title: string;
    runs: number;
    passedRuns: number;
    results: Array<{
      passed: boolean;
      failureKind: string | null;
      harness: { outcome: string; answer: string; stderrTail: string };
      criteria: Array<{ id: string; text: string; status: string; detail: string }>;
      requests: { total: number; failed: number };
    }>;
  }>;
}

/** An agent in Archal's older harness contract: it reads nothing but ARCHAL_* variables. */
const ARCHAL_HARNESS = `
const task = process.env.ARCHAL_ENGINE_TASK;
const base = process.env.ARCHAL_GITHUB_BASE_URL;
const urls = JSON.parse(process.env.ARCHAL_TWIN_URLS);
const headers = { authorization: 'Bearer ' + process.env.ARCHAL_TOKEN, 'content-type': 'application/json' };
if (!task || !base || urls.github !== base || process.env.ARCHAL_GITHUB_URL !== base) {
  console.error('missing Archal variables');
  process.exit(3);
}
const title = (/titled ['"]([^'"]+)['"]/.exec(task) || [])[1];
if (title) {
  const response = await fetch(base + '/repos/acme/widgets/issues', { method: 'POST', headers, body: JSON.stringify({ title }) });
  if (response.status !== 201) process.exit(4);
}
console.log(JSON.stringify({ text: 'model=' + (process.env.ARCHAL_ENGINE_MODEL || '') + ' mode=' + process.env.ARCHAL_ENGINE_MODE + ' twins=' + process.env.ARCHAL_TWIN_NAMES }));
`;

/** The evaluator as an exec provider: writes seeds from Setup (wrong once, then right) and judges. */
const EVALUATOR = `
import { appendFileSync, readFileSync } from 'node:fs';
const prompt = readFileSync(0, 'utf8');
appendFileSync(process.env.CALLS_FILE, (prompt.includes('<setup>') ? 'seed' : 'judge') + '\\n');
if (prompt.includes('<setup>')) {
  if (!prompt.includes('previous answer was not a valid seed')) {
    console.log('Here it is: {"users": [{"login": "not a login!"}]}');
  } else {
    const n = Number((/(\\d+) open issues/.exec(prompt) || [])[1] || 1);
    const issues = Array.from({ length: n }, (_, i) => ({ title: 'Issue ' + (i + 1), author: 'octocat', labels: i < 2 ? ['keep-open'] : [] }));
    console.log(JSON.stringify({ users: [{ login: 'octocat' }], repos: [{ owner: 'octocat', name: 'webapp', labels: [{ name: 'keep-open' }], issues }] }));
  }
} else {
  const ids = [...prompt.matchAll(/^- (c\\d+): (.*)$/gm)].map((m) => m[1]);
  console.log(JSON.stringify({ verdicts: ids.map((id) => ({ id, verdict: 'pass', reason: 'model ' + (process.env.ARCHAL_MODEL || 'none') })) }));
}
`;

function project(files: Record<string, string>, config: Record<string, unknown>): string {
  const dir = tempDir('archal-compat-');
  writeFiles(dir, {
    'harness.mjs': ARCHAL_HARNESS,
    'evaluator.mjs': EVALUATOR,
    '.archal.json': JSON.stringify(config),
    ...files,
  });
  return dir;
}

const withEvaluator = {
  agent: 'node harness.mjs',
  evaluator: { provider: 'exec' },
  assistants: { exec: { command: 'node', args: ['evaluator.mjs'] } },
};

const run = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(['--cwd', dir, 'run', ...args], { timeoutMs: 90_000, env: { CALLS_FILE: join(dir, 'calls.txt'), ...env } });

const calls = (dir: string) =>
  existsSync(join(dir, 'calls.txt')) ? readFileSync(join(dir, 'calls.txt'), 'utf8').trim().split('\n') : [];

describe('archal run with files written for Archal', () => {
  it('runs an inline --task against a --twin with an Archal-style harness and config', async () => {
    const dir = project(
      {},
      {
        title: 'Exo Agent',
        agent: 'node harness.mjs',
        twins: ['github'],
        agentModel: 'claude-sonnet-4-6',
        evaluatorModel: 'gemini-2.5-flash',
        seeds: { github: 'small-project' },
      },
    );
    const result = await run(dir, ['--task', "Create an issue titled 'hello world'", '--twin', 'github', '-o', 'json']);
    expect(result.code).toBe(0);
    const suite = json<Suite>(result);
    expect(suite.title).toBe('Exo Agent');
    const only = suite.scenarios[0]!.results[0]!;
    expect(only.harness.answer).toBe('model=claude-sonnet-4-6 mode=local twins=github');
    expect(only.criteria[0]).toMatchObject({ text: 'The run exits successfully', status: 'passed' });
    expect(result.stderr).toContain("evaluator model 'gemini-2.5-flash' is set but no provider runs it");
    expect(result.stderr).toContain("Archal's hosted Gemini judge is not available locally");
  }, 180_000);

  it('takes -n, -t, -c, -m, --agent-model and --read-only', async () => {
    const dir = project(
      {
        'config/archal.json': JSON.stringify({ ...withEvaluator, agent: 'node harness.mjs', scenarios: ['../tasks'] }),
        'tasks/read.md':
          '# Read only\n\n## Prompt\nSummarise the issues of acme/widgets.\n\n## Success Criteria\n- [D] The run exits successfully\n- [P] The summary is short\n\n## Config\nseed: small-project\n',
      },
      { agent: 'exit 9' },
    );
    const result = await run(dir, [
      '-c',
      'config/archal.json',
      '-n',
      '2',
      '-t',
      '30',
      '-m',
      'judge-large',
      '--agent-model',
      'm1',
      '-o',
      'json',
    ]);
    expect(result.code).toBe(0);
    const suite = json<Suite>(result);
    expect(suite.scenarios[0]!.runs).toBe(2);
    const [first] = suite.scenarios[0]!.results;
    expect(first!.harness.answer).toContain('model=m1');
    // -m names the judge's model; the configured provider (exec) runs it.
    expect(first!.criteria[1]).toMatchObject({ status: 'passed', detail: 'model judge-large' });

    const readOnly = await run(dir, [
      '-c',
      'config/archal.json',
      '--task',
      "Create an issue titled 'x'",
      '--read-only',
      '--pass-threshold',
      '100',
      '-o',
      'json',
    ]);
    expect(readOnly.code).toBe(1);
    expect(json<Suite>(readOnly).scenarios[0]!.results[0]!.criteria[0]).toMatchObject({
      text: 'The agent changed nothing',
      status: 'failed',
    });
  }, 180_000);

  it('refuses an unknown --seed before any run starts, and hosted-only flags with what to do instead', async () => {
    const dir = project({}, { agent: "node -e \"require('fs').writeFileSync('started', '1')\"" });
    const bad = await run(dir, ['--task', 'anything', '--seed', 'enterprise-repos']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown seed "enterprise-repos" (did you mean "enterprise-repo"?)');
    expect(existsSync(join(dir, 'started'))).toBe(false);
    const docker = await run(dir, ['--task', 'anything', '--docker']);
    expect(docker.code).toBe(2);
    expect(docker.stderr).toContain('--docker runs the agent in an Archal-hosted container');
    const clone = await run(dir, ['--task', 'anything', '--twin', 'slack']);
    expect(clone.code).toBe(2);
    expect(clone.stderr).toContain("clone 'slack' is not available");
    const ok = await run(dir, ['--task', 'anything', '--seed', 'github:enterprise-repo', '--no-proxy', '-q']);
    expect(ok.code).toBe(0);
  }, 180_000);

  it('dry-runs seeds before any run: an unknown owner is exit 2 with file and line, a missing seed file is named', async () => {
    const badSeed = { users: [{ login: 'octocat' }], repos: [{ owner: 'ghost', name: 'app' }] };
    const dir = project(
      {
        'seeds/bad.json': JSON.stringify(badSeed),
        'archal/inline.md': `# Inline\n\n## Prompt\nLook around.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Seed State\n\n\`\`\`json\n${JSON.stringify(badSeed)}\n\`\`\`\n`,
        'archal/config.md':
          '# Config seed\n\n## Prompt\nLook around.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nruns: 1\nseed: ../seeds/bad.json\n',
      },
      { agent: "node -e \"require('fs').writeFileSync('started', '1')\"" },
    );
    const validate = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal']);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/archal\/inline\.md:9: seed: Invalid seed:\n\s+repos\[0\]\.owner: unknown/);
    expect(validate.stderr).toMatch(
      /archal\/config\.md:11: seed: Invalid seed .*bad\.json:\n\s+repos\[0\]\.owner: unknown/,
    );
    const runBad = await run(dir, []);
    expect(runBad.code).toBe(2);
    const flag = await run(dir, ['--task', 'anything', '--seed', 'seeds/bad.json']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--seed seeds/bad.json: Invalid seed');
    expect(flag.stderr).toContain('repos[0].owner: unknown');
    const missing = await run(dir, ['--task', 'anything', '--seed', './missing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('seed file ./missing.json does not exist');
    expect(existsSync(join(dir, 'started'))).toBe(false);
  }, 180_000);

  it('answers 429 after --rate-limit requests, and keeps state across runs with --keep-state', async () => {
    const agent = `
      const base = process.env.ARCHAL_GITHUB_REST_URL;
      const headers = { authorization: 'Bearer ' + process.env.ARCHAL_TOKEN, 'content-type': 'application/json' };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(base + '/repos/acme/widgets', { headers })).status);
      const created = await fetch(base + '/repos/acme/widgets/issues', { method: 'POST', headers, body: JSON.stringify({ title: 'run' }) });
      console.log(JSON.stringify({ text: statuses.join(',') + ' ' + created.status }));`;
    const dir = project({ 'agent.mjs': agent }, { agent: 'node agent.mjs', seeds: { github: 'small-project' } });
    const limited = json<Suite>(await run(dir, ['--task', 'check the repo', '--rate-limit', '2', '-o', 'json']));
    expect(limited.scenarios[0]!.results[0]!.harness.answer).toBe('200,200,429 429');

    const scenario =
      '# Accumulate\n\n## Prompt\nOpen an issue in acme/widgets.\n\n## Success Criteria\n- [D] Exactly 1 issue is created\n\n## Config\nseed: small-project\n';
    writeFiles(dir, { 'archal/acc.md': scenario });
    const fresh = json<Suite>(await run(dir, ['-n', '2', '-o', 'json']));
    expect(fresh.totals.passedRuns).toBe(2);
    const kept = json<Suite>(await run(dir, ['-n', '2', '--keep-state', '-o', 'json']));
    // Each run only sees its own changes ("created by this run"), on a clone that keeps the first run's issue.
    expect(kept.totals.passedRuns).toBe(2);
    const noReseed = await run(dir, ['-n', '2', '--no-reseed', '--fresh-seed']);
    expect(noReseed.code).toBe(2);
    expect(noReseed.stderr).toContain('--keep-state and --fresh-seed contradict each other');
  }, 180_000);

  it('turns ## Setup into a seed through the evaluator, retries invalid answers, caches, saves and replays', async () => {
    const scenario = `# Close stale issues

## Setup
A GitHub repository called "octocat/webapp" with 5 open issues. 2 of them have the label "keep-open".

## Prompt
List the issues of octocat/webapp.

## Expected Behavior
The agent reads the issues.

## Success Criteria
- [D] Issues with "keep-open" remain open
- [D] An issue exists in octocat/webapp
- [D] The number of open issues is 5
- [P] The agent read the issues

## Config
twins: github
timeout: 60
runs: 2
`;
    const dir = project({ 'scenarios/stale.md': scenario }, withEvaluator);
    const first = await run(dir, ['-o', 'json']);
    expect(first.code).toBe(0);
    const suite = json<Suite>(first);
    expect(suite.totals).toMatchObject({ runs: 2, passedRuns: 2 });
    expect(suite.scenarios[0]!.results[0]!.criteria.map((c) => c.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    // One seed for both runs, after one invalid answer: two seed calls; then one judge call per run.
    expect(calls(dir)).toEqual(['seed', 'seed', 'judge', 'judge']);
    expect(first.stderr).toMatch(
      /Generated the seed of Close stale issues from its Setup \(\.archal\/cache\/seeds\/[0-9a-f]+\.json\)/,
    );
    const cached = readdirSync(join(dir, '.archal', 'cache', 'seeds')).filter((name) => name.endsWith('.json'));
    expect(cached).toHaveLength(1);

    // --seed-cache reuses it (no seed call); --fresh-seed and --clear-seed-cache do not.
    await run(dir, ['--seed-cache', '-n', '1', '-q']);
    expect(calls(dir).filter((call) => call === 'seed')).toHaveLength(2);
    await run(dir, ['--seed-cache', '--fresh-seed', '-n', '1', '-q']);
    expect(calls(dir).filter((call) => call === 'seed')).toHaveLength(4);
    await run(dir, ['--clear-seed-cache', '--seed-cache', '-n', '1', '-q']);
    expect(calls(dir).filter((call) => call === 'seed')).toHaveLength(6);

    // --save-seed writes the seed the scenario starts from; --replay-seed runs from it with no seed call.
    await run(dir, ['--seed-cache', '--save-seed', 'saved-seed.json', '-n', '1', '-q']);
    const saved = JSON.parse(readFileSync(join(dir, 'saved-seed.json'), 'utf8')) as {
      repos: Array<{ issues: unknown[] }>;
    };
    expect(saved.repos[0]!.issues).toHaveLength(5);
    const before = calls(dir).filter((call) => call === 'seed').length;
    const replayed = await run(dir, ['--replay-seed', 'saved-seed.json', '-n', '1', '-o', 'json']);
    expect(json<Suite>(replayed).passed).toBe(true);
    expect(calls(dir).filter((call) => call === 'seed')).toHaveLength(before);
    const missing = await run(dir, ['--replay-seed', 'nope.json']);
    expect(missing.code).toBe(2);
  }, 180_000);

  it('warns once when Setup sections have no seed and no evaluator, and never when a seed is given', async () => {
    const setup = (n: number) =>
      `# S${n}\n\n## Setup\nA repository with ${n} issues.\n\n## Prompt\nLook.\n\n## Success Criteria\n- [D] The run exits successfully\n`;
    const dir = project({ 'archal/a.md': setup(1), 'archal/b.md': setup(2) }, { agent: 'node -e "console.log(1)"' });
    const result = await run(dir, ['-n', '1']);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('## Setup'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("2 scenarios' '## Setup' sections describe starting state");
    const seeded = await run(dir, ['-n', '1', '--seed', 'empty']);
    expect(seeded.stderr).not.toContain('## Setup');
  }, 180_000);

  it('runs --harness given as a file or a folder, and finds the repository harness when none is configured', async () => {
    const dir = project(
      {
        '.archal/harness.mjs': ARCHAL_HARNESS,
        'agents/mail/harness.json': JSON.stringify({
          version: 1,
          defaultModel: 'manifest-model',
          promptFiles: ['rules.md'],
          local: { command: 'node', args: ['agent.mjs'] },
        }),
        'agents/mail/rules.md': 'Be brief.',
        'agents/mail/agent.mjs': `
          import { readFileSync } from 'node:fs';
          const mcp = JSON.parse(readFileSync(process.env.ARCHAL_MCP_CONFIG, 'utf8')).mcpServers.github;
          const inline = JSON.parse(process.env.ARCHAL_MCP_SERVERS).github;
          const ok = mcp.url === process.env.ARCHAL_GITHUB_MCP_URL && inline.url === mcp.url && mcp.headers.Authorization === 'Bearer ' + process.env.ARCHAL_TOKEN;
          console.log(JSON.stringify({ text: process.env.AGENT_TASK.split('\\n')[0] + ' ' + process.env.AGENT_MODEL + ' mcp=' + ok }));`,
      },
      { twins: ['github'], seeds: { github: 'small-project' } },
    );
    const task = ['--task', "Create an issue titled 'from a file'", '-o', 'json'];
    const file = await run(dir, [...task, '--harness', './.archal/harness.mjs']);
    expect(file.code).toBe(0);
    expect(json<Suite>(file).scenarios[0]!.results[0]!.harness.outcome).toBe('ok');
    const folder = await run(dir, [...task, '--harness', 'agents/mail']);
    expect(folder.code).toBe(0);
    expect(json<Suite>(folder).scenarios[0]!.results[0]!.harness.answer).toBe('Be brief. manifest-model mcp=true');
    // No "agent" in .archal.json: .archal/harness.mjs is the agent.
    const found = await run(dir, task);
    expect(found.code).toBe(0);
    expect(json<Suite>(found).scenarios[0]!.results[0]!.harness.answer).toContain('mode=local');
    const missing = await run(dir, [...task, '--harness', './.archal/harness.ts']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Harness ./.archal/harness.ts not found');
  }, 180_000);

  it("checks Archal's [D] wordings about labels, reviews, teams and branch protection against the clone", async () => {
    const agent = `
      const base = process.env.ARCHAL_GITHUB_REST_URL + '/repos/acme-corp/api';
      const headers = { authorization: 'Bearer ' + process.env.ARCHAL_TOKEN, 'content-type': 'application/json' };
      const call = async (method, path, body) => {
        const response = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
        if (response.status >= 300) { console.error(method, path, response.status, await response.text()); process.exit(5); }
        return response.json();
      };
      await call('POST', '/issues/2/labels', { labels: ['needs-review'] });
      await call('POST', '/issues/2/assignees', { assignees: ['alice'] });
      const pulls = await call('GET', '/pulls');
      const pull = pulls.find((p) => p.title === 'Add a rate limiter');
      await call('POST', '/pulls/' + pull.number + '/reviews', { event: 'COMMENT', body: 'Looks reasonable.' });
      console.log(JSON.stringify({ text: 'labelled, assigned, reviewed' }));`;
    const scenario = `# Triage the API

## Prompt
Label issue #2 needs-review, assign it to alice, and review the rate limiter pull request.

## Success Criteria
- [D] The label "needs-review" was added to issue #2
- [D] Issue #2 has the "bug" label
- [D] The issue "Sessions never expire" is assigned to alice
- [D] The issue "Rate limit the public endpoints" has label "enhancement"
- [D] All issues with the "security" label remain open
- [D] The agent did not close any issues
- [D] No issues were closed by the agent
- [D] The total number of closed issues is 0
- [D] The pull request "Add a rate limiter" has at least 1 review
- [D] A review was submitted
- [D] The team "platform" has 2 members
- [D] The main branch of acme-corp/api is protected
- [D] The team "frontend" has 3 members

## Config
seed: enterprise-repo
`;
    const dir = project({ 'agent.mjs': agent, 'archal/triage.md': scenario }, { agent: 'node agent.mjs' });
    const validate = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal']);
    expect(validate.code).toBe(0);
    const result = await run(dir, ['-o', 'json', '--pass-threshold', '100']);
    const suite = json<Suite>(result);
    const only = suite.scenarios[0]!.results[0]!;
    expect(only.harness.answer).toBe('labelled, assigned, reviewed');
    const statuses = only.criteria.map((criterion) => `${criterion.status}: ${criterion.text}`);
    expect(statuses).toEqual([
      ...scenario
        .split('\n')
        .filter((line) => line.startsWith('- [D]'))
        .slice(0, -1)
        .map((line) => `passed: ${line.slice(6)}`),
      'failed: The team "frontend" has 3 members',
    ]);
    expect(only.criteria.at(-1)!.detail).toBe('expected exactly 3 members of team "frontend", found 2: carol, dave');
    expect(result.code).toBe(1);

    // A wording the library still cannot compile is refused before any run, naming its file, line and text.
    writeFiles(dir, {
      'archal/vague.md': scenario.replace('- [D] A review was submitted', '- [D] The review was thorough'),
    });
    const vague = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal/vague.md']);
    expect(vague.code).toBe(2);
    expect(vague.stderr).toMatch(
      /archal\/vague\.md:\d+: \[D\] criterion c10 \("The review was thorough"\) cannot be checked deterministically/,
    );
  }, 180_000);

  it('runs the scenarios a glob in .archal.json "scenarios" names (*, **), and names a glob that matches none', async () => {
    const dir = tempDir();
    const scenario = (title: string) =>
      `# ${title}\n\n## Prompt\nDo nothing.\n\n## Success Criteria\n- [D] The run exits successfully\n`;
    writeFiles(dir, {
      '.archal.json': JSON.stringify({ agent: 'echo ok', scenarios: ['tests/*.md', 'suites/**/*.md'] }),
      'tests/a.md': scenario('Top A'),
      'tests/README.md': '# About these tests\n',
      'tests/notes.txt': 'not a scenario',
      'tests/deeper/skipped.md': scenario('Not matched by *'),
      'suites/x/b.md': scenario('Nested B'),
      'suites/x/y/c.md': scenario('Nested C'),
      'suites/.hidden/d.md': scenario('Hidden D'),
    });
    const listed = await runCli(['--cwd', dir, 'scenario', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(json<{ scenarios: Array<{ title: string }> }>(listed).scenarios.map((s) => s.title)).toEqual([
      'Nested B',
      'Nested C',
      'Top A',
    ]);
    const run = await runCli(['--cwd', dir, 'run', 'tests/*.md', '-o', 'json'], { timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(json<Suite>(run).scenarios.map((s) => s.title)).toEqual(['Top A']);
    const none = await runCli(['--cwd', dir, 'run', 'nothing/*.md']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nothing/*.md: no scenario file matches this pattern');
  }, 120_000);

  it('accepts `twin` as the `clone` command and Archal seed names', async () => {
    const seeds = json<Array<{ name: string }>>(await runCli(['twin', 'seeds', '--json']));
    expect(seeds.map((seed) => seed.name)).toEqual(
      expect.arrayContaining(['enterprise-repo', 'ci-cd-pipeline', 'rich-org']),
    );
  }, 180_000);
});
