// GET /repos/{o}/{r}/issues: the clone's request rate against a bare node:http server returning the
// same bytes, measured with autocannon (10 connections, keep-alive) side by side in one run, rounds
// interleaved. Goal: ≥ 0.5 × the bare rate (ratio bare/clone ≤ 2) for the same request repeated, as
// agents poll a list. Printed beside it: the rate when every request has a distinct query string, so
// that none is answered from the clone's rendered-response cache (each is rendered, serialised and
// hashed anew).
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { median, report } from './lib.mjs';

const { startGitHubClone } = await import('../build/clone.js');
// GitHub's 5,000 an hour would stop the measurement; a limit is still taken per request.
const clone = await startGitHubClone({ seed: 'small-project', logger: () => {}, rateLimit: 1_000_000_000 });
const path = '/repos/acme/widgets/issues';
const headers = { authorization: `token ${clone.token}`, accept: 'application/vnd.github+json' };
const sample = await fetch(`${clone.apiUrl}${path}`, { headers });
const body = Buffer.from(await sample.arrayBuffer());
const bare = createServer({ keepAlive: true }, (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${bare.address().port}${path}`;

function rate(url, distinct = false) {
  let n = 0;
  const requests = distinct
    ? [{ setupRequest: (request) => ({ ...request, path: `${path}?nonce=${n++}` }) }]
    : undefined;
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: 2, headers, requests }, (error, result) =>
      error
        ? reject(error)
        : result.non2xx > 0
          ? reject(new Error(`${url}: ${result.non2xx} non-2xx`))
          : resolve(result.requests.average),
    );
  });
}

await rate(`${clone.apiUrl}${path}`);
await rate(bareUrl);
await rate(`${clone.apiUrl}${path}`, true);
const ratios = [];
const uncachedRatios = [];
const rates = { clone: [], bare: [], uncached: [] };
for (let round = 0; round < 5; round++) {
  const c = await rate(`${clone.apiUrl}${path}`);
  const b = await rate(bareUrl);
  const u = await rate(`${clone.apiUrl}${path}`, true);
  rates.clone.push(c);
  rates.bare.push(b);
  rates.uncached.push(u);
  ratios.push(b / c);
  uncachedRatios.push(b / u);
}
report('clone-issues-throughput', {
  ratio: median(ratios),
  goal: 2,
  detail:
    `clone ${Math.round(median(rates.clone))} req/s, bare ${Math.round(median(rates.bare))} req/s (${body.length} bytes, ` +
    `median of 5 × 2 s rounds; clone/bare ${(1 / median(ratios)).toFixed(2)}); ` +
    `every request distinct (rendered anew): ${Math.round(median(rates.uncached))} req/s, clone/bare ${(1 / median(uncachedRatios)).toFixed(2)}`,
});
bare.close();
await clone.handle.stop();
