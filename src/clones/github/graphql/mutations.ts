import type { DomainContext } from '../domain/context.js';
import { setDraft } from '../domain/pulls.js';
import { deleteIssue } from '../domain/issue-delete.js';
import { setIssuePinned } from '../domain/issue-pin.js';
import { withRepoLock } from '../domain/git-write.js';
import { fullName } from '../render/repos.js';
import type { IssueRecord, PullRecord, RepoRecord } from '../state/model.js';
import { authorize, NEED } from '../state/permissions.js';
import { ApiError } from '../state/errors.js';
import { gqlError, operation, type Gql, type GraphqlContext } from './context.js';
import { commentObject, issueObject, pullObject, reviewObject } from './issues.js';
import { decodeNodeId } from './query.js';
import { GIT_MUTATIONS } from './git-mutations.js';
import { REACTION_MUTATIONS } from './reaction-mutations.js';
import { REVIEW_THREAD_MUTATIONS } from './review-thread-mutations.js';
import { actorObject } from './objects.js';
import { repoObject } from './repository.js';
import { actingUser } from '../state/actor.js';
import { nodeId } from '../render/urls.js';

interface Issueish {
  repo: RepoRecord;
  issue: IssueRecord;
  pull?: PullRecord;
  params: { owner: string; repo: string; issue_number: number; pull_number: number };
}

/** The issue or pull request a global id names (NOT_FOUND when there is none the viewer can see). */
function issueish(
  ctx: GraphqlContext,
  id: string,
  kinds: Array<'Issue' | 'PullRequest'> = ['Issue', 'PullRequest'],
): Issueish {
  const { store } = ctx.domain;
  const decoded = decodeNodeId(id);
  let issue: IssueRecord | undefined;
  let pull: PullRecord | undefined;
  if (decoded?.type === 'Issue' && kinds.includes('Issue')) issue = store.get('issue', decoded.id);
  if (decoded?.type === 'PullRequest' && kinds.includes('PullRequest')) {
    pull = store.get('pull', decoded.id);
    issue = store.get('issue', pull?.issueId);
  }
  if (issue?.pullId && !pull) pull = store.get('pull', issue.pullId);
  const repo = store.get('repo', issue?.repoId);
  if (!issue || !repo || !canRead(ctx.domain, repo))
    throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  const [owner = '', name = ''] = fullName(ctx.domain, repo).split('/');
  return { repo, issue, pull, params: { owner, repo: name, issue_number: issue.number, pull_number: issue.number } };
}

function canRead(domain: DomainContext, repo: RepoRecord): boolean {
  try {
    authorize(domain.store, domain.actor, repo, NEED.metadata);
    return true;
  } catch {
    return false;
  }
}

function repository(ctx: GraphqlContext, id: string): { repo: RepoRecord; params: { owner: string; repo: string } } {
  const decoded = decodeNodeId(id);
  const repo = decoded?.type === 'Repository' ? ctx.domain.store.get('repo', decoded.id) : undefined;
  if (!repo || !canRead(ctx.domain, repo))
    throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  const [owner = '', name = ''] = fullName(ctx.domain, repo).split('/');
  return { repo, params: { owner, repo: name } };
}

/** The issue comment a global id names, with the REST parameters that address it. */
function issueComment(ctx: GraphqlContext, id: string) {
  const decoded = decodeNodeId(id);
  const comment = decoded?.type === 'IssueComment' ? ctx.domain.store.get('comment', decoded.id) : undefined;
  const repo = ctx.domain.store.get('repo', comment?.repoId);
  if (!comment || !repo || !canRead(ctx.domain, repo))
    throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  const [owner = '', name = ''] = fullName(ctx.domain, repo).split('/');
  return { repo, comment, params: { owner, repo: name, comment_id: comment.id } };
}

const recordId = (ctx: GraphqlContext, id: string, type: string): number => {
  const decoded = decodeNodeId(id);
  if (!decoded || decoded.type !== type)
    throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  return decoded.id;
};
const logins = (ctx: GraphqlContext, ids: readonly string[] | null | undefined) =>
  ids?.map((id) => {
    const user = ctx.domain.store.get('user', recordId(ctx, id, decodeNodeId(id)?.type === 'Bot' ? 'Bot' : 'User'));
    if (!user) throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return user.login;
  });
/** Teams by node id; only a team of the organization that owns the repository can review there. */
const teamSlugs = (ctx: GraphqlContext, repo: RepoRecord, ids: readonly string[] | null | undefined) =>
  ids?.map((id) => {
    const team = ctx.domain.store.get('team', recordId(ctx, id, 'Team'));
    if (!team) throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    if (team.orgId !== repo.ownerId)
      throw gqlError(
        'UNPROCESSABLE',
        `Reviews may only be requested from collaborators. ${team.slug} is not a team of the repository's organization.`,
      );
    return team.slug;
  });
const labelNames = (ctx: GraphqlContext, ids: readonly string[] | null | undefined) =>
  ids?.map((id) => {
    const label = ctx.domain.store.get('label', recordId(ctx, id, 'Label'));
    if (!label) throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return label.name;
  });
const milestoneNumber = (ctx: GraphqlContext, id: string | null | undefined) =>
  id === undefined
    ? undefined
    : id === null
      ? null
      : (ctx.domain.store.get('milestone', recordId(ctx, id, 'Milestone'))?.number ?? null);

const fresh = (ctx: GraphqlContext, target: Issueish): Gql => {
  const issue = ctx.domain.store.get('issue', target.issue.id)!;
  return issueObject(ctx.domain, target.repo, issue);
};
const issueFromRest = (ctx: GraphqlContext, repo: RepoRecord, body: unknown): Gql => {
  const issue = ctx.domain.store.issueByNumber(repo.id, (body as { number: number }).number)!;
  return issueObject(ctx.domain, repo, issue);
};

/** GraphQL's `LockReason` as REST's `lock_reason`. */
const LOCK_REASONS: Record<string, string> = {
  OFF_TOPIC: 'off-topic',
  TOO_HEATED: 'too heated',
  RESOLVED: 'resolved',
  SPAM: 'spam',
};

const viewer = (ctx: GraphqlContext): Gql | null => {
  const user = actingUser(ctx.domain.actor);
  return user ? actorObject(ctx.domain, user) : null;
};

/** Pins or unpins an issue: writers may (`issues` write for apps); pull requests cannot be pinned. */
async function pin(ctx: GraphqlContext, id: string, pinned: boolean): Promise<Gql> {
  const target = issueish(ctx, id, ['Issue']);
  try {
    authorize(ctx.domain.store, ctx.domain.actor, target.repo, NEED.issuesAdmin);
    await setIssuePinned(ctx.domain, target.repo, target.issue, pinned);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 422) throw gqlError('UNPROCESSABLE', error.message);
    throw gqlError(
      'FORBIDDEN',
      `${actingUser(ctx.domain.actor)?.login ?? 'Viewer'} does not have the correct permissions to execute \`${pinned ? 'PinIssue' : 'UnpinIssue'}\``,
    );
  }
  return fresh(ctx, target);
}

type Input = Record<string, unknown> & { clientMutationId?: string };
type Mutation = (ctx: GraphqlContext, input: Input) => Promise<Record<string, unknown>>;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const strs = (value: unknown) => (Array.isArray(value) ? (value as string[]) : undefined);

/** The mutations `gh` and agents use, each through the REST operation that does the same. */
const MUTATIONS: Record<string, Mutation> = {
  ...GIT_MUTATIONS,
  ...REVIEW_THREAD_MUTATIONS,
  ...REACTION_MUTATIONS,
  async createIssue(ctx, input) {
    const { repo, params } = repository(ctx, String(input.repositoryId));
    const body = await operation(ctx, 'issues/create', {
      params,
      body: {
        title: input.title,
        body: str(input.body),
        assignees: logins(ctx, strs(input.assigneeIds)),
        labels: labelNames(ctx, strs(input.labelIds)),
        milestone: milestoneNumber(ctx, str(input.milestoneId)),
      },
    });
    return { issue: issueFromRest(ctx, repo, body) };
  },
  async updateIssue(ctx, input) {
    const target = issueish(ctx, String(input.id), ['Issue']);
    await operation(ctx, 'issues/update', {
      params: target.params,
      body: {
        title: str(input.title),
        body: str(input.body),
        state: str(input.state)?.toLowerCase(),
        assignees: logins(ctx, strs(input.assigneeIds)),
        labels: labelNames(ctx, strs(input.labelIds)),
        milestone: milestoneNumber(ctx, input.milestoneId as string | null | undefined),
      },
    });
    return { issue: fresh(ctx, target) };
  },
  async closeIssue(ctx, input) {
    const target = issueish(ctx, String(input.issueId), ['Issue']);
    const reason = str(input.stateReason)?.toLowerCase();
    await operation(ctx, 'issues/update', {
      params: target.params,
      body: { state: 'closed', state_reason: reason ?? 'completed' },
    });
    return { issue: fresh(ctx, target) };
  },
  async deleteIssue(ctx, input) {
    const target = issueish(ctx, String(input.issueId), ['Issue']);
    try {
      authorize(ctx.domain.store, ctx.domain.actor, target.repo, NEED.admin);
    } catch (error) {
      if (error instanceof ApiError)
        throw gqlError(
          'FORBIDDEN',
          `${actingUser(ctx.domain.actor)?.login ?? 'Viewer'} does not have the correct permissions to execute \`DeleteIssue\``,
        );
      throw error;
    }
    await deleteIssue(ctx.domain, target.issue);
    return { repository: repoObject(ctx.domain, target.repo) };
  },
  async pinIssue(ctx, input) {
    return { issue: await pin(ctx, String(input.issueId), true) };
  },
  async unpinIssue(ctx, input) {
    return { issue: await pin(ctx, String(input.issueId), false) };
  },
  async lockLockable(ctx, input) {
    const target = issueish(ctx, String(input.lockableId));
    const reason = LOCK_REASONS[str(input.lockReason) ?? ''];
    await operation(ctx, 'issues/lock', { params: target.params, body: reason ? { lock_reason: reason } : {} });
    return { lockedRecord: fresh(ctx, target), actor: viewer(ctx) };
  },
  async unlockLockable(ctx, input) {
    const target = issueish(ctx, String(input.lockableId));
    await operation(ctx, 'issues/unlock', { params: target.params });
    return { unlockedRecord: fresh(ctx, target), actor: viewer(ctx) };
  },
  async createRepository(ctx, input) {
    const owner = input.ownerId ? ctx.domain.store.get('user', decodeNodeId(String(input.ownerId))?.id) : undefined;
    if (input.ownerId && !owner)
      throw gqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(input.ownerId)}'`);
    const body = {
      name: str(input.name),
      description: str(input.description) ?? null,
      homepage: str(input.homepageUrl) ?? null,
      private: input.visibility === 'PRIVATE' || input.visibility === 'INTERNAL',
      ...(typeof input.hasIssuesEnabled === 'boolean' ? { has_issues: input.hasIssuesEnabled } : {}),
      ...(typeof input.hasWikiEnabled === 'boolean' ? { has_wiki: input.hasWikiEnabled } : {}),
    };
    const created = (await (owner?.type === 'Organization'
      ? operation(ctx, 'repos/create-in-org', { params: { org: owner.login }, body })
      : operation(ctx, 'repos/create-for-authenticated-user', { body }))) as { id: number };
    return { repository: repoObject(ctx.domain, ctx.domain.store.get('repo', created.id)!) };
  },
  async reopenIssue(ctx, input) {
    const target = issueish(ctx, String(input.issueId), ['Issue']);
    await operation(ctx, 'issues/update', { params: target.params, body: { state: 'open' } });
    return { issue: fresh(ctx, target) };
  },
  async addComment(ctx, input) {
    const target = issueish(ctx, String(input.subjectId));
    const body = (await operation(ctx, 'issues/create-comment', {
      params: target.params,
      body: { body: input.body },
    })) as { id: number };
    const comment = commentObject(ctx.domain, target.repo, ctx.domain.store.get('comment', body.id)!);
    return {
      commentEdge: { cursor: '', node: comment },
      subject: fresh(ctx, target),
      timelineEdge: { cursor: '', node: comment },
    };
  },
  // `gh issue comment --edit-last` and `gh pr comment --edit-last`.
  async updateIssueComment(ctx, input) {
    const { repo, comment, params } = issueComment(ctx, String(input.id));
    await operation(ctx, 'issues/update-comment', { params, body: { body: input.body } });
    return { issueComment: commentObject(ctx.domain, repo, ctx.domain.store.get('comment', comment.id)!) };
  },
  async deleteIssueComment(ctx, input) {
    const { params } = issueComment(ctx, String(input.id));
    await operation(ctx, 'issues/delete-comment', { params });
    return {};
  },
  async addLabelsToLabelable(ctx, input) {
    const target = issueish(ctx, String(input.labelableId));
    await operation(ctx, 'issues/add-labels', {
      params: target.params,
      body: { labels: labelNames(ctx, strs(input.labelIds)) },
    });
    return { labelable: fresh(ctx, target) };
  },
  async removeLabelsFromLabelable(ctx, input) {
    const target = issueish(ctx, String(input.labelableId));
    for (const name of labelNames(ctx, strs(input.labelIds)) ?? [])
      await operation(ctx, 'issues/remove-label', { params: { ...target.params, name } });
    return { labelable: fresh(ctx, target) };
  },
  async addAssigneesToAssignable(ctx, input) {
    const target = issueish(ctx, String(input.assignableId));
    await operation(ctx, 'issues/add-assignees', {
      params: target.params,
      body: { assignees: logins(ctx, strs(input.assigneeIds)) },
    });
    return { assignable: fresh(ctx, target) };
  },
  async removeAssigneesFromAssignable(ctx, input) {
    const target = issueish(ctx, String(input.assignableId));
    await operation(ctx, 'issues/remove-assignees', {
      params: target.params,
      body: { assignees: logins(ctx, strs(input.assigneeIds)) },
    });
    return { assignable: fresh(ctx, target) };
  },
  async createPullRequest(ctx, input) {
    const { repo, params } = repository(ctx, String(input.repositoryId));
    const body = await operation(ctx, 'pulls/create', {
      params,
      body: {
        title: input.title,
        body: str(input.body),
        head: input.headRefName,
        base: input.baseRefName,
        draft: input.draft ?? undefined,
        maintainer_can_modify: input.maintainerCanModify ?? undefined,
      },
    });
    return { pullRequest: issueFromRest(ctx, repo, body) };
  },
  async updatePullRequest(ctx, input) {
    const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
    await operation(ctx, 'pulls/update', {
      params: target.params,
      body: {
        title: str(input.title),
        body: str(input.body),
        base: str(input.baseRefName),
        state: str(input.state)?.toLowerCase(),
        maintainer_can_modify: input.maintainerCanModify ?? undefined,
      },
    });
    if (input.labelIds !== undefined && input.labelIds !== null)
      await operation(ctx, 'issues/set-labels', {
        params: target.params,
        body: { labels: labelNames(ctx, strs(input.labelIds)) },
      });
    if (input.assigneeIds !== undefined || input.milestoneId !== undefined)
      await operation(ctx, 'issues/update', {
        params: target.params,
        body: {
          assignees: logins(ctx, strs(input.assigneeIds)),
          milestone: milestoneNumber(ctx, input.milestoneId as string | null | undefined),
        },
      });
    return { pullRequest: fresh(ctx, target) };
  },
  async closePullRequest(ctx, input) {
    const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
    await operation(ctx, 'pulls/update', { params: target.params, body: { state: 'closed' } });
    return { pullRequest: fresh(ctx, target) };
  },
  async reopenPullRequest(ctx, input) {
    const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
    await operation(ctx, 'pulls/update', { params: target.params, body: { state: 'open' } });
    return { pullRequest: fresh(ctx, target) };
  },
  async mergePullRequest(ctx, input) {
    const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
    await operation(ctx, 'pulls/merge', {
      params: target.params,
      body: {
        merge_method: str(input.mergeMethod)?.toLowerCase(),
        commit_title: str(input.commitHeadline),
        commit_message: str(input.commitBody),
        sha: str(input.expectedHeadOid),
      },
    });
    return { pullRequest: fresh(ctx, target), actor: ctx.viewer ? actorObject(ctx.domain, ctx.viewer) : null };
  },
  async markPullRequestReadyForReview(ctx, input) {
    return { pullRequest: await draft(ctx, String(input.pullRequestId), false) };
  },
  async convertPullRequestToDraft(ctx, input) {
    return { pullRequest: await draft(ctx, String(input.pullRequestId), true) };
  },
  async addPullRequestReview(ctx, input) {
    const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
    const body = (await operation(ctx, 'pulls/create-review', {
      params: target.params,
      body: {
        body: str(input.body),
        event: str(input.event),
        commit_id: str(input.commitOID),
        comments: reviewComments(input),
      },
    })) as { id: number };
    const review = ctx.domain.store.get('review', body.id)!;
    return { pullRequestReview: reviewObject(ctx.domain, target.repo, target.pull!, review) };
  },
  async submitPullRequestReview(ctx, input) {
    const id = recordId(ctx, String(input.pullRequestReviewId), 'PullRequestReview');
    const review = ctx.domain.store.get('review', id);
    const pull = ctx.domain.store.get('pull', review?.pullId);
    if (!review || !pull)
      throw gqlError(
        'NOT_FOUND',
        `Could not resolve to a node with the global id of '${String(input.pullRequestReviewId)}'`,
      );
    const target = issueish(ctx, nodeId('PullRequest', pull.id), ['PullRequest']);
    await operation(ctx, 'pulls/submit-review', {
      params: { ...target.params, review_id: review.id },
      body: { body: str(input.body), event: str(input.event) },
    });
    return { pullRequestReview: reviewObject(ctx.domain, target.repo, pull, ctx.domain.store.get('review', id)!) };
  },
  async requestReviews(ctx, input) {
    const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
    const wanted = logins(ctx, strs(input.userIds)) ?? [];
    const wantedTeams = teamSlugs(ctx, target.repo, strs(input.teamIds)) ?? [];
    const { store } = ctx.domain;
    const pull = store.get('pull', target.pull!.id)!;
    // Without `union: true` the reviewers given replace the pending requests, as on GitHub. The new
    // requests go first: one GitHub refuses (a team without access) then changes nothing.
    const dropped = input.union === true ? [] : pendingLogins(ctx, pull.requestedReviewerIds, wanted);
    const droppedTeams =
      input.union === true
        ? []
        : pull.requestedTeamIds
            .map((id) => store.get('team', id)?.slug)
            .filter((slug): slug is string => slug !== undefined && !wantedTeams.includes(slug));
    if (wanted.length > 0 || wantedTeams.length > 0)
      await operation(ctx, 'pulls/request-reviewers', {
        params: target.params,
        body: { reviewers: wanted, team_reviewers: wantedTeams },
      });
    if (dropped.length > 0 || droppedTeams.length > 0)
      await operation(ctx, 'pulls/remove-requested-reviewers', {
        params: target.params,
        body: { reviewers: dropped, team_reviewers: droppedTeams },
      });
    return { pullRequest: fresh(ctx, target) };
  },
};

/**
 * The inline comments of `addPullRequestReview` as REST's create-review takes them: `threads`
 * (by line, the current input) and the older `comments` (by diff position).
 */
function reviewComments(input: Input): Array<Record<string, unknown>> | undefined {
  const list = (value: unknown) => (Array.isArray(value) ? (value as Input[]) : []);
  const threads = list(input.threads).map((thread) => ({
    path: str(thread.path),
    body: str(thread.body),
    line: num(thread.line),
    side: str(thread.side),
    start_line: num(thread.startLine),
    start_side: str(thread.startSide),
  }));
  const comments = list(input.comments).map((comment) => ({
    path: str(comment.path),
    body: str(comment.body),
    position: num(comment.position),
  }));
  const all = [...threads, ...comments];
  return all.length > 0 ? all : undefined;
}

function pendingLogins(ctx: GraphqlContext, ids: number[], kept: string[]): string[] {
  return ids
    .map((id) => ctx.domain.store.get('user', id)?.login)
    .filter((login): login is string => login !== undefined && !kept.includes(login));
}

async function draft(ctx: GraphqlContext, id: string, value: boolean): Promise<Gql> {
  const target = issueish(ctx, id, ['PullRequest']);
  try {
    authorize(ctx.domain.store, ctx.domain.actor, target.repo, NEED.pullsParticipate);
    await withRepoLock(ctx.domain, target.repo, () =>
      setDraft(ctx.domain, target.repo, target.issue, target.pull!, value),
    );
  } catch (error) {
    if (error instanceof ApiError)
      throw gqlError(
        error.status === 404 ? 'NOT_FOUND' : error.status === 403 ? 'FORBIDDEN' : 'UNPROCESSABLE',
        error.message,
      );
    throw error;
  }
  return pullObject(ctx.domain, ctx.domain.store.get('pull', target.pull!.id)!);
}

/** The root `Mutation` object: each mutation takes `input` and echoes its `clientMutationId`. */
export function mutationRoot(ctx: GraphqlContext): Gql {
  const root: Gql = { __typename: 'Mutation' };
  for (const [name, run] of Object.entries(MUTATIONS))
    root[name] = async (args: { input: Input }) => ({
      __typename: `${name[0]!.toUpperCase()}${name.slice(1)}Payload`,
      clientMutationId: args.input.clientMutationId ?? null,
      ...(await run(ctx, args.input)),
    });
  return root;
}

export const MUTATION_NAMES = Object.keys(MUTATIONS);
