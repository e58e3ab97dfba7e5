// `npm run demo`: Archal's main job, the pre-prod loop, offline. A local GitHub clone hosts
// acme/triage-agent (examples/triage-agent: a small deterministic agent with a planted bug) and
// serves as both its git origin and its GitHub API. The demo clones it into .archal/demo/, then runs
//   archal preprod run --allow-external-execution --fix-command "node fix.mjs"
//                      --validation-command "npm test" --open-pr
// which runs the scenarios, classifies the failure, lets the example fixer patch it, reruns every
// scenario, validates with the example's tests, opens a draft PR on the clone and verifies it.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubClone } from '../build/index.js';
import { exampleFiles, run } from './demo-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples', 'triage-agent');
const cli = join(root, 'bin', 'archal.js');
// Inside the project, so the example resolves @octokit/rest from the project's node_modules.
const workspace = join(root, '.archal', 'demo', 'triage-agent');

const clone = await startGitHubClone({
  seed: {
    description: 'The demo: acme/triage-agent, the example agent under test',
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
  mkdirSync(join(workspace, '..'), { recursive: true });
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

  console.log(
    `Archal demo: the pre-prod loop on acme/triage-agent, hosted by a local GitHub clone (${clone.apiUrl})\n`,
  );
  const args = [
    '--cwd',
    workspace,
    'preprod',
    'run',
    '--allow-external-execution',
    '--fix-command',
    'node fix.mjs',
    '--validation-command',
    'npm test',
    '--open-pr',
    ...process.argv.slice(2),
  ];
  console.log(
    `$ archal ${args
      .slice(2)
      .map((arg) => (arg.includes(' ') ? `'${arg}'` : arg))
      .join(' ')}\n`,
  );
  status = await run(process.execPath, [cli, ...args], {
    cwd: workspace,
    env: { ...process.env, GITHUB_API_URL: clone.apiUrl, GITHUB_TOKEN: clone.token },
  });

  const result = JSON.parse(readFileSync(join(workspace, '.archal', 'preprod', 'preprod-result.json'), 'utf8'));
  if (result.pr?.number) {
    const files = await fetch(`${clone.apiUrl}/repos/acme/triage-agent/pulls/${result.pr.number}/files`, {
      headers: { authorization: `Bearer ${clone.token}` },
    }).then((response) => response.json());
    console.log(`\nThe draft PR's diff (${result.pr.branch}):`);
    for (const file of files) console.log(`--- ${file.filename}\n${file.patch}`);
  }
  console.log(`\nWorkspace (a git clone of acme/triage-agent): ${relative(process.cwd(), workspace) || '.'}`);
  console.log(
    `Read why each decision was taken in ${relative(process.cwd(), result.artifacts.result)} and ${relative(process.cwd(), result.artifacts.failures)}.`,
  );
} finally {
  await clone.handle.stop();
}
process.exit(status);
