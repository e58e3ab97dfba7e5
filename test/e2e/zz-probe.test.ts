import { afterAll, beforeAll, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import { appKeys, appSeed, freePort, startApp, TOKENS, WEBHOOK_SECRET, type AppProcess } from '../helpers/app.js';
import { tempDir } from '../helpers/tmp.js';

let clone: GitHubClone; let port: number; let home: string; let agentDir: string; let app: AppProcess;
const owner = 'acme', repo = 'widgets';
const client = (t: string) => new Octokit({ baseUrl: clone.apiUrl, auth: t, log: { debug() {}, info() {}, warn() {}, error() {} } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
beforeAll(async () => {
  home = tempDir('probe-home-'); agentDir = tempDir('probe-agent-'); port = await freePort();
  const seed = appSeed({ fixLabel: 'please-fix', minPermission: 'read', autoFix: true, maxConcurrentRuns: 1, workflows: { fix: 'gated', triage: 'archal-smoke' }, fixChecks: ['unit tests'] });
  (seed as any).repos[0].labels.push({ name: 'please-fix' });
  (seed as any).repos[0].files['.archal/workflows/echo.yaml'] = 'name: echo\ndescription: x\nnodes:\n  - id: a\n    bash: echo "A=$ARGUMENTS"; echo C=$CONTEXT; echo U=$USER_MESSAGE\n  - id: b\n    depends_on: [a]\n    bash: echo "B=$a.output"\n';
  clone = await startGitHubClone({ seed, webhook: { url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: WEBHOOK_SECRET, retryDelayMs: 200 }, logger: () => {} });
  app = await startApp(['--port', String(port)], { APP_ID: '1', PRIVATE_KEY: appKeys().privateKey, WEBHOOK_SECRET, GHE_HOST: `127.0.0.1:${clone.port}`, GHE_PROTOCOL: 'http', ARCHAL_HOME: home, APP_AGENT_DIR: agentDir, LOG_LEVEL: 'info' });
}, 60000);
afterAll(async () => { console.log(app.output().slice(-4000)); await app.stop(); await clone.handle.stop(); });

it('probe', async () => {
  const out: string[] = [];
  const alice = client(TOKENS.alice);
  const { data: issue } = await alice.issues.create({ owner, repo, title: 'x', body: 'body $(touch /tmp/probe/pwned-body) `touch /tmp/probe/pwned-tick`' });
  await alice.issues.createComment({ owner, repo, issue_number: issue.number, body: '/archal run echo $(touch /tmp/probe/pwned-args); touch /tmp/probe/pwned-semi' });
  await sleep(15000);
  for (const c of clone.handle.state().comments.filter((c) => c.issue_number === issue.number)) out.push(`--- ${c.user}: ${c.body}`);
  console.log(out.join('\n'));
}, 120000);
