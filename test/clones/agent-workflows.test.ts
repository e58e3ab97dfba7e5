import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { octokitFor, startClone, TOKENS, webhookReceiver } from './support/clone.js';
import { WebhookSchemas } from './support/webhook-schemas.js';

/** What agents written against GitHub do end to end through @octokit/rest, checked against the clone's state. */
const owner = 'acme';
const repo = 'widgets';
const schemas = new WebhookSchemas();
let clone: GitHubClone;
let octocat: Octokit;
let alice: Octokit;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  receiver = await webhookReceiver();
  clone = await startClone({ seed: 'small-project', webhook: { url: receiver.url, secret: 's', retryDelayMs: 10 } });
  octocat = octokitFor(clone, clone.token);
  alice = octokitFor(clone, TOKENS.alice);
});

/** A pull request by octocat adding `path` on a new branch. */
async function pullWithFile(branch: string, path: string, text: string) {
  const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
  await octocat.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: main.object.sha });
  await octocat.repos.createOrUpdateFileContents({
    owner,
    repo,
    path,
    message: `Add ${path}`,
    content: Buffer.from(text).toString('base64'),
    branch,
  });
  return (await octocat.pulls.create({ owner, repo, title: `Add ${path}`, head: branch, base: 'main' })).data;
}

/** The webhooks received so far as `event.action`, with their schema problems. */
async function hooks() {
  await clone.handle.idle();
  return receiver.received.map((hook) => {
    const event = String(hook.headers['x-github-event']);
    return {
      kind: `${event}.${String(hook.payload.action)}`,
      payload: hook.payload,
      problems: schemas.validate(event, hook.payload),
    };
  });
}

describe('a review bot’s inline comments', () => {
  it('gets, lists, replies to, edits, reacts to and deletes review comments by id', async () => {
    const pull = await pullWithFile('review-bot', 'bot.txt', 'one\ntwo\n');
    const { data: review } = await alice.pulls.createReview({
      owner,
      repo,
      pull_number: pull.number,
      event: 'COMMENT',
      body: 'A few notes',
      comments: [{ path: 'bot.txt', line: 2, body: 'Why two?' }],
    });
    const { data: inReview } = await octocat.pulls.listCommentsForReview({
      owner,
      repo,
      pull_number: pull.number,
      review_id: review.id,
    });
    expect(inReview.map((c) => [c.path, c.body])).toEqual([['bot.txt', 'Why two?']]);
    const [first] = inReview;
    const { data: got } = await octocat.pulls.getReviewComment({ owner, repo, comment_id: first!.id });
    expect(got).toMatchObject({ id: first!.id, line: 2, user: { login: 'alice' }, pull_request_review_id: review.id });

    const { status, data: reply } = await octocat.pulls.createReplyForReviewComment({
      owner,
      repo,
      pull_number: pull.number,
      comment_id: first!.id,
      body: 'Because one is lonely',
    });
    expect(status).toBe(201);
    expect(reply).toMatchObject({ in_reply_to_id: first!.id, path: 'bot.txt', line: 2 });
    // A reply to a reply joins the thread's first comment, as GitHub threads them.
    const { data: nested } = await alice.pulls.createReplyForReviewComment({
      owner,
      repo,
      pull_number: pull.number,
      comment_id: reply.id,
      body: 'Fair',
    });
    expect(nested.in_reply_to_id).toBe(first!.id);

    const { data: edited } = await alice.pulls.updateReviewComment({
      owner,
      repo,
      comment_id: first!.id,
      body: 'Why two lines?',
    });
    expect(edited.body).toBe('Why two lines?');
    await expect(
      octokitFor(clone, TOKENS.bob).pulls.updateReviewComment({ owner, repo, comment_id: first!.id, body: 'x' }),
    ).rejects.toMatchObject({ status: 403 });

    const { status: reacted } = await octocat.reactions.createForPullRequestReviewComment({
      owner,
      repo,
      comment_id: first!.id,
      content: 'heart',
    });
    expect(reacted).toBe(201);
    const { data: reactions } = await octocat.reactions.listForPullRequestReviewComment({
      owner,
      repo,
      comment_id: first!.id,
    });
    expect(reactions.map((r) => [r.content, r.user?.login])).toEqual([['heart', 'octocat']]);
    expect((await octocat.pulls.getReviewComment({ owner, repo, comment_id: first!.id })).data.reactions).toMatchObject(
      { total_count: 1, heart: 1 },
    );
    await octocat.reactions.deleteForPullRequestComment({
      owner,
      repo,
      comment_id: first!.id,
      reaction_id: reactions[0]!.id,
    });

    const { data: all } = await octocat.pulls.listReviewCommentsForRepo({ owner, repo, sort: 'created' });
    expect(all.map((c) => c.id)).toEqual([first!.id, reply.id, nested.id]);
    await octocat.pulls.deleteReviewComment({ owner, repo, comment_id: nested.id });
    await expect(octocat.pulls.getReviewComment({ owner, repo, comment_id: nested.id })).rejects.toMatchObject({
      status: 404,
    });
    expect(clone.handle.state().reviewComments.map((c) => c.id)).toEqual([first!.id, reply.id]);

    // GitHub's older `position` (lines below the file's first @@) resolves to the same line.
    const { data: byPosition } = await alice.pulls.createReview({
      owner,
      repo,
      pull_number: pull.number,
      event: 'COMMENT',
      body: 'By position',
      comments: [{ path: 'bot.txt', position: 2, body: 'Second line' }],
    });
    const { data: positioned } = await octocat.pulls.listCommentsForReview({
      owner,
      repo,
      pull_number: pull.number,
      review_id: byPosition.id,
    });
    expect(positioned.map((c) => [c.line, c.side, c.position])).toEqual([[2, 'RIGHT', 2]]);

    const received = await hooks();
    const kinds = received.map((hook) => hook.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['pull_request_review_comment.edited', 'pull_request_review_comment.deleted']),
    );
    const edit = received.find((hook) => hook.kind === 'pull_request_review_comment.edited')!;
    expect(edit.payload.changes).toEqual({ body: { from: 'Why two?' } });
    expect(received.flatMap((hook) => hook.problems)).toEqual([]);
  });
});

describe('a review bot’s reviews', () => {
  it('edits a review’s body, deletes a pending review and dismisses an approval', async () => {
    const pull = await pullWithFile('review-edits', 'edits.txt', 'text\n');
    const { data: pending } = await alice.pulls.createReview({
      owner,
      repo,
      pull_number: pull.number,
      body: 'Draft notes',
      comments: [{ path: 'edits.txt', line: 1, body: 'pending note' }],
    });
    const { data: updated } = await alice.pulls.updateReview({
      owner,
      repo,
      pull_number: pull.number,
      review_id: pending.id,
      body: 'Better notes',
    });
    expect(updated).toMatchObject({ state: 'PENDING', body: 'Better notes' });
    const { status, data: deleted } = await alice.pulls.deletePendingReview({
      owner,
      repo,
      pull_number: pull.number,
      review_id: pending.id,
    });
    expect(status).toBe(200);
    expect(deleted.id).toBe(pending.id);
    expect(clone.handle.state().reviews.some((r) => r.id === pending.id)).toBe(false);
    expect(clone.handle.state().reviewComments.some((c) => c.body === 'pending note')).toBe(false);

    const { data: approval } = await alice.pulls.createReview({
      owner,
      repo,
      pull_number: pull.number,
      event: 'APPROVE',
      body: 'ok',
    });
    await expect(
      alice.pulls.deletePendingReview({ owner, repo, pull_number: pull.number, review_id: approval.id }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: ['Can not delete a non-pending pull request review'] } },
    });
    await alice.pulls.updateReview({ owner, repo, pull_number: pull.number, review_id: approval.id, body: 'LGTM' });
    await expect(
      octokitFor(clone, TOKENS.bob).pulls.dismissReview({
        owner,
        repo,
        pull_number: pull.number,
        review_id: approval.id,
        message: 'no',
      }),
    ).rejects.toMatchObject({ status: 403 });
    const { data: dismissed } = await octocat.pulls.dismissReview({
      owner,
      repo,
      pull_number: pull.number,
      review_id: approval.id,
      message: 'The code changed',
    });
    expect(dismissed).toMatchObject({ state: 'DISMISSED', body: 'LGTM' });
    expect(clone.handle.state().reviews.find((r) => r.id === approval.id)?.state).toBe('DISMISSED');

    const received = await hooks();
    const edited = received.find(
      (hook) =>
        hook.kind === 'pull_request_review.edited' && (hook.payload.review as { id: number }).id === approval.id,
    );
    expect(edited?.payload.changes).toEqual({ body: { from: 'ok' } });
    expect(received.map((hook) => hook.kind)).toContain('pull_request_review.dismissed');
    expect(received.flatMap((hook) => hook.problems)).toEqual([]);
  });
});

describe('collaborators and topics', () => {
  it('adds a collaborator (accepted at once), changes their role and removes them, with permissions following', async () => {
    const { data: created } = await octocat.repos.createInOrg({ org: owner, name: 'private-tools', private: true });
    const bob = octokitFor(clone, TOKENS.bob);
    await expect(bob.repos.get({ owner, repo: created.name })).rejects.toMatchObject({ status: 404 });

    const { status, data: invitation } = await octocat.repos.addCollaborator({
      owner,
      repo: created.name,
      username: 'bob',
      permission: 'triage',
    });
    expect(status).toBe(201);
    expect(invitation).toMatchObject({
      invitee: { login: 'bob' },
      inviter: { login: 'octocat' },
      permissions: 'triage',
    });
    expect((await bob.repos.get({ owner, repo: created.name })).data.permissions).toMatchObject({
      triage: true,
      push: false,
    });
    await expect(bob.repos.addCollaborator({ owner, repo: created.name, username: 'alice' })).rejects.toMatchObject({
      status: 403,
    });

    // Already a collaborator: the role changes, 204.
    const again = await octocat.repos.addCollaborator({
      owner,
      repo: created.name,
      username: 'bob',
      permission: 'push',
    });
    expect(again.status).toBe(204);
    const { data: level } = await octocat.repos.getCollaboratorPermissionLevel({
      owner,
      repo: created.name,
      username: 'bob',
    });
    expect(level).toMatchObject({ permission: 'write', role_name: 'write' });
    expect(
      clone.handle.state().repos.find((r) => r.full_name === `${owner}/${created.name}`)?.collaborators,
    ).toContainEqual({ login: 'bob', permission: 'write' });
    await expect(
      octocat.repos.addCollaborator({ owner, repo: created.name, username: 'bob', permission: 'owner' }),
    ).rejects.toMatchObject({ status: 422 });

    expect((await octocat.repos.removeCollaborator({ owner, repo: created.name, username: 'bob' })).status).toBe(204);
    await expect(bob.repos.get({ owner, repo: created.name })).rejects.toMatchObject({ status: 404 });
    await expect(octocat.repos.checkCollaborator({ owner, repo: created.name, username: 'bob' })).rejects.toMatchObject(
      { status: 404 },
    );
  });

  it('reads and replaces a repository’s topics, lower-cased, refusing invalid ones', async () => {
    expect((await octocat.repos.getAllTopics({ owner, repo })).data.names).toEqual(['widgets', 'javascript']);
    const { data } = await octocat.repos.replaceAllTopics({ owner, repo, names: ['Widgets', 'ui-kit'] });
    expect(data.names).toEqual(['widgets', 'ui-kit']);
    expect((await octocat.repos.get({ owner, repo })).data.topics).toEqual(['widgets', 'ui-kit']);
    await expect(octocat.repos.replaceAllTopics({ owner, repo, names: ['-bad topic'] })).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      octokitFor(clone, TOKENS.bob).repos.replaceAllTopics({ owner, repo, names: [] }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('the signed-in user’s organizations and issues', () => {
  it('lists the user’s organizations, an organization’s members and the user’s issues across repositories', async () => {
    expect((await alice.orgs.listForAuthenticatedUser()).data.map((org) => org.login)).toEqual(['acme']);
    expect((await octokitFor(clone, TOKENS.bob).orgs.listForAuthenticatedUser()).data).toEqual([]);
    const { data: members } = await octocat.orgs.listMembers({ org: owner });
    expect(members.map((member) => member.login)).toEqual(['octocat', 'alice']);
    expect((await octocat.orgs.listMembers({ org: owner, role: 'admin' })).data.map((m) => m.login)).toEqual([
      'octocat',
    ]);
    expect((await octocat.orgs.checkMembershipForUser({ org: owner, username: 'alice' })).status).toBe(204);
    await expect(octocat.orgs.checkMembershipForUser({ org: owner, username: 'bob' })).rejects.toMatchObject({
      status: 404,
    });

    const { data: issue } = await octocat.issues.create({ owner, repo, title: 'For alice', assignees: ['alice'] });
    const { data: assigned } = await alice.issues.list();
    expect(assigned.map((entry) => entry.number)).toContain(issue.number);
    expect(assigned.every((entry) => entry.assignees?.some((a) => a.login === 'alice'))).toBe(true);
    expect(assigned[0]?.repository?.full_name).toBe('acme/widgets');
  });
});

describe('merging one branch into another', () => {
  it('merges a branch with a real merge commit (201), answers 204 when there is nothing to merge and 409 on a conflict', async () => {
    await pullWithFile('merge-source', 'merged.txt', 'from source\n');
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/merge-target', sha: main.object.sha });

    const { status, data: merge } = await octocat.repos.merge({
      owner,
      repo,
      base: 'merge-target',
      head: 'merge-source',
      commit_message: 'Sync merge-source',
    });
    expect(status).toBe(201);
    expect(merge.commit.message).toBe('Sync merge-source');
    expect(merge.parents).toHaveLength(2);
    expect((await octocat.git.getRef({ owner, repo, ref: 'heads/merge-target' })).data.object.sha).toBe(merge.sha);
    const { data: file } = await octocat.repos.getContent({ owner, repo, path: 'merged.txt', ref: 'merge-target' });
    expect(Buffer.from((file as { content: string }).content, 'base64').toString()).toBe('from source\n');

    const again = await octocat.repos.merge({ owner, repo, base: 'merge-target', head: 'merge-source' });
    expect(again.status).toBe(204);
    await expect(octocat.repos.merge({ owner, repo, base: 'nope', head: 'merge-source' })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Base does not exist' } },
    });

    for (const [branch, text] of [
      ['conflict-a', 'A\n'],
      ['conflict-b', 'B\n'],
    ] as const) {
      await octocat.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: main.object.sha });
      await octocat.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'clash.txt',
        message: `clash ${branch}`,
        content: Buffer.from(text).toString('base64'),
        branch,
      });
    }
    const before = (await octocat.git.getRef({ owner, repo, ref: 'heads/conflict-a' })).data.object.sha;
    await expect(octocat.repos.merge({ owner, repo, base: 'conflict-a', head: 'conflict-b' })).rejects.toMatchObject({
      status: 409,
      response: { data: { message: 'Merge conflict' } },
    });
    expect((await octocat.git.getRef({ owner, repo, ref: 'heads/conflict-a' })).data.object.sha).toBe(before);
    await expect(
      octokitFor(clone, TOKENS.bob).repos.merge({ owner, repo, base: 'merge-target', head: 'main' }),
    ).rejects.toMatchObject({ status: 403 });

    const pushes = (await hooks()).filter(
      (hook) => hook.kind === 'push.undefined' && hook.payload.ref === 'refs/heads/merge-target',
    );
    expect(pushes.map((hook) => hook.payload.after)).toContain(merge.sha);
  });
});

describe('annotated tags', () => {
  it('creates a tag object, points a tag ref at it and reads it back; the tag peels to its commit', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    const { status, data: tag } = await octocat.git.createTag({
      owner,
      repo,
      tag: 'v2.0.0',
      message: 'Release 2.0.0\n',
      object: main.object.sha,
      type: 'commit',
      tagger: { name: 'Release Bot', email: 'release@example.com', date: '2026-01-02T03:04:05Z' },
    });
    expect(status).toBe(201);
    expect(tag).toMatchObject({
      tag: 'v2.0.0',
      message: 'Release 2.0.0\n',
      object: { sha: main.object.sha, type: 'commit' },
      tagger: { name: 'Release Bot', email: 'release@example.com', date: '2026-01-02T03:04:05Z' },
    });
    await octocat.git.createRef({ owner, repo, ref: 'refs/tags/v2.0.0', sha: tag.sha });
    expect((await octocat.git.getTag({ owner, repo, tag_sha: tag.sha })).data).toEqual(tag);
    const { data: ref } = await octocat.git.getRef({ owner, repo, ref: 'tags/v2.0.0' });
    expect(ref.object).toMatchObject({ sha: tag.sha, type: 'tag' });
    const { data: tags } = await octocat.repos.listTags({ owner, repo });
    expect(tags.find((entry) => entry.name === 'v2.0.0')?.commit.sha).toBe(main.object.sha);
    await expect(
      octocat.git.createTag({ owner, repo, tag: 'bad', message: 'm', object: 'f'.repeat(40), type: 'commit' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octocat.git.getTag({ owner, repo, tag_sha: main.object.sha })).rejects.toMatchObject({ status: 404 });
  });
});
