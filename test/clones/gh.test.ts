import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { startRouteProxy, type RouteProxy } from '../../src/clones/github/route/index.js';
import { tempDir } from '../helpers/tmp.js';
import { octokitFor, startClone, TOKENS } from './support/clone.js';
import { ghPath, runCommand, type CommandResult } from './support/gh.js';

/** The real gh CLI in route mode: it talks to api.github.com (GraphQL mostly) and github.com (git). */
let clone: GitHubClone;
let proxy: RouteProxy;
let env: NodeJS.ProcessEnv;
let work: string;
const gh = ghPath();
const owner = 'acme';
const repo = 'widgets';

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  proxy = await startRouteProxy({ target: { host: '127.0.0.1', port: clone.port }, dir: clone.dir });
  const home = tempDir('archal-gh-home-');
  mkdirSync(join(home, 'config'));
  env = {
    PATH: process.env.PATH,
    HOME: home,
    GH_CONFIG_DIR: join(home, 'config'),
    GH_TOKEN: clone.token,
    GH_PROMPT_DISABLED: '1',
    GH_NO_UPDATE_NOTIFIER: '1',
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Octo Cat',
    GIT_AUTHOR_EMAIL: 'octocat@example.com',
    GIT_COMMITTER_NAME: 'Octo Cat',
    GIT_COMMITTER_EMAIL: 'octocat@example.com',
    ...proxy.env({}),
  };
  // gh as git's credential helper for github.com, as `gh auth setup-git` sets it up for users.
  expect((await run(['auth', 'setup-git'])).code).toBe(0);
  const dir = tempDir('archal-gh-work-');
  expect((await runCommand('git', ['clone', '-q', 'https://github.com/acme/widgets.git'], env, dir)).code).toBe(0);
  work = join(dir, 'widgets');
}, 60_000);
afterAll(async () => {
  await proxy.stop();
});

async function run(args: string[], cwd?: string): Promise<CommandResult> {
  return runCommand(gh, args, env, cwd);
}

async function ok(...args: string[]): Promise<string> {
  const result = await run([...args, ...(args[0] === 'api' ? [] : ['-R', `${owner}/${repo}`])], work);
  if (result.code !== 0) throw new Error(`gh ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

const state = () => clone.handle.state();
const issue = (number: number) =>
  [...state().issues, ...state().pullRequests].find((candidate) => candidate.number === number)!;

describe('gh issue', () => {
  it('list and view read the seeded issues', async () => {
    const listed = await ok('issue', 'list', '--json', 'number,title,labels');
    const issues = JSON.parse(listed) as Array<{ number: number; title: string; labels: Array<{ name: string }> }>;
    expect(issues.map((entry) => entry.number).sort()).toEqual(
      state()
        .issues.filter((entry) => entry.state === 'open')
        .map((entry) => entry.number)
        .sort(),
    );
    const viewed = JSON.parse(await ok('issue', 'view', '1', '--json', 'title,comments,assignees,milestone')) as {
      title: string;
      comments: unknown[];
      assignees: Array<{ login: string }>;
      milestone: { title: string } | null;
    };
    expect(viewed.title).toBe(issue(1).title);
    expect(viewed.comments).toHaveLength(state().comments.filter((comment) => comment.issue_number === 1).length);
    expect(viewed.assignees.map((user) => user.login)).toEqual(issue(1).assignees);
  });

  it('create, comment, edit, close', async () => {
    const url = (
      await ok('issue', 'create', '--title', 'Filed by gh', '--body', 'From the CLI', '--label', 'bug')
    ).trim();
    const number = Number(url.split('/').pop());
    expect(url).toBe(`https://github.com/acme/widgets/issues/${number}`);
    expect(issue(number)).toMatchObject({
      title: 'Filed by gh',
      body: 'From the CLI',
      labels: ['bug'],
      user: 'octocat',
    });

    await ok('issue', 'comment', String(number), '--body', 'A comment from gh');
    expect(
      state()
        .comments.filter((comment) => comment.issue_number === number)
        .map((c) => c.body),
    ).toEqual(['A comment from gh']);

    await ok(
      'issue',
      'edit',
      String(number),
      '--title',
      'Renamed by gh',
      '--add-label',
      'enhancement',
      '--add-assignee',
      'alice',
    );
    expect(issue(number)).toMatchObject({
      title: 'Renamed by gh',
      labels: ['bug', 'enhancement'],
      assignees: ['alice'],
    });

    // bob only reads the repository: gh refuses him before changing anything, as against GitHub.
    const refused = await run(
      ['issue', 'edit', String(number), '--title', 'Not applied', '--add-assignee', 'bob', '-R', 'acme/widgets'],
      work,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("'bob' not found");
    expect(issue(number)).toMatchObject({ title: 'Renamed by gh', assignees: ['alice'] });

    await ok('issue', 'close', String(number));
    expect(issue(number).state).toBe('closed');
  });

  it('comment --edit-last edits the viewer’s last comment on an issue and on a pull request', async () => {
    const bodies = (number: number) =>
      state()
        .comments.filter((comment) => comment.issue_number === number)
        .map((comment) => [comment.user, comment.body]);
    await ok('issue', 'comment', '2', '--body', 'Draft answer');
    await ok('issue', 'comment', '2', '--edit-last', '--body', 'Final answer');
    expect(bodies(2)).toContainEqual(['octocat', 'Final answer']);
    expect(bodies(2)).not.toContainEqual(['octocat', 'Draft answer']);
    await ok('pr', 'comment', '4', '--body', 'Draft review note');
    await ok('pr', 'comment', '4', '--edit-last', '--body', 'Final review note');
    expect(bodies(4)).toEqual([['octocat', 'Final review note']]);
  });
});

describe('gh issue delete', () => {
  it('deletes an issue with its comments; the number is not reused', async () => {
    const created = JSON.parse(await ok('api', '-X', 'POST', 'repos/acme/widgets/issues', '-f', 'title=Delete me')) as {
      number: number;
    };
    await ok('issue', 'comment', String(created.number), '--body', 'doomed comment');
    await ok('issue', 'delete', String(created.number), '--yes');
    expect(state().issues.map((candidate) => candidate.number)).not.toContain(created.number);
    expect(state().comments.map((comment) => comment.body)).not.toContain('doomed comment');
    const gone = await run(['api', `repos/acme/widgets/issues/${created.number}`], work);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('This issue was deleted (HTTP 410)');
    const next = JSON.parse(await ok('api', '-X', 'POST', 'repos/acme/widgets/issues', '-f', 'title=After')) as {
      number: number;
    };
    expect(next.number).toBeGreaterThan(created.number);
  });
});

describe('gh issue lock', () => {
  it('lock with a reason and unlock change the issue REST shows', async () => {
    const target = state().issues.find((candidate) => candidate.repo === 'acme/widgets' && !candidate.locked)!;
    await ok('issue', 'lock', String(target.number), '--reason', 'too_heated');
    expect(issue(target.number)).toMatchObject({ locked: true });
    const rest = JSON.parse(await ok('api', `repos/acme/widgets/issues/${target.number}`)) as {
      active_lock_reason: string;
    };
    expect(rest.active_lock_reason).toBe('too heated');
    await ok('issue', 'unlock', String(target.number));
    expect(issue(target.number)).toMatchObject({ locked: false });
  });
});

describe('gh search commits', () => {
  it('finds the seeded commits of a repository by message', async () => {
    const rows = (await run(['search', 'commits', 'initial', '--repo', 'acme/widgets'], work)).stdout
      .trim()
      .split('\n');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.startsWith('acme/widgets\t'))).toBe(true);
    const found = JSON.parse(
      await ok('api', 'search/commits?q=repo:acme/widgets', '--jq', '[.items[].sha]'),
    ) as string[];
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('gh pr status', () => {
  it('lists under review requests the pull request the seed asks octocat to review', async () => {
    const color = state().pullRequests.find((pull) => pull.head.ref === 'feature/color')!;
    const sections = (await ok('pr', 'status')).split(/\n(?=\S)/);
    const requested = sections.find((section) => section.startsWith('Requesting a code review from you'));
    expect(requested).toContain(`#${color.number}  ${color.title}`);
  });
});

describe('gh pr', () => {
  it('list, view, diff and checks', async () => {
    const pulls = JSON.parse(await ok('pr', 'list', '--json', 'number,headRefName')) as Array<{
      number: number;
      headRefName: string;
    }>;
    expect(pulls.map((pull) => pull.headRefName)).toEqual(expect.arrayContaining(['feature/color']));
    const color = pulls.find((pull) => pull.headRefName === 'feature/color')!.number;
    const viewed = JSON.parse(
      await ok('pr', 'view', String(color), '--json', 'title,additions,deletions,files,commits'),
    ) as {
      title: string;
      additions: number;
      files: Array<{ path: string }>;
      commits: unknown[];
    };
    expect(viewed.title).toBe(issue(color).title);
    expect(viewed.additions).toBeGreaterThan(0);
    expect(viewed.files.map((file) => file.path)).toContain('src/widget.js');
    expect(await ok('pr', 'diff', String(color))).toMatch(/^diff --git a\/src\/widget.js/);
    const checks = await ok('pr', 'checks', String(color));
    expect(checks).toMatch(/^test\tpass\t/m);
  });

  it('create from a pushed branch, checkout, review, merge', async () => {
    await runCommand('git', ['checkout', '-q', '-b', 'feature/from-gh'], env, work);
    writeFileSync(join(work, 'from-gh.txt'), 'made with gh\n');
    await runCommand('git', ['add', 'from-gh.txt'], env, work);
    await runCommand('git', ['commit', '-q', '-m', 'Add from-gh.txt'], env, work);
    const pushed = await runCommand('git', ['push', '-q', '-u', 'origin', 'feature/from-gh'], env, work);
    expect(pushed.stderr).toBe('');
    const url = (await ok('pr', 'create', '--title', 'From gh', '--body', 'Closes #2', '--base', 'main')).trim();
    const number = Number(url.split('/').pop());
    expect(state().pullRequests.find((pull) => pull.number === number)).toMatchObject({
      title: 'From gh',
      head: { ref: 'feature/from-gh' },
      base: { ref: 'main' },
    });

    // Another pull request's branch, fetched from github.com through the proxy.
    const other = state().pullRequests.find((pull) => pull.head.ref === 'fix/readme-typo')!.number;
    await ok('pr', 'checkout', String(other));
    expect((await runCommand('git', ['branch', '--show-current'], env, work)).stdout.trim()).toBe('fix/readme-typo');
    expect(readFileSync(join(work, 'README.md'), 'utf8')).toBeTruthy();

    // Approving one's own pull request is refused, as on GitHub; a comment review is not.
    const own = await run(['pr', 'review', String(number), '--approve', '-R', 'acme/widgets'], work);
    expect(own.stderr).toContain('Can not approve your own pull request');
    await ok('pr', 'review', String(number), '--comment', '--body', 'Looks good');
    const color = state().pullRequests.find((pull) => pull.head.ref === 'feature/color')!.number;
    await ok('pr', 'review', String(color), '--approve', '--body', 'Ship it');
    expect(state().reviews.filter((review) => review.user === 'octocat')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pull_number: number, state: 'COMMENTED', body: 'Looks good' }),
        expect.objectContaining({ pull_number: color, state: 'APPROVED', body: 'Ship it' }),
      ]),
    );

    await ok('pr', 'merge', String(number), '--merge');
    expect(state().pullRequests.find((pull) => pull.number === number)).toMatchObject({ merged: true });
    expect(issue(2).state).toBe('closed');
  });

  it('pr list --author @me and --search reviewed-by:@me name the token’s user', async () => {
    const mine = JSON.parse(
      await ok('pr', 'list', '--author', '@me', '--state', 'all', '--json', 'number,author'),
    ) as Array<{
      number: number;
      author: { login: string };
    }>;
    const authored = state()
      .pullRequests.filter((pull) => pull.user === 'octocat')
      .map((pull) => pull.number);
    expect(authored.length).toBeGreaterThan(0);
    expect(mine.map((pull) => pull.number).sort()).toEqual(authored.sort());
    // octocat reviewed two pull requests above (and its approval took back the seed's review request).
    const reviewed = JSON.parse(
      await ok('pr', 'list', '--state', 'all', '--search', 'reviewed-by:@me', '--json', 'number'),
    ) as Array<{ number: number }>;
    const expected = [
      ...new Set(
        state()
          .reviews.filter((r) => r.user === 'octocat')
          .map((r) => r.pull_number),
      ),
    ];
    expect(expected).toHaveLength(2);
    expect(reviewed.map((pull) => pull.number).sort()).toEqual(expected.sort());
  });
});

describe('gh pr edit reviewers', () => {
  it('--add-reviewer and --remove-reviewer change the requested reviewers REST lists, on an organization’s repository', async () => {
    const pull = state().pullRequests.find((candidate) => candidate.head.ref === 'fix/readme-typo')!.number;
    const requested = async () => {
      const reply = await fetch(`${clone.apiUrl}/repos/acme/widgets/pulls/${pull}/requested_reviewers`, {
        headers: { authorization: `Bearer ${clone.token}` },
      });
      const body = (await reply.json()) as { users: Array<{ login: string }>; teams: unknown[] };
      return body.users.map((user) => user.login);
    };
    expect(await requested()).toEqual([]);
    await ok('pr', 'edit', String(pull), '--add-reviewer', 'alice');
    expect(await requested()).toEqual(['alice']);
    await ok('pr', 'edit', String(pull), '--add-reviewer', 'octocat');
    expect((await requested()).sort()).toEqual(['alice', 'octocat']);
    await ok('pr', 'edit', String(pull), '--remove-reviewer', 'alice');
    expect(await requested()).toEqual(['octocat']);
  });
});

describe('gh release', () => {
  it('list shows the releases REST created, the latest and the drafts marked', async () => {
    await ok('api', '-X', 'POST', 'repos/acme/widgets/releases', '-f', 'tag_name=v0.9.0', '-f', 'name=Nine');
    await ok('api', '-X', 'POST', 'repos/acme/widgets/releases', '-f', 'tag_name=v1.0.0', '-f', 'name=One');
    await ok(
      'api',
      '-X',
      'POST',
      'repos/acme/widgets/releases',
      '-f',
      'tag_name=v1.1.0',
      '-f',
      'name=Next',
      '-F',
      'draft=true',
    );
    const rows = (await ok('release', 'list'))
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 3));
    expect(rows).toEqual([
      ['Next', 'Draft', 'v1.1.0'],
      ['One', 'Latest', 'v1.0.0'],
      ['Nine', '', 'v0.9.0'],
    ]);
  });

  it('view shows a release by tag, and the latest without one', async () => {
    await ok(
      'api',
      '-X',
      'POST',
      'repos/acme/widgets/releases',
      '-f',
      'tag_name=v2.0.0',
      '-f',
      'name=Two',
      '-f',
      'body=Big',
    );
    const viewed = JSON.parse(await ok('release', 'view', 'v2.0.0', '--json', 'tagName,name,body,isDraft')) as unknown;
    expect(viewed).toEqual({ tagName: 'v2.0.0', name: 'Two', body: 'Big', isDraft: false });
    const shown = await ok('release', 'view', 'v2.0.0');
    expect(shown).toMatch(/tag:\s+v2\.0\.0/);
    expect(shown).toContain('Big');
    const latest = JSON.parse(await ok('release', 'view', '--json', 'tagName')) as { tagName: string };
    expect(latest.tagName).toBe('v2.0.0');
    expect((await run(['release', 'view', 'v404', '-R', 'acme/widgets'], work)).code).not.toBe(0);
  });
});

describe('gh label and gh api', () => {
  it('label list shows the repository’s labels', async () => {
    const names = (await ok('label', 'list'))
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[0]);
    expect(names.sort()).toEqual(
      state()
        .labels.filter((label) => label.repo === 'acme/widgets')
        .map((l) => l.name)
        .sort(),
    );
  });

  it('api calls REST and GraphQL', async () => {
    expect((await ok('api', 'repos/acme/widgets', '--jq', '.full_name')).trim()).toBe('acme/widgets');
    await ok('api', '-X', 'POST', 'repos/acme/widgets/labels', '-f', 'name=from-gh-api', '-f', 'color=ededed');
    expect(state().labels.map((label) => label.name)).toContain('from-gh-api');
    const viewer = JSON.parse(await ok('api', 'graphql', '-f', 'query={ viewer { login } }')) as {
      data: { viewer: { login: string } };
    };
    expect(viewer.data.viewer.login).toBe('octocat');
  });

  it('api --paginate follows Link to the last page', async () => {
    const numbers = (
      await ok('api', '--paginate', 'repos/acme/widgets/issues?per_page=1&state=all', '--jq', '.[].number')
    )
      .trim()
      .split('\n')
      .map(Number);
    // GitHub's issues list holds pull requests too.
    const expected = [...state().issues, ...state().pullRequests]
      .filter((issue) => issue.repo === 'acme/widgets')
      .map((issue) => issue.number);
    expect(expected.length).toBeGreaterThan(1);
    expect(numbers.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });
});

describe('gh pr edit with a team', () => {
  it('asks a team of the organization for a review, and pr view lists it', async () => {
    const rest = (method: string, path: string, body: unknown) =>
      fetch(`${clone.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await rest('POST', '/orgs/acme/teams', { name: 'Reviewers' })).status).toBe(201);
    expect((await rest('PUT', '/orgs/acme/teams/reviewers/repos/acme/widgets', { permission: 'push' })).status).toBe(
      204,
    );
    const open = state().pullRequests.find((pull) => pull.state === 'open')!;
    await ok('pr', 'edit', String(open.number), '--add-reviewer', 'acme/reviewers');
    expect(issue(open.number)).toMatchObject({ requested_teams: ['reviewers'] });
    const viewed = JSON.parse(await ok('pr', 'view', String(open.number), '--json', 'reviewRequests')) as {
      reviewRequests: Array<{ __typename?: string; slug?: string; name?: string; login?: string }>;
    };
    expect(viewed.reviewRequests).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: 'acme/reviewers' })]),
    );
  });
});

describe('gh repo', () => {
  it('repo view --json languages shows what REST’s languages counts, and gh api reads contributors', async () => {
    const rest = (await ok('api', 'repos/acme/widgets/languages')).trim();
    const bytes = JSON.parse(rest) as Record<string, number>;
    expect(Object.keys(bytes).length).toBeGreaterThan(0);
    const view = await run(['repo', 'view', 'acme/widgets', '--json', 'languages'], work);
    expect(view).toMatchObject({ code: 0 });
    const viewed = JSON.parse(view.stdout) as { languages: Array<{ node: { name: string }; size: number }> };
    expect(Object.fromEntries(viewed.languages.map((entry) => [entry.node.name, entry.size]))).toEqual(bytes);
    const logins = (await ok('api', 'repos/acme/widgets/contributors', '--jq', '.[].login')).trim().split('\n');
    expect(logins.length).toBeGreaterThan(0);
  });

  it('repo, issue and pr view answer every --json field gh offers, all at once', async () => {
    for (const command of [
      ['repo', 'view', 'acme/widgets'],
      ['issue', 'view', '1', '-R', 'acme/widgets'],
      ['pr', 'view', '4', '-R', 'acme/widgets'],
    ]) {
      // Without fields, gh lists the fields it knows.
      const listing = await run([...command, '--json'], work);
      const fields = listing.stderr
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter((line) => /^\w+$/.test(line));
      expect(fields.length).toBeGreaterThan(10);
      const viewed = await run([...command, '--json', fields.join(',')], work);
      expect({ command, code: viewed.code, stderr: viewed.stderr }).toEqual({ command, code: 0, stderr: '' });
      expect(Object.keys(JSON.parse(viewed.stdout) as object).sort()).toEqual([...fields].sort());
    }
  });

  it('repo create makes a repository for the viewer or an organization', async () => {
    const mine = await run(['repo', 'create', 'octocat/gh-made', '--private', '--description', 'Made by gh'], work);
    expect(mine).toMatchObject({ code: 0 });
    const theirs = await run(['repo', 'create', 'acme/gh-org-made', '--public'], work);
    expect(theirs).toMatchObject({ code: 0 });
    const repos = state().repos;
    expect(repos.find((repo) => repo.full_name === 'octocat/gh-made')).toMatchObject({
      private: true,
      description: 'Made by gh',
    });
    expect(repos.find((repo) => repo.full_name === 'acme/gh-org-made')).toMatchObject({ private: false });
  });

  it('repo delete removes a repository the token administers', async () => {
    await ok('api', '-X', 'POST', 'user/repos', '-f', 'name=gh-doomed');
    expect(state().repos.map((repo) => repo.full_name)).toContain('octocat/gh-doomed');
    const deleted = await run(['repo', 'delete', 'octocat/gh-doomed', '--yes']);
    expect(deleted).toMatchObject({ code: 0 });
    expect(state().repos.map((repo) => repo.full_name)).not.toContain('octocat/gh-doomed');
  });
});

describe('gh issue pin', () => {
  const pinned = async () =>
    (
      JSON.parse(
        await ok(
          'api',
          'graphql',
          '-f',
          'query={ repository(owner: "acme", name: "widgets") { pinnedIssues(first: 10) { nodes { issue { number } pinnedBy { login } } } } }',
        ),
      ) as {
        data: {
          repository: { pinnedIssues: { nodes: Array<{ issue: { number: number }; pinnedBy: { login: string } }> } };
        };
      }
    ).data.repository.pinnedIssues.nodes;

  const isPinned = async (number: number) =>
    (
      JSON.parse(
        await ok(
          'api',
          'graphql',
          '-f',
          `query={ repository(owner: "acme", name: "widgets") { issue(number: ${number}) { isPinned } } }`,
        ),
      ) as { data: { repository: { issue: { isPinned: boolean } } } }
    ).data.repository.issue.isPinned;

  it('pins and unpins an issue, which the repository lists, and refuses a fourth', async () => {
    const open = state().issues.filter((candidate) => candidate.repo === 'acme/widgets' && candidate.state === 'open');
    const target = open[0]!.number;
    await ok('issue', 'pin', String(target));
    expect(await isPinned(target)).toBe(true);
    expect(issue(target)).toMatchObject({ pinned: true });
    expect(await pinned()).toEqual([{ issue: { number: target }, pinnedBy: { login: 'octocat' } }]);
    // Pinning twice is a no-op, as on GitHub.
    await ok('issue', 'pin', String(target));
    expect(await pinned()).toHaveLength(1);

    const extra = [];
    for (let i = 0; i < 3; i++)
      extra.push(
        (
          JSON.parse(await ok('api', '-X', 'POST', 'repos/acme/widgets/issues', '-f', `title=Pin ${i}`)) as {
            number: number;
          }
        ).number,
      );
    await ok('issue', 'pin', String(extra[0]));
    await ok('issue', 'pin', String(extra[1]));
    const fourth = await run(['issue', 'pin', String(extra[2]), '-R', 'acme/widgets'], work);
    expect(fourth.code).not.toBe(0);
    expect(fourth.stderr).toContain('only pin up to 3 issues');

    await ok('issue', 'unpin', String(target));
    expect(await isPinned(target)).toBe(false);
    expect((await pinned()).map((node) => node.issue.number)).toEqual([extra[0], extra[1]]);
  });
});

describe('gh status', () => {
  it('shows the assigned issues, review requests, mentions and repository activity of the user', async () => {
    const alice = octokitFor(clone, TOKENS.alice);
    const target = state().issues.find((candidate) => candidate.repo === 'acme/widgets' && candidate.state === 'open')!;
    await ok('issue', 'edit', String(target.number), '--add-assignee', '@me');
    const pull = state().pullRequests.find((candidate) => candidate.user === 'alice' && candidate.state === 'open')!;
    await alice.pulls.requestReviewers({ owner, repo, pull_number: pull.number, reviewers: ['octocat'] });
    const { data: mentioned } = await alice.issues.create({ owner, repo, title: 'Needs octocat' });
    await alice.issues.createComment({
      owner,
      repo,
      issue_number: mentioned.number,
      body: 'Could @octocat have a look at this?',
    });

    const result = await run(['status'], work);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const section = (title: string) => {
      const text = result.stdout;
      const start = text.indexOf(title);
      expect(start).toBeGreaterThanOrEqual(0);
      return text.slice(start, start + 400);
    };
    expect(section('Assigned Issues')).toContain(`acme/widgets#${target.number}`);
    expect(section('Review Requests')).toContain(`acme/widgets#${pull.number}`);
    expect(section('Mentions')).toContain(`acme/widgets#${mentioned.number}`);
    expect(section('Mentions')).toContain('Could @octocat have');
    expect(section('Repository Activity')).toContain(`acme/widgets#${mentioned.number}\tcomment on`);
  });
});

describe('gh gist', () => {
  it('creates, lists, views, edits (REST) and deletes gists, each user seeing their own', async () => {
    const dir = tempDir('archal-gh-gist-');
    writeFileSync(join(dir, 'notes.md'), '# Notes\nremember the milk\n');
    const url = (await run(['gist', 'create', 'notes.md', '-d', 'Shopping notes'], dir)).stdout.trim();
    const id = url.split('/').pop()!;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(state().gists.find((gist) => gist.id === id)).toMatchObject({
      owner: 'octocat',
      public: false,
      description: 'Shopping notes',
      files: { 'notes.md': '# Notes\nremember the milk\n' },
    });
    const secret = await run(['gist', 'create', '--public', 'notes.md', '-d', 'Public notes'], dir);
    expect(secret.code).toBe(0);

    const listed = await run(['gist', 'list'], dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('Shopping notes');
    expect(listed.stdout).toContain('Public notes');
    expect((await run(['gist', 'list', '--secret'], dir)).stdout).not.toContain('Public notes');

    const viewed = await run(['gist', 'view', id, '--raw', '--filename', 'notes.md'], dir);
    expect(viewed).toMatchObject({ code: 0, stdout: '# Notes\nremember the milk\n' });

    const alice = octokitFor(clone, TOKENS.alice);
    // A secret gist is unlisted, not private: anyone with its id reads it, only its owner changes it.
    expect((await alice.gists.get({ gist_id: id })).data.description).toBe('Shopping notes');
    await expect(alice.gists.delete({ gist_id: id })).rejects.toMatchObject({ status: 404 });
    expect((await alice.gists.listForUser({ username: 'octocat' })).data.map((g) => g.description)).toEqual([
      'Public notes',
    ]);
    const octocat = octokitFor(clone, clone.token);
    const { data: edited } = await octocat.gists.update({
      gist_id: id,
      files: { 'notes.md': { filename: 'todo.md' }, 'extra.txt': { content: 'more' } },
    });
    expect(Object.keys(edited.files ?? {}).sort()).toEqual(['extra.txt', 'todo.md']);
    expect(edited.files?.['todo.md']?.content).toBe('# Notes\nremember the milk\n');
    await expect(octocat.gists.create({ files: {} })).rejects.toMatchObject({ status: 422 });

    expect((await run(['gist', 'delete', id], dir)).code).toBe(0);
    await expect(alice.gists.get({ gist_id: id })).rejects.toMatchObject({ status: 404 });
    expect((await run(['gist', 'list'], dir)).stdout).not.toContain(id);
  });
});

describe('gh secret', () => {
  it('sets, lists and deletes repository Actions secrets, sealed and never shown', async () => {
    await ok('secret', 'set', 'DEPLOY_TOKEN', '--body', 'hunter2-very-secret');
    await ok('secret', 'set', 'OTHER', '--body', 'x');
    await ok('secret', 'set', 'DEPLOY_TOKEN', '--body', 'rotated-value');
    expect(state().secrets.map((secret) => [secret.repo, secret.name])).toEqual([
      ['acme/widgets', 'DEPLOY_TOKEN'],
      ['acme/widgets', 'OTHER'],
    ]);
    const listed = await ok('secret', 'list');
    expect(listed.split('\n').map((line) => line.split('\t')[0])).toEqual(['DEPLOY_TOKEN', 'OTHER', '']);
    const api = JSON.parse(await ok('api', 'repos/acme/widgets/actions/secrets/DEPLOY_TOKEN')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(api).sort()).toEqual(['created_at', 'name', 'updated_at']);
    // What gh sent is a sealed box: neither the value nor its base64 is anywhere in the responses.
    const log = JSON.stringify(clone.handle.requests());
    expect(log).not.toContain('rotated-value');
    expect(log).not.toContain(Buffer.from('rotated-value').toString('base64'));
    const bad = await run(['secret', 'set', 'GITHUB_THING', '--body', 'x', '-R', 'acme/widgets'], work);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('must not start with the GITHUB_ prefix');
    await ok('secret', 'delete', 'OTHER');
    expect(await ok('secret', 'list')).not.toContain('OTHER');
  });
});

describe('gh api notifications', () => {
  it('marks a thread read, then all of them, as gh api sends it', async () => {
    const alice = octokitFor(clone, TOKENS.alice);
    const { data: pinged } = await alice.issues.create({ owner, repo, title: 'Ping for gh api', body: '@octocat hi' });
    type Listed = Array<{ id: string; unread: boolean; last_read_at: string | null; subject: { title: string } }>;
    const list = async (path: string) => JSON.parse(await ok('api', path)) as Listed;
    const thread = (await list('notifications')).find((entry) => entry.subject.title === 'Ping for gh api')!;
    expect(thread).toMatchObject({ unread: true, last_read_at: null });

    await ok('api', '-X', 'PATCH', `notifications/threads/${thread.id}`);
    expect((await list('notifications')).map((entry) => entry.id)).not.toContain(thread.id);
    expect((await list('notifications?all=true')).find((entry) => entry.id === thread.id)).toMatchObject({
      unread: false,
      last_read_at: expect.any(String),
    });

    await alice.issues.createComment({ owner, repo, issue_number: pinged.number, body: '@octocat again' });
    expect((await list('notifications')).map((entry) => entry.id)).toContain(thread.id);
    await ok('api', '-X', 'PUT', 'notifications', '-f', `last_read_at=${new Date(Date.now() + 1000).toISOString()}`);
    expect(await list('notifications')).toEqual([]);
    expect((await list('notifications?all=true')).length).toBeGreaterThan(0);
  });
});

describe('gh api actions/variables', () => {
  // The installed gh predates `gh variable`; these are the requests it sends (set: POST, then PATCH on 409).
  it('creates, gets, lists, updates and deletes repository Actions variables', async () => {
    const path = 'repos/acme/widgets/actions/variables';
    await ok('api', path, '-f', 'name=DEPLOY_REGION', '-f', 'value=eu-west-1');
    await ok('api', path, '-f', 'name=log_level', '-f', 'value=debug');
    const again = await run(['api', path, '-f', 'name=DEPLOY_REGION', '-f', 'value=x'], work);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('HTTP 409');
    await ok('api', '-X', 'PATCH', `${path}/DEPLOY_REGION`, '-f', 'value=us-east-1');
    const got = JSON.parse(await ok('api', `${path}/deploy_region`)) as Record<string, unknown>;
    expect(got).toMatchObject({ name: 'DEPLOY_REGION', value: 'us-east-1' });
    const listed = JSON.parse(await ok('api', path)) as { total_count: number; variables: Array<{ name: string }> };
    expect(listed.variables.map((variable) => variable.name)).toEqual(['DEPLOY_REGION', 'LOG_LEVEL']);
    expect(state().variables.map((variable) => [variable.repo, variable.name, variable.value])).toEqual([
      ['acme/widgets', 'DEPLOY_REGION', 'us-east-1'],
      ['acme/widgets', 'LOG_LEVEL', 'debug'],
    ]);
    const bad = await run(['api', path, '-f', 'name=GITHUB_THING', '-f', 'value=x'], work);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('must not start with the GITHUB_ prefix');
    await ok('api', '-X', 'DELETE', `${path}/LOG_LEVEL`);
    expect(state().variables.map((variable) => variable.name)).toEqual(['DEPLOY_REGION']);
    const missing = await run(['api', `${path}/LOG_LEVEL`], work);
    expect(missing.stderr).toContain('HTTP 404');
  });
});

describe('gh secret --org', () => {
  it('sets organization secrets for all, private or selected repositories, and lists them', async () => {
    const org = ['--org', 'acme'];
    await ok('secret', 'set', 'ORG_DEPLOY', '--body', 'org-secret-value-77', ...org, '--visibility', 'all');
    await ok('secret', 'set', 'ORG_PICKED', '--body', 'x', ...org, '--repos', 'widgets');
    const listed = await ok('secret', 'list', ...org);
    const rows = listed
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(['ORG_DEPLOY', 'ORG_PICKED']);
    expect(rows[0]).toContain('ALL');
    expect(rows[1]!.join(' ')).toContain('SELECTED');
    expect(
      state().orgSecrets.map((secret) => [secret.org, secret.name, secret.visibility, secret.selected_repos]),
    ).toEqual([
      ['acme', 'ORG_DEPLOY', 'all', []],
      ['acme', 'ORG_PICKED', 'selected', ['acme/widgets']],
    ]);
    const log = JSON.stringify(clone.handle.requests());
    expect(log).not.toContain('org-secret-value-77');
    await ok('secret', 'delete', 'ORG_PICKED', ...org);
    expect(await ok('secret', 'list', ...org)).not.toContain('ORG_PICKED');
  });
});

describe('gh secret --env', () => {
  it("sets, lists and deletes an environment's secrets", async () => {
    await ok('api', '-X', 'PUT', 'repos/acme/widgets/environments/production');
    await ok('secret', 'set', 'PROD_TOKEN', '--body', 'env-secret-value-55', '--env', 'production');
    expect((await ok('secret', 'list', '--env', 'production')).split('\t')[0]).toBe('PROD_TOKEN');
    expect(state().environmentSecrets.map((secret) => [secret.repo, secret.environment, secret.name])).toEqual([
      ['acme/widgets', 'production', 'PROD_TOKEN'],
    ]);
    expect(JSON.stringify(clone.handle.requests())).not.toContain('env-secret-value-55');
    await ok('secret', 'delete', 'PROD_TOKEN', '--env', 'production');
    expect(await ok('secret', 'list', '--env', 'production')).toBe('');
  });
});
