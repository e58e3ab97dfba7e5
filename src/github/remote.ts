import { maskUrlPassword } from '../lib/redact.js';

/** Where a repository lives on GitHub, from its git remote URL. */
export interface GitHubRemote {
  owner: string;
  repo: string;
  /** The REST API base: GITHUB_API_URL when set, https://api.github.com for github.com. */
  apiUrl: string;
  /** The remote URL as configured. */
  url: string;
  host: string;
}

export type RemoteLookup = { ok: true; remote: GitHubRemote } | { ok: false; reason: string };

/**
 * Parses `https://github.com/o/r(.git)`, `git@github.com:o/r.git` and `ssh://…`. A host other than
 * github.com counts as GitHub only when GITHUB_API_URL says where its API is (GitHub Enterprise,
 * Archal's clone).
 */
export function parseGitHubRemote(url: string, env: NodeJS.ProcessEnv = process.env): RemoteLookup {
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
  const configured = env.GITHUB_API_URL?.trim();
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
