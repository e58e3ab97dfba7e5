import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from '@jest/globals';
import { json, REPO_ROOT, runCli, startCli, waitFor } from '../helpers/cli.js';
import { EXAMPLE, hostedRepo, type HostedRepo } from '../helpers/hosted.js';
import { isRunning, tempDir } from '../helpers/tmp.js';

const PROD = join(EXAMPLE, 'prod-traces');
const FAILING = '4bf92f3577b34da6a3ce929d0e0e4736';
const BLOCKED = '7d3c1a09e85b4f21b6a4c2d8e9f01a3b';
const PASSING = 'label-bugs-2025-06-03';
const TRACE_TOKEN = 'ghs_triageBotInstallToken0123456789abcd';

interface Job {
  traceId: string;
  stage: string;
  status: string;
  message: string | null;
  missing: Array<{ what: string; from: string }>;
}

let hosted: HostedRepo | undefined;
afterEach(async () => {
  await hosted?.stop();
  hosted = undefined;
});

async function host(
  overrides: Record<string, string | null> = {},
): Promise<{ repo: HostedRepo; env: NodeJS.ProcessEnv }> {
  hosted = await hostedRepo(overrides);
  return { repo: hosted, env: { ...hosted.env, ARCHAL_HOME: tempDir('archal-home-') } };
}

const attachDir = (dir: string) => join(dir, '.archal', 'attach');
/** A .gitignore that ignores the loop's directory (as `archal init` writes it), and nothing else of Archal's. */
const ATTACH_ONLY_GITIGNORE = 'node_modules/\n.archal/attach/\n';
const readJson = <T = Record<string, unknown>>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
// The watcher appends while tests poll: only complete lines count (the file may exist still empty,
// or end in a line being written).
const lines = (dir: string) =>
  readFileSync(join(attachDir(dir), 'runs.jsonl'), 'utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const historyOf = (dir: string, traceId: string) =>
  lines(dir)
    .filter((line) => line.traceId === traceId)
    .map((line) => `${String(line.stage)}:${String(line.status)}`);

/** `git status` of a hosted repository, every untracked file listed, one entry per line. */
const statusLines = async (repo: HostedRepo) =>
  (await repo.git('status', '--porcelain', '--untracked-files=all'))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function validator(name: string) {
  const schema = readJson(join(REPO_ROOT, 'schema', name));
  return new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
}

describe('archal attach: the post-prod loop on the example’s production traces', () => {
  it('grades, seeds, reproduces, blocks with what is missing, refuses junk; idempotent; status; reprocess after the fix of the blocker', async () => {
    const { repo, env } = await host({
      'prod-traces/notes.txt': 'Remember to export the traces with bodies next time.\n',
      'prod-traces/run-record.json': readFileSync(
        join(REPO_ROOT, 'test/fixtures/attach/archal-run-close-stale.json'),
        'utf8',
      ),
    });
    const attach = await runCli(['attach', 'prod-traces', '--repo', repo.dir, '--once', '--json'], {
      env,
      timeoutMs: 120_000,
    });
    // notes.txt is refused: the pass runs every trace, then exits 1 for it.
    expect(attach.code).toBe(1);
    const result = json<{ attachment: string; policy: string; jobs: Job[] }>(attach);
    expect(result).toMatchObject({ attachment: 'prod-traces', policy: 'reproduce' });
    const record = '8b6553bf-54eb-4da7-9300-9c8dda581369';
    const statuses = Object.fromEntries(result.jobs.map((job) => [job.traceId, `${job.stage}:${job.status}`]));
    expect(statuses).toEqual({
      [PASSING]: 'grade:passed',
      [FAILING]: 'reproduce:reproduced',
      [BLOCKED]: 'seed:blocked',
      [record]: 'reproduce:reproduced',
    });
    const root = attachDir(repo.dir);
    expect(readdirSync(root).sort()).toEqual(
      ['attachments.json', 'failed', 'fixes', 'grades', 'logs', 'raw', 'runs', 'runs.jsonl', 'seeds'].sort(),
    );

    // Junk: one refusal in failed/, named after the file, with the reason.
    expect(readJson(join(root, 'failed', 'notes.txt.json'))).toMatchObject({
      file: 'prod-traces/notes.txt',
      reason: expect.stringMatching(/^not JSON: expected OTLP\/JSON/),
    });

    // The failing trace: grade → seed (valid) → scenario (valid) → reproduced.
    expect(readJson(join(root, 'grades', FAILING, 'grade.json'))).toMatchObject({
      verdict: 'fail',
      reproduce: true,
      summary: expect.stringMatching(/keep-open/),
      evidence: [{ calls: expect.arrayContaining([expect.objectContaining({ method: 'PATCH', status: 200 })]) }],
    });
    const seed = readJson(join(root, 'seeds', FAILING, 'seed.json'));
    expect(validator('github-seed.schema.json')(seed)).toBe(true);
    const validate = await runCli(['scenario', 'validate', join(root, 'seeds', FAILING, 'scenario.md'), '--json'], {
      cwd: repo.dir,
      env,
    });
    expect(validate.code).toBe(0);
    const manifest = readJson(join(root, 'runs', FAILING, 'manifest.json'));
    expect(manifest).toMatchObject({
      status: 'reproduced',
      command: `archal run .archal/attach/seeds/${FAILING}/scenario.md --runs 1 -o json`,
      attempts: [{ attempt: 1, passed: false, failureKind: 'agent' }],
      evidence: [expect.stringMatching(/Issues labelled "keep-open" remain open/)],
    });
    expect(readJson(join(root, 'runs', FAILING, 'stdout.json'))).toMatchObject({ passed: false, totals: { runs: 1 } });
    expect(readFileSync(join(root, 'runs', FAILING, 'stderr.log'), 'utf8')).toMatch(/== attempt 1 .*: ok/);

    // The blocked trace names the missing response body, in its job and its manifest.
    const blocked = result.jobs.find((job) => job.traceId === BLOCKED)!;
    expect(blocked.missing).toEqual([
      {
        what: expect.stringMatching(
          /^the response body of GET https:\/\/api\.github\.com\/repos\/acme\/webapp\/issues\?state=open&per_page=100 \(call #1\)/,
        ),
        call: 1,
        from: expect.stringMatching(/records HTTP response bodies/),
      },
    ]);
    expect(readJson(join(root, 'runs', BLOCKED, 'manifest.json'))).toMatchObject({
      status: 'blocked',
      missing: blocked.missing,
    });
    expect(existsSync(join(root, 'seeds', BLOCKED, 'scenario.md'))).toBe(false);

    // runs.jsonl: one line per state change of each job.
    expect(historyOf(repo.dir, FAILING)).toEqual([
      'import:queued',
      'grade:graded',
      'seed:graded',
      'reproduce:reproduced',
    ]);
    expect(historyOf(repo.dir, PASSING)).toEqual(['import:queued', 'grade:passed']);
    expect(historyOf(repo.dir, BLOCKED)).toEqual(['import:queued', 'grade:graded', 'seed:blocked']);

    // Every artifact is redacted: the trace's credential and the run's clone token are nowhere.
    for (const file of filesUnder(root)) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(TRACE_TOKEN);
      expect(text).not.toContain(repo.env.GITHUB_TOKEN);
    }

    // Re-importing the same traces does nothing.
    const before = lines(repo.dir).length;
    const again = await runCli(['attach', 'prod-traces', '--repo', repo.dir, '--once', '--json'], {
      env,
      timeoutMs: 60_000,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/1 file\(s\) of prod-traces refused:\n {2}prod-traces\/notes\.txt: /);
    expect(lines(repo.dir)).toHaveLength(before);

    const status = await runCli(['attach-status', '--repo', repo.dir, '--json'], { env });
    expect(status.code).toBe(0);
    expect(json(status)).toMatchObject({
      totals: { jobs: 4, byStatus: { passed: 1, reproduced: 2, blocked: 1 } },
      byStage: { grade: { passed: 1 }, seed: { blocked: 1 }, reproduce: { reproduced: 2 } },
      blocked: [{ traceId: BLOCKED, stage: 'seed', missing: blocked.missing }],
      failedFiles: [{ file: 'prod-traces/notes.txt' }],
      attachments: [{ kind: 'directory', name: 'prod-traces', status: 'detached' }],
    });
    const sources = await runCli(['trace-source', 'status', '--repo', repo.dir, '--json'], { env });
    expect(json(sources)).toMatchObject({ raw: 4, failed: 1, sources: [{ name: 'prod-traces', traces: 4 }] });

    // The blocker fixed: the export now records bodies. attach-reprocess reads the file again and reproduces.
    const complete = readFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), 'utf8').replaceAll(FAILING, BLOCKED);
    writeFileSync(join(repo.dir, 'prod-traces', 'stale-sweep-2025-06-09.otlp.json'), complete);
    const reprocess = await runCli(['attach-reprocess', '--repo', repo.dir, BLOCKED, '--json'], {
      env,
      timeoutMs: 60_000,
    });
    expect(reprocess.code).toBe(0);
    expect(json(reprocess)).toMatchObject({ traceId: BLOCKED, stage: 'reproduce', status: 'reproduced' });
    expect(historyOf(repo.dir, BLOCKED)).toEqual([
      'import:queued',
      'grade:graded',
      'seed:blocked',
      'import:queued',
      'grade:graded',
      'seed:graded',
      'reproduce:reproduced',
    ]);

    const unknown = await runCli(['attach-reprocess', '--repo', repo.dir, `${BLOCKED.slice(0, -1)}x`], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no job for trace .*did you mean/i);
  }, 240_000);

  it('policy fix: without --allow-external-execution the fix is blocked; reprocessed with a fixer, a verified draft PR on the clone', async () => {
    const { repo, env } = await host();
    const traces = join(repo.dir, 'failing');
    mkdirSync(traces);
    copyFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), join(traces, 'trace.json'));
    const blocked = await runCli(
      ['attach', 'failing', '--repo', repo.dir, '--once', '--execution-policy', 'fix', '--json'],
      {
        env,
        timeoutMs: 60_000,
      },
    );
    expect(blocked.code).toBe(0);
    expect(json<{ jobs: Job[] }>(blocked).jobs).toEqual([
      expect.objectContaining({ stage: 'fix', status: 'fix_blocked' }),
    ]);
    expect(readJson(join(attachDir(repo.dir), 'fixes', FAILING, 'status.json'))).toMatchObject({
      status: 'fix_blocked',
      reason: 'external_execution_disabled',
    });

    const fixed = await runCli(
      [
        'attach-reprocess',
        '--repo',
        repo.dir,
        FAILING,
        '--execution-policy',
        'fix',
        '--allow-external-execution',
        '--fix-command',
        'node fix.mjs',
        '--open-pr',
        '--json',
      ],
      { env, timeoutMs: 120_000 },
    );
    expect(fixed.code).toBe(0);
    expect(json(fixed)).toMatchObject({ stage: 'fix', status: 'fixed' });
    const status = readJson<{ pr: { url: string; number: number } }>(
      join(attachDir(repo.dir), 'fixes', FAILING, 'status.json'),
    );
    expect(status).toMatchObject({ status: 'fixed', reason: 'fixed', pr: { number: 1 }, patch: null });
    const pulls = repo.clone.handle.state().pullRequests;
    expect(pulls).toHaveLength(1);
    // One pull request per trace, on the trace's own branch.
    expect(pulls[0]).toMatchObject({
      draft: true,
      state: 'open',
      base: { ref: 'main' },
      head: { ref: `archal/attach-fix-${FAILING}` },
    });
    expect(status).toMatchObject({ pr: { branch: `archal/attach-fix-${FAILING}` } });
    const details = readFileSync(join(attachDir(repo.dir), 'fixes', FAILING, 'pr-details.md'), 'utf8');
    expect(details).toContain(`# Fix for production trace ${FAILING}`);
    expect(details).toContain(status.pr.url);
    expect(details).toMatch(/Issues labelled "keep-open" remain open/);
    expect(historyOf(repo.dir, FAILING).slice(-2)).toEqual(['reproduce:reproduced', 'fix:fixed']);
  }, 240_000);

  it('policy fix without --open-pr: the fix stays in the working tree, and repo.patch holds it; no run record is untracked', async () => {
    // A repository that ignores the loop's own directory (as `archal init` writes) and nothing else of Archal's.
    const { repo, env } = await host({ '.gitignore': ATTACH_ONLY_GITIGNORE });
    const traces = join(repo.dir, 'failing');
    mkdirSync(traces);
    copyFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), join(traces, 'trace.json'));
    const result = await runCli(
      [
        'attach',
        'failing',
        '--repo',
        repo.dir,
        '--once',
        '--execution-policy',
        'fix',
        '--allow-external-execution',
        '--fix-command',
        'node fix.mjs',
      ],
      { env, timeoutMs: 120_000 },
    );
    expect(result.code).toBe(0);
    const fixes = join(attachDir(repo.dir), 'fixes', FAILING);
    expect(readJson(join(fixes, 'status.json'))).toMatchObject({
      status: 'fixed',
      pr: null,
      patch: `.archal/attach/fixes/${FAILING}/repo.patch`,
    });
    const patch = readFileSync(join(fixes, 'repo.patch'), 'utf8');
    expect(patch).toMatch(/^diff --git a\/triage\.mjs b\/triage\.mjs/);
    expect(patch).toContain("+export const EXEMPT_LABEL = 'keep-open';");
    expect(await repo.git('status', '--porcelain', 'triage.mjs')).toBe('M triage.mjs');
    expect(repo.clone.handle.state().pullRequests).toHaveLength(0);
    // The reproduction's and the fix's reruns wrote run records in .archal/cache: git shows none of them.
    expect(existsSync(join(repo.dir, '.archal', 'cache', 'last-run.json'))).toBe(true);
    expect(await statusLines(repo)).toEqual(['?? failing/trace.json', 'M triage.mjs']);
  }, 180_000);

  it('kill -9 during reproduce, then rerun: the job resumes, and nothing is done twice; no run record is untracked', async () => {
    const { repo, env } = await host({
      '.gitignore': ATTACH_ONLY_GITIGNORE,
      '.archal.json': JSON.stringify({
        agent: 'echo started >> "$STARTS"; sleep 1.5; exec node agent.mjs',
        clones: ['github'],
        timeout: 60,
      }),
    });
    const starts = join(tempDir('archal-starts-'), 'starts.log');
    const traces = join(repo.dir, 'failing');
    mkdirSync(traces);
    copyFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), join(traces, 'trace.json'));
    const runEnv = { ...env, STARTS: starts };
    const startedCount = () => (existsSync(starts) ? readFileSync(starts, 'utf8').trim().split('\n').length : 0);
    const attempt = (n: number) => join(attachDir(repo.dir), 'runs', FAILING, `attempt-${n}.json`);

    const first = startCli(['attach', 'failing', '--repo', repo.dir, '--once', '--runs', '2'], { env: runEnv });
    await waitFor(
      () => existsSync(attempt(1)) && startedCount() === 2,
      60_000,
      'the second reproduction attempt to start',
    );
    first.kill('SIGKILL');
    await first.done;
    const kept = readJson<{ runId: string }>(attempt(1));
    expect(historyOf(repo.dir, FAILING)).toEqual(['import:queued', 'grade:graded', 'seed:graded']);

    const rerun = await runCli(['attach', 'failing', '--repo', repo.dir, '--once', '--runs', '2', '--json'], {
      env: runEnv,
      timeoutMs: 60_000,
    });
    expect(rerun.code).toBe(0);
    // Attempt 1 finished before the kill and is kept; attempt 2 was cut short and runs once more.
    expect(startedCount()).toBe(3);
    expect(readJson<{ runId: string }>(attempt(1)).runId).toBe(kept.runId);
    const manifest = readJson<{ status: string; attempts: Array<{ runId: string }> }>(
      join(attachDir(repo.dir), 'runs', FAILING, 'manifest.json'),
    );
    expect(manifest.status).toBe('reproduced');
    expect(manifest.attempts.map((entry) => entry.runId)[0]).toBe(kept.runId);
    expect(manifest.attempts).toHaveLength(2);
    expect(historyOf(repo.dir, FAILING)).toEqual([
      'import:queued',
      'grade:graded',
      'seed:graded',
      'reproduce:reproduced',
    ]);
    // Every attempt's run record is in .archal/cache/runs/, and git shows none of them (only the traces added here).
    expect(readdirSync(join(repo.dir, '.archal', 'cache', 'runs')).length).toBeGreaterThanOrEqual(2);
    expect(await statusLines(repo)).toEqual(['?? failing/trace.json']);
  }, 180_000);

  it('watches a directory until archal detach stops it', async () => {
    const { repo, env } = await host();
    const traces = join(repo.dir, 'incoming');
    mkdirSync(traces);
    copyFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), join(traces, 'a.jsonl'));
    const watcher = startCli(['attach', 'incoming', '--repo', repo.dir, '--execution-policy', 'grade'], { env });
    await waitFor(
      () => existsSync(join(attachDir(repo.dir), 'runs.jsonl')) && historyOf(repo.dir, PASSING).length === 2,
      30_000,
      'the first trace to be graded',
    );
    copyFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), join(traces, 'b.json'));
    await waitFor(() => historyOf(repo.dir, FAILING).includes('grade:graded'), 30_000, 'the new file to be graded');
    expect(readJson(join(attachDir(repo.dir), 'attachments.json'))).toMatchObject({
      attachments: [{ kind: 'directory', name: 'incoming', status: 'attached', pid: watcher.pid, policy: 'grade' }],
    });
    // policy grade: a failing trace stops after its grade.
    expect(historyOf(repo.dir, FAILING)).toEqual(['import:queued', 'grade:graded']);

    const detach = await runCli(['detach', 'incoming', '--repo', repo.dir], { env });
    expect(detach.code).toBe(0);
    expect(detach.stdout).toMatch(
      new RegExp(`Detached incoming\\. Its watcher \\(process ${watcher.pid}\\) stopped\\.`),
    );
    expect((await watcher.done).code).toBe(0);
    expect(isRunning(watcher.pid)).toBe(false);
    expect(readJson(join(attachDir(repo.dir), 'attachments.json'))).toMatchObject({
      attachments: [{ name: 'incoming', status: 'detached' }],
    });
    const again = await runCli(['detach', 'incoming', '--repo', repo.dir], { env });
    expect(again.stdout).toMatch(/already detached/);
    const unknown = await runCli(['detach', 'elsewhere', '--repo', repo.dir], { env });
    expect(unknown.code).toBe(2);
    // incoming was detached just above: it is named as such, not as an attached directory.
    expect(unknown.stderr).toMatch(
      /elsewhere is not attached \(detached: incoming\): give the directory as `archal attach` was given it, relative to the repository \(/,
    );
  }, 120_000);
});

describe('archal trace-source', () => {
  it('import: --preview writes nothing; import queues a job per trace; the same again is unchanged; junk exits 1; --out queues nothing', async () => {
    const repo = tempDir('archal-import-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const exports = join(repo, 'exports');
    mkdirSync(exports);
    copyFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), join(exports, 'a.jsonl'));
    copyFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json'), join(exports, 'b.json'));
    const cli = (...args: string[]) => runCli(['--cwd', repo, 'trace-source', ...args], { env });

    const preview = await cli('import', 'exports', '--preview', '--json');
    expect(preview.code).toBe(0);
    expect(json(preview)).toMatchObject({
      preview: true,
      totals: { files: 2, refused: 0, traces: 2, new: 2 },
      files: [
        { status: 'imported', format: 'jsonl', traces: [{ id: PASSING, change: 'new', calls: 4 }] },
        { status: 'imported', format: 'otlp', traces: [{ id: FAILING, change: 'new', calls: 18 }] },
      ],
    });
    expect(existsSync(join(repo, '.archal'))).toBe(false);

    const imported = await cli('import', 'exports');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported 2 trace\(s\) from 2 file\(s\); 0 file\(s\) refused\./);
    expect(lines(repo).map((line) => [line.traceId, line.source, line.status])).toEqual([
      [PASSING, 'import', 'queued'],
      [FAILING, 'import', 'queued'],
    ]);
    const again = await cli('import', 'exports', '--json');
    expect(json(again)).toMatchObject({ totals: { unchanged: 2, new: 0 } });
    expect(lines(repo)).toHaveLength(2);

    // A file holding the same export twice (a retried export appended to the first): each span once, unchanged.
    const exported = readJson<{ resourceSpans: unknown[] }>(join(PROD, 'stale-sweep-2025-06-02.otlp.json'));
    mkdirSync(join(repo, 'retried'));
    writeFileSync(
      join(repo, 'retried', 'twice.json'),
      JSON.stringify({ resourceSpans: [...exported.resourceSpans, ...exported.resourceSpans] }),
    );
    const twice = await cli('import', 'retried', '--json');
    expect(twice.code).toBe(0);
    expect(json(twice)).toMatchObject({
      totals: { traces: 1, unchanged: 1 },
      files: [{ status: 'imported', traces: [{ id: FAILING, change: 'unchanged', calls: 18 }] }],
    });
    expect(readJson<{ calls: unknown[] }>(join(attachDir(repo), 'raw', `${FAILING}.json`)).calls).toHaveLength(18);
    expect(lines(repo)).toHaveLength(2);

    writeFileSync(join(exports, 'c.ndjson'), '{"type":"message","trace_id":"x","role":"user"}\n{"type":"request"}\n');
    const junk = await cli('import', 'exports/c.ndjson');
    expect(junk.code).toBe(1);
    expect(junk.stdout).toMatch(/✗ exports\/c\.ndjson: refused: line 2: not a JSONL trace event/);
    expect(readJson(join(attachDir(repo), 'failed', 'c.ndjson.json'))).toMatchObject({ file: 'exports/c.ndjson' });

    const out = await cli('import', 'exports/a.jsonl', '--out', 'normalized', '--source-name', 'staging');
    expect(out.code).toBe(0);
    expect(readJson(join(repo, 'normalized', `${PASSING}.json`))).toMatchObject({
      source: { name: 'staging', format: 'jsonl' },
    });
    expect(lines(repo)).toHaveLength(2);

    const status = await cli('status', '--json');
    expect(json(status)).toMatchObject({
      raw: 2,
      failed: 1,
      sources: [{ name: 'import', kind: 'import', traces: 2, jobs: { queued: 2 } }],
    });

    // The imported jobs run with `attach --source-name import --once`; without a harness, reproduction is blocked.
    const run = await runCli(['--cwd', repo, 'attach', '--source-name', 'import', '--once', '--json'], {
      env,
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(0);
    const jobs = json<{ kind: string; jobs: Job[] }>(run);
    expect(jobs.kind).toBe('queue');
    expect(Object.fromEntries(jobs.jobs.map((job) => [job.traceId, `${job.stage}:${job.status}`]))).toEqual({
      [PASSING]: 'grade:passed',
      [FAILING]: 'reproduce:blocked',
    });
    expect(jobs.jobs.find((job) => job.traceId === FAILING)!.missing).toEqual([
      expect.objectContaining({
        what: expect.stringMatching(/^the repository's harness: No agent to test/),
        from: expect.stringMatching(/"agent"/),
      }),
    ]);
    const unknown = await runCli(['--cwd', repo, 'attach', '--source-name', 'nowhere', '--once'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no source named 'nowhere'/);
  });

  it('attach runs the jobs of the traces its directory holds, also when trace-source import queued them first', async () => {
    const repo = tempDir('archal-import-then-attach-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    mkdirSync(join(repo, 'traces'));
    copyFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), join(repo, 'traces', 'a.jsonl'));
    const imported = await runCli(['--cwd', repo, 'trace-source', 'import', 'traces'], { env });
    expect(imported.code).toBe(0);
    const attach = await runCli(
      ['attach', 'traces', '--repo', repo, '--once', '--execution-policy', 'grade', '--json'],
      { env, timeoutMs: 60_000 },
    );
    expect(attach.code).toBe(0);
    expect(json<{ jobs: Job[] }>(attach).jobs.map((job) => [job.traceId, job.stage, job.status])).toEqual([
      [PASSING, 'grade', 'passed'],
    ]);
    expect(historyOf(repo, PASSING)).toEqual(['import:queued', 'grade:passed']);
  });

  it('attach <dir> --once exits 1 naming the file and why when a file of the pass was refused; the other traces still run', async () => {
    const repo = tempDir('archal-attach-refused-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    mkdirSync(join(repo, 'traces'));
    writeFileSync(join(repo, 'traces', 'junk.json'), '{"resourceSpans": [');
    const attach = (...extra: string[]) =>
      runCli(['attach', 'traces', '--repo', repo, '--once', '--execution-policy', 'grade', ...extra], {
        env,
        timeoutMs: 60_000,
      });

    // Every file refused: nothing ran, and the exit says so.
    const human = await attach();
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/refused traces\/junk\.json: line 1: not JSON/);
    expect(human.stderr).toMatch(
      /1 file\(s\) of traces refused:\n {2}traces\/junk\.json: line 1: not JSON.*\nFix or remove the file\(s\) \(each refusal is recorded in \.archal\/attach\/failed\/\); the next pass reads them again\./,
    );

    // One good trace beside it: its job runs, and the refusal still fails the pass.
    copyFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), join(repo, 'traces', 'a.jsonl'));
    const mixed = await attach('--json');
    expect(mixed.code).toBe(1);
    const result = json<{ imported: Array<Record<string, unknown>>; refused: unknown[]; jobs: Job[] }>(mixed);
    expect(result.jobs.map((job) => [job.traceId, job.stage, job.status])).toEqual([[PASSING, 'grade', 'passed']]);
    expect(result.refused).toEqual([
      { file: 'traces/junk.json', reason: expect.stringMatching(/^line 1: not JSON/), failedFile: expect.any(String) },
    ]);
    expect(mixed.stderr).toMatch(/traces\/junk\.json: line 1: not JSON/);

    // The file removed: the pass is clean again.
    rmSync(join(repo, 'traces', 'junk.json'));
    expect((await attach('--json')).code).toBe(0);
  }, 120_000);

  it('import reads gzipped exports; a truncated gzip file is refused with the reason', async () => {
    const repo = tempDir('archal-import-gzip-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    mkdirSync(join(repo, 'exports'));
    const zipped = gzipSync(readFileSync(join(PROD, 'stale-sweep-2025-06-02.otlp.json')));
    writeFileSync(join(repo, 'exports', 'sweep.json.gz'), zipped);
    writeFileSync(join(repo, 'exports', 'cut.json.gz'), zipped.subarray(0, zipped.length / 2));
    const imported = await runCli(['--cwd', repo, 'trace-source', 'import', 'exports', '--json'], { env });
    expect(imported.code).toBe(1);
    expect(json(imported)).toMatchObject({
      totals: { files: 2, refused: 1, traces: 1, new: 1 },
      files: [
        { file: expect.stringMatching(/cut\.json\.gz$/), status: 'refused', reason: expect.stringMatching(/^gzip: /) },
        {
          file: expect.stringMatching(/sweep\.json\.gz$/),
          status: 'imported',
          format: 'otlp',
          traces: [{ id: FAILING, calls: 18 }],
        },
      ],
    });
    expect(readJson(join(attachDir(repo), 'failed', 'cut.json.gz.json'))).toMatchObject({
      file: 'exports/cut.json.gz',
      reason: expect.stringMatching(/not a complete gzip file/),
    });
  });

  it('an OTLP trace exported over several files is the union of their spans, whichever file comes first or last', async () => {
    const repo = tempDir('archal-import-split-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const exported = readJson<{ resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> }>(
      join(PROD, 'stale-sweep-2025-06-02.otlp.json'),
    );
    const spans = exported.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    const part = (from: number, to: number) =>
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ scope: { name: 'batch' }, spans: spans.slice(from, to) }] }] });
    mkdirSync(join(repo, 'exports'));
    const third = Math.ceil(spans.length / 3);
    writeFileSync(join(repo, 'exports', 'batch-1.json'), part(0, third));
    writeFileSync(join(repo, 'exports', 'batch-2.json'), part(third, 2 * third));
    const cli = (...args: string[]) => runCli(['--cwd', repo, 'trace-source', 'import', ...args, '--json'], { env });
    expect((await cli('exports')).code).toBe(0);
    // A later batch, imported on its own, adds its spans to the ones already imported.
    writeFileSync(join(repo, 'late-batch.json'), part(2 * third, spans.length));
    const late = await cli('late-batch.json');
    expect(json(late)).toMatchObject({ files: [{ traces: [{ id: FAILING, change: 'changed', calls: 18 }] }] });
    const raw = join(attachDir(repo), 'raw', `${FAILING}.json`);
    expect(readJson(raw)).toMatchObject({
      task: expect.stringMatching(/keep-open/),
      source: { file: 'late-batch.json', files: ['exports/batch-1.json', 'exports/batch-2.json', 'late-batch.json'] },
    });
    expect(readJson<{ calls: unknown[] }>(raw).calls).toHaveLength(18);
    // The whole export at once is the same trace: unchanged, and so is any of its parts imported again.
    writeFileSync(join(repo, 'whole.json'), JSON.stringify(exported));
    expect(json(await cli('whole.json', 'exports/batch-1.json'))).toMatchObject({ totals: { unchanged: 2 } });
    expect(lines(repo).filter((line) => line.traceId === FAILING)).toHaveLength(3);
  });

  it('refused files of the same name in different folders each keep their own record in failed/', async () => {
    const repo = tempDir('archal-refusals-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    for (const folder of ['sub1', 'sub2']) {
      mkdirSync(join(repo, 't', folder), { recursive: true });
      writeFileSync(join(repo, 't', folder, 'junk.txt'), `not a trace (${folder})\n`);
    }
    const cli = (...args: string[]) => runCli(['--cwd', repo, ...args], { env });
    const failed = join(attachDir(repo), 'failed');
    const digest = createHash('sha256').update('t/sub2/junk.txt').digest('hex').slice(0, 8);
    const records = () => readdirSync(failed).sort();

    for (let pass = 0; pass < 2; pass++) {
      const imported = await cli('trace-source', 'import', 't');
      expect(imported.code).toBe(1);
      // The first keeps the documented name; the later one's name adds a digest of its path. Importing again keeps them.
      expect(records()).toEqual([`junk.txt-${digest}.json`, 'junk.txt.json']);
      expect(readJson(join(failed, 'junk.txt.json'))).toMatchObject({ file: 't/sub1/junk.txt' });
      expect(readJson(join(failed, `junk.txt-${digest}.json`))).toMatchObject({ file: 't/sub2/junk.txt' });
    }
    const status = await cli('attach-status', '--repo', '.', '--json');
    expect(status.code).toBe(0);
    expect(
      json<{ failedFiles: Array<{ file: string }> }>(status)
        .failedFiles.map((entry) => entry.file)
        .sort(),
    ).toEqual(['t/sub1/junk.txt', 't/sub2/junk.txt']);
    expect(json(await cli('trace-source', 'status', '--json'))).toMatchObject({ failed: 2 });

    // One of them becomes a trace: its record goes, the other's stays.
    copyFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), join(repo, 't', 'sub1', 'junk.txt'));
    const fixed = await cli('trace-source', 'import', 't/sub1/junk.txt');
    expect(fixed.code).toBe(0);
    expect(records()).toEqual([`junk.txt-${digest}.json`]);
  });

  it('watch: keeps importing new files until Ctrl-C', async () => {
    const repo = tempDir('archal-watch-');
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    mkdirSync(join(repo, 'inbox'));
    const watcher = startCli(['--cwd', repo, 'trace-source', 'watch', 'inbox', '--json'], { env });
    try {
      await waitFor(() => watcher.stderr().includes('Watching inbox'), 15_000, 'the watcher to start');
      copyFileSync(join(PROD, 'label-bugs-2025-06-03.jsonl'), join(repo, 'inbox', 'late.jsonl'));
      await waitFor(
        () => existsSync(join(attachDir(repo), 'raw', `${PASSING}.json`)),
        15_000,
        'the new file to be imported',
      );
      await waitFor(() => watcher.stdout().includes(PASSING), 5_000, 'the import to be reported');
      expect(JSON.parse(watcher.stdout().trim().split('\n')[0]!)).toMatchObject({
        status: 'imported',
        traces: [{ id: PASSING }],
      });
      expect(lines(repo)[0]).toMatchObject({ traceId: PASSING, source: 'inbox', status: 'queued' });
    } finally {
      watcher.kill('SIGINT');
      expect((await watcher.done).code).toBe(0);
    }
  });
});

describe('archal attach: invalid input', () => {
  it.each([
    [['attach'], /Give a directory of traces/],
    [['attach', 'x', '--source', 'postgres'], /not both/],
    [
      ['attach', '--source', 'postgres', '--source-name', 's', '--database-url-env', 'U'],
      /--table T or --query-file F/,
    ],
    [['attach', '--source-name', 's'], /add --once/],
    [['attach', 'x', '--table', 't'], /add --source postgres/],
    [['attach', 'x', '--open-pr'], /--execution-policy fix/],
    [['attach', 'x', '--execution-policy', 'everything'], /Allowed choices are grade, reproduce, fix/],
    [['attach', 'no-such-dir', '--once'], /no-such-dir: not a directory of traces/],
    [['trace-source', 'import', 'no-such-file'], /no-such-file: no such file or directory/],
  ])('%j exits 2 with a message', async (args, message) => {
    const dir = tempDir('archal-attach-input-');
    const result = await runCli(['--cwd', dir, ...args], { env: { ARCHAL_HOME: tempDir('archal-home-') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('archal attach: a damaged attachments.json', () => {
  it.each([
    ['truncated', Buffer.from('{"schemaVersion": 1, "attachments": [{"kind": "directory"')],
    ['binary', Buffer.from([0x7b, 0x0a, 0x7d, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x07])],
  ])('%s: every command that reads it exits 2 naming the file, where it breaks and the fix', async (_kind, content) => {
    const dir = tempDir('archal-attach-damaged-');
    mkdirSync(attachDir(dir), { recursive: true });
    writeFileSync(join(attachDir(dir), 'attachments.json'), content);
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    for (const args of [['attach-status'], ['trace-source', 'status'], ['detach', 'traces']]) {
      const result = await runCli(['--cwd', dir, ...args], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /\.archal\/attach\/attachments\.json is not JSON \(line \d+, column \d+: [^)]+\); fix or remove it/,
      );
      expect(result.stderr).not.toMatch(/unexpected error/);
      // The file's bytes are not echoed: a terminal would act on escape sequences.
      expect(result.stderr).not.toMatch(/[\x00-\x08\x1b\x7f]/); // eslint-disable-line no-control-regex
    }
  });
});

describe('archal trace-source import: a file that is not JSON', () => {
  it('is refused with the line and column where it breaks, never echoing what it holds', async () => {
    const dir = tempDir('archal-attach-notjson-');
    const secret = 'ghp_0123456789abcdefghij';
    writeFileSync(
      join(dir, 'events.jsonl'),
      `{"trace_id": "t1", "type": "message", "role": "user", "content": "hi"}\n{"k": ${secret}}\n`,
    );
    writeFileSync(join(dir, 'record.json'), `{"k": 1 \u001b[2J}`);
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const jsonl = await runCli(['--cwd', dir, 'trace-source', 'import', 'events.jsonl'], { env });
    const archal = await runCli(['--cwd', dir, 'trace-source', 'import', '--format', 'archal', 'record.json'], { env });
    expect(jsonl.code).toBe(1);
    expect(jsonl.stdout).toMatch(/events\.jsonl: refused: line 2: not JSON \(column 7: unexpected 'g'\)/);
    expect(archal.code).toBe(1);
    expect(archal.stdout).toMatch(
      /record\.json: refused: not an Archal run record: not JSON \(line 1, column 9: expected ',' or '}' but found U\+001B\)/,
    );
    const failed = join(attachDir(dir), 'failed');
    const records = readdirSync(failed).map((name) => readFileSync(join(failed, name), 'utf8'));
    for (const text of [jsonl.stdout, jsonl.stderr, archal.stdout, archal.stderr, ...records]) {
      expect(text).not.toContain('ghp_');
      expect(text).not.toContain('\u001b');
    }
  });
});

describe('archal attach: an empty query file', () => {
  it('is invalid input before any connection is tried', async () => {
    const dir = tempDir('archal-attach-emptysql-');
    writeFileSync(join(dir, 'empty.sql'), '  ;\n');
    // Nothing listens there: an attempt to connect would fail with exit 1, not say what is wrong.
    const env = { ARCHAL_HOME: tempDir('archal-home-'), TRACES_URL: 'postgres://reader@127.0.0.1:1/traces' };
    const source = ['--database-url-env', 'TRACES_URL', '--query-file', 'empty.sql'];
    for (const args of [
      ['trace-source', 'sync', ...source],
      ['attach', '--source', 'postgres', '--source-name', 'prod', ...source, '--check'],
    ]) {
      const result = await runCli(['--cwd', dir, ...args], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--query-file empty\.sql is empty: write the SELECT that returns the traces/);
    }
  });
});

describe('archal attach: a damaged line in runs.jsonl', () => {
  it('is skipped with a warning naming the file and the line, never echoing it; the command goes on', async () => {
    const dir = tempDir('archal-attach-runs-');
    mkdirSync(attachDir(dir), { recursive: true });
    const good = {
      traceId: 't1',
      source: 'traces',
      stage: 'import',
      status: 'queued',
      at: '2026-01-01T00:00:00.000Z',
      seq: 1,
      revision: 1,
      policy: 'grade',
    };
    writeFileSync(
      join(attachDir(dir), 'runs.jsonl'),
      Buffer.concat([
        Buffer.from(`${JSON.stringify(good)}\n{"traceId": "t1", "sour\n`),
        Buffer.from([0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0x0a]),
        Buffer.from(`${JSON.stringify({ ...good, seq: 'two' })}\n${JSON.stringify({ ...good, seq: 2 })}\n`),
      ]),
    );
    const result = await runCli(['--cwd', dir, 'attach-status', '--json'], {
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: \.archal\/attach\/runs\.jsonl:2: damaged line skipped \(not JSON: column 24: unterminated string\)/m,
    );
    expect(result.stderr).toMatch(/^warning: \.archal\/attach\/runs\.jsonl:3: damaged line skipped \(not JSON: /m);
    expect(result.stderr).toMatch(
      /^warning: \.archal\/attach\/runs\.jsonl:4: damaged line skipped \(not a job line: "seq": [^)]+\)/m,
    );
    expect(result.stderr).not.toMatch(/runs\.jsonl:[15]/);
    expect(result.stderr).not.toMatch(/[\x00-\x08\x1b\x7f]/); // eslint-disable-line no-control-regex
    expect(json(result)).toBeDefined();
  });
});

describe('archal trace-source watch: a file instead of a directory', () => {
  it('exits 2 saying it watches a directory and how to import one file', async () => {
    const dir = tempDir('archal-watch-file-');
    writeFileSync(join(dir, 'trace.jsonl'), '');
    const result = await runCli(['--cwd', dir, 'trace-source', 'watch', 'trace.jsonl'], {
      env: { ARCHAL_HOME: tempDir('archal-home-') },
      timeoutMs: 10_000,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'trace.jsonl is not a directory: `archal trace-source watch` watches a directory of traces (`archal trace-source import trace.jsonl` imports one file).\n',
    );
    expect(existsSync(attachDir(dir))).toBe(false);
  });
});
