import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { BACKENDS } from '../helpers/stores.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** An approval node can be answered as soon as it waits, while the run's other branches go on. */

const workflow = `name: gated-branch
description: one branch waits for a person, the other works
nodes:
  - id: slow
    bash: until [ -f release ]; do sleep 0.05; done; printf slow-done
  - id: gate
    approval:
      message: "Ship it?"
      capture_response: true
  - id: apply
    depends_on: [gate]
    bash: "printf 'applied (%s)' $gate.output"
`;

describe.each(BACKENDS)('approvals while other branches run ($name)', (backend) => {
  it('approves right after the CLI asks, and the waiting branch goes on in the running process', async () => {
    const dir = tempRepo();
    const options = await backend.fresh();
    const env = {
      ARCHAL_HOME: tempDir('archal-home-'),
      ARCHAL_DATABASE_URL: options.databaseUrl ?? '',
      DATABASE_URL: '',
    };
    writeFiles(dir, { '.archal/workflows/gated.yaml': workflow });
    const running = startCli(['--cwd', dir, 'workflow', 'run', 'gated-branch', '--json'], { env });
    await waitFor(() => /archal workflow approve (\S+)/.test(running.stderr()), 15_000, 'the approval notice');
    const runId = /archal workflow approve (\S+)/.exec(running.stderr())![1]!;

    const status = json<{ paused: Array<{ id: string; approval: { nodeId: string } }> }>(
      await runCli(['--cwd', dir, 'workflow', 'status', '--json'], { env }),
    );
    expect(status.paused).toEqual([
      expect.objectContaining({ id: runId, approval: expect.objectContaining({ nodeId: 'gate' }) }),
    ]);

    const approved = await runCli(['--cwd', dir, 'workflow', 'approve', runId, 'yes', '--json'], { env });
    expect(approved.stderr).not.toContain('is running');
    expect(approved.code).toBe(0);
    expect(json(approved)).toMatchObject({ runId, approved: 'gate', status: 'running' });

    // The approved branch goes on while the other one still works (until the test releases it).
    const transcript = join(dir, '.archal', 'logs', `${runId}.jsonl`);
    const completed = () =>
      readFileSync(transcript, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; nodeId?: string })
        .filter((event) => event.type === 'node_completed')
        .map((event) => event.nodeId);
    await waitFor(() => completed().includes('apply'), 15_000, 'the approved branch to complete');
    expect(completed()).not.toContain('slow');
    writeFileSync(join(dir, 'release'), '');
    const outcome = await running.done;
    expect(outcome.code).toBe(0);
    const body = json<{ runId: string; status: string; nodes: Record<string, { state: string; output: string }> }>(
      outcome,
    );
    expect(body).toMatchObject({
      runId,
      status: 'completed',
      nodes: { slow: { output: 'slow-done' }, gate: { state: 'completed' }, apply: { output: 'applied (yes)' } },
    });
    // The approved branch went on while the slow one still ran.
    const events = readFileSync(join(dir, '.archal', 'logs', `${runId}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; nodeId?: string });
    const done = events.filter((event) => event.type === 'node_completed').map((event) => event.nodeId);
    expect(done.indexOf('apply')).toBeLessThan(done.indexOf('slow'));
    expect(done.filter((id) => id === 'gate')).toHaveLength(1);
  }, 60_000);
});
