import { execFile } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import { REPO_ROOT } from './cli.js';
import { tempDir } from './tmp.js';

const run = promisify(execFile);
export const EXAMPLE = join(REPO_ROOT, 'examples', 'triage-agent');

/** Files of a directory (minus node_modules and .archal), path → text. */
export function filesOf(dir: string, root = dir, files: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.archal') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesOf(path, root, files);
    else files[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

export interface HostedRepo {
  /** The local clone (a working tree whose origin is the GitHub clone). */
  dir: string;
  clone: GitHubClone;
  /** What the CLI needs to publish to the clone. */
  env: { GITHUB_API_URL: string; GITHUB_TOKEN: string };
  /** git in `dir`, without blocking the clone that serves from this process. */
  git(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A repository hosted on a GitHub clone (acme/agent: origin and API) and cloned into a temporary
 * directory, with the project's node_modules linked in. Files default to the example triage agent;
 * `overrides` replace (or, with null, drop) some of them.
 */
export async function hostedRepo(
  overrides: Record<string, string | null> = {},
  base: Record<string, string> = filesOf(EXAMPLE),
): Promise<HostedRepo> {
  const files: Record<string, string> = { ...base };
  for (const [path, content] of Object.entries(overrides)) {
    if (content === null) delete files[path];
    else files[path] = content;
  }
  const clone = await startGitHubClone({
    seed: {
      users: [{ login: 'octocat' }],
      orgs: [{ login: 'acme', members: { octocat: 'admin' } }],
      repos: [{ owner: 'acme', name: 'agent', files }],
    },
    logger: () => {},
  });
  const dir = join(tempDir('archal-hosted-'), 'agent');
  const credentials = {
    ...process.env,
    TEST_TOKEN: clone.token,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'credential.helper',
    GIT_CONFIG_VALUE_0: '!f() { echo username=x-access-token; echo "password=$TEST_TOKEN"; }; f',
  };
  const git = async (...args: string[]) => (await run('git', args, { cwd: dir, env: credentials })).stdout.trim();
  await run('git', ['clone', '--quiet', `${clone.gitUrl}/acme/agent.git`, dir], { env: credentials });
  await git('config', 'user.email', 'dev@example.com');
  await git('config', 'user.name', 'Dev');
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  // A symlink is not a directory to git, so "node_modules/" in .gitignore would not cover it.
  appendFileSync(join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
  return {
    dir,
    clone,
    env: { GITHUB_API_URL: clone.apiUrl, GITHUB_TOKEN: clone.token },
    git,
    stop: () => clone.handle.stop(),
  };
}
