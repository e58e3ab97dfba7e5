import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { startClone } from './support/clone.js';

/** The GitHub MCP server's tools at /mcp, called with the official MCP TypeScript SDK client. */
let clone: GitHubClone;
let client: Client;

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  client = new Client({ name: 'archal-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${clone.apiUrl}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${clone.token}` } },
    }),
  );
});
afterAll(async () => {
  await client.close();
});

async function call(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as {
    isError?: boolean;
    content: Array<{ type: string; text: string }>;
  };
  const text = result.content[0]!.text;
  return { isError: result.isError ?? false, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('tools', () => {
  it('lists github-mcp-server’s tool names with their input schemas', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'get_me',
        'list_issues',
        'issue_read',
        'issue_write',
        'add_issue_comment',
        'search_issues',
      ]),
    );
    expect(names).toEqual(
      expect.arrayContaining(['create_pull_request', 'pull_request_read', 'merge_pull_request', 'get_file_contents']),
    );
    const create = tools.find((tool) => tool.name === 'create_pull_request')!;
    expect(create.inputSchema.required).toEqual(['owner', 'repo', 'title', 'head', 'base']);
  });

  it('gives GitHub’s server instructions at initialize: its base guidance, then the context, issues and pull request toolsets’', async () => {
    const instructions = client.getInstructions() ?? '';
    expect(instructions).toMatch(
      /^The GitHub MCP Server provides tools to interact with GitHub platform\.\n\nTool selection guidance:/,
    );
    const parts = [
      "Always call 'get_me' first to understand current user permissions and context.",
      "## Issues\n\nCheck 'list_issue_types' first",
      "Always set 'state_reason' when closing issues.",
      "## Pull Requests\n\nPR review workflow: Always use 'pull_request_review_write' with method 'create'",
      'Before creating a pull request, search for pull request templates in the repository.',
    ];
    const at = parts.map((part) => instructions.indexOf(part));
    expect(at.every((index) => index > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('reads and writes issues on the clone’s state', async () => {
    expect((await call('get_me', {})).json().login).toBe('octocat');
    const listed = (await call('list_issues', { owner: 'acme', repo: 'widgets', state: 'OPEN' })).json() as {
      issues: Array<{ number: number }>;
      totalCount: number;
    };
    expect(listed.totalCount).toBe(clone.handle.state().issues.filter((issue) => issue.state === 'open').length);
    const created = (
      await call('issue_write', { method: 'create', owner: 'acme', repo: 'widgets', title: 'Via MCP', labels: ['bug'] })
    ).json();
    expect(created.url).toMatch(/\/acme\/widgets\/issues\/\d+$/);
    const number = Number(String(created.url).split('/').pop());
    await call('add_issue_comment', { owner: 'acme', repo: 'widgets', issue_number: number, body: 'From MCP' });
    await call('issue_write', {
      method: 'update',
      owner: 'acme',
      repo: 'widgets',
      issue_number: number,
      state: 'closed',
    });
    const state = clone.handle.state();
    expect(state.issues.find((issue) => issue.number === number)).toMatchObject({
      title: 'Via MCP',
      labels: ['bug'],
      state: 'closed',
    });
    expect(state.comments.filter((comment) => comment.issue_number === number).map((c) => c.body)).toEqual([
      'From MCP',
    ]);
    const read = (
      await call('issue_read', { method: 'get', owner: 'acme', repo: 'widgets', issue_number: number })
    ).json();
    expect(read).toMatchObject({ number, state: 'closed', title: 'Via MCP' });
  });

  it('branches, files and pull requests', async () => {
    await call('create_branch', { owner: 'acme', repo: 'widgets', branch: 'mcp-change' });
    await call('create_or_update_file', {
      owner: 'acme',
      repo: 'widgets',
      path: 'MCP.md',
      content: 'written over MCP\n',
      message: 'Add MCP.md',
      branch: 'mcp-change',
    });
    const file = (await client.callTool({
      name: 'get_file_contents',
      arguments: { owner: 'acme', repo: 'widgets', path: 'MCP.md', ref: 'refs/heads/mcp-change' },
    })) as { content: Array<{ type: string; text?: string; resource?: { uri: string; text?: string } }> };
    expect(file.content[0]!.text).toMatch(/^successfully downloaded text file \(SHA: [0-9a-f]{40}\)$/);
    expect(file.content[1]!.resource).toMatchObject({
      // The commit read names the file, as github-mcp-server's resource URIs do.
      uri: expect.stringMatching(/^repo:\/\/acme\/widgets\/sha\/[0-9a-f]{40}\/contents\/MCP\.md$/),
      text: 'written over MCP\n',
    });
    const pull = (
      await call('create_pull_request', {
        owner: 'acme',
        repo: 'widgets',
        title: 'MCP PR',
        head: 'mcp-change',
        base: 'main',
      })
    ).json();
    const number = Number(String(pull.url).split('/').pop());
    const diff = await call('pull_request_read', {
      method: 'get_diff',
      owner: 'acme',
      repo: 'widgets',
      pullNumber: number,
    });
    expect(diff.text).toContain('+written over MCP');
    const merged = (await call('merge_pull_request', { owner: 'acme', repo: 'widgets', pullNumber: number })).json();
    expect(merged.merged).toBe(true);
    expect(clone.handle.state().pullRequests.find((entry) => entry.number === number)).toMatchObject({ merged: true });
  });

  it('answers GitHub’s refusals as tool errors, and logs each call', async () => {
    clone.handle.clearRequests();
    const missing = await call('issue_read', { method: 'get', owner: 'acme', repo: 'nope', issue_number: 1 });
    expect(missing).toMatchObject({ isError: true });
    // As go-github words an API error (request, status, message), after what failed.
    expect(missing.text).toMatch(
      /^failed to get issue: GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/nope\/issues\/1: 404 Not Found \[\]$/,
    );
    // A validation failure (422) as github-mcp-server lists it: the message, then each error.
    const invalid = await call('create_pull_request', {
      owner: 'acme',
      repo: 'widgets',
      title: 'x',
      head: 'nope',
      base: 'main',
    });
    expect(invalid).toMatchObject({
      isError: true,
      text: 'failed to create pull request: Validation Failed\nPullRequest.head (invalid)',
    });
    const unknown = await call('list_discussions', { owner: 'acme', repo: 'widgets' });
    expect(unknown.isError).toBe(true);
    expect(clone.handle.requests().filter((entry) => entry.kind === 'mcp')).toEqual([
      expect.objectContaining({ operationId: 'mcp/issue_read', notImplemented: false }),
      expect.objectContaining({ operationId: 'mcp/create_pull_request', notImplemented: false }),
      expect.objectContaining({ operationId: 'mcp/list_discussions', notImplemented: true }),
    ]);
  });

  it('says a tool of GitHub’s server is not implemented here, and a name GitHub’s server lacks is an unknown tool (-32602)', async () => {
    clone.handle.clearRequests();
    const lacking = await call('list_discussions', { owner: 'acme', repo: 'widgets' });
    expect(lacking).toMatchObject({
      isError: true,
      text: 'tool list_discussions is not implemented by the Archal GitHub clone',
    });
    await expect(
      client.callTool({ name: 'get_issue', arguments: { owner: 'acme', repo: 'widgets' } }),
    ).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('unknown tool "get_issue"'),
    });
    const res = await fetch(`${clone.apiUrl}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${clone.token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'get_issue', arguments: {} },
      }),
    });
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32602, message: 'unknown tool "get_issue"' },
    });
    // Only the clone's gap counts as not implemented; a wrong name is the caller's.
    expect(clone.handle.requests().filter((entry) => entry.kind === 'mcp')).toEqual([
      expect.objectContaining({ operationId: 'mcp/list_discussions', notImplemented: true }),
      expect.objectContaining({ operationId: 'mcp/get_issue', notImplemented: false }),
      expect.objectContaining({ operationId: 'mcp/get_issue', notImplemented: false }),
    ]);
  });

  it('logs each call’s result, with tokens redacted and the log’s body cap', async () => {
    const created = (
      await call('issue_write', {
        method: 'create',
        owner: 'acme',
        repo: 'widgets',
        title: 'Logged result',
        body: `leaked ${clone.token} here`,
      })
    ).json();
    const number = Number(String(created.url).split('/').pop());
    clone.handle.clearRequests();
    const read = await call('issue_read', { method: 'get', owner: 'acme', repo: 'widgets', issue_number: number });
    expect(read.json()).toMatchObject({ number, title: 'Logged result' });
    const [entry] = clone.handle.requests().filter((candidate) => candidate.kind === 'mcp');
    const logged = entry!.responseBody as { jsonrpc: string; result: { content: Array<{ text: string }> } };
    expect(logged.jsonrpc).toBe('2.0');
    const text = logged.result.content[0]!.text;
    expect(JSON.parse(text)).toMatchObject({ number, title: 'Logged result' });
    expect(text).not.toContain(clone.token);
    expect(text).toContain('[REDACTED]');

    const long = 'x'.repeat(70_000);
    await call('issue_write', { method: 'update', owner: 'acme', repo: 'widgets', issue_number: number, body: long });
    clone.handle.clearRequests();
    expect(
      (await call('issue_read', { method: 'get', owner: 'acme', repo: 'widgets', issue_number: number })).text,
    ).toContain(long);
    const capped = clone.handle.requests().find((candidate) => candidate.kind === 'mcp')!.responseBody;
    expect(typeof capped).toBe('string');
    expect(capped as string).toMatch(/…\[truncated\]$/);
    expect((capped as string).length).toBe(64 * 1024 + '…[truncated]'.length);
  });

  it('counts tool calls against the token’s rate limit, and past it fails them as the API would', async () => {
    const limited = await startClone({ seed: 'small-project', rateLimit: 2 });
    const limitedClient = new Client({ name: 'archal-test', version: '1.0.0' });
    await limitedClient.connect(
      new StreamableHTTPClientTransport(new URL(`${limited.apiUrl}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${limited.token}` } },
      }),
    );
    try {
      // Listing tools is no API call; each tool call is.
      await limitedClient.listTools();
      const read = () =>
        limitedClient.callTool({
          name: 'issue_read',
          arguments: { method: 'get', owner: 'acme', repo: 'widgets', issue_number: 1 },
        }) as Promise<{ isError?: boolean; content: Array<{ text: string }> }>;
      expect((await read()).isError ?? false).toBe(false);
      expect((await read()).isError ?? false).toBe(false);
      const refused = await read();
      expect(refused.isError).toBe(true);
      expect(refused.content[0]!.text).toMatch(
        /^403 API rate limit exceeded for user ID 1\. \[rate reset in \d+m\d{2}s\]$/,
      );
      // The REST API shares the bucket.
      const rest = await fetch(`${limited.apiUrl}/user`, { headers: { authorization: `token ${limited.token}` } });
      expect(rest.status).toBe(403);
    } finally {
      await limitedClient.close();
    }
  });

  it('is stateless as GitHub’s server: a GET (a client opening an event stream) or DELETE is 405, answered at once', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${clone.apiUrl}/mcp`, {
        method,
        headers: { authorization: `Bearer ${clone.token}`, accept: 'text/event-stream' },
        signal: AbortSignal.timeout(5000),
      });
      expect({ method, status: res.status, allow: res.headers.get('allow') }).toEqual({
        method,
        status: 405,
        allow: 'POST',
      });
      expect(await res.text()).toBe('Method Not Allowed\n');
    }
  });

  it('answers a tools/call without a tool name with JSON-RPC’s invalid params (-32602)', async () => {
    const res = await fetch(`${clone.apiUrl}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${clone.token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { arguments: {} } }),
    });
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32602, message: expect.stringContaining('Invalid tools/call request') },
    });
  });

  it('answers a body that is not JSON with JSON-RPC’s parse error', async () => {
    const res = await fetch(`${clone.apiUrl}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${clone.token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: '{"jsonrpc": "2.0", "id": 1, "method": "tools/list"',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: 'Parse error: Invalid JSON' },
    });
  });

  it('needs the token', async () => {
    const res = await fetch(`${clone.apiUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
  });
});
