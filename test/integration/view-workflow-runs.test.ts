import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowRecords } from '../../src/view/records/workflows.js';
import type { NewRun, WorkflowRunStore } from '../../src/workflows/run-store.js';
import { RUN_STORES } from '../helpers/stores.js';
import { tempDir } from '../helpers/tmp.js';

const run = (id: string, workingPath: string): NewRun => ({
  id,
  workflowName: 'wf',
  workingPath,
  conversationId: 'c',
  userMessage: '',
  metadata: {},
  // Finished runs: any number may share a working path.
  status: 'completed',
  ownerPid: 1,
  ownerHost: 'host',
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(RUN_STORES)('the viewer lists a repository’s workflow runs from the $name store', ({ open }) => {
  let store: WorkflowRunStore;
  let repo: string;
  let worktree: string;
  let busy: string;
  beforeAll(async () => {
    store = await open();
    repo = join(tempDir('archal-view-runs-'), 'repo');
    worktree = join(tempDir('archal-view-runs-'), 'repo-wt');
    busy = join(tempDir('archal-view-runs-'), 'busy');
    // This repository's runs come first, so that every run of the busy one is newer.
    await store.createRun(run('mine-root', repo));
    await store.createRun(run('mine-sub', join(repo, 'packages', 'a')));
    await store.createRun(run('mine-worktree', worktree));
    // Paths that only start with the repository's are other repositories.
    await store.createRun(run('sibling', `${repo}-other`));
    await store.createRun(run('case', repo.toUpperCase()));
    await pause();
    for (let start = 0; start < 2100; start += 100)
      await Promise.all(Array.from({ length: 100 }, (_, index) => store.createRun(run(`busy-${start + index}`, busy))));
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('finds runs older than the newest 2,000 of another repository, and no other repository’s', async () => {
    const records = new WorkflowRecords(repo, store, [worktree]);
    expect((await records.list()).map((summary) => summary.id).sort()).toEqual([
      'mine-root',
      'mine-sub',
      'mine-worktree',
    ]);
  });

  it('filters by repository in the store, before the limit', async () => {
    const under = await store.listRuns({ workingPathUnder: [repo, worktree], limit: 2 });
    expect(under.map((found) => found.id).sort()).toEqual(['mine-sub', 'mine-worktree']);
    expect(await store.listRuns({ workingPathUnder: [repo], limit: 10 })).toHaveLength(2);
    expect(await store.listRuns({ workingPathUnder: [], limit: 10 })).toEqual([]);
    // The busy repository's list is capped as before.
    expect(await store.listRuns({ workingPathUnder: [busy], limit: 2000 })).toHaveLength(2000);
  });
});
