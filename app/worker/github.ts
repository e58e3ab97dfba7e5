import type { ProbotOctokit } from 'probot';
import { PERMISSION_LEVELS, type ArchalConfig, type PermissionLevel } from '../../src/config/index.js';
import { validateConfig } from '../../src/config/load.js';
import { errorMessage } from '../../src/lib/errors.js';
import { parseJsonWithLocation } from '../../src/lib/json-position.js';

export type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export function repoRef(fullName: string): RepoRef {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

export type RepoConfig =
  { status: 'valid'; config: ArchalConfig; found: boolean } | { status: 'invalid'; problems: string[] };

/**
 * `.archal.json` as it is on `ref` (the default branch: never a pull request's head, so that a
 * pull request cannot change what runs or who may run it).
 */
export async function readRepoConfig(github: Octokit, target: RepoRef, ref: string): Promise<RepoConfig> {
  let text: string;
  try {
    const { data } = await github.rest.repos.getContent({ ...target, path: '.archal.json', ref });
    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string')
      return { status: 'invalid', problems: ['.archal.json is not a file'] };
    text = Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (httpStatus(error) === 404) return { status: 'valid', config: {}, found: false };
    throw error;
  }
  const parsed = parseJsonWithLocation(text);
  if (!parsed.ok) return { status: 'invalid', problems: [`invalid JSON: ${parsed.message}`] };
  const result = validateConfig(parsed.value, '.archal.json');
  if (result.status === 'invalid')
    return { status: 'invalid', problems: result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) };
  return { status: 'valid', config: result.config, found: true };
}

const RANK: Record<PermissionLevel | 'none', number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

const isLevel = (value: string | undefined): value is PermissionLevel =>
  value !== undefined && (PERMISSION_LEVELS as readonly string[]).includes(value);

/**
 * The sender's role on the repository: `role_name` when it is a base role (admin, maintain, write,
 * triage, read); for a custom repository role (`role_name` is its name), the legacy `permission`
 * GitHub returns beside it (admin, write, read, none: the custom role's base role, with maintain
 * reported as write and triage as read).
 */
export async function permissionOf(
  github: Octokit,
  target: RepoRef,
  username: string,
): Promise<PermissionLevel | 'none'> {
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({ ...target, username });
    const role = (data as { role_name?: string }).role_name;
    if (isLevel(role)) return role;
    return isLevel(data.permission) ? data.permission : 'none';
  } catch (error) {
    if (httpStatus(error) === 404) return 'none';
    throw error;
  }
}

export function meets(level: PermissionLevel | 'none', minimum: PermissionLevel): boolean {
  return RANK[level] >= RANK[minimum];
}

export type TokenPermissions = Record<string, 'read' | 'write'>;

/** Read access for cloning and for the agent: nothing it could change. */
export const READ_ONLY: TokenPermissions = {
  contents: 'read',
  issues: 'read',
  pull_requests: 'read',
  checks: 'read',
  metadata: 'read',
};
/** What publishing needs: push the fix branch, open or update its pull request. */
export const PUBLISH: TokenPermissions = { contents: 'write', pull_requests: 'write', metadata: 'read' };

/** A short-lived installation token for one repository, narrowed to `permissions`. */
export async function mintToken(
  appOctokit: Octokit,
  installationId: number,
  repo: string,
  permissions: TokenPermissions,
): Promise<string> {
  const { data } = await appOctokit.rest.apps.createInstallationAccessToken({
    installation_id: installationId,
    repositories: [repo],
    permissions,
  });
  return data.token;
}

export async function reply(github: Octokit, target: RepoRef, issueNumber: number, body: string): Promise<number> {
  const { data } = await github.rest.issues.createComment({ ...target, issue_number: issueNumber, body });
  return data.id;
}

export async function editComment(github: Octokit, target: RepoRef, commentId: number, body: string): Promise<void> {
  await github.rest.issues.updateComment({ ...target, comment_id: commentId, body });
}

export function describeError(error: unknown): string {
  const status = httpStatus(error);
  return status ? `GitHub answered ${status}: ${errorMessage(error)}` : errorMessage(error);
}

/** Whether an error may pass if the job is tried again later (GitHub 5xx or 429, the network). */
export function transient(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined) return status >= 500 || status === 429;
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(code)
  );
}
