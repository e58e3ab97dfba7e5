import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { bashScript, processesWithEnv, runProcess, STDIO_DRAIN_GRACE_MS } from '../../src/lib/process.js';
import { isRunning, tempDir } from '../helpers/tmp.js';
import { waitFor } from '../helpers/cli.js';

describe('processesWithEnv', () => {
  it('finds the processes (children included) that carry a variable, and only those', async () => {
    const id = randomUUID();
    const child = spawn('bash', ['-c', 'sleep 30 & wait'], {
      env: { ...process.env, ARCHAL_RUN_ID: id },
      stdio: 'ignore',
    });
    const other = spawn('sleep', ['30'], { env: { ...process.env, XARCHAL_RUN_ID: id }, stdio: 'ignore' });
    try {
      await waitFor(() => processesWithEnv('ARCHAL_RUN_ID', id).length === 2, 5000, 'bash and its sleep');
      const found = processesWithEnv('ARCHAL_RUN_ID', id);
      expect(found).toContain(child.pid);
      expect(found).not.toContain(other.pid);
      expect(found).not.toContain(process.pid);
      for (const pid of found) process.kill(pid, 'SIGKILL');
      await waitFor(() => found.every((pid) => !isRunning(pid)), 5000, 'them to die');
      expect(processesWithEnv('ARCHAL_RUN_ID', id)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      other.kill('SIGKILL');
    }
  });
});

describe('runProcess with a descendant that escaped its process group', () => {
  // `setsid` puts the sleeper in a session of its own, out of reach of the group kill, holding
  // stdout and stderr open; the script waits until it is there (session id = its pid), and prints its
  // pid so the test can stop it.
  const escaped = (redirect = '') =>
    `setsid sleep 20 ${redirect} & until [ "$(cut -d' ' -f6 /proc/$!/stat)" = "$!" ]; do sleep 0.01; done; echo "sleeper $!"`;
  async function run(script: string, timeoutMs: number) {
    const sleepers: number[] = [];
    const started = Date.now();
    try {
      const result = await runProcess({
        ...bashScript(script),
        cwd: tempDir(),
        env: process.env,
        timeoutMs,
        onStdoutLine: (line) => {
          if (/^sleeper \d+$/.test(line)) sleepers.push(Number(line.split(' ')[1]));
        },
      });
      return { result, elapsed: Date.now() - started, sleepers };
    } finally {
      for (const pid of sleepers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  }

  it('reports the exit of a child that exited at once, after a short grace for its pipes, not a timeout', async () => {
    const { result, elapsed, sleepers } = await run(`${escaped()}; echo '{"text":"ok"}'`, 3000);
    expect(sleepers).toHaveLength(1);
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, aborted: false });
    expect(result.stdout).toContain('{"text":"ok"}');
    expect(elapsed).toBeGreaterThanOrEqual(STDIO_DRAIN_GRACE_MS - 50);
    expect(elapsed).toBeLessThan(STDIO_DRAIN_GRACE_MS + 1500);
  });

  it('reports the exit status of a failing child the same way', async () => {
    const { result, elapsed } = await run(`${escaped('>&2')}; echo broke >&2; exit 4`, 30_000);
    expect(result).toMatchObject({ exitCode: 4, timedOut: false });
    expect(result.stderr).toContain('broke');
    expect(elapsed).toBeLessThan(STDIO_DRAIN_GRACE_MS + 1500);
  });

  it('ends the wait at the timeout when the child itself hangs', async () => {
    const { result, elapsed, sleepers } = await run(`${escaped()}; sleep 20`, 1000);
    expect(sleepers).toHaveLength(1);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.stdout).toContain('sleeper');
    // SIGTERM ends the child at once here; the escaped sleeper's pipes get the drain grace.
    expect(elapsed).toBeLessThan(1000 + STDIO_DRAIN_GRACE_MS + 1500);
  });

  it('stops waiting when the timeout fires during the grace of a child that exited', async () => {
    const { result, elapsed } = await run(`${escaped()}; echo done`, 300);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(elapsed).toBeLessThan(STDIO_DRAIN_GRACE_MS);
  });
});

describe('runProcess reading stdout lines', () => {
  it('reads a line of tens of megabytes in time linear in its size', async () => {
    const size = 48 * 1024 * 1024;
    const lengths: number[] = [];
    const started = Date.now();
    const result = await runProcess({
      command: process.execPath,
      args: ['-e', `process.stdout.write('x'.repeat(${size}) + '\\nend\\n')`],
      cwd: tempDir(),
      env: process.env,
      maxStdoutBytes: 1024,
      onStdoutLine: (line) => lengths.push(line.length),
    });
    expect(result.exitCode).toBe(0);
    expect(lengths).toEqual([size, 3]);
    // Rescanning the whole pending line at every 64 KiB chunk takes tens of seconds.
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
