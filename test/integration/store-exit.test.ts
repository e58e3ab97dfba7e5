import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openStore } from '../../src/store/index.js';
import { leaveSqliteStoresOpenAtExit } from '../../src/store/exit.js';
import { tempDir } from '../helpers/tmp.js';

/** How many of this process's file descriptors are open on `file`. */
function descriptorsOn(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)) === file;
    } catch {
      return false;
    }
  }).length;
}

// Module state: the switch stays on for the rest of this file, as in the CLI's process.
describe('SQLite stores closed in a process that leaves them to its exit', () => {
  it('keeps one connection a file, whatever the number of opens, and the write-ahead log with it', async () => {
    const closedFile = join(tempDir('archal-db-'), 'archal.db');
    const closed = await openStore({ sqliteFile: closedFile });
    await closed.close();
    // Before the switch, the last close copies the log into the file and deletes it.
    expect(existsSync(`${closedFile}-wal`)).toBe(false);
    expect(descriptorsOn(closedFile)).toBe(0);

    leaveSqliteStoresOpenAtExit();
    const file = join(tempDir('archal-db-'), 'archal.db');
    const descriptors: number[] = [];
    for (let index = 0; index < 5; index++) {
      const store = await openStore({ sqliteFile: file });
      await store.createRun({
        id: `run-${index}`,
        workflowName: 'wf',
        workingPath: `/repo/${index}`,
        conversationId: 'cli-1-abc',
        userMessage: 'hello',
        metadata: {},
        status: 'completed',
        ownerPid: process.pid,
        ownerHost: 'host-a',
      });
      await store.close();
      descriptors.push(descriptorsOn(file));
    }
    // The kept connection's, and one SQLite holds for reuse after a close (closing it would drop the
    // process's locks on the file): as many after the fifth open as after the second.
    expect(descriptors[4]).toBeLessThanOrEqual(2);
    expect(descriptors.slice(1)).toEqual([descriptors[4], descriptors[4], descriptors[4], descriptors[4]]);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const reader = await openStore({ sqliteFile: file });
    expect((await reader.listRuns({ limit: 10 })).map((run) => run.id).sort()).toEqual([
      'run-0',
      'run-1',
      'run-2',
      'run-3',
      'run-4',
    ]);
    await reader.close();
    expect(descriptorsOn(file)).toBe(descriptors[4]);
  });
});
