// GitHub clone request rate: a mix of issue create and get over keep-alive HTTP from one client,
// against a bare Node http server answering a fixed JSON body to the same client, in the same run,
// rounds interleaved. Measured with node:http (the lightest client, so the server's own cost shows
// most) and with fetch (undici, what Octokit uses). Goal: ≥ 0.5 × the bare rate (ratio bare/clone ≤ 2).
import { Agent, createServer, request } from 'node:http';
import { engine, median, report } from './lib.mjs';

const { startGitHubClone } = await engine();
// Short rounds, many of them, interleaved: load on the machine hits both servers alike.
const PAIRS = 750;
const ROUNDS = 9;

function nodeHttpClient(port, token) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const headers = {
    authorization: `token ${token}`,
    'content-type': 'application/json',
    accept: 'application/vnd.github+json',
  };
  return {
    call: (method, path, body) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () =>
            res.statusCode < 300
              ? resolve(Buffer.concat(chunks).toString('utf8'))
              : reject(new Error(`${method} ${path}: ${res.statusCode}`)),
          );
        });
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

function fetchClient(port, token) {
  const headers = {
    authorization: `token ${token}`,
    'content-type': 'application/json',
    accept: 'application/vnd.github+json',
  };
  return {
    call: async (method, path, body) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status}`);
      return text;
    },
    close: () => {},
  };
}

/** Sequential create+get pairs over one keep-alive connection; returns requests per second. */
async function mix(makeClient, port, token, numberOf) {
  const client = makeClient(port, token);
  const started = performance.now();
  for (let i = 0; i < PAIRS; i++) {
    const created = await client.call(
      'POST',
      '/repos/acme/widgets/issues',
      JSON.stringify({ title: `Issue ${i}`, body: 'Benchmark issue' }),
    );
    await client.call('GET', `/repos/acme/widgets/issues/${numberOf(created)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  client.close();
  return (PAIRS * 2) / seconds;
}

const fixed = JSON.stringify({ id: 1, number: 1, title: 'Issue', state: 'open', body: 'Benchmark issue' });
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(fixed),
    });
    res.end(fixed);
  });
});
await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
// The benchmark sends more than GitHub's 5,000 requests an hour: lift the limit it would hit.
const clone = await startGitHubClone({ seed: 'small-project', rateLimit: 1e9 });

for (const [name, makeClient] of [
  ['node:http client', nodeHttpClient],
  ['fetch client (Octokit)', fetchClient],
]) {
  const bareRun = () => mix(makeClient, bare.address().port, 'x', () => 1);
  const cloneRun = () => mix(makeClient, clone.port, clone.token, (text) => JSON.parse(text).number);
  await bareRun();
  await cloneRun();
  const bareRates = [];
  const cloneRates = [];
  for (let round = 0; round < ROUNDS; round++) {
    bareRates.push(await bareRun());
    cloneRates.push(await cloneRun());
  }
  const b = median(bareRates);
  const c = median(cloneRates);
  report(`GitHub clone request rate, issue create + get, keep-alive, ${name}`, {
    ratio: b / c,
    goal: 2,
    detail: `clone ${c.toFixed(0)} req/s vs bare http ${b.toFixed(0)} req/s (${(c / b).toFixed(2)} × bare; medians of ${ROUNDS} rounds of ${PAIRS * 2} requests)`,
  });
}
await clone.handle.stop();
bare.close();
