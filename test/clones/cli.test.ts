import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from '@jest/globals';
import { CLI, REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { octokitFor } from './support/clone.js';
import { cloneUrl, gitOk } from './support/git.js';

/** Starts `archal clone start github …` and resolves with its first stdout line and the process. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'clone', 'start', 'github', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, firstLine, exited };
}

describe('archal clone', () => {
  it('start github runs a clone an agent (Octokit) and git can use, until interrupted', async () => {
    const { child, firstLine, exited } = startCli(['--seed', 'small-project', '--json']);
    const info = JSON.parse(await firstLine) as { apiUrl: string; gitUrl: string; token: string; seed: string };
    expect(info).toMatchObject({ seed: 'small-project', apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const octokit = octokitFor(info, info.token);
    const { data: issue } = await octokit.issues.create({ owner: 'acme', repo: 'widgets', title: 'From the CLI test' });
    expect(issue.number).toBe(6);
    const dir = tempDir('archal-cli-git-');
    await gitOk(dir, 'clone', '--quiet', cloneUrl(info.gitUrl, 'acme/widgets', info.token), 'widgets');
    expect(readFileSync(join(dir, 'widgets', 'README.md'), 'utf8')).toContain('# widgets');
    child.kill('SIGINT');
    expect(await exited).toMatchObject({ code: 0 });
    await expect(fetch(`${info.apiUrl}/_archal/health`)).rejects.toThrow();
  });

  it('prints the URLs and token for people', async () => {
    const { child, firstLine, exited } = startCli([
      '--seed',
      'empty',
      '--token',
      'ghp_fixedTokenForTheCliTest000000000000',
    ]);
    expect(await firstLine).toBe('GitHub clone running (seed: empty)');
    child.kill('SIGTERM');
    expect(await exited).toMatchObject({ code: 0 });
  });

  it('exits 2 with a clear message on bad input', async () => {
    const seed = await runCli(['clone', 'start', 'github', '--seed', 'smal-project']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('unknown seed "smal-project" (did you mean "small-project"?)');
    const clone = await runCli(['clone', 'start', 'gitlab']);
    expect(clone.code).toBe(2);
    expect(clone.stderr).toContain('unknown clone "gitlab"');
    const port = await runCli(['clone', 'start', 'github', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be an integer');
  });

  it('lists operations (the generated docs page) and seeds', async () => {
    const markdown = await runCli(['clone', 'operations', '--markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toBe(readFileSync(join(REPO_ROOT, 'docs', 'github-clone-operations.md'), 'utf8'));
    expect(markdown.stdout).toContain(
      '| [`issues/create`](https://docs.github.com/rest/issues/issues#create-an-issue) | POST | `/repos/{owner}/{repo}/issues` |',
    );
    const seeds = await runCli(['clone', 'seeds', '--json']);
    expect((JSON.parse(seeds.stdout) as Array<{ name: string }>).map((s) => s.name)).toEqual([
      'empty',
      'small-project',
      'stale-issues',
      'large-backlog',
      'merge-conflict',
      'enterprise-repo',
      'ci-cd-pipeline',
      'rich-org',
    ]);
  });
});
