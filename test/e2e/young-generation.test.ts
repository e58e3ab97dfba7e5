import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CLI } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * Loaded into the CLI process (`node -r`): when the run starts its first node process, it allocates
 * as a long run does (short-lived objects, a part of them surviving a scavenge or two) and prints
 * the capacity of V8's new space before and after. Left alone, V8 doubles the new space each time
 * enough survives, up to 32 MiB a semi-space.
 */
const PROBE = `const { ChildProcess } = require('node:child_process');
const { getHeapSpaceStatistics } = require('node:v8');
const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
const spawn = ChildProcess.prototype.spawn;
let probed = false;
ChildProcess.prototype.spawn = function (...args) {
  if (!probed) {
    probed = true;
    const before = newSpace();
    let window = [];
    for (let i = 0; i < 3e6; i++) {
      window.push({ i, text: 'x' + i });
      if (window.length > 60000) window = [];
    }
    process.stderr.write('NEW_SPACE ' + before + ' ' + newSpace() + '\\n');
  }
  return spawn.apply(this, args);
};
if (process.argv.includes('--probe-now')) require('node:child_process').spawn('true');`;

/** The new space's capacity before and after the probe's allocations. */
function newSpace(stderr: string): { before: number; after: number } {
  const match = /NEW_SPACE (\d+) (\d+)/.exec(stderr);
  if (!match) throw new Error(`no NEW_SPACE line in:\n${stderr}`);
  return { before: Number(match[1]), after: Number(match[2]) };
}

describe('the young generation of a CLI process that runs nodes', () => {
  it('does not grow once the run has started', () => {
    const probe = join(tempDir('archal-probe-'), 'probe.cjs');
    writeFileSync(probe, PROBE);
    const repo = tempRepo();
    writeFileSync(join(repo, 'w.yaml'), 'name: w\ndescription: w\nnodes:\n  - id: a\n    bash: echo ok\n');
    const run = spawnSync(process.execPath, ['-r', probe, CLI, 'workflow', 'run', 'w.yaml'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(run.stderr).toContain('completed');
    expect(run.status).toBe(0);
    const { before, after } = newSpace(run.stderr);
    expect(after).toBe(before);
  });

  it('grows in a process that runs no nodes (the probe would see a growth)', () => {
    const probe = join(tempDir('archal-probe-'), 'probe.cjs');
    writeFileSync(probe, PROBE);
    const run = spawnSync(process.execPath, ['-r', probe, '-e', '0', '--', '--probe-now'], { encoding: 'utf8' });
    const { before, after } = newSpace(run.stderr);
    expect(after).toBeGreaterThan(before);
  });
});
