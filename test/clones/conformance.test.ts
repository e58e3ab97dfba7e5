import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES, type GitHubClone } from '../../src/clones/github/index.js';
import { appJwt, appKeys, octokitFor, raw, smallProjectWithAppKey, startClone, TOKENS } from './support/clone.js';
import { OpenApi, validateResponses, type Checked } from './support/openapi.js';

/**
 * Conformance: every implemented operation is driven through @octokit/rest, and every response
 * (success and error) is validated against GitHub's own OpenAPI description of that operation.
 */
const openapi = new OpenApi();
const checked: Checked[] = [];
const owner = 'acme';
const repo = 'widgets';
let octocat: Octokit;
let alice: Octokit;
let bot: Octokit;
let app: Octokit;
let cloneUrl = '';
let clone: GitHubClone;

async function expectStatus(promise: Promise<unknown>, status: number) {
  await expect(promise).rejects.toMatchObject({ status });
}

beforeAll(async () => {
  clone = await startClone({ seed: smallProjectWithAppKey() });
  cloneUrl = clone.apiUrl;
  octocat = octokitFor(clone, clone.token);
  alice = octokitFor(clone, TOKENS.alice);
  bot = octokitFor(clone, TOKENS.bot);
  app = octokitFor(clone, appJwt(1, appKeys().privateKey));
  for (const client of [octocat, alice, bot, app]) validateResponses(client, openapi, checked);
});

describe('conformance with the api.github.com OpenAPI description', () => {
  it('serves meta, users and organizations', async () => {
    await octocat.request('GET /');
    await octocat.rateLimit.get();
    await octocat.users.getAuthenticated();
    await octocat.users.getByUsername({ username: 'alice' });
    await expectStatus(octocat.users.getByUsername({ username: 'nobody-here' }), 404);
    await octocat.orgs.get({ org: owner });
    await octocat.orgs.listForAuthenticatedUser();
    await octocat.orgs.listMembers({ org: owner });
    await octocat.orgs.checkMembershipForUser({ org: owner, username: 'alice' });
    await expectStatus(octocat.orgs.checkMembershipForUser({ org: owner, username: 'bob' }), 404);
  });

  it('serves repositories and collaborators', async () => {
    await octocat.repos.get({ owner, repo });
    await octocat.repos.update({ owner, repo, description: 'Widgets, now documented' });
    await octocat.repos.listForAuthenticatedUser();
    await octocat.repos.listForOrg({ org: owner });
    await octocat.repos.listForUser({ username: 'octocat' });
    await octocat.repos.createForAuthenticatedUser({ name: 'sandbox', auto_init: true });
    await expectStatus(octocat.repos.createForAuthenticatedUser({ name: 'sandbox' }), 422);
    await octocat.repos.createInOrg({ org: owner, name: 'tools' });
    await octocat.repos.listCollaborators({ owner, repo });
    await octocat.repos.checkCollaborator({ owner, repo, username: 'bob' });
    await octocat.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'bob' });
    await octocat.repos.addCollaborator({ owner, repo: 'tools', username: 'bob', permission: 'pull' });
    await octocat.repos.addCollaborator({ owner, repo: 'tools', username: 'bob', permission: 'push' });
    await octocat.repos.removeCollaborator({ owner, repo: 'tools', username: 'bob' });
    await octocat.repos.getAllTopics({ owner, repo });
    await octocat.repos.replaceAllTopics({ owner, repo, names: ['widgets', 'javascript'] });
    await expectStatus(octocat.repos.replaceAllTopics({ owner, repo, names: ['Not a topic!'] }), 422);
    await octocat.repos.listLanguages({ owner, repo });
    await octocat.repos.listContributors({ owner, repo });
    await octocat.repos.listContributors({ owner, repo, anon: '1' });
    await octocat.activity.listRepoEvents({ owner, repo });
    await expectStatus(bot.repos.delete({ owner, repo: 'tools' }), 403);
    await octocat.repos.createForAuthenticatedUser({ name: 'doomed' });
    await octocat.repos.delete({ owner: 'octocat', repo: 'doomed' });
    await expectStatus(octocat.repos.delete({ owner: 'octocat', repo: 'doomed' }), 404);
  });

  it('serves issues, comments, labels, assignees, milestones, events and reactions', async () => {
    await octocat.issues.listForRepo({ owner, repo, state: 'all', per_page: 2 });
    await octocat.issues.listForAuthenticatedUser({ filter: 'all' });
    await octocat.issues.list({ filter: 'all' });
    await octocat.issues.get({ owner, repo, issue_number: 1 });
    await expectStatus(octocat.issues.get({ owner, repo, issue_number: 999 }), 404);
    await expectStatus(octocat.issues.create({ owner, repo, title: '' }), 422);
    const { data: issue } = await octocat.issues.create({
      owner,
      repo,
      title: 'Conformance issue',
      body: 'Body',
      labels: ['bug'],
      assignees: ['alice'],
      milestone: 1,
    });
    const issue_number = issue.number;
    await octocat.issues.update({
      owner,
      repo,
      issue_number,
      title: 'Renamed',
      state: 'closed',
      state_reason: 'not_planned',
    });
    await octocat.issues.update({ owner, repo, issue_number, state: 'open' });
    await octocat.issues.lock({ owner, repo, issue_number, lock_reason: 'resolved' });
    await octocat.issues.unlock({ owner, repo, issue_number });

    const { data: comment } = await octocat.issues.createComment({ owner, repo, issue_number, body: 'First' });
    await octocat.issues.listComments({ owner, repo, issue_number });
    await octocat.issues.listCommentsForRepo({ owner, repo });
    await octocat.issues.getComment({ owner, repo, comment_id: comment.id });
    await octocat.issues.updateComment({ owner, repo, comment_id: comment.id, body: 'Edited' });

    const { data: reaction } = await octocat.reactions.createForIssue({ owner, repo, issue_number, content: 'rocket' });
    await octocat.reactions.listForIssue({ owner, repo, issue_number });
    await octocat.reactions.deleteForIssue({ owner, repo, issue_number, reaction_id: reaction.id });
    const { data: commentReaction } = await octocat.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: comment.id,
      content: 'heart',
    });
    await octocat.reactions.listForIssueComment({ owner, repo, comment_id: comment.id });
    await octocat.reactions.deleteForIssueComment({
      owner,
      repo,
      comment_id: comment.id,
      reaction_id: commentReaction.id,
    });
    await octocat.issues.deleteComment({ owner, repo, comment_id: comment.id });

    await octocat.issues.listLabelsForRepo({ owner, repo });
    await octocat.issues.createLabel({ owner, repo, name: 'area/api', color: 'ff0000', description: 'API' });
    await expectStatus(octocat.issues.createLabel({ owner, repo, name: 'area/api' }), 422);
    await octocat.issues.getLabel({ owner, repo, name: 'area/api' });
    await octocat.issues.updateLabel({ owner, repo, name: 'area/api', new_name: 'area/rest', color: '00ff00' });
    await octocat.issues.listLabelsOnIssue({ owner, repo, issue_number });
    await octocat.issues.addLabels({ owner, repo, issue_number, labels: ['area/rest'] });
    await octocat.issues.setLabels({ owner, repo, issue_number, labels: ['bug', 'area/rest'] });
    await octocat.issues.removeLabel({ owner, repo, issue_number, name: 'bug' });
    await octocat.issues.removeAllLabels({ owner, repo, issue_number });
    await octocat.issues.deleteLabel({ owner, repo, name: 'area/rest' });

    await octocat.issues.listAssignees({ owner, repo });
    await octocat.issues.checkUserCanBeAssigned({ owner, repo, assignee: 'alice' });
    await expectStatus(octocat.issues.checkUserCanBeAssigned({ owner, repo, assignee: 'bob' }), 404);
    await octocat.issues.addAssignees({ owner, repo, issue_number, assignees: ['octocat'] });
    await octocat.issues.removeAssignees({ owner, repo, issue_number, assignees: ['alice'] });

    await octocat.issues.listMilestones({ owner, repo });
    await octocat.issues.listLabelsForMilestone({ owner, repo, milestone_number: 1 });
    const { data: milestone } = await octocat.issues.createMilestone({
      owner,
      repo,
      title: 'v2.0',
      due_on: '2030-01-01T00:00:00Z',
    });
    await octocat.issues.getMilestone({ owner, repo, milestone_number: milestone.number });
    await octocat.issues.updateMilestone({ owner, repo, milestone_number: milestone.number, state: 'closed' });
    await octocat.issues.deleteMilestone({ owner, repo, milestone_number: milestone.number });

    const { data: events } = await octocat.issues.listEvents({ owner, repo, issue_number });
    await octocat.issues.listEventsForRepo({ owner, repo });
    await octocat.issues.getEvent({ owner, repo, event_id: events[0]!.id });
    // An issue that mentions #1 puts a cross-reference on its timeline.
    await octocat.issues.create({ owner, repo, title: 'Mentions one', body: 'Related to #1' });
    await octocat.issues.listEventsForTimeline({ owner, repo, issue_number: 1 });
  });

  it('serves git data, branches, contents and commits', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.listMatchingRefs({ owner, repo, ref: 'heads/f' });
    await octocat.git.getCommit({ owner, repo, commit_sha: main.object.sha });
    const { data: tree } = await octocat.git.getTree({ owner, repo, tree_sha: main.object.sha, recursive: 'true' });
    const readme = tree.tree.find((entry) => entry.path === 'README.md')!;
    await octocat.git.getBlob({ owner, repo, file_sha: readme.sha! });
    const { data: blob } = await octocat.git.createBlob({ owner, repo, content: 'hello\n' });
    const { data: newTree } = await octocat.git.createTree({
      owner,
      repo,
      base_tree: tree.sha,
      tree: [{ path: 'hello.txt', mode: '100644', type: 'blob', sha: blob.sha }],
    });
    const { data: commit } = await octocat.git.createCommit({
      owner,
      repo,
      message: 'Add hello',
      tree: newTree.sha,
      parents: [main.object.sha],
    });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/conformance', sha: main.object.sha });
    await expectStatus(
      octocat.git.createRef({ owner, repo, ref: 'refs/heads/conformance', sha: main.object.sha }),
      422,
    );
    await octocat.git.updateRef({ owner, repo, ref: 'heads/conformance', sha: commit.sha });

    await octocat.repos.listBranches({ owner, repo });
    await octocat.repos.getBranch({ owner, repo, branch: 'conformance' });
    await octocat.repos.getContent({ owner, repo, path: 'src' });
    await octocat.repos.getContent({ owner, repo, path: 'README.md', ref: 'conformance' });
    await octocat.repos.getReadme({ owner, repo });
    const { data: created } = await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'docs/new.md',
      message: 'Add docs',
      content: Buffer.from('# New\n').toString('base64'),
      branch: 'conformance',
    });
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'docs/new.md',
      message: 'Update docs',
      content: Buffer.from('# Newer\n').toString('base64'),
      sha: created.content!.sha!,
      branch: 'conformance',
    });
    await expectStatus(
      octocat.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'docs/new.md',
        message: 'x',
        content: 'eA==',
        sha: created.content!.sha!,
        branch: 'conformance',
      }),
      409,
    );
    const { data: current } = await octocat.repos.getContent({ owner, repo, path: 'docs/new.md', ref: 'conformance' });
    await octocat.repos.deleteFile({
      owner,
      repo,
      path: 'docs/new.md',
      message: 'Remove docs',
      sha: (current as { sha: string }).sha,
      branch: 'conformance',
    });
    await octocat.repos.listCommits({ owner, repo, sha: 'conformance', per_page: 2 });
    await octocat.repos.getCommit({ owner, repo, ref: 'conformance' });
    const { data: tagObject } = await octocat.git.createTag({
      owner,
      repo,
      tag: 'annotated',
      message: 'Annotated',
      object: main.object.sha,
      type: 'commit',
    });
    await octocat.git.getTag({ owner, repo, tag_sha: tagObject.sha });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/merge-into', sha: main.object.sha });
    await octocat.repos.merge({ owner, repo, base: 'merge-into', head: 'conformance' });
    await octocat.repos.merge({ owner, repo, base: 'merge-into', head: 'conformance' });
    await expectStatus(octocat.repos.merge({ owner, repo, base: 'no-such-branch', head: 'conformance' }), 404);
    await octocat.repos.compareCommits({ owner, repo, base: 'main', head: 'conformance' });
    await octocat.repos.listBranchesForHeadCommit({ owner, repo, commit_sha: main.object.sha });
    await expectStatus(octocat.repos.listBranchesForHeadCommit({ owner, repo, commit_sha: '1'.repeat(40) }), 422);
  });

  it('serves pull requests and reviews', async () => {
    await octocat.pulls.list({ owner, repo, state: 'all' });
    await octocat.pulls.get({ owner, repo, pull_number: 4 });
    await expectStatus(octocat.pulls.create({ owner, repo, title: 'x', head: 'no-such-branch', base: 'main' }), 422);
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Conformance',
      head: 'conformance',
      base: 'main',
      draft: false,
    });
    const pull_number = pull.number;
    await octocat.pulls.update({ owner, repo, pull_number, body: 'Now with a body' });
    await octocat.pulls.listFiles({ owner, repo, pull_number });
    const { data: commits } = await octocat.pulls.listCommits({ owner, repo, pull_number });
    await octocat.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: commits[0]!.sha });
    await octocat.pulls.requestReviewers({ owner, repo, pull_number, reviewers: ['alice'] });
    await octocat.pulls.listRequestedReviewers({ owner, repo, pull_number });
    await octocat.pulls.removeRequestedReviewers({ owner, repo, pull_number, reviewers: ['alice'] });
    const { data: pending } = await alice.pulls.createReview({ owner, repo, pull_number });
    await alice.pulls.submitReview({
      owner,
      repo,
      pull_number,
      review_id: pending.id,
      event: 'COMMENT',
      body: 'Looks fine',
    });
    const { data: review } = await alice.pulls.createReview({
      owner,
      repo,
      pull_number,
      event: 'APPROVE',
      comments: [{ path: 'hello.txt', line: 1, body: 'Nice file' }],
    });
    await octocat.pulls.getReview({ owner, repo, pull_number, review_id: review.id });
    await octocat.pulls.listReviews({ owner, repo, pull_number });
    const { data: inline } = await octocat.pulls.createReviewComment({
      owner,
      repo,
      pull_number,
      body: 'Inline',
      commit_id: pull.head.sha,
      path: 'hello.txt',
      line: 1,
    });
    const { data: reply } = await octocat.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', {
      owner,
      repo,
      pull_number,
      body: 'Agreed',
      commit_id: pull.head.sha,
      path: 'hello.txt',
      in_reply_to: inline.id,
    });
    expect(reply).toMatchObject({ in_reply_to_id: inline.id, path: 'hello.txt', line: 1, diff_hunk: inline.diff_hunk });
    await octocat.pulls.listReviewComments({ owner, repo, pull_number });
    await octocat.pulls.listReviewCommentsForRepo({ owner, repo });
    await octocat.pulls.getReviewComment({ owner, repo, comment_id: inline.id });
    await octocat.pulls.updateReviewComment({ owner, repo, comment_id: inline.id, body: 'Inline, edited' });
    await octocat.pulls.createReplyForReviewComment({ owner, repo, pull_number, comment_id: inline.id, body: 'Also' });
    await octocat.pulls.listCommentsForReview({ owner, repo, pull_number, review_id: review.id });
    const { data: heart } = await octocat.reactions.createForPullRequestReviewComment({
      owner,
      repo,
      comment_id: inline.id,
      content: 'heart',
    });
    await octocat.reactions.listForPullRequestReviewComment({ owner, repo, comment_id: inline.id });
    await octocat.reactions.deleteForPullRequestComment({
      owner,
      repo,
      comment_id: inline.id,
      reaction_id: Number(heart.id),
    });
    await octocat.pulls.deleteReviewComment({ owner, repo, comment_id: Number(reply.id) });
    await alice.pulls.updateReview({ owner, repo, pull_number, review_id: review.id, body: 'Approved, edited' });
    const { data: draftReview } = await alice.pulls.createReview({ owner, repo, pull_number });
    await alice.pulls.deletePendingReview({ owner, repo, pull_number, review_id: draftReview.id });
    await expectStatus(
      octocat.pulls.dismissReview({ owner, repo, pull_number, review_id: pending.id, message: 'Stale' }),
      422,
    );
    await octocat.pulls.dismissReview({ owner, repo, pull_number, review_id: review.id, message: 'Stale' });
    await expectStatus(octocat.pulls.checkIfMerged({ owner, repo, pull_number }), 404);
    await octocat.pulls.merge({ owner, repo, pull_number, merge_method: 'squash' });
    await expectStatus(octocat.pulls.merge({ owner, repo, pull_number }), 405);
    await octocat.pulls.checkIfMerged({ owner, repo, pull_number });
    await octocat.git.deleteRef({ owner, repo, ref: 'heads/conformance' });
  });

  it('serves checks and statuses', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    const head_sha = main.object.sha;
    await expectStatus(octocat.checks.create({ owner, repo, name: 'lint', head_sha }), 403);
    const { data: run } = await bot.checks.create({
      owner,
      repo,
      name: 'lint',
      head_sha,
      status: 'in_progress',
      actions: [{ label: 'Fix', description: 'Apply the fix', identifier: 'fix' }],
    });
    await bot.checks.update({
      owner,
      repo,
      check_run_id: run.id,
      conclusion: 'failure',
      output: {
        title: '1 problem',
        summary: 'Lint found a problem',
        annotations: [
          { path: 'src/widget.js', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'Unused' },
        ],
      },
    });
    await octocat.checks.get({ owner, repo, check_run_id: run.id });
    await octocat.checks.listAnnotations({ owner, repo, check_run_id: run.id });
    await octocat.checks.listForRef({ owner, repo, ref: 'main' });
    const { data: suites } = await octocat.checks.listSuitesForRef({ owner, repo, ref: 'main' });
    await octocat.checks.getSuite({ owner, repo, check_suite_id: suites.check_suites[0]!.id });
    await octocat.checks.listForSuite({ owner, repo, check_suite_id: suites.check_suites[0]!.id });
    await octocat.checks.rerequestRun({ owner, repo, check_run_id: run.id });

    await octocat.repos.createCommitStatus({ owner, repo, sha: head_sha, state: 'pending', context: 'ci/test' });
    await octocat.repos.createCommitStatus({ owner, repo, sha: head_sha, state: 'success', context: 'ci/test' });
    await octocat.repos.getCombinedStatusForRef({ owner, repo, ref: 'main' });
    await octocat.repos.listCommitStatusesForRef({ owner, repo, ref: 'main' });
  });

  it('serves the GitHub App endpoints', async () => {
    await app.apps.getAuthenticated();
    await app.apps.listInstallations();
    await app.apps.getInstallation({ installation_id: 1 });
    await app.apps.getRepoInstallation({ owner, repo });
    await app.apps.getOrgInstallation({ org: owner });
    await expectStatus(app.apps.getUserInstallation({ username: 'octocat' }), 404);
    await raw({ apiUrl: cloneUrl }, 'POST', '/_archal/installations', {
      body: JSON.stringify({ app: 'archal-bot', account: 'octocat' }),
    });
    await app.apps.getUserInstallation({ username: 'octocat' });
    const { data: token } = await app.apps.createInstallationAccessToken({
      installation_id: 1,
      repositories: ['widgets'],
    });
    const scoped = octokitFor({ apiUrl: cloneUrl }, token.token);
    validateResponses(scoped, openapi, checked);
    await scoped.apps.listReposAccessibleToInstallation();
    await scoped.apps.revokeInstallationAccessToken();
    await expectStatus(octocat.apps.getAuthenticated(), 401);
  });

  it('serves search: issues, repositories, users and code', async () => {
    await octocat.search.issuesAndPullRequests({ q: 'repo:acme/widgets is:issue is:open label:bug crash' });
    await expectStatus(octocat.search.issuesAndPullRequests({ q: '' }), 422);
    await expectStatus(octocat.search.issuesAndPullRequests({ q: 'repo:acme/widgets', per_page: 100, page: 11 }), 422);
    await octocat.search.repos({ q: 'widgets user:acme' });
    await octocat.search.users({ q: 'ali type:user' });
    await octocat.search.code({ q: 'widget repo:acme/widgets' });
    await expectStatus(octocat.search.code({ q: 'x', per_page: 50, page: 21 }), 422);
    await octocat.search.commits({ q: 'repo:acme/widgets readme' });
  });

  it('serves releases, tags, forks and update-branch', async () => {
    const { data: release } = await octocat.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', name: 'One' });
    await expectStatus(octocat.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' }), 422);
    await octocat.repos.listReleases({ owner, repo });
    await octocat.repos.getRelease({ owner, repo, release_id: release.id });
    await octocat.repos.getLatestRelease({ owner, repo });
    await octocat.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' });
    await octocat.repos.updateRelease({ owner, repo, release_id: release.id, body: 'Notes' });
    await octocat.repos.listTags({ owner, repo });
    await octocat.repos.deleteRelease({ owner, repo, release_id: release.id });
    await expectStatus(octocat.repos.getRelease({ owner, repo, release_id: release.id }), 404);

    await alice.repos.createFork({ owner, repo });
    await octocat.repos.listForks({ owner, repo });

    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/behind', sha: main.object.sha });
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'behind.txt',
      message: 'behind',
      content: Buffer.from('behind\n').toString('base64'),
      branch: 'behind',
    });
    const { data: pull } = await octocat.pulls.create({ owner, repo, title: 'Behind', head: 'behind', base: 'main' });
    await expectStatus(octocat.pulls.updateBranch({ owner, repo, pull_number: pull.number }), 422);
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'later.txt',
      message: 'later',
      content: Buffer.from('later\n').toString('base64'),
      branch: 'main',
    });
    await octocat.pulls.updateBranch({ owner, repo, pull_number: pull.number, expected_head_sha: pull.head.sha });
  });

  it('serves the Actions slice: workflow runs, jobs, logs and artifacts', async () => {
    const run = await clone.handle.workflowRun({
      repo: `${owner}/${repo}`,
      workflow: '.github/workflows/ci.yml',
      status: 'completed',
      conclusion: 'failure',
      jobs: [{ name: 'test', steps: [{ name: 'npm test', conclusion: 'failure' }], log: 'FAIL\n' }],
    });
    const dir = mkdtempSync(join(tmpdir(), 'archal-conformance-'));
    const saved = [process.env.ACTIONS_RUNTIME_TOKEN, process.env.ACTIONS_RESULTS_URL];
    process.env.ACTIONS_RUNTIME_TOKEN = run.env.ACTIONS_RUNTIME_TOKEN;
    process.env.ACTIONS_RESULTS_URL = run.env.ACTIONS_RESULTS_URL;
    let artifact_id: number;
    try {
      writeFileSync(join(dir, 'report.txt'), 'report');
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = (() => true) as typeof process.stdout.write;
      try {
        artifact_id = (await new DefaultArtifactClient().uploadArtifact('report', [join(dir, 'report.txt')], dir)).id!;
      } finally {
        process.stdout.write = write;
      }
    } finally {
      for (const [i, name] of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].entries())
        if (saved[i] === undefined) delete process.env[name];
        else process.env[name] = saved[i];
      rmSync(dir, { recursive: true, force: true });
    }
    const manual = { request: { redirect: 'manual' as const } };
    await octocat.actions.listArtifactsForRepo({ owner, repo, name: 'report' });
    await octocat.actions.getArtifact({ owner, repo, artifact_id });
    await expectStatus(octocat.actions.getArtifact({ owner, repo, artifact_id: 1 }), 404);
    await octocat.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id });
    await octocat.actions.downloadArtifact({ owner, repo, artifact_id, archive_format: 'zip', ...manual });
    await octocat.actions.listWorkflowRunsForRepo({ owner, repo, event: 'push' });
    await octocat.actions.getWorkflowRun({ owner, repo, run_id: run.id });
    await expectStatus(octocat.actions.getWorkflowRun({ owner, repo, run_id: 1 }), 404);
    await octocat.actions.listJobsForWorkflowRun({ owner, repo, run_id: run.id });
    await octocat.actions.getJobForWorkflowRun({ owner, repo, job_id: run.jobs[0]!.id });
    await octocat.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: run.jobs[0]!.id, ...manual });
    await octocat.actions.downloadWorkflowRunLogs({ owner, repo, run_id: run.id, ...manual });
    await octocat.actions.listRepoWorkflows({ owner, repo });
    await octocat.actions.getWorkflow({ owner, repo, workflow_id: 'ci.yml' });
    await octocat.actions.listWorkflowRuns({ owner, repo, workflow_id: 'ci.yml' });
    await octocat.actions.deleteArtifact({ owner, repo, artifact_id });
  });

  it('serves teams of organizations, their members and repositories', async () => {
    const org = owner;
    await octocat.teams.list({ org });
    const bobClient = octokitFor(clone, TOKENS.bob);
    validateResponses(bobClient, openapi, checked);
    await expectStatus(bobClient.teams.list({ org }), 403);
    const { data: team } = await octocat.teams.create({
      org,
      name: 'Core Maintainers',
      description: 'Keeps the lights on',
      privacy: 'closed',
      maintainers: ['alice'],
      repo_names: [repo],
      permission: 'push',
    });
    const team_slug = team.slug;
    await expectStatus(octocat.teams.create({ org, name: 'Core Maintainers' }), 422);
    await octocat.teams.create({ org, name: 'Core Oncall', parent_team_id: team.id });
    await octocat.teams.getByName({ org, team_slug });
    await expectStatus(octocat.teams.getByName({ org, team_slug: 'nobody' }), 404);
    await octocat.teams.updateInOrg({ org, team_slug, description: 'Keeps the widgets running' });
    await octocat.teams.addOrUpdateMembershipForUserInOrg({ org, team_slug, username: 'bob', role: 'member' });
    await octocat.teams.getMembershipForUserInOrg({ org, team_slug, username: 'bob' });
    await octocat.teams.listMembersInOrg({ org, team_slug });
    await octocat.teams.removeMembershipForUserInOrg({ org, team_slug, username: 'bob' });
    await expectStatus(octocat.teams.getMembershipForUserInOrg({ org, team_slug, username: 'bob' }), 404);
    await octocat.teams.addOrUpdateRepoPermissionsInOrg({ org, team_slug, owner, repo, permission: 'maintain' });
    await octocat.teams.listReposInOrg({ org, team_slug });
    await octocat.teams.checkPermissionsForRepoInOrg({ org, team_slug, owner, repo });
    await octocat.teams.checkPermissionsForRepoInOrg({
      org,
      team_slug,
      owner,
      repo,
      mediaType: { format: 'vnd.github.v3.repository+json' },
    });
    await octocat.repos.listTeams({ owner, repo });
    await alice.teams.listForAuthenticatedUser();
    await octocat.teams.removeRepoInOrg({ org, team_slug, owner, repo });
    await expectStatus(octocat.teams.checkPermissionsForRepoInOrg({ org, team_slug, owner, repo }), 404);
    await octocat.teams.deleteInOrg({ org, team_slug });
  });

  it('serves branch protection and CODEOWNERS, and enforces them on merges and pushes', async () => {
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: '.github/CODEOWNERS',
      message: 'Add code owners',
      content: Buffer.from('* @alice\n/docs/ @acme/ghosts\n').toString('base64'),
      branch: 'main',
    });
    await octocat.repos.codeownersErrors({ owner, repo });
    const branch = 'main';
    await expectStatus(octocat.repos.getBranchProtection({ owner, repo, branch }), 404);
    await octocat.repos.updateBranchProtection({
      owner,
      repo,
      branch,
      required_status_checks: { strict: false, contexts: ['ci/required'] },
      enforce_admins: true,
      required_pull_request_reviews: { required_approving_review_count: 1, require_code_owner_reviews: true },
      restrictions: null,
    });
    await octocat.repos.getBranchProtection({ owner, repo, branch });
    await octocat.repos.getBranch({ owner, repo, branch });
    await octocat.repos.listBranches({ owner, repo, protected: true });
    await octocat.repos.getStatusChecksProtection({ owner, repo, branch });
    await octocat.repos.updateStatusCheckProtection({ owner, repo, branch, strict: true });
    await octocat.repos.getPullRequestReviewProtection({ owner, repo, branch });
    await octocat.repos.updatePullRequestReviewProtection({ owner, repo, branch, dismiss_stale_reviews: true });
    await octocat.repos.getAdminBranchProtection({ owner, repo, branch });
    await octocat.repos.deleteAdminBranchProtection({ owner, repo, branch });
    await octocat.repos.setAdminBranchProtection({ owner, repo, branch });

    // Pushing straight to main and merging without approval are refused; the refusals are GitHub's.
    await expectStatus(
      octocat.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'direct.txt',
        message: 'direct',
        content: Buffer.from('x').toString('base64'),
        branch,
      }),
      409,
    );
    await octocat.git.createRef({
      owner,
      repo,
      ref: 'refs/heads/protected-work',
      sha: (await octocat.repos.getBranch({ owner, repo, branch })).data.commit.sha,
    });
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'work.txt',
      message: 'work',
      content: Buffer.from('work').toString('base64'),
      branch: 'protected-work',
    });
    const { data: pull } = await bot.pulls.create({
      owner,
      repo,
      title: 'Protected work',
      head: 'protected-work',
      base: branch,
    });
    await expectStatus(octocat.pulls.merge({ owner, repo, pull_number: pull.number }), 405);
    await expectStatus(octocat.git.deleteRef({ owner, repo, ref: 'heads/main' }), 422);
    await octocat.repos.deleteBranchProtection({ owner, repo, branch });
    await expectStatus(octocat.repos.deleteBranchProtection({ owner, repo, branch }), 404);
  });

  it('serves notifications and received events', async () => {
    const { data: issue } = await alice.issues.create({ owner, repo, title: 'Ping', body: 'Hello @octocat' });
    await alice.issues.createComment({ owner, repo, issue_number: issue.number, body: '@octocat again' });
    const { data: notifications } = await octocat.activity.listNotificationsForAuthenticatedUser({
      all: true,
      participating: true,
    });
    expect(notifications.find((thread) => thread.subject.title === 'Ping')).toMatchObject({
      reason: 'mention',
      unread: true,
      subject: { type: 'Issue', latest_comment_url: expect.stringContaining('/issues/comments/') },
    });
    await expectStatus(bot.activity.listNotificationsForAuthenticatedUser(), 403);
    const { data: inRepo } = await octocat.activity.listRepoNotificationsForAuthenticatedUser({ owner, repo });
    expect(inRepo.map((thread) => thread.subject.title)).toContain('Ping');
    expect(inRepo.every((thread) => thread.repository.full_name === `${owner}/${repo}`)).toBe(true);
    expect((await octocat.activity.markRepoNotificationsAsRead({ owner, repo })).status).toBe(205);
    expect((await octocat.activity.listRepoNotificationsForAuthenticatedUser({ owner, repo })).data).toEqual([]);
    await expectStatus(octocat.activity.listRepoNotificationsForAuthenticatedUser({ owner, repo: 'nope' }), 404);
    await expectStatus(octocat.activity.getRepoSubscription({ owner, repo }), 404);
    const { data: watching } = await octocat.activity.setRepoSubscription({ owner, repo, subscribed: true });
    expect(watching).toMatchObject({ subscribed: true, ignored: false });
    const { data: ignoring } = await octocat.activity.setRepoSubscription({ owner, repo, ignored: true });
    expect(ignoring).toMatchObject({ subscribed: false, ignored: true });
    expect((await octocat.activity.getRepoSubscription({ owner, repo })).data).toMatchObject({ ignored: true });
    expect((await octocat.activity.deleteRepoSubscription({ owner, repo })).status).toBe(204);
    await expectStatus(octocat.activity.getRepoSubscription({ owner, repo }), 404);
    const { data: events } = await octocat.activity.listReceivedEventsForUser({ username: 'octocat' });
    expect(events.map((event) => event.type)).toContain('IssueCommentEvent');
  });

  it('marks notification threads read, done and ignored', async () => {
    const { data: issue } = await alice.issues.create({ owner, repo, title: 'Read me', body: 'Look @octocat' });
    const unread = async () =>
      (await octocat.activity.listNotificationsForAuthenticatedUser()).data.map((thread) => thread.subject.title);
    const everything = async () => (await octocat.activity.listNotificationsForAuthenticatedUser({ all: true })).data;
    const thread = (await everything()).find((candidate) => candidate.subject.title === 'Read me')!;
    expect(await unread()).toContain('Read me');
    const { data: got } = await octocat.activity.getThread({ thread_id: Number(thread.id) });
    expect(got).toMatchObject({ id: thread.id, unread: true, last_read_at: null, reason: 'mention' });
    await expectStatus(alice.activity.getThread({ thread_id: Number(thread.id) }), 404);

    expect((await octocat.activity.markThreadAsRead({ thread_id: Number(thread.id) })).status).toBe(205);
    expect(await unread()).not.toContain('Read me');
    const read = (await everything()).find((candidate) => candidate.id === thread.id);
    expect(read).toMatchObject({ unread: false, last_read_at: expect.any(String) });

    // New activity on the thread makes it unread again.
    await alice.issues.createComment({ owner, repo, issue_number: issue.number, body: '@octocat any news?' });
    expect(await unread()).toContain('Read me');

    const { data: subscription } = await octocat.activity.setThreadSubscription({
      thread_id: Number(thread.id),
      ignored: true,
    });
    expect(subscription).toMatchObject({ subscribed: false, ignored: true, url: `${thread.url}/subscription` });
    const { data: again } = await octocat.activity.getThreadSubscriptionForAuthenticatedUser({
      thread_id: Number(thread.id),
    });
    expect(again).toMatchObject({ ignored: true });
    await octocat.activity.deleteThreadSubscription({ thread_id: Number(thread.id) });
    await expectStatus(
      octocat.activity.getThreadSubscriptionForAuthenticatedUser({ thread_id: Number(thread.id) }),
      404,
    );

    // Everything up to now is read; a thread updated later would stay unread.
    const marked = await octocat.activity.markNotificationsAsRead({ last_read_at: new Date().toISOString() });
    expect(marked.status).toBe(205);
    expect(await unread()).toEqual([]);
    expect((await everything()).every((candidate) => !candidate.unread)).toBe(true);

    expect((await octocat.activity.markThreadAsDone({ thread_id: Number(thread.id) })).status).toBe(204);
    expect((await everything()).map((candidate) => candidate.id)).not.toContain(thread.id);
    await expectStatus(octocat.activity.markThreadAsRead({ thread_id: 999_999 }), 404);
  });

  it('serves gists', async () => {
    const { data: gist } = await octocat.gists.create({
      description: 'Snippets',
      public: true,
      files: { 'a.js': { content: 'console.log(1)' } },
    });
    await expectStatus(octocat.gists.create({ files: { 'a.txt': { content: '' } } }), 422);
    await octocat.gists.list();
    await alice.gists.listForUser({ username: 'octocat' });
    await alice.gists.get({ gist_id: gist.id! });
    await expectStatus(alice.gists.get({ gist_id: 'feedfacefeedface' }), 404);
    await octocat.gists.update({ gist_id: gist.id!, description: 'Snippets, renamed' });
    await expectStatus(alice.gists.update({ gist_id: gist.id!, description: 'Mine now' }), 404);
    await octocat.gists.delete({ gist_id: gist.id! });
  });

  it('serves gist comments, forks and stars', async () => {
    const { data: gist } = await octocat.gists.create({
      description: 'Shared',
      public: true,
      files: { 'a.md': { content: 'hello' } },
    });
    const gist_id = gist.id!;
    const { data: comment } = await alice.gists.createComment({ gist_id, body: 'Nice one' });
    expect(comment).toMatchObject({ body: 'Nice one', user: { login: 'alice' }, author_association: 'NONE' });
    await expectStatus(alice.gists.createComment({ gist_id, body: '' }), 422);
    expect((await octocat.gists.listComments({ gist_id })).data.map((c) => c.body)).toEqual(['Nice one']);
    expect((await octocat.gists.get({ gist_id })).data.comments).toBe(1);
    expect(clone.handle.state().gistComments).toContainEqual(
      expect.objectContaining({ gist: gist_id, user: 'alice', body: 'Nice one' }),
    );
    await alice.gists.updateComment({ gist_id, comment_id: comment.id, body: 'Nicer one' });
    expect((await octocat.gists.getComment({ gist_id, comment_id: comment.id })).data.body).toBe('Nicer one');
    // Only its author edits a comment; the gist's owner may delete it too.
    await expectStatus(octocat.gists.updateComment({ gist_id, comment_id: comment.id, body: 'Mine' }), 404);
    const bob = octokitFor(clone, TOKENS.bob);
    await expectStatus(bob.gists.deleteComment({ gist_id, comment_id: comment.id }), 404);
    await octocat.gists.deleteComment({ gist_id, comment_id: comment.id });
    await expectStatus(octocat.gists.getComment({ gist_id, comment_id: comment.id }), 404);

    const fork = await alice.gists.fork({ gist_id });
    expect(fork.status).toBe(201);
    expect(fork.data).toMatchObject({ owner: { login: 'alice' }, description: 'Shared', files: { 'a.md': {} } });
    expect(fork.data.id).not.toBe(gist_id);
    await expectStatus(octocat.gists.fork({ gist_id }), 422);
    const { data: forks } = await octocat.gists.listForks({ gist_id });
    expect(forks.map((entry) => [entry.id, entry.owner?.login])).toEqual([[fork.data.id, 'alice']]);
    expect((await octocat.gists.get({ gist_id })).data.forks).toMatchObject([
      { id: fork.data.id, user: { login: 'alice' } },
    ]);
    expect((await alice.gists.get({ gist_id: fork.data.id! })).data.fork_of).toMatchObject({ id: gist_id });
    expect((await alice.gists.get({ gist_id: fork.data.id! })).data.files?.['a.md']?.content).toBe('hello');
    expect(clone.handle.state().gists.find((entry) => entry.id === fork.data.id)).toMatchObject({
      owner: 'alice',
      fork_of: gist_id,
      files: { 'a.md': 'hello' },
    });

    await expectStatus(alice.gists.checkIsStarred({ gist_id }), 404);
    expect((await alice.gists.star({ gist_id })).status).toBe(204);
    expect((await alice.gists.checkIsStarred({ gist_id })).status).toBe(204);
    expect((await alice.gists.unstar({ gist_id })).status).toBe(204);
    await expectStatus(alice.gists.checkIsStarred({ gist_id }), 404);
    await expectStatus(alice.gists.listComments({ gist_id: 'feedfacefeedface' }), 404);
  });

  it('serves repository Actions secrets', async () => {
    const { data: key } = await octocat.actions.getRepoPublicKey({ owner, repo });
    expect(Buffer.from(key.key, 'base64')).toHaveLength(32);
    const sealed = Buffer.alloc(64, 7).toString('base64');
    const put = await octocat.actions.createOrUpdateRepoSecret({
      owner,
      repo,
      secret_name: 'API_KEY',
      encrypted_value: sealed,
      key_id: key.key_id,
    });
    expect(put.status).toBe(201);
    const again = await octocat.actions.createOrUpdateRepoSecret({
      owner,
      repo,
      secret_name: 'API_KEY',
      encrypted_value: sealed,
      key_id: key.key_id,
    });
    expect(again.status).toBe(204);
    await expectStatus(
      octocat.actions.createOrUpdateRepoSecret({
        owner,
        repo,
        secret_name: 'X',
        encrypted_value: 'c2hvcnQ=',
        key_id: key.key_id,
      }),
      422,
    );
    await expectStatus(
      octocat.actions.createOrUpdateRepoSecret({ owner, repo, secret_name: 'X', encrypted_value: sealed, key_id: '1' }),
      422,
    );
    const { data: list } = await octocat.actions.listRepoSecrets({ owner, repo });
    expect(list).toMatchObject({ total_count: 1, secrets: [{ name: 'API_KEY' }] });
    await octocat.actions.getRepoSecret({ owner, repo, secret_name: 'API_KEY' });
    await expectStatus(alice.actions.listRepoSecrets({ owner, repo }), 403);
    await octocat.actions.deleteRepoSecret({ owner, repo, secret_name: 'API_KEY' });
    await expectStatus(octocat.actions.getRepoSecret({ owner, repo, secret_name: 'API_KEY' }), 404);
  });

  it('serves repository Actions variables, values shown', async () => {
    const created = await octocat.actions.createRepoVariable({ owner, repo, name: 'region', value: 'eu-west-1' });
    expect(created.status).toBe(201);
    await expectStatus(octocat.actions.createRepoVariable({ owner, repo, name: 'REGION', value: 'x' }), 409);
    await expectStatus(octocat.actions.createRepoVariable({ owner, repo, name: '1BAD', value: 'x' }), 422);
    await expectStatus(octocat.actions.createRepoVariable({ owner, repo, name: 'GITHUB_X', value: 'x' }), 422);
    const { data: got } = await octocat.actions.getRepoVariable({ owner, repo, name: 'region' });
    expect(got).toMatchObject({ name: 'REGION', value: 'eu-west-1' });
    const updated = await octocat.actions.updateRepoVariable({ owner, repo, name: 'REGION', value: 'us-east-1' });
    expect(updated.status).toBe(204);
    const { data: list } = await octocat.actions.listRepoVariables({ owner, repo });
    expect(list).toMatchObject({ total_count: 1, variables: [{ name: 'REGION', value: 'us-east-1' }] });
    // Renaming: the body's `name`, which Octokit cannot send beside the path's.
    const renamed = await raw(clone, 'PATCH', `/repos/${owner}/${repo}/actions/variables/REGION`, {
      token: clone.token,
      body: JSON.stringify({ name: 'zone' }),
    });
    expect(renamed.status).toBe(204);
    await expectStatus(alice.actions.listRepoVariables({ owner, repo }), 403);
    await expectStatus(octocat.actions.deleteRepoVariable({ owner, repo, name: 'REGION' }), 404);
    await octocat.actions.deleteRepoVariable({ owner, repo, name: 'ZONE' });
    await expectStatus(octocat.actions.getRepoVariable({ owner, repo, name: 'ZONE' }), 404);
  });

  it('serves organization Actions secrets and variables, with their visibility', async () => {
    const org = owner;
    const { data: key } = await octocat.actions.getOrgPublicKey({ org });
    expect(Buffer.from(key.key, 'base64')).toHaveLength(32);
    expect(key.key_id).not.toBe((await octocat.actions.getRepoPublicKey({ owner, repo })).data.key_id);
    const sealed = Buffer.alloc(64, 9).toString('base64');
    const { data: widgets } = await octocat.repos.get({ owner, repo });
    const put = (visibility: 'all' | 'private' | 'selected', selected_repository_ids?: number[]) =>
      octocat.actions.createOrUpdateOrgSecret({
        org,
        secret_name: 'org_token',
        encrypted_value: sealed,
        key_id: key.key_id,
        visibility,
        selected_repository_ids,
      });
    expect((await put('all')).status).toBe(201);
    expect((await put('selected', [widgets.id])).status).toBe(204);
    await expectStatus(put('selected', [999999]), 422);
    await expectStatus(
      octocat.actions.createOrUpdateOrgSecret({
        org,
        secret_name: 'X',
        encrypted_value: sealed,
        key_id: '1',
        visibility: 'all',
      }),
      422,
    );
    const { data: secrets } = await octocat.actions.listOrgSecrets({ org });
    expect(secrets).toMatchObject({ total_count: 1, secrets: [{ name: 'ORG_TOKEN', visibility: 'selected' }] });
    expect(JSON.stringify(secrets)).not.toContain(sealed);
    expect((await octocat.actions.getOrgSecret({ org, secret_name: 'ORG_TOKEN' })).data).toMatchObject({
      name: 'ORG_TOKEN',
      visibility: 'selected',
    });
    const { data: picked } = await octocat.actions.listSelectedReposForOrgSecret({ org, secret_name: 'ORG_TOKEN' });
    expect(picked).toMatchObject({ total_count: 1, repositories: [{ full_name: `${owner}/${repo}` }] });
    await expectStatus(alice.actions.listOrgSecrets({ org }), 403);
    await octocat.actions.deleteOrgSecret({ org, secret_name: 'ORG_TOKEN' });
    await expectStatus(octocat.actions.getOrgSecret({ org, secret_name: 'ORG_TOKEN' }), 404);

    const made = await octocat.actions.createOrgVariable({ org, name: 'stage', value: 'prod', visibility: 'private' });
    expect(made.status).toBe(201);
    await expectStatus(octocat.actions.createOrgVariable({ org, name: 'STAGE', value: 'x', visibility: 'all' }), 409);
    await expectStatus(
      octocat.actions.createOrgVariable({ org, name: 'OTHER', value: 'x', visibility: 'everyone' as 'all' }),
      422,
    );
    await octocat.actions.updateOrgVariable({ org, name: 'STAGE', value: 'staging', visibility: 'all' });
    const { data: variables } = await octocat.actions.listOrgVariables({ org });
    expect(variables).toMatchObject({
      total_count: 1,
      variables: [{ name: 'STAGE', value: 'staging', visibility: 'all' }],
    });
    expect((await octocat.actions.getOrgVariable({ org, name: 'stage' })).data).toMatchObject({ value: 'staging' });
    await octocat.actions.updateOrgVariable({
      org,
      name: 'STAGE',
      visibility: 'selected',
      selected_repository_ids: [widgets.id],
    });
    const { data: chosen } = await octocat.actions.listSelectedReposForOrgVariable({ org, name: 'STAGE' });
    expect(chosen.repositories.map((entry) => entry.name)).toEqual([repo]);
    await expectStatus(alice.actions.getOrgVariable({ org, name: 'STAGE' }), 403);
    await expectStatus(octocat.actions.listOrgVariables({ org: 'octocat' }), 404);
    await octocat.actions.deleteOrgVariable({ org, name: 'STAGE' });
    await expectStatus(octocat.actions.getOrgVariable({ org, name: 'STAGE' }), 404);
  });

  it('lists the organization secrets and variables a repository gets, by their visibility', async () => {
    const org = owner;
    const { data: widgets } = await octocat.repos.get({ owner, repo });
    const { data: key } = await octocat.actions.getOrgPublicKey({ org });
    const sealed = Buffer.alloc(64, 3).toString('base64');
    for (const [secret_name, visibility] of [
      ['FOR_ALL', 'all'],
      ['FOR_PRIVATE', 'private'],
      ['FOR_NONE', 'selected'],
    ] as const)
      await octocat.actions.createOrUpdateOrgSecret({
        org,
        secret_name,
        encrypted_value: sealed,
        key_id: key.key_id,
        visibility,
      });
    await octocat.actions.createOrgVariable({ org, name: 'PICKED', value: 'v', visibility: 'selected' });
    const secretNames = async () =>
      (await octocat.actions.listRepoOrganizationSecrets({ owner, repo })).data.secrets.map((secret) => secret.name);
    const variableNames = async () =>
      (await octocat.actions.listRepoOrganizationVariables({ owner, repo })).data.variables.map((v) => v.name);
    expect(await secretNames()).toEqual(widgets.private ? ['FOR_ALL', 'FOR_PRIVATE'] : ['FOR_ALL']);
    expect(await variableNames()).toEqual([]);
    await octocat.actions.updateOrgVariable({ org, name: 'PICKED', selected_repository_ids: [widgets.id] });
    expect(await variableNames()).toEqual(['PICKED']);
    await expectStatus(alice.actions.listRepoOrganizationSecrets({ owner, repo }), 403);
    for (const secret_name of ['FOR_ALL', 'FOR_PRIVATE', 'FOR_NONE'])
      await octocat.actions.deleteOrgSecret({ org, secret_name });
    await octocat.actions.deleteOrgVariable({ org, name: 'PICKED' });
  });

  it('serves deployment environments and their Actions secrets', async () => {
    const environment_name = 'production';
    await expectStatus(octocat.actions.getEnvironmentPublicKey({ owner, repo, environment_name }), 404);
    const { data: env } = await octocat.repos.createOrUpdateEnvironment({ owner, repo, environment_name });
    expect(env).toMatchObject({ name: 'production', html_url: expect.stringContaining('/settings/environments/') });
    const { data: envs } = await octocat.repos.getAllEnvironments({ owner, repo });
    expect(envs).toMatchObject({ total_count: 1, environments: [{ id: env.id, name: 'production' }] });
    expect((await octocat.repos.getEnvironment({ owner, repo, environment_name })).data.id).toBe(env.id);
    const { data: key } = await octocat.actions.getEnvironmentPublicKey({ owner, repo, environment_name });
    expect(key.key_id).not.toBe((await octocat.actions.getRepoPublicKey({ owner, repo })).data.key_id);
    const sealed = Buffer.alloc(64, 5).toString('base64');
    const put = () =>
      octocat.actions.createOrUpdateEnvironmentSecret({
        owner,
        repo,
        environment_name,
        secret_name: 'prod_token',
        encrypted_value: sealed,
        key_id: key.key_id,
      });
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(204);
    const { data: list } = await octocat.actions.listEnvironmentSecrets({ owner, repo, environment_name });
    expect(list).toMatchObject({ total_count: 1, secrets: [{ name: 'PROD_TOKEN' }] });
    expect(JSON.stringify(list)).not.toContain(sealed);
    await octocat.actions.getEnvironmentSecret({ owner, repo, environment_name, secret_name: 'PROD_TOKEN' });
    await expectStatus(alice.actions.listEnvironmentSecrets({ owner, repo, environment_name }), 403);
    await octocat.actions.deleteEnvironmentSecret({ owner, repo, environment_name, secret_name: 'PROD_TOKEN' });
    await expectStatus(
      octocat.actions.getEnvironmentSecret({ owner, repo, environment_name, secret_name: 'PROD_TOKEN' }),
      404,
    );
    await octocat.actions.createOrUpdateEnvironmentSecret({
      owner,
      repo,
      environment_name,
      secret_name: 'GONE_WITH_IT',
      encrypted_value: sealed,
      key_id: key.key_id,
    });
    const made = await octocat.actions.createEnvironmentVariable({
      owner,
      repo,
      environment_name,
      name: 'url',
      value: 'https://x',
    });
    expect(made.status).toBe(201);
    await expectStatus(
      octocat.actions.createEnvironmentVariable({ owner, repo, environment_name, name: 'URL', value: 'y' }),
      409,
    );
    await octocat.actions.updateEnvironmentVariable({ owner, repo, environment_name, name: 'URL', value: 'https://y' });
    const { data: variables } = await octocat.actions.listEnvironmentVariables({ owner, repo, environment_name });
    expect(variables).toMatchObject({ total_count: 1, variables: [{ name: 'URL', value: 'https://y' }] });
    expect(
      (await octocat.actions.getEnvironmentVariable({ owner, repo, environment_name, name: 'url' })).data,
    ).toMatchObject({
      value: 'https://y',
    });
    await octocat.actions.deleteEnvironmentVariable({ owner, repo, environment_name, name: 'URL' });
    await expectStatus(octocat.actions.getEnvironmentVariable({ owner, repo, environment_name, name: 'URL' }), 404);
    await octocat.actions.createEnvironmentVariable({ owner, repo, environment_name, name: 'KEPT', value: 'z' });
    expect((await octocat.repos.deleteAnEnvironment({ owner, repo, environment_name })).status).toBe(204);
    await expectStatus(octocat.repos.getEnvironment({ owner, repo, environment_name }), 404);
    expect(clone.handle.state().environmentSecrets).toEqual([]);
    expect(clone.handle.state().environmentVariables).toEqual([]);
  });

  it('serves environment protection rules and deployment branch policies', async () => {
    const environment_name = 'release';
    const { data: bob } = await octocat.users.getByUsername({ username: 'bob' });
    const { data: team } = await octocat.teams.create({ org: owner, name: 'Release managers' });
    const { data: env } = await octocat.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name,
      wait_timer: 30,
      prevent_self_review: true,
      reviewers: [
        { type: 'User', id: bob.id },
        { type: 'Team', id: team.id },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(env.deployment_branch_policy).toEqual({ protected_branches: false, custom_branch_policies: true });
    expect(env.protection_rules).toMatchObject([
      { type: 'wait_timer', wait_timer: 30 },
      {
        type: 'required_reviewers',
        prevent_self_review: true,
        reviewers: [
          { type: 'User', reviewer: { login: 'bob' } },
          { type: 'Team', reviewer: { slug: team.slug } },
        ],
      },
      { type: 'branch_policy' },
    ]);
    // A later PUT that names only the wait timer keeps the rest.
    const { data: again } = await octocat.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name,
      wait_timer: 0,
    });
    expect(again.protection_rules?.map((rule) => rule.type)).toEqual(['required_reviewers', 'branch_policy']);
    const { data: policy } = await octocat.repos.createDeploymentBranchPolicy({
      owner,
      repo,
      environment_name,
      name: 'release/*',
    });
    expect(policy).toMatchObject({ name: 'release/*', type: 'branch' });
    const { data: tagPolicy } = await octocat.repos.createDeploymentBranchPolicy({
      owner,
      repo,
      environment_name,
      name: 'v*',
      type: 'tag',
    });
    // The same pattern again: 303 to the one there is (not followed here, to see it).
    const again303 = await fetch(
      `${clone.apiUrl}/repos/${owner}/${repo}/environments/${environment_name}/deployment-branch-policies`,
      {
        method: 'POST',
        redirect: 'manual',
        headers: { authorization: `token ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'release/*' }),
      },
    );
    expect(again303.status).toBe(303);
    expect(again303.headers.get('location')).toMatch(new RegExp(`/deployment-branch-policies/${policy.id}$`));
    const { data: list } = await octocat.repos.listDeploymentBranchPolicies({ owner, repo, environment_name });
    expect(list).toMatchObject({ total_count: 2, branch_policies: [{ id: policy.id }, { id: tagPolicy.id }] });
    const branch_policy_id = policy.id!;
    await octocat.repos.updateDeploymentBranchPolicy({
      owner,
      repo,
      environment_name,
      branch_policy_id,
      name: 'releases/*',
    });
    expect(
      (await octocat.repos.getDeploymentBranchPolicy({ owner, repo, environment_name, branch_policy_id })).data.name,
    ).toBe('releases/*');
    expect(
      (await octocat.repos.deleteDeploymentBranchPolicy({ owner, repo, environment_name, branch_policy_id })).status,
    ).toBe(204);
    await expectStatus(
      octocat.repos.getDeploymentBranchPolicy({ owner, repo, environment_name, branch_policy_id }),
      404,
    );
    await expectStatus(alice.repos.createDeploymentBranchPolicy({ owner, repo, environment_name, name: 'main' }), 403);

    // Input GitHub refuses, with what to change.
    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [{ wait_timer: 43_201 }, /wait_timer must be an integer between 0 and 43200/],
      [{ deployment_branch_policy: { protected_branches: true, custom_branch_policies: true } }, /exactly one/],
      [{ reviewers: [{ type: 'User', id: 987_654 }] }, /No user with id 987654/],
      [{ reviewers: [{ type: 'Team', id: 987_654 }] }, /No team with id 987654/],
      [{ reviewers: Array.from({ length: 7 }, () => ({ type: 'User', id: bob.id })) }, /at most 6 reviewers/],
    ];
    for (const [body, message] of refusals) {
      const refused = octocat.request('PUT /repos/{owner}/{repo}/environments/{environment_name}', {
        owner,
        repo,
        environment_name,
        ...body,
      });
      await expect(refused).rejects.toMatchObject({
        status: 422,
        response: { data: { errors: [{ message: expect.stringMatching(message) }] } },
      });
    }
    // Switching to protected branches drops the name patterns; creating one is then a 404, as on GitHub.
    const { data: protectedOnly } = await octocat.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name,
      deployment_branch_policy: { protected_branches: true, custom_branch_policies: false },
    });
    expect(protectedOnly.deployment_branch_policy).toEqual({ protected_branches: true, custom_branch_policies: false });
    expect((await octocat.repos.listDeploymentBranchPolicies({ owner, repo, environment_name })).data.total_count).toBe(
      0,
    );
    await expectStatus(
      octocat.repos.createDeploymentBranchPolicy({ owner, repo, environment_name, name: 'main' }),
      404,
    );
    const { data: cleared } = await octocat.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name,
      reviewers: null,
      deployment_branch_policy: null,
    });
    expect(cleared).toMatchObject({ protection_rules: [], deployment_branch_policy: null });
    await octocat.repos.deleteAnEnvironment({ owner, repo, environment_name });
  });

  it("keeps environments' protection rules and deployment branch policies in the state snapshot", async () => {
    const environment_name = 'staging';
    const { data: bob } = await octocat.users.getByUsername({ username: 'bob' });
    const { data: team } = await octocat.teams.create({ org: owner, name: 'Staging approvers' });
    await octocat.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name,
      wait_timer: 5,
      prevent_self_review: true,
      reviewers: [
        { type: 'User', id: bob.id },
        { type: 'Team', id: team.id },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    await octocat.repos.createDeploymentBranchPolicy({ owner, repo, environment_name, name: 'release/*' });
    await octocat.repos.createDeploymentBranchPolicy({ owner, repo, environment_name, name: 'v*', type: 'tag' });
    const row = clone.handle.state().environments.find((environment) => environment.name === environment_name);
    expect(row).toMatchObject({
      repo: `${owner}/${repo}`,
      protection_rules: [
        { type: 'wait_timer', wait_timer: 5 },
        { type: 'required_reviewers', prevent_self_review: true, reviewers: ['bob', team.slug] },
        { type: 'branch_policy' },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      branch_policies: [
        { name: 'release/*', type: 'branch' },
        { name: 'v*', type: 'tag' },
      ],
    });
    // An environment without protection says so.
    await octocat.repos.createOrUpdateEnvironment({ owner, repo, environment_name: 'open' });
    expect(clone.handle.state().environments.find((environment) => environment.name === 'open')).toMatchObject({
      protection_rules: [],
      deployment_branch_policy: null,
      branch_policies: [],
    });
  });

  it('manages the repositories a selected organization secret or variable reaches', async () => {
    const org = owner;
    const { data: widgets } = await octocat.repos.get({ owner, repo });
    const { data: key } = await octocat.actions.getOrgPublicKey({ org });
    await octocat.actions.createOrUpdateOrgSecret({
      org,
      secret_name: 'CHOSEN',
      encrypted_value: Buffer.alloc(64, 5).toString('base64'),
      key_id: key.key_id,
      visibility: 'selected',
    });
    await octocat.actions.createOrgVariable({ org, name: 'CHOSEN', value: 'v', visibility: 'selected' });
    const reached = async () => [
      (await octocat.actions.listSelectedReposForOrgSecret({ org, secret_name: 'CHOSEN' })).data.repositories.map(
        (entry) => entry.id,
      ),
      (await octocat.actions.listSelectedReposForOrgVariable({ org, name: 'CHOSEN' })).data.repositories.map(
        (entry) => entry.id,
      ),
    ];
    expect(await reached()).toEqual([[], []]);
    const target = { org, repository_id: widgets.id };
    expect((await octocat.actions.addSelectedRepoToOrgSecret({ ...target, secret_name: 'CHOSEN' })).status).toBe(204);
    expect((await octocat.actions.addSelectedRepoToOrgVariable({ ...target, name: 'CHOSEN' })).status).toBe(204);
    // Adding it again changes nothing.
    await octocat.actions.addSelectedRepoToOrgVariable({ ...target, name: 'CHOSEN' });
    expect(await reached()).toEqual([[widgets.id], [widgets.id]]);
    await octocat.actions.removeSelectedRepoFromOrgSecret({ ...target, secret_name: 'CHOSEN' });
    await octocat.actions.removeSelectedRepoFromOrgVariable({ ...target, name: 'CHOSEN' });
    expect(await reached()).toEqual([[], []]);
    await octocat.actions.setSelectedReposForOrgSecret({
      org,
      secret_name: 'CHOSEN',
      selected_repository_ids: [widgets.id],
    });
    await octocat.actions.setSelectedReposForOrgVariable({
      org,
      name: 'CHOSEN',
      selected_repository_ids: [widgets.id],
    });
    expect(await reached()).toEqual([[widgets.id], [widgets.id]]);
    await expectStatus(
      octocat.actions.setSelectedReposForOrgVariable({ org, name: 'CHOSEN', selected_repository_ids: [999_999] }),
      422,
    );
    await expectStatus(
      octocat.actions.addSelectedRepoToOrgSecret({ ...target, repository_id: 999_999, secret_name: 'CHOSEN' }),
      422,
    );
    await expectStatus(alice.actions.addSelectedRepoToOrgSecret({ ...target, secret_name: 'CHOSEN' }), 403);
    // Only a `selected` one has a list of repositories to manage.
    await octocat.actions.updateOrgVariable({ org, name: 'CHOSEN', visibility: 'all' });
    await expectStatus(octocat.actions.addSelectedRepoToOrgVariable({ ...target, name: 'CHOSEN' }), 409);
    await expectStatus(octocat.actions.removeSelectedRepoFromOrgVariable({ ...target, name: 'CHOSEN' }), 409);
    await expectStatus(
      octocat.actions.setSelectedReposForOrgVariable({ org, name: 'CHOSEN', selected_repository_ids: [] }),
      409,
    );
    await octocat.actions.deleteOrgSecret({ org, secret_name: 'CHOSEN' });
    await octocat.actions.deleteOrgVariable({ org, name: 'CHOSEN' });
  });

  it('validated every response against the description, for every implemented operation', () => {
    const failures = checked.filter((entry) => entry.problems.length > 0);
    expect(failures).toEqual([]);
    // Routes the description does not list are validated against the operations they stand for in rest-paths.test.ts.
    const implemented = new Set(ROUTES.filter((route) => !route.undocumented).map((route) => route.operationId));
    const covered = new Set(checked.filter((entry) => entry.status < 400).map((entry) => entry.operationId));
    expect([...implemented].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('uses a validator that does reject what GitHub would not send', () => {
    expect(openapi.validate('issues/get', 200, { number: 'one', title: 5 }).length).toBeGreaterThan(0);
    expect(openapi.validate('issues/list-for-repo', 200, [{}])).not.toEqual([]);
    expect(openapi.validateBasicError({ message: 1 })).not.toEqual([]);
  });

  it('names each route as the description does (method, path, operationId)', () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/\{(\w+)[+*]\}/g, '{$1}');
      if (route.undocumented) {
        // Marked undocumented only while the description indeed lacks it.
        expect({ route: `${route.method} ${path}`, described: openapi.byRoute.has(`${route.method} ${path}`) }).toEqual(
          {
            route: `${route.method} ${path}`,
            described: false,
          },
        );
        continue;
      }
      expect({
        route: `${route.method} ${path}`,
        operationId: openapi.byRoute.get(`${route.method} ${path}`)?.operationId,
      }).toEqual({
        route: `${route.method} ${path}`,
        operationId: route.operationId,
      });
    }
  });
});
