import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { octokitFor, raw, startClone, TOKENS, webhookReceiver, type ReceivedHook } from './support/clone.js';
import { WebhookSchemas } from './support/webhook-schemas.js';

const SECRET = 'it-is-a-secret';
const schemas = new WebhookSchemas();
const owner = 'acme';
const repo = 'widgets';

let clone: GitHubClone;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let octocat: Octokit;
let bot: Octokit;

beforeAll(async () => {
  receiver = await webhookReceiver();
  clone = await startClone({ seed: 'small-project', webhook: { url: receiver.url, secret: SECRET, retryDelayMs: 10 } });
  octocat = octokitFor(clone, clone.token);
  bot = octokitFor(clone, TOKENS.bot);
});

const kinds = (hooks: ReceivedHook[]) =>
  hooks.map((hook) => `${String(hook.headers['x-github-event'])}.${String(hook.payload.action ?? 'event')}`);

describe('webhooks', () => {
  it('delivers every kind of state change, signed, in GitHub shape', async () => {
    const { data: issue } = await octocat.issues.create({
      owner,
      repo,
      title: 'Hooked',
      labels: ['bug'],
      assignees: ['alice'],
    });
    const issue_number = issue.number;
    await octocat.issues.update({ owner, repo, issue_number, body: 'Now with a body' });
    await octocat.issues.removeLabel({ owner, repo, issue_number, name: 'bug' });
    await octocat.issues.update({ owner, repo, issue_number, state: 'closed' });
    await octocat.issues.update({ owner, repo, issue_number, state: 'open' });
    const { data: comment } = await octocat.issues.createComment({ owner, repo, issue_number, body: 'hi' });
    await octocat.issues.updateComment({ owner, repo, comment_id: comment.id, body: 'hello' });
    await octocat.issues.deleteComment({ owner, repo, comment_id: comment.id });

    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/hooks', sha: main.object.sha });
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'a.txt',
      message: 'a',
      content: 'YQo=',
      branch: 'hooks',
    });
    const { data: pull } = await octocat.pulls.create({
      owner,
      repo,
      title: 'Hooks',
      head: 'hooks',
      base: 'main',
      draft: true,
    });
    await octocat.pulls.update({ owner, repo, pull_number: pull.number, title: 'Hooks!' });
    await octocat.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'b.txt',
      message: 'b',
      content: 'Ygo=',
      branch: 'hooks',
    });
    expect(
      (await raw(clone, 'POST', `/_archal/pulls/acme/widgets/${pull.number}/ready-for-review`, { body: '{}' })).status,
    ).toBe(200);
    await octocat.pulls.update({ owner, repo, pull_number: pull.number, state: 'closed' });
    await octocat.pulls.update({ owner, repo, pull_number: pull.number, state: 'open' });
    await octocat.issues.addLabels({ owner, repo, issue_number: pull.number, labels: ['enhancement'] });
    await octocat.issues.addAssignees({ owner, repo, issue_number: pull.number, assignees: ['alice'] });
    await octocat.pulls.requestReviewers({ owner, repo, pull_number: pull.number, reviewers: ['alice'] });
    await octocat.pulls.merge({ owner, repo, pull_number: pull.number });
    await octocat.issues.update({ owner, repo, issue_number, assignees: [], milestone: 1 });
    await octocat.issues.lock({ owner, repo, issue_number });

    const { data: run } = await bot.checks.create({
      owner,
      repo,
      name: 'lint',
      head_sha: main.object.sha,
      actions: [{ label: 'Fix it', description: 'Apply the suggested fix', identifier: 'fix' }],
    });
    await bot.checks.update({ owner, repo, check_run_id: run.id, conclusion: 'success' });
    await octocat.checks.rerequestRun({ owner, repo, check_run_id: run.id });
    const click = await raw(clone, 'POST', `/_archal/check-runs/${run.id}/requested-action`, {
      body: JSON.stringify({ identifier: 'fix', user: 'alice' }),
    });
    expect(click.status).toBe(200);
    const wrong = await raw(clone, 'POST', `/_archal/check-runs/${run.id}/requested-action`, {
      body: '{"identifier":"nope"}',
    });
    expect(wrong.status).toBe(422);
    const installed = await raw(clone, 'POST', '/_archal/installations', {
      body: '{"app":"archal-bot","account":"octocat"}',
    });
    expect(installed.status).toBe(201);

    await clone.handle.idle();
    const received = receiver.received;
    const expected = [
      'issues.opened',
      'issues.labeled',
      'issues.assigned',
      'issues.edited',
      'issues.unlabeled',
      'issues.closed',
      'issues.reopened',
      'issue_comment.created',
      'issue_comment.edited',
      'issue_comment.deleted',
      'push.event',
      'pull_request.opened',
      'pull_request.edited',
      'pull_request.synchronize',
      'pull_request.ready_for_review',
      'pull_request.closed',
      'pull_request.reopened',
      'pull_request.labeled',
      'pull_request.assigned',
      'pull_request.review_requested',
      'issues.unassigned',
      'issues.milestoned',
      'issues.locked',
      'check_run.created',
      'check_run.completed',
      'check_suite.completed',
      'check_run.rerequested',
      'check_run.requested_action',
      'installation.created',
    ];
    for (const kind of expected) expect(kinds(received)).toContain(kind);

    const problems: string[] = [];
    for (const hook of received) {
      const signature = `sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`;
      expect(hook.headers['x-hub-signature-256']).toBe(signature);
      expect(hook.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(hook.headers['content-type']).toBe('application/json');
      problems.push(...schemas.validate(String(hook.headers['x-github-event']), hook.payload));
    }
    expect(problems).toEqual([]);

    const merged = received.find(
      (hook) => kinds([hook])[0] === 'pull_request.closed' && (hook.payload.pull_request as { merged: boolean }).merged,
    );
    expect(merged).toBeDefined();
    const action = received.find((hook) => kinds([hook])[0] === 'check_run.requested_action')!;
    expect(action.payload.requested_action).toEqual({ identifier: 'fix' });
    expect((action.payload.sender as { login: string }).login).toBe('alice');
    expect(action.payload.installation).toEqual({ id: 1, node_id: expect.any(String) });
    const sync = received.find((hook) => kinds([hook])[0] === 'pull_request.synchronize')!;
    expect(sync.payload.after).toBe((sync.payload.pull_request as { head: { sha: string } }).head.sha);

    // Deliveries are recorded with their attempts, and each request lists the deliveries it caused.
    const deliveries = clone.handle.deliveries();
    expect(deliveries.length).toBe(received.length);
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts.length === 1)).toBe(true);
    const create = clone.handle.requests().find((entry) => entry.operationId === 'issues/create')!;
    expect(create.deliveries).toHaveLength(3);
  });

  it('delivers create, delete, label, status, pull_request_review and pull_request_review_comment', async () => {
    const hooks = await webhookReceiver();
    const scratch = await startClone({ seed: 'small-project', webhook: { url: hooks.url, secret: SECRET } });
    const api = octokitFor(scratch, scratch.token);
    const alice = octokitFor(scratch, TOKENS.alice);
    await api.issues.createLabel({ owner, repo, name: 'area-x', color: 'ff0000' });
    await api.issues.updateLabel({ owner, repo, name: 'area-x', new_name: 'area-y', color: '00ff00' });
    await api.issues.deleteLabel({ owner, repo, name: 'area-y' });
    const { data: main } = await api.git.getRef({ owner, repo, ref: 'heads/main' });
    await api.repos.createCommitStatus({ owner, repo, sha: main.object.sha, state: 'success', context: 'ci' });
    await api.git.createRef({ owner, repo, ref: 'refs/heads/short-lived', sha: main.object.sha });
    await api.git.deleteRef({ owner, repo, ref: 'heads/short-lived' });
    await api.git.createRef({ owner, repo, ref: 'refs/tags/v0.1.0', sha: main.object.sha });
    // Pull request #4 is alice's; octocat reviews it with an inline comment, then comments alone.
    const { data: files } = await api.pulls.listFiles({ owner, repo, pull_number: 4 });
    const path = files[0]!.filename;
    await api.pulls.createReview({
      owner,
      repo,
      pull_number: 4,
      event: 'COMMENT',
      body: 'Looks good overall',
      comments: [{ path, line: 1, body: 'Nit' }],
    });
    const { data: pull } = await alice.pulls.get({ owner, repo, pull_number: 4 });
    await api.pulls.createReviewComment({
      owner,
      repo,
      pull_number: 4,
      body: 'One more',
      commit_id: pull.head.sha,
      path,
      line: 1,
    });
    await scratch.handle.idle();

    const got = kinds(hooks.received);
    for (const kind of [
      'label.created',
      'label.edited',
      'label.deleted',
      'status.event',
      'create.event',
      'delete.event',
      'pull_request_review.submitted',
      'pull_request_review_comment.created',
    ])
      expect(got).toContain(kind);
    expect(got.filter((kind) => kind === 'pull_request_review.submitted')).toHaveLength(2);
    expect(got.filter((kind) => kind === 'pull_request_review_comment.created')).toHaveLength(2);
    const problems = hooks.received.flatMap((hook) =>
      schemas.validate(String(hook.headers['x-github-event']), hook.payload),
    );
    expect(problems).toEqual([]);
    const byKind = (kind: string) =>
      hooks.received.filter((hook) => kinds([hook])[0] === kind).map((hook) => hook.payload);
    expect(byKind('create.event').map((p) => [p.ref, p.ref_type])).toEqual([
      ['short-lived', 'branch'],
      ['v0.1.0', 'tag'],
    ]);
    expect(byKind('delete.event')[0]).toMatchObject({ ref: 'short-lived', ref_type: 'branch' });
    expect(byKind('label.edited')[0]).toMatchObject({
      changes: { name: { from: 'area-x' }, color: { from: 'ff0000' } },
    });
    expect(byKind('status.event')[0]).toMatchObject({ sha: main.object.sha, state: 'success', context: 'ci' });
    expect(byKind('pull_request_review.submitted')[0]).toMatchObject({
      review: { state: 'commented', body: 'Looks good overall' },
      pull_request: { number: 4 },
    });
  });

  it('retries failed deliveries and records them, never dropping one silently', async () => {
    const flaky = await webhookReceiver({ fail: 2 });
    const warnings: string[] = [];
    const retrying = await startClone({
      seed: 'small-project',
      webhook: { url: flaky.url, secret: SECRET, retryDelayMs: 5 },
      logger: (line) => warnings.push(line),
    });
    await octokitFor(retrying, retrying.token).issues.create({ owner, repo, title: 'Retry me' });
    await retrying.handle.idle();
    const [delivery] = retrying.handle.deliveries();
    expect(delivery!.status).toBe('delivered');
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 500, 202]);
    expect(flaky.received).toHaveLength(1);

    const unreachable = await startClone({
      seed: 'small-project',
      webhook: { url: 'http://127.0.0.1:9/hooks', retries: 2, retryDelayMs: 5 },
      logger: (line) => warnings.push(line),
    });
    await octokitFor(unreachable, unreachable.token).issues.create({ owner, repo, title: 'Nobody listens' });
    await unreachable.handle.idle();
    const [failed] = unreachable.handle.deliveries();
    expect(failed!.status).toBe('failed');
    expect(failed!.attempts).toHaveLength(3);
    expect(failed!.attempts.every((a) => a.error !== null)).toBe(true);
    expect(warnings.some((line) => line.includes('failed after 3 attempts'))).toBe(true);
    const listed = await raw(unreachable, 'GET', '/_archal/deliveries');
    expect((listed.json.deliveries as Array<{ status: string }>)[0]!.status).toBe('failed');
  });
});

describe('deleting issues and repositories', () => {
  it('answers 410 for a deleted issue and delivers issues.pinned, issues.deleted and repository.deleted', async () => {
    const hooks = await webhookReceiver();
    const scratch = await startClone({ seed: 'small-project', webhook: { url: hooks.url, secret: SECRET } });
    const api = octokitFor(scratch, scratch.token);
    const { data: doomed } = await api.issues.create({ owner, repo, title: 'Doomed' });
    await api.graphql('mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { id } } }', {
      id: doomed.node_id,
    });
    await api.graphql('mutation($id: ID!) { deleteIssue(input: { issueId: $id }) { repository { name } } }', {
      id: doomed.node_id,
    });
    const gone = await api.issues.get({ owner, repo, issue_number: doomed.number }).catch((error: unknown) => error);
    expect(gone).toMatchObject({ status: 410, response: { data: { message: 'This issue was deleted' } } });
    const missing = await api.issues.get({ owner, repo, issue_number: 9999 }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 404 });

    await api.repos.delete({ owner, repo });
    await scratch.handle.idle();
    const byKind = (kind: string) =>
      hooks.received.filter((hook) => kinds([hook])[0] === kind).map((hook) => hook.payload);
    expect(byKind('issues.deleted')).toEqual([
      expect.objectContaining({ issue: expect.objectContaining({ number: doomed.number, title: 'Doomed' }) }),
    ]);
    expect(byKind('repository.deleted')).toEqual([
      expect.objectContaining({ repository: expect.objectContaining({ full_name: `${owner}/${repo}` }) }),
    ]);
    expect(byKind('issues.pinned')).toEqual([
      expect.objectContaining({ issue: expect.objectContaining({ number: doomed.number }) }),
    ]);
    const problems = hooks.received
      .filter((hook) => ['deleted', 'pinned'].includes(String(hook.payload.action)))
      .flatMap((hook) => schemas.validate(String(hook.headers['x-github-event']), hook.payload));
    expect(problems).toEqual([]);
  });

  it('deletes an archived repository (admins may), and unarchives one, but refuses other changes to it', async () => {
    const scratch = await startClone({ seed: 'small-project' });
    const api = octokitFor(scratch, scratch.token);
    await api.repos.update({ owner, repo, archived: true });
    const edit = await api.repos.update({ owner, repo, description: 'nope' }).catch((error: unknown) => error);
    expect(edit).toMatchObject({ status: 403 });
    const { data: unarchived } = await api.repos.update({ owner, repo, archived: false });
    expect(unarchived.archived).toBe(false);
    await api.repos.update({ owner, repo, archived: true });
    const deleted = await api.repos.delete({ owner, repo });
    expect(deleted.status).toBe(204);
    const after = await api.repos.get({ owner, repo }).catch((error: unknown) => error);
    expect(after).toMatchObject({ status: 404 });
  });
});
