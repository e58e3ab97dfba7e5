import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  discoverPublishTarget,
  resolvePreprodOptions,
  runPreprodInWorkspace,
  type PreprodOptions,
} from '../../src/preprod/index.js';
import { openWorkspace } from '../../src/workspace/index.js';
import { hostedRepo, type HostedRepo } from '../helpers/hosted.js';

let hosted: HostedRepo | undefined;
afterEach(async () => {
  await hosted?.stop();
  hosted = undefined;
});

/** The host's environment without anything that says where GitHub is: the target alone must. */
function hostEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_API_URL']) delete env[name];
  return env;
}

function options(overrides: Record<string, unknown>): PreprodOptions {
  const resolved = resolvePreprodOptions({}, overrides);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.options;
}

describe('the pre-prod loop with a publish target supplied by its host', () => {
  it('publishes a draft PR from a detached checkout to the branch the target names', async () => {
    // A pull request from `feature`, checked out as a CI checkout does it: detached, no branch.
    hosted = await hostedRepo();
    const repo = hosted;
    await repo.git('push', '--quiet', 'origin', 'HEAD:refs/heads/feature');
    await repo.git('fetch', '--quiet', 'origin');
    await repo.git('checkout', '--quiet', '--detach', 'origin/feature');
    const env = hostEnvironment();

    // The CLI's discovery stops here, as it always did.
    expect(await discoverPublishTarget(repo.dir, { ...env, ...repo.env })).toMatchObject({
      ok: false,
      stopReason: 'detached_head',
    });

    const workspace = openWorkspace({ dir: repo.dir, env });
    const lines: string[] = [];
    const outcome = await runPreprodInWorkspace(workspace, {
      options: options({ allowExternalExecution: true, fixCommand: 'node fix.mjs', openPr: true }),
      publishTarget: {
        repository: { owner: 'acme', repo: 'agent', apiUrl: repo.clone.apiUrl },
        gitRemote: `${repo.clone.gitUrl}/acme/agent.git`,
        baseBranch: 'feature',
        token: repo.clone.token,
      },
      log: (line) => lines.push(line),
    });
    if (outcome.kind !== 'result') throw new Error(JSON.stringify(outcome));
    const { result } = outcome;
    expect(result).toMatchObject({ status: 'passed', stopReason: 'passed' });
    expect(result.pr).toMatchObject({
      publisher: 'builtin',
      action: 'created',
      branch: 'archal/preprod-fix-feature',
      files: ['triage.mjs'],
      verified: true,
    });
    const pulls = repo.clone.handle.state().pullRequests;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({
      draft: true,
      state: 'open',
      head: { ref: 'archal/preprod-fix-feature', sha: result.pr!.headSha },
      base: { ref: 'feature' },
    });
    expect(lines.some((line) => line.startsWith('fix attempt 1/'))).toBe(true);
    // The checkout stays as the host left it: still detached, the fix only in its working tree.
    expect(await repo.git('status', '--porcelain', '--branch')).toMatch(/^## HEAD \(no branch\)\n M triage\.mjs$/);
    expect(JSON.parse(readFileSync(join(repo.dir, '.archal', 'preprod', 'preprod-result.json'), 'utf8'))).toMatchObject(
      { status: 'passed' },
    );
  }, 120_000);

  it('names its own fix branch and calls the API through the client it is given', async () => {
    hosted = await hostedRepo();
    const repo = hosted;
    await repo.git('checkout', '--quiet', '--detach');
    const { createGitHubApiClient } = await import('../../src/github/index.js');
    const github = createGitHubApiClient(repo.clone.apiUrl, repo.clone.token);
    const outcome = await runPreprodInWorkspace(openWorkspace({ dir: repo.dir, env: hostEnvironment() }), {
      options: options({ allowExternalExecution: true, fixCommand: 'node fix.mjs', openPr: true }),
      publishTarget: {
        repository: { owner: 'acme', repo: 'agent', apiUrl: 'http://127.0.0.1:9/unused-when-a-client-is-given' },
        baseBranch: 'main',
        headBranch: 'bot/fix-triage',
        token: repo.clone.token,
        github,
      },
      log: () => {},
    });
    if (outcome.kind !== 'result') throw new Error(JSON.stringify(outcome));
    expect(outcome.result.pr).toMatchObject({ action: 'created', branch: 'bot/fix-triage', verified: true });
    expect(repo.clone.handle.state().pullRequests[0]).toMatchObject({
      head: { ref: 'bot/fix-triage' },
      base: { ref: 'main' },
    });
  }, 120_000);

  it('stops with the reason a target lookup gives, before running anything', async () => {
    hosted = await hostedRepo();
    const outcome = await runPreprodInWorkspace(openWorkspace({ dir: hosted.dir, env: hostEnvironment() }), {
      options: options({ allowExternalExecution: true, fixCommand: 'node fix.mjs', openPr: true }),
      publishTarget: async () => ({ ok: false, stopReason: 'missing_github_token', message: 'no token here' }),
      log: () => {},
    });
    expect(outcome).toMatchObject({
      kind: 'result',
      result: { status: 'blocked', stopReason: 'missing_github_token', message: 'no token here', attempts: [] },
    });
  }, 60_000);
});
