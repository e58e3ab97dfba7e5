import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildContext, type EvaluationContext } from '../../src/evaluate/context.js';
import { compileDeterministic, evaluateDeterministic } from '../../src/evaluate/deterministic.js';
import { namedSeed, octokitFor, startClone, TOKENS } from '../clones/support/clone.js';

// Snapshots in the shape the GitHub clone's /_archal/state returns (a seeded state and the state after a run).
const issue = (number: number, extra: Record<string, unknown> = {}) => ({
  id: 1000 + number,
  repo: 'acme/webapp',
  number,
  title: `Issue ${number}`,
  body: '',
  state: 'open',
  state_reason: null,
  user: 'octo',
  labels: [] as string[],
  assignees: [] as string[],
  milestone: null,
  locked: false,
  comments: 0,
  ...extra,
});

const before = {
  version: 1,
  seed: 'stale-issues',
  users: [{ id: 1, login: 'octo' }],
  repos: [{ id: 100, full_name: 'acme/webapp', name: 'webapp', owner: 'acme', branches: [{ name: 'main', sha: 'a' }] }],
  issues: [
    issue(1),
    issue(2),
    issue(3, { labels: ['keep-open'] }),
    issue(4, { labels: ['keep-open'] }),
    issue(5, { state: 'closed' }),
    issue(6, { labels: ['wontfix'] }),
  ],
  pullRequests: [
    {
      id: 2001,
      repo: 'acme/webapp',
      number: 7,
      title: 'Fix login',
      state: 'open',
      merged: false,
      draft: true,
      labels: [],
      assignees: [],
    },
  ],
  comments: [{ id: 3001, repo: 'acme/webapp', issue_number: 5, user: 'octo', body: 'old' }],
  labels: [
    { id: 4001, repo: 'acme/webapp', name: 'keep-open' },
    { id: 4002, repo: 'acme/webapp', name: 'wontfix' },
  ],
};

const after = {
  ...before,
  repos: [
    {
      ...before.repos[0]!,
      branches: [
        { name: 'main', sha: 'a' },
        { name: 'fix/login', sha: 'b' },
      ],
    },
  ],
  issues: [
    issue(1, { state: 'closed', state_reason: 'not_planned', comments: 1 }),
    issue(2, { state: 'closed', comments: 0, labels: ['stale'] }),
    issue(3, { labels: ['keep-open'] }),
    issue(4, { labels: ['keep-open'], assignees: ['alice'] }),
    issue(5, { state: 'closed' }),
    issue(6, { labels: ['wontfix'] }),
    issue(8, { title: 'hello world' }),
  ],
  pullRequests: [{ ...before.pullRequests[0]!, merged: true, state: 'closed', draft: false }],
  comments: [
    ...before.comments,
    { id: 3002, repo: 'acme/webapp', issue_number: 1, user: 'bot', body: 'Closing: no activity for 90 days.' },
  ],
  labels: [...before.labels, { id: 4003, repo: 'acme/webapp', name: 'stale' }],
};

const requests = [
  {
    method: 'GET',
    path: '/repos/acme/webapp/issues',
    status: 200,
    operationId: 'issues/list-for-repo',
    notImplemented: false,
  },
  {
    method: 'PATCH',
    path: '/repos/acme/webapp/issues/1',
    status: 200,
    operationId: 'issues/update',
    notImplemented: false,
  },
  { method: 'GET', path: '/repos/acme/webapp/traffic/views', status: 404, operationId: null, notImplemented: true },
];

const context = buildContext(before, after, {
  exitCode: 0,
  timedOut: false,
  durationMs: 1200,
  answer: 'done',
  requests,
});

async function check(text: string) {
  const compiled = compileDeterministic(text, undefined);
  if (!compiled.ok) throw new Error(`'${text}' did not compile: ${compiled.reason}`);
  return evaluateDeterministic(compiled.check, context);
}

/** A criterion's verdict in `context`, which must evaluate without error. */
async function verdict(text: string, context: EvaluationContext) {
  const compiled = compileDeterministic(text, undefined);
  if (!compiled.ok) throw new Error(`'${text}' did not compile: ${compiled.reason}`);
  const outcome = await evaluateDeterministic(compiled.check, context);
  expect(outcome.error).toBeUndefined();
  return outcome;
}

/** A run that ended well, for criteria that read only the clone's state. */
const run = { exitCode: 0, timedOut: false, durationMs: 1, answer: '', requests: [] };

describe('the phrase library', () => {
  it.each([
    ['Exactly 2 issues are closed', true, 'found 2: acme/webapp#1, acme/webapp#2'],
    ['exactly 3 issues were closed', false, 'expected exactly 3'],
    ['2 issues were closed.', true, ''],
    ['At least 1 comment was created', true, ''],
    ['at least one new comment exists', true, ''],
    ['Fewer than 30 tool calls were made', true, 'found 3'],
    ['at most 2 requests were made', false, 'expected at most 2'],
    ['No issues have the label "wontfix"', false, 'acme/webapp#6'],
    ['no issues have the label "invalid"', true, ''],
    ['zero open issues remain', false, 'expected exactly 0'],
    ['a label named "stale" exists', true, ''],
    ['a label named "stale" was created', true, ''],
    ['a label named "wontfix" is created', false, ''],
    ['an issue titled "hello world" is created', true, ''],
    ['A PR exists whose title contains "Fix"', true, ''],
    ['a pull request whose title contains "Feature" exists', false, ''],
    ['exactly 1 pull request was merged', true, ''],
    ['a branch named "fix/login" exists', true, ''],
    ['a new branch named "fix/login" exists', true, ''],
    ['the run exits successfully', true, 'exit code 0'],
    ['no errors', false, 'traffic/views'],
    [
      'Every closed issue has a new comment',
      false,
      '1 of 2 closed issues does not satisfy "has a new comment": acme/webapp#2',
    ],
    ['Issues labelled keep-open remain open', true, 'all 2'],
    ['keep-open issues stay open', true, ''],
    ['"wontfix" issues are still open', true, ''],
    ['all issues labelled "stale" are closed', true, ''],
    ['every issue assigned to alice has the label "keep-open"', true, ''],
    ['issue #4 is assigned to alice', true, ''],
    ['issue #3 has the label "keep-open"', true, ''],
    ['issue #3 is closed', false, 'acme/webapp#3'],
    ['PR #7 is merged', true, ''],
    ['the pull request is merged', true, ''],
    ['the issue is closed', false, ''],
    ['the number of closed issues is 2', true, ''],
    ['exactly 1 issue was deleted', false, 'expected exactly 1'],
    ['exactly 1 issue was labelled "stale"', true, ''],
    ['exactly 1 issue has the label "stale"', true, ''],
    // Archal's published wordings and their variants.
    ['Issues with "keep-open" remain open', true, 'all 2 issues with "keep-open" remain open'],
    ['An issue exists in acme/webapp', true, ''],
    ['An issue exists in owner/repo', false, 'expected at least 1 issue in owner/repo, found 0'],
    ['The issue title is "hello world"', true, 'the issue has the title "hello world"'],
    ['The issue state is open', true, 'the issue is open'],
    ['The issue state is closed', false, 'the issue does not satisfy "is closed": acme/webapp#8'],
    ['The issue body contains "steps"', false, ''],
    ['A pull request exists with title containing "fix"', true, ''],
    ['A pull request exists with title containing "feature"', false, ''],
    ['The closed issue count is 2', true, ''],
    ['Closed issue count equals 3', false, 'expected exactly 3 closed issues, found 2'],
    ['Issue count is 7', true, ''],
    ['The number of open issues is at least 4', true, ''],
    ['The open issue count is fewer than 2', false, 'expected fewer than 2'],
    ['Zero issues remain in Triage', true, ''],
    ['No issues remain in Keep-Open', false, 'acme/webapp#3, acme/webapp#4'],
    ['An issue was created with the title "hello world"', true, ''],
    ['A comment was added to issue #1', true, ''],
    ['A comment was added to issue #3', false, 'expected at least 1 comment to issue #3, found 0'],
    ['There are exactly 4 open issues', true, ''],
    ['There is an issue titled "hello world"', true, ''],
    ['The agent made fewer than 10 API calls', true, ''],
    ['The agent closed exactly 2 issues', true, ''],
    ['Issue #1 has 1 comment', true, ''],
    ['Issue #3 has no comments', true, ''],
    ['The pull request is not a draft', true, ''],
    ['The issue is not closed', true, ''],
    ['Issue #4 is assigned to @alice', true, ''],
    ['the issue is closed', false, 'the issue does not satisfy "was closed by the run"'],
    ['exactly 1 pull request was merged', true, 'expected exactly 1 pull request that was merged by the run'],
    ['all issues labelled "stale" are closed', true, 'the only issue labelled "stale" was closed by the run'],
    ['Verify that exactly 2 issues are closed', true, ''],
    ['The label "stale" exists', true, ''],
    ['The repository has 4 open issues', true, ''],
    ['Repository acme/webapp has at least 5 open issues', false, 'expected at least 5'],
    ['None of the issues labelled "keep-open" were closed', true, ''],
    ['No new issues were created', false, 'acme/webapp#8'],
    ['The agent created an issue titled "hello world"', true, ''],
  ])('%s → %s', async (text, passed, detail) => {
    const outcome = await check(text);
    expect(outcome.error).toBeUndefined();
    expect(outcome.passed).toBe(passed);
    expect(outcome.detail).toContain(detail);
  });

  it.each([
    'the agent was helpful',
    'stale issues are closed',
    'the comments are polite',
    'most issues are handled',
    'exactly four issues look right',
  ])('leaves %j to the => form or the judge', (text) => {
    const compiled = compileDeterministic(text, undefined);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.reason).toContain('=>');
  });

  it('refuses to guess which issue "the issue" is when the run created several', async () => {
    const several = buildContext(
      before,
      { ...after, issues: [...after.issues, issue(9, { title: 'second' })] },
      {
        exitCode: 0,
        timedOut: false,
        durationMs: 1,
        answer: '',
        requests: [],
      },
    );
    const compiled = compileDeterministic('The issue title is "hello world"', undefined);
    if (!compiled.ok) throw new Error(compiled.reason);
    const outcome = await evaluateDeterministic(compiled.check, several);
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toContain('"the issue" must name one item, but 2 match: acme/webapp#8, acme/webapp#9');
  });

  it('evaluates explicit JSONata, with $created, $before and $changed', async () => {
    const run = async (expression: string) => {
      const compiled = compileDeterministic('x', expression);
      if (!compiled.ok) throw new Error(compiled.reason);
      return evaluateDeterministic(compiled.check, context);
    };
    expect(await run('$count(github.issues[state = "closed"]) = 3')).toMatchObject({
      passed: true,
      detail: 'evaluated to true',
    });
    expect(await run('$count($created(github.comments))')).toMatchObject({ passed: true, actual: 1 });
    expect(await run('github.issues[number = 1].$before($).state')).toMatchObject({ actual: 'open' });
    expect(await run('$count(github.issues[$changed($)])')).toMatchObject({ actual: 4 });
    expect(await run('diff.github.labels.created.name')).toMatchObject({ actual: 'stale' });
    expect(await run('run.requests[notImplemented].path')).toMatchObject({
      actual: '/repos/acme/webapp/traffic/views',
    });
    expect(await run('$count(github.issues[state = "merged"])')).toMatchObject({
      passed: false,
      detail: 'evaluated to 0',
    });
    expect(compileDeterministic('x', '$count(github.issues[')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('invalid JSONata'),
    });
    const broken = await run('$notAFunction(1)');
    expect(broken.error).toContain('evaluation failed');
  });
});

describe('phrase patterns', () => {
  it('names an existence check with the right article', async () => {
    const { compilePhrase } = await import('../../src/evaluate/phrases.js');
    expect(compilePhrase('An issue exists in acme/webapp')).toMatchObject({
      pattern: 'an issue in acme/webapp exists',
    });
    expect(compilePhrase('A pull request exists')).toMatchObject({ pattern: 'a pull request exists' });
  });
});

describe("closed, merged and deleted, on the clone's own state", () => {
  // The run's changes, the same state with nothing changed, and a seed in which all of it was already done.
  let changed: EvaluationContext;
  let untouched: EvaluationContext;
  let seededThatWay: EvaluationContext;

  beforeAll(async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const seeded = clone.handle.state() as unknown as Record<string, unknown>;
    const octokit = octokitFor(clone, TOKENS.alice);
    const repo = { owner: 'acme', repo: 'widgets' };
    const issues = (await octokit.issues.listForRepo({ ...repo, state: 'all' })).data;
    const darkMode = issues.find((issue) => issue.title === 'Add dark mode support')!;
    await octokit.issues.update({ ...repo, issue_number: darkMode.number, state: 'closed' });
    const typo = (await octokit.pulls.list(repo)).data.find((pull) => pull.head.ref === 'fix/readme-typo')!;
    await octokit.pulls.merge({ ...repo, pull_number: typo.number });
    await octokit.git.deleteRef({ ...repo, ref: 'heads/fix/readme-typo' });
    await octokit.issues.deleteLabel({ ...repo, name: 'bug' });
    const crash = issues.find((issue) => issue.title === 'Widget crashes when size is 0')!;
    const comments = (await octokit.issues.listComments({ ...repo, issue_number: crash.number })).data;
    await octokit.issues.deleteComment({ ...repo, comment_id: comments.find((c) => c.user?.login === 'alice')!.id });
    await octokit.issues.updateMilestone({ ...repo, milestone_number: 1, state: 'closed' });
    const final = clone.handle.state() as unknown as Record<string, unknown>;
    changed = buildContext(seeded, final, run);
    untouched = buildContext(seeded, seeded, run);
    seededThatWay = buildContext(final, final, run);
  });

  it.each([
    ['An issue is closed', 'found 1: acme/widgets#2'],
    ['An issue was closed', 'acme/widgets#2'],
    ['An issue titled "Add dark mode support" is closed', 'acme/widgets#2'],
    ['A pull request was merged', 'acme/widgets#5'],
    ['A PR is merged', 'acme/widgets#5'],
    ['A milestone is closed', 'found 1'],
    ['A label is deleted', 'bug'],
    ['The label "bug" was deleted', 'bug'],
    ['A comment was deleted', 'comment'],
    ['A branch is deleted', 'acme/widgets:fix/readme-typo'],
    ['The branch "fix/readme-typo" is deleted', 'acme/widgets:fix/readme-typo'],
    ['1 branch is deleted', 'found 1: acme/widgets:fix/readme-typo'],
    ['Exactly 1 branch is deleted', 'found 1'],
  ])('%s: true after the run did it, false when it did nothing or the seed had it so', async (text, shown) => {
    const done = await verdict(text, changed);
    expect(done.passed).toBe(true);
    expect(done.detail).toContain(shown);
    expect((await verdict(text, untouched)).passed).toBe(false);
    expect((await verdict(text, seededThatWay)).passed).toBe(false);
  });

  it.each([
    // Closed in the seed already: the run did not close it.
    ['An issue titled "Update README badges" is closed', 'found 0'],
    ['An issue titled "Widget crashes when size is 0" is closed', 'found 0'],
    ['The label "enhancement" was deleted', 'expected at least 1 label "enhancement" deleted by the run, found 0'],
    ['The branch "feature/color" is deleted', 'found 0'],
    ['Exactly 2 branches are deleted', 'expected exactly 2 branches deleted by the run, found 1'],
    ['A repository was deleted', 'found 0'],
  ])('%s: false when the run changed something else', async (text, detail) => {
    const outcome = await verdict(text, changed);
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toContain(detail);
  });

  it('leaves "one issue was closed" an exact count, and "the label was removed" unguessed', async () => {
    expect(compileDeterministic('one issue was closed', undefined)).toMatchObject({
      ok: true,
      check: { check: { kind: 'count', op: '==', expected: 1 } },
    });
    expect(compileDeterministic('The label "bug" was removed', undefined).ok).toBe(false);
  });
});

describe("pull request branches and releases, on the clone's own state", () => {
  let seeded: Record<string, unknown>;
  let released: EvaluationContext;
  let typoNumber: number;

  beforeAll(async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    seeded = clone.handle.state() as unknown as Record<string, unknown>;
    const octokit = octokitFor(clone, TOKENS.alice);
    const repo = { owner: 'acme', repo: 'widgets' };
    typoNumber = (await octokit.pulls.list(repo)).data.find((pull) => pull.head.ref === 'fix/readme-typo')!.number;
    await octokit.repos.createRelease({ ...repo, tag_name: 'v1.0', name: 'First light', target_commitish: 'main' });
    released = buildContext(seeded, clone.handle.state() as unknown as Record<string, unknown>, run);
    await clone.handle.stop();
  });

  it.each([
    [() => `The pull request #${typoNumber} targets main`, true],
    [() => `Pull request #${typoNumber} targets the main branch`, true],
    [() => `PR #${typoNumber} is against "main"`, true],
    [() => `PR #${typoNumber} is against "Main"`, false],
    [() => `PR #${typoNumber} merges into develop`, false],
    [() => `PR #${typoNumber} comes from fix/readme-typo`, true],
    [() => `PR #${typoNumber} comes from main`, false],
    [() => 'A pull request targets main', true],
  ])('%s: a pull request by its base or head branch', async (text, expected) => {
    expect((await verdict(text(), released)).passed).toBe(expected);
  });

  it.each([
    ['A release named "v1.0" exists', true, false],
    ['A release named "First light" was created', true, false],
    ['A release tagged v1.0 exists', true, false],
    ['A release tagged "v2.0" exists', false, false],
    ['No releases exist', false, true],
  ])('%s: %s after the run made one, %s before', async (text, after, before) => {
    expect((await verdict(text, released)).passed).toBe(after);
    expect((await verdict(text, buildContext(seeded, seeded, run))).passed).toBe(before);
  });
});

describe("gists and Actions secrets, on the clone's own state", () => {
  let seeded: Record<string, unknown>;
  let final: Record<string, unknown>;

  beforeAll(async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const octokit = octokitFor(clone, clone.token);
    const repo = { owner: 'acme', repo: 'widgets' };
    const { data: key } = await octokit.actions.getRepoPublicKey(repo);
    const sealed = Buffer.alloc(64, 1).toString('base64');
    const put = (secret_name: string) =>
      octokit.actions.createOrUpdateRepoSecret({ ...repo, secret_name, encrypted_value: sealed, key_id: key.key_id });
    await put('OLD_TOKEN');
    seeded = clone.handle.state() as unknown as Record<string, unknown>;
    await put('DEPLOY_KEY');
    await octokit.actions.deleteRepoSecret({ ...repo, secret_name: 'OLD_TOKEN' });
    await octokit.gists.create({
      description: 'Release notes',
      public: true,
      files: { 'notes.md': { content: 'Hello from the agent' } },
    });
    final = clone.handle.state() as unknown as Record<string, unknown>;
    await clone.handle.stop();
  });

  it.each([
    ['A secret named "DEPLOY_KEY" exists', true, false],
    ['A secret named "deploy_key" exists', true, false],
    ['A secret named "DEPLOY_KEY" exists in acme/widgets', true, false],
    ['A secret named "DEPLOY_KEY" exists in acme/other', false, false],
    ['The secret "DEPLOY_KEY" was created', true, false],
    ['The repository acme/widgets has a secret named "DEPLOY_KEY"', true, false],
    ['Exactly 1 secret exists', true, true],
    ['The secret "OLD_TOKEN" was deleted', true, false],
    ['No secrets were deleted', false, true],
    ['No gists exist', false, true],
    ['1 gist exists', true, false],
    ['There are 2 gists', false, false],
    ['A gist was created', true, false],
    ['A gist named "notes.md" exists', true, false],
    ['A gist named "Release notes" exists', true, false],
    ['A gist named "other.md" exists', false, false],
    ['A gist containing "hello from the agent" exists', true, false],
    ['A gist containing "goodbye" exists', false, false],
  ])('%s: %s after the run, %s on the seed', async (text, after, before) => {
    expect((await verdict(text, buildContext(seeded, final, run))).passed).toBe(after);
    expect((await verdict(text, buildContext(seeded, seeded, run))).passed).toBe(before);
  });
});

describe("files on branches, on the clone's own state", () => {
  let seeded: Record<string, unknown>;
  let final: Record<string, unknown>;

  beforeAll(async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    seeded = clone.handle.state() as unknown as Record<string, unknown>;
    const octokit = octokitFor(clone, clone.token);
    const repo = { owner: 'acme', repo: 'widgets' };
    const main = (await octokit.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    await octokit.git.createRef({ ...repo, ref: 'refs/heads/fix/docs', sha: main });
    await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: 'docs/notes.md',
      message: 'Add notes',
      content: Buffer.from('# Notes\nHello World\n').toString('base64'),
      branch: 'fix/docs',
    });
    final = clone.handle.state() as unknown as Record<string, unknown>;
    await clone.handle.stop();
  });

  it("holds each branch's files, with their text, in the state snapshot", () => {
    expect(final.files).toContainEqual(
      expect.objectContaining({
        repo: 'acme/widgets',
        branch: 'fix/docs',
        path: 'docs/notes.md',
        size: 20,
        content: '# Notes\nHello World\n',
      }),
    );
    expect(seeded.files).not.toContainEqual(expect.objectContaining({ path: 'docs/notes.md' }));
  });

  it.each([
    ['A file named "docs/notes.md" exists on "fix/docs"', true, false],
    ['A file named "docs/notes.md" exists on branch fix/docs', true, false],
    ['A file named "docs/notes.md" exists on "fix/docs" in acme/widgets', true, false],
    ['A file named "docs/notes.md" exists on "fix/docs" in acme/other', false, false],
    ['A file named "docs/notes.md" exists on main', false, false],
    ['A file named "README.md" exists on main', true, true],
    ['No file named "docs/notes.md" exists on main', true, true],
    ['File "docs/notes.md" on "fix/docs" contains "hello world"', true, false],
    ['The file "docs/notes.md" on branch fix/docs contains "Hello"', true, false],
    ['The file "docs/notes.md" on "fix/docs" contains "goodbye"', false, false],
    ['File "README.md" on main contains "Hello World"', false, false],
  ])('%s: %s after the run, %s on the seed', async (text, after, before) => {
    expect((await verdict(text, buildContext(seeded, final, run))).passed).toBe(after);
    expect((await verdict(text, buildContext(seeded, seeded, run))).passed).toBe(before);
  });
});

describe("Actions variables, on the clone's own state", () => {
  let seeded: Record<string, unknown>;
  let final: Record<string, unknown>;

  beforeAll(async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const octokit = octokitFor(clone, clone.token);
    const repo = { owner: 'acme', repo: 'widgets' };
    await octokit.actions.createRepoVariable({ ...repo, name: 'OLD_REGION', value: 'eu-west-1' });
    seeded = clone.handle.state() as unknown as Record<string, unknown>;
    await octokit.actions.createRepoVariable({ ...repo, name: 'DEPLOY_REGION', value: 'us-east-1' });
    await octokit.actions.deleteRepoVariable({ ...repo, name: 'OLD_REGION' });
    final = clone.handle.state() as unknown as Record<string, unknown>;
    await clone.handle.stop();
  });

  it.each([
    ['A variable named "DEPLOY_REGION" exists', true, false],
    ['An Actions variable named "deploy_region" exists in acme/widgets', true, false],
    ['A variable named "DEPLOY_REGION" exists in acme/other', false, false],
    ['A variable containing "us-east" exists', true, false],
    ['A variable containing "ap-south" exists', false, false],
    ['The variable "DEPLOY_REGION" was created', true, false],
    ['The repository acme/widgets has a variable named "DEPLOY_REGION"', true, false],
    ['Exactly 1 variable exists', true, true],
    ['The variable "OLD_REGION" was deleted', true, false],
    ['No variables were deleted', false, true],
  ])('%s: %s after the run, %s on the seed', async (text, after, before) => {
    expect((await verdict(text, buildContext(seeded, final, run))).passed).toBe(after);
    expect((await verdict(text, buildContext(seeded, seeded, run))).passed).toBe(before);
  });
});

describe("deployment environments, on the clone's own state", () => {
  let seeded: Record<string, unknown>;
  let final: Record<string, unknown>;

  beforeAll(async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const octokit = octokitFor(clone, clone.token);
    const repo = { owner: 'acme', repo: 'widgets' };
    await octokit.repos.createOrUpdateEnvironment({ ...repo, environment_name: 'legacy' });
    await octokit.repos.createOrUpdateEnvironment({ ...repo, environment_name: 'staging' });
    seeded = clone.handle.state() as unknown as Record<string, unknown>;
    const { data: alice } = await octokit.users.getByUsername({ username: 'alice' });
    await octokit.repos.createOrUpdateEnvironment({
      ...repo,
      environment_name: 'production',
      wait_timer: 10,
      prevent_self_review: true,
      reviewers: [{ type: 'User', id: alice.id }],
    });
    await octokit.repos.deleteAnEnvironment({ ...repo, environment_name: 'legacy' });
    final = clone.handle.state() as unknown as Record<string, unknown>;
    await clone.handle.stop();
  });

  it.each([
    ['Environment production exists', true, false],
    ['The environment "production" exists', true, false],
    ['A deployment environment named "Production" exists in acme/widgets', true, false],
    ['An environment named "production" exists in acme/other', false, false],
    ['The environment "production" was created', true, false],
    ['Exactly 2 environments exist', true, true],
    ['The environment "legacy" was deleted', true, false],
    ['No environments were deleted', false, true],
    ['Environment production requires reviewers', true, false],
    ['The production environment requires reviewers', true, false],
    ['The production environment exists', true, false],
    ['An environment called production exists', true, false],
    ['A new environment was created', true, false],
    ['No environment requires reviewers', false, true],
    ['The "production" environment requires approval', true, false],
    ['The environment "staging" requires reviewers', false, false],
    ['The environment "staging" does not require reviewers', true, true],
    ['Environment production requires a review from alice', true, false],
    ['Environment production requires a review from bob', false, false],
    ['The environment "production" has a wait timer of 10 minutes', true, false],
    ['The environment "production" has a wait timer', true, false],
    ['The environment "production" prevents self-review', true, false],
    ['The environment "production" is protected', true, false],
    ['Exactly 1 environment requires reviewers', true, false],
    ['Every environment requires reviewers', false, false],
  ])('%s: %s after the run, %s on the seed', async (text, after, before) => {
    expect((await verdict(text, buildContext(seeded, final, run))).passed).toBe(after);
    expect((await verdict(text, buildContext(seeded, seeded, run))).passed).toBe(before);
  });
});
