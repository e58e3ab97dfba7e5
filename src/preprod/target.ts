import { parseGitHubRemote, type GitHubApi, type GitHubRepository } from '../github/index.js';
import { currentBranch, remoteUrl } from '../lib/git.js';

/**
 * Where the fix pull request goes. A host supplies it: the CLI discovers it from the checkout
 * (`discoverPublishTarget`); the Action and the App know it from their event, so the loop runs the
 * same on a detached checkout.
 */
export interface PublishTarget {
  /** The repository the pull request is opened on, and its REST API. */
  repository: GitHubRepository;
  /** Where git fetches the base branch and pushes the fix branch: a remote of the checkout, or a URL. Default `origin`. */
  gitRemote?: string;
  /** The branch the fix pull request targets (its base): on a pull request event, that pull request's head branch. */
  baseBranch: string;
  /** The fix branch (the pull request's head). Default `archal/preprod-fix-<baseBranch>`: one per base, so reruns update one PR. */
  headBranch?: string;
  /** Contents and pull-requests write access: git pushes with it (through a credential helper, never argv), and the API is called with it unless `github` is given. */
  token: string;
  /** An API client to call instead of one made from `token` (an App's installation client, say). */
  github?: GitHubApi;
}

/** Why no target could be found; each is a `blocked` stop reason of the loop. */
export type PublishTargetProblem = 'origin_not_github' | 'missing_github_token' | 'detached_head';

export type PublishTargetLookup =
  { ok: true; target: PublishTarget } | { ok: false; stopReason: PublishTargetProblem; message: string };

/** `archal/preprod-fix-<base>`: one branch (and so one pull request) per base branch. */
export function fixBranch(base: string): string {
  return `archal/preprod-fix-${base.replace(/[^A-Za-z0-9._/-]+/g, '-')}`;
}

/** The fix branch of a target: its own, else the one of its base. */
export function headBranchOf(target: PublishTarget): string {
  return target.headBranch ?? fixBranch(target.baseBranch);
}

/**
 * The CLI's target: the checkout's `origin` on GitHub (another host needs GITHUB_API_URL), a token
 * from GITHUB_TOKEN or GH_TOKEN, and the checked-out branch as the base (a detached HEAD has none).
 */
export async function discoverPublishTarget(repo: string, env: NodeJS.ProcessEnv): Promise<PublishTargetLookup> {
  const url = await remoteUrl('origin', { cwd: repo, env });
  if (!url)
    return {
      ok: false,
      stopReason: 'origin_not_github',
      message:
        'No git remote "origin": the draft PR needs a GitHub origin. Add one (git remote add origin https://github.com/<owner>/<repo>.git), or run without --open-pr.',
    };
  const parsed = parseGitHubRemote(url, { apiUrl: env.GITHUB_API_URL });
  if (!parsed.ok) return { ok: false, stopReason: 'origin_not_github', message: parsed.reason };
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token)
    return {
      ok: false,
      stopReason: 'missing_github_token',
      message: 'Opening a pull request needs GITHUB_TOKEN (or GH_TOKEN) with contents and pull-requests write access.',
    };
  const baseBranch = await currentBranch({ cwd: repo, env });
  if (!baseBranch)
    return {
      ok: false,
      stopReason: 'detached_head',
      message: 'HEAD is detached: check out the branch the fix should target.',
    };
  const { owner, repo: name, apiUrl } = parsed.remote;
  return { ok: true, target: { repository: { owner, repo: name, apiUrl }, gitRemote: 'origin', baseBranch, token } };
}
