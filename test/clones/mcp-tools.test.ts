import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { namedSeed, octokitFor, startClone, TOKENS } from './support/clone.js';

/**
 * Fidelity to github/github-mcp-server: the tools it lists (recorded in fixtures/ from its
 * __toolsnaps__ snapshots) are listed identically by the clone, and each, called with the official
 * MCP SDK client, changes the clone's state and answers in github-mcp-server's shapes.
 */
interface Recorded {
  source: string;
  tools: Array<{ name: string; description: string; annotations: unknown; inputSchema: unknown }>;
}
const recorded = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'clones', 'fixtures', 'github-mcp-server-tools.json'), 'utf8'),
) as Recorded;

let clone: GitHubClone;
let client: Client;
const repo = { owner: 'acme', repo: 'widgets' };

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  client = new Client({ name: 'archal-fidelity', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${clone.apiUrl}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${clone.token}` } },
    }),
  );
});
afterAll(async () => {
  await client.close();
});

type Content = { type: string; text?: string; resource?: { uri: string; text?: string; mimeType?: string } };

async function result(name: string, args: Record<string, unknown>) {
  const answer = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content: Content[] };
  return answer;
}

/** Calls a tool that must succeed and returns its answer parsed (or its text, when it is not JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by shape in each test
async function ok(name: string, args: Record<string, unknown> = {}): Promise<any> {
  const answer = await result(name, args);
  const text = answer.content[0]?.text ?? '';
  if (answer.isError) throw new Error(`${name} failed: ${text}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const state = () => clone.handle.state();

describe('tool definitions', () => {
  it('lists exactly the recorded tools, each with github-mcp-server’s description, annotations and input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(recorded.tools.map((tool) => tool.name).sort());
    for (const expected of recorded.tools) {
      const served = tools.find((tool) => tool.name === expected.name)!;
      expect({ name: served.name, inputSchema: served.inputSchema }).toEqual({
        name: expected.name,
        inputSchema: expected.inputSchema,
      });
      expect(served.description).toBe(expected.description);
      expect(served.annotations).toEqual(expected.annotations);
    }
  });

  it('refuses a call without a required parameter, naming it', async () => {
    const answer = await result('create_pull_request', { ...repo, title: 'x', head: 'feature/color' });
    expect(answer.isError).toBe(true);
    expect(answer.content[0]!.text).toBe('missing required parameter: base');
  });
});

describe('arguments', () => {
  it('takes numbers sent as strings, as github-mcp-server does, and refuses what is no number or empty', async () => {
    expect(await ok('issue_read', { method: 'get', ...repo, issue_number: '1' })).toMatchObject({ number: 1 });
    const first = await ok('list_issues', { ...repo, perPage: '1' });
    expect(first.issues).toHaveLength(1);
    const next = await ok('list_issues', { ...repo, perPage: '1', after: first.pageInfo.endCursor });
    expect(next.issues).toHaveLength(1);
    expect(next.issues[0].number).not.toBe(first.issues[0].number);
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ issue_number: 'abc' }, 'parameter issue_number is not a valid number: invalid numeric value: abc'],
      [{ issue_number: 1.5 }, 'parameter issue_number is not a valid number: non-integer numeric value: 1.5'],
      [{ issue_number: true }, 'parameter issue_number is not a valid number: expected number, got bool'],
      [{ issue_number: 0 }, 'missing required parameter: issue_number'],
      [{ issue_number: 1, owner: '' }, 'missing required parameter: owner'],
      [{ issue_number: 1, owner: 7 }, 'parameter owner is not of type string'],
    ];
    for (const [args, message] of refusals) {
      const answer = await result('issue_read', { method: 'get', ...repo, ...args });
      expect({ args, isError: answer.isError, text: answer.content[0]!.text }).toEqual({
        args,
        isError: true,
        text: message,
      });
    }
    const perPage = await result('list_branches', { ...repo, perPage: 'ten' });
    expect(perPage.content[0]!.text).toBe('parameter perPage is not a valid number: invalid numeric value: ten');
  });
});

describe('context and users', () => {
  it('get_me answers the minimal user with its details', async () => {
    const me = await ok('get_me');
    expect(me).toMatchObject({
      login: 'octocat',
      id: expect.any(Number),
      profile_url: expect.stringContaining('/octocat'),
    });
    expect(me.details).toMatchObject({ name: 'The Octocat', email: 'octocat@example.com' });
    expect(me).not.toHaveProperty('repos_url');
  });

  it('search_users answers minimal users', async () => {
    const found = await ok('search_users', { query: 'alice' });
    expect(found).toMatchObject({ total_count: 1, incomplete_results: false });
    expect(found.items).toEqual([expect.objectContaining({ login: 'alice', id: expect.any(Number) })]);
    expect(Object.keys(found.items[0]).sort()).toEqual(['avatar_url', 'id', 'login', 'profile_url']);
  });
});

describe('teams', () => {
  it('get_teams and get_team_members answer the teams of the organizations the token sees', async () => {
    const org = await startClone({ seed: 'enterprise-repo' });
    const orgClient = new Client({ name: 'archal-fidelity', version: '1.0.0' });
    await orgClient.connect(
      new StreamableHTTPClientTransport(new URL(`${org.apiUrl}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${org.token}` } },
      }),
    );
    const call = async (name: string, args: Record<string, unknown>) => {
      const answer = (await orgClient.callTool({ name, arguments: args })) as { isError?: boolean; content: Content[] };
      if (answer.isError) throw new Error(answer.content[0]!.text);
      return JSON.parse(answer.content[0]!.text!) as unknown;
    };
    try {
      expect(await call('get_teams', {})).toEqual([]);
      expect(await call('get_teams', { user: 'bob' })).toEqual([
        {
          org: 'acme-corp',
          teams: [
            { name: 'Platform', slug: 'platform', description: 'Owns the API and the infrastructure.' },
            { name: 'Platform Oncall', slug: 'platform-oncall', description: 'Who is paged for the API.' },
          ],
        },
      ]);
      expect(
        ((await call('get_team_members', { org: 'acme-corp', team_slug: 'platform' })) as string[]).sort(),
      ).toEqual(['alice', 'bob']);
      expect(await call('get_team_members', { org: 'acme-corp', team_slug: 'no-such-team' })).toEqual([]);
    } finally {
      await orgClient.close();
    }
  });
});

describe('issues and labels', () => {
  let number: number;

  it('issue_write creates and updates, answering {id, url}', async () => {
    const created = await ok('issue_write', {
      method: 'create',
      ...repo,
      title: 'Fidelity issue',
      body: 'Made over MCP',
      labels: ['bug'],
      assignees: ['alice'],
    });
    expect(Object.keys(created).sort()).toEqual(['id', 'url']);
    expect(created.id).toMatch(/^\d+$/);
    number = Number(String(created.url).split('/').pop());
    expect(created.url).toBe(`${clone.apiUrl.replace(/\/$/, '')}/acme/widgets/issues/${number}`);
    await ok('issue_write', { method: 'update', ...repo, issue_number: number, title: 'Fidelity issue, renamed' });
    expect(state().issues.find((issue) => issue.number === number)).toMatchObject({
      title: 'Fidelity issue, renamed',
      labels: ['bug'],
      assignees: ['alice'],
    });
  });

  it('issue_write closes as a duplicate only with duplicate_of, and takes duplicate_of only for a duplicate', async () => {
    const update = (extra: Record<string, unknown>) =>
      result('issue_write', { method: 'update', ...repo, issue_number: number, ...extra });
    const without = await update({ state: 'closed', state_reason: 'duplicate' });
    expect(without.content[0]!.text).toBe("duplicate_of must be provided when state_reason is 'duplicate'");
    const stray = await update({ state: 'closed', state_reason: 'completed', duplicate_of: 1 });
    expect(stray.content[0]!.text).toBe("duplicate_of can only be used when state_reason is 'duplicate'");
    expect(state().issues.find((issue) => issue.number === number)!.state).toBe('open');
    expect((await update({ state: 'closed', state_reason: 'duplicate', duplicate_of: 1 })).isError ?? false).toBe(
      false,
    );
    expect(state().issues.find((issue) => issue.number === number)).toMatchObject({
      state: 'closed',
      state_reason: 'duplicate',
    });
    await ok('issue_write', { method: 'update', ...repo, issue_number: number, state: 'open' });
  });

  it('issue_read answers the minimal issue, its comments and its labels', async () => {
    await ok('add_issue_comment', { ...repo, issue_number: number, body: 'A comment' });
    const issue = await ok('issue_read', { method: 'get', ...repo, issue_number: number });
    expect(issue).toMatchObject({
      number,
      title: 'Fidelity issue, renamed',
      state: 'open',
      labels: ['bug'],
      assignees: ['alice'],
      user: { login: 'octocat' },
      comments: 1,
    });
    expect(issue).not.toHaveProperty('labels_url');
    const comments = await ok('issue_read', { method: 'get_comments', ...repo, issue_number: number });
    expect(comments).toEqual([
      expect.objectContaining({ body: 'A comment', user: expect.objectContaining({ login: 'octocat' }) }),
    ]);
    const labels = await ok('issue_read', { method: 'get_labels', ...repo, issue_number: number });
    expect(labels).toEqual({
      labels: [{ id: expect.any(String), name: 'bug', color: expect.any(String), description: expect.any(String) }],
      totalCount: 1,
    });
    expect(await ok('issue_read', { method: 'get_sub_issues', ...repo, issue_number: number })).toEqual([]);
    expect(await ok('issue_read', { method: 'get_parent', ...repo, issue_number: number })).toEqual({ parent: null });
  });

  it('add_issue_comment answers {id, url}, and {comment, reaction} with a reaction', async () => {
    const comment = await ok('add_issue_comment', { ...repo, issue_number: number, body: 'Second' });
    expect(Object.keys(comment).sort()).toEqual(['id', 'url']);
    expect(comment.url).toContain(`#issuecomment-${comment.id}`);
    const both = await ok('add_issue_comment', { ...repo, issue_number: number, body: 'Third', reaction: '+1' });
    expect(Object.keys(both).sort()).toEqual(['comment', 'reaction']);
    expect(state().comments.filter((entry) => entry.issue_number === number)).toHaveLength(3);
    // A reaction's url is its REST URL, as github-mcp-server builds it.
    expect(both.reaction.url).toBe(`${clone.apiUrl}/repos/acme/widgets/issues/${number}/reactions/${both.reaction.id}`);
    const onComment = await ok('add_issue_comment', {
      ...repo,
      issue_number: number,
      comment_id: Number(comment.id),
      reaction: 'heart',
    });
    expect(onComment.url).toBe(
      `${clone.apiUrl}/repos/acme/widgets/issues/comments/${comment.id}/reactions/${onComment.id}`,
    );
    expect(state().reactions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: Number(onComment.id), comment_id: Number(comment.id), content: 'heart' }),
      ]),
    );
  });

  it('list_issues pages issues only, with pageInfo and minimal issues', async () => {
    const pullNumbers = new Set(state().pullRequests.map((pull) => pull.number));
    const open = state().issues.filter((issue) => issue.state === 'open' && !pullNumbers.has(issue.number));
    const first = await ok('list_issues', { ...repo, state: 'OPEN', perPage: 2 });
    expect(first.totalCount).toBe(open.length);
    expect(first.issues).toHaveLength(Math.min(2, open.length));
    expect(first.pageInfo).toMatchObject({ hasNextPage: open.length > 2, hasPreviousPage: false });
    const second = await ok('list_issues', { ...repo, state: 'OPEN', perPage: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const only = await ok('list_issues', { ...repo, fields: ['number', 'title'] });
    expect(Object.keys(only.issues[0]).sort()).toEqual(['number', 'title']);
  });

  it('list_issues counts and pages past the REST API’s 100 a page, and refuses `page` as github-mcp-server does', async () => {
    const seed = namedSeed('small-project');
    for (let n = 1; n <= 120; n++) seed.repos![0]!.issues!.push({ title: `Bulk ${n}`, author: 'bob' });
    const big = await startClone({ seed });
    const bigClient = new Client({ name: 'archal-fidelity', version: '1.0.0' });
    await bigClient.connect(
      new StreamableHTTPClientTransport(new URL(`${big.apiUrl}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${big.token}` } },
      }),
    );
    const list = async (args: Record<string, unknown>) => {
      const answer = (await bigClient.callTool({ name: 'list_issues', arguments: { ...repo, ...args } })) as {
        isError?: boolean;
        content: Content[];
      };
      return { isError: answer.isError ?? false, text: answer.content[0]!.text! };
    };
    try {
      const pullNumbers = new Set(big.handle.state().pullRequests.map((pull) => pull.number));
      const issues = big.handle.state().issues.filter((issue) => !pullNumbers.has(issue.number));
      expect(issues.length).toBeGreaterThan(120);
      const seen: number[] = [];
      let after: string | undefined;
      for (;;) {
        const page = JSON.parse((await list({ perPage: 50, ...(after ? { after } : {}) })).text) as {
          issues: Array<{ number: number }>;
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor?: string };
        };
        expect(page.totalCount).toBe(issues.length);
        seen.push(...page.issues.map((issue) => issue.number));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen.sort((a, b) => a - b)).toEqual(issues.map((issue) => issue.number).sort((a, b) => a - b));
      const paged = await list({ page: 2 });
      expect(paged).toEqual({
        isError: true,
        text: "This tool uses cursor-based pagination. Use the 'after' parameter with the 'endCursor' value from the previous response instead of 'page'.",
      });
    } finally {
      await bigClient.close();
    }
  });

  it('search_issues answers GitHub’s search result', async () => {
    const found = await ok('search_issues', { query: 'renamed', ...repo });
    expect(found.items.map((item: { number: number }) => item.number)).toEqual([number]);
    expect(found).toMatchObject({ total_count: 1, incomplete_results: false });
  });

  it('labels: get_label, list_label and label_write', async () => {
    expect(await ok('get_label', { ...repo, name: 'bug' })).toEqual({
      id: expect.any(String),
      name: 'bug',
      color: expect.any(String),
      description: expect.any(String),
    });
    expect(await ok('label_write', { method: 'create', ...repo, name: 'fidelity', color: 'abcdef' })).toBe(
      "label 'fidelity' created successfully",
    );
    expect(await ok('label_write', { method: 'update', ...repo, name: 'fidelity', new_name: 'faithful' })).toBe(
      "label 'faithful' updated successfully",
    );
    const listed = await ok('list_label', repo);
    expect(listed.labels.map((label: { name: string }) => label.name)).toContain('faithful');
    expect(listed.totalCount).toBe(listed.labels.length);
    expect(await ok('label_write', { method: 'delete', ...repo, name: 'faithful' })).toBe(
      "label 'faithful' deleted successfully",
    );
    expect(state().labels.map((label) => label.name)).not.toContain('faithful');
  });
});

describe('repositories, files, branches and commits', () => {
  it('create_branch, create_or_update_file, push_files, delete_file and get_file_contents', async () => {
    const ref = await ok('create_branch', { ...repo, branch: 'fidelity' });
    expect(ref).toMatchObject({ ref: 'refs/heads/fidelity', object: { type: 'commit' } });
    const written = await ok('create_or_update_file', {
      ...repo,
      path: 'docs/fidelity.md',
      content: 'one\n',
      message: 'Add fidelity.md',
      branch: 'fidelity',
    });
    expect(written.content).toMatchObject({ name: 'fidelity.md', path: 'docs/fidelity.md', sha: expect.any(String) });
    expect(written.commit).toMatchObject({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), message: 'Add fidelity.md' });
    expect(written.content).not.toHaveProperty('download_url');
    const pushed = await ok('push_files', {
      ...repo,
      branch: 'fidelity',
      message: 'Two files',
      files: [
        { path: 'a.txt', content: 'a\n' },
        { path: 'b/c.txt', content: 'c\n' },
      ],
    });
    expect(pushed).toMatchObject({ ref: 'refs/heads/fidelity', object: { sha: expect.any(String) } });
    const deleted = await ok('delete_file', { ...repo, path: 'a.txt', message: 'Remove a', branch: 'fidelity' });
    expect(deleted).toMatchObject({ content: null, commit: { sha: expect.any(String), message: 'Remove a' } });
    const file = await result('get_file_contents', { ...repo, path: 'b/c.txt', ref: 'fidelity' });
    expect(file.content[1]!.resource).toMatchObject({
      uri: `repo://acme/widgets/sha/${deleted.commit.sha}/contents/b/c.txt`,
      text: 'c\n',
    });
    const gone = await result('get_file_contents', { ...repo, path: 'a.txt', ref: 'fidelity' });
    expect(gone.isError).toBe(true);
    const dir = await ok('get_file_contents', { ...repo, path: '/', ref: 'fidelity', fields: ['name', 'type'] });
    expect(dir).toEqual(
      expect.arrayContaining([
        { name: 'b', type: 'dir' },
        { name: 'docs', type: 'dir' },
      ]),
    );
  });

  it('push_files to a branch that does not exist makes it from the default branch, as github-mcp-server', async () => {
    const octokit = octokitFor(clone, clone.token);
    const main = (await octokit.rest.repos.getBranch({ ...repo, branch: 'main' })).data.commit.sha;
    const pushed = await ok('push_files', {
      ...repo,
      branch: 'pushed-new',
      message: 'New branch, two files',
      files: [
        { path: 'new/one.txt', content: 'one\n' },
        { path: 'README.md', content: 'replaced\n' },
      ],
    });
    expect(pushed).toMatchObject({ ref: 'refs/heads/pushed-new', object: { sha: expect.any(String) } });
    const commit = (await octokit.rest.repos.getCommit({ ...repo, ref: 'pushed-new' })).data;
    expect(commit.sha).toBe(pushed.object.sha);
    expect(commit.parents.map((parent) => parent.sha)).toEqual([main]);
    expect(commit.commit.message).toBe('New branch, two files');
    const one = (await octokit.rest.repos.getContent({ ...repo, path: 'new/one.txt', ref: 'pushed-new' })).data as {
      content: string;
    };
    expect(Buffer.from(one.content, 'base64').toString('utf8')).toBe('one\n');
    // The default branch is left as it was.
    expect((await octokit.rest.repos.getBranch({ ...repo, branch: 'main' })).data.commit.sha).toBe(main);
  });

  it('create_or_update_file wants the current sha to change a file, saying how to get it', async () => {
    await ok('create_branch', { ...repo, branch: 'fidelity-sha' });
    const write = (extra: Record<string, unknown>) =>
      result('create_or_update_file', { ...repo, content: 'x\n', message: 'Write', branch: 'fidelity-sha', ...extra });
    const exists = await write({ path: 'README.md' });
    expect(exists.isError).toBe(true);
    expect(exists.content[0]!.text).toBe(
      "File already exists at README.md. You must provide the current file's SHA when updating. Use git rev-parse fidelity-sha:README.md to get the blob SHA, then retry with the sha parameter.",
    );
    const stale = '1'.repeat(40);
    const current = (
      await result('get_file_contents', { ...repo, path: 'README.md', ref: 'fidelity-sha' })
    ).content[0]!.text!.match(/SHA: ([0-9a-f]{40})/)![1];
    const mismatch = await write({ path: 'README.md', sha: stale });
    expect(mismatch.isError).toBe(true);
    expect(mismatch.content[0]!.text).toBe(
      `SHA mismatch: provided SHA ${stale} is stale. Current file SHA is ${current}. Pull the latest changes and use git rev-parse fidelity-sha:README.md to get the current SHA.`,
    );
    const dir = await write({ path: '/src' });
    expect(dir.isError).toBe(true);
    expect(dir.content[0]!.text).toBe('Path src is a directory, not a file. This tool only works with files.');
    expect((await write({ path: 'README.md', sha: current })).isError ?? false).toBe(false);
    const written = await result('get_file_contents', { ...repo, path: 'README.md', ref: 'fidelity-sha' });
    expect(written.content[1]!.resource!.text).toBe('x\n');
  });

  it('get_file_contents resolves the ref as github-mcp-server does, and for a path that is not there offers the paths ending with it', async () => {
    const main = (await ok('list_branches', repo)).find((branch: { name: string }) => branch.name === 'main').sha;
    // A file read names the commit it was read at.
    const file = await result('get_file_contents', { ...repo, path: 'src/widget.js', ref: 'main' });
    expect(file.content[1]!.resource).toMatchObject({
      uri: `repo://acme/widgets/sha/${main}/contents/src/widget.js`,
      text: expect.stringContaining('export function widget'),
    });
    const readme = async (ref: string) =>
      (await result('get_file_contents', { ...repo, path: 'README.md', ref })).content[1]!.resource!.text;
    const pullHead = state().pullRequests.find((entry) => entry.number === 5)!.head;
    expect(await readme('refs/pull/5/head')).toBe(await readme(pullHead.ref));
    expect(await readme('refs/pull/5/head')).not.toBe(await readme('main'));
    const near = await result('get_file_contents', { ...repo, path: 'widget.js' });
    expect(near.isError ?? false).toBe(false);
    expect(near.content[0]!.text).toBe(
      `Resolved potential matches in the repository tree (resolved refs: {"Ref":"refs/heads/main","SHA":"${main}"}, matching files: ["src/widget.js"]).`,
    );
    const none = await result('get_file_contents', { ...repo, path: 'nowhere/none.md' });
    expect(none.isError).toBe(true);
    expect(none.content[0]!.text).toBe(
      'Failed to get file contents. The path does not point to a file or directory, or the file does not exist in the repository.',
    );
    const badRef = await result('get_file_contents', { ...repo, path: 'README.md', ref: 'no-such-branch' });
    expect(badRef.isError).toBe(true);
    expect(badRef.content[0]!.text).toBe(
      'failed to resolve git reference: could not resolve ref "no-such-branch" as a branch or a tag',
    );

    // `main` where the default branch is another: the default branch, with a note saying so.
    const seed = namedSeed('small-project');
    seed.repos!.push({ owner: 'acme', name: 'legacy', defaultBranch: 'master', files: { 'OLD.md': 'old\n' } });
    const legacy = await startClone({ seed });
    const legacyClient = new Client({ name: 'archal-fidelity', version: '1.0.0' });
    await legacyClient.connect(
      new StreamableHTTPClientTransport(new URL(`${legacy.apiUrl}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${legacy.token}` } },
      }),
    );
    try {
      const read = (await legacyClient.callTool({
        name: 'get_file_contents',
        arguments: { owner: 'acme', repo: 'legacy', path: 'OLD.md', ref: 'main' },
      })) as { isError?: boolean; content: Content[] };
      expect(read.isError ?? false).toBe(false);
      expect(read.content[0]!.text).toMatch(
        /^successfully downloaded text file \(SHA: [0-9a-f]{40}\) Note: the provided ref 'main' does not exist, default branch 'refs\/heads\/master' was used instead\.$/,
      );
      expect(read.content[1]!.resource!.text).toBe('old\n');
    } finally {
      await legacyClient.close();
    }
  });

  it('list_branches, list_commits and get_commit answer minimal shapes', async () => {
    const branches = await ok('list_branches', repo);
    expect(branches).toEqual(
      expect.arrayContaining([{ name: 'fidelity', sha: expect.stringMatching(/^[0-9a-f]{40}$/), protected: false }]),
    );
    const commits = await ok('list_commits', { ...repo, sha: 'fidelity', perPage: 3 });
    expect(commits[0]).toMatchObject({
      sha: expect.any(String),
      html_url: expect.any(String),
      commit: { message: 'Remove a' },
    });
    expect(commits[0]).not.toHaveProperty('files');
    const commit = await ok('get_commit', { ...repo, sha: commits[1].sha });
    expect(commit.commit.message).toBe('Two files');
    expect(commit.files.map((file: { filename: string }) => file.filename).sort()).toEqual(['a.txt', 'b/c.txt']);
    expect(commit.stats).toMatchObject({ additions: 2 });
    const light = await ok('get_commit', { ...repo, sha: commits[1].sha, detail: 'none' });
    expect(light).not.toHaveProperty('files');
  });

  it('get_commit: `detail` defaults to stats (no patches); full_patch adds them; another value is refused', async () => {
    const sha = 'main';
    const stats = await ok('get_commit', { ...repo, sha });
    expect(stats.files.length).toBeGreaterThan(0);
    for (const file of stats.files) expect(file).not.toHaveProperty('patch');
    expect(await ok('get_commit', { ...repo, sha, detail: 'stats' })).toEqual(stats);
    const full = await ok('get_commit', { ...repo, sha, detail: 'full_patch' });
    expect(full.files[0].patch).toMatch(/^@@ /);
    const wrong = await result('get_commit', { ...repo, sha, detail: 'everything' });
    expect(wrong.isError).toBe(true);
    expect(wrong.content[0]!.text).toBe('invalid detail "everything": must be one of "none", "stats", "full_patch"');
  });

  it('releases and tags', async () => {
    await clone.handle.seed('small-project');
    const head = state().repos.find((entry) => entry.full_name === 'acme/widgets')!;
    expect(head).toBeDefined();
    const made = await fetch(`${clone.apiUrl}/repos/acme/widgets/releases`, {
      method: 'POST',
      headers: { authorization: `token ${clone.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tag_name: 'v1.0.0', name: 'One', body: 'First' }),
    });
    expect(made.status).toBe(201);
    expect(await ok('list_tags', repo)).toEqual([{ name: 'v1.0.0', sha: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
    const releases = await ok('list_releases', repo);
    expect(releases).toEqual([
      expect.objectContaining({ tag_name: 'v1.0.0', name: 'One', body: 'First', draft: false, prerelease: false }),
    ]);
    expect(releases[0]).not.toHaveProperty('assets_url');
    expect(await ok('get_latest_release', repo)).toMatchObject({ tag_name: 'v1.0.0', assets_url: expect.any(String) });
    expect(await ok('get_release_by_tag', { ...repo, tag: 'v1.0.0' })).toMatchObject({ name: 'One' });
    const tag = await result('get_tag', { ...repo, tag: 'v1.0.0' });
    expect(tag.isError).toBe(true);
  });

  it('create_repository and fork_repository answer {id, url}', async () => {
    const created = await ok('create_repository', { name: 'made-over-mcp', description: 'x', autoInit: true });
    expect(Object.keys(created).sort()).toEqual(['id', 'url']);
    expect(created.url).toMatch(/\/octocat\/made-over-mcp$/);
    // GitHub answers a fork 202 Accepted, which go-github (and so github-mcp-server) reports as in progress.
    expect(await ok('fork_repository', { owner: 'acme', repo: 'widgets' })).toBe('Fork is in progress');
    expect(state().repos.map((entry) => entry.full_name)).toEqual(
      expect.arrayContaining(['octocat/made-over-mcp', 'octocat/widgets']),
    );
  });

  it('search_code and search_repositories answer minimal results', async () => {
    const code = await ok('search_code', { query: 'widget repo:acme/widgets' });
    expect(code.total_count).toBeGreaterThan(0);
    expect(Object.keys(code.items[0]).sort()).toEqual(expect.arrayContaining(['name', 'path', 'repository', 'sha']));
    expect(code.items[0].repository).toBe('acme/widgets');
    const repos = await ok('search_repositories', { query: 'widgets' });
    expect(repos.items[0]).toMatchObject({ full_name: 'acme/widgets', private: false, fork: false });
    expect(repos.items[0]).not.toHaveProperty('owner');
    const full = await ok('search_repositories', { query: 'widgets', minimal_output: false });
    expect(full.items[0]).toHaveProperty('owner');
  });

  it('search_code answers text_matches, as github-mcp-server asks GitHub for them (the text-match media type)', async () => {
    const code = await ok('search_code', { query: 'throw repo:acme/widgets' });
    const widget = code.items.find((item: { path: string }) => item.path === 'src/widget.js');
    expect(widget.text_matches).toEqual([
      expect.objectContaining({
        object_type: 'FileContent',
        property: 'content',
        fragment: expect.stringContaining("throw new Error('size must be positive')"),
      }),
    ]);
    const [match] = widget.text_matches[0].matches;
    expect(match.text).toBe('throw');
    expect(widget.text_matches[0].fragment.slice(match.indices[0], match.indices[1])).toBe('throw');
    // The REST API answers them only to the media type.
    const rest = async (accept: string) =>
      (await (
        await fetch(`${clone.apiUrl}/search/code?q=${encodeURIComponent('throw repo:acme/widgets')}`, {
          headers: { authorization: `token ${clone.token}`, accept },
        })
      ).json()) as { items: Array<{ path: string; text_matches?: unknown[] }> };
    expect((await rest('application/vnd.github+json')).items[0]).not.toHaveProperty('text_matches');
    const matched = await rest('application/vnd.github.text-match+json');
    expect(matched.items.find((item) => item.path === 'src/widget.js')!.text_matches).toEqual(widget.text_matches);
  });

  it('search_commits answers minimal commits with their repository', async () => {
    const found = await ok('search_commits', {
      query: 'repo:acme/widgets size',
      sort: 'committer-date',
      order: 'desc',
    });
    expect(found).toMatchObject({ total_count: expect.any(Number), incomplete_results: false });
    expect(found.total_count).toBeGreaterThan(0);
    expect(found.items).toHaveLength(found.total_count);
    for (const item of found.items) expect(item.commit.message).toMatch(/size/i);
    expect(found.items[0]).toMatchObject({
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      html_url: expect.stringContaining('/acme/widgets/commit/'),
      commit: { author: { name: expect.any(String), date: expect.any(String) } },
      repository: { full_name: 'acme/widgets', html_url: expect.stringContaining('/acme/widgets') },
    });
    expect(Object.keys(found.items[0])).not.toEqual(expect.arrayContaining(['node_id', 'parents', 'score']));
    const missing = await result('search_commits', {});
    expect(missing.content[0]!.text).toBe('missing required parameter: query');
  });

  it('list_repository_collaborators answers login, id and role, with the page numbers of the Link header', async () => {
    const all = await ok('list_repository_collaborators', repo);
    expect(all.items).toEqual(expect.arrayContaining([{ login: 'bob', id: expect.any(Number), role_name: 'read' }]));
    for (const item of all.items) expect(Object.keys(item).sort()).toEqual(['id', 'login', 'role_name']);
    expect(all).toMatchObject({ nextPage: 0, prevPage: 0, firstPage: 0, lastPage: 0 });
    const first = await ok('list_repository_collaborators', { ...repo, perPage: 1 });
    expect(first.items).toHaveLength(1);
    expect(first).toMatchObject({ nextPage: 2, prevPage: 0, firstPage: 0, lastPage: all.items.length });
    const second = await ok('list_repository_collaborators', { ...repo, perPage: 1, page: 2 });
    expect(second).toMatchObject({ nextPage: all.items.length > 2 ? 3 : 0, prevPage: 1, firstPage: 1 });
    expect(second.items[0]).toEqual(all.items[1]);
  });
});

describe('pull requests and reviews', () => {
  let number: number;

  it('create_pull_request and update_pull_request answer {id, url}; list and read answer minimal shapes', async () => {
    await ok('create_branch', { ...repo, branch: 'fidelity-pr' });
    await ok('create_or_update_file', {
      ...repo,
      path: 'COLOR.md',
      content: 'red\n',
      message: 'Add COLOR.md',
      branch: 'fidelity-pr',
    });
    const created = await ok('create_pull_request', {
      ...repo,
      title: 'Fidelity PR',
      head: 'fidelity-pr',
      base: 'main',
      body: 'Adds color',
      reviewers: ['alice'],
    });
    expect(Object.keys(created).sort()).toEqual(['id', 'url']);
    number = Number(String(created.url).split('/').pop());
    await ok('update_pull_request', { ...repo, pullNumber: number, title: 'Fidelity PR, edited', draft: true });
    const pull = await ok('pull_request_read', { method: 'get', ...repo, pullNumber: number });
    expect(pull).toMatchObject({
      number,
      title: 'Fidelity PR, edited',
      state: 'open',
      draft: true,
      merged: false,
      requested_reviewers: ['alice'],
      head: { ref: 'fidelity-pr', sha: expect.any(String), repo: { full_name: 'acme/widgets' } },
      base: { ref: 'main' },
    });
    expect(pull).not.toHaveProperty('_links');
    const listed = await ok('list_pull_requests', { ...repo, state: 'open' });
    expect(listed.map((entry: { number: number }) => entry.number)).toContain(number);
    const files = await ok('pull_request_read', { method: 'get_files', ...repo, pullNumber: number });
    expect(files[0]).toMatchObject({ filename: expect.any(String), status: expect.any(String) });
    const commits = await ok('pull_request_read', { method: 'get_commits', ...repo, pullNumber: number });
    expect(commits[0]).toMatchObject({ sha: expect.any(String), message: expect.any(String) });
    const status = await ok('pull_request_read', { method: 'get_status', ...repo, pullNumber: number });
    expect(status).toMatchObject({ state: expect.any(String), sha: pull.head.sha, statuses: expect.any(Array) });
    const checks = await ok('pull_request_read', { method: 'get_check_runs', ...repo, pullNumber: number });
    expect(checks).toMatchObject({ total_count: expect.any(Number), check_runs: expect.any(Array) });
    const found = await ok('search_pull_requests', { query: 'edited', ...repo });
    expect(found.items.map((item: { number: number }) => item.number)).toEqual([number]);
  });

  it('pending reviews: create, comment on, submit; delete one; reply to a comment', async () => {
    await ok('update_pull_request', { ...repo, pullNumber: number, draft: false });
    expect(await ok('pull_request_review_write', { method: 'create', ...repo, pullNumber: number })).toBe(
      'pending pull request created',
    );
    const files = await ok('pull_request_read', { method: 'get_files', ...repo, pullNumber: number });
    expect(
      await ok('add_comment_to_pending_review', {
        ...repo,
        pullNumber: number,
        path: files[0].filename,
        body: 'Look here',
        subjectType: 'FILE',
      }),
    ).toBe('pull request review comment successfully added to pending review');
    expect(
      await ok('pull_request_review_write', {
        method: 'submit_pending',
        ...repo,
        pullNumber: number,
        event: 'COMMENT',
        body: 'Done',
      }),
    ).toBe('pending pull request review successfully submitted');
    const reviews = await ok('pull_request_read', { method: 'get_reviews', ...repo, pullNumber: number });
    expect(reviews).toEqual([
      expect.objectContaining({
        state: 'COMMENTED',
        body: 'Done',
        user: expect.objectContaining({ login: 'octocat' }),
      }),
    ]);
    const threads = await ok('pull_request_read', { method: 'get_review_comments', ...repo, pullNumber: number });
    expect(threads).toMatchObject({ totalCount: 1, review_threads: [{ comments: [{ body: 'Look here' }] }] });
    // A comment on the whole file (subjectType FILE) is at no line.
    expect(threads.review_threads[0].comments[0].line).toBeUndefined();
    const [comment] = state().reviewComments ?? [];
    const reply = await ok('add_reply_to_pull_request_comment', { ...repo, commentId: comment!.id, body: 'Agreed' });
    expect(Object.keys(reply).sort()).toEqual(['id', 'url']);
    const reacted = await ok('add_reply_to_pull_request_comment', {
      ...repo,
      pullNumber: number,
      commentId: comment!.id,
      reaction: 'rocket',
    });
    expect(reacted.url).toBe(
      `${clone.apiUrl}/repos/acme/widgets/pulls/comments/${comment!.id}/reactions/${reacted.id}`,
    );
    const both = await ok('add_reply_to_pull_request_comment', {
      ...repo,
      commentId: comment!.id,
      body: 'Seconded',
      reaction: 'eyes',
    });
    expect(Object.keys(both).sort()).toEqual(['comment', 'reaction']);
    expect(
      state()
        .reactions.filter(
          (entry) => entry.subject === 'pull_request_review_comment' && entry.comment_id === comment!.id,
        )
        .map((entry) => entry.content),
    ).toEqual(['rocket', 'eyes']);
    const again = await ok('pull_request_read', { method: 'get_review_comments', ...repo, pullNumber: number });
    expect(again.review_threads[0].comments.map((entry: { body: string }) => entry.body)).toEqual([
      'Look here',
      'Agreed',
      'Seconded',
    ]);
    // A thread resolved through GraphQL (as agents resolve what they addressed) reads as resolved here too.
    const threadsQuery = `{ repository(owner: "acme", name: "widgets") { pullRequest(number: ${number}) {
      reviewThreads(first: 5) { nodes { id } } } } }`;
    const graphql = async (query: string) => {
      const res = await fetch(`${clone.apiUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return ((await res.json()) as { data: any }).data; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const threadId = (await graphql(threadsQuery)).repository.pullRequest.reviewThreads.nodes[0].id as string;
    await graphql(`mutation { resolveReviewThread(input: { threadId: "${threadId}" }) { thread { isResolved } } }`);
    const resolved = await ok('pull_request_read', { method: 'get_review_comments', ...repo, pullNumber: number });
    expect(resolved.review_threads[0].is_resolved).toBe(true);
    const before = (await ok('pull_request_read', { method: 'get_reviews', ...repo, pullNumber: number })).length;
    await ok('pull_request_review_write', { method: 'create', ...repo, pullNumber: number });
    expect(await ok('pull_request_review_write', { method: 'delete_pending', ...repo, pullNumber: number })).toBe(
      'pending pull request review successfully deleted',
    );
    expect((await ok('pull_request_read', { method: 'get_reviews', ...repo, pullNumber: number })).length).toBe(before);
  });

  it('resolve_thread and unresolve_thread take the thread id get_review_comments gives, which is GraphQL’s', async () => {
    const threadsQuery = `{ repository(owner: "acme", name: "widgets") { pullRequest(number: ${number}) {
      reviewThreads(first: 5) { nodes { id isResolved } } } } }`;
    const graphqlThreads = async () => {
      const res = await fetch(`${clone.apiUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${clone.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: threadsQuery }),
      });
      return ((await res.json()) as { data: { repository: { pullRequest: { reviewThreads: { nodes: unknown[] } } } } })
        .data.repository.pullRequest.reviewThreads.nodes;
    };
    const read = await ok('pull_request_read', { method: 'get_review_comments', ...repo, pullNumber: number });
    const threadId = read.review_threads[0].id as string;
    expect(await graphqlThreads()).toEqual([{ id: threadId, isResolved: true }]);
    const write = (method: string, extra: Record<string, unknown> = { threadId }) =>
      result('pull_request_review_write', { method, ...repo, pullNumber: number, ...extra });

    expect((await write('unresolve_thread')).content[0]!.text).toBe('review thread unresolved successfully');
    expect(await graphqlThreads()).toEqual([{ id: threadId, isResolved: false }]);
    const unresolved = await ok('pull_request_read', { method: 'get_review_comments', ...repo, pullNumber: number });
    expect(unresolved.review_threads[0].is_resolved).toBe(false);
    expect((await write('resolve_thread')).content[0]!.text).toBe('review thread resolved successfully');
    expect(await graphqlThreads()).toEqual([{ id: threadId, isResolved: true }]);

    const missing = await write('resolve_thread', {});
    expect(missing).toMatchObject({ isError: true });
    expect(missing.content[0]!.text).toBe('threadId is required for resolve_thread and unresolve_thread methods');
    const unknown = await write('resolve_thread', { threadId: 'PRRT_nope' });
    expect(unknown).toMatchObject({ isError: true });
    expect(unknown.content[0]!.text).toBe(
      "failed to resolve review thread: Could not resolve to a node with the global id of 'PRRT_nope'",
    );
  });

  it('update_pull_request_branch and merge_pull_request', async () => {
    await ok('create_or_update_file', {
      ...repo,
      path: 'MAIN.md',
      content: 'moved\n',
      message: 'Move main',
      branch: 'main',
    });
    const head = state().pullRequests.find((entry) => entry.number === number)!.head.sha;
    // 202 Accepted, in progress as github-mcp-server reports it.
    expect(await ok('update_pull_request_branch', { ...repo, pullNumber: number })).toBe(
      'Pull request branch update is in progress',
    );
    expect(state().pullRequests.find((entry) => entry.number === number)!.head.sha).not.toBe(head);
    const merged = await ok('merge_pull_request', { ...repo, pullNumber: number, merge_method: 'squash' });
    expect(merged).toMatchObject({ merged: true, sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(state().pullRequests.find((entry) => entry.number === number)).toMatchObject({ merged: true });
  });
});

describe('what MCP writes, REST reads', () => {
  it('issues, comments, labels, branches, files, pull requests and reviews written over MCP read back through Octokit', async () => {
    const octokit = octokitFor(clone, clone.token);
    const created = await ok('issue_write', {
      method: 'create',
      ...repo,
      title: 'Cross-checked',
      body: 'Over MCP',
      labels: ['bug'],
      assignees: ['alice'],
    });
    const issueNumber = Number(String(created.url).split('/').pop());
    await ok('add_issue_comment', { ...repo, issue_number: issueNumber, body: 'A comment over MCP' });
    await ok('label_write', { method: 'create', ...repo, name: 'cross-checked', color: 'aabbcc' });
    await ok('issue_write', { method: 'update', ...repo, issue_number: issueNumber, labels: ['cross-checked'] });
    const issue = (await octokit.rest.issues.get({ ...repo, issue_number: issueNumber })).data;
    expect(String(issue.id)).toBe(created.id);
    expect(issue).toMatchObject({ title: 'Cross-checked', body: 'Over MCP', labels: [{ name: 'cross-checked' }] });
    expect(issue.assignees!.map((user) => user.login)).toEqual(['alice']);
    const comments = (await octokit.rest.issues.listComments({ ...repo, issue_number: issueNumber })).data;
    expect(comments.map((comment) => comment.body)).toEqual(['A comment over MCP']);
    expect((await octokit.rest.issues.getLabel({ ...repo, name: 'cross-checked' })).data.color).toBe('aabbcc');

    await ok('create_branch', { ...repo, branch: 'cross-checked' });
    const written = await ok('create_or_update_file', {
      ...repo,
      path: 'CROSS.md',
      content: 'checked\n',
      message: 'Add CROSS.md',
      branch: 'cross-checked',
    });
    const file = (await octokit.rest.repos.getContent({ ...repo, path: 'CROSS.md', ref: 'cross-checked' })).data as {
      sha: string;
      content: string;
    };
    expect(file.sha).toBe(written.content.sha);
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe('checked\n');
    const pr = await ok('create_pull_request', { ...repo, title: 'Cross PR', head: 'cross-checked', base: 'main' });
    const pullNumber = Number(String(pr.url).split('/').pop());
    await ok('pull_request_review_write', {
      method: 'create',
      ...repo,
      pullNumber,
      event: 'COMMENT',
      body: 'Reviewed over MCP',
    });
    const pull = (await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber })).data;
    expect(pull).toMatchObject({ title: 'Cross PR', head: { ref: 'cross-checked' }, base: { ref: 'main' } });
    const reviews = (await octokit.rest.pulls.listReviews({ ...repo, pull_number: pullNumber })).data;
    expect(reviews.map((review) => [review.state, review.body])).toEqual([['COMMENTED', 'Reviewed over MCP']]);
  });
});

describe('notifications', () => {
  it('list_notifications, get_notification_details, dismiss_notification and manage_notification_subscription', async () => {
    const alice = octokitFor(clone, TOKENS.alice);
    await alice.issues.create({ ...repo, title: 'MCP ping', body: 'Look @octocat' });
    const titles = async (args: Record<string, unknown> = {}) =>
      ((await ok('list_notifications', args)) as Array<{ subject: { title: string } }>).map(
        (thread) => thread.subject.title,
      );
    const listed = (await ok('list_notifications', repo)) as Array<{ id: string; subject: { title: string } }>;
    const thread = listed.find((entry) => entry.subject.title === 'MCP ping')!;
    expect(thread).toMatchObject({ reason: 'mention', unread: true, repository: { full_name: 'acme/widgets' } });
    expect((await result('list_notifications', { owner: 'acme', repo: 'no-such-repo' })).isError).toBe(true);
    const details = await ok('get_notification_details', { notificationID: thread.id });
    expect(details).toMatchObject({ id: thread.id, unread: true, subject: { title: 'MCP ping' } });
    const missing = await result('get_notification_details', { notificationID: '999999' });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toContain("failed to get notification details for ID '999999'");

    expect(await ok('manage_notification_subscription', { notificationID: thread.id, action: 'ignore' })).toMatchObject(
      { ignored: true, subscribed: false },
    );
    expect(await ok('manage_notification_subscription', { notificationID: thread.id, action: 'watch' })).toMatchObject({
      ignored: false,
      subscribed: true,
    });
    expect(await ok('manage_notification_subscription', { notificationID: thread.id, action: 'delete' })).toBe(
      'Notification subscription deleted',
    );
    const badAction = await result('manage_notification_subscription', { notificationID: thread.id, action: 'mute' });
    expect(badAction.content[0]!.text).toBe('Invalid action. Must be one of: ignore, watch, delete.');

    expect(await ok('dismiss_notification', { threadID: thread.id, state: 'read' })).toBe(
      'Notification marked as read',
    );
    expect(await titles()).not.toContain('MCP ping');
    expect(await titles({ filter: 'include_read_notifications' })).toContain('MCP ping');
    expect(await ok('dismiss_notification', { threadID: thread.id, state: 'done' })).toBe(
      'Notification marked as done',
    );
    expect(await titles({ filter: 'include_read_notifications' })).not.toContain('MCP ping');
    const badState = await result('dismiss_notification', { threadID: thread.id, state: 'gone' });
    expect(badState.content[0]!.text).toBe('Invalid state. Must be one of: read, done.');

    await alice.issues.create({ ...repo, title: 'MCP ping 2', body: 'Again @octocat' });
    expect(await titles(repo)).toContain('MCP ping 2');
    expect(await ok('mark_all_notifications_read', repo)).toBe('All notifications marked as read');
    expect(await titles(repo)).toEqual([]);
    await alice.issues.create({ ...repo, title: 'MCP ping 3', body: 'Once more @octocat' });
    expect(await ok('mark_all_notifications_read')).toBe('All notifications marked as read');
    expect(await titles()).toEqual([]);
  });
});

describe('repository notification subscription', () => {
  it('manage_repository_notification_subscription ignores a repository (no notifications from it), watches it, deletes the subscription', async () => {
    const alice = octokitFor(clone, TOKENS.alice);
    const octocat = octokitFor(clone, clone.token);
    expect(await ok('manage_repository_notification_subscription', { ...repo, action: 'ignore' })).toMatchObject({
      ignored: true,
      subscribed: false,
      repository_url: expect.stringContaining('/repos/acme/widgets'),
    });
    await alice.issues.create({ ...repo, title: 'Ignored ping', body: 'Hey @octocat' });
    const titles = async () =>
      (
        (await ok('list_notifications', { filter: 'include_read_notifications' })) as Array<{
          subject: { title: string };
        }>
      ).map((thread) => thread.subject.title);
    expect(await titles()).not.toContain('Ignored ping');
    expect(await ok('manage_repository_notification_subscription', { ...repo, action: 'watch' })).toMatchObject({
      ignored: false,
      subscribed: true,
    });
    expect(await titles()).toContain('Ignored ping');
    expect((await octocat.activity.getRepoSubscription(repo)).data).toMatchObject({ subscribed: true });
    expect(await ok('manage_repository_notification_subscription', { ...repo, action: 'delete' })).toBe(
      'Repository subscription deleted',
    );
    await expect(octocat.activity.getRepoSubscription(repo)).rejects.toMatchObject({ status: 404 });
    const bad = await result('manage_repository_notification_subscription', { ...repo, action: 'mute' });
    expect(bad.content[0]!.text).toBe('Invalid action. Must be one of: ignore, watch, delete.');
    await ok('mark_all_notifications_read');
  });
});

describe('gists', () => {
  it('create_gist, get_gist, update_gist and list_gists', async () => {
    const created = await ok('create_gist', { filename: 'notes.md', content: '# Notes\n', description: 'MCP notes' });
    expect(Object.keys(created).sort()).toEqual(['id', 'url']);
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(state().gists.find((gist) => gist.id === created.id)).toMatchObject({
      owner: 'octocat',
      public: false,
      description: 'MCP notes',
      files: { 'notes.md': '# Notes\n' },
    });
    const got = await ok('get_gist', { gist_id: created.id });
    expect(got).toMatchObject({
      id: created.id,
      html_url: created.url,
      files: { 'notes.md': { content: '# Notes\n' } },
    });
    const updated = await ok('update_gist', { gist_id: created.id, filename: 'todo.txt', content: 'milk\n' });
    expect(updated).toEqual({ id: created.id, url: created.url });
    // Leaving out the description keeps it, as github-mcp-server sends none.
    expect(state().gists.find((gist) => gist.id === created.id)).toMatchObject({
      description: 'MCP notes',
      files: { 'notes.md': '# Notes\n', 'todo.txt': 'milk\n' },
    });
    const mine = (await ok('list_gists')) as Array<{ id: string }>;
    expect(mine.map((gist) => gist.id)).toContain(created.id);
    const publicOne = await ok('create_gist', { filename: 'a.txt', content: 'a', public: true });
    expect(state().gists.find((gist) => gist.id === publicOne.id)).toMatchObject({ public: true });
    const theirs = (await ok('list_gists', { username: 'octocat' })) as Array<{ id: string }>;
    expect(theirs.map((gist) => gist.id)).toContain(publicOne.id);
    const missing = await result('get_gist', { gist_id: 'nope' });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toContain('failed to get gist');
  });
});
