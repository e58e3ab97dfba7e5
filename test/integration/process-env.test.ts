import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { processesWithEnv } from '../../src/lib/process.js';
import { isRunning } from '../helpers/tmp.js';
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
