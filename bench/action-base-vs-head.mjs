// Base vs head: the Action (dist/index.js) on a pull request with `compare-base: true` runs the head
// and the base in one process, concurrently within `concurrency`. Goal: ≤ 1.1 × two separate runs,
// measured in the same run: the Action with `compare-base: false` on the head's checkout, then on
// the base's, one after the other (interleaved with the compared runs; medians).
// The agent is a shell that sleeps (it starts in about a millisecond), so the runs measure Archal's
// scheduling, not Node processes booting on a busy machine.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report, tempDir } from './lib.mjs';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const SCENARIOS = 8;
const RUNS = 2;
const CONCURRENCY = 4;
const REPEATS = 3;

const root = tempDir();
const git = (cwd, ...args) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
    },
  }).trim();

/** A repository whose base and head commits have the same scenarios and the same sleeping agent. */
function repository() {
  const repo = join(root, 'repo');
  mkdirSync(join(repo, 'archal'), { recursive: true });
  writeFileSync(
    join(repo, '.archal.json'),
    JSON.stringify({ agent: { command: 'sh', args: ['-c', `sleep 1; echo '{"text":"ok"}'`] }, runs: RUNS }),
  );
  for (let i = 0; i < SCENARIOS; i++)
    writeFileSync(
      join(repo, 'archal', `s${i}.md`),
      `# Sleeper ${i}\n\n## Prompt\nWait.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: small-project\n`,
    );
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  writeFileSync(join(repo, 'NOTES.md'), 'head\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'head');
  const head = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '--quiet', '--detach', head);
  // The separate base run gets a checkout of its own, made outside the timing.
  const baseCheckout = join(root, 'base-checkout');
  git(repo, 'worktree', 'add', '--quiet', '--detach', baseCheckout, base);
  return { repo, baseCheckout, base, head };
}

const { repo, baseCheckout, base, head } = repository();
const event = join(root, 'event.json');
writeFileSync(
  event,
  JSON.stringify({
    action: 'synchronize',
    number: 1,
    repository: { full_name: 'acme/agent', name: 'agent', owner: { login: 'acme' } },
    pull_request: {
      number: 1,
      html_url: 'https://github.com/acme/agent/pull/1',
      head: { ref: 'feature', sha: head, repo: { full_name: 'acme/agent', fork: false } },
      base: { ref: 'main', sha: base, repo: { full_name: 'acme/agent' } },
    },
  }),
);

let step = 0;
/** One Action run in `workspace`; resolves with its wall time in seconds and its results. */
function action(workspace, compareBase) {
  const dir = join(root, `runner-${step++}`);
  mkdirSync(join(dir, 'temp'), { recursive: true });
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ARCHAL_HOME: join(dir, 'home'),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/agent',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_SHA: head,
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_RUN_ID: String(step),
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    RUNNER_TEMP: join(dir, 'temp'),
    // No token: nothing is written to GitHub, and no artifact service: the upload is skipped with a warning.
    'INPUT_GITHUB-TOKEN': '',
    INPUT_CONCURRENCY: String(CONCURRENCY),
    'INPUT_COMPARE-BASE': String(compareBase),
    'INPUT_FAIL-ON': 'never',
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [DIST], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const outputs = readFileSync(join(dir, 'output'), 'utf8');
      const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
      if (code !== 0 || !/^passed<<.+\ntrue$/m.test(outputs) || summary.includes('| Base |') !== compareBase)
        reject(new Error(`the Action exited ${code}, or did not run as asked; its log:\n${log}`));
      else resolve(seconds);
    });
  });
}

const compared = [];
const separate = [];
for (let i = 0; i < REPEATS; i++) {
  compared.push(await action(repo, true));
  separate.push((await action(repo, false)) + (await action(baseCheckout, false)));
}
const together = median(compared);
const apart = median(separate);
report(
  `Action base vs head (${SCENARIOS} scenarios × ${RUNS} runs of a 1 s agent a side, concurrency ${CONCURRENCY})`,
  {
    ratio: together / apart,
    goal: 1.1,
    detail: `${together.toFixed(2)} s compared in one process vs ${apart.toFixed(2)} s for two separate runs (medians of ${REPEATS})`,
  },
);
