import { describe, expect, it } from '@jest/globals';
import { namedSeed, raw, startClone } from './support/clone.js';

// The control API's injected faults: the next matching requests answer the status asked for, the
// rest are served as usual, and DELETE (or reset) clears what is left.

describe('POST /_archal/faults', () => {
  it('answers the next `times` matching requests with the status, then serves them again', async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const set = await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'GET', path: '^/repos/[^/]+/[^/]+/issues$', status: 503, times: 2 }),
    });
    expect(set.status).toBe(201);
    const path = '/repos/acme/widgets/issues';
    const statuses = [];
    for (let index = 0; index < 3; index++)
      statuses.push((await raw(clone, 'GET', path, { token: clone.token })).status);
    expect(statuses).toEqual([503, 503, 200]);
    // Another route is not touched.
    expect((await raw(clone, 'GET', '/repos/acme/widgets', { token: clone.token })).status).toBe(200);

    await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'GET', path: 'issues$', status: 500, times: 5 }),
    });
    expect((await raw(clone, 'DELETE', '/_archal/faults')).status).toBe(200);
    expect((await raw(clone, 'GET', path, { token: clone.token })).status).toBe(200);
  });

  it('with "after", serves the request (its write happens) and only then answers the status', async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'POST', path: '/issues/1/comments$', status: 502, after: true }),
    });
    const body = JSON.stringify({ body: 'written, then a 502' });
    const first = await raw(clone, 'POST', '/repos/acme/widgets/issues/1/comments', { token: clone.token, body });
    expect(first.status).toBe(502);
    expect(String(first.json.message)).toMatch(/after it was served/);
    const comments = await raw(clone, 'GET', '/repos/acme/widgets/issues/1/comments', { token: clone.token });
    expect((comments.json as unknown as Array<{ body: string }>).map((comment) => comment.body)).toContain(
      'written, then a 502',
    );
  });

  it('with "delayMs", holds each matching request that long before answering', async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'GET', path: '^/repos/acme/widgets$', delayMs: 600, times: 2 }),
    });
    const timed = async () => {
      const started = Date.now();
      const { status } = await raw(clone, 'GET', '/repos/acme/widgets', { token: clone.token });
      return { status, slow: Date.now() - started >= 550 };
    };
    expect(await timed()).toEqual({ status: 200, slow: true });
    expect(await timed()).toEqual({ status: 200, slow: true });
    expect(await timed()).toEqual({ status: 200, slow: false });
  });

  it('refuses a fault with neither a status nor a delay, and "after" without a status', async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const empty = await raw(clone, 'POST', '/_archal/faults', { body: JSON.stringify({ method: 'GET', path: 'x' }) });
    expect(empty.status).toBe(422);
    expect(String(empty.json.message)).toMatch(/give "status".*"delayMs"/);
    const after = await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'GET', path: 'x', delayMs: 10, after: true }),
    });
    expect(after.status).toBe(422);
    expect(String(after.json.message)).toMatch(/after: .*give "status" too/);
  });

  it('refuses an invalid fault with 422, saying what a fault is', async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const bad = await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'get', path: '(', status: 200 }),
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toMatch(/A fault is/);
  });
});
