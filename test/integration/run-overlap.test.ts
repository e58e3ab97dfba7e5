import { describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openGitHubClone } from '../../src/clones/github/index.js';
import { prepareCriteria } from '../../src/evaluate/criteria.js';
import { resolveAgent } from '../../src/harness/agent.js';
import { runOnce } from '../../src/runner/run-once.js';
import { parseScenario } from '../../src/scenarios/parse.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * A run starts its agent while the clone is being seeded: the agent's requests wait until the seeded
 * state is recorded, and a clone that cannot be built stops the agent.
 */

/** `keepAlive: false`: a connection of its own, closed after the answer. */
function get(url: string, token: string, keepAlive = true): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const options = { headers: { authorization: `token ${token}` }, ...(keepAlive ? {} : { agent: false }) };
    const req = request(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('an opened clone', () => {
  it('holds requests until it is built and serves, then answers them from the seeded state', async () => {
    const opened = await openGitHubClone({ seed: 'small-project' });
    let answered = false;
    const early = get(`${opened.apiUrl}/repos/acme/widgets/issues/1`, opened.token).finally(() => (answered = true));
    // Awaited below; a failed expectation before then stops the clone, which must not crash the run.
    early.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(answered).toBe(false);
    const clone = await opened.build();
    try {
      // Built and seeded, not serving yet: the state can be recorded before the agent sees it.
      expect(clone.handle.requests()).toHaveLength(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      // A request that waits is not answered yet: the state is still the seeded one.
      expect(opened.served()).toBe(0);
      opened.serve();
      expect(opened.served()).toBe(1);
      const response = await early;
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ number: 1 });
      expect(clone.handle.requests()).toHaveLength(1);
      await get(`${opened.apiUrl}/repos/acme/widgets/issues/2`, opened.token, false);
      expect(opened.served()).toBe(2);
    } finally {
      await clone.handle.stop();
    }
    expect(existsSync(opened.dir)).toBe(false);
  });

  it('that fails to build closes its port and removes its directory', async () => {
    const opened = await openGitHubClone({ seed: join(tempDir(), 'missing.json'), cwd: tempDir() });
    await expect(opened.build()).rejects.toThrow(/does not exist/);
    expect(existsSync(opened.dir)).toBe(false);
    await expect(get(`${opened.apiUrl}/`, opened.token)).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);
  });
});

function scenarioFile(dir: string, seed: string, prompt = 'List the issues.'): string {
  const file = join(dir, 'scenario.md');
  writeFileSync(
    file,
    `# Overlap\n\n## Prompt\n${prompt}\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: ${seed}\nrouting: env\n`,
  );
  return file;
}

async function runScenario(dir: string, file: string, agent: string) {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { criteria } = prepareCriteria(parsed.scenario, { evaluator: false });
  return runOnce({
    scenario: parsed.scenario,
    criteria,
    index: 1,
    agent: resolveAgent(agent, process.env),
    cwd: dir,
    cacheDir: join(dir, '.archal', 'cache'),
    env: { PATH: process.env.PATH, HOME: dir, ARCHAL_HOME: join(dir, 'home') },
  });
}

describe('a scenario run', () => {
  it('gives an agent that calls the clone at once the seeded state, never a half-built one', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir, 'small-project');
    // The agent asks for the issues as soon as it starts, before the clone could have been seeded.
    writeFileSync(
      join(dir, 'agent.cjs'),
      `fetch(process.env.GITHUB_API_URL + '/repos/acme/widgets/issues?state=all', {
  headers: { authorization: 'token ' + process.env.GITHUB_TOKEN },
})
  .then((response) => response.json())
  .then((issues) => process.stdout.write(JSON.stringify({ text: String(issues.length) })));
`,
    );
    const agent = `node ${join(dir, 'agent.cjs')}`;
    const result = await runScenario(dir, file, agent);
    expect(result.harness.stderrTail).toBe('');
    expect(result.harness.outcome).toBe('ok');
    expect(result.harness.answer).toBe('5');
    expect(result.passed).toBe(true);
  });

  it('records what a request changed, and no change when the agent made no request', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir, 'small-project');
    writeFileSync(
      join(dir, 'close.cjs'),
      `fetch(process.env.GITHUB_API_URL + '/repos/acme/widgets/issues/1', {
  method: 'PATCH',
  headers: { authorization: 'token ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' },
  body: JSON.stringify({ state: 'closed' }),
}).then((response) => process.stdout.write(JSON.stringify({ text: String(response.status) })));
`,
    );
    const diffOf = (result: { cacheFile: string }) =>
      (JSON.parse(readFileSync(result.cacheFile, 'utf8')) as { diff: { github: Record<string, unknown> } }).diff.github;
    const closed = await runScenario(dir, file, `node ${join(dir, 'close.cjs')}`);
    expect(closed.harness.answer).toBe('200');
    expect(diffOf(closed)).toMatchObject({
      issues: { updated: [{ changes: { state: { from: 'open', to: 'closed' } } }] },
    });
    const idle = await runScenario(dir, file, 'true');
    expect(idle.passed).toBe(true);
    expect(diffOf(idle)).toEqual({});
  });

  it('stops the agent and reports the problem when its clone cannot be built', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir, 'broken-seed.json');
    writeFileSync(join(dir, 'broken-seed.json'), '{"users": "not a list"}');
    const started = Date.now();
    // The agent would sleep 30 s; the run waits for it to be gone before it reports the clone's problem.
    await expect(runScenario(dir, file, 'exec sleep 30')).rejects.toThrow(/broken-seed\.json[\s\S]*users/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
