import { describe, expect, it } from '@jest/globals';
import { SeedError } from '../../src/clones/github/index.js';
import { namedSeed, octokitFor, startClone, TOKENS, webhookReceiver } from './support/clone.js';
import { WebhookSchemas } from './support/webhook-schemas.js';

/**
 * The slices Archal's enterprise seeds need: teams that grant access, CODEOWNERS, and branch
 * protection that merges and pushes must satisfy (with GitHub's refusals).
 */
const CAROL = 'ghp_archalCarolToken000000000000000004';
const FRANK = 'ghp_archalFrankToken000000000000000005';
const owner = 'acme-corp';
const repo = 'api';

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    return ((await promise) as { status: number }).status;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response?: { data?: { message?: string } } };
    return { status: e.status, message: e.response?.data?.message ?? '' };
  }
  throw new Error('expected a refusal');
}

describe('enterprise-repo: teams, CODEOWNERS and branch protection', () => {
  it('grants repository access through teams, nested teams included, and hides secret teams', async () => {
    const clone = await startClone({ seed: 'enterprise-repo' });
    const octocat = octokitFor(clone, clone.token);
    const alice = octokitFor(clone, TOKENS.alice);
    const bob = octokitFor(clone, TOKENS.bob);
    const carol = octokitFor(clone, CAROL);
    const frank = octokitFor(clone, FRANK);

    expect((await alice.repos.get({ owner, repo })).data.permissions).toMatchObject({ maintain: true, admin: false });
    expect((await carol.repos.get({ owner, repo })).data.permissions).toMatchObject({ pull: true, push: false });
    expect((await frank.repos.get({ owner, repo })).data.permissions).toMatchObject({ pull: true, push: false });
    expect(await status(frank.issues.create({ owner, repo, title: 'x', labels: ['bug'] }))).toBe(201);
    expect(await status(frank.issues.addLabels({ owner, repo, issue_number: 1, labels: ['bug'] }))).toBe(403);

    const visibleToCarol = (await carol.teams.list({ org: owner })).data.map((team) => team.slug);
    expect(visibleToCarol).toEqual(['platform', 'frontend', 'platform-oncall']);
    const visibleToAdmin = (await octocat.teams.list({ org: owner })).data.map((team) => team.slug);
    expect(visibleToAdmin).toContain('security');
    const oncall = (await octocat.teams.getByName({ org: owner, team_slug: 'platform-oncall' })).data;
    expect(oncall.parent?.slug).toBe('platform');
    // Bob is in Platform Oncall, a child of Platform: he inherits Platform's repositories.
    const inherited = (await octocat.teams.listReposInOrg({ org: owner, team_slug: 'platform-oncall' })).data;
    expect(inherited.map((r) => r.name).sort()).toEqual(['api', 'web']);
    expect((await bob.repos.get({ owner, repo })).data.permissions).toMatchObject({ maintain: true });
    expect((await octocat.repos.listTeams({ owner, repo })).data.map((t) => [t.slug, t.permission])).toEqual([
      ['platform', 'maintain'],
      ['frontend', 'pull'],
      ['security', 'triage'],
    ]);
    expect((await octocat.repos.codeownersErrors({ owner, repo })).data.errors).toEqual([]);

    const state = clone.handle.state();
    expect(state.teams.map((team) => team.slug)).toEqual(['platform', 'frontend', 'security', 'platform-oncall']);
    expect(state.branchProtections).toEqual([
      expect.objectContaining({ repo: 'acme-corp/api', branch: 'main', required_approving_review_count: 2 }),
      expect.objectContaining({ repo: 'acme-corp/web', branch: 'main', required_status_checks: ['build'] }),
    ]);
  });

  it('refuses merges without approvals, code owners or green checks, and lets admins bypass', async () => {
    const clone = await startClone({ seed: 'enterprise-repo' });
    const octocat = octokitFor(clone, clone.token);
    const alice = octokitFor(clone, TOKENS.alice);
    const bob = octokitFor(clone, TOKENS.bob);
    const carol = octokitFor(clone, CAROL);
    const pulls = (await octocat.pulls.list({ owner, repo })).data;
    const number = (title: string) => pulls.find((pull) => pull.title === title)!.number;

    // One approval of two: refused, whoever merges (bob can write through his teams).
    const rateLimit = number('Add a rate limiter');
    expect(await failure(bob.pulls.merge({ owner, repo, pull_number: rateLimit }))).toEqual({
      status: 405,
      message: 'At least 2 approving reviews are required by reviewers with write access.',
    });
    // Carol can only read acme-corp/api: her approval does not count.
    await carol.pulls.createReview({ owner, repo, pull_number: rateLimit, event: 'APPROVE' });
    expect((await failure(bob.pulls.merge({ owner, repo, pull_number: rateLimit }))).status).toBe(405);
    await octocat.pulls.createReview({ owner, repo, pull_number: rateLimit, event: 'APPROVE' });
    expect((await bob.pulls.merge({ owner, repo, pull_number: rateLimit })).data.merged).toBe(true);

    // Approved by two writers, but its required check failed.
    const session = number('Expire sessions after 12 hours');
    await bob.pulls.createReview({ owner, repo, pull_number: session, event: 'APPROVE' });
    await octocat.pulls.createReview({ owner, repo, pull_number: session, event: 'APPROVE' });
    expect(await failure(alice.pulls.merge({ owner, repo, pull_number: session }))).toEqual({
      status: 405,
      message: 'Required status check "ci/test" is expected.',
    });

    // Admins bypass protection unless enforce_admins is on.
    const typo = number('Fix a typo in the docs');
    expect((await octocat.pulls.merge({ owner, repo, pull_number: typo })).data.merged).toBe(true);

    // Direct pushes and deletions of main are refused.
    expect(
      (
        await failure(
          alice.repos.createOrUpdateFileContents({
            owner,
            repo,
            path: 'direct.md',
            message: 'direct',
            content: Buffer.from('x').toString('base64'),
            branch: 'main',
          }),
        )
      ).status,
    ).toBe(409);
    expect(await failure(alice.git.deleteRef({ owner, repo, ref: 'heads/main' }))).toMatchObject({ status: 422 });
  });

  it('requires a code owner among the approvers', async () => {
    const clone = await startClone({ seed: 'enterprise-repo' });
    const octocat = octokitFor(clone, clone.token);
    const carol = octokitFor(clone, CAROL);
    const alice = octokitFor(clone, TOKENS.alice);
    const web = 'web';
    const [pull] = (await octocat.pulls.list({ owner, repo: web })).data;
    // styles.css belongs to @carol; dave's own team (frontend) cannot stand in for her.
    await octocat.request('PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}', {
      org: owner,
      team_slug: 'platform',
      owner,
      repo: web,
      permission: 'push',
    });
    await alice.pulls.createReview({ owner, repo: web, pull_number: pull!.number, event: 'APPROVE' });
    expect(await failure(alice.pulls.merge({ owner, repo: web, pull_number: pull!.number }))).toEqual({
      status: 405,
      message: 'Waiting on code owner review from @carol.',
    });
    await carol.pulls.createReview({ owner, repo: web, pull_number: pull!.number, event: 'APPROVE' });
    expect((await alice.pulls.merge({ owner, repo: web, pull_number: pull!.number })).data.merged).toBe(true);
  });
});

describe('team review requests', () => {
  it('asks teams for a review, withdraws the request, and a member review answers it', async () => {
    const receiver = await webhookReceiver();
    const clone = await startClone({ seed: 'enterprise-repo', webhook: { url: receiver.url, secret: 's' } });
    const octocat = octokitFor(clone, clone.token);
    const bob = octokitFor(clone, TOKENS.bob);
    const pulls = (await octocat.pulls.list({ owner, repo })).data;
    const pull_number = pulls.find((pull) => pull.title === 'Fix a typo in the docs')!.number;
    const slugs = (teams: Array<{ slug: string }> | null | undefined) => (teams ?? []).map((team) => team.slug);

    const requested = await octocat.pulls.requestReviewers({
      owner,
      repo,
      pull_number,
      team_reviewers: ['platform', 'security'],
    });
    expect(requested.status).toBe(201);
    expect(slugs(requested.data.requested_teams)).toEqual(['platform', 'security']);
    expect(requested.data.requested_teams![0]).toMatchObject({ name: 'Platform', permission: 'pull', parent: null });
    const listed = (await octocat.pulls.listRequestedReviewers({ owner, repo, pull_number })).data;
    expect(slugs(listed.teams)).toEqual(['platform', 'security']);
    expect(slugs((await octocat.pulls.get({ owner, repo, pull_number })).data.requested_teams)).toEqual([
      'platform',
      'security',
    ]);

    // An unknown team, or one without access to the repository, is refused and nothing changes.
    await octocat.teams.create({ org: owner, name: 'Outsiders' });
    for (const team_reviewers of [['nope'], ['outsiders']]) {
      const refused = await failure(
        octocat.pulls.requestReviewers({ owner, repo, pull_number, reviewers: ['alice'], team_reviewers }),
      );
      expect(refused.status).toBe(422);
      expect(refused.message).toMatch(/^Reviews may only be requested from collaborators/);
    }
    const unchanged = (await octocat.pulls.listRequestedReviewers({ owner, repo, pull_number })).data;
    expect([unchanged.users, slugs(unchanged.teams)]).toEqual([[], ['platform', 'security']]);

    const removed = await octocat.pulls.removeRequestedReviewers({
      owner,
      repo,
      pull_number,
      reviewers: [],
      team_reviewers: ['security'],
    });
    expect(slugs(removed.data.requested_teams)).toEqual(['platform']);
    const events = (await octocat.issues.listEvents({ owner, repo, issue_number: pull_number })).data;
    expect(
      events
        .filter((event) => event.event.startsWith('review_request'))
        .map((event) => [event.event, (event as { requested_team?: { slug: string } }).requested_team?.slug]),
    ).toEqual([
      ['review_requested', 'platform'],
      ['review_requested', 'security'],
      ['review_request_removed', 'security'],
    ]);
    const snapshot = clone.handle.state();
    expect(
      snapshot.pullRequests.find((pull) => pull.repo === `${owner}/${repo}` && pull.number === pull_number),
    ).toMatchObject({ requested_teams: ['platform'] });

    // Bob is in Platform: his review answers the team's request.
    await bob.pulls.createReview({ owner, repo, pull_number, event: 'COMMENT', body: 'Looks fine' });
    expect((await octocat.pulls.get({ owner, repo, pull_number })).data.requested_teams).toEqual([]);

    await clone.handle.idle();
    const schemas = new WebhookSchemas();
    const hooks = receiver.received.filter((hook) => String(hook.payload.action).startsWith('review_request'));
    expect(
      hooks.map((hook) => [hook.payload.action, (hook.payload.requested_team as { slug: string } | undefined)?.slug]),
    ).toEqual([
      ['review_requested', 'platform'],
      ['review_requested', 'security'],
      ['review_request_removed', 'security'],
    ]);
    expect(hooks.flatMap((hook) => schemas.validate('pull_request', hook.payload))).toEqual([]);
  });
});

describe('team review requests in a seed', () => {
  it('seeds pull requests that wait for teams, listed as GitHub lists them', async () => {
    const seed = namedSeed('enterprise-repo');
    const docsFix = seed.repos![0]!.pulls!.find((pull) => pull.title === 'Fix a typo in the docs')!;
    docsFix.requestedTeams = ['security', 'frontend', 'security'];
    const clone = await startClone({ seed });
    const octocat = octokitFor(clone, clone.token);
    const pull = (await octocat.pulls.list({ owner, repo })).data.find((p) => p.title === docsFix.title)!;
    expect((pull.requested_teams ?? []).map((team) => team.slug)).toEqual(['security', 'frontend']);
    const requested = await octocat.pulls.listRequestedReviewers({ owner, repo, pull_number: pull.number });
    expect(requested.data.teams.map((team) => team.slug)).toEqual(['security', 'frontend']);
    const snapshot = clone.handle.state().pullRequests.find((p) => p.title === docsFix.title)!;
    expect(snapshot.requested_teams).toEqual(['security', 'frontend']);
  });

  it('refuses a team that does not exist, one without access to the repository, and teams on a user’s repository', async () => {
    const seed = namedSeed('enterprise-repo');
    seed.orgs![0]!.teams!.push({ name: 'Docs' });
    seed.repos![0]!.pulls![0]!.requestedTeams = ['securty', 'docs'];
    const failure = await startClone({ seed }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SeedError);
    expect((failure as Error).message).toContain(
      'repos[0].pulls[0].requestedTeams[0]: unknown team "securty" (did you mean "security"?)',
    );
    expect((failure as Error).message).toContain(
      'repos[0].pulls[0].requestedTeams[1]: team "docs" has no access to acme-corp/api',
    );

    const personal = namedSeed('small-project');
    personal.repos![0]!.owner = 'alice';
    personal.repos![0]!.pulls![0]!.requestedTeams = ['core'];
    const refused = await startClone({ seed: personal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((refused as Error).message).toMatch(
      /repos\[0\]\.pulls\[0\]\.requestedTeams: teams review pull requests of organizations' repositories; alice is a user/,
    );
  });
});

describe('ci-cd-pipeline and rich-org', () => {
  it('ci-cd-pipeline has workflows, runs in every state and a failed deploy log', async () => {
    const clone = await startClone({ seed: 'ci-cd-pipeline' });
    const octocat = octokitFor(clone, clone.token);
    const workflows = (await octocat.actions.listRepoWorkflows({ owner: 'acme', repo: 'service' })).data;
    expect(workflows.workflows.map((w) => w.path).sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/deploy.yml',
      '.github/workflows/lint.yml',
    ]);
    const runs = (await octocat.actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'service' })).data;
    expect(new Set(runs.workflow_runs.map((run) => run.conclusion ?? run.status))).toEqual(
      new Set(['success', 'failure', 'in_progress']),
    );
    const deploy = runs.workflow_runs.find((run) => run.name === 'Deploy')!;
    const jobs = (await octocat.actions.listJobsForWorkflowRun({ owner: 'acme', repo: 'service', run_id: deploy.id }))
      .data.jobs;
    const log = await octocat.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
      owner: 'acme',
      repo: 'service',
      job_id: jobs[0]!.id,
    });
    expect(String(log.data)).toContain('PRODUCTION_DEPLOY_KEY is not set');
  });

  it('rich-org has several repositories, teams, and issues in every state', async () => {
    const clone = await startClone({ seed: 'rich-org' });
    const state = clone.handle.state();
    expect(state.repos.map((r) => r.full_name)).toEqual([
      'globex/billing',
      'globex/storefront',
      'globex/infra',
      'globex/docs',
      'carol/dotfiles',
    ]);
    expect(state.teams).toHaveLength(4);
    expect(new Set(state.issues.map((i) => i.state))).toEqual(new Set(['open', 'closed']));
    expect(state.pullRequests.some((p) => p.draft)).toBe(true);
  });
});
