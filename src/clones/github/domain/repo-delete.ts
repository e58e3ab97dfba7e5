import { rmSync } from 'node:fs';
import { type Kind, type RepoRecord, type Tables } from '../state/model.js';
import type { DomainContext } from './context.js';
import { emit } from '../webhooks/emit.js';

/** Kinds whose records all carry the `repoId` of the repository they belong to. */
type RepoScoped = {
  [K in Kind]: Tables[K] extends { repoId: number } ? K : never;
}[Kind];

const REPO_SCOPED: readonly RepoScoped[] = [
  'issue',
  'pull',
  'comment',
  'label',
  'milestone',
  'reaction',
  'event',
  'review',
  'reviewComment',
  'checkSuite',
  'checkRun',
  'status',
  'release',
  'workflow',
  'workflowRun',
  'workflowJob',
  'artifact',
  'protection',
  'deletedIssue',
  'secret',
  'variable',
  'repoSubscription',
  'environment',
  'environmentSecret',
  'environmentVariable',
];

/**
 * Deletes a repository as GitHub does: the repository, everything that lives in it (issues, pull
 * requests, comments, labels, checks, releases, workflow runs…) and its git data go; forks stay, as
 * repositories of their own; installations and teams forget it. The `repository.deleted` webhook
 * carries the repository as it was.
 */
export function deleteRepository(ctx: DomainContext, repo: RepoRecord): void {
  emit(ctx, 'repository', repo, () => ({ action: 'deleted' }));
  for (const kind of REPO_SCOPED) {
    const records = [...(ctx.store.all(kind) as IterableIterator<Tables[RepoScoped]>)].filter(
      (record) => record.repoId === repo.id,
    );
    for (const record of records) ctx.store.remove(ctx.journal, kind, record as never);
  }
  for (const fork of ctx.store.all('repo'))
    if (fork.forkOf === repo.id) ctx.store.update(ctx.journal, 'repo', fork, { forkOf: null });
  for (const installation of ctx.store.all('installation'))
    if (installation.repoIds.includes(repo.id))
      ctx.store.update(ctx.journal, 'installation', installation, {
        repoIds: installation.repoIds.filter((id) => id !== repo.id),
      });
  for (const team of ctx.store.all('team'))
    if (team.repos.has(repo.id)) {
      const repos = new Map(team.repos);
      repos.delete(repo.id);
      ctx.store.update(ctx.journal, 'team', team, { repos });
    }
  for (const kind of ['orgSecret', 'orgVariable'] as const)
    for (const record of ctx.store.all(kind))
      if (record.selectedRepoIds.includes(repo.id))
        ctx.store.update(ctx.journal, kind, record, {
          selectedRepoIds: record.selectedRepoIds.filter((id) => id !== repo.id),
        });
  ctx.store.remove(ctx.journal, 'repo', repo);
  rmSync(repo.git.gitDir, { recursive: true, force: true });
}
