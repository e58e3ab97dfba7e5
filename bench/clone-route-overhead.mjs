// Route mode's cost per request: GET /repos/{o}/{r}/issues/1 at https://api.github.com through the
// run's proxy (CONNECT, TLS with the run CA, piped to the clone) against the same request straight
// to the clone's loopback URL, both over keep-alive connections from undici (what fetch uses),
// rounds interleaved. Goal: route mode adds ≤ 2 ms per request (median over rounds).
import { readFileSync } from 'node:fs';
import { Agent, ProxyAgent, request } from 'undici';
import { median, report } from './lib.mjs';

const { startGitHubClone, startRouteProxy } = await import('../build/clone.js');
const clone = await startGitHubClone({ seed: 'small-project', logger: () => {} });
const proxy = await startRouteProxy({ target: { host: '127.0.0.1', port: clone.port }, dir: clone.dir });
const headers = { authorization: `token ${clone.token}`, accept: 'application/vnd.github+json' };
const direct = new Agent({ keepAliveTimeout: 30_000, connections: 1 });
const routed = new ProxyAgent({
  uri: proxy.url,
  requestTls: { ca: readFileSync(proxy.caFile, 'utf8') },
  keepAliveTimeout: 30_000,
  connections: 1,
});

async function call(url, dispatcher) {
  const res = await request(url, { headers, dispatcher });
  await res.body.arrayBuffer();
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
}

async function perRequest(url, dispatcher, count) {
  const started = performance.now();
  for (let i = 0; i < count; i++) await call(url, dispatcher);
  return (performance.now() - started) / count;
}

const DIRECT = `${clone.apiUrl}/repos/acme/widgets/issues/1`;
const ROUTED = 'https://api.github.com/repos/acme/widgets/issues/1';
await perRequest(DIRECT, direct, 200);
await perRequest(ROUTED, routed, 200);
const added = [];
const directMs = [];
for (let round = 0; round < 9; round++) {
  const a = await perRequest(DIRECT, direct, 200);
  const b = await perRequest(ROUTED, routed, 200);
  directMs.push(a);
  added.push(b - a);
}
const extra = median(added);
report('clone-route-overhead', {
  // Ratio to the 2 ms budget: ≤ 1 meets it.
  ratio: extra / 2,
  goal: 1,
  detail: `direct ${median(directMs).toFixed(3)} ms/request, route mode adds ${extra.toFixed(3)} ms (median of 9 rounds × 200 requests)`,
});
await direct.close();
await routed.close();
await proxy.stop();
await clone.handle.stop();
