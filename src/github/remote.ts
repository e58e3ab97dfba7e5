import { maskUrlPassword } from '../lib/redact.js';

/** A repository on GitHub (github.com or GitHub Enterprise) and the REST API that serves it. */
export interface GitHubRepository {
  owner: string;
  repo: string;
  /** The REST API base, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string;
}

/** Where a repository lives on GitHub, from its git remote URL. */
export interface GitHubRemote extends GitHubRepository {
  /** The remote URL as configured. */
  url: string;
  host: string;
}

export type GitHubRemoteLookup = { ok: true; remote: GitHubRemote } | { ok: false; reason: string };

/**
 * Parses `https://github.com/o/r(.git)`, `git@github.com:o/r.git` and `ssh://…`. A host other than
 * github.com counts as GitHub only when `apiUrl` says where its API is (GitHub Enterprise, Archal's
 * clone; the CLI takes it from GITHUB_API_URL).
 */
export function parseGitHubRemote(url: string, options: { apiUrl?: string } = {}): GitHubRemoteLookup {
  const trimmed = url.trim();
  const match =
    /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+(?::\d+)?)\/(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(trimmed) ??
    /^(?:[^@/]+@)?([^/:]+):(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(trimmed);
  if (!match)
    return {
      ok: false,
      reason: `origin ${JSON.stringify(maskUrlPassword(trimmed))} is not a repository URL of the form <host>/<owner>/<repo>`,
    };
  const [, hostWithPort, owner, repo] = match as unknown as [string, string, string, string];
  const host = hostWithPort.replace(/:\d+$/, '');
  const configured = options.apiUrl?.trim();
  if (configured)
    return {
      ok: true,
      remote: { owner, repo, apiUrl: configured.replace(/\/$/, ''), url: trimmed, host: hostWithPort },
    };
  if (host === 'github.com' || host === 'www.github.com')
    return { ok: true, remote: { owner, repo, apiUrl: 'https://api.github.com', url: trimmed, host } };
  return {
    ok: false,
    reason: `origin is on ${host}, not github.com; set GITHUB_API_URL to its GitHub API (GitHub Enterprise: https://${host}/api/v3)`,
  };
}

/**
 * GitHub refused a write for lack of permission: a read-only token (a fork's pull request), an
 * installation without the permission, or a user without access.
 */
export function isPermissionError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  const message = error instanceof Error ? error.message : '';
  return status === 403 || (status === 404 && /not accessible|not found/i.test(message)) || status === 401;
}

/** GitHub failed on its side (a 5xx) rather than refusing the request. */
export function isServerError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 500 && status <= 599;
}
