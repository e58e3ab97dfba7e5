import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import pg from 'pg';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import {
  agentCalls,
  appKeys,
  appSeed,
  freePort,
  startApp,
  TOKENS,
  waitFor,
  WEBHOOK_SECRET,
  type AppProcess,
} from '../helpers/app.js';
import { freshPostgresUrl } from '../helpers/stores.js';
import { isRunning, tempDir } from '../helpers/tmp.js';

// The same App on PostgreSQL with graphile-worker as the queue: one receiver and two worker
// processes (each with its own ARCHAL_HOME, as on separate machines) share one database. Every job
// runs exactly once; a worker killed with kill -9 mid-job has its job unlocked and resumed.

const owner = 'acme';
const repo = 'widgets';
const T = 120_000;

let clone: GitHubClone;
let databaseUrl: string;
let port: number;
let agentDir: string;
let receiver: AppProcess;
const workers: AppProcess[] = [];
const homes: string[] = [];
let alice: Octokit;
let database: pg.Client;

function env(home: string): NodeJS.ProcessEnv {
  return {
    APP_ID: '1',
    PRIVATE_KEY: appKeys().privateKey,
    WEBHOOK_SECRET,
    GHE_HOST: `127.0.0.1:${clone.port}`,
    GHE_PROTOCOL: 'http',
    ARCHAL_HOME: home,
    ARCHAL_DATABASE_URL: databaseUrl,
    APP_AGENT_DIR: agentDir,
  };
}

const startWorker = (index: number) => startApp(['--worker-only', '--workers', '2'], env(homes[index]!));

async function query<T>(text: string, ...values: unknown[]): Promise<T[]> {
  return (await database.query(text, values)).rows as T[];
}

const pullsFrom = (branch: string) => clone.handle.state().pullRequests.filter((pull) => pull.head.ref === branch);
const progressComments = (issue: number) =>
  clone.handle
    .state()
    .comments.filter(
      (comment) =>
        comment.issue_number === issue && comment.user === 'archal[bot]' && comment.body.includes('archal:progress'),
    );

beforeAll(async () => {
  databaseUrl = await freshPostgresUrl();
  agentDir = tempDir('archal-app-agent-');
  homes.push(tempDir('archal-app-a-'), tempDir('archal-app-b-'), tempDir('archal-app-r-'));
  port = await freePort();
  clone = await startGitHubClone({
    seed: appSeed(),
    webhook: { url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: WEBHOOK_SECRET, retryDelayMs: 200 },
    logger: () => {},
  });
  alice = new Octokit({
    baseUrl: clone.apiUrl,
    auth: TOKENS.alice,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  receiver = await startApp(['--port', String(port), '--no-worker'], env(homes[2]!));
  workers.push(await startWorker(0), await startWorker(1));
  // Archal's tables (the App's included) live in the archal schema.
  database = new pg.Client({ connectionString: databaseUrl, options: '-c search_path=archal' });
  await database.connect();
}, 60_000);

afterAll(async () => {
  // APP_TEST_DEBUG=1 (with APP_TEST_LOG_LEVEL=info) shows what the App processes said.
  if (process.env.APP_TEST_DEBUG) for (const app of [receiver, ...workers]) console.log(app.output());
  await database?.end();
  await Promise.all(workers.map((worker) => worker.stop()));
  await receiver?.stop();
  await clone?.handle.stop();
});

describe('the GitHub App on PostgreSQL and graphile-worker', () => {
  it(
    'one receiver, two workers: three fixes at once, each job executed exactly once',
    async () => {
      for (const issue of [1, 5, 6])
        await alice.issues.createComment({ owner, repo, issue_number: issue, body: '/archal fix' });
      for (const issue of [1, 5, 6]) {
        const pull = await waitFor(() => pullsFrom(`archal/fix-issue-${issue}`)[0], T, `the fix of #${issue}`);
        expect(pull.body).toContain(`Fixes #${issue}`);
      }
      await waitFor(
        async () => (await query("select 1 from app_jobs where status = 'done' and kind = 'fix'")).length === 3,
        T,
        'the jobs to end',
      );
      const jobs = await query<{ attempts: number; worker_pid: number; run_id: string }>(
        "select attempts, worker_pid, run_id from app_jobs where kind = 'fix'",
      );
      expect(jobs.map((job) => job.attempts)).toEqual([1, 1, 1]);
      for (const job of jobs) expect(workers.map((worker) => worker.pid)).toContain(job.worker_pid);
      for (const job of jobs) {
        const nodes = agentCalls(agentDir)
          .filter((call) => call.runId === job.run_id)
          .map((call) => call.node);
        expect(nodes).toEqual(['investigate', 'plan', 'implement', 'summarize']);
      }
      for (const issue of [1, 5, 6]) expect(progressComments(issue)).toHaveLength(1);
      // graphile-worker keeps nothing: every job completed once.
      expect(await query('select id from graphile_worker._private_jobs')).toEqual([]);
    },
    T,
  );

  it(
    'a worker killed with kill -9 mid-job: the other worker takes its job over and resumes the run in its own checkout; one pull request',
    async () => {
      writeFileSync(join(agentDir, 'hold'), '');
      await alice.issues.createComment({ owner, repo, issue_number: 3, body: '/archal fix' });
      const heldPid = Number(await waitFor(() => readIf(join(agentDir, 'held')), T, 'the agent to hold'));
      const [job] = await query<{ worker_pid: number }>('select worker_pid from app_jobs where number = 3');
      const index = workers.findIndex((worker) => worker.pid === job!.worker_pid);
      expect(index).toBeGreaterThanOrEqual(0);
      const other = 1 - index;
      process.kill(workers[index]!.pid, 'SIGKILL');
      await workers[index]!.exited;

      // The surviving worker (another ARCHAL_HOME, as on another machine) unlocks and takes the job.
      await waitFor(
        async () =>
          (await query<{ worker_pid: number }>('select worker_pid from app_jobs where number = 3 and attempts = 2'))[0]
            ?.worker_pid === workers[other]!.pid,
        T,
        'the other worker to take the job over',
      );
      // The killed worker comes back meanwhile: the job is not run a second time.
      workers[index] = await startWorker(index);

      const [ended] = await waitFor(
        async () => {
          const rows = await query<{ status: string; attempts: number; result: string }>(
            "select status, attempts, result from app_jobs where number = 3 and status in ('done', 'failed')",
          );
          return rows.length > 0 && rows;
        },
        T,
        'the job to end',
      );
      expect(ended).toEqual({
        status: 'done',
        attempts: 2,
        result: expect.stringContaining('completed: pull request'),
      });
      const pulls = pullsFrom('archal/fix-issue-3');
      expect(pulls).toHaveLength(1);
      expect(pulls[0]!.body).toContain('Fixes #3');
      const [run] = await query<{ run_id: string }>('select run_id from app_runs where number = 3');
      const [stored] = await query<{ working_path: string }>(
        'select working_path from workflow_runs where id = $1',
        run!.run_id,
      );
      expect(stored!.working_path.startsWith(`${homes[other]}/`)).toBe(true);
      const calls = agentCalls(agentDir).filter((call) => call.runId === run!.run_id);
      expect(calls.map((call) => call.node)).toEqual(['investigate', 'plan', 'implement', 'implement', 'summarize']);
      // The resumed nodes ran in the checkout the fix was published from.
      for (const call of calls.slice(3)) expect(call.cwd).toBe(stored!.working_path);
      await waitFor(() => !isRunning(heldPid), 10_000, 'the held agent to be stopped');
      expect(progressComments(3)).toHaveLength(1);
      rmSync(join(agentDir, 'hold'), { force: true });
      rmSync(join(agentDir, 'held'), { force: true });
    },
    T,
  );

  it(
    '/archal cancel that lands after a job checked for it but before its run is recorded: the job checks again once recorded and stops the run',
    async () => {
      const ran = join(agentDir, 'held-at-start-ran');
      rmSync(ran, { force: true });
      const workflow = [
        'name: held-at-start',
        'description: Runs long.',
        'nodes:',
        '  - id: a',
        `    bash: echo ran >> ${ran}; sleep 20`,
        '',
      ];
      await alice.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: '.archal/workflows/held-at-start.yaml',
        message: 'Add held-at-start',
        content: Buffer.from(workflow.join('\n')).toString('base64'),
        branch: 'main',
      });
      const { data: issue } = await alice.issues.create({ owner, repo, title: 'Cancel in the gap', body: 'x' });
      // The gap held open: a new run's row waits on an advisory lock this test holds, so the job
      // has passed its check for a cancel (it is inserting its run) and its run is not recorded.
      await database.query('select pg_advisory_lock(4242)');
      await database.query(`create or replace function hold_new_runs() returns trigger language plpgsql as $$
        begin perform pg_advisory_xact_lock(4242); return new; end $$`);
      await database.query(
        'create trigger hold_new_runs before insert on workflow_runs for each row execute function hold_new_runs()',
      );
      let jobId: string;
      try {
        await alice.issues.createComment({
          owner,
          repo,
          issue_number: issue.number,
          body: '/archal run held-at-start',
        });
        await waitFor(
          async () =>
            (await query("select 1 from pg_locks where locktype = 'advisory' and objid = 4242 and not granted"))
              .length > 0,
          T,
          'the job to insert its run',
        );
        const [job] = await query<{ id: string; run_id: string | null }>(
          "select id, run_id from app_jobs where number = $1 and kind = 'run'",
          issue.number,
        );
        expect(job!.run_id).toBeNull();
        jobId = job!.id;
        await alice.issues.createComment({ owner, repo, issue_number: issue.number, body: '/archal cancel' });
        const answer = await waitFor(
          () =>
            clone.handle
              .state()
              .comments.find(
                (comment) => comment.issue_number === issue.number && comment.body.includes('archal:reply'),
              ),
          T,
          'the reply',
        );
        expect(answer.body).toContain('Cancelled 0 run(s), 1 job(s) setting up a run and 0 queued job(s).');
      } finally {
        // Released first: dropping the trigger waits for the insert holding the table.
        await database.query('select pg_advisory_unlock(4242)');
        await database.query('drop trigger if exists hold_new_runs on workflow_runs');
      }
      // The run starts now; once recorded, the job reads that it was cancelled and stops the run
      // well before its node's 20 seconds are up.
      const [run] = await waitFor(
        async () => {
          const rows = await query<{ id: string; status: string }>(
            'select id, status from workflow_runs where conversation_id = $1',
            `github:acme/widgets#${issue.number}`,
          );
          return rows[0]?.status === 'cancelled' && rows;
        },
        15_000,
        'the run to be stopped',
      );
      expect(await query('select status from app_jobs where id = $1', jobId)).toEqual([{ status: 'cancelled' }]);
      expect(await query('select run_id from app_runs where number = $1', issue.number)).toEqual([{ run_id: run!.id }]);
      await waitFor(
        () => progressComments(issue.number).find((comment) => comment.body.includes('🚫 cancelled')),
        T,
        'the progress comment to say cancelled',
      );
      expect(pullsFrom(`archal/fix-issue-${issue.number}`)).toEqual([]);
    },
    T,
  );
});

function readIf(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') || undefined : undefined;
}
