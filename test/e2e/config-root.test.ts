import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

interface Suite {
  totals: { scenarios: number; runs: number; passedRuns: number };
  scenarios: Array<{ title: string; results: Array<{ harness: { answer: string } }> }>;
}

const scenario = (title: string) =>
  `# ${title}\n\n## Prompt\nLook around.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: empty\ntimeout: 20\n`;

/** A git repository with .archal.json at its root, a scenario in archal/ and one in a subfolder. */
function repository(): string {
  const dir = tempDir('archal-config-root-');
  execFileSync('git', ['init', '--quiet', dir]);
  writeFiles(dir, {
    '.archal.json': JSON.stringify({ agent: 'node agent.mjs', runs: 1, timeout: 20 }),
    'agent.mjs': 'console.log(JSON.stringify({ text: "agent of the root config" }));\n',
    'archal/root.md': scenario('Root scenario'),
    'sub/deep/local.md': scenario('Local scenario'),
  });
  return dir;
}

describe('commands that read .archal.json, typed in a subfolder of the repository', () => {
  it('archal run finds the nearest .archal.json above and runs its scenarios with its agent', async () => {
    const dir = repository();
    const result = await runCli(['run', '-o', 'json', '-q'], { cwd: join(dir, 'sub', 'deep'), timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const suite = json<Suite>(result);
    expect(suite.totals).toEqual({ scenarios: 1, runs: 1, passedRuns: 1 });
    expect(suite.scenarios[0]).toMatchObject({ title: 'Root scenario' });
    expect(suite.scenarios[0]!.results[0]!.harness.answer).toBe('agent of the root config');
  }, 90_000);

  it('archal run resolves scenario arguments and path flags from where it was typed', async () => {
    const dir = repository();
    const here = join(dir, 'sub', 'deep');
    const result = await runCli(['run', 'local.md', '--record', 'recorded', '-o', 'json', '-q'], {
      cwd: here,
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(0);
    const suite = json<Suite>(result);
    expect(suite.scenarios.map((entry) => entry.title)).toEqual(['Local scenario']);
    expect(existsSync(join(here, 'recorded', 'results.json'))).toBe(true);
    expect(existsSync(join(dir, 'recorded'))).toBe(false);

    const validate = await runCli(['scenario', 'validate', 'local.md', '--json'], { cwd: here });
    expect(validate.code).toBe(0);
    expect(json(validate)).toMatchObject({ valid: true });
  }, 90_000);

  it('archal preprod run finds the nearest .archal.json above', async () => {
    const dir = repository();
    const result = await runCli(['preprod', 'run', '--plan', '--json'], { cwd: join(dir, 'sub'), timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({
      status: 'planned',
      repo: dir,
      options: { agent: 'node agent.mjs' },
      scenarios: [{ title: 'Root scenario', file: 'archal/root.md' }],
    });
  }, 90_000);

  it('looks no higher than the repository root', async () => {
    const outer = tempDir('archal-config-outer-');
    writeFiles(outer, { '.archal.json': JSON.stringify({ agent: 'node elsewhere.mjs' }) });
    const dir = join(outer, 'repo');
    execFileSync('git', ['init', '--quiet', dir]);
    writeFiles(dir, { 'sub/local.md': scenario('Local scenario') });
    const result = await runCli(['run', 'local.md', '-q'], { cwd: join(dir, 'sub') });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('elsewhere.mjs');
  }, 60_000);
});
