import type { IssueRecord, RepoRecord } from './model.js';
import type { Store } from './store.js';
import { environmentProtection } from './snapshot-environments.js';
import { filesSnapshot } from './snapshot-files.js';
import { teamsSnapshot } from './snapshot-teams.js';
import { withRefsRead } from '../git/refs.js';

/**
 * The whole state as plain JSON, the input of `[D]` criteria: one array per resource type,
 * GitHub's field names, people as logins, repositories as `owner/name`. Stable order (by id).
 */
export function snapshot(store: Store, meta: { seed: string }): StateSnapshot {
  // Every repository's branches are listed twice (its row, its files): read from disk once.
  return withRefsRead(() => readSnapshot(store, meta));
}

function readSnapshot(store: Store, meta: { seed: string }) {
  const login = (id: number | null | undefined) =>
    id === null || id === undefined ? null : (store.get('user', id)?.login ?? null);
  const teamSlugOf = (id: number) => store.get('team', id)?.slug ?? null;
  const repoNames = new Map<number, string>();
  for (const repo of store.all('repo')) repoNames.set(repo.id, `${login(repo.ownerId)}/${repo.name}`);
  const repoName = (id: number) => repoNames.get(id) ?? null;
  const labelNames = (issue: IssueRecord) => issue.labelIds.map((id) => store.get('label', id)?.name).filter(Boolean);
  const byId = <T extends { id: number }>(rows: Iterable<T>) => [...rows].sort((a, b) => a.id - b.id);
  const numberOf = (issueId: number) => store.get('issue', issueId)?.number ?? null;
  const branches = (repo: RepoRecord) =>
    [...repo.git.branches()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, sha]) => ({ name, sha }));

  const issues = byId(store.all('issue'));
  return {
    version: 1,
    seed: meta.seed,
    users: byId(store.all('user'))
      .filter((user) => user.type !== 'Organization')
      .map((u) => ({ id: u.id, login: u.login, type: u.type, name: u.name, email: u.email, site_admin: u.siteAdmin })),
    orgs: byId(store.all('org')).map((org) => {
      const account = store.get('user', org.id)!;
      return {
        id: org.id,
        login: account.login,
        name: account.name,
        description: org.description,
        members: [...org.members].map(([id, role]) => ({ login: login(id), role })),
      };
    }),
    repos: byId(store.all('repo')).map((repo) => ({
      id: repo.id,
      full_name: repoName(repo.id),
      owner: login(repo.ownerId),
      name: repo.name,
      private: repo.private,
      description: repo.description,
      default_branch: repo.defaultBranch,
      archived: repo.archived,
      topics: repo.topics,
      created_at: repo.createdAt,
      updated_at: repo.updatedAt,
      pushed_at: repo.pushedAt,
      branches: branches(repo),
      collaborators: [...repo.collaborators].map(([id, role]) => ({ login: login(id), permission: role })),
    })),
    issues: issues
      .filter((issue) => issue.pullId === null)
      .map((issue) => ({
        id: issue.id,
        repo: repoName(issue.repoId),
        number: issue.number,
        title: issue.title,
        body: issue.body,
        state: issue.state,
        state_reason: issue.stateReason,
        user: login(issue.userId),
        labels: labelNames(issue),
        assignees: issue.assigneeIds.map(login),
        milestone: store.get('milestone', issue.milestoneId)?.title ?? null,
        locked: issue.locked,
        pinned: issue.pinned !== undefined,
        comments: store.countWhere('comment', `issue:${issue.id}`),
        created_at: issue.createdAt,
        updated_at: issue.updatedAt,
        closed_at: issue.closedAt,
        closed_by: login(issue.closedById),
      })),
    pullRequests: byId(store.all('pull')).map((pull) => {
      const issue = store.get('issue', pull.issueId)!;
      const repo = store.get('repo', pull.repoId)!;
      return {
        id: pull.id,
        repo: repoName(pull.repoId),
        number: pull.number,
        title: issue.title,
        body: issue.body,
        state: issue.state,
        draft: pull.draft,
        merged: pull.merged,
        merged_at: pull.mergedAt,
        merged_by: login(pull.mergedById),
        merge_commit_sha: pull.mergeCommitSha,
        head: { ref: pull.headRef, sha: pull.headSha },
        base: {
          ref: pull.baseRef,
          sha: issue.state === 'open' ? (repo.git.branch(pull.baseRef) ?? pull.baseSha) : pull.baseSha,
        },
        user: login(issue.userId),
        labels: labelNames(issue),
        assignees: issue.assigneeIds.map(login),
        requested_reviewers: pull.requestedReviewerIds.map(login),
        requested_teams: pull.requestedTeamIds.map(teamSlugOf).filter((slug) => slug !== null),
        milestone: store.get('milestone', issue.milestoneId)?.title ?? null,
        comments: store.countWhere('comment', `issue:${issue.id}`),
        created_at: issue.createdAt,
        updated_at: issue.updatedAt,
        closed_at: issue.closedAt,
      };
    }),
    comments: byId(store.all('comment')).map((c) => ({
      id: c.id,
      repo: repoName(c.repoId),
      issue_number: numberOf(c.issueId),
      user: login(c.userId),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    })),
    reviews: byId(store.all('review')).map((r) => ({
      id: r.id,
      repo: repoName(r.repoId),
      pull_number: store.get('pull', r.pullId)?.number ?? null,
      user: login(r.userId),
      state: r.state,
      body: r.body,
      commit_id: r.commitId,
      submitted_at: r.submittedAt,
    })),
    reviewComments: byId(store.all('reviewComment')).map((c) => ({
      id: c.id,
      repo: repoName(c.repoId),
      pull_number: store.get('pull', c.pullId)?.number ?? null,
      review_id: c.reviewId,
      user: login(c.userId),
      body: c.body,
      path: c.path,
      line: c.line,
      side: c.side,
      in_reply_to_id: c.inReplyToId,
    })),
    labels: byId(store.all('label')).map((l) => ({
      id: l.id,
      repo: repoName(l.repoId),
      name: l.name,
      color: l.color,
      description: l.description,
    })),
    milestones: byId(store.all('milestone')).map((m) => ({
      id: m.id,
      repo: repoName(m.repoId),
      number: m.number,
      title: m.title,
      state: m.state,
      description: m.description,
      due_on: m.dueOn,
    })),
    reactions: byId(store.all('reaction')).map((r) => ({
      id: r.id,
      repo: repoName(r.repoId),
      subject: r.subject.kind,
      issue_number: r.subject.kind === 'issue' ? numberOf(r.subject.issueId) : null,
      comment_id: r.subject.kind === 'issue' ? null : r.subject.commentId,
      user: login(r.userId),
      content: r.content,
    })),
    events: byId(store.all('event')).map((e) => ({
      id: e.id,
      repo: repoName(e.repoId),
      issue_number: numberOf(e.issueId),
      event: e.event,
      actor: login(e.actorId),
      created_at: e.createdAt,
      ...(e.label ? { label: e.label.name } : {}),
      ...(e.assigneeId !== undefined ? { assignee: login(e.assigneeId) } : {}),
      ...(e.milestone ? { milestone: e.milestone.title } : {}),
      ...(e.rename ? { rename: e.rename } : {}),
      ...(e.reviewerId !== undefined ? { requested_reviewer: login(e.reviewerId) } : {}),
      ...(e.reviewerTeamId !== undefined ? { requested_team: teamSlugOf(e.reviewerTeamId) } : {}),
      ...(e.commitId ? { commit_id: e.commitId } : {}),
    })),
    checkSuites: byId(store.all('checkSuite')).map((s) => ({
      id: s.id,
      repo: repoName(s.repoId),
      head_sha: s.headSha,
      head_branch: s.headBranch,
      status: s.status,
      conclusion: s.conclusion,
      app: store.get('app', s.appId)?.slug ?? null,
    })),
    checkRuns: byId(store.all('checkRun')).map((r) => ({
      id: r.id,
      repo: repoName(r.repoId),
      name: r.name,
      head_sha: r.headSha,
      status: r.status,
      conclusion: r.conclusion,
      app: store.get('app', r.appId)?.slug ?? null,
      check_suite_id: r.suiteId,
      external_id: r.externalId,
      details_url: r.detailsUrl,
      started_at: r.startedAt,
      completed_at: r.completedAt,
      output: {
        title: r.output.title,
        summary: r.output.summary,
        text: r.output.text,
        annotations: r.output.annotations.map((a) => ({
          path: a.path,
          start_line: a.startLine,
          end_line: a.endLine,
          annotation_level: a.annotationLevel,
          message: a.message,
          title: a.title,
        })),
      },
      actions: r.actions,
    })),
    statuses: byId(store.all('status')).map((s) => ({
      id: s.id,
      repo: repoName(s.repoId),
      sha: s.sha,
      context: s.context,
      state: s.state,
      description: s.description,
      target_url: s.targetUrl,
      creator: login(s.creatorId),
      created_at: s.createdAt,
    })),
    apps: byId(store.all('app')).map((a) => ({
      id: a.id,
      slug: a.slug,
      name: a.name,
      owner: login(a.ownerId),
      permissions: a.permissions,
    })),
    installations: byId(store.all('installation')).map((i) => ({
      id: i.id,
      app: store.get('app', i.appId)?.slug ?? null,
      account: login(i.accountId),
      repository_selection: i.repositorySelection,
      repositories: i.repoIds.map(repoName),
      permissions: i.permissions,
    })),
    workflowRuns: byId(store.all('workflowRun')).map((r) => ({
      id: r.id,
      repo: repoName(r.repoId),
      workflow: store.get('workflow', r.workflowId)?.path ?? null,
      name: r.name,
      event: r.event,
      head_branch: r.headBranch,
      head_sha: r.headSha,
      status: r.status,
      conclusion: r.conclusion,
      run_number: r.runNumber,
      actor: login(r.actorId),
      jobs: byId(store.where('workflowJob', `run:${r.id}`)).map((j) => ({
        id: j.id,
        name: j.name,
        status: j.status,
        conclusion: j.conclusion,
      })),
      created_at: r.createdAt,
    })),
    releases: byId(store.all('release')).map((r) => ({
      id: r.id,
      repo: repoName(r.repoId),
      tag_name: r.tagName,
      target_commitish: r.targetCommitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      author: login(r.authorId),
      created_at: r.createdAt,
      published_at: r.publishedAt,
    })),
    artifacts: byId(store.all('artifact'))
      .filter((a) => a.finalized)
      .map((a) => ({
        id: a.id,
        repo: repoName(a.repoId),
        run_id: a.runId,
        name: a.name,
        size_in_bytes: a.sizeInBytes,
        digest: a.digest,
        created_at: a.createdAt,
        expires_at: a.expiresAt,
      })),
    ...teamsSnapshot(store),
    gists: byId(store.all('gist')).map((gist) => ({
      id: gist.key,
      owner: login(gist.ownerId),
      description: gist.description,
      public: gist.public,
      files: Object.fromEntries(gist.files),
      fork_of: gist.forkOfId === null ? null : (store.get('gist', gist.forkOfId)?.key ?? null),
      comments: store.countWhere('gistComment', `gist:${gist.id}`),
      created_at: gist.createdAt,
      updated_at: gist.updatedAt,
    })),
    gistComments: byId(store.all('gistComment')).map((comment) => ({
      id: comment.id,
      gist: store.get('gist', comment.gistId)?.key ?? null,
      user: login(comment.userId),
      body: comment.body,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    })),
    ...filesSnapshot(store, repoName),
    // Names and dates only: a secret's sealed value never leaves the clone.
    secrets: byId(store.all('secret')).map((secret) => ({
      id: secret.id,
      repo: repoName(secret.repoId),
      name: secret.name,
      created_at: secret.createdAt,
      updated_at: secret.updatedAt,
    })),
    // Not secrets: their values are part of the state.
    variables: byId(store.all('variable')).map((variable) => ({
      id: variable.id,
      repo: repoName(variable.repoId),
      name: variable.name,
      value: variable.value,
      created_at: variable.createdAt,
      updated_at: variable.updatedAt,
    })),
    environments: byId(store.all('environment')).map((environment) => ({
      id: environment.id,
      repo: repoName(environment.repoId),
      name: environment.name,
      ...environmentProtection(store, environment),
      created_at: environment.createdAt,
      updated_at: environment.updatedAt,
    })),
    // Names and dates only, as for a repository's secrets.
    environmentSecrets: byId(store.all('environmentSecret')).map((secret) => ({
      id: secret.id,
      repo: repoName(secret.repoId),
      environment: store.get('environment', secret.environmentId)?.name ?? null,
      name: secret.name,
      created_at: secret.createdAt,
      updated_at: secret.updatedAt,
    })),
    environmentVariables: byId(store.all('environmentVariable')).map((variable) => ({
      id: variable.id,
      repo: repoName(variable.repoId),
      environment: store.get('environment', variable.environmentId)?.name ?? null,
      name: variable.name,
      value: variable.value,
      created_at: variable.createdAt,
      updated_at: variable.updatedAt,
    })),
    // An organization's: where they apply, and (secrets) never their sealed values.
    orgSecrets: byId(store.all('orgSecret')).map((secret) => ({
      id: secret.id,
      org: login(secret.orgId),
      name: secret.name,
      visibility: secret.visibility,
      selected_repos: secret.selectedRepoIds.map(repoName).filter((name) => name !== null),
      created_at: secret.createdAt,
      updated_at: secret.updatedAt,
    })),
    orgVariables: byId(store.all('orgVariable')).map((variable) => ({
      id: variable.id,
      org: login(variable.orgId),
      name: variable.name,
      value: variable.value,
      visibility: variable.visibility,
      selected_repos: variable.selectedRepoIds.map(repoName).filter((name) => name !== null),
      created_at: variable.createdAt,
      updated_at: variable.updatedAt,
    })),
  };
}

export type StateSnapshot = ReturnType<typeof readSnapshot>;
