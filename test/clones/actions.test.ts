import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeedError, type GitHubClone, type Seed, type WorkflowRunResponse } from '../../src/clones/github/index.js';
import { namedSeed, octokitFor, raw, startClone } from './support/clone.js';

const owner = 'acme';
const repo = 'widgets';
let clone: GitHubClone;
let work: string;
let first: WorkflowRunResponse;
let uploaded: { id: number; size: number; digest: string };
/** What @actions/artifact reads from the environment (set here as a runner would). */
const RUNNER_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_API_URL',
  'GITHUB_WORKSPACE',
  'GITHUB_SERVER_URL',
];
const saved = new Map<string, string | undefined>();

/** @actions/core writes its log lines to stdout; keep the test output readable. */
async function quietly<T>(action: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await action();
  } finally {
    process.stdout.write = write;
  }
}

/** The runner's variables of a job: what @actions/artifact reads. */
function asJob(run: WorkflowRunResponse, job = 0) {
  process.env.ACTIONS_RUNTIME_TOKEN = run.jobs[job]!.runtime_token;
  process.env.ACTIONS_RESULTS_URL = run.env.ACTIONS_RESULTS_URL;
}

async function artifactClient() {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

function twirp(method: string, body: unknown, token?: string) {
  return raw(clone, 'POST', `/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
    body: JSON.stringify(body),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A runtime token as a test would forge one: unsigned, any run and job. */
function unsignedToken(run: string, job: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.Results:${run}:${job}` })}.`;
}

beforeAll(async () => {
  const seed = namedSeed('small-project');
  seed.repos![0]!.workflowRuns = [
    {
      name: 'CI',
      workflow: '.github/workflows/ci.yml',
      conclusion: 'failure',
      jobs: [{ name: 'test', conclusion: 'failure', steps: [{ name: 'npm test' }], log: 'FAIL widget.test.js\n' }],
    },
  ];
  seed.repos!.push({ owner: 'acme', name: 'secret', private: true, files: { 'README.md': '# Secret\n' } });
  clone = await startClone({ seed: seed as Seed });
  work = mkdtempSync(join(tmpdir(), 'archal-artifacts-'));
  first = await clone.handle.workflowRun({ repo: `${owner}/${repo}`, jobs: [{ name: 'test' }, { name: 'report' }] });
  for (const name of RUNNER_VARIABLES) saved.set(name, process.env[name]);
  process.env.GITHUB_API_URL = clone.apiUrl;
  process.env.GITHUB_WORKSPACE = work;
  // @actions/artifact called directly refuses the clone's server URL (it takes it for GitHub Enterprise Server).
  delete process.env.GITHUB_SERVER_URL;
  asJob(first);
});

afterAll(() => {
  // Jest workers run several test files in one process: leave its environment as it was.
  for (const [name, value] of saved)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  rmSync(work, { recursive: true, force: true });
});

describe('a workflow run registered with the clone', () => {
  it('gets ids, tokens and the runner environment tying it to its repository', () => {
    expect(first).toMatchObject({ run_number: 1, run_attempt: 1, jobs: [{ name: 'test' }, { name: 'report' }] });
    expect(first.env).toMatchObject({
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_RUN_ID: String(first.id),
      GITHUB_SERVER_URL: clone.apiUrl,
      GITHUB_API_URL: clone.apiUrl,
      ACTIONS_RESULTS_URL: `${clone.apiUrl}/`,
      GITHUB_TOKEN: first.github_token,
      ACTIONS_RUNTIME_TOKEN: first.jobs[0]!.runtime_token,
    });
    const payload = JSON.parse(Buffer.from(first.jobs[1]!.runtime_token.split('.')[1]!, 'base64url').toString());
    expect(payload.scp.split(' ')).toContain(`Actions.Results:${first.backend_id}:${first.jobs[1]!.backend_id}`);
    expect(first.github_token).toMatch(/^ghs_/);
  });

  it('has a GITHUB_TOKEN of the github-actions app, limited to its repository and permissions', async () => {
    const actions = octokitFor(clone, first.github_token);
    const { data: main } = await actions.repos.getBranch({ owner, repo, branch: 'main' });
    const { data: check } = await actions.checks.create({ owner, repo, name: 'Archal', head_sha: main.commit.sha });
    expect(check.app).toMatchObject({ slug: 'github-actions', id: 15368 });
    const { data: comment } = await actions.issues.createComment({ owner, repo, issue_number: 1, body: 'From CI' });
    expect(comment.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    // Another private repository of the same owner stays invisible to this run's token.
    await expect(actions.repos.get({ owner, repo: 'secret' })).rejects.toMatchObject({ status: 404 });
    await expect(octokitFor(clone, clone.token).repos.get({ owner, repo: 'secret' })).resolves.toMatchObject({
      status: 200,
    });

    const readOnly = await clone.handle.workflowRun({ repo: `${owner}/${repo}`, permissions: { contents: 'read' } });
    const limited = octokitFor(clone, readOnly.github_token);
    await expect(limited.checks.create({ owner, repo, name: 'x', head_sha: main.commit.sha })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    await expect(limited.repos.getContent({ owner, repo, path: 'README.md' })).resolves.toMatchObject({ status: 200 });
    expect(clone.handle.requests().at(-1)?.actor).toBe('github-actions[bot]');
  });
});

describe('artifacts, through the real @actions/artifact client', () => {
  it('uploads, lists and downloads an artifact of the current run', async () => {
    const client = await artifactClient();
    const source = join(work, 'out');
    mkdirSync(join(source, 'nested'), { recursive: true });
    writeFileSync(join(source, 'result.json'), '{"passed": true}\n');
    writeFileSync(join(source, 'nested', 'big.txt'), 'x'.repeat(200_000));
    const result = await quietly(() =>
      client.uploadArtifact('archal-preprod', [join(source, 'result.json'), join(source, 'nested', 'big.txt')], source),
    );
    uploaded = { id: result.id!, size: result.size!, digest: result.digest! };
    expect(uploaded.id).toBeGreaterThan(0);
    const listed = await quietly(() => client.listArtifacts());
    expect(listed.artifacts).toEqual([
      expect.objectContaining({
        name: 'archal-preprod',
        id: uploaded.id,
        size: uploaded.size,
        digest: `sha256:${uploaded.digest}`,
      }),
    ]);
    const { artifact } = await quietly(() => client.getArtifact('archal-preprod'));
    expect(artifact.id).toBe(uploaded.id);
    const target = join(work, 'download');
    const downloaded = await quietly(() =>
      client.downloadArtifact(uploaded.id, { path: target, expectedHash: `sha256:${uploaded.digest}` }),
    );
    expect(downloaded).toEqual({ downloadPath: target, digestMismatch: false });
    expect(readFileSync(join(target, 'result.json'), 'utf8')).toBe('{"passed": true}\n');
    expect(readFileSync(join(target, 'nested', 'big.txt'), 'utf8')).toHaveLength(200_000);
  });

  it('uploads several chunks and an unarchived file, and refuses a second artifact of the same name', async () => {
    const client = await artifactClient();
    asJob(first, 1);
    const big = join(work, 'big.bin');
    // Larger than the client's 8 MiB chunk: staged as several blocks, committed in order.
    const bytes = Buffer.alloc(9 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i, i);
    writeFileSync(big, bytes);
    const raw = await quietly(() => client.uploadArtifact('ignored', [big], work, { skipArchive: true }));
    const target = join(work, 'raw');
    await quietly(() => client.downloadArtifact(raw.id!, { path: target }));
    expect(
      createHash('sha256')
        .update(readFileSync(join(target, 'big.bin')))
        .digest('hex'),
    ).toBe(createHash('sha256').update(bytes).digest('hex'));
    const again = join(work, 'again.txt');
    writeFileSync(again, 'again');
    await expect(quietly(() => client.uploadArtifact('archal-preprod', [again], work))).rejects.toThrow(
      /already exists/,
    );
    const names = (await quietly(() => client.listArtifacts())).artifacts.map((a) => a.name).sort();
    expect(names).toEqual(['archal-preprod', 'big.bin']);
    asJob(first);
  });

  it('downloads and lists another run’s artifacts by id with a token, as merge jobs do', async () => {
    const later = await clone.handle.workflowRun({ repo: `${owner}/${repo}` });
    asJob(later);
    const client = await artifactClient();
    expect((await quietly(() => client.listArtifacts())).artifacts).toEqual([]);
    await expect(quietly(() => client.downloadArtifact(uploaded.id, { path: join(work, 'nope') }))).rejects.toThrow(
      /No artifacts found for ID/,
    );
    const findBy = { token: later.github_token, repositoryOwner: owner, repositoryName: repo, workflowRunId: first.id };
    const listed = await quietly(() => client.listArtifacts({ findBy }));
    expect(listed.artifacts.map((a) => a.name).sort()).toEqual(['archal-preprod', 'big.bin']);
    const target = join(work, 'other-run');
    const downloaded = await quietly(() =>
      client.downloadArtifact(uploaded.id, { path: target, findBy, expectedHash: `sha256:${uploaded.digest}` }),
    );
    expect(downloaded.digestMismatch).toBe(false);
    expect(readFileSync(join(target, 'result.json'), 'utf8')).toBe('{"passed": true}\n');
    const { artifact } = await quietly(() => client.getArtifact('archal-preprod', { findBy }));
    expect(artifact.id).toBe(uploaded.id);
    asJob(first);
  });

  it('deletes an artifact by name', async () => {
    const client = await artifactClient();
    const file = join(work, 'scratch.txt');
    writeFileSync(file, 'scratch');
    const made = await quietly(() => client.uploadArtifact('scratch', [file], work));
    await expect(quietly(() => client.deleteArtifact('scratch'))).resolves.toEqual({ id: made.id });
    const names = (await quietly(() => client.listArtifacts())).artifacts.map((a) => a.name);
    expect(names).not.toContain('scratch');
    const api = octokitFor(clone, clone.token);
    await expect(api.actions.getArtifact({ owner, repo, artifact_id: made.id! })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('artifacts over REST', () => {
  it('lists them for the repository and the run, in GitHub’s shapes', async () => {
    const api = octokitFor(clone, clone.token);
    const { data: all } = await api.actions.listArtifactsForRepo({ owner, repo });
    expect(all.total_count).toBe(2);
    expect(all.artifacts[1]).toMatchObject({
      id: uploaded.id,
      name: 'archal-preprod',
      size_in_bytes: uploaded.size,
      digest: `sha256:${uploaded.digest}`,
      expired: false,
      archive_download_url: `${clone.apiUrl}/repos/acme/widgets/actions/artifacts/${uploaded.id}/zip`,
      workflow_run: { id: first.id, repository_id: expect.any(Number), head_branch: 'main' },
    });
    const { data: named } = await api.actions.listWorkflowRunArtifacts({
      owner,
      repo,
      run_id: first.id,
      name: 'archal-preprod',
    });
    expect(named.artifacts.map((a) => a.id)).toEqual([uploaded.id]);
    const { data: one } = await api.actions.getArtifact({ owner, repo, artifact_id: uploaded.id });
    expect(one.name).toBe('archal-preprod');
  });

  it('downloads the zip through a 302 to a signed blob URL, as GitHub does', async () => {
    const api = octokitFor(clone, clone.token);
    const manual = await api.actions.downloadArtifact({
      owner,
      repo,
      artifact_id: uploaded.id,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    expect(manual.status).toBe(302);
    const location = new URL(String(manual.headers.location));
    expect(location.searchParams.get('sp')).toBe('r');
    const followed = await api.actions.downloadArtifact({
      owner,
      repo,
      artifact_id: uploaded.id,
      archive_format: 'zip',
    });
    const zip = Buffer.from(followed.data as ArrayBuffer);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(`sha256:${createHash('sha256').update(zip).digest('hex')}`).toBe(`sha256:${uploaded.digest}`);

    const unsigned = await fetch(`${location.origin}${location.pathname}`);
    expect(unsigned.status).toBe(403);
    const tampered = new URL(location);
    tampered.searchParams.set('se', '2099-01-01T00:00:00Z');
    expect((await fetch(tampered)).status).toBe(403);
    const upload = new URL(location);
    upload.searchParams.set('comp', 'block');
    upload.searchParams.set('blockid', 'AAAA');
    expect((await fetch(upload, { method: 'PUT', body: 'evil' })).status).toBe(403);
    await expect(
      api.actions.downloadArtifact({ owner, repo, artifact_id: uploaded.id, archive_format: 'tar' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('keeps artifacts to readers of the repository', async () => {
    const bob = octokitFor(clone, 'ghp_archalBobToken0000000000000000000002');
    const { data } = await bob.actions.listArtifactsForRepo({ owner, repo });
    expect(data.total_count).toBe(2);
    await expect(bob.actions.deleteArtifact({ owner, repo, artifact_id: uploaded.id })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('registering runs through the control API', () => {
  it('answers the same body as the handle, and clear errors for bad requests', async () => {
    const made = await raw(clone, 'POST', '/_archal/actions/runs', {
      body: JSON.stringify({
        repo: 'acme/widgets',
        event: 'pull_request',
        jobs: [{ name: 'archal', backend_id: 'job-1' }],
      }),
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      jobs: [{ name: 'archal', backend_id: 'job-1' }],
      env: { GITHUB_EVENT_NAME: 'pull_request' },
    });
    const unknownRepo = await raw(clone, 'POST', '/_archal/actions/runs', {
      body: JSON.stringify({ repo: 'acme/nope' }),
    });
    expect(unknownRepo).toMatchObject({ status: 404, json: { message: 'unknown repository "acme/nope"' } });
    const badField = await raw(clone, 'POST', '/_archal/actions/runs', {
      body: JSON.stringify({ repo: 'acme/widgets', status: 'done' }),
    });
    expect(badField.status).toBe(422);
    expect(String(badField.json.message)).toContain('status');
    const duplicate = await raw(clone, 'POST', '/_archal/actions/runs', {
      body: JSON.stringify({ repo: 'acme/widgets', jobs: [{ name: 'again', backend_id: 'job-1' }] }),
    });
    expect(duplicate).toMatchObject({ status: 422, json: { message: 'a job with backend id job-1 already exists' } });
  });
});

describe('the results service (twirp) refuses what the real one refuses', () => {
  it('answers twirp errors for missing, foreign and unregistered runtime tokens', async () => {
    const ids = {
      workflow_run_backend_id: first.backend_id,
      workflow_job_run_backend_id: first.jobs[0]!.backend_id,
    };
    const missing = await twirp('ListArtifacts', ids);
    expect(missing).toMatchObject({ status: 401, json: { code: 'unauthenticated' } });
    const other = await clone.handle.workflowRun({ repo: `${owner}/${repo}` });
    const foreign = await twirp('ListArtifacts', ids, other.jobs[0]!.runtime_token);
    expect(foreign).toMatchObject({ status: 403, json: { code: 'permission_denied' } });
    const forged = unsignedToken('00000000-aaaa-bbbb-cccc-000000000000', 'job');
    const unknown = await twirp(
      'ListArtifacts',
      { workflow_run_backend_id: '00000000-aaaa-bbbb-cccc-000000000000', workflow_job_run_backend_id: 'job' },
      forged,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'not_found', msg: expect.stringContaining('/_archal/actions/runs') });
    // An unsigned token naming a registered run is accepted, as the contract says.
    const accepted = await twirp('ListArtifacts', ids, unsignedToken(first.backend_id, first.jobs[0]!.backend_id));
    expect(accepted.status).toBe(200);
    expect((accepted.json.artifacts as unknown[]).length).toBe(2);
    const finalize = await twirp(
      'FinalizeArtifact',
      { ...ids, name: 'never-created', size: '3' },
      first.jobs[0]!.runtime_token,
    );
    expect(finalize).toMatchObject({ status: 404, json: { code: 'not_found' } });
  });

  it('records results and blob calls in the request log without their credentials', async () => {
    const entries = clone.handle.requests().filter((entry) => entry.kind === 'results' || entry.kind === 'blob');
    const operations = new Set(entries.map((entry) => entry.operationId));
    for (const id of [
      'results/CreateArtifact',
      'results/FinalizeArtifact',
      'results/ListArtifacts',
      'blob/put-block',
      'blob/put-block-list',
      'blob/get',
    ])
      expect(operations).toContain(id);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(first.jobs[0]!.runtime_token);
    expect(text).not.toMatch(/sig=(?!\[REDACTED\])[A-Za-z0-9%]/);
  });
});

describe('seeded workflow runs', () => {
  it('report their problems with their path, before the clone starts', async () => {
    const seed = namedSeed('small-project');
    seed.repos![0]!.workflowRuns = [
      { headBranch: 'nope', actor: 'alise' },
      { workflow: 'ci.yml' as '.github/workflows/ci.yml' },
      { token: 'ghp_archalAliceToken00000000000000000001' },
    ];
    const failure = await startClone({ seed: seed as Seed }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SeedError);
    const message = (failure as Error).message;
    expect(message).toContain('repos[0].workflowRuns[1].workflow: expected ".github/workflows/<file>.yml"');
    const checked = namedSeed('small-project');
    checked.repos![0]!.workflowRuns = [
      { headBranch: 'nope' },
      { actor: 'alise' },
      { token: 'ghp_archalAliceToken00000000000000000001' },
    ];
    const problems = await startClone({ seed: checked as Seed }).then(
      () => [],
      (error: unknown) => (error as SeedError).problems,
    );
    expect(problems).toEqual([
      { path: 'repos[0].workflowRuns[0].headBranch', message: 'no commit "nope" in widgets' },
      { path: 'repos[0].workflowRuns[1].actor', message: 'unknown user "alise" (did you mean "alice"?)' },
      { path: 'repos[0].workflowRuns[2].token', message: 'duplicate token' },
    ]);
  });

  it('give the run a fixed GITHUB_TOKEN that acts as github-actions[bot] on its repository', async () => {
    const seed = namedSeed('small-project');
    seed.repos![0]!.workflowRuns = [
      { token: 'ghs_seededWorkflowToken00000000000000001', permissions: { issues: 'write' } },
    ];
    const seeded = await startClone({ seed: seed as Seed });
    const api = octokitFor(seeded, 'ghs_seededWorkflowToken00000000000000001');
    const { data } = await api.issues.createComment({ owner, repo, issue_number: 1, body: 'seeded CI' });
    expect(data.user?.login).toBe('github-actions[bot]');
    await expect(
      api.repos.createOrUpdateFileContents({ owner, repo, path: 'x.txt', message: 'x', content: 'eA==' }),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect(seeded.handle.state().workflowRuns).toEqual([
      expect.objectContaining({
        repo: 'acme/widgets',
        status: 'completed',
        conclusion: 'success',
        jobs: [expect.objectContaining({ name: 'build' })],
      }),
    ]);
  });
});

describe('workflow runs, jobs and logs over REST', () => {
  it('serves a seeded failed run with its jobs and logs', async () => {
    const api = octokitFor(clone, clone.token);
    const { data: runs } = await api.actions.listWorkflowRunsForRepo({ owner, repo, status: 'failure' });
    expect(runs.workflow_runs).toHaveLength(1);
    const failed = runs.workflow_runs[0]!;
    expect(failed).toMatchObject({
      name: 'CI',
      conclusion: 'failure',
      path: '.github/workflows/ci.yml',
      event: 'push',
    });
    const { data: jobs } = await api.actions.listJobsForWorkflowRun({ owner, repo, run_id: failed.id });
    expect(jobs.jobs[0]).toMatchObject({
      name: 'test',
      conclusion: 'failure',
      steps: [{ name: 'npm test', number: 1 }],
    });
    const log = await api.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: jobs.jobs[0]!.id });
    expect(String(log.data)).toBe('FAIL widget.test.js\n');
    const { data: workflows } = await api.actions.listRepoWorkflows({ owner, repo });
    expect(workflows.workflows.map((w) => w.path).sort()).toEqual([
      '.github/workflows/archal.yml',
      '.github/workflows/ci.yml',
    ]);
    const { data: byFile } = await api.actions.listWorkflowRuns({ owner, repo, workflow_id: 'ci.yml' });
    expect(byFile.workflow_runs.map((r) => r.id)).toEqual([failed.id]);
  });
});
