import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { JobConflictError, JobLedger } from '../../src/attach/jobs.js';
import { AttachLayout } from '../../src/attach/layout.js';
import type { Trace } from '../../src/attach/schema.js';
import { KyselyAttachStore } from '../../src/store/attach-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { BACKENDS, openFresh } from '../helpers/stores.js';
import { tempDir } from '../helpers/tmp.js';

const opened: KyselyStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
});

function trace(id: string, hash: string): Trace {
  return {
    schemaVersion: 1,
    id,
    source: { name: 'prod', format: 'jsonl', file: null },
    task: 'x',
    model: null,
    startedAt: null,
    endedAt: null,
    durationMs: null,
    calls: [],
    answer: null,
    errors: [],
    recorded: null,
    contentHash: hash,
  };
}

describe.each(BACKENDS)('attach jobs in the run store ($name)', (backend) => {
  async function ledgers(pids: number[], alive: (pid: number) => boolean = () => true) {
    const { store } = await openFresh(backend);
    opened.push(store);
    const layout = new AttachLayout(tempDir('archal-attach-'));
    const attachStore = new KyselyAttachStore(store.db);
    return {
      layout,
      attachStore,
      ledgers: pids.map(
        (pid) => new JobLedger({ layout, store: attachStore, owner: { pid, host: 'here' }, isProcessAlive: alive }),
      ),
    };
  }

  it('one job per trace: the same trace again changes nothing, a changed one is a new revision', async () => {
    const {
      layout,
      ledgers: [ledger],
    } = await ledgers([1]);
    expect(await ledger!.enqueue(trace('a', 'h1'), 'reproduce')).toBe('new');
    expect(await ledger!.enqueue(trace('a', 'h1'), 'reproduce')).toBe('unchanged');
    expect(await ledger!.enqueue(trace('a', 'h2'), 'reproduce')).toBe('requeued');
    // A deleted raw copy (.archal/attach cleaned) brings the job back even with the same content.
    expect(await ledger!.enqueue(trace('a', 'h2'), 'reproduce', 'new')).toBe('requeued');
    const job = (await ledger!.job('a'))!;
    expect(job).toMatchObject({ seq: 3, revision: 3, status: 'queued', contentHash: 'h2' });
    const lines = readFileSync(layout.runsJsonl, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.seq, line.revision, line.stage, line.status])).toEqual([
      [1, 1, 'import', 'queued'],
      [2, 2, 'import', 'queued'],
      [3, 3, 'import', 'queued'],
    ]);
    expect(lines[0]).toMatchObject({ traceId: 'a', source: 'prod', policy: 'reproduce', at: expect.any(String) });
  });

  it('a state change is a compare-and-swap: the second writer of the same step loses', async () => {
    const {
      ledgers: [one, two],
    } = await ledgers([1, 2]);
    await one!.enqueue(trace('a', 'h'), 'reproduce');
    const seen = (await one!.job('a'))!;
    await one!.record(seen, { stage: 'grade', status: 'graded' });
    await expect(two!.record(seen, { stage: 'grade', status: 'passed' })).rejects.toBeInstanceOf(JobConflictError);
    expect((await one!.job('a'))!.status).toBe('graded');
  });

  it('claims: one worker at a time; a dead holder on this host is replaced', async () => {
    const dead = new Set([1]);
    const {
      ledgers: [first, second],
    } = await ledgers([1, 2], (pid) => !dead.has(pid));
    await first!.enqueue(trace('a', 'h'), 'reproduce');
    expect(await first!.claim('a')).toBe(true);
    dead.delete(1);
    expect(await second!.claim('a')).toBe(false);
    dead.add(1);
    expect(await second!.claim('a')).toBe(true);
    expect((await second!.job('a'))!.owner).toMatchObject({ pid: 2, host: 'here' });
    await second!.release('a');
    expect((await second!.job('a'))!.owner).toBeNull();
  });

  it('reconcile: a line the store has and runs.jsonl lost (a crash between the two writes) is appended', async () => {
    const {
      layout,
      ledgers: [ledger],
    } = await ledgers([1]);
    await ledger!.enqueue(trace('a', 'h'), 'reproduce');
    await ledger!.record((await ledger!.job('a'))!, { stage: 'grade', status: 'passed', message: 'ok' });
    rmSync(layout.runsJsonl);
    expect(await ledger!.reconcile()).toBe(2);
    expect(await ledger!.reconcile()).toBe(0);
    expect(ledger!.fileLines().map((line) => line.status)).toEqual(['queued', 'passed']);
  });
});
