import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// Waits until the background process `$!` is in a session of its own (its session id is its pid),
// then records its pid: a descendant out of reach of its node's group kill.
const escaped = (file: string) =>
  `setsid sleep 30 > /dev/null 2>&1 < /dev/null & until [ "$(cut -d' ' -f6 /proc/$!/stat)" = "$!" ]; do sleep 0.01; done; echo $! >> ${file}`;

describe('kill -9 of the CLI during a node', () => {
  it('kills a node killed the moment it starts, even before its owner recorded it (5 trials)', async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    for (let index = 0; index < 5; index++) {
      const dir = tempRepo();
      writeFiles(dir, {
        '.archal/workflows/first.yaml': `name: first\ndescription: a node that starts at once\nnodes:\n  - id: one\n    bash: 'echo $$ >> pids; sleep 30 & echo $! >> pids; wait'\n`,
      });
      const pids = join(dir, 'pids');
      const victim = startCli(['--cwd', dir, 'workflow', 'run', 'first'], { env });
      await waitFor(() => lines(pids).length >= 1, 15_000, 'the node to start');
      victim.kill('SIGKILL');
      await victim.done;
      // Whatever the node had started by then (its shell, perhaps its child) dies with it, at once.
      const allDead = () => lines(pids).every((pid) => !isRunning(Number(pid)));
      await waitFor(allDead, 500, `trial ${index}: the processes ${lines(pids).join(',')} to die`);
      // A child the shell forked just before it died is in the file by now, and dead too.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect({ index, alive: lines(pids).filter((pid) => isRunning(Number(pid))) }).toEqual({ index, alive: [] });
    }
  }, 120_000);

  it('kills a process the node moved into a session of its own, with the node', async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/escape.yaml': `name: escape\ndescription: a node with a daemon\nnodes:\n  - id: one\n    bash: ${JSON.stringify(`${escaped('pids')}; sleep 30`)}\n`,
    });
    const pids = join(dir, 'pids');
    const victim = startCli(['--cwd', dir, 'workflow', 'run', 'escape'], { env });
    try {
      await waitFor(() => lines(pids).length >= 1, 15_000, 'the daemon to start');
      victim.kill('SIGKILL');
      await victim.done;
      await waitFor(() => !isRunning(Number(lines(pids)[0])), 500, `the daemon ${lines(pids)[0]} to die`);
    } finally {
      for (const pid of lines(pids)) if (isRunning(Number(pid))) process.kill(Number(pid), 'SIGKILL');
    }
  }, 60_000);

  it('leaves a daemon of a finished node running when the CLI exits by itself', async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/daemon.yaml': `name: daemon\ndescription: a node that starts a daemon\nnodes:\n  - id: one\n    bash: ${JSON.stringify(escaped('pids'))}\n`,
    });
    const pids = join(dir, 'pids');
    try {
      const run = await runCli(['--cwd', dir, 'workflow', 'run', 'daemon', '--json'], { env, timeoutMs: 30_000 });
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      // Its owner's watchdog has done its work by now: the daemon was not among it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(lines(pids).map((pid) => isRunning(Number(pid)))).toEqual([true]);
    } finally {
      for (const pid of lines(pids)) if (isRunning(Number(pid))) process.kill(Number(pid), 'SIGKILL');
    }
  }, 60_000);

  it('removes its watchdog file itself when it exits with nothing left running: the watchdog starts no process', async () => {
    const scratch = tempDir('archal-scratch-');
    // An `rm` first on PATH (the watchdog's PATH) that notes each start, then does the real work.
    const bin = tempDir('archal-bin-');
    const started = join(bin, 'rm-started');
    writeFileSync(join(bin, 'rm'), `#!/bin/sh\necho "$@" >> "${started}"\nexec /bin/rm "$@"\n`, { mode: 0o755 });
    const env = {
      ARCHAL_HOME: tempDir('archal-home-'),
      ARCHAL_DATABASE_URL: '',
      DATABASE_URL: '',
      ARCHAL_TMPDIR: scratch,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    };
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/quick.yaml': `name: quick\ndescription: one short node\nnodes:\n  - id: one\n    bash: 'true'\n`,
    });
    const run = await runCli(['--cwd', dir, 'workflow', 'run', 'quick', '--json'], { env, timeoutMs: 30_000 });
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const groupFiles = () => readdirSync(scratch).filter((name) => name.startsWith('archal-groups-'));
    expect(groupFiles()).toEqual([]);
    // Time for the watchdog, which wakes as its owner exits, to have done whatever it does.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(groupFiles()).toEqual([]);
    expect(existsSync(started)).toBe(false);
  }, 60_000);

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

describe('ARCHAL_OWNERS', () => {
  it('gives every node the marks its owner inherited, then its own', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/marks.yaml':
        'name: marks\ndescription: x\nnodes:\n  - id: a\n    bash: echo "$ARCHAL_OWNERS"\n',
    });
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', ARCHAL_OWNERS: 'archal-owner-outer' };
    const run = await runCli(['--cwd', dir, 'workflow', 'run', 'marks', '--json'], { env, timeoutMs: 30_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/archal-owner-outer archal-owner-[0-9a-f]{24}\b/);
  }, 60_000);
});

describe('kill -9 of the CLI during archal run', () => {
  const scenario =
    '# Daemon\n\n## Prompt\nStart a daemon.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: empty\ntimeout: 60\n';

  it('kills a process the harness moved into a session of its own, with the harness', async () => {
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    const dir = tempDir('archal-run-daemon-');
    const pids = join(dir, 'pids');
    writeFiles(dir, {
      'agent.sh': `${escaped(pids)}; sleep 30\n`,
      '.archal.json': JSON.stringify({ agent: 'bash agent.sh' }),
      'archal/daemon.md': scenario,
    });
    const victim = startCli(['--cwd', dir, 'run', '-q'], { env });
    try {
      await waitFor(() => lines(pids).length >= 1, 30_000, 'the daemon to start');
      victim.kill('SIGKILL');
      await victim.done;
      await waitFor(() => !isRunning(Number(lines(pids)[0])), 500, `the daemon ${lines(pids)[0]} to die`);
    } finally {
      for (const pid of lines(pids)) if (isRunning(Number(pid))) process.kill(Number(pid), 'SIGKILL');
    }
  }, 60_000);

  it('gives the harness the marks its owner inherited, then its own, as a workflow node gets them', async () => {
    const dir = tempDir('archal-run-marks-');
    writeFiles(dir, {
      'agent.mjs': 'console.log(JSON.stringify({ text: `owners=[${process.env.ARCHAL_OWNERS}]` }));\n',
      '.archal.json': JSON.stringify({ agent: { command: 'node', args: ['agent.mjs'], env: { ARCHAL_OWNERS: 'x' } } }),
      'archal/marks.md': scenario,
    });
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_OWNERS: 'archal-owner-outer' };
    const run = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env, timeoutMs: 30_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/owners=\[archal-owner-outer archal-owner-[0-9a-f]{24}\]/);
  }, 60_000);
});

describe('the SQLite run store at the CLI’s exit', () => {
  it('keeps its write-ahead log for the next process (no checkpoint, fsync or unlink at exit), which reads the run from it', async () => {
    const home = tempDir('archal-home-');
    const env = { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal/workflows/one.yaml': "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n",
    });
    const run = await runCli(['--cwd', dir, 'workflow', 'run', 'one', '--json'], { env });
    expect(run.code).toBe(0);
    const runId = json<{ runId: string }>(run).runId;
    // The run's rows are in the log, not yet in archal.db: closing the last connection would have
    // copied them over and deleted the log.
    expect(statSync(join(home, 'archal.db-wal')).size).toBeGreaterThan(0);
    const status = await runCli(['--cwd', dir, 'workflow', 'status', '--json'], { env });
    expect(status.code).toBe(0);
    expect(json<{ recent: Array<{ id: string; status: string }> }>(status).recent).toEqual([
      expect.objectContaining({ id: runId, status: 'completed' }),
    ]);
  }, 60_000);
});
