import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from '@jest/globals';
import { json, REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { hostedRepo, type HostedRepo } from '../helpers/hosted.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

interface Result {
  status: string;
  stopReason: string;
  message: string;
  attempts: Array<{
    attempt: number;
    fix: {
      kind: string;
      command: string;
      exitCode: number | null;
      timedOut: boolean;
      durationMs: number;
      outputTail: string;
      workflowRunId?: string;
    } | null;
    usage: Record<string, unknown> | null;
    scenarios: Array<{ title: string; passedRuns: number; runs: number; runIds: string[] }>;
    failures: Array<{
      id: string;
      category: string;
      flaky: boolean;
      criterion: { text: string } | null;
      evidence: Array<{ runId: string; excerpt: string }>;
      hint: string;
    }>;
    failuresFile: string | null;
  }>;
  usage: { attempts: number; costUsd?: number; model?: string };
  validation: { command: string; exitCode: number | null; passed: boolean; outputTail: string } | null;
  pr: {
    publisher: string;
    action: string;
    url: string | null;
    number: number | null;
    branch: string | null;
    headSha: string | null;
    files: string[];
    verified: boolean;
    problems: string[];
  } | null;
  timings: Record<string, number>;
  artifacts: { dir: string; result: string; failures: string };
}

const FIXED = ['--allow-external-execution', '--fix-command', 'node fix.mjs', '--validation-command', 'npm test'];
let hosted: HostedRepo | undefined;
afterEach(async () => {
  await hosted?.stop();
  hosted = undefined;
});

async function host(overrides: Record<string, string | null> = {}): Promise<HostedRepo> {
  hosted = await hostedRepo(overrides);
  return hosted;
}

async function preprod(
  repo: HostedRepo | string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ cli: CliResult; result: Result }> {
  const dir = typeof repo === 'string' ? repo : repo.dir;
  const cli = await runCli(['--cwd', dir, 'preprod', 'run', '--json', ...args], {
    env: { ...(typeof repo === 'string' ? {} : repo.env), ...env },
    timeoutMs: 120_000,
  });
  return { cli, result: json<Result>(cli) };
}

function validator(name: string) {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', name), 'utf8')) as Record<string, unknown>;
  return new Ajv2020({ strict: false }).compile(schema);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

describe('archal preprod run: the whole loop against the clone as origin and API', () => {
  it('passed: classifies the planted bug, fixes it, reruns everything, validates, and opens a verified draft PR', async () => {
    // The repository ignores the loop's artifacts directory, and nothing else of Archal's.
    const repo = await host({ '.gitignore': 'node_modules/\n.archal/preprod/\n' });
    const headBefore = await repo.git('rev-parse', 'HEAD');
    const { cli, result } = await preprod(repo, [...FIXED, '--open-pr']);
    expect(cli.code).toBe(0);
    expect(result).toMatchObject({ status: 'passed', stopReason: 'passed' });

    const [first, second] = result.attempts;
    expect(result.attempts).toHaveLength(2);
    expect(first!.fix).toBeNull();
    expect(first!.failures.map((failure) => [failure.id, failure.category, failure.flaky])).toEqual([
      ['archal/close-stale-issues.md#c1', 'agent_behavior', false],
      ['archal/close-stale-issues.md#c3', 'agent_behavior', false],
    ]);
    expect(first!.failures[1]!.evidence[0]!.excerpt).toMatch(/labelled keep-open do not satisfy "remain open"/);
    // The fixer read the failures of attempt 0 and patched the bug; every scenario ran again.
    expect(second!.fix).toMatchObject({ kind: 'command', command: 'node fix.mjs', exitCode: 0 });
    expect(second!.fix!.outputTail).toMatch(/2 failure\(s\) to fix[\s\S]*patched triage\.mjs/);
    expect(second!.scenarios.map((s) => `${s.title} ${s.passedRuns}/${s.runs}`)).toEqual([
      'Close stale issues 1/1',
      'Label bug reports 1/1',
      'Leave active issues open 1/1',
    ]);
    expect(new Set([...first!.scenarios, ...second!.scenarios].flatMap((s) => s.runIds)).size).toBe(6);
    expect(result.usage).toMatchObject({ attempts: 1, costUsd: 0, model: 'deterministic-fixer' });
    expect(result.validation).toMatchObject({ command: 'npm test', exitCode: 0, passed: true });
    expect(result.pr).toMatchObject({
      publisher: 'builtin',
      action: 'created',
      number: 1,
      branch: 'archal/preprod-fix-main',
      files: ['triage.mjs'],
      verified: true,
      problems: [],
    });
    expect(Object.keys(result.timings).sort()).toEqual(['fix', 'pr', 'preflight', 'scenarios', 'validation']);

    // On the clone: one draft PR from the fix branch to main, whose head is the pushed commit.
    const pulls = repo.clone.handle.state().pullRequests;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({
      draft: true,
      state: 'open',
      head: { ref: 'archal/preprod-fix-main', sha: result.pr!.headSha },
      base: { ref: 'main' },
    });
    expect(pulls[0]!.body).toMatch(/Close stale issues: \[D\] Issues labelled keep-open remain open/);
    expect(pulls[0]!.body).toMatch(/`npm test` passed/);
    expect(pulls[0]!.body).toContain('preprod-result.json');
    // The user's branch, index and HEAD are untouched: the fix is only in the working tree and the PR.
    expect(await repo.git('rev-parse', 'HEAD')).toBe(headBefore);
    expect(await repo.git('rev-parse', 'origin/main')).toBe(headBefore);
    // The runs' records in .archal/cache are not untracked files either.
    expect(existsSync(join(repo.dir, '.archal', 'cache', 'last-run.json'))).toBe(true);
    expect(await repo.git('status', '--porcelain', '--untracked-files=all')).toBe('M triage.mjs');
    expect(await repo.git('diff', '--cached', '--name-only')).toBe('');

    // Both artifacts exist, match their published schemas, and the fixer's input was attempt 0's failures.
    const written = JSON.parse(readFileSync(result.artifacts.result, 'utf8')) as Result;
    expect(written.status).toBe('passed');
    expect(validator('preprod-result.schema.json')(written)).toBe(true);
    expect(validator('preprod-failures.schema.json')(JSON.parse(readFileSync(result.artifacts.failures, 'utf8')))).toBe(
      true,
    );
    const given = JSON.parse(readFileSync(first!.failuresFile!, 'utf8')) as { attempt: number; failures: unknown[] };
    expect(given).toMatchObject({ attempt: 0, failures: first!.failures });
    expect(validator('preprod-failures.schema.json')(given)).toBe(true);

    // A rerun with the fix still in the working tree keeps the same PR and commit: never a second PR.
    const again = await preprod(repo, [...FIXED, '--open-pr']);
    expect(again.cli.code).toBe(0);
    expect(again.result.attempts).toHaveLength(1);
    expect(again.result.pr).toMatchObject({
      action: 'unchanged',
      number: 1,
      headSha: result.pr!.headSha,
      verified: true,
    });
    expect(repo.clone.handle.state().pullRequests).toHaveLength(1);

    // A new fix on a rerun (the base moved on) updates the same PR with a new commit.
    writeFiles(repo.dir, { 'NOTES.md': 'release notes\n' });
    await repo.git('add', 'NOTES.md');
    await repo.git('commit', '--quiet', '-m', 'Notes');
    await repo.git('push', '--quiet', 'origin', 'main');
    const moved = await preprod(repo, [...FIXED, '--open-pr']);
    expect(moved.result.pr).toMatchObject({ action: 'updated', number: 1, files: ['triage.mjs'], verified: true });
    expect(moved.result.pr!.headSha).not.toBe(result.pr!.headSha);
    expect(repo.clone.handle.state().pullRequests).toHaveLength(1);

    // Once the base has the fix, nothing is left to change: the rerun closes the PR.
    await repo.git('commit', '--quiet', '-am', 'Fix the exempt label');
    await repo.git('push', '--quiet', 'origin', 'main');
    const merged = await preprod(repo, [...FIXED, '--open-pr']);
    expect(merged.cli.code).toBe(0);
    expect(merged.result.pr).toMatchObject({ action: 'closed', number: 1, verified: true });
    expect(repo.clone.handle.state().pullRequests[0]).toMatchObject({ state: 'closed' });
  }, 180_000);

  it('passed: a DAG workflow can be the fixer (--fix-workflow)', async () => {
    const repo = await host({
      '.archal/workflows/fix.yaml': [
        'name: fix',
        'description: The example fixer, as a workflow',
        'nodes:',
        '  - id: patch',
        '    bash: node fix.mjs',
        '  - id: check',
        '    depends_on: [patch]',
        '    bash: node --test test/',
        '  - id: environment',
        '    bash: env > workflow-env.txt',
        '',
      ].join('\n'),
    });
    const { cli, result } = await preprod(repo, ['--allow-external-execution', '--fix-workflow', 'fix'], {
      ARCHAL_HOME: join(repo.dir, '..', 'home'),
      OPENAI_API_KEY: 'sk-proj-not-for-the-fixer',
    });
    expect(cli.code).toBe(0);
    expect(result.status).toBe('passed');
    expect(result.attempts[1]!.fix).toMatchObject({ kind: 'workflow', command: 'workflow fix', exitCode: 0 });
    expect(result.attempts[1]!.fix!.workflowRunId).toMatch(/\S/);
    expect(readFileSync(join(repo.dir, 'triage.mjs'), 'utf8')).toContain("EXEMPT_LABEL = 'keep-open'");
    // The workflow's nodes get the fixer's restricted environment.
    const names = readFileSync(join(repo.dir, 'workflow-env.txt'), 'utf8')
      .split('\n')
      .map((line) => line.split('=')[0]);
    expect(names).toEqual(expect.arrayContaining(['PATH', 'ARCHAL_PREPROD_FAILURES_JSON', 'ARCHAL_PREPROD_ATTEMPT']));
    for (const leaked of ['GITHUB_TOKEN', 'OPENAI_API_KEY']) expect(names).not.toContain(leaked);
  }, 120_000);

  it('a fix workflow that outlives the fix timeout is cancelled', async () => {
    const config = JSON.parse(
      readFileSync(join(REPO_ROOT, 'examples', 'triage-agent', '.archal.json'), 'utf8'),
    ) as Record<string, unknown>;
    const repo = await host({
      '.archal.json': JSON.stringify({ ...config, preprod: { timeouts: { fix: 1 } } }),
      '.archal/workflows/slow.yaml':
        'name: slow\ndescription: never finishes in time\nnodes:\n  - id: wait\n    bash: sleep 30\n',
    });
    const started = Date.now();
    const { result } = await preprod(
      repo,
      ['--allow-external-execution', '--fix-workflow', 'slow', '--max-fix-attempts', '1'],
      {
        ARCHAL_HOME: join(repo.dir, '..', 'home'),
      },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.status).toBe('budget_exhausted');
    expect(result.attempts[1]!.fix).toMatchObject({ kind: 'workflow', exitCode: 1, timedOut: true });
  }, 60_000);

  it('passed: a --pr-command publishes; the loop verifies what it opened', async () => {
    const repo = await host({ 'open-pr.mjs': PR_SCRIPT });
    const { cli, result } = await preprod(repo, [
      ...FIXED,
      '--open-pr',
      '--pr-command',
      'node open-pr.mjs draft',
      '--pass-env',
      'GITHUB_API_URL,GITHUB_TOKEN',
    ]);
    expect(cli.code).toBe(0);
    expect(result.status).toBe('passed');
    expect(result.pr).toMatchObject({ publisher: 'command', verified: true, files: ['triage.mjs'], problems: [] });
    // The PR command got the validation result.
    expect(repo.clone.handle.state().pullRequests[0]!.body).toBe('validation passed: true');
  }, 120_000);
});

/** A PR command: opens a PR through the API from the branch it runs on (the fix branch, pushed by the loop), draft or not. */
const PR_SCRIPT = `
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
const validation = JSON.parse(readFileSync(process.env.ARCHAL_PREPROD_VALIDATION_JSON, 'utf8'));
const head = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8' }).trim();
const response = await fetch(process.env.GITHUB_API_URL + '/repos/acme/agent/pulls', {
  method: 'POST',
  headers: { authorization: 'token ' + process.env.GITHUB_TOKEN },
  body: JSON.stringify({ head, base: 'main', title: 'Fix', body: 'validation passed: ' + validation.passed, draft: process.argv[2] === 'draft' }),
});
const pull = await response.json();
console.log(pull.html_url);
`;

describe('archal preprod run: every other status', () => {
  it('refuses a fix workflow that does not exist before any scenario runs (exit 2), also with --plan', async () => {
    const dir = tempRepo();
    const marker = join(dir, 'agent-ran');
    writeFiles(dir, {
      'agent.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'yes'); console.log(JSON.stringify({ text: 'done' }));`,
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
      'archal/a.md':
        '# A scenario\n\n## Prompt\nDo the thing in acme/widgets.\n\n## Success Criteria\n- [D] at least 1 issue was closed\n\n## Config\nseed: small-project\ntimeout: 20\n',
      '.archal/workflows/fix.yaml': 'name: fix\ndescription: a fixer\nnodes:\n  - id: patch\n    bash: "true"\n',
    });
    const args = ['--cwd', dir, 'preprod', 'run', '--allow-external-execution', '--fix-workflow', 'fixx'];
    const refused = await runCli(args, { timeoutMs: 60_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Workflow 'fixx' not found");
    expect(refused.stderr).toContain('fix');
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(dir, '.archal', 'preprod', 'preprod-result.json'))).toBe(false);
    const answered = await runCli([...args, '--plan', '--json'], { timeoutMs: 60_000 });
    expect(answered.code).toBe(2);
    expect(json<{ status: string; error: { code: string } }>(answered)).toMatchObject({
      status: 'error',
      error: { code: 'workflow_not_found' },
    });
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  it('refuses a fix workflow outside a git repository before any scenario runs (exit 2); --dry-run still runs there', async () => {
    const dir = tempDir('archal-not-git-');
    const marker = join(dir, 'agent-ran');
    writeFiles(dir, {
      'agent.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'yes'); console.log(JSON.stringify({ text: 'done' }));`,
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
      'archal/a.md':
        '# A scenario\n\n## Prompt\nDo the thing in acme/widgets.\n\n## Success Criteria\n- [D] at least 1 issue was closed\n\n## Config\nseed: small-project\ntimeout: 20\n',
      '.archal/workflows/fix.yaml': 'name: fix\ndescription: a fixer\nnodes:\n  - id: patch\n    bash: "true"\n',
    });
    const args = ['--cwd', dir, 'preprod', 'run', '--allow-external-execution', '--fix-workflow', 'fix'];
    const refused = await runCli(args, { timeoutMs: 60_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not inside a git repository');
    expect(refused.stderr).toContain('`git init`');
    expect(existsSync(marker)).toBe(false);
    const answered = await runCli([...args, '--json'], { timeoutMs: 60_000 });
    expect(answered.code).toBe(2);
    expect(json<{ status: string; error: { code: string } }>(answered)).toMatchObject({
      status: 'error',
      error: { code: 'not_a_repository' },
    });
    expect(existsSync(marker)).toBe(false);
    // A loop that stops before the fix stage does not need the repository.
    const dry = await runCli([...args, '--dry-run'], { timeoutMs: 60_000 });
    expect(dry.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  }, 120_000);

  it('refuses a fix command outside a git repository before any scenario runs (exit 2), as a fix workflow is', async () => {
    const dir = tempDir('archal-not-git-');
    const marker = join(dir, 'agent-ran');
    const fixed = join(dir, 'fix-ran');
    writeFiles(dir, {
      'agent.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'yes'); console.log(JSON.stringify({ text: 'done' }));`,
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
      'archal/a.md':
        '# A scenario\n\n## Prompt\nDo the thing in acme/widgets.\n\n## Success Criteria\n- [D] at least 1 issue was closed\n\n## Config\nseed: small-project\ntimeout: 20\n',
    });
    const fix = `node -e "require('fs').writeFileSync(${JSON.stringify(fixed).replace(/"/g, "'")}, 'yes')"`;
    const args = ['--cwd', dir, 'preprod', 'run', '--allow-external-execution', '--fix-command', fix];
    const refused = await runCli(args, { timeoutMs: 60_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not inside a git repository');
    expect(refused.stderr).toContain('--fix-command');
    expect(refused.stderr).toContain('`git init`');
    expect(refused.stderr).toContain('--cwd');
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(fixed)).toBe(false);
    const answered = await runCli([...args, '--json'], { timeoutMs: 60_000 });
    expect(answered.code).toBe(2);
    expect(json<{ status: string; error: { code: string } }>(answered)).toMatchObject({
      status: 'error',
      error: { code: 'not_a_repository' },
    });
    // The same fixer from .archal.json is refused alike.
    writeFiles(dir, { '.archal.json': JSON.stringify({ agent: 'node agent.mjs', preprod: { fixCommand: fix } }) });
    const configured = await runCli(['--cwd', dir, 'preprod', 'run', '--allow-external-execution'], {
      timeoutMs: 60_000,
    });
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain('preprod.fixCommand');
    expect(existsSync(marker)).toBe(false);
    // A loop that stops before the fix stage does not need the repository.
    const dry = await runCli([...args, '--dry-run'], { timeoutMs: 60_000 });
    expect(dry.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(existsSync(fixed)).toBe(false);
  }, 120_000);

  it('planned: --plan resolves the loop and runs nothing', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, ['--plan', '--open-pr']);
    expect(cli.code).toBe(0);
    expect(result).toMatchObject({ status: 'planned', stopReason: 'plan_only', attempts: [] });
    expect(existsSync(join(repo.dir, '.archal', 'cache'))).toBe(false);
  }, 60_000);

  it('dry_run: classifies and stops before any fix command', async () => {
    const repo = await host();
    // What an earlier loop of two attempts left, and a file of the user's beside it.
    const earlier = join(repo.dir, '.archal', 'preprod');
    for (const attempt of ['attempt-1', 'attempt-2']) {
      mkdirSync(join(earlier, attempt), { recursive: true });
      writeFileSync(join(earlier, attempt, 'failures.json'), '{"failures": []}');
      writeFileSync(join(earlier, attempt, 'usage.json'), '{"costUsd": 0.6}');
    }
    writeFileSync(join(earlier, 'attempt-2', 'notes.txt'), 'mine');
    const { cli, result } = await preprod(repo, ['--dry-run', ...FIXED, '--open-pr']);
    expect(cli.code).toBe(0);
    expect(existsSync(join(earlier, 'attempt-1'))).toBe(false);
    expect(readdirSync(join(earlier, 'attempt-2'))).toEqual(['notes.txt']);
    expect(result).toMatchObject({ status: 'dry_run', stopReason: 'dry_run', validation: null, pr: null });
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]!.failures.map((failure) => failure.category)).toEqual([
      'agent_behavior',
      'agent_behavior',
    ]);
    expect(readFileSync(join(repo.dir, 'triage.mjs'), 'utf8')).toContain("'keep_open'");
    const failures = JSON.parse(readFileSync(result.artifacts.failures, 'utf8')) as {
      failures: Array<{ hint: string }>;
    };
    expect(failures.failures[0]!.hint).toMatch(/did the wrong thing/);
  }, 60_000);

  it('blocked (external_execution_disabled): no fix command runs without --allow-external-execution', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, ['--fix-command', 'touch fixed-it && node fix.mjs']);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'external_execution_disabled' });
    expect(existsSync(join(repo.dir, 'fixed-it'))).toBe(false);
    expect(cli.stdout).not.toContain('patched');
  }, 60_000);

  it('blocked (no_fix_command): failures and nothing to fix them with', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, ['--allow-external-execution']);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'no_fix_command' });
  }, 60_000);

  it('blocked (missing_harness): no agent configured', async () => {
    const repo = await host({ '.archal.json': JSON.stringify({ clones: ['github'], scenarios: ['archal'] }) });
    const { cli, result } = await preprod(repo, FIXED);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'missing_harness', attempts: [] });
    expect(result.message).toMatch(/agent/);
  }, 60_000);

  it('blocked (harness_setup): a harness that fails its preflight stops the loop before any scenario runs', async () => {
    const repo = await host({
      '.archal.json': JSON.stringify({ agent: 'node not-there.mjs', scenarios: ['archal'], timeout: 30 }),
    });
    const { cli, result } = await preprod(repo, FIXED);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({
      status: 'blocked',
      stopReason: 'harness_setup',
      attempts: [],
      preflight: { passed: false },
    });
    expect(result.message).toMatch(/exited with code 1 in preflight mode — Error: Cannot find module/);
    expect(existsSync(join(repo.dir, '.archal', 'cache'))).toBe(false);
  }, 60_000);

  it('blocked (harness_setup): harness setup failures in the runs stop the loop before any fix attempt', async () => {
    const repo = await host({
      'agent.mjs':
        "if (process.env.ARCHAL_PREFLIGHT === '1') { console.log('OK'); process.exit(0); }\nawait import('./a-dependency-nobody-installed.mjs');\n",
    });
    const { cli, result } = await preprod(repo, [...FIXED, '--runs', '2']);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'harness_setup', preflight: { passed: true } });
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]!.failures.map((failure) => failure.category)).toEqual([
      'harness_setup',
      'harness_setup',
      'harness_setup',
    ]);
    expect(result.attempts[0]!.failures[0]!.evidence[0]!.excerpt).toMatch(
      /exited with code 1 — stderr: Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module/,
    );
    expect(result.attempts[0]!.failures[0]!.hint).toMatch(/AGENT_TASK/);
    expect(readFileSync(join(repo.dir, 'triage.mjs'), 'utf8')).toContain("'keep_open'");
  }, 60_000);

  it('a usage file that does not match its fields is ignored with a warning naming the field', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, [
      '--allow-external-execution',
      '--fix-command',
      `if [ "$ARCHAL_PREPROD_ATTEMPT" = 1 ]; then echo 'cost: 3 dollars' > "$ARCHAL_PREPROD_USAGE_PATH"; else node fix.mjs > /dev/null; echo '{"inputTokens": 10, "costUsd": "0.60"}' > "$ARCHAL_PREPROD_USAGE_PATH"; fi`,
      '--max-cost-usd',
      '1',
    ]);
    expect(result.status).toBe('passed');
    expect(result.attempts.map((attempt) => attempt.usage)).toEqual([null, null, null]);
    expect(cli.stderr).toMatch(
      /warning: fix attempt 1: the usage written to ARCHAL_PREPROD_USAGE_PATH was ignored: not JSON/,
    );
    expect(cli.stderr).toMatch(
      /warning: fix attempt 2: the usage written to ARCHAL_PREPROD_USAGE_PATH was ignored: costUsd: .*number/,
    );
  }, 90_000);

  it('blocked (cost_reservation_denied): the next attempt would exceed --max-cost-usd', async () => {
    const repo = await host({
      'spend.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.ARCHAL_PREPROD_USAGE_PATH, JSON.stringify({ inputTokens: 1000, outputTokens: 200, provider: 'anthropic', model: 'm', isByok: true, costUsd: 0.6 }));\n`,
    });
    const { cli, result } = await preprod(repo, [
      '--allow-external-execution',
      '--fix-command',
      'node spend.mjs',
      '--max-fix-attempts',
      '5',
      '--max-cost-usd',
      '1',
    ]);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'cost_reservation_denied' });
    expect(result.attempts).toHaveLength(2);
    expect(result.usage).toMatchObject({
      attempts: 1,
      inputTokens: 1000,
      outputTokens: 200,
      costUsd: 0.6,
      isByok: true,
    });
    expect(result.message).toMatch(/\$0\.6000 spent, \$0\.4000 left/);
  }, 60_000);

  it('blocked (origin_not_github): --open-pr needs a GitHub origin', async () => {
    const repo = await host();
    await repo.git('remote', 'set-url', 'origin', 'https://gitlab.example.com/acme/agent.git');
    const { cli, result } = await preprod(repo, [...FIXED, '--open-pr'], { GITHUB_API_URL: '' });
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'origin_not_github', attempts: [] });
    expect(result.message).toMatch(/gitlab\.example\.com.*GITHUB_API_URL/);
  }, 60_000);

  it('blocked (origin_not_github): a repository without origin is told how to add one, before any scenario runs', async () => {
    const repo = await host();
    await repo.git('remote', 'remove', 'origin');
    const { cli, result } = await preprod(repo, [...FIXED, '--open-pr']);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'origin_not_github', attempts: [] });
    expect(result.message).toContain('git remote add origin https://github.com/<owner>/<repo>.git');
    expect(result.message).toContain('without --open-pr');
  }, 60_000);

  it('blocked (no_scenarios): nothing to run', async () => {
    const dir = tempRepo();
    writeFiles(dir, { '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }) });
    const { cli, result } = await preprod(dir, []);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'blocked', stopReason: 'no_scenarios' });
    expect(result.message).toContain('give scenario files or directories as arguments or set "scenarios"');
  }, 60_000);

  it('budget_exhausted: the fix attempts run out', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, [
      '--allow-external-execution',
      '--fix-command',
      'echo looking; exit 4',
      '--max-fix-attempts',
      '2',
    ]);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'budget_exhausted', stopReason: 'max_fix_attempts' });
    expect(result.attempts.map((attempt) => attempt.fix?.exitCode ?? null)).toEqual([null, 4, 4]);
    expect(result.attempts[2]!.failures).toHaveLength(2);
    // Why: the fix command itself failed, in the message and in the summary of each attempt.
    expect(result.message).toContain('The fix command failed in attempts 1 (exit 4: looking), 2 (exit 4: looking).');
    const summary = await runCli(
      ['--cwd', repo.dir, 'preprod', 'run', '--allow-external-execution', '--fix-command', 'echo looking; exit 4'],
      { env: repo.env, timeoutMs: 120_000 },
    );
    expect(summary.code).toBe(1);
    expect(summary.stdout).toMatch(/\n {2}attempt 1: fix exit 4 \(looking\); Close stale issues 0\/1/);
  }, 90_000);

  it('validation_failed: scenarios pass but the validation command fails', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, [
      '--allow-external-execution',
      '--fix-command',
      'node fix.mjs',
      '--validation-command',
      'echo broken >&2; exit 3',
      '--open-pr',
    ]);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'validation_failed', stopReason: 'validation_command_failed', pr: null });
    expect(result.validation).toMatchObject({ exitCode: 3, passed: false, outputTail: 'broken' });
    expect(repo.clone.handle.state().pullRequests).toHaveLength(0);
  }, 90_000);

  it('pr_failed: the PR command opened a PR that is not a draft', async () => {
    const repo = await host({ 'open-pr.mjs': PR_SCRIPT });
    const { cli, result } = await preprod(repo, [
      ...FIXED,
      '--open-pr',
      '--pr-command',
      'node open-pr.mjs ready',
      '--pass-env',
      'GITHUB_API_URL',
      '--pass-env',
      'GITHUB_TOKEN',
    ]);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'pr_failed', stopReason: 'pr_verification_failed' });
    expect(result.pr).toMatchObject({ publisher: 'command', verified: false, problems: ['it is not a draft'] });
  }, 90_000);

  it('a rerun publishes the fix an earlier loop made but did not publish (no --open-pr, then a PR that failed)', async () => {
    const repo = await host();
    // Reviewed first: the fix lands in the working tree, nothing is published.
    const first = await preprod(repo, FIXED);
    expect(first.result).toMatchObject({ status: 'passed', pr: null });
    expect(await repo.git('status', '--porcelain', '--untracked-files=no')).toBe('M triage.mjs');

    // Rerun with --open-pr: the scenarios pass at once (the fix is there), and the fix is still what to publish.
    const failing = await preprod(repo, [...FIXED, '--open-pr', '--pr-command', 'echo "no credentials" >&2; exit 5']);
    expect(failing.result.attempts).toHaveLength(1);
    expect(failing.result).toMatchObject({ status: 'pr_failed' });
    expect(failing.result.pr!.problems).toEqual(['the PR command exited with 5: no credentials']);

    // The publishing problem fixed, the same command publishes it.
    const published = await preprod(repo, [...FIXED, '--open-pr']);
    expect(published.result).toMatchObject({ status: 'passed' });
    expect(published.result.pr).toMatchObject({ action: 'created', files: ['triage.mjs'], verified: true });
    expect(repo.clone.handle.state().pullRequests).toHaveLength(1);
    expect(published.cli.code).toBe(0);
  }, 150_000);

  it('pr_failed: a PR command that fails', async () => {
    const repo = await host();
    const { cli, result } = await preprod(repo, [...FIXED, '--open-pr', '--pr-command', 'exit 5']);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'pr_failed' });
    expect(result.pr!.problems).toEqual(['the PR command exited with 5']);
  }, 90_000);

  it('takes defaults from .archal.json "preprod" (flags win), but never the switches that allow execution', async () => {
    const config = JSON.parse(
      readFileSync(join(REPO_ROOT, 'examples', 'triage-agent', '.archal.json'), 'utf8'),
    ) as Record<string, unknown>;
    const repo = await host({
      '.archal.json': JSON.stringify({
        ...config,
        preprod: {
          fixCommand: 'sleep 30',
          maxFixAttempts: 1,
          timeouts: { fix: 1 },
          artifacts: 'out/preprod',
          validationCommand: 'exit 9',
        },
      }),
    });
    const { cli, result } = await preprod(repo, ['--allow-external-execution']);
    expect(cli.code).toBe(1);
    expect(result).toMatchObject({ status: 'budget_exhausted', artifacts: { dir: join(repo.dir, 'out', 'preprod') } });
    expect(result.attempts[1]!.fix).toMatchObject({ command: 'sleep 30', timedOut: true });
    expect(result.attempts[1]!.fix!.durationMs).toBeLessThan(10_000);
    // A fixer given as a flag replaces the configured one; the configured validation command still runs.
    const flagged = await preprod(repo, ['--allow-external-execution', '--fix-command', 'node fix.mjs']);
    expect(flagged.result).toMatchObject({
      status: 'validation_failed',
      validation: { command: 'exit 9', exitCode: 9 },
    });

    writeFiles(repo.dir, { '.archal.json': JSON.stringify({ ...config, preprod: { allowExternalExecution: true } }) });
    const refused = await runCli(['--cwd', repo.dir, 'preprod', 'run']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/preprod.*allowExternalExecution/);
  }, 90_000);

  it('rejects invalid input with exit 2 and a clear message', async () => {
    const dir = tempRepo();
    const cases: Array<[string[], RegExp]> = [
      [['--max-fix-attempts', '11'], /--max-fix-attempts must be a whole number from 0 to 10 \(got '11'\)/],
      [['--pass-threshold', 'high'], /--pass-threshold must be a number from 0 to 100/],
      [['--fix-command', 'a', '--fix-workflow', 'b'], /alternatives/],
      [['--pr-command', 'gh pr create --draft'], /add --open-pr/],
      [['--max-cost-usd', '-1'], /--max-cost-usd must be a non-negative amount/],
      [['--pass-env', 'NOT-A-NAME'], /'NOT-A-NAME' is not an environment variable name/],
    ];
    for (const [args, message] of cases) {
      const cli = await runCli(['--cwd', dir, 'preprod', 'run', ...args]);
      expect({ args, code: cli.code }).toEqual({ args, code: 2 });
      expect(cli.stderr).toMatch(message);
    }
  }, 60_000);
});

describe('archal preprod run: external commands are restricted and artifacts are redacted', () => {
  it('fix and validation commands see only the allowlisted environment', async () => {
    const repo = await host({ 'env.sh': 'env | sort > "$1"\n' });
    const { result } = await preprod(
      repo,
      [
        '--allow-external-execution',
        '--fix-command',
        'bash env.sh fix-env.txt; node fix.mjs',
        '--validation-command',
        'bash env.sh validation-env.txt',
        '--pass-env',
        'EXTRA_ALLOWED',
      ],
      {
        ANTHROPIC_API_KEY: 'sk-ant-api03-secretsecretsecret',
        AWS_SECRET_ACCESS_KEY: 'aws-secret',
        EXTRA_ALLOWED: 'yes',
        ARCHAL_TOKEN: 'archal-secret',
      },
    );
    expect(result.status).toBe('passed');
    const names = (file: string) =>
      readFileSync(join(repo.dir, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('=')[0]);
    const fixNames = names('fix-env.txt');
    for (const leaked of [
      'GITHUB_TOKEN',
      'GITHUB_API_URL',
      'ANTHROPIC_API_KEY',
      'AWS_SECRET_ACCESS_KEY',
      'ARCHAL_TOKEN',
      'NODE_OPTIONS',
    ])
      expect(fixNames).not.toContain(leaked);
    expect(fixNames).toEqual(
      expect.arrayContaining([
        'PATH',
        'HOME',
        'EXTRA_ALLOWED',
        'ARCHAL_PREPROD_FAILURES_JSON',
        'ARCHAL_PREPROD_ATTEMPT',
        'ARCHAL_PREPROD_USAGE_PATH',
      ]),
    );
    expect(names('validation-env.txt')).not.toContain('ANTHROPIC_API_KEY');
    expect(names('validation-env.txt')).not.toContain('ARCHAL_PREPROD_FAILURES_JSON');
  }, 90_000);

  it('no planted secret reaches an artifact or the printed result', async () => {
    const secrets = {
      github: 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
      githubFine: 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV',
      openai: 'sk-proj-' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa',
      anthropic: 'sk-ant-api03-' + 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9',
      aws: 'AKIA' + 'IOSFODNN7EXAMPLE',
      bearer: 'eyJhbGciOiJIUzI1NiJ9.' + 'c2VjcmV0LXBheWxvYWQ.signature123',
      envValue: 'plain-value-no-known-format-4242',
    };
    const agent = readFileSync(join(REPO_ROOT, 'examples', 'triage-agent', 'agent.mjs'), 'utf8');
    const repo = await host({
      // The agent under test prints secrets to stderr; the fix and validation commands print them too.
      'agent.mjs': `process.stderr.write('debug ${secrets.aws} ${secrets.openai} Authorization: Bearer ${secrets.bearer}\\n');\n${agent}`,
      'fix-loud.sh': `echo "token ${secrets.github} key $MY_SERVICE_PASSWORD aws ${secrets.aws}"; echo "${secrets.anthropic}" >&2; node fix.mjs\n`,
    });
    const { cli, result } = await preprod(
      repo,
      [
        '--allow-external-execution',
        '--fix-command',
        `bash fix-loud.sh # ${secrets.githubFine}`,
        '--validation-command',
        `echo ${secrets.github}; npm test`,
        '--open-pr',
        '--pass-env',
        'MY_SERVICE_PASSWORD',
      ],
      { MY_SERVICE_PASSWORD: secrets.envValue, OPENAI_API_KEY: secrets.openai },
    );
    expect(result.status).toBe('passed');
    // The secrets were really printed (so redaction, not absence, keeps them out).
    expect(result.attempts[1]!.fix!.outputTail).toMatch(/token \S+ key \S+ aws \S+/);
    // The loop's artifacts, the run records of every scenario run, the printed result and the PR body.
    const files = [...allFiles(result.artifacts.dir), ...allFiles(join(repo.dir, '.archal', 'cache'))];
    expect(files.length).toBeGreaterThan(8);
    const texts = [
      cli.stdout,
      ...files.map((file) => readFileSync(file, 'utf8')),
      repo.clone.handle.state().pullRequests[0]!.body ?? '',
    ];
    expect(texts.some((text) => text.includes('debug [REDACTED'))).toBe(true);
    for (const text of texts)
      for (const secret of [...Object.values(secrets), repo.clone.token]) expect(text).not.toContain(secret);
    expect(result.attempts[1]!.fix!.outputTail).toMatch(/\[REDACTED/);
  }, 90_000);
});

describe('archal preprod plan', () => {
  it('writes --out relative to where it is typed, not to --repo', async () => {
    const repo = tempRepo();
    const here = tempDir('archal-plan-out-');
    const cli = await runCli(['preprod', 'plan', '--repo', repo, '--out', 'plans/plan.json'], {
      cwd: here,
      timeoutMs: 60_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(existsSync(join(repo, 'plans', 'plan.json'))).toBe(false);
    const plan = JSON.parse(readFileSync(join(here, 'plans', 'plan.json'), 'utf8')) as { repo: string };
    expect(plan.repo).toBe(repo);
  }, 90_000);

  it('inspects a repository, writes starter scenarios that validate and a config only when there is none', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/harness.mjs': "if (process.env.ARCHAL_PREFLIGHT === '1') { console.log('OK'); process.exit(0); }\n",
      'package.json': JSON.stringify({ name: 'bot', scripts: { test: 'node --test' } }),
      'pnpm-lock.yaml': 'lockfileVersion: 9\n',
    });
    await runGit(dir, 'remote', 'add', 'origin', 'git@github.com:acme/bot.git');
    const cli = await runCli(
      [
        '--cwd',
        dir,
        'preprod',
        'plan',
        '--write-scenarios',
        '--write-config',
        '--out',
        '.archal/preprod-plan.json',
        '--json',
      ],
      { timeoutMs: 60_000 },
    );
    expect(cli.code).toBe(0);
    const plan = json<{
      harness: { command: string; source: string; runnable: boolean };
      scenarios: { files: string[]; valid: number; errors: string[] };
      authoredScenarios: Array<{ path: string; written: boolean }>;
      git: { origin: { github: boolean; owner: string; repo: string } };
      packageManager: string;
      validationCommand: string;
      wroteConfig: boolean;
      blockers: unknown[];
    }>(cli);
    expect(plan.harness).toMatchObject({ command: 'node .archal/harness.mjs', source: 'discovered', runnable: true });
    expect(plan.authoredScenarios.map((scenario) => scenario.path)).toEqual([
      'archal/smoke-read-only.md',
      'archal/triage-labels.md',
    ]);
    expect(plan.authoredScenarios.every((scenario) => scenario.written)).toBe(true);
    expect(plan.scenarios).toMatchObject({ valid: 2, errors: [] });
    expect(plan.git.origin).toMatchObject({ github: true, owner: 'acme', repo: 'bot' });
    expect(plan).toMatchObject({
      packageManager: 'pnpm',
      validationCommand: 'pnpm test',
      wroteConfig: true,
      blockers: [],
    });
    expect(JSON.parse(readFileSync(join(dir, '.archal', 'preprod-plan.json'), 'utf8'))).toEqual(plan);
    const validate = await runCli([
      '--cwd',
      dir,
      'scenario',
      'validate',
      ...plan.authoredScenarios.map((scenario) => scenario.path),
    ]);
    expect(validate.code).toBe(0);

    // A second plan keeps the existing config and scenarios.
    const config = readFileSync(join(dir, '.archal.json'), 'utf8');
    writeFiles(dir, {
      'archal/smoke-read-only.md': readFileSync(join(dir, 'archal/smoke-read-only.md'), 'utf8').replace(
        'Do not change anything.',
        'Do not change anything at all.',
      ),
    });
    const second = json<{ wroteConfig: boolean; authoredScenarios: Array<{ written: boolean }> }>(
      await runCli(['--cwd', dir, 'preprod', 'plan', '--write-scenarios', '--write-config', '--json'], {
        timeoutMs: 60_000,
      }),
    );
    expect(second.wroteConfig).toBe(false);
    expect(second.authoredScenarios.map((scenario) => scenario.written)).toEqual([false, false]);
    expect(readFileSync(join(dir, '.archal.json'), 'utf8')).toBe(config);
    expect(readFileSync(join(dir, 'archal/smoke-read-only.md'), 'utf8')).toContain('at all');
  }, 90_000);

  it('names each blocker with how to fix it', async () => {
    const dir = tempRepo();
    await runGit(dir, 'remote', 'add', 'origin', 'https://gitlab.com/acme/bot.git');
    const cli = await runCli(['--cwd', dir, 'preprod', 'plan', '--write-config', '--json'], {
      timeoutMs: 60_000,
      env: { GITHUB_API_URL: '' },
    });
    expect(cli.code).toBe(0);
    const plan = json<{ blockers: Array<{ code: string; fix: string }> }>(cli);
    expect(plan.blockers.map((blocker) => blocker.code)).toEqual([
      'missing_harness',
      'no_scenarios',
      'origin_not_github',
    ]);
    // With no harness found, the written config names none (the loop then says missing_harness).
    expect(JSON.parse(readFileSync(join(dir, '.archal.json'), 'utf8'))).not.toHaveProperty('agent');
    for (const blocker of plan.blockers) expect(blocker.fix).toMatch(/\S/);
  }, 60_000);

  it('with an existing .archal.json whose scenarios miss the starters, the next steps pass their paths explicitly', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs', scenarios: ['scenarios'] }),
      'agent.mjs': "console.log(JSON.stringify({ text: 'OK' }));\n",
      'scenarios/mine.md':
        '# Mine\n\n## Prompt\nList the issues in acme/widgets.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nseed: small-project\ntimeout: 20\n',
    });
    const cli = await runCli(['--cwd', dir, 'preprod', 'plan', '--write-scenarios', '--write-config', '--json'], {
      timeoutMs: 60_000,
    });
    expect(cli.code).toBe(0);
    const plan = json<{
      wroteConfig: boolean;
      scenarios: { files: string[]; valid: number; errors: string[] };
      authoredScenarios: Array<{ path: string }>;
      nextSteps: string[];
    }>(cli);
    expect(plan.wroteConfig).toBe(false);
    expect(plan.scenarios).toEqual({
      files: ['scenarios/mine.md', 'archal/smoke-read-only.md', 'archal/triage-labels.md'],
      valid: 3,
      errors: [],
    });
    const explicit = 'scenarios archal/smoke-read-only.md archal/triage-labels.md';
    expect(plan.nextSteps[0]).toBe(`archal preprod run ${explicit} --plan --artifacts .archal/preprod`);
    for (const step of plan.nextSteps) expect(step).toContain(`archal preprod run ${explicit} `);
    // The first step, typed as printed, resolves the user's scenario and the starters.
    const planned = await runCli(['--cwd', dir, ...plan.nextSteps[0]!.split(' ').slice(1), '--json'], {
      timeoutMs: 60_000,
    });
    expect(planned.code).toBe(0);
    const result = json<{ status: string; scenarios: Array<{ file: string }> }>(planned);
    expect(result.status).toBe('planned');
    expect(result.scenarios.map((scenario) => scenario.file).sort()).toEqual([
      'archal/smoke-read-only.md',
      'archal/triage-labels.md',
      'scenarios/mine.md',
    ]);
  }, 90_000);

  it('reports an invalid .archal.json as the invalid_config blocker (exit 0) and never rewrites it', async () => {
    const dir = tempRepo();
    const broken = '{"agent": ".archal/harness.mjs", "runs": "three",\n';
    writeFiles(dir, {
      '.archal.json': broken,
      '.archal/harness.mjs': "if (process.env.ARCHAL_PREFLIGHT === '1') { console.log('OK'); process.exit(0); }\n",
    });
    const args = ['--cwd', dir, 'preprod', 'plan', '--write-scenarios', '--write-config'];
    const cli = await runCli([...args, '--out', '.archal/preprod-plan.json', '--json'], { timeoutMs: 60_000 });
    expect(cli.code).toBe(0);
    const plan = json<{
      config: { exists: boolean; valid: boolean; errors: string[] };
      wroteConfig: boolean;
      authoredScenarios: Array<{ path: string; written: boolean }>;
      blockers: Array<{ code: string; message: string; fix: string }>;
    }>(cli);
    expect(plan.config).toMatchObject({ exists: true, valid: false });
    expect(plan.config.errors.join('\n')).toMatch(/invalid JSON/);
    expect(plan.blockers.map((blocker) => blocker.code)).toContain('invalid_config');
    expect(plan.blockers.find((blocker) => blocker.code === 'invalid_config')!.fix).toMatch(/archal config validate/);
    expect(plan.wroteConfig).toBe(false);
    expect(readFileSync(join(dir, '.archal.json'), 'utf8')).toBe(broken);
    // The starters are still written, and the plan file too: the paths to pass to `preprod run` by hand.
    expect(plan.authoredScenarios.every((scenario) => scenario.written)).toBe(true);
    expect(existsSync(join(dir, '.archal', 'preprod-plan.json'))).toBe(true);

    // The terminal summary names the blocker too.
    const summary = await runCli(args, { timeoutMs: 60_000 });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/config: +invalid/);
    expect(summary.stdout).toMatch(/✗ invalid_config: .*fix: Run `archal config validate`/s);
  }, 90_000);
});

async function runGit(dir: string, ...args: string[]): Promise<void> {
  const { execFile } = await import('node:child_process');
  await new Promise<void>((resolve, reject) =>
    execFile('git', args, { cwd: dir }, (error) => (error ? reject(error) : resolve())),
  );
}

describe('archal preprod run: classification', () => {
  it('puts each failure in its category, with evidence and a next step, and marks flaky scenarios', async () => {
    const dir = tempRepo();
    const agent = `
import { openSync } from 'node:fs';
const task = process.env.AGENT_TASK;
const api = process.env.GITHUB_API_URL;
const headers = { authorization: 'token ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' };
const call = (method, path, body) => fetch(api + path, { method, headers, body: body && JSON.stringify(body) });
const answer = (text) => console.log(JSON.stringify({ text }));
if (task.includes('ROUTING')) await fetch('http://127.0.0.1:9/repos/acme/widgets');
if (task.includes('GAP')) answer(String((await call('GET', '/repos/acme/widgets/traffic/views')).status));
if (task.includes('GAPCRASH')) { const r = await call('GET', '/repos/acme/widgets/traffic/views'); if (r.status === 404) throw new Error('traffic: ' + r.status); }
if (task.includes('CRASH')) { console.error('the agent gave up'); process.exit(1); }
if (task.includes('LABEL') || task.includes('EVALUATOR')) { await call('POST', '/repos/acme/widgets/labels', { name: 'triaged', color: 'ededed' }); answer('ok'); }
if (task.includes('FLAKY')) {
  let first = true;
  try { openSync('flaky-marker', 'wx'); } catch { first = false; }
  if (first) await call('POST', '/repos/acme/widgets/labels', { name: 'triaged', color: 'ededed' });
  answer('ok');
}
if (task.includes('WRONG')) answer('did nothing');
`;
    const scenario = (prompt: string, criteria: string) =>
      `# ${prompt}\n\n## Prompt\n${prompt} in acme/widgets.\n\n## Success Criteria\n${criteria}\n\n## Config\nseed: small-project\ntimeout: 20\n`;
    writeFiles(dir, {
      'agent.mjs': agent,
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
      'archal/routing.md': scenario('ROUTING', '- [D] the run exits successfully'),
      'archal/gap.md': scenario('GAP', '- [D] a label named "triaged" exists'),
      'archal/crash.md': scenario('CRASH', '- [D] the run exits successfully'),
      'archal/gap-crash.md': scenario('GAPCRASH', '- [D] the run exits successfully'),
      'archal/evaluator.md': scenario(
        'EVALUATOR',
        '- [D] a label named "triaged" exists\n- [D] the label list is odd => $number("not a number")',
      ),
      'archal/wrong.md': scenario('WRONG', '- [D] a label named "triaged" exists'),
      'archal/flaky.md': scenario('FLAKY', '- [D] a label named "triaged" exists'),
      'archal/fine.md': scenario('LABEL', '- [D] a label named "triaged" exists'),
    });
    const { cli, result } = await preprod(dir, ['--dry-run', '--runs', '2']);
    expect(cli.code).toBe(0);
    const failures = result.attempts[0]!.failures;
    const byFile = Object.fromEntries(failures.map((failure) => [failure.id, failure]));
    expect(Object.fromEntries(failures.map((failure) => [failure.id, [failure.category, failure.flaky]]))).toEqual({
      'archal/crash.md#unknown': ['unknown', false],
      'archal/evaluator.md#c2': ['scenario_evaluator', false],
      'archal/flaky.md#c1': ['agent_behavior', true],
      'archal/gap-crash.md#clone_fidelity': ['clone_fidelity', false],
      'archal/gap.md#clone_fidelity': ['clone_fidelity', false],
      'archal/routing.md#routing': ['routing', false],
      'archal/wrong.md#c1': ['agent_behavior', false],
    });
    expect(byFile['archal/routing.md#routing']!.evidence[0]!.excerpt).toMatch(/ECONNREFUSED|fetch failed/);
    expect(byFile['archal/gap.md#clone_fidelity']!.evidence[0]).toMatchObject({
      request: { method: 'GET', path: '/repos/acme/widgets/traffic/views', status: 404 },
    });
    expect(byFile['archal/crash.md#unknown']!.evidence[0]!.excerpt).toMatch(/the agent gave up/);
    expect(byFile['archal/gap-crash.md#clone_fidelity']!.evidence[0]).toMatchObject({
      excerpt: expect.stringMatching(
        /exited with code 1 after calling 1 route\(s\) the clone does not implement: GET \/repos\/acme\/widgets\/traffic\/views/,
      ),
      request: { method: 'GET', path: '/repos/acme/widgets/traffic/views', status: 404 },
    });
    expect(byFile['archal/evaluator.md#c2']!.evidence[0]!.excerpt).toMatch(/evaluation failed/);
    expect(byFile['archal/flaky.md#c1']).toMatchObject({ failedRuns: 1, runs: 2 });
    expect(byFile['archal/flaky.md#c1']!.hint).toMatch(/nondeterminism/);
    expect(byFile['archal/wrong.md#c1']!.evidence).toHaveLength(2);
    expect(byFile['archal/wrong.md#c1']!.evidence[0]!.excerpt).toMatch(/made no request to its clone/);
    for (const failure of failures) {
      expect(failure.hint).toMatch(/\S/);
      for (const evidence of failure.evidence)
        expect(result.attempts[0]!.scenarios.flatMap((s) => s.runIds)).toContain(evidence.runId);
    }
  }, 90_000);
});
