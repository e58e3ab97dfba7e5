import { personDate } from '../git/format.js';
import type {
  ArtifactRecord,
  RepoRecord,
  WorkflowJobRecord,
  WorkflowRecord,
  WorkflowRunRecord,
} from '../state/model.js';
import { fullName, renderRepo } from './repos.js';
import { nodeId } from './urls.js';
import { simpleUser } from './users.js';
import type { View } from './view.js';

const actionsUrl = (view: View, repo: RepoRecord) => `${view.urls.repo(fullName(view, repo))}/actions`;

/** `artifact`. */
export function renderArtifact(view: View, repo: RepoRecord, artifact: ArtifactRecord, now: Date) {
  const url = `${actionsUrl(view, repo)}/artifacts/${artifact.id}`;
  const run = view.store.get('workflowRun', artifact.runId);
  return {
    id: artifact.id,
    node_id: nodeId('Artifact', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.sizeInBytes,
    url,
    archive_download_url: `${url}/zip`,
    expired: Date.parse(artifact.expiresAt) <= now.getTime(),
    created_at: artifact.createdAt,
    expires_at: artifact.expiresAt,
    updated_at: artifact.updatedAt,
    digest: artifact.digest,
    workflow_run: run
      ? {
          id: run.id,
          repository_id: run.repoId,
          head_repository_id: run.repoId,
          head_branch: run.headBranch ?? '',
          head_sha: run.headSha,
        }
      : null,
  };
}

/** `workflow`. */
export function renderWorkflow(view: View, repo: RepoRecord, workflow: WorkflowRecord) {
  const name = fullName(view, repo);
  const file = workflow.path.split('/').pop()!;
  return {
    id: workflow.id,
    node_id: nodeId('Workflow', workflow.id),
    name: workflow.name,
    path: workflow.path,
    state: 'active',
    created_at: workflow.createdAt,
    updated_at: workflow.updatedAt,
    url: `${actionsUrl(view, repo)}/workflows/${workflow.id}`,
    html_url: `${view.urls.repoHtml(name)}/blob/${repo.defaultBranch}/${workflow.path}`,
    badge_url: `${view.urls.repoHtml(name)}/workflows/${encodeURIComponent(file)}/badge.svg`,
  };
}

function headCommit(repo: RepoRecord, sha: string) {
  const commit = repo.git.readCommit(sha);
  if (!commit) return null;
  return {
    id: sha,
    tree_id: commit.tree,
    message: commit.message.replace(/\n$/, ''),
    timestamp: personDate(commit.committer),
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** Open pull requests of the repository whose head is the run's branch or commit, as `pull-request-minimal`. */
function runPulls(view: View, repo: RepoRecord, run: WorkflowRunRecord) {
  const repoUrl = view.urls.repo(fullName(view, repo));
  const mini = { id: repo.id, url: repoUrl, name: repo.name };
  return view.store
    .where('pull', `repo:${repo.id}`)
    .filter(
      (pull) =>
        (pull.headSha === run.headSha || pull.headRef === run.headBranch) &&
        view.store.get('issue', pull.issueId)?.state === 'open',
    )
    .map((pull) => ({
      id: pull.id,
      number: pull.number,
      url: `${repoUrl}/pulls/${pull.number}`,
      head: { ref: pull.headRef, sha: pull.headSha, repo: mini },
      base: { ref: pull.baseRef, sha: repo.git.branch(pull.baseRef) ?? pull.baseSha, repo: mini },
    }));
}

/** `workflow-run`. */
export function renderWorkflowRun(view: View, repo: RepoRecord, run: WorkflowRunRecord) {
  const name = fullName(view, repo);
  const url = `${actionsUrl(view, repo)}/runs/${run.id}`;
  const workflow = view.store.get('workflow', run.workflowId);
  const actor = simpleUser(view, view.store.get('user', run.actorId)!);
  const repository = renderRepo(view, repo);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '',
    display_title: run.displayTitle,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url,
    html_url: `${view.urls.repoHtml(name)}/actions/runs/${run.id}`,
    pull_requests: runPulls(view, repo, run),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor,
    triggering_actor: actor,
    run_started_at: run.runStartedAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${view.urls.repo(name)}/check-suites/${run.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${actionsUrl(view, repo)}/workflows/${run.workflowId}`,
    head_commit: headCommit(repo, run.headSha),
    repository,
    head_repository: repository,
    head_repository_id: repo.id,
  };
}

/** `job`. */
export function renderJob(view: View, repo: RepoRecord, job: WorkflowJobRecord) {
  const name = fullName(view, repo);
  const run = view.store.get('workflowRun', job.runId)!;
  return {
    id: job.id,
    run_id: run.id,
    run_url: `${actionsUrl(view, repo)}/runs/${run.id}`,
    run_attempt: run.runAttempt,
    node_id: nodeId('Job', job.id),
    head_sha: run.headSha,
    url: `${actionsUrl(view, repo)}/jobs/${job.id}`,
    html_url: `${view.urls.repoHtml(name)}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: step.startedAt,
      completed_at: step.completedAt,
    })),
    check_run_url: `${view.urls.repo(name)}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 2,
    runner_group_name: 'GitHub Actions',
    workflow_name: run.name,
    head_branch: run.headBranch,
  };
}
