import type { CheckRunRecord, CheckSuiteRecord, RepoRecord, StatusRecord } from '../state/model.js';
import { personDate } from '../git/format.js';
import { renderAppById } from './apps.js';
import { fullName, renderRepo } from './repos.js';
import { nodeId } from './urls.js';
import { simpleUserById } from './users.js';
import type { View } from './view.js';

/** Open pull requests whose head is this commit, in the minimal form checks embed. */
function pullRefs(view: View, repo: RepoRecord, sha: string) {
  const repoUrl = view.urls.repo(fullName(view, repo));
  const mini = { id: repo.id, url: repoUrl, name: repo.name };
  const refs = [];
  for (const pull of view.store.where('pull', `repo:${repo.id}`)) {
    if (pull.headSha !== sha || view.store.get('issue', pull.issueId)?.state !== 'open') continue;
    refs.push({
      url: `${repoUrl}/pulls/${pull.number}`,
      id: pull.id,
      number: pull.number,
      head: { ref: pull.headRef, sha: pull.headSha, repo: mini },
      base: { ref: pull.baseRef, sha: repo.git.branch(pull.baseRef) ?? pull.baseSha, repo: mini },
    });
  }
  return refs;
}

export function renderCheckRun(view: View, repo: RepoRecord, run: CheckRunRecord) {
  const name = fullName(view, repo);
  const url = `${view.urls.repo(name)}/check-runs/${run.id}`;
  const html = `${view.urls.repoHtml(name)}/runs/${run.id}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', run.id),
    external_id: run.externalId,
    url,
    html_url: html,
    details_url: run.detailsUrl ?? html,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.suiteId },
    app: renderAppById(view, run.appId),
    pull_requests: pullRefs(view, repo, run.headSha),
    actions: run.actions.map((action) => ({ ...action })),
  };
}

export function renderAnnotations(run: CheckRunRecord, blobBase: string) {
  return run.output.annotations.map((annotation) => ({
    path: annotation.path,
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    start_column: annotation.startColumn,
    end_column: annotation.endColumn,
    annotation_level: annotation.annotationLevel,
    title: annotation.title,
    message: annotation.message,
    raw_details: annotation.rawDetails,
    blob_href: `${blobBase}/blob/${run.headSha}/${annotation.path}`,
  }));
}

export function renderCheckSuite(view: View, repo: RepoRecord, suite: CheckSuiteRecord) {
  const repoUrl = view.urls.repo(fullName(view, repo));
  const commit = repo.git.readCommit(suite.headSha);
  const runs = view.store.where('checkRun', `suite:${suite.id}`);
  return {
    id: suite.id,
    node_id: nodeId('CheckSuite', suite.id),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url: `${repoUrl}/check-suites/${suite.id}`,
    before: commit?.parents[0] ?? null,
    after: suite.headSha,
    pull_requests: pullRefs(view, repo, suite.headSha),
    app: renderAppById(view, suite.appId),
    repository: renderRepo(view, repo),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    head_commit: {
      id: suite.headSha,
      tree_id: commit?.tree ?? '',
      message: commit?.message.replace(/\n$/, '') ?? '',
      timestamp: commit ? personDate(commit.committer) : suite.createdAt,
      author: commit ? { name: commit.author.name, email: commit.author.email } : null,
      committer: commit ? { name: commit.committer.name, email: commit.committer.email } : null,
    },
    latest_check_runs_count: runs.length,
    check_runs_url: `${repoUrl}/check-suites/${suite.id}/check-runs`,
    rerequestable: true,
    runs_rerequestable: true,
  };
}

export function renderStatus(view: View, repo: RepoRecord, status: StatusRecord) {
  const creator = simpleUserById(view, status.creatorId);
  return {
    url: `${view.urls.repo(fullName(view, repo))}/statuses/${status.sha}`,
    avatar_url: creator?.avatar_url ?? null,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    creator,
  };
}
