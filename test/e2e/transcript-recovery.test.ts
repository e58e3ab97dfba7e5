import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * An owner stores a run's events in the background once they are in the run's transcript. One that
 * dies between the two writes leaves the last events only in the transcript: the resume must take
 * them from there, so that what a node's dependencies recorded still counts.
 *
 * The owner here is killed by its own node `c` (kill -9 of its parent, once the store has caught up),
 * and the events after `a`'s completion are then removed from the store, as if it had died before
 * storing them.
 */
const workflow = `name: recover
description: the run's last events are only in its transcript
nodes:
  - id: a
    bash: echo "a attempt=$ARCHAL_NODE_ATTEMPT" >> effects
  - id: b
    depends_on: [a]
    bash: echo "b attempt=$ARCHAL_NODE_ATTEMPT" >> effects
  - id: c
    depends_on: [b]
    bash: |
      if [ ! -f killed ]; then touch killed; sleep 0.2; kill -KILL $PPID; sleep 10; fi
      echo "c attempt=$ARCHAL_NODE_ATTEMPT" >> effects
`;

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/** Runs the workflow until `c` kills its owner, then forgets the store's events after `a` completed. */
async function crashedRun(): Promise<{ dir: string; env: NodeJS.ProcessEnv; runId: string; db: string }> {
  const home = tempDir('archal-home-');
  const env = { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
  const dir = tempRepo();
  writeFiles(dir, { '.archal/workflows/recover.yaml': workflow });
  const killed = await runCli(['--cwd', dir, 'workflow', 'run', 'recover'], { env });
  expect(killed.code).toBeNull();
  expect(lines(join(dir, 'effects'))).toEqual(['a attempt=1', 'b attempt=1']);

  const db = join(home, 'archal.db');
  const database = new Database(db);
  try {
    const run = database.prepare(`select id, status from workflow_runs`).get() as { id: string; status: string };
    expect(run.status).toBe('running');
    const aDone = database
      .prepare(`select seq from workflow_events where run_id = ? and type = 'node_completed' and node_id = 'a'`)
      .get(run.id) as { seq: number };
    const forgotten = database
      .prepare(`delete from workflow_events where run_id = ? and seq > ?`)
      .run(run.id, aDone.seq).changes;
    // b's start and completion, and c's start.
    expect(forgotten).toBe(3);
    return { dir, env, runId: run.id, db };
  } finally {
    database.close();
  }
}

function storedTypes(db: string, runId: string): string[] {
  const database = new Database(db, { readonly: true });
  try {
    return (
      database.prepare(`select type, node_id from workflow_events where run_id = ? order by seq`).all(runId) as Array<{
        type: string;
        node_id: string | null;
      }>
    ).map((row) => `${row.type}${row.node_id ? ` ${row.node_id}` : ''}`);
  } finally {
    database.close();
  }
}

describe('a resume after the owner died between its transcript and its store', () => {
  it('takes the events only the transcript has: no finished node runs again, attempts still count', async () => {
    const { dir, env, runId, db } = await crashedRun();

    const resumed = await runCli(['--cwd', dir, 'workflow', 'resume', runId, '--json'], { env, timeoutMs: 30_000 });
    expect({ code: resumed.code, stderr: resumed.code === 0 ? '' : resumed.stderr }).toEqual({ code: 0, stderr: '' });
    expect(json<{ status: string }>(resumed).status).toBe('completed');
    // b ran once; c's first start (recorded only in the transcript) makes this its second attempt.
    expect(lines(join(dir, 'effects'))).toEqual(['a attempt=1', 'b attempt=1', 'c attempt=2']);
    // The store has them again, before what the resume itself recorded.
    const types = storedTypes(db, runId);
    expect(types.filter((type) => type === 'node_completed b')).toHaveLength(1);
    expect(types.filter((type) => type === 'node_started c')).toHaveLength(2);
    expect(types.indexOf('node_completed b')).toBeLessThan(types.lastIndexOf('node_started c'));
  }, 60_000);

  it('runs the node again when the transcript is gone too (what the store alone would do)', async () => {
    const { dir, env, runId } = await crashedRun();
    rmSync(join(dir, '.archal', 'logs', `${runId}.jsonl`));

    const resumed = await runCli(['--cwd', dir, 'workflow', 'resume', runId, '--json'], { env, timeoutMs: 30_000 });
    expect(resumed.code).toBe(0);
    // b's start was forgotten with the rest, so its second run counts as its first attempt.
    expect(lines(join(dir, 'effects'))).toEqual(['a attempt=1', 'b attempt=1', 'b attempt=1', 'c attempt=1']);
  }, 60_000);
});
