import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { isRunning, tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * kill -9 of the CLI in the middle of a node: the node's process tree dies with it at once, and the
 * automatic resume runs every node's side effect exactly once.
 */

const TRIALS = 10;

// Each node records its processes (the node's shell and a background child) in `pids`, works for a
// while, then has its side effect: a line in `effects`. A node that outlives its owner would append
// its line and then run again on resume.
const nodeScript = (id: string) =>
  JSON.stringify(
    `echo $$ >> pids; sleep 0.6 & echo $! >> pids; wait; echo "${id} attempt=$ARCHAL_NODE_ATTEMPT run=$ARCHAL_RUN_ID" >> effects`,
  );

const workflow = `name: effects
description: side effects that must happen once
nodes:
  - id: one
    bash: ${nodeScript('one')}
  - id: two
    depends_on: [one]
    bash: ${nodeScript('two')}
  - id: three
    depends_on: [two]
    bash: ${nodeScript('three')}
`;

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
}

describe('kill -9 of the CLI during a node', () => {
  it(`never repeats a finished side effect and leaves no process behind (${TRIALS} random kills)`, async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = tempRepo();
      writeFiles(dir, { '.archal/workflows/effects.yaml': workflow });
      const pids = join(dir, 'pids');
      const effects = join(dir, 'effects');

      const victim = startCli(['--cwd', dir, 'workflow', 'run', 'effects'], { env });
      // A random node, at a random moment of its work (before its side effect, which ends it).
      const target = Math.floor(Math.random() * 3);
      await waitFor(() => lines(pids).length >= 2 * (target + 1), 15_000, `node ${target + 1} to start`);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 250)));
      victim.kill('SIGKILL');
      await victim.done;
      const orphans = lines(pids).map(Number);
      // The node's processes die with their owner, without waiting for a resume.
      await waitFor(() => orphans.every((pid) => !isRunning(pid)), 500, `the processes ${orphans} to die`);
      // Nothing left alive could still write: the interrupted node never had its side effect.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(lines(effects).map((line) => line.split(' ')[0])).toEqual(['one', 'two', 'three'].slice(0, target));

      const resumed = await runCli(['--cwd', dir, 'workflow', 'run', 'effects', '--json'], { env, timeoutMs: 30_000 });
      expect(resumed.code).toBe(0);
      const body = json<{ runId: string; status: string }>(resumed);
      expect(body.status).toBe('completed');
      const done = lines(effects).map((line) => line.split(' ')[0]);
      expect(done).toEqual(['one', 'two', 'three']);
      // Every node of the run saw the run id; the interrupted node knows it is a second attempt (when
      // the run resumed; killed in its first node, the run had nothing to keep and started over).
      const attempts = lines(effects).map((line) => /attempt=(\d+)/.exec(line)![1]);
      expect(attempts).toEqual(['1', '1', '1'].map((one, index) => (index === target && target > 0 ? '2' : one)));
      expect(new Set(lines(effects).map((line) => line.split('run=')[1])).size).toBe(1);
      for (const pid of lines(pids).map(Number)) expect(isRunning(pid)).toBe(false);
    }
  }, 240_000);
});
