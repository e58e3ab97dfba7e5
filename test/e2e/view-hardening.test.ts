import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { launchBrowser } from '../helpers/browser.js';
import { json, runCli, startCli, waitFor, type BackgroundCli } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * The viewer as a demanding user meets it, in a real browser, over runs made by real `archal
 * workflow run` invocations: output with terminal colours, an agent session with over a thousand
 * events, and a page opened under a DNS name rebound to 127.0.0.1.
 */

const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));
/** A name Chromium resolves to this machine, as a rebound attacker's name would. */
const REBOUND = 'rebind.test';
const TOOL_CALLS = 600;
const PAYLOAD = `<img src=x onerror="window.__pwned = 'tool'">`;
const FAKE_GITHUB_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;

const FILES: Record<string, string> = {
  // printf turns \033 into ESC: a colour, then an OSC 8 hyperlink (to javascript:), then markup.
  '.archal/workflows/colours.yaml': `name: colours
description: output and errors with terminal colours
nodes:
  - id: paint
    bash: |
      printf '\\033[31mred\\033[0m plain \\033]8;;javascript:alert(1)\\033\\\\link\\033]8;;\\033\\\\ <img src=x onerror="window.__pwned = 1">'
  - id: secret
    bash: |
      printf 'token \\033[32m%s\\033[0m id\\033[1m%s\\033[0m' "$PRINTED_TEXT" "$PRINTED_TEXT"
  - id: lint
    depends_on: [paint]
    bash: |
      printf '\\033[1;31merror\\033[0m: 3 problems' >&2; exit 2
`,
  // An agent that reads big answers: 40 issues of 20 KB, listed 60 times (each answer ~800 KB).
  'heavy-agent.mjs': `
const api = process.env.GITHUB_API_URL;
const headers = { authorization: 'token ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' };
const [repo] = await (await fetch(api + '/user/repos', { headers })).json();
for (let i = 0; i < 40; i++)
  await fetch(api + '/repos/' + repo.full_name + '/issues', { method: 'POST', headers, body: JSON.stringify({ title: 'issue ' + i, body: 'x'.repeat(20000) }) });
for (let i = 0; i < 60; i++) await fetch(api + '/repos/' + repo.full_name + '/issues?per_page=100&state=all', { headers });
console.log(JSON.stringify({ text: 'listed' }));
`,
  'checks/heavy.md': `# Lists big issues again and again

## Prompt
List the issues.

## Success Criteria
- [D] The answer says listed => $contains(run.answer, "listed")

## Config
seed: small-project
timeout: 120
`,
  '.archal/workflows/busy.yaml': `name: busy
description: a long agent session
nodes:
  - id: agent
    prompt: do many things
    provider: claude
`,
};

let repo: string;
let env: NodeJS.ProcessEnv;
let viewer: BackgroundCli;
let viewerUrl: URL;
let browser: BrowserContext;
let coloursRunId: string;
let busyRunId: string;
let heavyRunId: string;
const problems: string[] = [];

const cli = (args: string[]) => runCli(['--cwd', repo, ...args], { env, timeoutMs: 60_000 });
const token = () => viewerUrl.searchParams.get('token')!;
const pageUrl = (path: string, origin = viewerUrl.origin) => `${origin}${path}?token=${token()}`;

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(pageUrl(path));
  expect(response?.status()).toBe(200);
  return page;
}

/** GET with a Host header of our choosing (fetch does not let one set it). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request(
      { host: '127.0.0.1', port: viewerUrl.port, path: `${path}?token=${token()}`, headers: { host } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    call.on('error', reject);
    call.end();
  });
}

beforeAll(async () => {
  repo = tempRepo();
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  env = {
    ARCHAL_HOME: tempDir('archal-home-'),
    DATABASE_URL: '',
    PATH: `${FAKE_BIN}:${process.env.PATH}`,
    FAKE_CLAUDE_SCENARIO: `busy:${TOOL_CALLS}`,
    FAKE_CLAUDE_TOOL_TEXT: `\u001b[32mgreen\u001b[0m ${PAYLOAD}`,
    // Not secret-named: only its format tells it is a token.
    PRINTED_TEXT: FAKE_GITHUB_TOKEN,
  };
  const colours = await cli(['workflow', 'run', 'colours', '--json']);
  expect(colours.code).toBe(1);
  coloursRunId = json<{ runId: string }>(colours).runId;
  const busy = await cli(['workflow', 'run', 'busy', '--json']);
  expect(busy.code).toBe(0);
  busyRunId = json<{ runId: string }>(busy).runId;

  const heavy = await cli(['run', 'checks/heavy.md', '--harness', 'node heavy-agent.mjs', '-o', 'json']);
  expect(heavy.code).toBe(0);
  heavyRunId = json<{ scenarios: Array<{ results: Array<{ runId: string }> }> }>(heavy).scenarios[0]!.results[0]!.runId;

  viewer = startCli(['--cwd', repo, 'view'], { env });
  await waitFor(() => /^http:\/\/\S+\n/.test(viewer.stdout()), 15_000, 'the viewer to print its URL');
  viewerUrl = new URL(viewer.stdout().trim());
  browser = await launchBrowser([`--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`]);
  browser.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`${page.url()}: a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  viewer?.kill('SIGINT');
  await viewer?.done;
});

describe('archal view, hardened', () => {
  it('shows node output and errors without terminal escape sequences, and runs none of their markup', async () => {
    const page = await open(`/workflows/${coloursRunId}`);
    await expect(page.locator('[data-node-cell="output"][data-node-id="paint"]').innerText()).resolves.toBe(
      'red plain link <img src=x onerror="window.__pwned = 1">',
    );
    await expect(page.locator('[data-node-cell="error"][data-node-id="lint"]').innerText()).resolves.toContain(
      'error: 3 problems',
    );
    expect(await page.locator('main').innerText()).not.toContain('\u001b');
    // A token the program coloured is redacted like any other, not revealed once its colours are dropped.
    await expect(page.locator('[data-node-cell="output"][data-node-id="secret"]').innerText()).resolves.toBe(
      'token [REDACTED] id[REDACTED]',
    );
    expect(await page.content()).not.toContain(FAKE_GITHUB_TOKEN);
    // What a live page writes into the same cells while it follows a run.
    const state = await page.evaluate(
      async (url) => (await fetch(url)).text(),
      pageUrl(`/api/workflows/${coloursRunId}`),
    );
    expect(state).toContain('red plain link');
    // Glued to a word once its colours are dropped, the token is redacted all the same.
    expect(state).toContain('id[REDACTED]');
    expect(state).not.toContain(FAKE_GITHUB_TOKEN);
    // JSON writes ESC as \u001b.
    expect(state).not.toContain('\\u001b');
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("takes a click or Enter on a node of the graph to that node's row, its output and error", async () => {
    const page = await open(`/workflows/${coloursRunId}`);
    const row = page.locator('tr[data-node-row="lint"]');
    const inView = async () =>
      (await row.evaluate((element) => element.getBoundingClientRect().top)) <
      (await page.evaluate<number>('innerHeight'));
    await page.setViewportSize({ width: 1180, height: 300 });
    expect(await inView()).toBe(false);
    await page.locator('svg.dag [data-node="lint"]').click();
    await page.waitForURL(/#node-/, { timeout: 5_000 });
    expect(await inView()).toBe(true);
    await expect(row.locator('[data-node-cell="error"]').innerText()).resolves.toContain('error: 3 problems');

    // By keyboard: the graph's nodes are links in reading order, named by their id and state.
    await page.goto(pageUrl(`/workflows/${coloursRunId}`));
    const names: string[] = [];
    const onLint = () => names.some((name) => name.startsWith('lint: failed'));
    for (let step = 0; step < 8 && !onLint(); step++) {
      await page.keyboard.press('Tab');
      names.push(await page.evaluate<string>("document.activeElement?.closest('a')?.textContent?.trim() ?? ''"));
    }
    expect(onLint()).toBe(true);
    // …and in the accessibility tree: a graph of links, not an image that hides them.
    await expect(page.getByRole('link', { name: /^lint: failed/ }).count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#node-.*lint$/, { timeout: 5_000 });
    expect(await inView()).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows the newest 500 events of a long agent session, with a link to all of them', async () => {
    const page = await open(`/workflows/${busyRunId}`);
    const rows = page.locator('table.events tbody tr');
    const summary = await page.locator('[data-events] summary').innerText();
    const total = Number(/^([\d,]+) event\(s\)/.exec(summary)?.[1]?.replace(/,/g, ''));
    expect(total).toBeGreaterThan(2 * TOOL_CALLS);
    expect(summary).toContain('the newest 500 shown');
    expect(await rows.count()).toBe(500);
    // The list is folded until opened: textContent, not innerText.
    await expect(rows.last().locator('td').first().textContent()).resolves.toBe(String(total));
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(String(total - 499));

    await page.locator('[data-events] summary').click();
    await page.locator('a[data-all-events]').click();
    await page.waitForURL(/events=all/);
    expect(await page.locator('table.events tbody tr').count()).toBe(total);
    await expect(page.locator('table.events tbody tr').first().locator('td').first().innerText()).resolves.toBe('1');
    expect(await page.locator('[data-events]').innerText()).toContain('step 600 \\u001b[32mgreen'); // a trace's markup and escapes, as JSON text
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await page.close();
    expect(problems).toEqual([]);
  });

  it('keeps a scenario run with big answers light: each body is cut at 8 KB, and the page says where it is whole', async () => {
    const response = await fetch(pageUrl(`/runs/${heavyRunId}`));
    const text = await response.text();
    expect(text.length).toBeLessThan(2_500_000);
    const page = await open(`/runs/${heavyRunId}`);
    expect(await page.locator('table.requests tbody tr').count()).toBe(101);
    // Every column is named, for a screen reader reading a row cell by cell.
    expect((await page.locator('table.requests th').allInnerTexts()).map((name) => name.trim())).not.toContain('');
    const list = page.locator('table.requests tbody tr').last();
    await list.locator('summary').click();
    const body = await list.locator('pre').first().innerText();
    expect(body.length).toBeLessThan(9 * 1024);
    expect(body).toMatch(/… \(\d+ more characters\)$/);
    await expect(page.locator('[data-bodies-cut]').innerText()).resolves.toContain(
      `.archal/cache/runs/${heavyRunId}.json`,
    );
    await page.close();
    expect(problems).toEqual([]);
  });

  it('answers only requests addressed to loopback: a page under a rebound DNS name gets nothing', async () => {
    const rebound = await browser.newPage();
    const response = await rebound.goto(pageUrl('/', `http://${REBOUND}:${viewerUrl.port}`));
    expect(response?.status()).toBe(403);
    await expect(rebound.locator('body').innerText()).resolves.toContain(`Host ${REBOUND} is not this machine`);
    await rebound.close();
    problems.length = 0; // the 403 is logged by the browser as a failed load

    expect((await getWithHost(`/workflows/${coloursRunId}`, 'evil.example')).status).toBe(403);
    expect((await getWithHost(`/api/workflows/${coloursRunId}`, `evil.example:${viewerUrl.port}`)).status).toBe(403);
    // An attacker's name may start like a loopback address: a name, all the same.
    expect((await getWithHost('/', `127.rebind.example:${viewerUrl.port}`)).status).toBe(403);
    for (const host of [`localhost:${viewerUrl.port}`, `127.0.0.1:${viewerUrl.port}`, 'localhost'])
      expect((await getWithHost('/', host)).status).toBe(200);
    const local = await browser.newPage();
    expect((await local.goto(pageUrl('/', `http://localhost:${viewerUrl.port}`)))?.status()).toBe(200);
    await local.close();
  });

  it('says which --host or --port cannot be used and what to give instead, with exit 2', async () => {
    const inUse = await cli(['view', '--port', viewerUrl.port]);
    expect(inUse.code).toBe(2);
    expect(inUse.stderr).toContain(
      `Port ${viewerUrl.port} on 127.0.0.1 is in use: pass another with --port (0 picks a free one).`,
    );
    // A name that does not resolve, and an address (TEST-NET-1) that is no interface of this machine.
    for (const host of ['no-such-host.invalid', '192.0.2.1']) {
      const refused = await cli(['view', '--host', host]);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim()).toBe(
        `--host ${host} is not an address of this machine: give 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).`,
      );
      expect(refused.stdout).toBe('');
    }
  });
});
