// GET /repos/{o}/{r}/issues: the clone's request rate against a bare node:http server returning the
// same bytes (with the same headers' size), measured with autocannon (10 connections, keep-alive)
// side by side in one run, rounds interleaved. Goal: ≥ 0.5 × the bare rate (ratio bare/clone ≤ 2).
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

function rate(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: 2, headers }, (error, result) =>
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
const ratios = [];
const rates = { clone: [], bare: [] };
for (let round = 0; round < 5; round++) {
  const c = await rate(`${clone.apiUrl}${path}`);
  const b = await rate(bareUrl);
  rates.clone.push(c);
  rates.bare.push(b);
  ratios.push(b / c);
}
report('clone-issues-throughput', {
  ratio: median(ratios),
  goal: 2,
  detail: `clone ${Math.round(median(rates.clone))} req/s, bare ${Math.round(median(rates.bare))} req/s (${body.length} bytes, median of 5 × 2 s rounds; clone/bare ${(1 / median(ratios)).toFixed(2)})`,
});
bare.close();
await clone.handle.stop();
