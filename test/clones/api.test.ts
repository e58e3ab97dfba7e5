import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { namedSeed, octokitFor, raw, startClone, TOKENS } from './support/clone.js';

const owner = 'acme';
const repo = 'widgets';
let clone: GitHubClone;
let octocat: Octokit;
let bob: Octokit;

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project', maxBodyBytes: 64 * 1024 });
  octocat = octokitFor(clone, clone.token);
  bob = octokitFor(clone, TOKENS.bob);
});

describe('GitHub-shaped answers', () => {
  it('sends GitHub headers: request id, rate limits, media type', async () => {
    const response = await octocat.issues.get({ owner, repo, issue_number: 1 });
    expect(response.headers['x-github-request-id']).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]+:[0-9A-F]+$/);
    expect(response.headers['x-ratelimit-limit']).toBe('5000');
    expect(Number(response.headers['x-ratelimit-remaining'])).toBeLessThan(5000);
    expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    expect(response.headers['x-github-media-type']).toBe('github.v3; format=json');
  });

  it('serves the API under /api/v3 too, with URLs in that form (GitHub Enterprise, Probot)', async () => {
    const enterprise = octokitFor(clone, clone.token, '/api/v3');
    const { data } = await enterprise.issues.get({ owner, repo, issue_number: 1 });
    expect(data.url).toBe(`${clone.apiUrl}/api/v3/repos/acme/widgets/issues/1`);
    expect(data.html_url).toBe(`${clone.apiUrl}/acme/widgets/issues/1`);
  });

  it('answers unknown routes with GitHub 404 and logs them as not implemented', async () => {
    const response = await raw(clone, 'GET', '/repos/acme/widgets/traffic/views', { token: clone.token });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
    const entry = clone.handle.requests().at(-1)!;
    expect(entry).toMatchObject({
      path: '/repos/acme/widgets/traffic/views',
      status: 404,
      notImplemented: true,
      operationId: null,
    });
    const missing = await raw(clone, 'GET', '/repos/acme/widgets/issues/999', { token: clone.token });
    expect(missing.status).toBe(404);
    expect(clone.handle.requests().at(-1)).toMatchObject({ notImplemented: false, operationId: 'issues/get' });
    const implementedOnly = await raw(clone, 'GET', '/_archal/requests?not_implemented=true');
    expect((implementedOnly.json.requests as Array<{ path: string }>).map((r) => r.path)).toEqual([
      '/repos/acme/widgets/traffic/views',
    ]);
  });

  it('requires a token (401) and lets an unknown token act as the default user', async () => {
    const anonymous = await raw(clone, 'GET', '/repos/acme/widgets/issues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.message).toBe('Requires authentication');
    const unknown = octokitFor(clone, 'some-fake-token-the-agent-got');
    expect((await unknown.users.getAuthenticated()).data.login).toBe('octocat');
    expect((await bob.users.getAuthenticated()).data.login).toBe('bob');
  });

  it('rejects malformed JSON (400), wrong types (422) and oversized bodies (413) without changing state', async () => {
    const before = clone.handle.state().issues.length;
    const malformed = await raw(clone, 'POST', '/repos/acme/widgets/issues', {
      token: clone.token,
      body: '{"title": "x",',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toBe('Problems parsing JSON');
    const wrongType = await raw(clone, 'POST', '/repos/acme/widgets/issues', {
      token: clone.token,
      body: '{"title": "x", "labels": "bug"}',
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.message).toBe(`Invalid request.\n\nFor 'properties/labels', "bug" is not an array.`);
    // GitHub's schema failures carry the problems in `message` only, with no `errors[]`.
    expect(wrongType.json.errors).toBeUndefined();
    const missing = await raw(clone, 'POST', '/repos/acme/widgets/issues', {
      token: clone.token,
      body: '{"body": "no title"}',
    });
    expect(missing.status).toBe(422);
    expect(missing.json.message).toBe(`Invalid request.\n\n"title" wasn't supplied.`);
    const notObject = await raw(clone, 'POST', '/repos/acme/widgets/issues', {
      token: clone.token,
      body: '"just a string"',
    });
    expect(notObject.status).toBe(422);
    const huge = await raw(clone, 'POST', '/repos/acme/widgets/issues', {
      token: clone.token,
      body: JSON.stringify({ title: 'big', body: 'x'.repeat(100 * 1024) }),
    });
    expect(huge.status).toBe(413);
    await expect(
      octocat.issues.update({ owner, repo, issue_number: 1, assignees: ['no-such-user'], title: 'Should not apply' }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid', value: 'no-such-user' }] },
      },
    });
    expect(clone.handle.state().issues.length).toBe(before);
    expect(clone.handle.state().issues.find((i) => i.number === 1)!.title).toBe('Widget crashes when size is 0');
  });

  it('paginates with Link headers, as octokit.paginate follows them', async () => {
    const backlog = await startClone({ seed: 'large-backlog' });
    const api = octokitFor(backlog, backlog.token);
    const first = await api.issues.listForRepo({ owner, repo: 'platform', state: 'all', per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('page=13>; rel="last"');
    const all = await api.paginate(api.issues.listForRepo, { owner, repo: 'platform', state: 'all', per_page: 100 });
    expect(all).toHaveLength(1210);
    expect(new Set(all.map((issue) => issue.number)).size).toBe(1210);
    const open = await api.paginate(api.issues.listForRepo, {
      owner,
      repo: 'platform',
      labels: 'bug,area:api',
      per_page: 100,
    });
    expect(open.length).toBeGreaterThan(0);
    expect(
      open.every(
        (issue) => issue.state === 'open' && issue.labels.some((l) => typeof l === 'object' && l.name === 'area:api'),
      ),
    ).toBe(true);
  });
});

describe('issues', () => {
  it('share one number sequence with pull requests and filter like GitHub', async () => {
    const { data: issue } = await octocat.issues.create({
      owner,
      repo,
      title: 'Sequence',
      labels: ['needs-triage', 'brand-new-label'],
    });
    expect(issue.number).toBe(6);
    expect(issue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['needs-triage', 'brand-new-label']);
    const { data: byLabel } = await octocat.issues.listForRepo({ owner, repo, labels: 'bug' });
    expect(byLabel.map((i) => i.number)).toEqual([1]);
    const { data: byAssignee } = await octocat.issues.listForRepo({ owner, repo, assignee: 'alice' });
    expect(byAssignee.map((i) => i.number)).toEqual([1]);
    const { data: none } = await octocat.issues.listForRepo({
      owner,
      repo,
      assignee: 'none',
      state: 'all',
      sort: 'created',
      direction: 'asc',
    });
    expect(none.map((i) => i.number)).toEqual([3, 2, 4, 5, 6]);
    const { data: byCreator } = await octocat.issues.listForRepo({ owner, repo, creator: 'bob', state: 'all' });
    expect(byCreator.map((i) => i.number).sort()).toEqual([1, 5]);
    const { data: closed } = await octocat.issues.listForRepo({ owner, repo, state: 'closed' });
    expect(closed.map((i) => [i.number, i.state_reason])).toEqual([[3, 'completed']]);
    const { data: recent } = await octocat.issues.listForRepo({
      owner,
      repo,
      since: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    });
    expect(recent.map((i) => i.number).sort()).toEqual([1, 4, 5, 6]);
  });

  it('records issue events and applies state reasons', async () => {
    const { data: issue } = await octocat.issues.create({ owner, repo, title: 'Eventful' });
    const issue_number = issue.number;
    await octocat.issues.update({
      owner,
      repo,
      issue_number,
      title: 'Eventful, renamed',
      labels: ['bug'],
      assignees: ['alice'],
      milestone: 1,
    });
    await octocat.issues.update({ owner, repo, issue_number, state: 'closed', state_reason: 'not_planned' });
    await octocat.issues.update({ owner, repo, issue_number, state: 'open' });
    const { data: events } = await octocat.issues.listEvents({ owner, repo, issue_number });
    expect(events.map((e) => e.event)).toEqual(['renamed', 'labeled', 'assigned', 'milestoned', 'closed', 'reopened']);
    const { data: reopened } = await octocat.issues.get({ owner, repo, issue_number });
    expect(reopened).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null,
      milestone: { title: 'v1.1' },
    });
    const state = clone.handle.state();
    expect(state.issues.find((i) => i.number === issue_number)).toMatchObject({
      title: 'Eventful, renamed',
      labels: ['bug'],
      assignees: ['alice'],
      milestone: 'v1.1',
      state_reason: 'reopened',
    });
    expect(state.events.filter((e) => e.issue_number === issue_number).map((e) => e.event)).toContain('closed');
    const { data: timeline } = await octocat.issues.listEventsForTimeline({ owner, repo, issue_number: 1 });
    expect(timeline.filter((e) => e.event === 'commented')).toHaveLength(2);
  });

  it('enforces write permissions as GitHub does', async () => {
    // bob can read acme/widgets: he may open issues and comment, but labels he sets are dropped.
    const { data: issue } = await bob.issues.create({
      owner,
      repo,
      title: 'From bob',
      labels: ['bug'],
      assignees: ['alice'],
    });
    expect(issue.labels).toEqual([]);
    expect(issue.assignees).toEqual([]);
    await bob.issues.createComment({ owner, repo, issue_number: issue.number, body: 'More details' });
    await expect(
      bob.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ['bug'] }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(bob.issues.createLabel({ owner, repo, name: 'bobs' })).rejects.toMatchObject({ status: 403 });
    await expect(bob.issues.update({ owner, repo, issue_number: 2, state: 'closed' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(bob.pulls.merge({ owner, repo, pull_number: 5 })).rejects.toMatchObject({ status: 403 });
    await expect(
      bob.repos.createOrUpdateFileContents({ owner, repo, path: 'x.txt', message: 'x', content: 'eA==' }),
    ).rejects.toMatchObject({ status: 403 });
    // ...but he may close his own issue.
    const { data: closed } = await bob.issues.update({ owner, repo, issue_number: issue.number, state: 'closed' });
    expect(closed.state).toBe('closed');
    expect(clone.handle.state().issues.find((i) => i.number === issue.number)!.closed_by).toBe('bob');
  });

  it('answers a custom repository role with its name and acts on its base role', async () => {
    const seed = namedSeed('small-project');
    seed.repos![0]!.collaborators = { bob: { name: 'Release manager', baseRole: 'maintain' } };
    const custom = await startClone({ seed });
    const asBob = octokitFor(custom, TOKENS.bob);
    const { data } = await octokitFor(custom, custom.token).repos.getCollaboratorPermissionLevel({
      owner,
      repo,
      username: 'bob',
    });
    // GitHub's legacy `permission` reports maintain as write; `role_name` names the custom role.
    expect(data).toMatchObject({ permission: 'write', role_name: 'Release manager' });
    expect(data.user).toMatchObject({ login: 'bob', role_name: 'Release manager', permissions: { maintain: true } });
    const listed = await asBob.repos.listCollaborators({ owner, repo });
    expect(listed.data.find((user) => user.login === 'bob')).toMatchObject({ role_name: 'Release manager' });
    const { data: label } = await asBob.issues.createLabel({ owner, repo, name: 'release' });
    expect(label.name).toBe('release');
  });

  it('acts as the app bot with an installation token', async () => {
    const bot = octokitFor(clone, TOKENS.bot);
    const { data: issue } = await bot.issues.create({ owner, repo, title: 'From the bot', labels: ['bug'] });
    expect(issue.user!.login).toBe('archal-bot[bot]');
    expect(issue.user!.type).toBe('Bot');
    expect(issue.performed_via_github_app?.slug).toBe('archal-bot');
    expect(issue.labels).toHaveLength(1);
    await expect(bot.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
    await expect(octocat.checks.create({ owner, repo, name: 'x', head_sha: issue.node_id })).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'You must authenticate via a GitHub App.' } },
    });
  });

  it('searches issues with qualifiers and free text', async () => {
    const stale = await startClone({ seed: 'stale-issues' });
    const api = octokitFor(stale, stale.token);
    const search = async (q: string) => (await api.search.issuesAndPullRequests({ q, per_page: 100 })).data;
    expect((await search('repo:acme/legacy-service is:issue is:open')).total_count).toBe(10);
    expect((await search('repo:acme/legacy-service is:issue is:closed')).total_count).toBe(2);
    expect((await search('repo:acme/legacy-service label:stale')).items.map((i) => i.title).sort()).toEqual([
      'Login page times out on slow networks',
      'Typo in error message',
    ]);
    const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const old = await search(`repo:acme/legacy-service is:open updated:<${cutoff} -label:keep-open -label:stale`);
    expect(old.items.map((i) => i.title).sort()).toEqual([
      'Document the retry policy',
      'Memory grows after 24h of uptime',
      'Support SAML single sign-on',
    ]);
    expect((await search('memory in:title')).items.map((i) => i.title)).toEqual(['Memory grows after 24h of uptime']);
    expect((await search('author:bob is:open')).total_count).toBe(3);
    expect((await search('assignee:alice')).items.map((i) => i.number)).toEqual([3]);
    expect((await search('commenter:alice')).total_count).toBe(1);
    expect((await search('"single sign-on"')).total_count).toBe(1);
    expect((await search('no:assignee is:closed')).total_count).toBe(2);
  });

  it('refuses a search scoped to a repository or account that does not exist or cannot be seen, as GitHub does', async () => {
    const seed = namedSeed('small-project');
    seed.repos!.push({ owner: 'alice', name: 'secret-plans', private: true });
    const scoped = await startClone({ seed });
    const as = (token: string) => octokitFor(scoped, token);
    const scopes =
      'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.';
    const users =
      'The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.';
    const refused = (message: string) => ({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ message, resource: 'Search', field: 'q', code: 'invalid' }],
          documentation_url: 'https://docs.github.com/v3/search/',
        },
      },
    });
    const bob = as(TOKENS.bob);
    for (const q of ['repo:acme/widgetz is:issue', 'repo:alice/secret-plans', 'user:nobody-here bug', 'org:acmee'])
      await expect(bob.search.issuesAndPullRequests({ q })).rejects.toMatchObject(refused(scopes));
    await expect(bob.search.issuesAndPullRequests({ q: 'repo:acme/widgets author:alicee' })).rejects.toMatchObject(
      refused(users),
    );
    await expect(bob.search.repos({ q: 'widgets user:nobody-here' })).rejects.toMatchObject(refused(scopes));
    await expect(bob.search.code({ q: 'widget repo:acme/nothing' })).rejects.toMatchObject(refused(scopes));
    // What exists and may be seen is searched as before, however it is spelt.
    expect((await bob.search.issuesAndPullRequests({ q: 'repo:ACME/Widgets author:Alice' })).data.total_count).toBe(2);
    expect((await bob.search.issuesAndPullRequests({ q: 'user:acme author:@me is:pr' })).data.total_count).toBe(1);
    expect((await bob.search.issuesAndPullRequests({ q: 'repo:acme/widgets -repo:acme/nothing' })).status).toBe(200);
    expect((await as(TOKENS.alice).search.issuesAndPullRequests({ q: 'repo:alice/secret-plans' })).status).toBe(200);
    // GraphQL's search answers such a scope with no results.
    const graphql = await raw(scoped, 'POST', '/graphql', {
      token: TOKENS.bob,
      body: JSON.stringify({ query: '{ search(query: "repo:acme/widgetz", type: ISSUE, first: 5) { issueCount } }' }),
    });
    expect(graphql.json).toEqual({ data: { search: { issueCount: 0 } } });
  });

  it('searches with @me as the authenticated user, and by review requests and reviews', async () => {
    const fresh = await startClone({ seed: 'small-project' });
    const as = (token: string) => octokitFor(fresh, token);
    const numbers = async (token: string, q: string) =>
      (await as(token).search.issuesAndPullRequests({ q, per_page: 100 })).data.items.map((i) => i.number).sort();
    const pulls = fresh.handle.state().pullRequests;
    const color = pulls.find((pull) => pull.head.ref === 'feature/color')!.number;
    const typo = pulls.find((pull) => pull.head.ref === 'fix/readme-typo')!.number;
    expect(await numbers(TOKENS.alice, 'is:pr author:@me')).toEqual([color]);
    expect(await numbers(TOKENS.bob, 'is:pr author:@me')).toEqual([typo]);
    expect(await numbers(TOKENS.alice, 'is:issue assignee:@me')).toEqual([1]);
    expect(await numbers(TOKENS.alice, 'is:pr involves:@me')).toEqual([color]);
    expect(await numbers(TOKENS.bob, 'is:pr -author:@me')).toEqual([color]);
    // The seed asks octocat to review the color pull request.
    expect(await numbers(fresh.token, 'review-requested:@me')).toEqual([color]);
    expect(await numbers(TOKENS.bob, 'review-requested:octocat')).toEqual([color]);
    expect(await numbers(TOKENS.alice, 'review-requested:@me')).toEqual([]);
    // A submitted review counts for reviewed-by; a pending one does not.
    expect(await numbers(TOKENS.alice, 'reviewed-by:@me')).toEqual([]);
    await as(TOKENS.alice).pulls.createReview({ owner, repo, pull_number: typo, body: 'Draft' });
    expect(await numbers(TOKENS.alice, 'reviewed-by:alice')).toEqual([]);
    await as(TOKENS.alice).pulls.createReview({ owner, repo, pull_number: color, event: 'COMMENT', body: 'Noted' });
    expect(await numbers(TOKENS.alice, 'reviewed-by:@me')).toEqual([color]);
    expect(await numbers(TOKENS.bob, 'reviewed-by:alice is:pr')).toEqual([color]);
    expect(await numbers(TOKENS.alice, 'commenter:@me')).not.toContain(2);
    await as(TOKENS.alice).issues.createComment({ owner, repo, issue_number: 2, body: 'Me too' });
    expect(await numbers(TOKENS.alice, 'commenter:@me')).toContain(2);
  });
});

describe('pull requests', () => {
  it('refuses what GitHub refuses: missing branches, no difference, a duplicate', async () => {
    const { data: main } = await octocat.git.getRef({ owner, repo, ref: 'heads/main' });
    await octocat.git.createRef({ owner, repo, ref: 'refs/heads/same-as-main', sha: main.object.sha });
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error('expected a 422');
        },
        (error: { status: number; response: { data: { message: string; errors: unknown[] } } }) => ({
          ...error.response.data,
          httpStatus: error.status,
        }),
      );
    expect(
      await refusal(octocat.pulls.create({ owner, repo, title: 'x', head: 'same-as-main', base: 'main' })),
    ).toMatchObject({
      httpStatus: 422,
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and same-as-main' }],
    });
    expect(
      await refusal(octocat.pulls.create({ owner, repo, title: 'x', head: 'feature/color', base: 'main' })),
    ).toMatchObject({
      httpStatus: 422,
      errors: [
        { resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:feature/color.' },
      ],
    });
    expect(
      await refusal(octocat.pulls.create({ owner, repo, title: 'x', head: 'feature/color', base: 'nope' })),
    ).toMatchObject({
      httpStatus: 422,
      errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
    });
    expect(clone.handle.state().pullRequests.map((p) => p.number)).toEqual([4, 5]);
  });

  it('serves diffs, changed files, mergeability and raw contents', async () => {
    const diff = await octocat.pulls.get({ owner, repo, pull_number: 4, mediaType: { format: 'diff' } });
    expect(String(diff.data)).toContain("+export function widget({ size, color = 'blue' }) {");
    const { data: files } = await octocat.pulls.listFiles({ owner, repo, pull_number: 4 });
    expect(files.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['src/widget.js', 'modified', 2, 2],
    ]);
    const { data: pull } = await octocat.pulls.get({ owner, repo, pull_number: 4 });
    expect(pull).toMatchObject({
      mergeable: true,
      mergeable_state: 'clean',
      commits: 1,
      changed_files: 1,
      requested_reviewers: [{ login: 'octocat' }],
    });
    const raw = await octocat.repos.getContent({
      owner,
      repo,
      path: 'src/widget.js',
      ref: 'feature/color',
      mediaType: { format: 'raw' },
    });
    expect(String(raw.data)).toContain("color = 'blue'");
  });
});

describe('rate limits', () => {
  it('injects a primary limit: 403 with rate-limit headers when exhausted', async () => {
    const limited = await startClone({ seed: 'small-project', rateLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await raw(limited, 'GET', '/user', { token: limited.token })).status).toBe(200);
    const blocked = await raw(limited, 'GET', '/user', { token: limited.token });
    expect(blocked.status).toBe(403);
    expect(blocked.json.message).toMatch(/^API rate limit exceeded for user ID 1\./);
    expect(blocked.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(blocked.headers.get('x-ratelimit-limit')).toBe('3');
    // Limits are per credential, and /rate_limit does not count.
    expect((await raw(limited, 'GET', '/user', { token: TOKENS.alice })).status).toBe(200);
    const status = await raw(limited, 'GET', '/rate_limit', { token: limited.token });
    expect(status.json).toMatchObject({ rate: { limit: 3, remaining: 0, used: 3 } });
  });

  it('injects a secondary limit: 429 with retry-after', async () => {
    const limited = await startClone({
      seed: 'small-project',
      rateLimit: { limit: 1, windowSeconds: 60, kind: 'secondary' },
    });
    expect((await raw(limited, 'GET', '/user', { token: limited.token })).status).toBe(200);
    const blocked = await raw(limited, 'GET', '/user', { token: limited.token });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.json.message).toMatch(/secondary rate limit/);
    // GraphQL's bucket is its own; past it, a secondary limit is a 403 with retry-after.
    const query = JSON.stringify({ query: '{ viewer { login } }' });
    expect((await raw(limited, 'POST', '/graphql', { token: limited.token, body: query })).status).toBe(200);
    const graphql = await raw(limited, 'POST', '/graphql', { token: limited.token, body: query });
    expect(graphql.status).toBe(403);
    expect(Number(graphql.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(graphql.json.message).toMatch(/secondary rate limit/);
  });

  it('counts GraphQL queries in their own bucket and answers past it with RATE_LIMITED, as GitHub does', async () => {
    const limited = await startClone({ seed: 'small-project', rateLimit: 2 });
    const api = octokitFor(limited, limited.token);
    const first = await raw(limited, 'POST', '/graphql', {
      token: limited.token,
      body: JSON.stringify({ query: '{ viewer { login } rateLimit { limit remaining used } }' }),
    });
    expect(first.json).toEqual({
      data: { viewer: { login: 'octocat' }, rateLimit: { limit: 2, remaining: 1, used: 1 } },
    });
    expect([first.headers.get('x-ratelimit-resource'), first.headers.get('x-ratelimit-remaining')]).toEqual([
      'graphql',
      '1',
    ]);
    await api.graphql('{ viewer { login } }');
    // GitHub answers 200 with a RATE_LIMITED error (what @octokit/plugin-throttling and gh look for).
    await expect(api.graphql('{ viewer { login } }')).rejects.toMatchObject({
      errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }],
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-resource': 'graphql' },
    });
    expect((await api.users.getAuthenticated()).headers['x-ratelimit-remaining']).toBe('1');
    const status = await raw(limited, 'GET', '/rate_limit', { token: limited.token });
    expect(status.json.resources).toMatchObject({
      core: { limit: 2, used: 1, remaining: 1 },
      graphql: { limit: 2, used: 2, remaining: 0 },
    });
  });
});

describe('the request log', () => {
  it('records operation ids, bodies with tokens redacted, and the changes each request made', async () => {
    clone.handle.clearRequests();
    await octocat.issues.createComment({
      owner,
      repo,
      issue_number: 2,
      body: `my token is ${TOKENS.alice} and ${clone.token}`,
    });
    await octocat.issues.update({ owner, repo, issue_number: 2, title: 'Dark mode support' });
    const [comment, update] = clone.handle.requests();
    expect(comment).toMatchObject({
      method: 'POST',
      operationId: 'issues/create-comment',
      status: 201,
      actor: 'octocat',
      kind: 'rest',
    });
    expect(JSON.stringify(comment)).not.toContain(TOKENS.alice);
    expect(JSON.stringify(comment)).not.toContain(clone.token);
    expect((comment!.requestBody as { body: string }).body).toBe('my token is [REDACTED] and [REDACTED]');
    expect(comment!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ op: 'created', kind: 'comment', key: 'acme/widgets#2' })]),
    );
    expect(update!.changes).toContainEqual(
      expect.objectContaining({
        op: 'updated',
        kind: 'issue',
        key: 'acme/widgets#2',
        fields: expect.objectContaining({ title: { from: 'Add dark mode support', to: 'Dark mode support' } }),
      }),
    );
    expect(update!.durationMs).toBeGreaterThanOrEqual(0);
    const listed = await raw(clone, 'GET', `/_archal/requests?since=${comment!.id}`);
    expect((listed.json.requests as unknown[]).length).toBe(1);
  });

  it('redacts the values of secret-named keys in logged bodies, whatever their format', async () => {
    clone.handle.clearRequests();
    // Webhooks are not implemented: the request is still logged, with the hook's secret in it.
    await expect(
      octocat.repos.createWebhook({
        owner,
        repo,
        config: { url: 'https://hooks.example.test/github', secret: 'plain-hook-secret-1', content_type: 'json' },
      }),
    ).rejects.toMatchObject({ status: 404 });
    const [entry] = (await raw(clone, 'GET', '/_archal/requests')).json.requests as Array<{ requestBody: unknown }>;
    expect(entry!.requestBody).toEqual({
      config: { url: 'https://hooks.example.test/github', secret: '[REDACTED]', content_type: 'json' },
    });
    expect(JSON.stringify(clone.handle.requests())).not.toContain('plain-hook-secret-1');
  });

  it('keeps no sealed Actions secret value: not in the request body, nor in the journaled change', async () => {
    clone.handle.clearRequests();
    const { data: key } = await octocat.actions.getRepoPublicKey({ owner, repo });
    // A sealed box of no token format: only the field's name says it is a credential.
    const first = Buffer.alloc(64, 'sealed-one-').toString('base64');
    const second = Buffer.alloc(64, 'sealed-two-').toString('base64');
    for (const sealed of [first, second])
      await octocat.actions.createOrUpdateRepoSecret({
        owner,
        repo,
        secret_name: 'LOG_CHECK',
        encrypted_value: sealed,
        key_id: key.key_id,
      });
    const entries = clone.handle.requests();
    const listed = JSON.stringify((await raw(clone, 'GET', '/_archal/requests')).json);
    for (const text of [JSON.stringify(entries), listed]) {
      expect(text).not.toContain(first);
      expect(text).not.toContain(second);
    }
    const [, put, update] = entries;
    expect(put!.requestBody).toEqual({ encrypted_value: '[REDACTED]', key_id: key.key_id });
    expect(update!.changes).toContainEqual(
      expect.objectContaining({
        op: 'updated',
        kind: 'secret',
        fields: expect.objectContaining({ encryptedValue: { from: '[REDACTED]', to: '[REDACTED]' } }),
      }),
    );
    await octocat.actions.deleteRepoSecret({ owner, repo, secret_name: 'LOG_CHECK' });
  });

  it("keeps no sealed value of an organization's Actions secret either", async () => {
    clone.handle.clearRequests();
    const { data: key } = await octocat.actions.getOrgPublicKey({ org: owner });
    const sealed = [Buffer.alloc(64, 'org-sealed-1-'), Buffer.alloc(64, 'org-sealed-2-')].map((b) =>
      b.toString('base64'),
    );
    for (const encrypted_value of sealed)
      await octocat.actions.createOrUpdateOrgSecret({
        org: owner,
        secret_name: 'ORG_LOG_CHECK',
        encrypted_value,
        key_id: key.key_id,
        visibility: 'private',
      });
    const entries = clone.handle.requests();
    for (const value of sealed) expect(JSON.stringify(entries)).not.toContain(value);
    expect(entries[1]!.requestBody).toMatchObject({ encrypted_value: '[REDACTED]' });
    expect(entries[2]!.changes).toContainEqual(
      expect.objectContaining({
        op: 'updated',
        kind: 'orgSecret',
        fields: expect.objectContaining({ encryptedValue: { from: '[REDACTED]', to: '[REDACTED]' } }),
      }),
    );
    expect(JSON.stringify(clone.handle.state())).not.toContain(sealed[1]);
    await octocat.actions.deleteOrgSecret({ org: owner, secret_name: 'ORG_LOG_CHECK' });
  });

  it('redacts a secret query parameter that comes first in the query string', async () => {
    clone.handle.clearRequests();
    // Tokens of no known format: only the parameter's name says they are secrets.
    await raw(clone, 'GET', '/user?access_token=custom-oauth-value-1', { token: clone.token });
    await raw(clone, 'GET', '/repos/acme/widgets?client_secret=custom-secret-value-2&page=1', { token: clone.token });
    const entries = (await raw(clone, 'GET', '/_archal/requests')).json.requests as Array<{ query: string }>;
    expect(entries.map((entry) => entry.query)).toEqual(['access_token=[REDACTED]', 'client_secret=[REDACTED]&page=1']);
  });
});

describe('the control API', () => {
  it('snapshots, resets and reseeds the state', async () => {
    const scratch = await startClone({ seed: 'small-project' });
    const api = octokitFor(scratch, scratch.token);
    await api.issues.create({ owner, repo, title: 'Temporary' });
    const state = (await raw(scratch, 'GET', '/_archal/state')).json;
    expect(Object.keys(state)).toEqual(
      expect.arrayContaining([
        'users',
        'orgs',
        'repos',
        'issues',
        'pullRequests',
        'comments',
        'labels',
        'milestones',
        'reactions',
        'checkRuns',
        'statuses',
        'events',
        'reviews',
        'installations',
      ]),
    );
    expect((state.issues as Array<{ title: string }>).map((i) => i.title)).toContain('Temporary');
    expect((state.pullRequests as Array<{ number: number; head: { ref: string } }>)[0]).toMatchObject({
      number: 4,
      head: { ref: 'feature/color' },
    });
    expect((await raw(scratch, 'POST', '/_archal/reset')).status).toBe(200);
    expect(scratch.handle.state().issues.map((i) => i.title)).not.toContain('Temporary');
    expect(scratch.handle.requests()).toEqual([]);
    const reseed = await raw(scratch, 'POST', '/_archal/seed', { body: JSON.stringify({ seed: 'empty' }) });
    expect(reseed.status).toBe(200);
    expect(scratch.handle.state()).toMatchObject({ seed: 'empty', repos: [], users: [{ login: 'octocat' }] });
    const bad = await raw(scratch, 'POST', '/_archal/seed', {
      body: JSON.stringify({
        seed: {
          users: [{ login: 'a' }],
          repos: [{ owner: 'a', name: 'r', issues: [{ title: 't', author: 'a', labels: ['bgu'] }] }],
        },
      }),
    });
    expect(bad.status).toBe(422);
    expect(bad.json.message).toContain('repos[0].issues[0].labels[0]: unknown label "bgu" (did you mean "bug"?)');
    expect(scratch.handle.state().seed).toBe('empty');
    await scratch.handle.seed('small-project');
    expect(scratch.handle.state().repos.map((r) => r.full_name)).toEqual(['acme/widgets']);
    expect((await raw(scratch, 'GET', '/_archal/nothing')).status).toBe(404);
    const { operations } = (await raw(scratch, 'GET', '/_archal/operations')).json as {
      operations: Array<{ operationId: string; method: string; path: string; documentation: string }>;
    };
    expect(operations).toContainEqual({
      operationId: 'issues/create',
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues',
      documentation: expect.stringContaining('https://docs.github.com/'),
    });
  });

  it('answers a body that is JSON but not an object with a 422 naming what it got, changing nothing', async () => {
    const scratch = await startClone({ seed: 'small-project' });
    const before = scratch.handle.state();
    for (const path of ['/_archal/seed', '/_archal/installations', '/_archal/actions/runs'])
      for (const [body, given] of [
        ['null', 'null'],
        ['"small-project"', 'a string'],
        ['[{"seed": "empty"}]', 'an array'],
        ['5', 'a number'],
      ] as const) {
        const answer = await raw(scratch, 'POST', path, { body });
        expect({ path, body, status: answer.status, message: answer.json.message }).toEqual({
          path,
          body,
          status: 422,
          message: `The body must be a JSON object, not ${given}`,
        });
      }
    expect(scratch.handle.state()).toEqual(before);
  });

  it('refuses an installation whose repositories are neither "all" nor a list of names, instead of installing on all', async () => {
    const scratch = await startClone({ seed: 'small-project' });
    const before = scratch.handle.state().installations;
    for (const repositories of ['widgets', { name: 'widgets' }, [7]]) {
      const answer = await raw(scratch, 'POST', '/_archal/installations', {
        body: JSON.stringify({ app: 'archal-bot', account: 'alice', repositories }),
      });
      expect({ status: answer.status, message: answer.json.message }).toEqual({
        status: 422,
        message: `"repositories" must be "all" or a list of repository names of alice, not ${JSON.stringify(repositories)}`,
      });
    }
    expect(scratch.handle.state().installations).toEqual(before);
    const all = await raw(scratch, 'POST', '/_archal/installations', {
      body: JSON.stringify({ app: 'archal-bot', account: 'alice', repositories: 'all' }),
    });
    expect(all.status).toBe(201);
    expect(scratch.handle.state().installations.at(-1)).toMatchObject({
      account: 'alice',
      repository_selection: 'all',
    });
  });

  it('answers a request-log filter it cannot read with a 422 naming it, instead of the whole log', async () => {
    const scratch = await startClone({ seed: 'small-project' });
    await octokitFor(scratch, scratch.token).issues.get({ owner, repo, issue_number: 1 });
    for (const [query, message] of [
      ['since=abc', 'since must be a request id (a whole number, 0 or more), not "abc"'],
      ['since=-5', 'since must be a request id (a whole number, 0 or more), not "-5"'],
      ['not_implemented=yes', 'not_implemented must be true or false, not "yes"'],
    ]) {
      const answer = await raw(scratch, 'GET', `/_archal/requests?${query}`);
      expect({ query, status: answer.status, message: answer.json.message }).toEqual({ query, status: 422, message });
    }
    const all = await raw(scratch, 'GET', '/_archal/requests?since=0&not_implemented=false');
    expect((all.json.requests as unknown[]).length).toBe(1);
  });

  it('refuses whoever lacks the control token, so an agent under test cannot read or reset the state', async () => {
    const scratch = await startClone({ seed: 'small-project', controlToken: 'ctl-secret' });
    const anonymous = { apiUrl: scratch.apiUrl };
    for (const [method, path] of [
      ['GET', '/_archal/state'],
      ['POST', '/_archal/reset'],
      ['GET', '/_archal/requests'],
      ['POST', '/_archal/seed'],
    ] as const) {
      const refused = await raw(anonymous, method, path, { token: scratch.token });
      expect({ path, status: refused.status }).toEqual({ path, status: 401 });
      expect(refused.json.message).toContain('X-Archal-Control-Token');
    }
    expect(
      (await raw(anonymous, 'GET', '/_archal/state', { headers: { 'x-archal-control-token': 'ctl-secreT' } })).status,
    ).toBe(401);
    expect((await raw(anonymous, 'GET', '/_archal/health')).status).toBe(200);
    expect((await raw({ ...anonymous, controlToken: 'ctl-secret' }, 'GET', '/_archal/state')).status).toBe(200);
  });
});
