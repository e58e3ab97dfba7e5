import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Each node records its processes (its shell and the children it waits for) in `pids`, works for a
// while, then has its side effect: a line in `effects`. The node the test kills the run in keeps
// working until its `hold-<id>` file is gone, so the kill always lands before its side effect; a node
// that outlived its owner would still be running (and would append its line, then run again).
const nodeScript = (id: string) =>
  JSON.stringify(
    `echo $$ >> pids; sleep 0.3 & echo $! >> pids; wait; if [ -f hold-${id} ]; then sleep 30 & echo $! >> pids; wait; fi; echo "${id} attempt=$ARCHAL_NODE_ATTEMPT run=$ARCHAL_RUN_ID" >> effects`,
  );
const IDS = ['one', 'two', 'three'];

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
    for (let index = 0; index < TRIALS; index++) {
      const dir = tempRepo();
      writeFiles(dir, { '.archal/workflows/effects.yaml': workflow });
      const pids = join(dir, 'pids');
      const effects = join(dir, 'effects');

      // A random node, at a random moment of its work.
      const target = Math.floor(Math.random() * 3);
      const delay = Math.floor(Math.random() * 800);
      const hold = join(dir, `hold-${IDS[target]}`);
      writeFileSync(hold, '');
      const victim = startCli(['--cwd', dir, 'workflow', 'run', 'effects'], { env });
      await waitFor(() => lines(pids).length >= 2 * target + 1, 15_000, `node ${IDS[target]} to start`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      victim.kill('SIGKILL');
      await victim.done;
      const trial = `trial ${index}: killed ${delay} ms into node ${IDS[target]}`;
      const orphans = lines(pids).map(Number);
      // The node's processes die with their owner, without waiting for a resume.
      await waitFor(() => orphans.every((pid) => !isRunning(pid)), 500, `${trial}: the processes ${orphans} to die`);
      expect({ trial, effects: lines(effects).map((line) => line.split(' ')[0]) }).toEqual({
        trial,
        effects: IDS.slice(0, target),
      });
      rmSync(hold);

      const resumed = await runCli(['--cwd', dir, 'workflow', 'run', 'effects', '--json'], { env, timeoutMs: 30_000 });
      expect({ trial, code: resumed.code, stderr: resumed.code === 0 ? '' : resumed.stderr }).toEqual({
        trial,
        code: 0,
        stderr: '',
      });
      const body = json<{ runId: string; status: string }>(resumed);
      expect(body.status).toBe('completed');
      const done = lines(effects).map((line) => line.split(' ')[0]);
      expect({ trial, done }).toEqual({ trial, done: IDS });
      // Every node of the run saw the run id; the interrupted node knows it is a second attempt, even
      // when it was the first node (nothing completed, but its side effects may have happened).
      const attempts = lines(effects).map((line) => /attempt=(\d+)/.exec(line)![1]);
      expect({ trial, attempts }).toEqual({
        trial,
        attempts: IDS.map((_, node) => (node === target ? '2' : '1')),
      });
      expect(new Set(lines(effects).map((line) => line.split('run=')[1])).size).toBe(1);
      for (const pid of lines(pids).map(Number)) expect(isRunning(pid)).toBe(false);
    }
  }, 240_000);
});
