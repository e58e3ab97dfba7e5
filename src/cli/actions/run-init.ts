import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, loadConfig, starterConfig } from '../../config/index.js';
import { EXIT } from '../errors.js';
import { workDir, type GlobalOptions } from '../host.js';
import { err, out } from '../output.js';

const HARNESS = `// The Archal harness: how Archal runs your agent. Archal starts it once per scenario run with
//   AGENT_TASK        the scenario's prompt (the only instruction your agent gets)
//   GITHUB_API_URL    the REST API of this run's GitHub clone (GITHUB_TOKEN / GH_TOKEN is its token)
//   AGENT_CLONE_URLS  {"github": "<the same URL>"} for agents that take several services
//   AGENT_MODEL       the model from .archal.json "agentModel", if set
//   ARCHAL_PREFLIGHT  "1" during \`archal run --preflight-only\`: start, print OK, exit 0
// Print the answer on stdout as {"text": "..."}; log on stderr; exit non-zero if the agent failed.
//
// Replace runAgent() with a call into your real agent, pointing its GitHub client at GITHUB_API_URL.
// This example lists the open issues it can see, so the first scenario passes out of the box.
// It needs @octokit/rest: npm install --save-dev @octokit/rest
//
// Smoke-test it by hand: AGENT_TASK="Reply with OK and do not use tools." node ./.archal/harness.mjs
// Run by hand there is no clone (AGENT_CLONE_URLS is unset), so this example answers OK without tools.

async function runAgent(task, github) {
  const repos = await github.paginate(github.rest.repos.listForAuthenticatedUser, { per_page: 100 });
  const lines = [];
  for (const repo of repos) {
    const issues = await github.paginate(github.rest.issues.listForRepo, { owner: repo.owner.login, repo: repo.name, state: 'open', per_page: 100 });
    for (const issue of issues.filter((item) => !item.pull_request)) lines.push(\`- \${repo.full_name}#\${issue.number}: \${issue.title}\`);
  }
  return \`Task: \${task}\\nOpen issues (\${lines.length}):\\n\${lines.join('\\n')}\`;
}

if (!process.env.AGENT_CLONE_URLS) {
  // Started by hand, not by Archal (which always sets AGENT_CLONE_URLS, also when it routes
  // api.github.com to the clone and GITHUB_API_URL is unset).
  process.stderr.write('Not started by archal run (AGENT_CLONE_URLS is not set), so there is no GitHub clone to read: answering OK without tools.\\n');
  process.stdout.write(JSON.stringify({ text: 'OK' }));
} else {
  try {
    // Imported here so that the smoke test above runs before @octokit/rest is installed.
    const { Octokit } = await import('@octokit/rest').catch((error) => {
      throw new Error(\`@octokit/rest is not installed (npm install --save-dev @octokit/rest): \${error.message}\`);
    });
    if (process.env.ARCHAL_PREFLIGHT === '1') {
      process.stdout.write(JSON.stringify({ text: 'OK' }));
    } else {
      const github = new Octokit({ baseUrl: process.env.GITHUB_API_URL, auth: process.env.GITHUB_TOKEN });
      process.stdout.write(JSON.stringify({ text: await runAgent(process.env.AGENT_TASK ?? '', github) }));
    }
  } catch (error) {
    process.stderr.write(\`agent failed: \${error instanceof Error ? error.stack : String(error)}\\n\`);
    process.exit(1);
  }
}
`;

const FIRST_RUN = `# First run: summarise open issues

## Setup
The small-project seed: organisation acme with the repository acme/widgets and a few open issues.

## Prompt
List the open issues in the repositories you can access and summarise them briefly.

## Expected Behavior
The agent reads the issues without changing anything and answers with a short summary.

## Success Criteria
- [D] The run exits successfully
- [D] No issues were closed
- [D] No comments were created
- [P] The answer lists the open issues of acme/widgets

## Config
clones: github
seed: small-project
runs: 1
timeout: 60
tags: smoke
`;

const GITIGNORE = ['.archal/cache/', '.archal/logs/', '.archal/artifacts/', '.archal/preprod/', '.archal/attach/'];

/** `archal init`: the files a repository needs to start testing its agent. Never overwrites. */
export async function initCommand(globals: GlobalOptions): Promise<number> {
  const cwd = workDir(globals);
  const written: string[] = [];
  const kept: string[] = [];
  const write = (path: string, content: string) => {
    const file = join(cwd, path);
    if (existsSync(file)) {
      kept.push(path);
      return;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(path);
  };
  write(CONFIG_FILE, `${JSON.stringify(starterConfig(), null, 2)}\n`);
  write('.archal/harness.mjs', HARNESS);
  write('archal/first-run.md', FIRST_RUN);

  const gitignore = join(cwd, '.gitignore');
  const existing = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  const present = new Set(existing.split('\n').map((line) => line.trim()));
  const missing = GITIGNORE.filter((entry) => !present.has(entry));
  if (missing.length > 0) {
    writeFileSync(
      gitignore,
      `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}# Archal's local artifacts\n${missing.join('\n')}\n`,
    );
    written.push(`.gitignore (${missing.join(', ')})`);
  }

  for (const path of written) out(`created ${path}`);
  for (const path of kept) out(`kept    ${path} (already exists)`);
  // A kept .archal.json that does not load would stop the first `archal run` the next steps suggest.
  if (kept.includes(CONFIG_FILE) && loadConfig(cwd).status === 'invalid')
    err(
      `warning: ${CONFIG_FILE} is invalid: \`archal config validate\` says why (archal run stops on it until it is fixed)`,
    );
  out(
    [
      '',
      'Next steps:',
      '  npm install --save-dev @octokit/rest       # the harness template uses it',
      '  npx archal run --preflight-only             # does the harness start?',
      '  npx archal run                              # run archal/first-run.md',
      'Then point .archal/harness.mjs at your agent and write scenarios in archal/.',
    ].join('\n'),
  );
  return EXIT.ok;
}
