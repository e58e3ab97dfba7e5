import type { CheckConclusion, CheckSuiteRecord, RepoRecord } from './model.js';
import type { Journal, Store } from './store.js';

// When runs disagree, the suite takes the most severe conclusion.
const SEVERITY: CheckConclusion[] = [
  'action_required',
  'cancelled',
  'timed_out',
  'failure',
  'stale',
  'neutral',
  'success',
  'skipped',
];

/** A check suite's status and conclusion, from its runs (queued until the first one). */
export function suiteState(store: Store, suite: CheckSuiteRecord): Pick<CheckSuiteRecord, 'status' | 'conclusion'> {
  const runs = store.where('checkRun', `suite:${suite.id}`);
  if (runs.length === 0) return { status: 'queued', conclusion: null };
  if (runs.some((run) => run.status !== 'completed'))
    return { status: runs.some((run) => run.status === 'in_progress') ? 'in_progress' : 'queued', conclusion: null };
  const conclusions = runs.map((run) => run.conclusion ?? 'neutral');
  return { status: 'completed', conclusion: SEVERITY.find((c) => conclusions.includes(c)) ?? 'neutral' };
}

/** The app's check suite for a commit, created (queued) with the first check run there. */
export function suiteFor(
  store: Store,
  journal: Journal | undefined,
  repo: RepoRecord,
  appId: number,
  sha: string,
  now: string,
): CheckSuiteRecord {
  const existing = store.where('checkSuite', `sha:${repo.id}:${sha}`).find((candidate) => candidate.appId === appId);
  if (existing) return existing;
  const headBranch = [...repo.git.branches()].find(([, tip]) => tip === sha)?.[0] ?? null;
  return store.insert(journal, 'checkSuite', {
    id: store.nextId('checkSuite'),
    repoId: repo.id,
    appId,
    headSha: sha,
    headBranch,
    status: 'queued',
    conclusion: null,
    createdAt: now,
    updatedAt: now,
  });
}
