import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * A copy of the CLI's start-up files (bin/, the workflow bundle, and the YAML library and Kysely it loads on a file's
 * first parse and to create the run store;
 * package.json, bundled/ and node_modules linked), so that the
 * test can rewrite the code cache without touching the build the other tests run.
 */
function cliCopy(): { bin: string; bundle: string } {
  const root = tempDir('archal-cli-copy-');
  cpSync(join(REPO_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'build'));
  for (const file of ['cli-workflow.cjs', 'cli-workflow.cjs.cache', 'yaml.cjs', 'kysely.cjs', 'kysely.cjs.cache'])
    cpSync(join(REPO_ROOT, 'build', file), join(root, 'build', file));
  for (const shared of ['package.json', 'bundled', 'node_modules'])
    symlinkSync(join(REPO_ROOT, shared), join(root, shared));
  return { bin: join(root, 'bin', 'archal.js'), bundle: join(root, 'build', 'cli-workflow.cjs') };
}

/** Whether a new Node.js process, started with no flags, would take the bundle's cache. */
function cacheAccepted(bundle: string): boolean {
  const check = spawnSync(
    process.execPath,
    [
      '-e',
      `const { readFileSync } = require('node:fs');
const { Script } = require('node:vm');
const script = new Script(readFileSync(process.argv[1], 'latin1'), { filename: process.argv[1], cachedData: readFileSync(process.argv[1] + '.cache') });
process.stdout.write(String(!script.cachedDataRejected));`,
      bundle,
    ],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  expect(check.status).toBe(0);
  return check.stdout === 'true';
}

describe('the V8 code cache of the CLI', () => {
  it('is written by a workflow run so that the next start takes it, though the run changed V8 flags', () => {
    const { bin, bundle } = cliCopy();
    const repo = tempRepo();
    writeFileSync(
      join(repo, 'w.yaml'),
      'name: w\ndescription: w\nnodes:\n  - id: a\n    bash: echo ok\n  - id: b\n    bash: echo ok\n',
    );
    const before = statSync(`${bundle}.cache`).mtimeMs;
    // As after an install without a cache, or under another Node.js: the cache is written at exit.
    const run = spawnSync(process.execPath, [bin, 'workflow', 'run', 'w.yaml'], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        ARCHAL_HOME: tempDir('archal-home-'),
        ARCHAL_REFRESH_CODE_CACHE: '1',
      },
    });
    expect(run.stderr).toContain('completed');
    expect(run.status).toBe(0);
    expect(statSync(`${bundle}.cache`).mtimeMs).toBeGreaterThan(before);
    expect(cacheAccepted(bundle)).toBe(true);
  });

  it('is replaced when V8 rejects it, and the CLI still runs', () => {
    const { bin, bundle } = cliCopy();
    writeFileSync(`${bundle}.cache`, 'not a code cache');
    expect(cacheAccepted(bundle)).toBe(false);
    const repo = tempRepo();
    writeFileSync(join(repo, 'w.yaml'), 'name: w\ndescription: w\nnodes:\n  - id: a\n    bash: echo ok\n');
    const run = spawnSync(process.execPath, [bin, 'workflow', 'run', 'w.yaml'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(run.status).toBe(0);
    expect(cacheAccepted(bundle)).toBe(true);
  });
});
