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

  it('refuses an invalid fault with 422, saying what a fault is', async () => {
    const clone = await startClone({ seed: namedSeed('small-project'), logger: () => {} });
    const bad = await raw(clone, 'POST', '/_archal/faults', {
      body: JSON.stringify({ method: 'get', path: '(', status: 200 }),
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toMatch(/A fault is/);
  });
});
