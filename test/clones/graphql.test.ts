import { beforeAll, describe, expect, it } from '@jest/globals';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { GRAPHQL_MUTATIONS, GRAPHQL_QUERY_FIELDS } from '../../src/clones/github/graphql/coverage.js';
import { MUTATION_NAMES } from '../../src/clones/github/graphql/mutations.js';
import { startClone, TOKENS } from './support/clone.js';

/** GraphQL over GitHub's schema: shapes, ids, pagination and errors as GitHub answers them. */
let clone: GitHubClone;

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
});

async function graphql(query: string, variables?: Record<string, unknown>, token: string | null = clone.token) {
  const res = await fetch(`${clone.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are read by shape in each test
  type Answer = { data?: any; errors?: any[]; message?: string };
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('queries', () => {
  it('reads a repository’s issues with cursors, and the same ids REST gives', async () => {
    const first = await graphql(`
      query ($after: String) {
        repository(owner: "acme", name: "widgets") {
          issues(first: 1, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              number
              title
              labels(first: 5) {
                nodes {
                  name
                }
              }
            }
          }
        }
      }
    `);
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data.repository.issues;
    expect(page.totalCount).toBe(clone.handle.state().issues.length);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(
      `
        query ($after: String) {
          repository(owner: "acme", name: "widgets") {
            issues(first: 1, after: $after) {
              nodes {
                number
              }
            }
          }
        }
      `,
      { after: page.pageInfo.endCursor },
    );
    expect(second.body.data.repository.issues.nodes[0].number).not.toBe(page.nodes[0].number);

    const rest = (await (
      await fetch(`${clone.apiUrl}/repos/acme/widgets/issues/${page.nodes[0].number}`, {
        headers: { authorization: `token ${clone.token}` },
      })
    ).json()) as { node_id: string };
    expect(page.nodes[0].id).toBe(rest.node_id);
    const node = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            __typename
            ... on Issue {
              number
            }
          }
        }
      `,
      {
        id: rest.node_id,
      },
    );
    expect(node.body.data.node).toEqual({ __typename: 'Issue', number: page.nodes[0].number });
  });

  it('answers an id it cannot resolve with null and GitHub’s NOT_FOUND error, at its index in nodes', async () => {
    const known = await graphql('{ repository(owner: "acme", name: "widgets") { issue(number: 1) { id } } }');
    const issueId = known.body.data.repository.issue.id as string;
    const single = await graphql('{ node(id: "bogus") { id } }');
    expect(single.body.data).toEqual({ node: null });
    expect(single.body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['node'],
        locations: [{ line: 1, column: 3 }],
        message: "Could not resolve to a node with the global id of 'bogus'",
      },
    ]);
    const many = await graphql(
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            id
          }
        }
      `,
      { ids: [issueId, 'bogus'] },
    );
    expect(many.body.data).toEqual({ nodes: [{ id: issueId }, null] });
    expect(many.body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['nodes', 1],
        locations: [{ line: 3, column: 11 }],
        message: "Could not resolve to a node with the global id of 'bogus'",
      },
    ]);
  });

  it('lists as assignable exactly the users REST’s /assignees lists (triage or more); mentionable has readers too', async () => {
    const { body } = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          assignableUsers(first: 100) {
            totalCount
            nodes {
              login
            }
          }
          mentionableUsers(first: 100) {
            nodes {
              login
            }
          }
        }
      }
    `);
    const rest = await fetch(`${clone.apiUrl}/repos/acme/widgets/assignees`, {
      headers: { authorization: `token ${clone.token}` },
    });
    const assignees = ((await rest.json()) as Array<{ login: string }>).map((user) => user.login).sort();
    const assignable = (body.data.repository.assignableUsers.nodes as Array<{ login: string }>).map((u) => u.login);
    const mentionable = (body.data.repository.mentionableUsers.nodes as Array<{ login: string }>).map((u) => u.login);
    // bob is a read collaborator in the seed: mentionable, not assignable.
    expect(assignees).not.toContain('bob');
    expect(assignable.sort()).toEqual(assignees);
    expect(body.data.repository.assignableUsers.totalCount).toBe(assignees.length);
    expect(mentionable).toContain('bob');
  });

  it('answers GitHub’s NOT_FOUND shape for a repository it cannot resolve', async () => {
    const { status, body } = await graphql(`
      {
        repository(owner: "acme", name: "nope") {
          id
        }
      }
    `);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [expect.objectContaining({ line: expect.any(Number) })],
          message: "Could not resolve to a Repository with the name 'acme/nope'.",
        },
      ],
    });
  });

  it('refuses fields GitHub does not have, and needs credentials', async () => {
    const invalid = await graphql(`
      {
        viewer {
          nosuchfield
        }
      }
    `);
    expect(invalid.body.errors?.[0].message).toBe("Field 'nosuchfield' doesn't exist on type 'User'");
    const anonymous = await graphql(
      `
        {
          viewer {
            login
          }
        }
      `,
      undefined,
      null,
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('This endpoint requires you to be authenticated.');
  });

  it('answers fields of GitHub’s schema the clone lacks with an error, logged as not implemented', async () => {
    clone.handle.clearRequests();
    const { body } = await graphql(`
      {
        viewer {
          login
          sponsorsListing {
            id
          }
        }
      }
    `);
    expect(body.data).toEqual({ viewer: { login: 'octocat', sponsorsListing: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({ type: 'NOT_IMPLEMENTED', path: ['viewer', 'sponsorsListing'] }),
    ]);
    expect(clone.handle.requests({ notImplemented: true })).toEqual([
      expect.objectContaining({ kind: 'graphql', path: '/graphql', operationId: 'graphql:User.sponsorsListing' }),
    ]);
  });

  it('answers fields it lacks with an error logged as not implemented, not an empty list', async () => {
    clone.handle.clearRequests();
    const { body } = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          issue(number: 1) {
            hovercard {
              contexts {
                message
              }
            }
          }
          deployments(first: 5) {
            totalCount
          }
        }
      }
    `);
    expect(body.errors).toEqual([
      expect.objectContaining({ type: 'NOT_IMPLEMENTED', path: ['repository', 'issue', 'hovercard'] }),
      expect.objectContaining({ type: 'NOT_IMPLEMENTED', path: ['repository', 'deployments'] }),
    ]);
    expect(clone.handle.requests({ notImplemented: true })).toEqual([
      expect.objectContaining({
        kind: 'graphql',
        operationId: 'graphql:Issue.hovercard,Repository.deployments',
      }),
    ]);
  });

  it('lists the repository’s releases and its latest release as REST does (drafts only for pushers)', async () => {
    const create = async (release: Record<string, unknown>) => {
      const res = await fetch(`${clone.apiUrl}/repos/acme/widgets/releases`, {
        method: 'POST',
        headers: { authorization: `token ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(release),
      });
      expect(res.status).toBe(201);
    };
    await create({ tag_name: 'v1.0.0', name: 'One', body: 'First <release>' });
    await create({ tag_name: 'v1.1.0-rc.1', name: 'One point one RC', prerelease: true });
    await create({ tag_name: 'v2.0.0', name: 'Two', draft: true });
    const query = `
      {
        repository(owner: "acme", name: "widgets") {
          latestRelease {
            tagName
          }
          releases(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {
            totalCount
            nodes {
              name
              tagName
              isDraft
              isLatest
              isPrerelease
              createdAt
              publishedAt
              descriptionHTML
              url
              author {
                login
              }
              tag {
                name
              }
              tagCommit {
                oid
              }
            }
          }
        }
      }
    `;
    const { body } = await graphql(query);
    expect(body.errors).toBeUndefined();
    const { latestRelease, releases } = body.data.repository;
    expect(latestRelease).toEqual({ tagName: 'v1.0.0' });
    expect(releases.totalCount).toBe(3);
    const main = clone.handle.state().repos.find((repo) => repo.full_name === 'acme/widgets')!.branches;
    const head = main.find((branch) => branch.name === 'main')!.sha;
    expect(releases.nodes).toEqual([
      expect.objectContaining({ tagName: 'v2.0.0', isDraft: true, isLatest: false, publishedAt: null, tag: null }),
      expect.objectContaining({ tagName: 'v1.1.0-rc.1', isPrerelease: true, isLatest: false }),
      expect.objectContaining({
        name: 'One',
        tagName: 'v1.0.0',
        isDraft: false,
        isLatest: true,
        isPrerelease: false,
        descriptionHTML: 'First &lt;release&gt;',
        url: `${clone.apiUrl}/acme/widgets/releases/tag/v1.0.0`,
        author: { login: 'octocat' },
        tag: { name: 'v1.0.0' },
        tagCommit: { oid: head },
      }),
    ]);
    // The same list REST gives; a reader (bob) sees no draft.
    const rest = await fetch(`${clone.apiUrl}/repos/acme/widgets/releases`, {
      headers: { authorization: `token ${clone.token}` },
    });
    const listed = ((await rest.json()) as Array<{ tag_name: string }>).map((release) => release.tag_name);
    expect(releases.nodes.map((release: { tagName: string }) => release.tagName)).toEqual(listed);
    const asBob = await graphql(query, undefined, TOKENS.bob);
    expect(asBob.body.data.repository.releases.nodes.map((release: { tagName: string }) => release.tagName)).toEqual([
      'v1.1.0-rc.1',
      'v1.0.0',
    ]);
  });

  it('lists the repository’s environments, filtered by name, with their protection rules and the ids REST gives', async () => {
    const put = (name: string, body: unknown) =>
      fetch(`${clone.apiUrl}/repos/acme/widgets/environments/${name}`, {
        method: 'PUT',
        headers: { authorization: `token ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id: number; node_id: string } }));
    const bob = (await (
      await fetch(`${clone.apiUrl}/users/bob`, { headers: { authorization: `token ${clone.token}` } })
    ).json()) as { id: number };
    const staging = await put('staging', {});
    const production = await put('production', {
      wait_timer: 15,
      reviewers: [{ type: 'User', id: bob.id }],
      deployment_branch_policy: { protected_branches: true, custom_branch_policies: false },
    });
    expect([staging.status, production.status]).toEqual([200, 200]);
    const query = `
      query ($names: [String!]) {
        repository(owner: "acme", name: "widgets") {
          environments(first: 10, names: $names) {
            totalCount
            nodes {
              id
              databaseId
              name
              protectionRules(first: 5) {
                totalCount
                nodes {
                  type
                  timeout
                  reviewers(first: 5) {
                    nodes {
                      __typename
                      ... on User {
                        login
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `;
    const all = await graphql(query);
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.repository.environments).toEqual({
      totalCount: 2,
      nodes: [
        {
          id: production.body.node_id,
          databaseId: production.body.id,
          name: 'production',
          protectionRules: {
            totalCount: 3,
            nodes: [
              { type: 'WAIT_TIMER', timeout: 15, reviewers: { nodes: [] } },
              { type: 'REQUIRED_REVIEWERS', timeout: 0, reviewers: { nodes: [{ __typename: 'User', login: 'bob' }] } },
              { type: 'BRANCH_POLICY', timeout: 0, reviewers: { nodes: [] } },
            ],
          },
        },
        {
          id: staging.body.node_id,
          databaseId: staging.body.id,
          name: 'staging',
          protectionRules: { totalCount: 0, nodes: [] },
        },
      ],
    });
    const named = await graphql(query, { names: ['Staging'] });
    expect(named.body.data.repository.environments.nodes.map((node: { name: string }) => node.name)).toEqual([
      'staging',
    ]);
  });

  it('names the issues a pull request closes with keywords, when it targets the default branch', async () => {
    const { body } = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          pullRequests(first: 10, orderBy: { field: CREATED_AT, direction: ASC }) {
            nodes {
              headRefName
              closingIssuesReferences(first: 10) {
                totalCount
                nodes {
                  number
                  title
                }
              }
            }
          }
        }
      }
    `);
    expect(body.errors).toBeUndefined();
    const byHead = Object.fromEntries(
      body.data.repository.pullRequests.nodes.map((pull: { headRefName: string; closingIssuesReferences: unknown }) => [
        pull.headRefName,
        pull.closingIssuesReferences,
      ]),
    );
    // The seed's color pull request says `Closes #2`; the README fix names no issue.
    expect(byHead['feature/color']).toEqual({ totalCount: 1, nodes: [{ number: 2, title: 'Add dark mode support' }] });
    expect(byHead['fix/readme-typo']).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('mutations', () => {
  it('create an issue and comment on it through the REST path (state, events, journal)', async () => {
    const repo = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          id
          labels(first: 10) {
            nodes {
              id
              name
            }
          }
        }
      }
    `);
    const bug = repo.body.data.repository.labels.nodes.find((label: { name: string }) => label.name === 'bug');
    const created = await graphql(
      `
        mutation ($input: CreateIssueInput!) {
          createIssue(input: $input) {
            clientMutationId
            issue {
              id
              number
              title
              labels(first: 5) {
                nodes {
                  name
                }
              }
            }
          }
        }
      `,
      {
        input: {
          repositoryId: repo.body.data.repository.id,
          title: 'From GraphQL',
          labelIds: [bug.id],
          clientMutationId: 'm1',
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const issue = created.body.data.createIssue.issue;
    expect(created.body.data.createIssue.clientMutationId).toBe('m1');
    expect(issue.labels.nodes).toEqual([{ name: 'bug' }]);
    const commented = await graphql(
      `mutation { addComment(input: {subjectId: "${issue.id}", body: "hello"}) { commentEdge { node { body author { login } } } } }`,
    );
    expect(commented.body.data.addComment.commentEdge.node).toEqual({ body: 'hello', author: { login: 'octocat' } });
    const log = clone.handle.requests().at(-1)!;
    expect(log).toMatchObject({ kind: 'graphql', operationId: 'graphql/mutation addComment', status: 200 });
    expect(log.changes).toEqual(expect.arrayContaining([expect.objectContaining({ op: 'created', kind: 'comment' })]));
    const closed = await graphql(
      `mutation { closeIssue(input: {issueId: "${issue.id}"}) { issue { state stateReason } } }`,
    );
    expect(closed.body.data.closeIssue.issue).toEqual({ state: 'CLOSED', stateReason: 'COMPLETED' });
  });

  it('turns the REST path’s refusals into GitHub’s error shape', async () => {
    const { body } = await graphql(`
      mutation {
        createIssue(input: { repositoryId: "MDEwOlJlcG9zaXRvcnk5OTk5", title: "x" }) {
          issue {
            id
          }
        }
      }
    `);
    expect(body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['createIssue'] });
  });
});

describe('reaction mutations', () => {
  it('addReaction and removeReaction react on issues, pull requests and comments, as REST lists them', async () => {
    const ids = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          issue(number: 1) {
            id
            comments(first: 1) {
              nodes {
                id
                databaseId
              }
            }
          }
          pullRequest(number: 4) {
            id
          }
        }
      }
    `);
    expect(ids.body.errors).toBeUndefined();
    const issue = ids.body.data.repository.issue;
    const comment = issue.comments.nodes[0];
    const react = (subjectId: string, content: string, token?: string) =>
      graphql(
        `
          mutation ($subjectId: ID!, $content: ReactionContent!) {
            addReaction(input: { subjectId: $subjectId, content: $content, clientMutationId: "r1" }) {
              clientMutationId
              reaction {
                content
                user {
                  login
                }
              }
              subject {
                id
                ... on Issue {
                  number
                }
              }
              reactionGroups {
                content
                viewerHasReacted
                reactors {
                  totalCount
                }
              }
            }
          }
        `,
        { subjectId, content },
        token,
      );

    const added = await react(issue.id, 'EYES');
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data.addReaction).toMatchObject({
      clientMutationId: 'r1',
      reaction: { content: 'EYES', user: { login: 'octocat' } },
      subject: { id: issue.id, number: 1 },
    });
    expect(
      added.body.data.addReaction.reactionGroups.find((group: { content: string }) => group.content === 'EYES'),
    ).toEqual({ content: 'EYES', viewerHasReacted: true, reactors: { totalCount: 1 } });
    // Reacting again with the same content adds nothing, as on GitHub.
    expect((await react(issue.id, 'EYES')).body.errors).toBeUndefined();
    const onIssue = await fetch(`${clone.apiUrl}/repos/acme/widgets/issues/1/reactions`, {
      headers: { authorization: `token ${clone.token}` },
    });
    const eyes = (list: unknown) => (list as Array<{ content: string }>).filter((r) => r.content === 'eyes');
    expect(eyes(await onIssue.json())).toHaveLength(1);

    // Another user's reaction on a comment, and the viewer's on a pull request.
    expect((await react(comment.id, 'HEART', TOKENS.alice)).body.errors).toBeUndefined();
    const onComment = await fetch(
      `${clone.apiUrl}/repos/acme/widgets/issues/comments/${comment.databaseId}/reactions`,
      {
        headers: { authorization: `token ${clone.token}` },
      },
    );
    expect(
      ((await onComment.json()) as Array<{ content: string; user: { login: string } }>).map((r) => [
        r.content,
        r.user.login,
      ]),
    ).toContainEqual(['heart', 'alice']);
    expect((await react(ids.body.data.repository.pullRequest.id, 'ROCKET')).body.errors).toBeUndefined();

    // removeReaction takes the viewer's reaction of that content away.
    const removed = await graphql(
      `
        mutation ($subjectId: ID!) {
          removeReaction(input: { subjectId: $subjectId, content: EYES }) {
            reaction {
              content
            }
            subject {
              id
            }
          }
        }
      `,
      { subjectId: issue.id },
    );
    expect(removed.body.errors).toBeUndefined();
    expect(removed.body.data.removeReaction).toEqual({ reaction: { content: 'EYES' }, subject: { id: issue.id } });
    const after = await fetch(`${clone.apiUrl}/repos/acme/widgets/issues/1/reactions`, {
      headers: { authorization: `token ${clone.token}` },
    });
    expect(eyes(await after.json())).toEqual([]);

    // A subject that does not exist: GitHub's NOT_FOUND.
    const missing = await react('MDU6SXNzdWU5OTk5OTk=', 'EYES');
    expect(missing.body.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND' })]);
  });
});

describe('organization teams', () => {
  const teamsQuery = `
    query ($after: String) {
      organization(login: "acme") {
        teams(first: 2, after: $after, orderBy: { field: NAME, direction: ASC }) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            slug
            name
            combinedSlug
            privacy
          }
        }
      }
    }
  `;

  beforeAll(async () => {
    for (const team of [
      { name: 'Zeta', privacy: 'closed' },
      { name: 'Core', privacy: 'closed' },
      { name: 'Hidden', privacy: 'secret' },
    ]) {
      const reply = await fetch(`${clone.apiUrl}/orgs/acme/teams`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(team),
      });
      expect(reply.status).toBe(201);
    }
  });

  it('pages through the teams by name with cursors and the node ids REST gives', async () => {
    const first = await graphql(teamsQuery);
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data.organization.teams;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes.map((team: { slug: string }) => team.slug)).toEqual(['core', 'hidden']);
    expect(page.nodes[1]).toMatchObject({ combinedSlug: 'acme/hidden', privacy: 'SECRET' });
    const second = await graphql(teamsQuery, { after: page.pageInfo.endCursor });
    expect(second.body.data.organization.teams.nodes.map((team: { slug: string }) => team.slug)).toEqual(['zeta']);
    expect(second.body.data.organization.teams.pageInfo.hasNextPage).toBe(false);
    const rest = await fetch(`${clone.apiUrl}/orgs/acme/teams/core`, {
      headers: { authorization: `Bearer ${clone.token}` },
    });
    expect(page.nodes[0].id).toBe(((await rest.json()) as { node_id: string }).node_id);
  });

  it('hides secret teams from members outside them and every team from outsiders', async () => {
    const asAlice = await graphql(teamsQuery, undefined, TOKENS.alice);
    expect(asAlice.body.data.organization.teams.totalCount).toBe(2);
    expect(asAlice.body.data.organization.teams.nodes.map((team: { slug: string }) => team.slug)).toEqual([
      'core',
      'zeta',
    ]);
    const asBob = await graphql(teamsQuery, undefined, TOKENS.bob);
    expect(asBob.body.data.organization.teams.totalCount).toBe(0);
  });

  it('asks teams for a review with requestReviews, lists them in reviewRequests, and refuses a team without access', async () => {
    const granted = await fetch(`${clone.apiUrl}/orgs/acme/teams/core/repos/acme/widgets`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${clone.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ permission: 'push' }),
    });
    expect(granted.status).toBe(204);
    const ids = await graphql(`
      {
        repository(owner: "acme", name: "widgets") {
          pullRequests(first: 1, states: OPEN) {
            nodes {
              id
              number
            }
          }
        }
        organization(login: "acme") {
          core: team(slug: "core") {
            id
          }
          zeta: team(slug: "zeta") {
            id
          }
        }
      }
    `);
    expect(ids.body.errors).toBeUndefined();
    const pull = ids.body.data.repository.pullRequests.nodes[0];
    const { core, zeta } = ids.body.data.organization;
    const requests = async () =>
      (
        await graphql(
          `
            query ($number: Int!) {
              repository(owner: "acme", name: "widgets") {
                pullRequest(number: $number) {
                  reviewRequests(first: 10) {
                    totalCount
                    nodes {
                      id
                      requestedReviewer {
                        __typename
                        ... on Team {
                          slug
                        }
                        ... on User {
                          login
                        }
                      }
                    }
                  }
                }
              }
            }
          `,
          { number: pull.number },
        )
      ).body.data.repository.pullRequest.reviewRequests;
    const request = (teamIds: string[], union: boolean) =>
      graphql(
        `
          mutation ($pull: ID!, $teams: [ID!], $union: Boolean) {
            requestReviews(input: { pullRequestId: $pull, teamIds: $teams, union: $union }) {
              pullRequest {
                number
              }
            }
          }
        `,
        { pull: pull.id, teams: teamIds, union },
      );
    const users = (await requests()).nodes.filter(
      (node: { requestedReviewer: { __typename: string } }) => node.requestedReviewer.__typename === 'User',
    );

    const added = await request([core.id], true);
    expect(added.body.errors).toBeUndefined();
    const after = await requests();
    expect(after.totalCount).toBe(users.length + 1);
    expect(after.nodes.at(-1).requestedReviewer).toEqual({ __typename: 'Team', slug: 'core' });
    expect(new Set(after.nodes.map((node: { id: string }) => node.id)).size).toBe(after.nodes.length);
    const snapshot = () => clone.handle.state().pullRequests.find((candidate) => candidate.number === pull.number)!;
    expect(snapshot().requested_teams).toEqual(['core']);

    // Zeta has no access to the repository: GitHub's refusal, and nothing changes.
    const before = snapshot();
    const refused = await request([zeta.id], false);
    expect(refused.body.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', path: ['requestReviews'] });
    expect(refused.body.errors?.[0].message).toMatch(/Reviews may only be requested from collaborators/);
    expect(snapshot()).toEqual(before);

    // Without union the teams given replace every pending request, the users' too.
    const replaced = await request([core.id], false);
    expect(replaced.body.errors).toBeUndefined();
    expect((await requests()).nodes.map((node: { requestedReviewer: unknown }) => node.requestedReviewer)).toEqual([
      { __typename: 'Team', slug: 'core' },
    ]);
  });
});

describe('the operations page', () => {
  it('lists exactly the mutations and query fields that are resolved', async () => {
    expect([...GRAPHQL_MUTATIONS].sort()).toEqual([...MUTATION_NAMES].sort());
    // Each listed query field resolves (an unimplemented one would answer NOT_IMPLEMENTED).
    const { body } = await graphql(`
      {
        viewer {
          login
        }
        repository(owner: "acme", name: "widgets") {
          name
        }
        user(login: "alice") {
          login
        }
        organization(login: "acme") {
          login
        }
        repositoryOwner(login: "acme") {
          login
        }
        node(id: "MDQ6VXNlcjE=") {
          id
        }
        nodes(ids: []) {
          id
        }
        search(query: "crash", type: ISSUE, first: 1) {
          issueCount
        }
        rateLimit {
          remaining
        }
      }
    `);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data).sort()).toEqual([...GRAPHQL_QUERY_FIELDS].sort());
  });
});
