import { beforeAll, describe, expect, it } from '@jest/globals';
import { graphql as octokitGraphql } from '@octokit/graphql';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { octokitFor, startClone, TOKENS } from './support/clone.js';

/**
 * Calls agents fixing issues make through real clients (Octokit REST, @octokit/graphql), each
 * checked against the clone's state.
 */
let clone: GitHubClone;
let octokit: Octokit;
let graphql: typeof octokitGraphql;
const owner = 'acme';
const repo = 'widgets';

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  octokit = octokitFor(clone, clone.token);
  graphql = octokitGraphql.defaults({ baseUrl: clone.apiUrl, headers: { authorization: `token ${clone.token}` } });
});

/** A branch off main with one commit changing `path`, made through the git data API. */
async function branchWithCommit(branch: string, path: string, content: string) {
  const main = (await octokit.git.getRef({ owner, repo, ref: 'heads/main' })).data.object.sha;
  const base = (await octokit.git.getCommit({ owner, repo, commit_sha: main })).data;
  const tree = (
    await octokit.git.createTree({
      owner,
      repo,
      base_tree: base.tree.sha,
      tree: [{ path, mode: '100644', type: 'blob', content }],
    })
  ).data;
  const commit = (
    await octokit.git.createCommit({ owner, repo, message: `Change ${path}`, tree: tree.sha, parents: [main] })
  ).data;
  await octokit.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  return commit.sha;
}

describe('REST', () => {
  it('lists the pull requests of a commit: open ones for a branch commit, the merged one once it lands', async () => {
    const sha = await branchWithCommit('fix/associated', 'docs/associated.md', 'one\n');
    const pull = (
      await octokit.pulls.create({ owner, repo, title: 'Associated', head: 'fix/associated', base: 'main' })
    ).data;
    const open = await octokit.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha });
    expect(open.data.map((entry) => [entry.number, entry.state, entry.head.ref])).toEqual([
      [pull.number, 'open', 'fix/associated'],
    ]);
    // A commit of main that no pull request brought in has none.
    const main = (await octokit.git.getRef({ owner, repo, ref: 'heads/main' })).data.object.sha;
    expect((await octokit.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: main })).data).toEqual(
      [],
    );

    const merged = (await octokit.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: 'squash' })).data;
    for (const commit of [sha, merged.sha]) {
      const listed = (await octokit.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: commit }))
        .data;
      expect(listed.map((entry) => [entry.number, entry.merged_at !== null])).toEqual([[pull.number, true]]);
    }
    await expect(
      octokit.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: 'f'.repeat(40) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('takes a COMMENT review made only of inline comments, without a body, as AI review bots post them', async () => {
    await branchWithCommit('fix/bodiless-review', 'docs/bodiless.md', 'one\ntwo\n');
    const pull = (
      await octokit.pulls.create({ owner, repo, title: 'Bodiless', head: 'fix/bodiless-review', base: 'main' })
    ).data;
    const review = (
      await octokit.pulls.createReview({
        owner,
        repo,
        pull_number: pull.number,
        event: 'COMMENT',
        comments: [{ path: 'docs/bodiless.md', line: 2, body: 'Only inline' }],
      })
    ).data;
    expect(review).toMatchObject({ state: 'COMMENTED', body: '' });
    const comments = (
      await octokit.pulls.listCommentsForReview({ owner, repo, pull_number: pull.number, review_id: review.id })
    ).data;
    expect(comments.map((comment) => comment.body)).toEqual(['Only inline']);
    // A pending review holding inline comments is submitted the same way.
    const pending = (
      await octokit.pulls.createReview({
        owner,
        repo,
        pull_number: pull.number,
        comments: [{ path: 'docs/bodiless.md', line: 1, body: 'Pending inline' }],
      })
    ).data;
    const submitted = (
      await octokit.pulls.submitReview({
        owner,
        repo,
        pull_number: pull.number,
        review_id: pending.id,
        event: 'COMMENT',
      })
    ).data;
    expect(submitted.state).toBe('COMMENTED');
    // Without a body or any inline comment, a COMMENT review says nothing: refused, as GitHub does.
    await expect(
      octokit.pulls.createReview({ owner, repo, pull_number: pull.number, event: 'COMMENT' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('reads HEAD as the default branch wherever a ref is taken: a commit, contents, a tree, a comparison, statuses', async () => {
    const main = (await octokit.repos.getBranch({ owner, repo, branch: 'main' })).data.commit.sha;
    expect((await octokit.repos.getCommit({ owner, repo, ref: 'HEAD' })).data.sha).toBe(main);
    expect((await octokit.repos.listCommits({ owner, repo, sha: 'HEAD', per_page: 1 })).data[0]!.sha).toBe(main);
    const readme = await octokit.repos.getContent({ owner, repo, path: 'README.md', ref: 'HEAD' });
    const atMain = await octokit.repos.getContent({ owner, repo, path: 'README.md', ref: 'main' });
    expect((readme.data as { sha: string }).sha).toBe((atMain.data as { sha: string }).sha);
    const tree = (await octokit.git.getTree({ owner, repo, tree_sha: 'HEAD' })).data;
    expect(tree.sha).toBe((await octokit.git.getCommit({ owner, repo, commit_sha: main })).data.tree.sha);
    expect((await octokit.repos.compareCommits({ owner, repo, base: 'HEAD', head: 'main' })).data.status).toBe(
      'identical',
    );
    expect((await octokit.repos.getCombinedStatusForRef({ owner, repo, ref: 'HEAD' })).data.sha).toBe(main);
    expect((await octokit.checks.listForRef({ owner, repo, ref: 'HEAD' })).status).toBe(200);
  });

  it('orders issue search by a sort: qualifier in the query, as gh issue list --search sends it', async () => {
    const numbers = async (q: string) =>
      (await octokit.search.issuesAndPullRequests({ q })).data.items.map((item) => item.number);
    const created = (
      await octokit.issues.listForRepo({ owner, repo, state: 'all', sort: 'created', direction: 'asc', per_page: 100 })
    ).data.map((item) => item.number);
    expect(await numbers('repo:acme/widgets sort:created-asc')).toEqual(created);
    expect(await numbers('repo:acme/widgets sort:created-desc')).toEqual([...created].reverse());
    expect(await numbers('repo:acme/widgets sort:created')).toEqual([...created].reverse());
    const updated = (
      await octokit.issues.listForRepo({ owner, repo, state: 'all', sort: 'updated', direction: 'asc', per_page: 100 })
    ).data.map((item) => item.number);
    expect(await numbers('repo:acme/widgets sort:updated-asc')).toEqual(updated);
    // The same through GraphQL's search, which gh issue list --search uses.
    type Found = { search: { issueCount: number; nodes: Array<{ number: number }> } };
    const found = await graphql<Found>(`
      {
        search(query: "repo:acme/widgets is:issue sort:created-asc", type: ISSUE, first: 50) {
          issueCount
          nodes {
            ... on Issue {
              number
            }
          }
        }
      }
    `);
    const issuesOnly = (
      await octokit.issues.listForRepo({ owner, repo, state: 'all', sort: 'created', direction: 'asc', per_page: 100 })
    ).data
      .filter((item) => !item.pull_request)
      .map((item) => item.number);
    expect(found.search.nodes.map((node) => node.number)).toEqual(issuesOnly);
  });

  it('filters issue search by review:, status: and linked: as agents triaging pull requests and issues do', async () => {
    const numbers = async (q: string) =>
      (await octokit.search.issuesAndPullRequests({ q: `repo:acme/widgets ${q}` })).data.items
        .map((item) => item.number)
        .sort((a, b) => a - b);
    const issue = (await octokit.issues.create({ owner, repo, title: 'Needs a fix' })).data;
    const orphan = (await octokit.issues.create({ owner, repo, title: 'Nobody on it' })).data;
    const sha = await branchWithCommit('fix/search-qualifiers', 'docs/search.md', 'q\n');
    const pull = (
      await octokit.pulls.create({
        owner,
        repo,
        title: 'Search fix',
        head: 'fix/search-qualifiers',
        base: 'main',
        body: `Resolves #${issue.number}`,
      })
    ).data;
    expect(await numbers(`is:pr is:open review:none`)).toContain(pull.number);
    expect(await numbers(`is:pr review:approved`)).not.toContain(pull.number);
    // alice (a writer) approves it.
    const alice = octokitFor(clone, TOKENS.alice);
    await alice.pulls.createReview({ owner, repo, pull_number: pull.number, event: 'APPROVE' });
    expect(await numbers(`is:pr review:approved`)).toContain(pull.number);
    expect(await numbers(`is:pr review:none`)).not.toContain(pull.number);
    expect(await numbers(`is:pr review:changes_requested`)).not.toContain(pull.number);

    expect(await numbers(`is:pr status:failure`)).not.toContain(pull.number);
    await octokit.repos.createCommitStatus({ owner, repo, sha, state: 'failure', context: 'ci/test' });
    expect(await numbers(`is:pr status:failure`)).toContain(pull.number);
    expect(await numbers(`is:pr status:success`)).not.toContain(pull.number);
    await octokit.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'ci/test' });
    expect(await numbers(`is:pr status:success`)).toContain(pull.number);

    const linked = await numbers('is:issue is:open linked:pr');
    expect(linked).toContain(issue.number);
    expect(linked).not.toContain(orphan.number);
    const unlinked = await numbers('is:issue is:open -linked:pr');
    expect(unlinked).toContain(orphan.number);
    expect(unlinked).not.toContain(issue.number);
    expect(await numbers('is:pr linked:issue')).toContain(pull.number);
  });

  it('reports a pull request blocked by branch protection, or unstable with a failing check, before a merge is tried', async () => {
    await octokit.git.createRef({
      owner,
      repo,
      ref: 'refs/heads/protected-base',
      sha: (await octokit.git.getRef({ owner, repo, ref: 'heads/main' })).data.object.sha,
    });
    await octokit.repos.updateBranchProtection({
      owner,
      repo,
      branch: 'protected-base',
      required_status_checks: null,
      enforce_admins: false,
      required_pull_request_reviews: { required_approving_review_count: 1 },
      restrictions: null,
    });
    const sha = await branchWithCommit('fix/merge-state', 'docs/merge-state.md', 'm\n');
    const blocked = (
      await octokit.pulls.create({ owner, repo, title: 'Blocked', head: 'fix/merge-state', base: 'protected-base' })
    ).data;
    const state = async (number: number) => {
      const rest = (await octokit.pulls.get({ owner, repo, pull_number: number })).data.mergeable_state;
      const gql = await graphql<{ repository: { pullRequest: { mergeStateStatus: string } } }>(
        `
          query ($number: Int!) {
            repository(owner: "acme", name: "widgets") {
              pullRequest(number: $number) {
                mergeStateStatus
              }
            }
          }
        `,
        { number },
      );
      return [rest, gql.repository.pullRequest.mergeStateStatus];
    };
    expect(await state(blocked.number)).toEqual(['blocked', 'BLOCKED']);
    await octokitFor(clone, TOKENS.alice).pulls.createReview({
      owner,
      repo,
      pull_number: blocked.number,
      event: 'APPROVE',
    });
    expect(await state(blocked.number)).toEqual(['clean', 'CLEAN']);
    await octokit.repos.createCommitStatus({ owner, repo, sha, state: 'failure', context: 'ci/lint' });
    expect(await state(blocked.number)).toEqual(['unstable', 'UNSTABLE']);
  });

  it('reads OR between issue search terms and qualifiers, as GitHub’s issue search does', async () => {
    const numbers = async (q: string) =>
      (await octokit.search.issuesAndPullRequests({ q: `repo:acme/widgets is:issue ${q}` })).data.items
        .map((item) => item.number)
        .sort((a, b) => a - b);
    const crash = (await octokit.issues.create({ owner, repo, title: 'Zebra crash on start', labels: ['bug'] })).data;
    const dark = (await octokit.issues.create({ owner, repo, title: 'Quokka theme', labels: ['enhancement'] })).data;
    const either = await numbers('"Zebra crash" OR "Quokka theme"');
    expect(either).toEqual([crash.number, dark.number]);
    const labels = await numbers('label:bug OR label:enhancement');
    expect(labels).toEqual(expect.arrayContaining([crash.number, dark.number]));
    expect(await numbers('label:bug')).not.toContain(dark.number);
    // AND still binds terms without OR.
    expect(await numbers('"Zebra crash" label:enhancement')).toEqual([]);
  });

  it('lists cross-references on an issue’s REST timeline: the pull request that will close it and an issue that mentions it', async () => {
    const issue = (await octokit.issues.create({ owner, repo, title: 'Timeline over REST' })).data;
    await branchWithCommit('fix/rest-timeline', 'docs/rest-timeline.md', 'r\n');
    const pull = (
      await octokit.pulls.create({
        owner,
        repo,
        title: 'REST timeline fix',
        head: 'fix/rest-timeline',
        base: 'main',
        body: `Closes #${issue.number}`,
      })
    ).data;
    const other = (await octokit.issues.create({ owner, repo, title: 'Elsewhere' })).data;
    await octokit.issues.createComment({ owner, repo, issue_number: other.number, body: `Same as #${issue.number}` });
    const timeline = (await octokit.issues.listEventsForTimeline({ owner, repo, issue_number: issue.number }))
      .data as Array<{
      event: string;
      source?: { type: string; issue: { number: number; pull_request?: unknown } };
    }>;
    const references = timeline.filter((item) => item.event === 'cross-referenced');
    expect(
      references.map((item) => [
        item.source?.type,
        item.source?.issue.number,
        item.source?.issue.pull_request !== undefined,
      ]),
    ).toEqual([
      ['issue', pull.number, true],
      ['issue', other.number, false],
    ]);
  });

  it('takes a review comment on a whole file (subject_type: file), on a file the pull request changes only', async () => {
    const sha = await branchWithCommit('fix/file-comment', 'docs/file-comment.md', 'f\n');
    const pull = (
      await octokit.pulls.create({ owner, repo, title: 'File comment', head: 'fix/file-comment', base: 'main' })
    ).data;
    const comment = (
      await octokit.pulls.createReviewComment({
        owner,
        repo,
        pull_number: pull.number,
        commit_id: sha,
        path: 'docs/file-comment.md',
        subject_type: 'file',
        body: 'This whole file needs a header',
      })
    ).data;
    expect(comment).toMatchObject({ subject_type: 'file', line: null, path: 'docs/file-comment.md' });
    const listed = (await octokit.pulls.listReviewComments({ owner, repo, pull_number: pull.number })).data;
    expect(listed.map((entry) => [entry.body, entry.subject_type])).toEqual([
      ['This whole file needs a header', 'file'],
    ]);
    await expect(
      octokit.pulls.createReviewComment({
        owner,
        repo,
        pull_number: pull.number,
        commit_id: sha,
        path: 'README.md',
        subject_type: 'file',
        body: 'Not in this pull request',
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('GraphQL', () => {
  it('reads a file and a folder of HEAD by expression, as of the default branch', async () => {
    type Answer = {
      repository: { file: { text: string } | null; folder: { entries: Array<{ name: string }> } | null };
    };
    const answer = await graphql<Answer>(`
      {
        repository(owner: "acme", name: "widgets") {
          file: object(expression: "HEAD:README.md") {
            ... on Blob {
              text
            }
          }
          folder: object(expression: "HEAD:src") {
            ... on Tree {
              entries {
                name
              }
            }
          }
        }
      }
    `);
    const readme = (await octokit.repos.getContent({ owner, repo, path: 'README.md', mediaType: { format: 'raw' } }))
      .data as unknown as string;
    expect(answer.repository.file?.text).toBe(readme);
    const src = (await octokit.repos.getContent({ owner, repo, path: 'src' })).data as Array<{ name: string }>;
    expect(answer.repository.folder?.entries.map((entry) => entry.name)).toEqual(src.map((entry) => entry.name));
  });
  it('walks a branch’s history from its tip (first, path, since), and reads a commit’s tree', async () => {
    const listed = (await octokit.repos.listCommits({ owner, repo, sha: 'main' })).data;
    const byPath = (await octokit.repos.listCommits({ owner, repo, sha: 'main', path: 'README.md' })).data;
    type History = { nodes: Array<{ oid: string; messageHeadline: string }>; totalCount: number };
    type Answer = {
      repository: {
        ref: {
          target: {
            all: History;
            readme: History;
            future: History;
            tree: { entries: Array<{ name: string }> };
          };
        };
      };
    };
    const answer = await graphql<Answer>(`
      {
        repository(owner: "acme", name: "widgets") {
          ref(qualifiedName: "refs/heads/main") {
            target {
              ... on Commit {
                all: history(first: 100) {
                  totalCount
                  nodes {
                    oid
                    messageHeadline
                  }
                }
                readme: history(first: 100, path: "README.md") {
                  totalCount
                  nodes {
                    oid
                    messageHeadline
                  }
                }
                future: history(first: 5, since: "2999-01-01T00:00:00Z") {
                  totalCount
                  nodes {
                    oid
                  }
                }
                tree {
                  entries {
                    name
                  }
                }
              }
            }
          }
        }
      }
    `);
    const target = answer.repository.ref.target;
    expect(target.all.nodes.map((node) => node.oid)).toEqual(listed.map((commit) => commit.sha));
    expect(target.all.totalCount).toBe(listed.length);
    expect(target.all.nodes[0]!.messageHeadline).toBe(listed[0]!.commit.message.split('\n')[0]);
    expect(target.readme.nodes.map((node) => node.oid)).toEqual(byPath.map((commit) => commit.sha));
    expect(target.future).toEqual({ totalCount: 0, nodes: [] });
    const root = (await octokit.repos.getContent({ owner, repo, path: '' })).data as Array<{ name: string }>;
    expect(target.tree.entries.map((entry) => entry.name)).toEqual(root.map((entry) => entry.name));
  });

  it('closedByPullRequestsReferences lists the pull requests that will close an issue, the closed ones on request', async () => {
    const issue = (await octokit.issues.create({ owner, repo, title: 'Linked from a PR' })).data;
    await branchWithCommit('fix/linked-open', 'docs/linked-open.md', 'x\n');
    await branchWithCommit('fix/linked-closed', 'docs/linked-closed.md', 'y\n');
    const open = (
      await octokit.pulls.create({
        owner,
        repo,
        title: 'Open fix',
        head: 'fix/linked-open',
        base: 'main',
        body: `Fixes #${issue.number}`,
      })
    ).data;
    const closed = (
      await octokit.pulls.create({
        owner,
        repo,
        title: 'Abandoned fix',
        head: 'fix/linked-closed',
        base: 'main',
        body: `Closes #${issue.number}`,
      })
    ).data;
    await octokit.pulls.update({ owner, repo, pull_number: closed.number, state: 'closed' });
    type Linked = {
      repository: {
        issue: {
          open: { nodes: Array<{ number: number }> };
          all: { totalCount: number; nodes: Array<{ number: number }> };
        };
      };
    };
    const answer = await graphql<Linked>(
      `
        query ($number: Int!) {
          repository(owner: "acme", name: "widgets") {
            issue(number: $number) {
              open: closedByPullRequestsReferences(first: 10) {
                nodes {
                  number
                }
              }
              all: closedByPullRequestsReferences(first: 10, includeClosedPrs: true) {
                totalCount
                nodes {
                  number
                }
              }
            }
          }
        }
      `,
      { number: issue.number },
    );
    expect(answer.repository.issue.open.nodes).toEqual([{ number: open.number }]);
    expect(answer.repository.issue.all.nodes.map((node) => node.number).sort()).toEqual(
      [open.number, closed.number].sort(),
    );
  });

  it('timelineItems lists an issue’s events, comments and the pull requests that reference it, filtered by itemTypes', async () => {
    const issue = (await octokit.issues.create({ owner, repo, title: 'Timeline' })).data;
    await octokit.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ['bug'] });
    await octokit.issues.createComment({ owner, repo, issue_number: issue.number, body: 'Looking into it' });
    await branchWithCommit('fix/timeline', 'docs/timeline.md', 'z\n');
    const pull = (
      await octokit.pulls.create({
        owner,
        repo,
        title: 'Timeline fix',
        head: 'fix/timeline',
        base: 'main',
        body: `Fixes #${issue.number}`,
      })
    ).data;
    const mention = (await octokit.issues.create({ owner, repo, title: 'Related', body: `See #${issue.number}` })).data;
    await octokit.issues.update({
      owner,
      repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    type Timeline = {
      repository: {
        issue: {
          all: { totalCount: number; nodes: Array<Record<string, unknown> & { __typename: string }> };
          refs: { nodes: Array<{ willCloseTarget: boolean; source: { number: number } }> };
        };
      };
    };
    const answer = await graphql<Timeline>(
      `
        query ($number: Int!) {
          repository(owner: "acme", name: "widgets") {
            issue(number: $number) {
              all: timelineItems(first: 20) {
                totalCount
                nodes {
                  __typename
                  ... on LabeledEvent {
                    label {
                      name
                    }
                    actor {
                      login
                    }
                  }
                  ... on IssueComment {
                    body
                  }
                  ... on ClosedEvent {
                    stateReason
                  }
                  ... on CrossReferencedEvent {
                    willCloseTarget
                    source {
                      ... on PullRequest {
                        number
                      }
                      ... on Issue {
                        number
                      }
                    }
                  }
                }
              }
              refs: timelineItems(first: 20, itemTypes: [CROSS_REFERENCED_EVENT]) {
                nodes {
                  ... on CrossReferencedEvent {
                    willCloseTarget
                    source {
                      ... on PullRequest {
                        number
                      }
                      ... on Issue {
                        number
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { number: issue.number },
    );
    const all = answer.repository.issue.all.nodes;
    expect(all.map((node) => node.__typename)).toEqual([
      'LabeledEvent',
      'IssueComment',
      'CrossReferencedEvent',
      'CrossReferencedEvent',
      'ClosedEvent',
    ]);
    expect(all[0]).toMatchObject({ label: { name: 'bug' }, actor: { login: 'octocat' } });
    expect(all[1]).toMatchObject({ body: 'Looking into it' });
    expect(all[4]).toMatchObject({ stateReason: 'NOT_PLANNED' });
    expect(answer.repository.issue.refs.nodes).toEqual([
      { willCloseTarget: true, source: { number: pull.number } },
      { willCloseTarget: false, source: { number: mention.number } },
    ]);
  });

  it('shows the reactions REST added on an issue and on its comments (reactionGroups, reactions)', async () => {
    const issue = (await octokit.issues.create({ owner, repo, title: 'Reacted' })).data;
    const comment = (await octokit.issues.createComment({ owner, repo, issue_number: issue.number, body: 'Me too' }))
      .data;
    await octokit.reactions.createForIssue({ owner, repo, issue_number: issue.number, content: '+1' });
    await octokit.reactions.createForIssue({ owner, repo, issue_number: issue.number, content: 'heart' });
    await octokit.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content: 'rocket' });
    type Group = { content: string; users: { totalCount: number } };
    type Reacted = {
      repository: {
        issue: {
          reactions: { totalCount: number; nodes: Array<{ content: string; user: { login: string } }> };
          hearts: { totalCount: number };
          comments: { nodes: Array<{ reactionGroups: Group[] }> };
        };
      };
    };
    const answer = await graphql<Reacted>(
      `
        query ($number: Int!) {
          repository(owner: "acme", name: "widgets") {
            issue(number: $number) {
              reactions(first: 10) {
                totalCount
                nodes {
                  content
                  user {
                    login
                  }
                }
              }
              hearts: reactions(content: HEART) {
                totalCount
              }
              comments(first: 5) {
                nodes {
                  reactionGroups {
                    content
                    users {
                      totalCount
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { number: issue.number },
    );
    const { reactions, hearts, comments } = answer.repository.issue;
    expect(reactions.nodes).toEqual([
      { content: 'THUMBS_UP', user: { login: 'octocat' } },
      { content: 'HEART', user: { login: 'octocat' } },
    ]);
    expect(hearts.totalCount).toBe(1);
    const groups = comments.nodes[0]!.reactionGroups.filter((group) => group.users.totalCount > 0);
    expect(groups).toEqual([{ content: 'ROCKET', users: { totalCount: 1 } }]);
  });
});

describe('GraphQL review threads', () => {
  it('addPullRequestReview keeps its threads (and the older comments) as inline review comments REST lists', async () => {
    const sha = await branchWithCommit('fix/threads', 'docs/threads.md', 'one\ntwo\nthree\n');
    const pull = (await octokit.pulls.create({ owner, repo, title: 'Threads', head: 'fix/threads', base: 'main' }))
      .data;
    const id = (
      await graphql<{ repository: { pullRequest: { id: string } } }>(
        `
          query ($number: Int!) {
            repository(owner: "acme", name: "widgets") {
              pullRequest(number: $number) {
                id
              }
            }
          }
        `,
        { number: pull.number },
      )
    ).repository.pullRequest.id;
    type Review = { addPullRequestReview: { pullRequestReview: { comments: { nodes: Array<{ body: string }> } } } };
    const answer = await graphql<Review>(
      `
        mutation ($id: ID!) {
          addPullRequestReview(
            input: {
              pullRequestId: $id
              event: COMMENT
              body: "Two notes"
              threads: [
                { path: "docs/threads.md", line: 2, body: "On line two" }
                { path: "docs/threads.md", startLine: 1, line: 3, side: RIGHT, body: "On lines one to three" }
              ]
              comments: [{ path: "docs/threads.md", position: 1, body: "By position" }]
            }
          ) {
            pullRequestReview {
              comments(first: 10) {
                nodes {
                  body
                }
              }
            }
          }
        }
      `,
      { id },
    );
    expect(answer.addPullRequestReview.pullRequestReview.comments.nodes.map((node) => node.body).sort()).toEqual([
      'By position',
      'On line two',
      'On lines one to three',
    ]);
    const rest = (await octokit.pulls.listReviewComments({ owner, repo, pull_number: pull.number })).data;
    expect(rest.map((comment) => [comment.body, comment.path, comment.commit_id]).sort()).toEqual([
      ['By position', 'docs/threads.md', sha],
      ['On line two', 'docs/threads.md', sha],
      ['On lines one to three', 'docs/threads.md', sha],
    ]);
    expect(rest.find((comment) => comment.body === 'On lines one to three')).toMatchObject({ start_line: 1, line: 3 });
  });

  it('reviewThreads groups a pull request’s review comments with their replies, as agents read the feedback to address', async () => {
    await branchWithCommit('fix/read-threads', 'docs/read-threads.md', 'alpha\nbeta\n');
    const pull = (
      await octokit.pulls.create({ owner, repo, title: 'Read threads', head: 'fix/read-threads', base: 'main' })
    ).data;
    await octokit.pulls.createReview({
      owner,
      repo,
      pull_number: pull.number,
      event: 'COMMENT',
      body: 'Two notes',
      comments: [
        { path: 'docs/read-threads.md', line: 1, body: 'Rename alpha' },
        { path: 'docs/read-threads.md', line: 2, body: 'And beta' },
      ],
    });
    const comments = (await octokit.pulls.listReviewComments({ owner, repo, pull_number: pull.number })).data;
    const first = comments.find((comment) => comment.body === 'Rename alpha')!;
    await octokit.pulls.createReplyForReviewComment({
      owner,
      repo,
      pull_number: pull.number,
      comment_id: first.id,
      body: 'Done',
    });
    type Threads = {
      repository: {
        pullRequest: {
          reviewThreads: {
            totalCount: number;
            nodes: Array<{
              id: string;
              isResolved: boolean;
              isOutdated: boolean;
              path: string;
              line: number;
              diffSide: string;
              comments: {
                totalCount: number;
                nodes: Array<{
                  databaseId: number;
                  body: string;
                  author: { login: string };
                  url: string;
                  diffHunk: string;
                }>;
              };
            }>;
          };
        };
      };
    };
    const answer = await graphql<Threads>(
      `
        query ($number: Int!) {
          repository(owner: "acme", name: "widgets") {
            pullRequest(number: $number) {
              reviewThreads(first: 10) {
                totalCount
                nodes {
                  id
                  isResolved
                  isOutdated
                  path
                  line
                  diffSide
                  comments(first: 10) {
                    totalCount
                    nodes {
                      databaseId
                      body
                      author {
                        login
                      }
                      url
                      diffHunk
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { number: pull.number },
    );
    const threads = answer.repository.pullRequest.reviewThreads;
    expect(threads.totalCount).toBe(2);
    expect(
      threads.nodes.map((thread) => [thread.path, thread.line, thread.diffSide, thread.isResolved, thread.isOutdated]),
    ).toEqual([
      ['docs/read-threads.md', 1, 'RIGHT', false, false],
      ['docs/read-threads.md', 2, 'RIGHT', false, false],
    ]);
    expect(threads.nodes[0]!.comments.nodes.map((comment) => [comment.body, comment.author.login])).toEqual([
      ['Rename alpha', 'octocat'],
      ['Done', 'octocat'],
    ]);
    expect(threads.nodes[0]!.comments.nodes[0]).toMatchObject({
      databaseId: first.id,
      url: first.html_url,
      diffHunk: first.diff_hunk,
    });
    expect(new Set(threads.nodes.map((thread) => thread.id)).size).toBe(2);
  });

  it('resolveReviewThread and unresolveReviewThread mark a thread as reviewThreads then shows it; a reader may not', async () => {
    await branchWithCommit('fix/resolve-threads', 'docs/resolve.md', 'alpha\n');
    const pull = (
      await octokit.pulls.create({ owner, repo, title: 'Resolve', head: 'fix/resolve-threads', base: 'main' })
    ).data;
    await octokit.pulls.createReview({
      owner,
      repo,
      pull_number: pull.number,
      event: 'COMMENT',
      comments: [{ path: 'docs/resolve.md', line: 1, body: 'Please rename' }],
    });
    type Threads = {
      repository: {
        pullRequest: {
          reviewThreads: {
            nodes: Array<{
              id: string;
              isResolved: boolean;
              resolvedBy: { login: string } | null;
              viewerCanResolve: boolean;
              viewerCanUnresolve: boolean;
            }>;
          };
        };
      };
    };
    const read = async (client = graphql) =>
      (
        await client<Threads>(
          `query ($number: Int!) {
            repository(owner: "acme", name: "widgets") {
              pullRequest(number: $number) {
                reviewThreads(first: 5) { nodes { id isResolved resolvedBy { login } viewerCanResolve viewerCanUnresolve } }
              }
            }
          }`,
          { number: pull.number },
        )
      ).repository.pullRequest.reviewThreads.nodes;
    const [thread] = await read();
    expect(thread).toMatchObject({
      isResolved: false,
      resolvedBy: null,
      viewerCanResolve: true,
      viewerCanUnresolve: false,
    });

    // bob only reads the repository and did not open the pull request.
    const bob = octokitGraphql.defaults({ baseUrl: clone.apiUrl, headers: { authorization: `token ${TOKENS.bob}` } });
    const resolve = `mutation ($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }`;
    await expect(bob(resolve, { id: thread!.id })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'FORBIDDEN' })],
    });
    expect((await read())[0]!.isResolved).toBe(false);

    const resolved = await graphql<{ resolveReviewThread: { thread: { id: string; isResolved: boolean } } }>(resolve, {
      id: thread!.id,
    });
    expect(resolved.resolveReviewThread.thread).toEqual({ id: thread!.id, isResolved: true });
    expect((await read())[0]).toMatchObject({
      isResolved: true,
      resolvedBy: { login: 'octocat' },
      viewerCanResolve: false,
      viewerCanUnresolve: true,
    });

    await graphql(
      `
        mutation ($id: ID!) {
          unresolveReviewThread(input: { threadId: $id }) {
            thread {
              isResolved
            }
          }
        }
      `,
      {
        id: thread!.id,
      },
    );
    expect((await read())[0]).toMatchObject({ isResolved: false, resolvedBy: null });
    await expect(graphql(resolve, { id: 'not-a-thread' })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'NOT_FOUND' })],
    });
  });

  it('addPullRequestReviewThread adds threads to the viewer’s pending review, which submitPullRequestReview then publishes', async () => {
    await branchWithCommit('fix/pending-threads', 'docs/pending.md', 'one\ntwo\n');
    const pull = (
      await octokit.pulls.create({ owner, repo, title: 'Pending threads', head: 'fix/pending-threads', base: 'main' })
    ).data;
    const { id } = (
      await graphql<{ repository: { pullRequest: { id: string } } }>(
        `
          query ($number: Int!) {
            repository(owner: "acme", name: "widgets") {
              pullRequest(number: $number) {
                id
              }
            }
          }
        `,
        { number: pull.number },
      )
    ).repository.pullRequest;
    type Pending = { addPullRequestReview: { pullRequestReview: { id: string; state: string } } };
    const review = (
      await graphql<Pending>(
        `
          mutation ($id: ID!) {
            addPullRequestReview(input: { pullRequestId: $id }) {
              pullRequestReview {
                id
                state
              }
            }
          }
        `,
        { id },
      )
    ).addPullRequestReview.pullRequestReview;
    expect(review.state).toBe('PENDING');
    type Thread = {
      addPullRequestReviewThread: {
        thread: {
          path: string;
          line: number | null;
          subjectType: string;
          comments: { nodes: Array<{ body: string }> };
        };
      };
    };
    const add = (input: string) =>
      graphql<Thread>(
        `mutation ($review: ID!) { addPullRequestReviewThread(input: { pullRequestReviewId: $review, ${input} }) {
          thread { path line subjectType comments(first: 5) { nodes { body } } } } }`,
        { review: review.id },
      );
    const onLine = (await add('path: "docs/pending.md", line: 2, side: RIGHT, body: "Second line"'))
      .addPullRequestReviewThread.thread;
    expect(onLine).toEqual({
      path: 'docs/pending.md',
      line: 2,
      subjectType: 'LINE',
      comments: { nodes: [{ body: 'Second line' }] },
    });
    const onFile = (await add('path: "docs/pending.md", subjectType: FILE, body: "Whole file"'))
      .addPullRequestReviewThread.thread;
    expect(onFile).toMatchObject({ line: null, subjectType: 'FILE' });
    // Pending: bob sees none of it yet.
    const asBob = octokitFor(clone, TOKENS.bob);
    expect((await asBob.pulls.listReviewComments({ owner, repo, pull_number: pull.number })).data).toEqual([]);
    await graphql(
      `
        mutation ($review: ID!) {
          submitPullRequestReview(input: { pullRequestReviewId: $review, event: COMMENT, body: "Notes" }) {
            pullRequestReview {
              state
            }
          }
        }
      `,
      { review: review.id },
    );
    expect(
      (await asBob.pulls.listReviewComments({ owner, repo, pull_number: pull.number })).data
        .map((comment) => comment.body)
        .sort(),
    ).toEqual(['Second line', 'Whole file']);
  });
});

describe('GraphQL commits without a clone', () => {
  it('createRef makes a branch, createCommitOnBranch commits additions and deletions to it, and refuses a stale head', async () => {
    type Ids = { repository: { id: string; ref: { target: { oid: string } } } };
    const ids = await graphql<Ids>(`
      {
        repository(owner: "acme", name: "widgets") {
          id
          ref(qualifiedName: "refs/heads/main") {
            target {
              oid
            }
          }
        }
      }
    `);
    const main = ids.repository.ref.target.oid;
    type Created = { createRef: { ref: { name: string; target: { oid: string } } } };
    const created = await graphql<Created>(
      `
        mutation ($repositoryId: ID!, $oid: GitObjectID!) {
          createRef(input: { repositoryId: $repositoryId, name: "refs/heads/gql-commit", oid: $oid }) {
            ref {
              name
              target {
                oid
              }
            }
          }
        }
      `,
      { repositoryId: ids.repository.id, oid: main },
    );
    expect(created.createRef.ref).toEqual({ name: 'gql-commit', target: { oid: main } });

    const commitOnBranch = `mutation ($expected: GitObjectID!) {
      createCommitOnBranch(input: {
        branch: { repositoryNameWithOwner: "acme/widgets", branchName: "gql-commit" },
        expectedHeadOid: $expected,
        message: { headline: "Fix the crash", body: "Closes #1" },
        fileChanges: {
          additions: [{ path: "src/fixed.js", contents: "${Buffer.from('export const fixed = true;\n').toString('base64')}" }],
          deletions: [{ path: "README.md" }]
        }
      }) { commit { oid message parents(first: 1) { nodes { oid } } } ref { name } }
    }`;
    type Committed = {
      createCommitOnBranch: {
        commit: { oid: string; message: string; parents: { nodes: Array<{ oid: string }> } };
        ref: { name: string };
      };
    };
    const committed = (await graphql<Committed>(commitOnBranch, { expected: main })).createCommitOnBranch;
    expect(committed.commit.message).toBe('Fix the crash\n\nCloses #1');
    expect(committed.commit.parents.nodes).toEqual([{ oid: main }]);
    expect(committed.ref.name).toBe('gql-commit');
    const branch = (await octokit.repos.getBranch({ owner, repo, branch: 'gql-commit' })).data;
    expect(branch.commit.sha).toBe(committed.commit.oid);
    const file = (
      await octokit.repos.getContent({
        owner,
        repo,
        path: 'src/fixed.js',
        ref: 'gql-commit',
        mediaType: { format: 'raw' },
      })
    ).data as unknown as string;
    expect(file).toBe('export const fixed = true;\n');
    await expect(octokit.repos.getContent({ owner, repo, path: 'README.md', ref: 'gql-commit' })).rejects.toMatchObject(
      {
        status: 404,
      },
    );

    // The same expected head again is stale now: nothing is committed.
    await expect(graphql(commitOnBranch, { expected: main })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'STALE_DATA' })],
    });
    expect((await octokit.repos.getBranch({ owner, repo, branch: 'gql-commit' })).data.commit.sha).toBe(
      committed.commit.oid,
    );
  });
});
