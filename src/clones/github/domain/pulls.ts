import { commitsBetween, isAncestor } from '../git/history.js';
import { personAt } from '../git/format.js';
import { createMergeCommit, type MergeMethod } from '../git/merge.js';
import { ApiError, notFound, unprocessable, validationFailed } from '../state/errors.js';
import { identity } from '../state/identity.js';
import type { IssueRecord, PullRecord, RepoRecord } from '../state/model.js';
import { emitPullEvent } from '../webhooks/payloads.js';
import { actingUser } from '../state/actor.js';
import type { DomainContext } from './context.js';
import { moveRef, pusherOf, withRepoLock } from './git-write.js';
import { afterRefsChanged } from './refs.js';
import { addIssueEvent } from './issue-events.js';
import { editIssueText, insertIssue, setIssueState } from './issues.js';
import { markMerged } from './pull-merged.js';
import { checkMergeProtection } from './protection.js';
import { protectionOf } from '../state/teams.js';

export interface CreatePullInput {
  title?: string;
  body?: string | null;
  head: string;
  base: string;
  draft?: boolean;
  maintainer_can_modify?: boolean;
}

/** `owner:branch` or `branch`; only branches of the same repository exist here (no forks). */
function headBranch(ctx: DomainContext, repo: RepoRecord, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  const owner = ctx.store.get('user', repo.ownerId)!;
  return head.slice(0, colon).toLowerCase() === owner.login.toLowerCase() ? head.slice(colon + 1) : undefined;
}

/** Opens a pull request with GitHub's checks: both branches exist, they differ, no duplicate is open. */
export async function createPull(ctx: DomainContext, repo: RepoRecord, input: CreatePullInput) {
  const user = actingUser(ctx.actor)!;
  const head = headBranch(ctx, repo, input.head);
  const headSha = head ? repo.git.branch(head) : undefined;
  const baseSha = repo.git.branch(input.base);
  const errors = [];
  if (!baseSha) errors.push({ resource: 'PullRequest', field: 'base', code: 'invalid' as const });
  if (!headSha) errors.push({ resource: 'PullRequest', field: 'head', code: 'invalid' as const });
  if (errors.length > 0) throw validationFailed(errors);
  const owner = ctx.store.get('user', repo.ownerId)!;
  for (const other of ctx.store.where('pull', `repo:${repo.id}`)) {
    const otherIssue = ctx.store.get('issue', other.issueId);
    if (otherIssue?.state === 'open' && other.headRef === head && other.baseRef === input.base)
      throw unprocessable('PullRequest', `A pull request already exists for ${owner.login}:${head}.`);
  }
  if (commitsBetween(repo.git, baseSha!, headSha!).length === 0)
    throw unprocessable('PullRequest', `No commits between ${input.base} and ${head}`);
  if (!input.title) throw validationFailed([{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);

  const issue = insertIssue(ctx, repo, user, { title: input.title, body: input.body });
  const number = issue.number;
  const pull = ctx.store.insert(ctx.journal, 'pull', {
    id: ctx.store.nextId('pull'),
    issueId: issue.id,
    repoId: repo.id,
    number,
    headRef: head!,
    headSha: headSha!,
    baseRef: input.base,
    baseSha: baseSha!,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedById: null,
    mergeCommitSha: null,
    requestedReviewerIds: [],
    requestedTeamIds: [],
    maintainerCanModify: input.maintainer_can_modify ?? false,
  });
  issue.pullId = pull.id;
  await emitPullEvent(ctx, repo, pull, 'opened');
  return { issue, pull };
}

export interface UpdatePullInput {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  base?: string;
  maintainer_can_modify?: boolean;
}

export async function updatePull(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  input: UpdatePullInput,
) {
  if (input.base !== undefined && input.base !== pull.baseRef) {
    if (!repo.git.branch(input.base))
      throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    if (issue.state !== 'open')
      throw unprocessable('PullRequest', 'Cannot change the base branch of a closed pull request.');
    const from = pull.baseRef;
    ctx.store.update(ctx.journal, 'pull', pull, { baseRef: input.base, baseSha: repo.git.branch(input.base)! });
    ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
    addIssueEvent(ctx, repo, issue, 'base_ref_changed');
    await emitPullEvent(ctx, repo, pull, 'edited', {
      changes: { base: { ref: { from }, sha: { from: pull.baseSha } } },
    });
  }
  if (input.maintainer_can_modify !== undefined)
    ctx.store.update(ctx.journal, 'pull', pull, { maintainerCanModify: input.maintainer_can_modify });
  await editIssueText(ctx, repo, issue, { title: input.title, body: input.body });
  if (input.state !== undefined) await setIssueState(ctx, repo, issue, input.state);
}

/** Draft ↔ ready for review (GitHub does this through its web UI or GraphQL, not REST). */
export async function setDraft(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  draft: boolean,
) {
  if (pull.draft === draft) return;
  if (issue.state !== 'open') throw unprocessable('PullRequest', 'The pull request is closed.');
  ctx.store.update(ctx.journal, 'pull', pull, { draft });
  ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
  addIssueEvent(ctx, repo, issue, draft ? 'convert_to_draft' : 'ready_for_review');
  await emitPullEvent(ctx, repo, pull, draft ? 'converted_to_draft' : 'ready_for_review');
}

export interface MergeInput {
  commit_title?: string;
  commit_message?: string;
  sha?: string;
  merge_method?: MergeMethod;
}

const NOT_ALLOWED: Record<MergeMethod, string> = {
  merge: 'Merge commits are not allowed on this repository.',
  squash: 'Squash merges are not allowed on this repository.',
  rebase: 'Rebase merges are not allowed on this repository.',
};

/** A real merge into the base branch (merge commit, squash or rebase), with GitHub's refusals. */
export async function mergePull(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  input: MergeInput,
) {
  return withRepoLock(ctx, repo, async () => {
    const method = input.merge_method ?? 'merge';
    if (pull.merged || issue.state !== 'open') throw new ApiError(405, 'Pull Request is not mergeable');
    if (pull.draft) throw new ApiError(405, 'Pull Request is still a draft');
    await checkMergeProtection(ctx, repo, pull);
    const allowed = { merge: repo.allowMergeCommit, squash: repo.allowSquashMerge, rebase: repo.allowRebaseMerge }[
      method
    ];
    if (!allowed) throw new ApiError(405, NOT_ALLOWED[method]);
    if (input.sha && input.sha !== pull.headSha)
      throw new ApiError(409, 'Head branch was modified. Review and try the merge again.');
    const baseSha = repo.git.branch(pull.baseRef);
    if (!baseSha) throw notFound('Base branch not found');
    const merger = pusherOf(ctx, repo);
    const who = identity(merger);
    const owner = ctx.store.get('user', repo.ownerId)!;
    const commits = commitsBetween(repo.git, baseSha, pull.headSha);
    const title =
      input.commit_title ??
      (method === 'squash'
        ? `${issue.title} (#${pull.number})`
        : `Merge pull request #${pull.number} from ${owner.login}/${pull.headRef}`);
    const message =
      input.commit_message ??
      (method === 'squash' ? commits.map(({ commit }) => `* ${commit.message.trim()}`).join('\n\n') : issue.title);
    const result = await createMergeCommit(repo.git, {
      base: baseSha,
      head: pull.headSha,
      method,
      title,
      message,
      committer: personAt(who.name, who.email, new Date(ctx.now)),
    });
    if (result.kind === 'conflict' || !result.sha) throw new ApiError(405, 'Pull Request is not mergeable');
    // The base moves first: the pull request is only marked merged once git says the merge landed.
    const baseRef = `refs/heads/${pull.baseRef}`;
    const moved = repo.git.refs.update(baseRef, result.sha, baseSha);
    if (moved.kind !== 'ok') throw new ApiError(409, 'Base branch was modified. Review and try the merge again.');
    await markMerged(ctx, repo, issue, pull, { by: merger, sha: result.sha, baseSha, closedCommitId: result.sha });
    await afterRefsChanged(ctx, repo, [{ ref: baseRef, before: baseSha, after: result.sha }], merger);
    if (repo.deleteBranchOnMerge && repo.git.branch(pull.headRef) && !protectionOf(ctx.store, repo, pull.headRef))
      await moveRef(ctx, repo, `refs/heads/${pull.headRef}`, null, pull.headSha);
    return { sha: result.sha, merged: true, message: 'Pull Request successfully merged' };
  });
}

/**
 * `update-branch`: merges the base branch into the head branch (a merge commit on the head, as
 * GitHub's "Update branch" button makes), which moves the pull request (`synchronize`).
 */
export async function updatePullBranch(
  ctx: DomainContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
  expectedHeadSha: string | undefined,
) {
  return withRepoLock(ctx, repo, async () => {
    if (issue.state !== 'open') throw new ApiError(422, 'Pull request is not open.');
    if (expectedHeadSha !== undefined && expectedHeadSha !== pull.headSha)
      throw new ApiError(422, "expected head sha didn't match current head ref.");
    const baseSha = repo.git.branch(pull.baseRef);
    if (!baseSha) throw notFound('Base branch not found');
    if (isAncestor(repo.git, baseSha, pull.headSha))
      throw new ApiError(422, 'There are no new commits on the base branch.');
    const who = identity(pusherOf(ctx, repo));
    const result = await createMergeCommit(repo.git, {
      base: pull.headSha,
      head: baseSha,
      method: 'merge',
      title: `Merge branch '${pull.baseRef}' into ${pull.headRef}`,
      message: '',
      committer: personAt(who.name, who.email, new Date(ctx.now)),
    });
    if (result.kind === 'conflict' || !result.sha) throw new ApiError(422, 'merge conflict between base and head');
    await moveRef(ctx, repo, `refs/heads/${pull.headRef}`, result.sha, pull.headSha);
  });
}
