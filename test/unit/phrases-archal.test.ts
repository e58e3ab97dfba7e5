import { describe, expect, it } from '@jest/globals';
import { buildContext } from '../../src/evaluate/context.js';
import { compileDeterministic, evaluateDeterministic } from '../../src/evaluate/deterministic.js';

// Archal's wordings about labels, reviews, teams and branch protection, on states in the shape of the
// clone's /_archal/state: the seed, and the state after a run that labelled, reviewed and closed.
const issue = (number: number, extra: Record<string, unknown> = {}) => ({
  id: 1000 + number,
  repo: 'acme/api',
  number,
  title: `Issue ${number}`,
  body: '',
  state: 'open',
  user: 'octo',
  labels: [] as string[],
  assignees: [] as string[],
  locked: false,
  ...extra,
});
const pull = (number: number) => ({
  id: 2000 + number,
  repo: 'acme/api',
  number,
  title: `PR ${number}`,
  state: 'open',
  merged: false,
  draft: false,
  labels: [],
  assignees: [],
});
const review = (id: number, pullNumber: number, state: string) => ({
  id,
  repo: 'acme/api',
  pull_number: pullNumber,
  user: 'alice',
  state,
  body: '',
});

const before = {
  repos: [{ id: 1, full_name: 'acme/api', name: 'api', owner: 'acme', default_branch: 'main', branches: [] }],
  issues: [
    issue(1, { labels: ['stale'] }),
    issue(2, { title: 'feature: add dark mode' }),
    issue(3, { labels: ['keep-open'] }),
    issue(4, { labels: ['keep-open'] }),
    issue(5, { state: 'closed' }),
    issue(6, { state: 'closed' }),
    issue(9, { state: 'closed' }),
    issue(10, { state: 'closed' }),
  ],
  pullRequests: [pull(7), pull(8)],
  reviews: [review(3001, 8, 'APPROVED')],
  teams: [
    {
      id: 1,
      org: 'acme',
      name: 'Platform',
      slug: 'platform',
      members: [
        { login: 'alice', role: 'maintainer' },
        { login: 'bob', role: 'member' },
        { login: 'carol', role: 'member' },
      ],
    },
    { id: 2, org: 'acme', name: 'Docs', slug: 'docs', members: [{ login: 'dan', role: 'member' }] },
  ],
  branchProtections: [{ id: 1, repo: 'acme/api', branch: 'main', required_approving_review_count: 2 }],
};

const after = {
  ...before,
  issues: [
    issue(1, { labels: ['bug'] }),
    issue(2, { title: 'feature: add dark mode', labels: ['enhancement'], assignees: ['alice'] }),
    issue(3, { labels: ['keep-open'] }),
    issue(4, { labels: ['keep-open'] }),
    issue(5, { state: 'closed' }),
    issue(6, { state: 'closed' }),
    issue(9, { state: 'closed' }),
    issue(10, { state: 'closed' }),
    issue(11, { title: 'created by the run' }),
  ],
  reviews: [...before.reviews, review(3002, 7, 'COMMENTED'), review(3003, 7, 'PENDING')],
};

const run = { exitCode: 0, timedOut: false, durationMs: 1, answer: '', requests: [] };

async function check(text: string, state: Record<string, unknown> = after) {
  const compiled = compileDeterministic(text, undefined);
  if (!compiled.ok) throw new Error(`'${text}' did not compile: ${compiled.reason}`);
  return evaluateDeterministic(compiled.check, buildContext(before, state, run));
}

describe("the phrase library on Archal's wordings", () => {
  it.each([
    ['All issues with the "keep-open" label remain open', true, 'all 2 issues with the label "keep-open" remain open'],
    ['Issues labeled "keep-open" are still open', true, 'all 2 issues'],
    ['Every issue with label stale stays open', true, 'there are no issues with label stale'],
    ['Issue #1 has the "bug" label', true, 'issue #1 has the label "bug"'],
    ['Issue #1 has the "stale" label', false, 'issue #1 does not satisfy "has the label "stale"": acme/api#1'],
    ['Issue #3 is labeled keep-open', true, ''],
    ['The issue "feature: add dark mode" has label "enhancement"', true, 'the issue "feature: add dark mode" has'],
    ['The issue titled "feature: add dark mode" has the "bug" label', false, 'acme/api#2'],
    ['The issue "feature: add dark mode" is assigned to alice', true, ''],
    ['The issue "feature: add dark mode" is assigned to bob', false, 'is assigned to bob'],
    ['The issue "no such issue" is assigned to alice', false, 'there is no issue "no such issue" to check'],
    ['The agent did not close any issues', true, 'expected exactly 0 issues that were closed by the run, found 0'],
    ['No issues were closed by the agent', true, ''],
    ['The agent should not delete any labels', true, ''],
    ['The agent did not merge any pull requests', true, ''],
    ['The label "bug" was added to issue #1', true, 'issue #1 was labelled "bug" by the run'],
    ['The "keep-open" label was added to issue #3', false, 'acme/api#3'],
    ['The label "stale" was removed from issue #1', true, 'issue #1 had the label "stale" removed by the run'],
    ['The total number of closed issues is 4', true, ''],
    ['The total number of closed issues is 2', false, 'expected exactly 2 closed issues in total, found 4'],
    ['The number of closed issues is 0', true, 'expected exactly 0 closed issues, found 0'],
    ['Total count of open issues equals 5', true, ''],
    ['PR #7 has at least 1 review', true, 'pull request #7 has at least 1 review'],
    ['PR #7 has 2 reviews', false, 'does not satisfy "has 2 reviews"'],
    ['PR #8 has an approving review', true, ''],
    ['PR #7 is approved', false, ''],
    ['PR #7 was reviewed', true, 'was reviewed by the run'],
    ['PR #8 was reviewed', false, ''],
    ['A review was submitted', true, 'expected at least 1 review, found 1: acme/api#7 review 3002'],
    ['A review was submitted on PR #8', false, 'found 0'],
    [
      'The team "platform" has 3 members',
      true,
      'expected exactly 3 members of team "platform", found 3: alice, bob, carol',
    ],
    ['The Docs team has at least 2 members', false, 'found 1: dan'],
    ['Team docs has 1 member', true, 'expected exactly 1 member of team "docs"'],
    ['alice is a maintainer of the team "platform"', true, ''],
    ['bob is a maintainer of team platform', false, ''],
    ['The main branch is protected', true, 'found 1: acme/api:main'],
    ['The default branch is protected', true, ''],
    [
      'The "release" branch of acme/api is protected',
      false,
      'expected at least 1 branch protection on "release" of acme/api, found 0',
    ],
    ['Branch protection is enabled on main', true, ''],
    ['The main branch is not protected', false, ''],
    ['An issue has the label "bug"', true, 'found 1: acme/api#1'],
    ['An issue has the "wontfix" label', false, 'found 0'],
    ['An issue is assigned to alice', true, 'acme/api#2'],
    ['Some issue is assigned to bob', false, 'found 0'],
    ['The run completes without errors', true, ''],
  ])('%s → %s', async (text, passed, detail) => {
    const outcome = await check(text);
    expect(outcome.error).toBeUndefined();
    expect(outcome.passed).toBe(passed);
    expect(outcome.detail).toContain(detail);
  });

  it('reads "containing"/"mentioning" "x" after a noun as its text: a comment\'s body, an issue\'s title or body', async () => {
    const comment = (id: number, issueNumber: number, body: string) => ({
      id,
      repo: 'acme/api',
      issue_number: issueNumber,
      user: 'octo',
      body,
    });
    const commented = {
      ...after,
      comments: [comment(1, 1, 'Thanks for the report!'), comment(2, 5, 'Closing: inactive for 90 days.')],
      issues: [...after.issues, issue(12, { title: 'no body yet', body: null })],
    };
    const seeded = { ...before, comments: [] };
    const checkCommented = async (text: string) => {
      const compiled = compileDeterministic(text, undefined);
      if (!compiled.ok) throw new Error(`'${text}' did not compile: ${compiled.reason}`);
      return evaluateDeterministic(compiled.check, buildContext(seeded, commented, run));
    };
    expect(await checkCommented('A comment containing "thanks" was posted on issue #1')).toMatchObject({
      passed: true,
    });
    expect(await checkCommented('A comment containing "thanks" was posted on issue #5')).toMatchObject({
      passed: false,
    });
    expect(await checkCommented('A comment mentioning "inactive" exists')).toMatchObject({ passed: true });
    expect(await checkCommented('Exactly 2 comments were posted')).toMatchObject({ passed: true });
    expect(await checkCommented('No comment containing "spam" was posted')).toMatchObject({ passed: true });
    expect(await checkCommented('An issue containing "dark mode" exists')).toMatchObject({ passed: true });
    expect(await checkCommented('An issue mentioning "no such words" exists')).toMatchObject({ passed: false });
    const nullBody = await checkCommented('An issue whose body contains "nothing" exists');
    expect(nullBody.error).toBeUndefined();
    expect(nullBody.passed).toBe(false);
  });

  it('compares "did not" with the seed: an issue closed before the run does not count, one closed by it does', async () => {
    const closedOne = { ...after, issues: after.issues.map((i) => (i.number === 3 ? { ...i, state: 'closed' } : i)) };
    const outcome = await check('The agent did not close any issues', closedOne);
    expect(outcome).toMatchObject({ passed: false });
    expect(outcome.detail).toBe('expected exactly 0 issues that were closed by the run, found 1: acme/api#3');
    expect(await check('No issues were closed by the agent', closedOne)).toMatchObject({ passed: false });
  });

  it('takes "the issue" to be the one the run created, else the only one there is, and says when that is ambiguous', async () => {
    const compiled = compileDeterministic('The issue has the "enhancement" label', undefined);
    if (!compiled.ok) throw new Error(compiled.reason);
    const onlyOne = await evaluateDeterministic(
      compiled.check,
      buildContext({ issues: [issue(2)] }, { issues: [issue(2, { labels: ['enhancement'] })] }, run),
    );
    expect(onlyOne).toMatchObject({ passed: true, detail: 'the issue has the label "enhancement"' });
    // This run created issue #11 (without the label): "the issue" is that one.
    expect(await check('The issue has the "enhancement" label')).toMatchObject({
      passed: false,
      detail: 'the issue does not satisfy "has the label "enhancement"": acme/api#11',
    });
    const twoNew = { ...after, issues: [...after.issues, issue(12)] };
    const several = await check('The issue has the "enhancement" label', twoNew);
    expect(several.passed).toBe(false);
    expect(several.detail).toContain('"the issue" must name one item, but 2 match: acme/api#11, acme/api#12');
  });

  it.each(['The issue has the new label', 'The team is happy with 3 members', 'The branch looks protected'])(
    'still refuses %j with the => hint',
    (text) => {
      const compiled = compileDeterministic(text, undefined);
      expect(compiled.ok).toBe(false);
      if (!compiled.ok) expect(compiled.reason).toContain('does not recognise this wording');
    },
  );
});
