// `npm run demo:attach`: the post-prod loop, offline. A local GitHub clone hosts acme/triage-agent
// (examples/triage-agent, with its production traces in prod-traces/) and serves as its git origin
// and its GitHub API. The demo clones it into .archal/demo/, then runs
//   archal attach prod-traces --repo . --once --execution-policy fix
//                 --allow-external-execution --fix-command "node fix.mjs" --open-pr
// which imports the three traces, grades them, rebuilds the GitHub state each failing one read as a
// seed, reproduces the failure with the example's harness, fixes it and opens a draft PR; then
//   archal attach-status --repo .
// It ends with one reproduced-and-fixed trace, one blocked trace naming its missing data, one passing trace.
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubClone } from '../build/index.js';
import { exampleFiles, run } from './demo-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples', 'triage-agent');
const cli = join(root, 'bin', 'archal.js');
// Inside the project, so the example resolves @octokit/rest from the project's node_modules.
const demo = join(root, '.archal', 'demo');
const workspace = join(demo, 'triage-agent-attach');
// Its own run store: the demo's jobs never mix with yours.
const home = join(demo, 'attach-home');

const show = (args) => `$ archal ${args.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg)).join(' ')}\n`;

const clone = await startGitHubClone({
  seed: {
    description: 'The demo: acme/triage-agent, the example agent whose production traces are attached',
    users: [{ login: 'octocat', name: 'The Octocat' }],
    orgs: [{ login: 'acme', members: { octocat: 'admin' } }],
    repos: [
      { owner: 'acme', name: 'triage-agent', files: exampleFiles(example), initialCommit: { message: 'Triage agent' } },
    ],
  },
  logger: () => {},
});
let status;
try {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
  mkdirSync(demo, { recursive: true });
  // The token reaches git through a credential helper reading the environment, never the URL.
  const gitEnv = {
    ...process.env,
    DEMO_TOKEN: clone.token,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'credential.helper',
    GIT_CONFIG_VALUE_0: '!f() { echo username=x-access-token; echo "password=$DEMO_TOKEN"; }; f',
  };
  if (
    (await run('git', ['clone', '--quiet', `${clone.gitUrl}/acme/triage-agent.git`, workspace], { env: gitEnv })) !== 0
  )
    throw new Error('git clone from the local GitHub clone failed');
  const env = { ...process.env, ARCHAL_HOME: home, GITHUB_API_URL: clone.apiUrl, GITHUB_TOKEN: clone.token };

  console.log(`Archal demo: the post-prod loop on acme/triage-agent's production traces (clone at ${clone.apiUrl})\n`);
  const attach = [
    'attach',
    'prod-traces',
    '--repo',
    '.',
    '--once',
    '--execution-policy',
    'fix',
    '--allow-external-execution',
    '--fix-command',
    'node fix.mjs',
    '--open-pr',
    ...process.argv.slice(2),
  ];
  console.log(show(attach));
  status = await run(process.execPath, [cli, ...attach], { cwd: workspace, env });

  console.log(`\n${show(['attach-status', '--repo', '.'])}`);
  await run(process.execPath, [cli, 'attach-status', '--repo', '.'], { cwd: workspace, env });

  const pulls = clone.handle.state().pullRequests;
  for (const pull of pulls) {
    const files = await fetch(`${clone.apiUrl}/repos/acme/triage-agent/pulls/${pull.number}/files`, {
      headers: { authorization: `Bearer ${clone.token}` },
    }).then((response) => response.json());
    console.log(`\nDraft PR #${pull.number} on the clone (${pull.head.ref} → ${pull.base.ref}): ${pull.title}`);
    for (const file of files) console.log(`--- ${file.filename}\n${file.patch}`);
  }
  const where = relative(process.cwd(), join(workspace, '.archal', 'attach')) || '.';
  console.log(
    `\nArtifacts: ${where}/ — grades/<trace>/grade.json, seeds/<trace>/scenario.md, runs/<trace>/manifest.json,`,
  );
  console.log('fixes/<trace>/pr-details.md, and runs.jsonl (one line per state change of each job).');
} finally {
  await clone.handle.stop();
}
process.exit(status);
