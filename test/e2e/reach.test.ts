import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, REPO_ROOT, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';
import { ghPath } from '../clones/support/gh.js';

/**
 * Agents as they reach GitHub in the wild, each run through `archal run` against its own clone:
 * one written against api.github.com with no configuration, the gh CLI, and an MCP client.
 */
interface Run {
  passed: boolean;
  failureKind: string | null;
  failureSummary: string | null;
  harness: { outcome: string; answer: string; stderrTail: string };
  criteria: Array<{ id: string; status: string; detail: string }>;
  requests: { total: number; refused: Array<{ host: string; port: number; method: string }> };
}
interface Suite {
  passed: boolean;
  scenarios: Array<{ title: string; results: Run[] }>;
}

function project(files: Record<string, string>, agent: unknown, scenario: string): string {
  const dir = tempDir('archal-reach-');
  writeFiles(dir, { ...files, '.archal.json': JSON.stringify({ agent }), 'archal/scenario.md': scenario });
  return dir;
}

const scenario = (criteria: string, config: string) =>
  `# Reach the clone\n\n## Prompt\nWork on acme/widgets.\n\n## Success Criteria\n${criteria}\n\n## Config\nseed: small-project\ntimeout: 60\n${config}\n`;

async function runOnly(dir: string): Promise<Run> {
  const result = await runCli(['--cwd', dir, 'run', '-o', 'json'], { timeoutMs: 90_000 });
  const suite = json<Suite>(result);
  return suite.scenarios[0]!.results[0]!;
}

describe('archal run: agents reach the clone unchanged', () => {
  it('an agent written against https://api.github.com with no configuration (routing: proxy)', async () => {
    const agent = `
const res = await fetch('https://api.github.com/repos/acme/widgets/issues/1/comments', {
  method: 'POST',
  headers: { authorization: 'Bearer ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' },
  body: JSON.stringify({ body: 'Looked into it' }),
});
if (!res.ok) { console.error(res.status, await res.text()); process.exit(1); }
console.log(JSON.stringify({ text: 'GITHUB_API_URL=' + (process.env.GITHUB_API_URL ?? 'unset') }));
`;
    const dir = project(
      { 'agent.mjs': agent },
      'node agent.mjs',
      scenario(
        [
          '- [D] issue 1 got the comment => $count($created(github.comments)[issue_number = 1 and body = "Looked into it"]) = 1',
          '- [D] the agent was not told the clone’s URL => run.answer = "GITHUB_API_URL=unset"',
        ].join('\n'),
        'routing: proxy',
      ),
    );
    const run = await runOnly(dir);
    expect(run.harness.stderrTail).toBe('');
    expect(run).toMatchObject({ passed: true, failureKind: null });
  });

  it('the gh CLI (routing: both, the default)', async () => {
    const agent = `#!/bin/sh
set -e
gh issue comment 1 -R acme/widgets --body "Triaged with gh"
gh issue close 2 -R acme/widgets
gh pr review 4 -R acme/widgets --approve --body "Approved with gh"
echo '{"text": "done"}'
`;
    const dir = project(
      { 'agent.sh': agent },
      {
        command: 'sh',
        args: ['agent.sh'],
        env: {
          GH_CONFIG_DIR: join(tempDir('archal-gh-config-')),
          GH_PROMPT_DISABLED: '1',
          GH_NO_UPDATE_NOTIFIER: '1',
          PATH: `${join(ghPath(), '..')}:${process.env.PATH ?? ''}`,
        },
      },
      scenario(
        [
          '- [D] issue 1 got the comment => $count($created(github.comments)[issue_number = 1 and body = "Triaged with gh"]) = 1',
          '- [D] issue 2 is closed => github.issues[number = 2].state = "closed"',
          '- [D] pull request 4 is approved => $count($created(github.reviews)[pull_number = 4 and state = "APPROVED"]) = 1',
        ].join('\n'),
        '',
      ),
    );
    const run = await runOnly(dir);
    // gh reports what it did on stderr ("✓ Closed issue #2"): no error there.
    expect(run.harness.stderrTail).not.toMatch(/error|failed|GraphQL:/i);
    expect(run).toMatchObject({ passed: true, failureKind: null });
  });

  it('an MCP client using the URL in AGENT_CLONE_URLS (githubMcp)', async () => {
    const sdk = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol', 'sdk', 'dist', 'esm', 'client');
    const agent = `
import { Client } from ${JSON.stringify(join(sdk, 'index.js'))};
import { StreamableHTTPClientTransport } from ${JSON.stringify(join(sdk, 'streamableHttp.js'))};
const url = JSON.parse(process.env.AGENT_CLONE_URLS).githubMcp;
const client = new Client({ name: 'mcp-agent', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { authorization: 'Bearer ' + process.env.GITHUB_TOKEN } },
}));
const result = await client.callTool({ name: 'issue_write', arguments: {
  method: 'create', owner: 'acme', repo: 'widgets', title: 'Filed over MCP', labels: ['bug'] } });
if (result.isError) { console.error(result.content[0].text); process.exit(1); }
await client.close();
console.log(JSON.stringify({ text: 'filed' }));
`;
    const dir = project(
      { 'agent.mjs': agent },
      'node agent.mjs',
      scenario(
        '- [D] the issue was filed => $count($created(github.issues)[title = "Filed over MCP" and "bug" in labels]) = 1',
        '',
      ),
    );
    const run = await runOnly(dir);
    expect(run.harness.stderrTail).toBe('');
    expect(run).toMatchObject({ passed: true, failureKind: null });
  });

  it('a host other than GitHub’s is refused, and the failure says routing with the host', async () => {
    const agent = `
try {
  await fetch('https://models.example.net/v1/complete');
} catch (error) {
  console.error('fetch failed: ' + (error.cause?.message ?? error.message));
  process.exit(1);
}
`;
    const dir = project({ 'agent.mjs': agent }, 'node agent.mjs', scenario('- [D] the run exits successfully', ''));
    const run = await runOnly(dir);
    expect(run.failureKind).toBe('routing');
    expect(run.failureSummary).toContain('models.example.net:443');
    expect(run.requests.refused).toEqual([{ host: 'models.example.net', port: 443, method: 'CONNECT' }]);
  });
});
