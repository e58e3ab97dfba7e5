import type { RepoRecord, UserRecord } from '../state/model.js';
import { insertWorkflowRun, issueActionsToken } from '../state/workflow-runs.js';
import type { SeedBuilder } from './builder.js';
import type { ParsedSeed, SeedWorkflowRun } from './schema.js';
import { isoSeconds } from './time.js';

/**
 * The seed's workflow runs, after every other record (their `github-actions` app, installation and
 * tokens take the ids the seed's own apps and installations did not choose).
 */
export function seedWorkflowRuns(seed: ParsedSeed, b: SeedBuilder, fallbackActor: UserRecord | undefined): void {
  (seed.repos ?? []).forEach((repoSeed, i) => {
    if (!repoSeed.workflowRuns?.length) return;
    const owner = b.store.userByLogin(repoSeed.owner);
    const repo = owner ? b.store.repoNamed(owner.id, repoSeed.name) : undefined;
    if (!repo) return;
    repoSeed.workflowRuns.forEach((run, j) =>
      seedRun(b, repo, run, `repos[${i}].workflowRuns[${j}]`, fallbackActor ?? b.store.get('user', repo.ownerId)!),
    );
  });
}

function seedRun(b: SeedBuilder, repo: RepoRecord, run: SeedWorkflowRun, path: string, fallbackActor: UserRecord) {
  const { store } = b;
  const actor = run.actor ? b.user(run.actor, `${path}.actor`) : fallbackActor;
  const headBranch = run.headBranch ?? repo.defaultBranch;
  const headSha = repo.git.resolveCommit(run.headSha ?? headBranch);
  if (!headSha)
    return b.problem(
      `${path}.${run.headSha ? 'headSha' : 'headBranch'}`,
      `no commit "${run.headSha ?? headBranch}" in ${repo.name}`,
    );
  if (run.backendId && store.where('workflowRun', `backend:${run.backendId}`).length > 0)
    return b.problem(`${path}.backendId`, `duplicate backend id ${run.backendId}`);
  if (run.token && store.tokenRecord(run.token)) return b.problem(`${path}.token`, 'duplicate token');
  if (!actor) return;
  const createdAt = b.time(run.createdAt, b.now);
  const workflow = run.workflow ?? '.github/workflows/ci.yml';
  insertWorkflowRun(store, undefined, {
    repo,
    actor,
    path: workflow,
    name:
      run.name ??
      workflow
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/, ''),
    event: run.event ?? 'push',
    headBranch,
    headSha,
    status: run.status ?? 'completed',
    conclusion: run.conclusion ?? null,
    backendId: run.backendId,
    createdAt,
    jobs: run.jobs?.length ? run.jobs : [{ name: 'build' }],
  });
  if (run.token)
    issueActionsToken(store, undefined, repo, {
      token: run.token,
      permissions: run.permissions,
      at: createdAt,
      // Seeded tokens stand for a run's token during a whole scenario: they do not expire in it.
      expiresAt: isoSeconds(new Date(b.now.getTime() + 365 * 86_400_000)),
    });
}
