import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import BetterSqlite3 from 'better-sqlite3';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import {
  agentCalls,
  appKeys,
  appSeed,
  freePort,
  redeliver,
  startApp,
  TOKENS,
  waitFor,
  WEBHOOK_SECRET,
  type AppProcess,
} from '../helpers/app.js';
import { isRunning, tempDir } from '../helpers/tmp.js';
import { loadOk } from '../helpers/engine.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { openStore } from '../../src/store/index.js';
import { startRun } from '../../src/workflows/lifecycle.js';

// The GitHub App end to end, on SQLite: our GitHub clone (seeded with the App's public key and an
// installation) delivers signed webhooks to `archal app start` on a loopback port; the App
// authenticates with its JWT and installation tokens against the clone (GHE_HOST), runs the
// bundled workflows with the `exec` provider (a stub agent) and publishes draft pull requests.

const owner = 'acme';
const repo = 'widgets';
const T = 120_000;

let clone: GitHubClone;
let port: number;
let home: string;
let agentDir: string;
let receiver: AppProcess;
let worker: AppProcess | undefined;
let alice: Octokit;
let rita: Octokit;
let ci: Octokit;

const client = (token: string) =>
  new Octokit({ baseUrl: clone.apiUrl, auth: token, log: { debug() {}, info() {}, warn() {}, error() {} } });

function appEnv(): NodeJS.ProcessEnv {
  return {
    APP_ID: '1',
    PRIVATE_KEY: appKeys().privateKey,
    WEBHOOK_SECRET,
    GHE_HOST: `127.0.0.1:${clone.port}`,
    GHE_PROTOCOL: 'http',
    ARCHAL_HOME: home,
    APP_AGENT_DIR: agentDir,
    GITHUB_TOKEN: 'ghp_aTokenOfTheOperatorThatMustNotLeak00001',
  };
}

const startWorker = () => startApp(['--worker-only', '--workers', '2'], appEnv());

function db() {
  return new BetterSqlite3(join(home, 'archal.db'), { readonly: true, fileMustExist: true });
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const database = db();
  try {
    return database.prepare(sql).all(...params) as T[];
  } finally {
    database.close();
  }
}

const botComments = (issue: number) =>
  clone.handle.state().comments.filter((comment) => comment.issue_number === issue && comment.user === 'archal[bot]');

const pullsFrom = (branch: string) => clone.handle.state().pullRequests.filter((pull) => pull.head.ref === branch);

async function comment(as: Octokit, issue: number, body: string): Promise<number> {
  const { data } = await as.issues.createComment({ owner, repo, issue_number: issue, body });
  return data.id;
}

/** The delivery the clone made for a comment. */
/** A pull request alice opens onto main from a new branch that adds one file. */
async function openPull(change: { branch: string; path: string; message: string; content: string; title: string }) {
  const { data: main } = await alice.repos.getBranch({ owner, repo, branch: 'main' });
  await alice.git.createRef({ owner, repo, ref: `refs/heads/${change.branch}`, sha: main.commit.sha });
  const { data: file } = await alice.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: change.path,
    branch: change.branch,
    message: change.message,
    content: Buffer.from(change.content).toString('base64'),
  });
  const { data: pull } = await alice.pulls.create({
    owner,
    repo,
    title: change.title,
    head: change.branch,
    base: 'main',
  });
  return { pull, file };
}

async function deliveryOf(commentId: number): Promise<string> {
  await clone.handle.idle();
  const delivery = clone.handle
    .deliveries()
    .find(
      (candidate) =>
        candidate.event === 'issue_comment' &&
        (candidate.payload as { comment: { id: number } }).comment.id === commentId,
    );
  if (!delivery) throw new Error(`no delivery for comment ${commentId}`);
  return delivery.id;
}

beforeAll(async () => {
  home = tempDir('archal-app-home-');
  agentDir = tempDir('archal-app-agent-');
  port = await freePort();
  clone = await startGitHubClone({
    seed: appSeed(),
    webhook: { url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: WEBHOOK_SECRET, retryDelayMs: 200 },
    logger: () => {},
  });
  alice = client(TOKENS.alice);
  rita = client(TOKENS.rita);
  ci = client(TOKENS.ci);
  // One receiver and one worker process, on one SQLite store.
  receiver = await startApp(['--port', String(port), '--no-worker'], appEnv());
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  // APP_TEST_DEBUG=1 (with APP_TEST_LOG_LEVEL=info) shows what the App processes said.
  if (process.env.APP_TEST_DEBUG) for (const app of [receiver, worker]) console.log(app?.output());
  await worker?.stop();
  await receiver?.stop();
  await clone?.handle.stop();
});

describe('the GitHub App', () => {
  it(
    '/archal fix opens a draft pull request with the fix, and one progress comment edited to its final state',
    async () => {
      const commentId = await comment(alice, 1, 'Could you look at this?\n\n/archal fix keep it small');
      const pull = await waitFor(() => pullsFrom('archal/fix-issue-1')[0], T, 'the fix pull request');
      expect(pull).toMatchObject({ state: 'open', draft: true, base: { ref: 'main' }, user: 'archal[bot]' });
      expect(pull.title).toBe('Fix #1: add() subtracts');
      expect(pull.body).toContain('Fixes #1');
      expect(pull.body).toContain('add() used `-`; it now uses `+`.');
      expect(pull.body).toMatch(/## Validation[\s\S]*`validate`: completed[\s\S]*ok/);
      const { data: files } = await alice.pulls.listFiles({ owner, repo, pull_number: pull.number });
      expect(files.map((file) => file.filename)).toEqual(['src/add.js']);
      const { data: content } = await alice.repos.getContent({ owner, repo, path: 'src/add.js', ref: pull.head.ref });
      expect(Buffer.from((content as { content: string }).content, 'base64').toString()).toContain('a + b');

      const [progress, ...others] = await waitFor(
        () => {
          const found = botComments(1);
          return found.length > 0 && found[0]!.body.includes('Draft pull request created') ? found : undefined;
        },
        T,
        'the final progress comment',
      );
      expect(others).toEqual([]);
      const runId = /run=([0-9a-f-]{36})/.exec(progress!.body)![1]!;
      expect(pull.body).toContain(runId);
      expect(progress!.body).toContain('✅ completed');
      expect(progress!.body).toContain('```mermaid');
      for (const node of ['investigate', 'plan', 'implement', 'validate', 'summarize'])
        expect(progress!.body).toMatch(new RegExp(`\\| \`${node}\` \\| ✅ completed`));
      expect(progress!.body).toContain(`#${pull.number}`);
      const edits = clone.handle
        .requests()
        .filter((entry) => entry.operationId === 'issues/update-comment' && entry.path.endsWith(`/${progress!.id}`));
      expect(edits.length).toBeGreaterThan(1);

      // The agent's instructions came from the comment; the issue reached it as data.
      const calls = agentCalls(agentDir).filter((call) => call.runId === runId);
      expect(calls.map((call) => call.node)).toEqual(['investigate', 'plan', 'implement', 'summarize']);
      expect(calls[0]!.prompt).toContain('add(2, 3) returns -1.');
      expect(calls[0]!.prompt).toContain('keep it small');
      const delivery = await deliveryOf(commentId);
      expect(query('select outcome from app_deliveries where id = ?', delivery)).toEqual([{ outcome: 'queued' }]);
      // The run belongs to the issue's conversation in the run store, so any host can find it again.
      expect(query('select conversation_id, status from workflow_runs where id = ?', runId)).toEqual([
        { conversation_id: 'github:acme/widgets#1', status: 'completed' },
      ]);
    },
    T,
  );

  it(
    'gives the agent no write token: a read-only installation token, none of the App’s secrets',
    async () => {
      const calls = agentCalls(agentDir);
      expect(calls.length).toBeGreaterThan(0);
      const { privateKey } = appKeys();
      for (const call of calls) {
        expect(call.secretNames).not.toEqual(expect.arrayContaining(['PRIVATE_KEY']));
        expect(call.secretNames).not.toContain('WEBHOOK_SECRET');
        expect(call.secretNames).not.toContain('APP_ID');
        const values = call.values as string[];
        expect(values.some((value) => value.includes(WEBHOOK_SECRET))).toBe(false);
        expect(values.some((value) => value.includes(privateKey.split('\n')[1]!))).toBe(false);
        expect(values).not.toContain('ghp_aTokenOfTheOperatorThatMustNotLeak00001');
        expect(call.testCommand).toBe('node test.js');
      }
      const token = calls[0]!.githubToken as string;
      expect(token).toMatch(/^ghs_/);
      const agent = client(token);
      // It reads…
      expect((await agent.issues.get({ owner, repo, issue_number: 1 })).status).toBe(200);
      // …and cannot write, through the API or git.
      await expect(agent.issues.createComment({ owner, repo, issue_number: 1, body: 'x' })).rejects.toMatchObject({
        status: 403,
      });
      await expect(
        agent.repos.createOrUpdateFileContents({ owner, repo, path: 'x.txt', message: 'x', content: 'eA==' }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(
        agent.pulls.create({ owner, repo, head: 'feature', base: 'main', title: 'x' }),
      ).rejects.toMatchObject({ status: 403 });
    },
    T,
  );

  it(
    'refuses a reader, ignores bots and edited comments, and suppresses a redelivered delivery',
    async () => {
      // A reader is told why, and nothing runs.
      await comment(rita, 1, '/archal fix');
      const refusal = await waitFor(
        () => botComments(1).find((found) => found.body.includes('only people with **write** permission')),
        T,
        'the refusal',
      );
      expect(refusal.body).toContain('@rita');
      expect(refusal.body).toContain('(yours: read)');
      // A bot's command is acknowledged and ignored: no reply, no job.
      const botComment = await comment(ci, 1, '/archal fix');
      const botDelivery = await deliveryOf(botComment);
      await waitFor(
        () => query('select 1 from app_deliveries where id = ?', botDelivery).length > 0,
        T,
        'the bot delivery to be stored',
      );
      expect(query('select outcome, reason, job_id from app_deliveries where id = ?', botDelivery)).toEqual([
        { outcome: 'ignored', reason: 'comment by the bot ci[bot]', job_id: null },
      ]);
      // Edited and deleted comments never trigger.
      const plain = await comment(alice, 1, 'Thanks');
      await alice.issues.updateComment({ owner, repo, comment_id: plain, body: '/archal fix' });
      await alice.issues.deleteComment({ owner, repo, comment_id: plain });
      await clone.handle.idle();
      const edited = clone.handle
        .deliveries()
        .filter(
          (d) =>
            d.event === 'issue_comment' &&
            d.action !== 'created' &&
            (d.payload as { comment: { id: number } }).comment.id === plain,
        )
        .map((d) => d.id);
      expect(edited).toHaveLength(2);
      await waitFor(
        () => query(`select 1 from app_deliveries where id in (?, ?)`, ...edited).length === 2,
        T,
        'the edit deliveries',
      );
      expect(
        query<{ outcome: string }>(`select outcome from app_deliveries where id in (?, ?)`, ...edited).map(
          (row) => row.outcome,
        ),
      ).toEqual(['ignored', 'ignored']);

      // GitHub's "Redeliver" of the first /archal fix: acknowledged, recorded, and nothing runs twice.
      const [first] = query<{ id: string; job_id: string }>(
        "select id, job_id from app_deliveries where outcome = 'queued' and event = 'issue_comment' order by received_at limit 1",
      );
      const jobsBefore = query('select id from app_jobs').length;
      expect(await redeliver(clone, first!.id, `http://127.0.0.1:${port}/api/github/webhooks`)).toBe(200);
      expect(query('select duplicates from app_deliveries where id = ?', first!.id)).toEqual([{ duplicates: 1 }]);
      expect(query('select id from app_jobs')).toHaveLength(jobsBefore);
      expect(pullsFrom('archal/fix-issue-1')).toHaveLength(1);
      // A delivery with a wrong signature is refused before anything is stored.
      const forged = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issue_comment',
          'x-github-delivery': 'forged-1',
          'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        },
        body: '{"action":"created"}',
      });
      expect(forged.status).toBe(400);
      expect(query('select id from app_deliveries where id = ?', 'forged-1')).toEqual([]);
    },
    T,
  );

  it(
    'a rerun updates the same pull request; /archal status lists the runs; an unknown command gets the help',
    async () => {
      const [before] = pullsFrom('archal/fix-issue-1');
      await comment(alice, 1, '/archal fix');
      await waitFor(
        () => botComments(1).filter((found) => found.body.includes('Draft pull request updated')).length === 1,
        T,
        'the second run to update the pull request',
      );
      expect(pullsFrom('archal/fix-issue-1')).toEqual([
        expect.objectContaining({ number: before!.number, state: 'open', draft: true }),
      ]);
      expect(pullsFrom('archal/fix-issue-1')[0]!.head.sha).not.toBe(before!.head.sha);

      await comment(rita, 1, '/archal status');
      const status = await waitFor(() => botComments(1).find((found) => found.body.includes('| Run |')), T, 'status');
      const runs = query<{ run_id: string }>("select run_id from app_runs where number = 1 and repo = 'acme/widgets'");
      expect(runs).toHaveLength(2);
      for (const run of runs) expect(status.body).toContain(run.run_id);
      expect(status.body).toContain(`#${before!.number}`);

      await comment(alice, 1, '/archal deploy');
      const help = await waitFor(
        () => botComments(1).find((found) => found.body.includes('Unknown command')),
        T,
        'help',
      );
      expect(help.body).toContain('`/archal deploy`');
      expect(help.body).toContain('/archal approve');
    },
    T,
  );

  it(
    'an approval node pauses the run; /archal approve continues it to a pull request',
    async () => {
      await comment(alice, 2, '/archal run gated');
      const paused = await waitFor(
        () => botComments(2).find((found) => found.body.includes('waiting for approval')),
        T,
        'the run to pause',
      );
      expect(paused.body).toContain('Publish the notes?');
      expect(paused.body).toContain('`/archal approve [comment]`');
      expect(pullsFrom('archal/fix-issue-2')).toEqual([]);
      // A second run is refused while this one waits.
      await comment(alice, 2, '/archal run gated');
      await comment(alice, 2, '/archal fix');
      await waitFor(
        () => botComments(2).find((found) => found.body.includes('A run is already paused here')),
        T,
        'refusal',
      );
      await comment(rita, 2, '/archal approve');
      await waitFor(() => botComments(2).find((found) => found.body.includes('@rita')), T, 'the reader refused');
      expect(pullsFrom('archal/fix-issue-2')).toEqual([]);

      await comment(alice, 2, '/archal approve go ahead');
      const pull = await waitFor(() => pullsFrom('archal/fix-issue-2')[0], T, 'the pull request after approval');
      const { data: files } = await alice.pulls.listFiles({ owner, repo, pull_number: pull.number });
      expect(files.map((file) => file.filename)).toEqual(['docs/notes.md']);
      const progress = await waitFor(
        () => botComments(2).find((found) => found.id === paused.id && found.body.includes('Draft pull request')),
        T,
        'the same progress comment to show the pull request',
      );
      expect(progress.body).toMatch(/\| `gate` \| ✅ completed/);
      expect(botComments(2).filter((found) => found.body.includes('archal:progress'))).toHaveLength(1);
    },
    T,
  );

  it(
    '/archal reject cancels a paused run',
    async () => {
      await comment(alice, 7, '/archal run gated');
      await waitFor(() => botComments(7).find((found) => found.body.includes('waiting for approval')), T, 'pause');
      await comment(alice, 7, '/archal reject not now');
      const progress = await waitFor(
        () => botComments(7).find((found) => found.body.includes('🚫 cancelled')),
        T,
        'the run to be rejected',
      );
      expect(progress.body).toContain('Rejected by alice: not now');
      const [run] = query<{ run_id: string; status: string }>('select run_id, status from app_runs where number = 7');
      expect(run!.status).toBe('cancelled');
      expect(pullsFrom('archal/fix-issue-7')).toEqual([]);
    },
    T,
  );

  it(
    'the fix label starts the fix workflow; other labels start nothing',
    async () => {
      await alice.issues.addLabels({ owner, repo, issue_number: 5, labels: ['bug'] });
      await alice.issues.addLabels({ owner, repo, issue_number: 5, labels: ['archal:fix'] });
      const pull = await waitFor(() => pullsFrom('archal/fix-issue-5')[0], T, 'the label fix');
      expect(pull.body).toContain('Fixes #5');
      const results = await waitFor(
        () => {
          const rows = query<{ result: string | null }>("select result from app_jobs where kind = 'label'");
          return rows.every((row) => row.result) ? rows.map((row) => row.result!).sort() : undefined;
        },
        T,
        'both label jobs to end',
      );
      expect(results).toEqual([
        expect.stringMatching(/^completed: pull request #\d+ created$/),
        'ignored: label "bug" is not archal:fix',
      ]);
      // The title is its author's text, not the labeller's: it reaches the agent inside the issue's
      // data, fenced by markers its author cannot guess, and the request names only the issue.
      const investigate = agentCalls(agentDir).find(
        (call) => call.node === 'investigate' && String(call.prompt).includes('Fix by label.'),
      );
      const prompt = String(investigate!.prompt);
      expect(prompt).toMatch(/^Request: Fix issue #5$/m);
      expect(prompt).toMatch(/^<<<(github-text-[0-9a-f]{16})\n[^]*Label me[^]*Fix by label\.[^]*\n\1>>>$/m);
    },
    T,
  );

  it(
    'the fix label on a pull request (pull_request.labeled) opens a fix against its branch, never pushing to it',
    async () => {
      const { pull } = await openPull({
        branch: 'labelled',
        path: 'NOTES.md',
        message: 'Notes',
        content: 'notes\n',
        title: 'Notes',
      });
      await alice.issues.addLabels({ owner, repo, issue_number: pull.number, labels: ['archal:fix'] });
      await clone.handle.idle();
      // GitHub announces a pull request's label as pull_request.labeled, not issues.labeled.
      expect(
        clone.handle
          .deliveries()
          .filter(
            (d) =>
              d.action === 'labeled' &&
              ((d.payload as { pull_request?: { number: number } }).pull_request?.number === pull.number ||
                (d.payload as { issue?: { number: number } }).issue?.number === pull.number),
          )
          .map((d) => d.event),
      ).toEqual(['pull_request']);
      const fix = await waitFor(() => pullsFrom(`archal/fix-pr-${pull.number}`)[0], T, 'the label fix of the pull');
      expect(fix).toMatchObject({ draft: true, base: { ref: 'labelled' } });
      const { data: labelled } = await alice.repos.getBranch({ owner, repo, branch: 'labelled' });
      expect(labelled.commit.sha).toBe(pull.head.sha);
    },
    T,
  );

  it(
    '/archal in a comment on a line of the diff opens a fix for the pull request; /archal help in a review is answered',
    async () => {
      const { pull, file } = await openPull({
        branch: 'reviewed',
        path: 'NOTES.md',
        message: 'Notes',
        content: 'notes\n',
        title: 'Review me',
      });
      await alice.pulls.createReviewComment({
        owner,
        repo,
        pull_number: pull.number,
        commit_id: file.commit.sha!,
        path: 'NOTES.md',
        line: 1,
        side: 'RIGHT',
        body: '/archal fix: keep it short',
      });
      const fix = await waitFor(() => pullsFrom(`archal/fix-pr-${pull.number}`)[0], T, 'the fix from a review comment');
      expect(fix).toMatchObject({ draft: true, base: { ref: 'reviewed' } });
      expect(query("select kind from app_jobs where number = ? and kind = 'fix'", pull.number)).toHaveLength(1);

      await alice.pulls.createReview({ owner, repo, pull_number: pull.number, event: 'COMMENT', body: '/archal help' });
      const help = await waitFor(
        () => botComments(pull.number).find((found) => found.body.includes('Archal commands')),
        T,
        'the help reply to the review',
      );
      expect(help.body).toContain('/archal fix');
    },
    T,
  );

  it(
    'a failing check gets a "Fix with Archal" button; pressing it opens a fix against the pull request’s branch; closing the pull request removes its worktree',
    async () => {
      const { data: pull } = await alice.pulls.get({ owner, repo, pull_number: 4 });
      const { data: check } = await ci.checks.create({ owner, repo, name: 'Archal', head_sha: pull.head.sha });
      await ci.checks.update({
        owner,
        repo,
        check_run_id: check.id,
        status: 'completed',
        conclusion: 'failure',
        output: { title: '1 of 2 scenarios below 100%', summary: 'add-numbers: add(2, 3) returned -1, expected 5' },
      });
      const offer = await waitFor(
        () => clone.handle.state().checkRuns.find((run) => run.name === 'Archal fix' && run.head_sha === pull.head.sha),
        T,
        'the Archal fix check run',
      );
      expect(offer).toMatchObject({ app: 'archal', conclusion: 'neutral', external_id: String(check.id) });
      expect(offer.actions).toEqual([
        { label: 'Fix with Archal', description: 'Open a draft pull request with a fix', identifier: 'archal-fix' },
      ]);
      expect(pullsFrom('archal/fix-pr-4')).toEqual([]);

      const pressed = await fetch(`${clone.apiUrl}/_archal/check-runs/${offer.id}/requested-action`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'archal-fix', user: 'alice' }),
      });
      expect(pressed.status).toBe(200);
      const fix = await waitFor(() => pullsFrom('archal/fix-pr-4')[0], T, 'the fix of the pull request');
      expect(fix).toMatchObject({ draft: true, base: { ref: 'feature' } });
      expect(fix.body).toContain('the failing check "Archal" on #4');
      // The pull request's own .archal.json (other fixChecks, autoFix, a bogus agent) changed nothing.
      expect(fix.body).toContain('add() used `-`; it now uses `+`.');
      const { data: feature } = await alice.repos.getBranch({ owner, repo, branch: 'feature' });
      expect(feature.commit.sha).toBe(pull.head.sha); // never pushed to the author's branch
      const calls = agentCalls(agentDir).filter((call) => call.node === 'read-failure');
      expect(calls.at(-1)!.prompt).toContain('add-numbers: add(2, 3) returned -1, expected 5');

      const worktree = join(home, 'worktrees', 'acme--widgets', 'archal-fix-pr-4');
      expect(existsSync(worktree)).toBe(true);
      // A bot closing the pull request is ignored like every bot event: the worktree stays.
      await ci.pulls.update({ owner, repo, pull_number: 4, state: 'closed' });
      await clone.handle.idle();
      const botClose = clone.handle
        .deliveries()
        .find(
          (d) =>
            d.event === 'pull_request' &&
            d.action === 'closed' &&
            (d.payload as { sender: { login: string } }).sender.login === 'ci[bot]',
        );
      expect(botClose).toBeDefined();
      await waitFor(
        () => query('select 1 from app_deliveries where id = ?', botClose!.id).length > 0,
        T,
        'the bot close delivery to be stored',
      );
      expect(query('select outcome, reason, job_id from app_deliveries where id = ?', botClose!.id)).toEqual([
        { outcome: 'ignored', reason: 'pull request closed by the bot ci[bot]', job_id: null },
      ]);
      expect(query("select 1 from app_jobs where kind = 'pr_closed'")).toEqual([]);
      expect(existsSync(worktree)).toBe(true);
      await alice.pulls.update({ owner, repo, pull_number: 4, state: 'open' });
      await alice.pulls.update({ owner, repo, pull_number: 4, state: 'closed' });
      await waitFor(() => !existsSync(worktree), T, 'the worktree to be removed');
      await waitFor(
        () => query("select 1 from app_jobs where kind = 'pr_closed' and status = 'done'").length === 1,
        T,
        'the close job',
      );
    },
    T,
  );

  it(
    'a worker killed with kill -9 mid-job: the job is taken over and the run resumes; one pull request',
    async () => {
      rmSync(join(agentDir, 'held'), { force: true });
      writeFileSync(join(agentDir, 'hold'), '');
      await comment(alice, 3, '/archal fix');
      const heldPid = Number(await waitFor(() => readIf(join(agentDir, 'held')), T, 'the agent to hold'));
      // The same command while the run is active is recorded and suppressed.
      const again = await comment(alice, 3, '/archal fix');
      const againDelivery = await deliveryOf(again);
      await waitFor(() => query('select 1 from app_deliveries where id = ?', againDelivery).length > 0, T, 'stored');
      expect(query('select outcome from app_deliveries where id = ?', againDelivery)).toEqual([
        { outcome: 'suppressed' },
      ]);

      process.kill(worker!.pid, 'SIGKILL');
      await worker!.exited;
      worker = await startWorker();
      const pull = await waitFor(() => pullsFrom('archal/fix-issue-3')[0], T, 'the pull request after the restart');
      expect(pull.body).toContain('Fixes #3');
      const [run] = query<{ run_id: string }>('select run_id from app_runs where number = 3');
      const nodes = agentCalls(agentDir)
        .filter((call) => call.runId === run!.run_id)
        .map((call) => call.node);
      expect(nodes).toEqual(['investigate', 'plan', 'implement', 'implement', 'summarize']);
      expect(isRunning(heldPid)).toBe(false);
      await waitFor(
        () => botComments(3).find((found) => found.body.includes('Draft pull request created')),
        T,
        'the final progress comment',
      );
      await waitFor(
        () => query("select 1 from app_jobs where number = 3 and kind = 'fix' and status = 'done'").length === 1,
        T,
        'the job to end',
      );
      expect(query("select attempts from app_jobs where number = 3 and kind = 'fix'")).toEqual([{ attempts: 2 }]);
      expect(botComments(3).filter((found) => found.body.includes('archal:progress'))).toHaveLength(1);
      expect(pullsFrom('archal/fix-issue-3')).toHaveLength(1);
      rmSync(join(agentDir, 'hold'), { force: true });
      rmSync(join(agentDir, 'held'), { force: true });
    },
    T,
  );

  it(
    '/archal cancel stops the run and its processes; /archal retry starts it again',
    async () => {
      rmSync(join(agentDir, 'held'), { force: true });
      writeFileSync(join(agentDir, 'hold'), '');
      await comment(alice, 6, '/archal fix');
      const heldPid = Number(await waitFor(() => readIf(join(agentDir, 'held')), T, 'the agent to hold'));
      await comment(alice, 6, '/archal cancel');
      await waitFor(() => botComments(6).find((found) => found.body.includes('Cancelled 1 run(s)')), T, 'the reply');
      await waitFor(() => !isRunning(heldPid), 10_000, 'the agent process to stop');
      await waitFor(() => botComments(6).find((found) => found.body.includes('🚫 cancelled')), T, 'cancelled comment');
      const [run] = query<{ status: string }>('select status from app_runs where number = 6');
      expect(run!.status).toBe('cancelled');
      expect(pullsFrom('archal/fix-issue-6')).toEqual([]);

      await comment(alice, 6, '/archal retry');
      const pull = await waitFor(() => pullsFrom('archal/fix-issue-6')[0], T, 'the retried fix');
      expect(pull.body).toContain('Fixes #6');
      rmSync(join(agentDir, 'hold'), { force: true });
      rmSync(join(agentDir, 'held'), { force: true });
    },
    T,
  );

  it(
    '/archal cancel while a fix is still setting up (no run yet) cancels that job: its run never starts, no pull request',
    async () => {
      const { data: issue } = await alice.issues.create({
        owner,
        repo,
        title: 'Cancel early',
        body: 'add() subtracts.',
      });
      // GitHub is slow to give the issue: the fix job is claimed and setting up, with no run, for a while.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'GET', path: `^/repos/acme/widgets/issues/${issue.number}$`, delayMs: 6_000 }),
      });
      expect(fault.status).toBe(201);
      await comment(alice, issue.number, '/archal fix');
      const [job] = await waitFor(
        () => {
          const rows = query<{ id: string; run_id: string | null }>(
            "select id, run_id from app_jobs where number = ? and kind = 'fix' and status = 'running'",
            issue.number,
          );
          return rows.length === 1 ? rows : undefined;
        },
        T,
        'the fix job to be setting up',
      );
      expect(job!.run_id).toBeNull();
      await comment(alice, issue.number, '/archal cancel');
      const answer = await waitFor(
        () => botComments(issue.number).find((found) => !found.body.includes('archal:progress')),
        T,
        'the reply',
      );
      expect(answer.body).toContain('Cancelled 0 run(s), 1 job(s) setting up a run and 0 queued job(s).');
      expect(answer.body).toContain(`the \`fix\` job \`${job!.id}\` from alice, still setting up`);
      // The fix job goes on to the point where its run would start, sees it was cancelled and says so.
      const progress = await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('archal:progress')),
        T,
        'the progress comment',
      );
      await waitFor(
        () =>
          botComments(issue.number).find((found) => found.id === progress.id && found.body.includes('🚫 cancelled')),
        T,
        'the progress comment to say cancelled',
      );
      expect(botComments(issue.number).find((found) => found.id === progress.id)!.body).toContain(
        'Cancelled before its run started.',
      );
      expect(query('select status from app_jobs where id = ?', job!.id)).toEqual([{ status: 'cancelled' }]);
      expect(
        query('select id from workflow_runs where conversation_id = ?', `github:acme/widgets#${issue.number}`),
      ).toEqual([]);
      expect(query('select run_id from app_runs where number = ?', issue.number)).toEqual([]);
      expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([]);
    },
    T,
  );

  it(
    '/archal cancel while /archal retry is setting up the failed run it resumes cancels that job: the run is not resumed',
    async () => {
      const count = join(agentDir, 'fails-once-ran');
      rmSync(count, { force: true });
      const workflow = [
        'name: fails-once',
        'description: Fails.',
        'nodes:',
        '  - id: a',
        `    bash: echo ran >> ${count}; exit 1`,
        '',
      ];
      await alice.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: '.archal/workflows/fails-once.yaml',
        message: 'Add fails-once',
        content: Buffer.from(workflow.join('\n')).toString('base64'),
        branch: 'main',
      });
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Retry, then cancel', body: 'x' });
      await comment(alice, issue.number, '/archal run fails-once');
      const progress = await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('❌ failed')),
        T,
        'the run to fail',
      );
      const [run] = query<{ run_id: string }>('select run_id from app_runs where number = ?', issue.number);
      // The retry holds the failed run from the start; GitHub is slow to give it its read token, so it
      // is still setting up (the run not yet resumed) for a while.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', path: '^/app/installations/\\d+/access_tokens$', delayMs: 6_000 }),
      });
      expect(fault.status).toBe(201);
      try {
        await comment(alice, issue.number, '/archal retry');
        const [job] = await waitFor(
          () => {
            const rows = query<{ id: string; run_id: string | null }>(
              "select id, run_id from app_jobs where number = ? and kind = 'retry' and status = 'running'",
              issue.number,
            );
            return rows.length === 1 && rows[0]!.run_id ? rows : undefined;
          },
          T,
          'the retry job to hold the failed run',
        );
        expect(job!.run_id).toBe(run!.run_id);
        await comment(alice, issue.number, '/archal cancel');
        const answer = await waitFor(
          () => botComments(issue.number).find((found) => found.body.includes('archal:reply')),
          T,
          'the reply',
        );
        expect(answer.body).toContain('Cancelled 0 run(s), 1 job(s) setting up a run and 0 queued job(s).');
        expect(answer.body).toContain(`the \`retry\` job \`${job!.id}\` from alice, still setting up`);
        await waitFor(
          () =>
            botComments(issue.number).find((found) => found.id === progress.id && found.body.includes('🚫 cancelled')),
          T,
          'the progress comment to say cancelled',
        );
        expect(query('select status from app_jobs where id = ?', job!.id)).toEqual([{ status: 'cancelled' }]);
      } finally {
        await fetch(`${clone.apiUrl}/_archal/faults`, { method: 'DELETE' });
      }
      expect(query('select status from workflow_runs where id = ?', run!.run_id)).toEqual([{ status: 'failed' }]);
      expect(readFileSync(count, 'utf8')).toBe('ran\n');
    },
    T,
  );

  it(
    '/archal cancel also stops a run of the run store tied to this issue that the App holds no active record of',
    async () => {
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Cancel a library run', body: 'x' });
      const pidFile = join(agentDir, `library-run-${issue.number}`);
      // A host of the library starts a run for this issue's conversation on the App's own store: the
      // App never recorded it, but it is this issue's run all the same.
      const store = await openStore({ sqliteFile: join(home, 'archal.db') });
      const workflow = await loadOk(
        [
          'name: held-elsewhere',
          'description: Holds.',
          'nodes:',
          '  - id: hold',
          `    bash: echo $$ > ${pidFile}; exec sleep 60`,
          '',
        ].join('\n'),
      );
      const started = startRun(
        {
          store,
          engine: { providers: createProviderRegistry({}), env: process.env, heartbeatIntervalMs: 500 },
          owner: { pid: process.pid, host: hostname() },
        },
        {
          workflow,
          workingPath: tempDir('archal-library-run-'),
          conversationId: `github:acme/widgets#${issue.number}`,
        },
      );
      try {
        const pid = Number(await waitFor(() => readIf(pidFile)?.trim(), T, 'the library run to hold'));
        const [run] = query<{ id: string }>(
          'select id from workflow_runs where conversation_id = ?',
          `github:acme/widgets#${issue.number}`,
        );
        await comment(alice, issue.number, '/archal cancel');
        const answer = await waitFor(
          () => botComments(issue.number).find((found) => found.body.includes('archal:reply')),
          T,
          'the reply',
        );
        expect(answer.body).toContain('Cancelled 1 run(s), 0 job(s) setting up a run and 0 queued job(s).');
        expect(answer.body).toContain(`- run \`${run!.id}\` of \`held-elsewhere\``);
        await waitFor(() => !isRunning(pid), 10_000, 'the node process to stop');
        const outcome = await started;
        expect(outcome.run.id).toBe(run!.id);
        expect(query('select status from workflow_runs where id = ?', run!.id)).toEqual([{ status: 'cancelled' }]);
      } finally {
        await started.catch(() => undefined);
        await store.close();
      }
    },
    T,
  );

  it(
    '/archal cancel that reaches a failed run after /archal retry marked it running, but before it resumed: the cancel wins',
    async () => {
      const count = join(agentDir, 'fails-then-ran');
      rmSync(count, { force: true });
      const workflow = [
        'name: fails-then',
        'description: Fails.',
        'nodes:',
        '  - id: a',
        `    bash: echo ran >> ${count}; exit 1`,
        '',
      ];
      await alice.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: '.archal/workflows/fails-then.yaml',
        message: 'Add fails-then',
        content: Buffer.from(workflow.join('\n')).toString('base64'),
        branch: 'main',
      });
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Retry races a cancel', body: 'x' });
      await comment(alice, issue.number, '/archal run fails-then');
      const progress = await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('❌ failed')),
        T,
        'the run to fail',
      );
      const [run] = query<{ run_id: string }>('select run_id from app_runs where number = ?', issue.number);
      // GitHub is slow to give the retry its read token: it holds the failed run, still setting up.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', path: '^/app/installations/\\d+/access_tokens$', delayMs: 6_000 }),
      });
      expect(fault.status).toBe(201);
      let jobId: string;
      try {
        await comment(alice, issue.number, '/archal retry');
        const [job] = await waitFor(
          () => {
            const rows = query<{ id: string; run_id: string | null }>(
              "select id, run_id from app_jobs where number = ? and kind = 'retry' and status = 'running'",
              issue.number,
            );
            return rows.length === 1 && rows[0]!.run_id ? rows : undefined;
          },
          T,
          'the retry job to hold the failed run',
        );
        jobId = job!.id;
        // The moment of the race, held still: the retry has marked its run running in the App's
        // records (what it does once set up) and has not yet taken the run over in the run store.
        const database = new BetterSqlite3(join(home, 'archal.db'), { fileMustExist: true });
        try {
          database.prepare("update app_runs set status = 'running' where run_id = ?").run(run!.run_id);
        } finally {
          database.close();
        }
        await comment(alice, issue.number, '/archal cancel');
        const answer = await waitFor(
          () => botComments(issue.number).find((found) => found.body.includes('archal:reply')),
          T,
          'the reply',
        );
        expect(answer.body).toContain('Cancelled 1 run(s), 0 job(s) setting up a run and 0 queued job(s).');
        expect(answer.body).toContain(`- run \`${run!.run_id}\` of \`fails-then\``);
      } finally {
        await fetch(`${clone.apiUrl}/_archal/faults`, { method: 'DELETE' });
      }
      // The retry goes on, finds the run cancelled and says so: it neither runs it nor calls it failed.
      await waitFor(
        () => query<{ status: string }>('select status from app_jobs where id = ?', jobId)[0]?.status === 'done',
        T,
        'the retry job to end',
      );
      const final = botComments(issue.number).find((found) => found.id === progress.id)!;
      // Its node keeps the state of the failed attempt; the run itself reads cancelled.
      expect(final.body).toContain('### Archal · `fails-then` · 🚫 cancelled');
      expect(final.body).toContain('Cancelled before it continued.');
      expect(query('select status from app_runs where run_id = ?', run!.run_id)).toEqual([{ status: 'cancelled' }]);
      expect(query('select status from workflow_runs where id = ?', run!.run_id)).toEqual([{ status: 'cancelled' }]);
      expect(readFileSync(count, 'utf8')).toBe('ran\n');
    },
    T,
  );

  it(
    '/archal cancel whose progress-comment edit GitHub fails (5xx) still cancels the run once and says so',
    async () => {
      rmSync(join(agentDir, 'held'), { force: true });
      writeFileSync(join(agentDir, 'hold'), '');
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Cancel, GitHub failing', body: 'x' });
      await comment(alice, issue.number, '/archal fix');
      const heldPid = Number(await waitFor(() => readIf(join(agentDir, 'held')), T, 'the agent to hold'));
      // Reading the progress comment back fails, whatever the retries.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'GET',
          path: '^/repos/acme/widgets/issues/comments/\\d+$',
          status: 502,
          times: 50,
        }),
      });
      expect(fault.status).toBe(201);
      try {
        await comment(alice, issue.number, '/archal cancel');
        const answer = await waitFor(
          () => botComments(issue.number).find((found) => !found.body.includes('archal:progress')),
          T,
          'the reply',
        );
        expect(answer.body).toContain('Cancelled 1 run(s)');
        await waitFor(() => !isRunning(heldPid), 10_000, 'the agent process to stop');
      } finally {
        await fetch(`${clone.apiUrl}/_archal/faults`, { method: 'DELETE' });
        rmSync(join(agentDir, 'hold'), { force: true });
        rmSync(join(agentDir, 'held'), { force: true });
      }
      // The run's owner says how it ended on the comment itself.
      await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('🚫 cancelled')),
        T,
        'the cancelled progress comment',
      );
      expect(query("select status from app_jobs where number = ? and kind = 'cancel'", issue.number)).toEqual([
        { status: 'done' },
      ]);
      expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([]);
    },
    T,
  );

  it(
    '/archal cancel whose reply GitHub made but answered 5xx for: the retry keeps that one reply, naming the run it cancelled',
    async () => {
      rmSync(join(agentDir, 'held'), { force: true });
      writeFileSync(join(agentDir, 'hold'), '');
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Cancel, reply failing', body: 'x' });
      await comment(alice, issue.number, '/archal fix');
      const heldPid = Number(await waitFor(() => readIf(join(agentDir, 'held')), T, 'the agent to hold'));
      const [run] = query<{ run_id: string }>('select run_id from app_runs where number = ?', issue.number);
      // The progress comment is posted; the next two comments on the issue are made, then answered 502:
      // alice's `/archal cancel` (its webhook is delivered all the same), then the cancel's reply.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'POST',
          path: `^/repos/acme/widgets/issues/${issue.number}/comments$`,
          status: 502,
          after: true,
          times: 2,
        }),
      });
      expect(fault.status).toBe(201);
      try {
        await expect(comment(alice, issue.number, '/archal cancel')).rejects.toMatchObject({ status: 502 });
        const [job] = await waitFor(
          () => {
            const rows = query<{ id: string; attempts: number; status: string }>(
              "select id, attempts, status from app_jobs where number = ? and kind = 'cancel'",
              issue.number,
            );
            return rows.length === 1 && rows[0]!.status === 'done' ? rows : undefined;
          },
          T,
          'the cancel job to end',
        );
        expect(job!.attempts).toBe(2);
        await waitFor(() => !isRunning(heldPid), 10_000, 'the agent process to stop');
      } finally {
        await fetch(`${clone.apiUrl}/_archal/faults`, { method: 'DELETE' });
        rmSync(join(agentDir, 'hold'), { force: true });
        rmSync(join(agentDir, 'held'), { force: true });
      }
      const replies = botComments(issue.number).filter((found) => !found.body.includes('archal:progress'));
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toContain('Cancelled 1 run(s), 0 job(s) setting up a run and 0 queued job(s).');
      expect(replies[0]!.body).toContain(`- run \`${run!.run_id}\` of \`archal-fix-issue\``);
      expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([]);
    },
    T,
  );

  it(
    'a reply GitHub made but answered 5xx for is edited, not posted again, when its job is tried again',
    async () => {
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Help, GitHub failing', body: 'x' });
      // alice's `/archal help` and then the App's answer are made, and answered 502.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'POST',
          path: `^/repos/acme/widgets/issues/${issue.number}/comments$`,
          status: 502,
          after: true,
          times: 2,
        }),
      });
      expect(fault.status).toBe(201);
      try {
        await expect(comment(alice, issue.number, '/archal help')).rejects.toMatchObject({ status: 502 });
        const [job] = await waitFor(
          () => {
            const rows = query<{ id: string; attempts: number; status: string }>(
              "select id, attempts, status from app_jobs where number = ? and kind = 'help'",
              issue.number,
            );
            return rows.length === 1 && rows[0]!.status === 'done' ? rows : undefined;
          },
          T,
          'the help job to end',
        );
        expect(job!.attempts).toBe(2);
        const replies = botComments(issue.number);
        expect(replies).toHaveLength(1);
        expect(replies[0]!.body.split('\n')[0]).toBe(`<!-- archal:reply job=${job!.id} -->`);
        expect(replies[0]!.body).toContain('/archal cancel');
        const edits = clone.handle
          .requests()
          .filter(
            (entry) => entry.operationId === 'issues/update-comment' && entry.path.endsWith(`/${replies[0]!.id}`),
          );
        expect(edits).toHaveLength(1);
      } finally {
        await fetch(`${clone.apiUrl}/_archal/faults`, { method: 'DELETE' });
      }
    },
    T,
  );

  it(
    'a "Fix with Archal" button whose create GitHub did but answered 5xx for is offered once when the job is tried again',
    async () => {
      const { pull } = await openPull({
        branch: 'button',
        path: 'BUTTON.md',
        message: 'Add a note',
        content: 'note\n',
        title: 'Button',
      });
      const { data: check } = await ci.checks.create({ owner, repo, name: 'Archal', head_sha: pull.head.sha });
      // The App's create of the button is made, then answered 502: its job is tried again.
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', path: '^/repos/acme/widgets/check-runs$', status: 502, after: true }),
      });
      expect(fault.status).toBe(201);
      await ci.checks.update({
        owner,
        repo,
        check_run_id: check.id,
        status: 'completed',
        conclusion: 'failure',
        output: { title: 'failed', summary: 'add(2, 3) returned -1' },
      });
      const [job] = await waitFor(
        () => {
          const rows = query<{ status: string; attempts: number; result: string }>(
            "select status, attempts, result from app_jobs where kind = 'check_failed' and payload like ?",
            `%"id":${check.id},%`,
          );
          return rows.length === 1 && rows[0]!.status === 'done' ? rows : undefined;
        },
        T,
        'the check_failed job to end',
      );
      expect(job!.attempts).toBe(2);
      const offers = clone.handle
        .state()
        .checkRuns.filter((run) => run.name === 'Archal fix' && run.head_sha === pull.head.sha);
      expect(offers).toHaveLength(1);
      expect(job!.result).toBe(`offered a fix on check run ${offers[0]!.id}`);
    },
    T,
  );

  it(
    'a progress comment GitHub made but answered 5xx for is not posted again when the job is tried again',
    async () => {
      const { data: issue } = await alice.issues.create({
        owner,
        repo,
        title: 'One comment',
        body: 'add() subtracts.',
      });
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'POST',
          path: `^/repos/acme/widgets/issues/${issue.number}/comments$`,
          status: 502,
          after: true,
        }),
      });
      expect(fault.status).toBe(201);
      await alice.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ['archal:fix'] });
      await waitFor(() => pullsFrom(`archal/fix-issue-${issue.number}`)[0], T, 'the fix pull request');
      const [job] = await waitFor(
        () => {
          const rows = query<{ id: string; attempts: number; status: string }>(
            "select id, attempts, status from app_jobs where number = ? and kind = 'label'",
            issue.number,
          );
          return rows.length === 1 && rows[0]!.status === 'done' ? rows : undefined;
        },
        T,
        'the job to end',
      );
      expect(job!.attempts).toBe(2);
      const progress = botComments(issue.number).filter((found) => found.body.includes('archal:progress'));
      expect(progress).toHaveLength(1);
      expect(progress[0]!.body.split('\n')[0]).toMatch(new RegExp(` job=${job!.id} -->$`));
      expect(progress[0]!.body).toContain('Draft pull request created');
    },
    T,
  );

  it(
    'a pull request GitHub made but answered 5xx for: the job is tried again and that one pull request is its result',
    async () => {
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'One pull', body: 'add() subtracts.' });
      const fault = await fetch(`${clone.apiUrl}/_archal/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'POST', path: '^/repos/acme/widgets/pulls$', status: 502, after: true }),
      });
      expect(fault.status).toBe(201);
      await comment(alice, issue.number, '/archal fix');
      const [job] = await waitFor(
        () => {
          const rows = query<{ attempts: number; status: string; result: string }>(
            "select attempts, status, result from app_jobs where number = ? and kind = 'fix'",
            issue.number,
          );
          return rows.length === 1 && ['done', 'failed'].includes(rows[0]!.status) ? rows : undefined;
        },
        T,
        'the fix job to end',
      );
      const pulls = pullsFrom(`archal/fix-issue-${issue.number}`);
      expect(pulls).toHaveLength(1);
      expect(job).toMatchObject({
        attempts: 2,
        status: 'done',
        result: `completed: pull request #${pulls[0]!.number} updated`,
      });
      const progress = botComments(issue.number).filter((found) => found.body.includes('archal:progress'));
      expect(progress).toHaveLength(1);
      expect(progress[0]!.body).toContain('✅ completed');
      expect(progress[0]!.body).toContain(`#${pulls[0]!.number}`);
      expect(progress[0]!.body).not.toContain('publish');
    },
    T,
  );

  it(
    'a custom repository role is gated by its base role (the legacy permission beside its name)',
    async () => {
      // The clone answers as GitHub does: role_name is the custom role's name, permission its legacy base role.
      const level = async (username: string) =>
        (await alice.repos.getCollaboratorPermissionLevel({ owner, repo, username })).data;
      expect(await level('dana')).toMatchObject({ role_name: 'Deployer', permission: 'write' });
      expect(await level('tom')).toMatchObject({ role_name: 'Auditor', permission: 'read' });
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Roles', body: 'x' });
      await comment(client(TOKENS.tom), issue.number, '/archal cancel');
      const refusal = await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('only people with **write** permission')),
        T,
        'the refusal of the triage-based role',
      );
      expect(refusal.body).toContain('@tom');
      expect(refusal.body).toContain('(yours: read)');
      await comment(client(TOKENS.dana), issue.number, '/archal cancel');
      await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('Nothing to cancel here.')),
        T,
        'the write-based role to be obeyed',
      );
      expect(botComments(issue.number).filter((found) => found.body.includes('@dana'))).toEqual([]);
    },
    T,
  );

  it(
    'two commands that start runs on one issue at the same moment: one run, the other is told a run is active',
    async () => {
      const { data: issue } = await alice.issues.create({
        owner,
        repo,
        title: 'Twice at once',
        body: 'add() subtracts.',
      });
      // The label and `/archal fix` both start the fix workflow; two workers take them at once.
      await Promise.all([
        alice.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ['archal:fix'] }),
        comment(alice, issue.number, '/archal fix'),
      ]);
      const pull = await waitFor(
        () => pullsFrom(`archal/fix-issue-${issue.number}`)[0],
        60_000,
        'the fix pull request',
      );
      const results = await waitFor(
        () => {
          const rows = query<{ result: string | null }>(
            "select result from app_jobs where number = ? and kind in ('label', 'fix')",
            issue.number,
          );
          return rows.length === 2 && rows.every((row) => row.result) ? rows.map((row) => row.result!) : undefined;
        },
        T,
        'both jobs to end',
      );
      expect(results.filter((result) => result.startsWith('completed:'))).toHaveLength(1);
      expect(results.filter((result) => result.startsWith('refused:'))).toHaveLength(1);
      expect(botComments(issue.number).filter((found) => found.body.includes('archal:progress'))).toHaveLength(1);
      expect(botComments(issue.number).find((found) => found.body.includes('A run is already'))).toBeDefined();
      expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([expect.objectContaining({ number: pull.number })]);
    },
    T,
  );

  it(
    'refuses a workflow whose bash splices a node output where the shell runs it: issue text never becomes a command',
    async () => {
      const marker = join(agentDir, 'ran-from-the-issue');
      // Node b puts node a's output (which echoes the issue) inside double quotes, where $(…) runs.
      const workflow = [
        'name: echo-issue',
        'description: Echoes the issue, then quotes the echo unsafely.',
        'nodes:',
        '  - id: a',
        '    bash: printf "%s" "$CONTEXT"',
        '  - id: b',
        '    depends_on: [a]',
        '    bash: |',
        '      echo "seen $a.output"',
        '',
      ].join('\n');
      await alice.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: '.archal/workflows/echo-issue.yaml',
        message: 'Add echo-issue',
        content: Buffer.from(workflow).toString('base64'),
        branch: 'main',
      });
      const { data: issue } = await alice.issues.create({
        owner,
        repo,
        title: 'Injection',
        body: `Please look: $(touch ${marker})`,
      });
      await comment(alice, issue.number, '/archal run echo-issue');
      const failed = await waitFor(
        () => botComments(issue.number).find((found) => /❌ failed|✅ completed/.test(found.body)),
        T,
        'the run to end',
      );
      expect(failed.body).toContain('double quotes');
      expect(failed.body).toMatch(/node `?b`?:/i);
      expect(existsSync(marker)).toBe(false);
      expect(agentCalls(agentDir).filter((call) => call.node === 'a' || call.node === 'b')).toEqual([]);
    },
    T,
  );

  it(
    'a reader can neither stop a run (/archal cancel, /archal reject), nor start one (/archal retry, /archal run, the "Fix with Archal" button): each is refused',
    async () => {
      const { data: issue } = await alice.issues.create({
        owner,
        repo,
        title: 'Reader gate',
        body: 'add() subtracts.',
      });
      rmSync(join(agentDir, 'held'), { force: true });
      writeFileSync(join(agentDir, 'hold'), '');
      try {
        await comment(alice, issue.number, '/archal fix');
        const heldPid = Number(await waitFor(() => readIf(join(agentDir, 'held')), T, 'the agent to hold'));
        const refusals = () => botComments(issue.number).filter((found) => found.body.includes('@rita: only people'));
        let expected = 0;
        for (const command of ['/archal cancel', '/archal reject', '/archal retry', '/archal run fix']) {
          await comment(rita, issue.number, command);
          expected += 1;
          await waitFor(() => refusals().length === expected || undefined, T, `the refusal of ${command}`);
        }
        // The run goes on: nothing a reader said stopped it or started another.
        expect(isRunning(heldPid)).toBe(true);
        expect(query('select status from app_runs where number = ?', issue.number)).toEqual([{ status: 'running' }]);
        await comment(alice, issue.number, '/archal cancel');
        await waitFor(() => !isRunning(heldPid), T, 'the agent process to stop');
      } finally {
        rmSync(join(agentDir, 'hold'), { force: true });
        rmSync(join(agentDir, 'held'), { force: true });
      }

      // The button: a reader pressing it is refused on the pull request, and nothing runs.
      const { pull } = await openPull({
        branch: 'reader-gate',
        path: 'READER.md',
        message: 'Reader gate',
        content: 'x\n',
        title: 'Reader gate',
      });
      const { data: check } = await ci.checks.create({ owner, repo, name: 'Archal', head_sha: pull.head.sha });
      await ci.checks.update({
        owner,
        repo,
        check_run_id: check.id,
        status: 'completed',
        conclusion: 'failure',
        output: { title: 'failed', summary: 'failed' },
      });
      const offer = await waitFor(
        () => clone.handle.state().checkRuns.find((run) => run.name === 'Archal fix' && run.head_sha === pull.head.sha),
        T,
        'the Archal fix check run',
      );
      const pressed = await fetch(`${clone.apiUrl}/_archal/check-runs/${offer.id}/requested-action`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'archal-fix', user: 'rita' }),
      });
      expect(pressed.status).toBe(200);
      await waitFor(
        () => botComments(pull.number).find((found) => found.body.includes('@rita: only people')),
        T,
        'the refusal of the button',
      );
      expect(pullsFrom(`archal/fix-pr-${pull.number}`)).toEqual([]);
      expect(query('select 1 from app_runs where number = ?', pull.number)).toEqual([]);
    },
    T,
  );

  it(
    'app.autoFix on the default branch: a failing check in app.fixChecks starts the fix at once, with no button; a check not listed starts nothing',
    async () => {
      const { data: file } = await alice.repos.getContent({ owner, repo, path: '.archal.json', ref: 'main' });
      const { sha, content } = file as { sha: string; content: string };
      const original = JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as { app: object };
      const write = async (config: object, fileSha: string) =>
        (
          await alice.repos.createOrUpdateFileContents({
            owner,
            repo,
            path: '.archal.json',
            message: 'Configure Archal',
            content: Buffer.from(JSON.stringify(config, null, 2)).toString('base64'),
            sha: fileSha,
            branch: 'main',
          })
        ).data.content!.sha!;
      const written = await write({ ...original, app: { ...original.app, autoFix: true, fixChecks: ['CI'] } }, sha);
      try {
        const { pull } = await openPull({
          branch: 'auto-fix',
          path: 'AUTO.md',
          message: 'Auto',
          content: 'x\n',
          title: 'Auto',
        });
        const fail = async (name: string) => {
          const { data: check } = await ci.checks.create({ owner, repo, name, head_sha: pull.head.sha });
          await ci.checks.update({
            owner,
            repo,
            check_run_id: check.id,
            status: 'completed',
            conclusion: 'failure',
            output: { title: `${name} failed`, summary: 'add(2, 3) returned -1, expected 5' },
          });
        };
        await fail('Lint');
        await waitFor(
          () =>
            query<{ result: string | null }>("select result from app_jobs where kind = 'check_failed'").find(
              (row) => row.result === 'ignored: check "Lint" is not in app.fixChecks',
            ),
          T,
          'the unlisted check to be ignored',
        );
        await fail('CI');
        const fix = await waitFor(() => pullsFrom(`archal/fix-pr-${pull.number}`)[0], T, 'the automatic fix');
        expect(fix).toMatchObject({ draft: true, base: { ref: 'auto-fix' } });
        expect(fix.body).toContain(`the failing check "CI" on #${pull.number}`);
        expect(
          clone.handle.state().checkRuns.filter((run) => run.name === 'Archal fix' && run.head_sha === pull.head.sha),
        ).toEqual([]);
      } finally {
        await write(original, written);
      }
    },
    T,
  );

  it(
    '/archal fix on a pull request opens the fix against the pull request’s branch, never pushing to it',
    async () => {
      const { pull } = await openPull({
        branch: 'fix-by-comment',
        path: 'COMMENT.md',
        message: 'Comment',
        content: 'x\n',
        title: 'Fix by comment',
      });
      await comment(alice, pull.number, '/archal fix make add() add');
      const fix = await waitFor(() => pullsFrom(`archal/fix-pr-${pull.number}`)[0], T, 'the fix of the pull request');
      expect(fix).toMatchObject({ draft: true, base: { ref: 'fix-by-comment' } });
      const { data: branch } = await alice.repos.getBranch({ owner, repo, branch: 'fix-by-comment' });
      expect(branch.commit.sha).toBe(pull.head.sha);
    },
    T,
  );

  it(
    'an invalid .archal.json on the default branch: /archal fix is answered with its problems, and nothing runs',
    async () => {
      const { data: file } = await alice.repos.getContent({ owner, repo, path: '.archal.json', ref: 'main' });
      const { sha, content } = file as { sha: string; content: string };
      const write = async (text: string, fileSha: string) =>
        (
          await alice.repos.createOrUpdateFileContents({
            owner,
            repo,
            path: '.archal.json',
            message: 'Configure Archal',
            content: Buffer.from(text).toString('base64'),
            sha: fileSha,
            branch: 'main',
          })
        ).data.content!.sha!;
      const written = await write(JSON.stringify({ app: { minPermission: 'owner' } }), sha);
      try {
        const { data: issue } = await alice.issues.create({ owner, repo, title: 'Bad config', body: 'x' });
        await comment(alice, issue.number, '/archal fix');
        const reply = await waitFor(
          () => botComments(issue.number).find((found) => found.body.includes('Archal cannot run')),
          T,
          'the reply',
        );
        expect(reply.body).toContain('`.archal.json` on `main` is invalid');
        expect(reply.body).toMatch(/minPermission/);
        expect(query('select 1 from app_runs where number = ?', issue.number)).toEqual([]);
        expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([]);
      } finally {
        await write(Buffer.from(content, 'base64').toString('utf8'), written);
      }
    },
    T,
  );

  it(
    '/archal run of a workflow that does not exist is answered with the ones that do, and nothing runs',
    async () => {
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Unknown workflow', body: 'x' });
      await comment(alice, issue.number, '/archal run no-such-flow');
      const reply = await waitFor(
        () => botComments(issue.number).find((found) => found.body.includes('no workflow named')),
        T,
        'the reply',
      );
      expect(reply.body).toContain('❌ failed');
      expect(reply.body).toMatch(
        /no workflow named "no\\-such\\-flow" \\\(available: .*archal\\-fix\\-issue.*gated\\\)/,
      );
      expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([]);
    },
    T,
  );
});

function readIf(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') || undefined : undefined;
}
