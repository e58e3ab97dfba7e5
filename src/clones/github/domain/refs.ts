import { isAncestor } from '../git/history.js';
import { fullName } from '../render/repos.js';
import type { RepoRecord, UserRecord } from '../state/model.js';
import { emitPullEvent } from '../webhooks/payloads.js';
import { emitPush, type RefUpdate } from '../webhooks/push.js';
import { emitRefLifecycle } from '../webhooks/repo-events.js';
import type { DomainContext } from './context.js';
import { addIssueEvent } from './issue-events.js';
import { setIssueState } from './issues.js';
import { markMerged } from './pull-merged.js';

export type { RefUpdate };

/**
 * Everything GitHub does after refs move, whether through a push or the API: the push webhook,
 * pull requests following their head branch (`synchronize`), closing those whose branch was
 * deleted, and marking as merged those whose head landed in their base.
 */
export async function afterRefsChanged(
  ctx: DomainContext,
  repo: RepoRecord,
  updates: readonly RefUpdate[],
  pusher: UserRecord,
): Promise<void> {
  if (updates.length === 0) return;
  const name = fullName(ctx, repo);
  ctx.store.update(ctx.journal, 'repo', repo, { pushedAt: ctx.now, updatedAt: ctx.now });
  for (const update of updates) {
    ctx.journal.record(
      update.before === null
        ? { op: 'created', kind: 'ref', id: `${name}:${update.ref}`, key: update.after ?? undefined }
        : update.after === null
          ? { op: 'deleted', kind: 'ref', id: `${name}:${update.ref}`, key: update.before }
          : {
              op: 'updated',
              kind: 'ref',
              id: `${name}:${update.ref}`,
              fields: { sha: { from: update.before, to: update.after } },
            },
    );
    const forced =
      update.before !== null && update.after !== null && !isAncestor(repo.git, update.before, update.after);
    emitRefLifecycle(ctx, repo, update, pusher);
    await emitPush(ctx, repo, update, pusher, forced);
    if (update.ref.startsWith('refs/heads/')) await followBranch(ctx, repo, update.ref.slice(11), update, pusher);
  }
}

async function followBranch(
  ctx: DomainContext,
  repo: RepoRecord,
  branch: string,
  update: RefUpdate,
  pusher: UserRecord,
) {
  for (const pull of ctx.store.where('pull', `repo:${repo.id}`)) {
    const issue = ctx.store.get('issue', pull.issueId);
    if (!issue || issue.state !== 'open') continue;
    if (pull.headRef === branch) {
      if (update.after === null) {
        addIssueEvent(ctx, repo, issue, 'head_ref_deleted', { actorId: pusher.id });
        await setIssueState(ctx, repo, issue, 'closed');
      } else if (pull.headSha !== update.after) {
        const before = pull.headSha;
        ctx.store.update(ctx.journal, 'pull', pull, { headSha: update.after });
        ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
        await emitPullEvent(ctx, repo, pull, 'synchronize', { before, after: update.after });
      }
    } else if (pull.baseRef === branch) {
      if (update.after === null) {
        await setIssueState(ctx, repo, issue, 'closed');
      } else if (isAncestor(repo.git, pull.headSha, update.after)) {
        // The head landed in the base outside the API (a local merge pushed): GitHub marks it merged.
        await markMerged(ctx, repo, issue, pull, {
          by: pusher,
          sha: update.after,
          baseSha: update.before ?? pull.baseSha,
          eventActor: pusher,
        });
      }
    }
  }
}
