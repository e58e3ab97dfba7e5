import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { octokitFor, startClone, TOKENS } from './support/clone.js';

/** Notification reasons and `participating=true`, driven through @octokit/rest as three users. */
const owner = 'acme';
const repo = 'widgets';
let clone: GitHubClone;
let octocat: Octokit;
let alice: Octokit;
let bob: Octokit;

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  octocat = octokitFor(clone, clone.token);
  alice = octokitFor(clone, TOKENS.alice);
  bob = octokitFor(clone, TOKENS.bob);
});

const open = async (as: Octokit, title: string, body = '') =>
  (await as.issues.create({ owner, repo, title, body })).data.number;
const say = (as: Octokit, issue_number: number, body: string) =>
  as.issues.createComment({ owner, repo, issue_number, body });

describe('GET /notifications', () => {
  it('gives each thread GitHub’s reason, and with participating=true leaves out what the user only watches', async () => {
    const authored = await open(alice, 'Alice opened this');
    await say(octocat, authored, 'Looking into it.');
    const commented = await open(octocat, 'Alice commented here');
    await say(alice, commented, 'Same here.');
    await say(bob, commented, 'And here.');
    const mentioned = await open(octocat, 'Alice is mentioned');
    await say(bob, mentioned, '@alice what do you think?');
    await octocat.teams.create({ org: owner, name: 'Reviewers', maintainers: ['alice'] });
    const teamMentioned = await open(octocat, 'Her team is mentioned');
    await say(bob, teamMentioned, '@acme/reviewers please have a look');
    const quiet = await open(octocat, 'Alice only commented last');
    await say(alice, quiet, 'Nobody answered after me.');
    await alice.activity.setRepoSubscription({ owner, repo, subscribed: true });
    const watched = await open(octocat, 'Alice watches the repository');
    await say(bob, watched, 'Unrelated to Alice.');

    const reasons = (threads: Array<{ reason: string; subject: { title: string } }>) =>
      Object.fromEntries(threads.map((thread) => [thread.subject.title, thread.reason]));
    const { data: all } = await alice.activity.listNotificationsForAuthenticatedUser({ all: true });
    expect(reasons(all)).toMatchObject({
      'Alice opened this': 'author',
      'Alice commented here': 'comment',
      'Alice is mentioned': 'mention',
      'Her team is mentioned': 'team_mention',
      'Alice watches the repository': 'subscribed',
    });
    // Her own comment, with no one answering after it, is no reason: only watching the repository is.
    expect(reasons(all)['Alice only commented last']).toBe('subscribed');
    const mention = all.find((thread) => thread.subject.title === 'Alice is mentioned')!;
    expect(mention.subject.latest_comment_url).toMatch(/\/issues\/comments\/\d+$/);

    const { data: participating } = await alice.activity.listNotificationsForAuthenticatedUser({
      all: true,
      participating: true,
    });
    expect(reasons(participating)).toMatchObject({
      'Alice opened this': 'author',
      'Alice commented here': 'comment',
      'Alice is mentioned': 'mention',
      'Her team is mentioned': 'team_mention',
    });
    for (const title of ['Alice watches the repository', 'Alice only commented last'])
      expect(participating.map((thread) => thread.subject.title)).not.toContain(title);
    expect(participating.map((thread) => thread.reason)).not.toContain('subscribed');
    const { data: inRepo } = await alice.activity.listRepoNotificationsForAuthenticatedUser({
      owner,
      repo,
      all: true,
      participating: true,
    });
    expect(inRepo.map((thread) => thread.id).sort()).toEqual(participating.map((thread) => thread.id).sort());
    // Without `participating`, the watched thread is listed (unread) as before.
    const { data: unread } = await alice.activity.listNotificationsForAuthenticatedUser();
    expect(unread.find((thread) => thread.subject.title === 'Alice watches the repository')).toMatchObject({
      reason: 'subscribed',
      unread: true,
    });
  });
});
