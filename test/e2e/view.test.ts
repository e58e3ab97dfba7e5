import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { launchBrowser } from '../helpers/browser.js';
import { json, REPO_ROOT, runCli, startCli, waitFor, type BackgroundCli } from '../helpers/cli.js';
import { hostedRepo, type HostedRepo } from '../helpers/hosted.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The viewer and the report, in a real browser, over records made by real `archal run`,
 * `archal preprod run` and `archal workflow run` invocations in one repository hosted on the
 * GitHub clone. Set ARCHAL_UPDATE_SCREENSHOTS=1 to refresh the README's screenshots in docs/.
 */

const PLANTED_ANSWER = `Filed it. <script>window.__pwned = 'answer'</script><img src=x onerror="window.__pwned = 'img'">`;
const PLANTED_TITLE = `<script>window.__pwned = 'title'</script>Release <b>blocked</b>`;
const FAKE_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const ENV_SECRET = 'viewer-env-secret-4711';

const FILES: Record<string, string> = {
  'xss-agent.mjs': `
const api = process.env.GITHUB_API_URL;
const headers = { authorization: 'token ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' };
await fetch(api + '/repos/acme/widgets/issues', { method: 'POST', headers, body: JSON.stringify({ title: ${JSON.stringify(PLANTED_TITLE)} }) });
await fetch(api + '/repos/acme/widgets/traffic/views', { headers });
(await import('node:fs')).writeFileSync(process.env.AGENT_TRACE_FILE, JSON.stringify({ steps: [{ tool: 'create_issue', note: '<script>window.__pwned = "trace"</script>' }] }));
process.stderr.write('filed the issue\\n');
console.log(JSON.stringify({ text: ${JSON.stringify(PLANTED_ANSWER)} }));
`,
  'checks/xss.md': `# Files a release issue

## Prompt
File an issue about the release in acme/widgets.

## Success Criteria
- [D] Exactly 2 issues were created
- [D] The answer says it filed the issue => $contains(run.answer, "Filed it")

## Config
seed: small-project
timeout: 30
`,
  '.archal/workflows/release.yaml': `name: release
description: plans, builds and lints, then ships
nodes:
  - id: plan
    bash: "printf 'plan <script>window.__pwned = 1</script> with ${FAKE_TOKEN} and %s' \\"$VIEWER_SECRET\\""
  - id: build
    depends_on: [plan]
    bash: printf built
  - id: lint
    depends_on: [plan]
    bash: echo "lint found 3 problems in src/app.ts" >&2; exit 3
  - id: ship
    depends_on: [build, lint]
    bash: printf shipped
`,
  '.archal/workflows/live.yaml': `name: live
description: waits for a file, then finishes
nodes:
  - id: wait
    bash: "while [ ! -f go ]; do sleep 0.1; done; printf ready"
  - id: after
    depends_on: [wait]
    bash: printf finished
`,
};

interface SuiteJson {
  suiteId: string;
  scenarios: Array<{ results: Array<{ runId: string; failureKind: string | null }> }>;
}
interface PreprodJson {
  status: string;
  attempts: Array<{ attempt: number; scenarios: Array<{ title: string; runIds: string[] }> }>;
  pr: { url: string; number: number } | null;
}

let repo: HostedRepo;
let env: NodeJS.ProcessEnv;
let viewer: BackgroundCli;
let viewerUrl: URL;
let browser: BrowserContext;
let xssSuite: SuiteJson;
let loop: PreprodJson;
let workflowRunId: string;
const screenshots = process.env.ARCHAL_UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs') : tempDir('archal-shots-');

const cli = (args: string[], timeoutMs = 60_000) => runCli(['--cwd', repo.dir, ...args], { env, timeoutMs });
const pageUrl = (path: string) => `${viewerUrl.origin}${path}?token=${viewerUrl.searchParams.get('token')}`;

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(pageUrl(path));
  expect(response?.status()).toBe(200);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(screenshots, name);
  await page.screenshot({ path: file });
  expect(statSync(file).size).toBeGreaterThan(10_000);
}

beforeAll(async () => {
  repo = await hostedRepo(FILES);
  env = { ...repo.env, ARCHAL_HOME: tempDir('archal-home-'), DATABASE_URL: '', VIEWER_SECRET: ENV_SECRET };

  const run = await cli([
    'run',
    'checks/xss.md',
    '--harness',
    'node xss-agent.mjs',
    '--pass-threshold',
    '100',
    '-o',
    'json',
  ]);
  expect(run.code).toBe(1);
  xssSuite = json<SuiteJson>(run);

  const preprod = await cli(
    [
      'preprod',
      'run',
      '--json',
      '--allow-external-execution',
      '--fix-command',
      'node fix.mjs',
      '--validation-command',
      'npm test',
      '--open-pr',
    ],
    120_000,
  );
  expect(preprod.code).toBe(0);
  loop = json<PreprodJson>(preprod);
  expect(loop.pr?.url).toBeTruthy();

  const workflow = await cli(['workflow', 'run', 'release', '--json']);
  expect(workflow.code).toBe(1);
  workflowRunId = json<{ runId: string }>(workflow).runId;

  viewer = startCli(['--cwd', repo.dir, 'view', '--port', '0'], { env });
  await waitFor(() => /^http:\/\/\S+\n/.test(viewer.stdout()), 15_000, 'the viewer to print its URL');
  viewerUrl = new URL(viewer.stdout().trim());
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  viewer?.kill('SIGINT');
  await viewer?.done;
  await repo?.stop();
});

describe('archal view', () => {
  it('listens on loopback and answers only requests carrying the token of its URL', async () => {
    expect(viewerUrl.hostname).toBe('127.0.0.1');
    expect(viewerUrl.searchParams.get('token')!.length).toBeGreaterThanOrEqual(32);
    expect((await fetch(`${viewerUrl.origin}/`)).status).toBe(401);
    expect((await fetch(`${viewerUrl.origin}/runs/${xssSuite.scenarios[0]!.results[0]!.runId}`)).status).toBe(401);
    expect((await fetch(`${viewerUrl.origin}/?token=not-the-token`)).status).toBe(403);
    expect((await fetch(`${viewerUrl.origin}/api/workflows/${workflowRunId}?token=x`)).status).toBe(403);
    const ok = await fetch(viewerUrl);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'nonce-");
  });

  it('lists suites, pre-prod loops and workflow runs, the newest first, and filters them as you type', async () => {
    const page = await open('/');
    const rows = page.locator('table.records tbody tr');
    // The xss suite, the loop's two suites, the loop, the workflow run.
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(0).innerText()).toMatch(/workflow\s+Workflow release[\s\S]*failed/);
    expect(await rows.nth(1).innerText()).toMatch(/pre-prod\s+Pre-prod loop[\s\S]*passed/);
    await expect(page.locator('tr:has-text("pre-prod attempt 0")').count()).resolves.toBe(1);
    await screenshot(page, 'view-list.png');

    await page.locator('input[data-search-input]').fill('release');
    await page.waitForFunction("document.getElementById('shown-count').textContent === '2'");
    const kinds = await page.locator('table.records tbody tr:visible td:first-child').allInnerTexts();
    expect(kinds.map((text) => text.trim())).toEqual(['workflow', 'suite']);
    await page.close();
  });

  it('shows a failed scenario run: the failing criterion with its values, the request timeline, the state diff', async () => {
    const runId = loop.attempts[0]!.scenarios.find((scenario) => scenario.title === 'Close stale issues')!.runIds[0]!;
    const page = await open(`/runs/${runId}`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/Close stale issues — run 1\s+failed/);
    await expect(page.locator('[data-failure-kind="agent"]').innerText()).resolves.toContain('Failure: agent');
    const c1 = page.locator('tr[data-criterion="c1"]');
    await expect(c1.getAttribute('data-status')).resolves.toBe('failed');
    await expect(c1.locator('[data-expected]').innerText()).resolves.toBe('4');
    await expect(c1.locator('[data-actual]').innerText()).resolves.toBe('8');
    expect(await c1.innerText()).toMatch(
      /Exactly 4 issues are closed[\s\S]*phrase[\s\S]*expected exactly 4 issues that were closed by the run, found 8/,
    );
    await expect(page.locator('tr[data-criterion="c4"] td').nth(2).innerText()).resolves.toBe('judged');

    const requests = page.locator('table.requests tbody tr');
    expect(await requests.count()).toBe(18);
    expect(await requests.nth(0).innerText()).toMatch(
      /^1\s+\+0 ms\s+GET\s+\/user\/repos\?per_page=100\s+200\s+[\d.]+ ms\s+repos\/list-for-authenticated-user/,
    );
    expect(await requests.nth(3).innerText()).toMatch(
      /PATCH\s+\/repos\/acme\/webapp\/issues\/1\s+200[\s\S]*issues\/update/,
    );
    await expect(page.locator('h3[data-collection="issues"]').innerText()).resolves.toBe(
      'issues: 0 created, 8 updated, 0 deleted',
    );
    await expect(page.locator('table.diff').first().innerText()).resolves.toMatch(
      /acme\/webapp#1\s+state\s+"?open"?\s+"?closed"?/,
    );
    await expect(page.locator('[data-answer]').innerText()).resolves.toContain('Closed 8 stale issue(s)');
    await expect(page.locator('[data-stderr]').innerText()).resolves.toContain('closed acme/webapp#1');
    await screenshot(page, 'view-run.png');
    await page.close();
  });

  it('escapes agent output and request bodies: a <script> planted in an answer and an issue title does not run', async () => {
    const run = xssSuite.scenarios[0]!.results[0]!;
    expect(run.failureKind).toBe('clone_gap');
    const page = await open(`/runs/${run.runId}`);
    await expect(page.locator('[data-answer]').innerText()).resolves.toBe(PLANTED_ANSWER);
    await expect(page.locator('[data-failure-kind="clone_gap"]').count()).resolves.toBe(1);
    // The created issue, by its title, in the state diff; its request body when expanded.
    const created = page.locator('[data-collection-diff="issues"] details:has(.badge:text("created"))');
    await expect(created.locator('summary').innerText()).resolves.toContain(PLANTED_TITLE);
    const post = page.locator('table.requests tbody tr', { hasText: 'POST' });
    await post.locator('summary').click();
    await expect(post.locator('pre').first().innerText()).resolves.toContain(PLANTED_TITLE);
    const gap = page.locator('tr[data-not-implemented]');
    expect(await gap.innerText()).toMatch(/GET\s+\/repos\/acme\/widgets\/traffic\/views\s+404[\s\S]*not implemented/);
    await expect(page.locator('tr[data-criterion="c1"] [data-actual]').innerText()).resolves.toBe('1');
    await expect(page.locator('[data-trace]').textContent()).resolves.toContain('"tool": "create_issue"');
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await expect(page.locator('script:not([nonce])').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows a pre-prod loop: the attempts as a timeline, the evidence of each failure and the PR link', async () => {
    const list = await open('/');
    await list.locator('table.records a', { hasText: 'Pre-prod loop' }).click();
    await list.waitForSelector('ol.timeline');
    const steps = await list
      .locator('ol.timeline > li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-step')));
    expect(steps).toEqual(['preflight', 'run', 'classify', 'fix', 'rerun', 'classify', 'validate', 'pr', 'stop']);
    const failure = list.locator('[data-failure="archal/close-stale-issues.md#c1"]');
    expect(await failure.innerText()).toMatch(/agent_behavior[\s\S]*Exactly 4 issues are closed[\s\S]*found 8/);
    const pr = list.locator('a[data-pr-link]');
    await expect(pr.getAttribute('href')).resolves.toBe(loop.pr!.url);
    await expect(pr.innerText()).resolves.toContain(`#${loop.pr!.number}`);
    // A run of the evidence opens that run's page.
    await failure.locator('a').first().click();
    await list.waitForSelector('tr[data-criterion="c1"]');
    expect(list.url()).toContain('/runs/');
    await list.goBack();
    await list.waitForSelector('ol.timeline');
    await screenshot(list, 'view-preprod.png');
    await list.close();
  });

  it('draws a workflow run: the DAG with the failed node, each node with its state, output and error', async () => {
    const page = await open(`/workflows/${workflowRunId}`);
    await expect(page.locator('#run-status').innerText()).resolves.toBe('failed');
    const lint = page.locator('svg.dag [data-node="lint"]');
    await expect(lint.getAttribute('class')).resolves.toBe('node state-failed');
    await expect(lint.locator('text.sub').textContent()).resolves.toMatch(/^failed · [\d.]+ ms$/);
    await expect(page.locator('svg.dag [data-node="ship"]').getAttribute('class')).resolves.toBe('node state-skipped');
    await expect(page.locator('svg.dag [data-node="build"]').getAttribute('class')).resolves.toBe(
      'node state-completed',
    );
    expect(
      await page
        .locator('svg.dag path.edge')
        .evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-edge'))),
    ).toEqual(expect.arrayContaining(['plan->build', 'plan->lint', 'build->ship', 'lint->ship']));
    await expect(page.locator('[data-node-cell="error"][data-node-id="lint"]').innerText()).resolves.toContain(
      'lint found 3 problems in src/app.ts',
    );
    // Node output: escaped, and redacted like the artifacts (a token format, a secret variable's value).
    const output = await page.locator('[data-node-cell="output"][data-node-id="plan"]').innerText();
    expect(output).toBe('plan <script>window.__pwned = 1</script> with [REDACTED] and [REDACTED]');
    expect(await page.content()).not.toContain(FAKE_TOKEN);
    expect(await page.content()).not.toContain(ENV_SECRET);
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await screenshot(page, 'view-workflow.png');
    await page.close();
  });

  it('follows a running workflow: node states change on the page while it runs', async () => {
    const running = startCli(['--cwd', repo.dir, 'workflow', 'run', 'live'], { env });
    try {
      let runId: string | undefined;
      await waitFor(
        async () => {
          const status = json<{ active: Array<{ id: string; workflow: string }> }>(
            await cli(['workflow', 'status', '--json']),
          );
          runId = status.active.find((run) => run.workflow === 'live')?.id;
          return runId !== undefined;
        },
        20_000,
        'the live workflow to start',
      );
      const page = await open(`/workflows/${runId}`);
      await page.waitForSelector('svg.dag [data-node="wait"].state-running', { timeout: 10_000 });
      await expect(page.locator('#run-status').innerText()).resolves.toBe('running');
      writeFileSync(join(repo.dir, 'go'), '');
      await page.waitForSelector('svg.dag [data-node="after"].state-completed', { timeout: 15_000 });
      await page.waitForFunction("document.getElementById('run-status').textContent === 'completed'", null, {
        timeout: 15_000,
      });
      await expect(page.locator('[data-node-cell="output"][data-node-id="after"]').innerText()).resolves.toBe(
        'finished',
      );
      await page.close();
      expect((await running.done).code).toBe(0);
    } finally {
      running.kill('SIGKILL');
    }
  }, 60_000);

  it('draws satisfaction over time when several suites ran the same scenarios', async () => {
    const list = await open('/');
    await list.locator('tr:has-text("pre-prod attempt 1") a').first().click();
    await list.waitForSelector('.chart .uplot canvas');
    await expect(list.locator('.chart .u-legend').innerText()).resolves.toContain('Close stale issues');
    await list.close();
  });
});

describe('archal report --html', () => {
  async function openOffline(file: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.context().setOffline(true);
    await page.goto(`file://${file}`);
    await page.waitForLoadState('load');
    return { page, requests };
  }

  it('writes one self-contained file that opens with the network disabled and makes no request', async () => {
    const out = join(tempDir('archal-report-'), 'nested', 'suite.html');
    const written = await cli(['report', xssSuite.suiteId.slice(0, 8), '--html', out]);
    expect(written.code).toBe(0);
    expect(written.stdout.trim()).toBe(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="?https?:/);

    const { page, requests } = await openOffline(out);
    try {
      await expect(page.locator('h1').first().innerText()).resolves.toMatch(/Scenario suite\s+failed/);
      // The run's page is in the same file; the suite links to it.
      await page.locator('a .run-chip').first().click();
      await expect(
        page.locator(`section#run-${xssSuite.scenarios[0]!.results[0]!.runId} [data-answer]`).innerText(),
      ).resolves.toBe(PLANTED_ANSWER);
      await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
      expect(requests).toEqual([`file://${out}`]);
    } finally {
      await page.context().setOffline(false);
      await page.close();
    }
  });

  it('reports the newest record with `last`, and a pre-prod loop with its runs and chart library inlined only where needed', async () => {
    const dir = tempDir('archal-report-');
    const last = await cli(['report', 'last', '--html', join(dir, 'last.html')]);
    expect(last.code).toBe(0);
    expect(last.stderr).toContain('workflow');
    const lastHtml = readFileSync(join(dir, 'last.html'), 'utf8');
    // The newest record: the workflow run the live test finished.
    expect(lastHtml).toContain('data-node="after"');
    expect(lastHtml).not.toContain('github.com/leeoniya/uPlot');
    expect(lastHtml).not.toMatch(/<div[^>]* data-live=/);

    const preprod = await cli(['report', '.archal/preprod', '--html', join(dir, 'loop.html')]);
    expect(preprod.code).toBe(0);
    const { page, requests } = await openOffline(join(dir, 'loop.html'));
    try {
      await expect(page.locator('section.record').count()).resolves.toBe(7);
      await expect(page.locator('a[data-pr-link]').getAttribute('href')).resolves.toBe(loop.pr!.url);
      expect(requests).toHaveLength(1);
    } finally {
      await page.context().setOffline(false);
      await page.close();
    }

    const rerun = loop.attempts[1]!.scenarios[0]!.runIds[0]!;
    const runReport = await cli(['report', rerun, '--html', join(dir, 'run.html')]);
    expect(runReport.code).toBe(0);
    expect(readFileSync(join(dir, 'run.html'), 'utf8')).toContain('Close stale issues');
  });

  it('says what is wrong with a reference or a missing --html, with exit 2', async () => {
    const unknown = await cli(['report', 'no-such-run', '--html', join(tempDir(), 'x.html')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No suite, scenario run, pre-prod loop or workflow run is named 'no-such-run'");
    const short = await cli(['report', 'ab', '--html', join(tempDir(), 'x.html')]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('a prefix needs at least 4 characters');
    const noFile = await cli(['report', 'last']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('--html FILE');
  });
});
