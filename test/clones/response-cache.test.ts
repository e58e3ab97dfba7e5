import { beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { namedSeed, raw, startClone, TOKENS } from './support/clone.js';

/**
 * Read routes answered again from rendered text while the state is unchanged: every way the state
 * can change must show in the next answer, and no answer may reach someone it was not rendered for.
 */
let clone: GitHubClone;
const list = '/repos/acme/widgets/issues?state=all&per_page=100';

beforeAll(async () => {
  const seed = namedSeed('small-project');
  seed.repos!.push({ owner: 'acme', name: 'secret', private: true, collaborators: { alice: 'write' } });
  clone = await startClone({ seed });
});

const titles = async (path = list) =>
  ((await raw(clone, 'GET', path, { token: clone.token })).json as unknown as Array<{ title: string }>).map(
    (issue) => issue.title,
  );

async function graphql(query: string) {
  const res = await fetch(`${clone.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `bearer ${clone.token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** A GET sent with another Host, as route mode's proxy forwards requests addressed to api.github.com. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${clone.apiUrl}${path}`,
      { headers: { host, authorization: `token ${clone.token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('answers kept while the state is unchanged', () => {
  it('serves the same bytes and ETag again, and logs each request with its body', async () => {
    const since = clone.handle.requests().at(-1)?.id ?? 0;
    const first = await raw(clone, 'GET', list, { token: clone.token });
    const second = await raw(clone, 'GET', list, { token: clone.token });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('x-github-request-id')).not.toBe(first.headers.get('x-github-request-id'));
    const logged = clone.handle.requests({ since });
    expect(logged).toHaveLength(2);
    for (const entry of logged) {
      expect(entry).toMatchObject({ operationId: 'issues/list-for-repo', status: 200 });
      expect(entry.responseBody).toEqual(first.json);
    }
  });

  it('shows every REST write in the next answer', async () => {
    await titles();
    const created = await raw(clone, 'POST', '/repos/acme/widgets/issues', {
      token: clone.token,
      body: JSON.stringify({ title: 'Cache probe' }),
    });
    expect(await titles()).toContain('Cache probe');
    const number = created.json.number as number;
    const one = `/repos/acme/widgets/issues/${number}`;
    expect((await raw(clone, 'GET', one, { token: clone.token })).json.labels).toEqual([]);
    await raw(clone, 'PATCH', one, { token: clone.token, body: JSON.stringify({ title: 'Cache probe, renamed' }) });
    expect(await titles()).toContain('Cache probe, renamed');
    await raw(clone, 'POST', `${one}/labels`, { token: clone.token, body: JSON.stringify({ labels: ['bug'] }) });
    const labelled = await raw(clone, 'GET', one, { token: clone.token });
    expect(labelled.json.labels).toEqual([expect.objectContaining({ name: 'bug' })]);
    await raw(clone, 'POST', `${one}/comments`, { token: clone.token, body: JSON.stringify({ body: 'hi' }) });
    expect((await raw(clone, 'GET', one, { token: clone.token })).json.comments).toBe(1);
    // A label renamed elsewhere shows inside the issue that carries it.
    await raw(clone, 'PATCH', '/repos/acme/widgets/labels/bug', {
      token: clone.token,
      body: JSON.stringify({ new_name: 'defect' }),
    });
    expect((await raw(clone, 'GET', one, { token: clone.token })).json.labels).toEqual([
      expect.objectContaining({ name: 'defect' }),
    ]);
  });

  it('shows writes made through GraphQL and the control API', async () => {
    const before = await titles();
    const repo = (await graphql('{ repository(owner: "acme", name: "widgets") { id } }')).data!.repository as {
      id: string;
    };
    const made = await graphql(
      `mutation { createIssue(input: {repositoryId: "${repo.id}", title: "Made over GraphQL"}) { issue { number } } }`,
    );
    expect(made.errors).toBeUndefined();
    expect(await titles()).toEqual(['Made over GraphQL', ...before]);
    await clone.handle.reset();
    expect(await titles()).not.toContain('Made over GraphQL');
  });

  it('never gives one caller an answer rendered for another', async () => {
    const path = '/repos/acme/secret/issues';
    expect((await raw(clone, 'GET', path, { token: TOKENS.alice })).status).toBe(200);
    expect((await raw(clone, 'GET', path, { token: TOKENS.alice })).status).toBe(200);
    expect((await raw(clone, 'GET', path, { token: TOKENS.bob })).status).toBe(404);
    expect((await raw(clone, 'GET', path)).status).toBe(401);
  });

  it('renders the URLs of the host the request was addressed to', async () => {
    const direct = await getWithHost('/repos/acme/widgets/issues/1', '127.0.0.1');
    const routed = await getWithHost('/repos/acme/widgets/issues/1', 'api.github.com');
    const again = await getWithHost('/repos/acme/widgets/issues/1', '127.0.0.1');
    expect(JSON.parse(direct.body).url).toBe(`${clone.apiUrl}/repos/acme/widgets/issues/1`);
    expect(JSON.parse(routed.body).url).toBe('https://api.github.com/repos/acme/widgets/issues/1');
    expect(again.body).toBe(direct.body);
    const v3 = await raw(clone, 'GET', '/api/v3/repos/acme/widgets/issues/1', { token: clone.token });
    expect(v3.json.url).toBe(`${clone.apiUrl}/api/v3/repos/acme/widgets/issues/1`);
  });
});
