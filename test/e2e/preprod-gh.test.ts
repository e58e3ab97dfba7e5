import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import { startRouteProxy, type RouteProxy } from '../../src/clones/github/route/index.js';
import { ghPath } from '../clones/support/gh.js';
import { json, REPO_ROOT, runCli } from '../helpers/cli.js';
import { EXAMPLE, filesOf } from '../helpers/hosted.js';
import { tempDir } from '../helpers/tmp.js';

const run = promisify(execFile);

/**
 * The pre-prod loop as the guide writes it, with the real gh CLI as `--pr-command`: the repository's
 * origin is https://github.com/acme/agent.git, served by a GitHub clone through route mode, and gh is
 * logged in the way a user logs it in (its own config under HOME).
 */
let clone: GitHubClone | undefined;
let proxy: RouteProxy | undefined;
afterEach(async () => {
  await proxy?.stop();
  await clone?.handle.stop();
  proxy = undefined;
  clone = undefined;
});

interface Checkout {
  dir: string;
  env: NodeJS.ProcessEnv;
  git(...args: string[]): Promise<string>;
}

async function checkout(): Promise<Checkout> {
  clone = await startGitHubClone({
    seed: {
      users: [{ login: 'octocat' }],
      orgs: [{ login: 'acme', members: { octocat: 'admin' } }],
      repos: [{ owner: 'acme', name: 'agent', files: filesOf(EXAMPLE) }],
    },
    logger: () => {},
  });
  proxy = await startRouteProxy({ target: { host: '127.0.0.1', port: clone.port }, dir: clone.dir });
  const routed = proxy.env({});
  const home = tempDir('archal-gh-user-');
  mkdirSync(join(home, '.config', 'gh'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: `${join(ghPath(), '..')}:${process.env.PATH ?? ''}`,
    HOME: home,
    HTTPS_PROXY: routed.HTTPS_PROXY,
    NO_PROXY: routed.NO_PROXY,
    SSL_CERT_FILE: routed.SSL_CERT_FILE,
    GIT_SSL_CAINFO: routed.GIT_SSL_CAINFO,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GH_PROMPT_DISABLED: '1',
    GH_NO_UPDATE_NOTIFIER: '1',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  };
  // `gh auth login` and `gh auth setup-git`, as a user does once: gh keeps the token under HOME.
  await new Promise<void>((resolve, reject) => {
    const child = execFile(ghPath(), ['auth', 'login', '--hostname', 'github.com', '--with-token'], { env }, (error) =>
      error ? reject(error) : resolve(),
    );
    child.stdin!.end(`${clone!.token}\n`);
  });
  await run(ghPath(), ['auth', 'setup-git'], { env });
  const work = tempDir('archal-gh-work-');
  await run('git', ['clone', '--quiet', 'https://github.com/acme/agent.git'], { cwd: work, env });
  const dir = join(work, 'agent');
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  await run('sh', ['-c', 'echo node_modules >> .git/info/exclude'], { cwd: dir });
  return {
    dir,
    // Archal's own publisher and its verification reach the clone's API directly.
    env: { ...env, GITHUB_API_URL: clone.apiUrl, GITHUB_TOKEN: clone.token },
    git: async (...args) => (await run('git', args, { cwd: dir, env })).stdout.trim(),
  };
}

/** The guide's full command, with a stand-in for the coding agent. */
const args = (repo: Checkout): string[] => [
  '--cwd',
  repo.dir,
  'preprod',
  'run',
  '--json',
  '--max-fix-attempts',
  '2',
  '--allow-external-execution',
  '--fix-command',
  'node fix.mjs',
  '--validation-command',
  'npm test',
  '--open-pr',
  '--pr-command',
  'gh pr create --draft --fill',
  // What gh needs to reach the clone through route mode; a user's gh needs only HOME.
  '--pass-env',
  'HTTPS_PROXY,NO_PROXY,SSL_CERT_FILE,GIT_SSL_CAINFO,GIT_CONFIG_NOSYSTEM,GH_PROMPT_DISABLED',
];

describe("archal preprod run --pr-command 'gh pr create --draft --fill' (the guide's command, the real gh)", () => {
  it('passed: gh opens the draft PR from the fix branch the loop pushed, and the loop verifies its head and files', async () => {
    const repo = await checkout();
    const headBefore = await repo.git('rev-parse', 'HEAD');
    const cli = await runCli(args(repo), { env: repo.env, timeoutMs: 120_000 });
    const result = json<{
      status: string;
      pr: { publisher: string; branch: string; headSha: string; files: string[]; verified: boolean; url: string };
    }>(cli);
    expect(result).toMatchObject({ status: 'passed' });
    expect(cli.code).toBe(0);
    const [pull] = clone!.handle.state().pullRequests;
    expect(pull).toMatchObject({ draft: true, state: 'open' });
    expect(result.pr).toMatchObject({
      publisher: 'command',
      verified: true,
      files: ['triage.mjs'],
      branch: 'archal/preprod-fix-main',
      url: expect.stringContaining(`/acme/agent/pull/${pull!.number}`),
    });
    // The PR's head is the commit the loop pushed to the fix branch, on top of main.
    expect(await repo.git('ls-remote', 'origin', 'refs/heads/archal/preprod-fix-main')).toMatch(
      new RegExp(`^${result.pr.headSha}\\s`),
    );
    // The user's checkout is as the fix left it: same branch and commit, no extra branch or worktree.
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(headBefore);
    expect(await repo.git('status', '--porcelain', '--untracked-files=no')).toBe('M triage.mjs');
    expect(await repo.git('branch', '--list')).toBe('* main');
    expect((await repo.git('worktree', 'list')).split('\n')).toHaveLength(1);

    // The same command again (the guide's safe resume): the open draft PR already has the fix, so
    // gh is not asked to open a second one (it would refuse), and the loop passes.
    const again = await runCli(args(repo), { env: repo.env, timeoutMs: 120_000 });
    const second = json<{ status: string; pr: { action: string; number: number; verified: boolean } }>(again);
    expect(second).toMatchObject({
      status: 'passed',
      pr: { action: 'unchanged', number: pull!.number, verified: true },
    });
    expect(again.code).toBe(0);
    expect(clone!.handle.state().pullRequests).toHaveLength(1);
  }, 150_000);
});
