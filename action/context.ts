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

interface PullPayload {
  number?: number;
  html_url?: string;
  head?: { sha?: string; ref?: string; repo?: { full_name?: string; fork?: boolean } | null };
  base?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
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
          fork:
            Boolean(pull.head.repo?.fork) ||
            (pull.head.repo?.full_name !== undefined &&
              pull.base.repo?.full_name !== undefined &&
              pull.head.repo.full_name !== pull.base.repo.full_name) ||
            pull.head.repo === null,
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
