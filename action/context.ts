import type { context as actionsContext } from '@actions/github';

type Context = typeof actionsContext;

/** The pull request a workflow runs for, from its event payload. */
export interface PullRequestInfo {
  number: number;
  url: string;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** Opened from another repository: its workflows get a read-only token and no secrets. */
  fork: boolean;
}

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The commit the check run goes on: the pull request's head, else the workflow's commit. */
  headSha: string;
  /** The branch the workflow runs on (GITHUB_REF refs/heads/<branch>); null for tags and pull request merge refs. */
  branch: string | null;
  runId: number;
  runUrl: string | null;
  serverUrl: string;
  apiUrl: string;
  pullRequest: PullRequestInfo | null;
}

interface RepoPayload {
  id?: number;
  full_name?: string;
}

interface PullPayload {
  number?: number;
  html_url?: string;
  head?: { sha?: string; ref?: string; repo?: RepoPayload | null };
  base?: { sha?: string; ref?: string; repo?: RepoPayload | null };
}

/**
 * A pull request from another repository than the one it targets. The head repository's own `fork`
 * flag says nothing of that (every pull request of a repository that is itself a fork carries it);
 * a head repository that is gone (a deleted fork: `null`) counts as another, to be safe.
 */
function fromAnotherRepository(pull: PullPayload, repository: string): boolean {
  const head = pull.head?.repo;
  if (!head) return true;
  const base = pull.base?.repo;
  if (head.id !== undefined && base?.id !== undefined) return head.id !== base.id;
  const baseName = base?.full_name ?? repository;
  return head.full_name === undefined || head.full_name.toLowerCase() !== baseName.toLowerCase();
}

export function readRunContext(context: Context): RunContext {
  const { owner, repo } = context.repo;
  const pull = context.payload.pull_request as PullPayload | undefined;
  const pullRequest: PullRequestInfo | null =
    pull?.number && pull.head?.sha && pull.base?.sha
      ? {
          number: pull.number,
          url: pull.html_url ?? `${context.serverUrl}/${owner}/${repo}/pull/${pull.number}`,
          headSha: pull.head.sha,
          headRef: pull.head.ref ?? '',
          baseSha: pull.base.sha,
          baseRef: pull.base.ref ?? '',
          fork: fromAnotherRepository(pull, `${owner}/${repo}`),
        }
      : null;
  return {
    eventName: context.eventName,
    owner,
    repo,
    headSha: pullRequest?.headSha ?? context.sha,
    branch: context.ref.startsWith('refs/heads/') ? context.ref.slice('refs/heads/'.length) : null,
    runId: context.runId,
    runUrl: context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : null,
    serverUrl: context.serverUrl,
    apiUrl: context.apiUrl,
    pullRequest,
  };
}
