import {
  closePull,
  createGitHubApiClient,
  findOpenPull,
  listPullFiles,
  pullNumberIn,
  upsertDraftPull,
  verifyPull,
  type GitHubApi,
} from '../github/index.js';
import type { SecretRedactor } from '../lib/redact.js';
import { runExternal } from './commands.js';
import { commitPaths, fetchRemoteBranch, pushWithLease, sameChange, tokenEnvironment } from './git.js';
import type { PreprodFailure, PreprodResult } from './schema.js';
import { headBranchOf, type PublishTarget } from './target.js';

export type PrSummary = NonNullable<PreprodResult['pr']>;

export interface PublishRequest {
  repo: string;
  target: PublishTarget;
  /** The working tree after the fix, and the paths the fix changed. */
  afterTree: string;
  fixPaths: string[];
  /** What the PR body lists. */
  fixed: PreprodFailure[];
  attempts: number;
  validation: PreprodResult['validation'];
  artifactsDir: string | null;
  redactor: SecretRedactor;
  /** The host's environment git and the PR command start from. */
  env: NodeJS.ProcessEnv;
}

function apiOf(target: PublishTarget): GitHubApi {
  return target.github ?? createGitHubApiClient(target.repository.apiUrl, target.token);
}

/** A summary of a pull request not (yet) published or verified. */
export function unpublished(publisher: PrSummary['publisher'], fields: Partial<PrSummary> = {}): PrSummary {
  return {
    publisher,
    action: 'none',
    url: null,
    number: null,
    branch: null,
    headSha: null,
    files: [],
    verified: false,
    problems: [],
    command: null,
    ...fields,
  };
}

/**
 * The built-in publisher. The change it publishes is the fix's paths, plus those of a fix PR still
 * open from an earlier run, as they are in the working tree now, committed on top of the remote
 * base. It pushes that to the fix branch with a lease, creates or updates the draft pull request,
 * and verifies it. When the base already has all of it (nothing left to change), an open pull
 * request from an earlier run is closed.
 */
export async function publishBuiltin(request: PublishRequest): Promise<PrSummary> {
  const { target } = request;
  const github = apiOf(target);
  const repository = target.repository;
  const remote = target.gitRemote ?? 'origin';
  const base = target.baseBranch;
  const branch = headBranchOf(target);
  const gitOptions = {
    cwd: request.repo,
    env: { ...request.env, ...(await tokenEnvironment(target.token, { cwd: request.repo, env: request.env })) },
  };
  const summary = unpublished('builtin', { branch });

  const open = await findOpenPull(github, repository, branch);
  const paths = [
    ...new Set([...request.fixPaths, ...(open ? await listPullFiles(github, repository, open.number) : [])]),
  ].sort();
  const parent = paths.length > 0 ? await fetchRemoteBranch(remote, base, gitOptions) : undefined;
  if (paths.length > 0 && !parent)
    return { ...summary, problems: [`the base branch '${base}' does not exist on ${describeRemote(remote)}`] };
  const title = `Archal pre-prod fix for ${base}: ${request.fixed.length} failing scenario check(s)`;
  const change = parent
    ? await commitPaths(parent, request.afterTree, paths, `${title}\n\n${fixedList(request.fixed)}\n`, gitOptions)
    : undefined;

  if (!change || change.files.length === 0) {
    if (!open) return { ...summary, verified: true };
    await closePull(
      github,
      repository,
      open.number,
      'Archal pre-prod: the scenarios pass and the base branch already has everything this pull request changed, so it is no longer needed.',
    );
    return { ...summary, action: 'closed', url: open.url, number: open.number, headSha: open.headSha, verified: true };
  }

  const previous = await fetchRemoteBranch(remote, branch, gitOptions);
  // The same change on the same base as the open pull request: keep its commit rather than churn it.
  const unchanged =
    open !== undefined && previous === open.headSha && (await sameChange(previous, change.commit, gitOptions));
  const head = unchanged ? previous : change.commit;
  if (!unchanged) await pushWithLease(remote, head, branch, previous, gitOptions);

  const { action, pull } = await upsertDraftPull(github, repository, {
    branch,
    base,
    title,
    body: prBody(request, change.files),
  });
  const verification = await verifyPull(github, repository, pull.number, { headSha: head, files: change.files });
  return {
    ...summary,
    action: unchanged ? 'unchanged' : action,
    url: pull.url,
    number: pull.number,
    headSha: head,
    files: verification.files,
    verified: verification.problems.length === 0,
    problems: verification.problems,
  };
}

/** A user's PR command (e.g. `gh pr create --draft --fill`), then the same verification. */
export async function publishWithCommand(
  request: Omit<PublishRequest, 'afterTree'> & {
    command: string;
    passEnv: readonly string[];
    validationFile: string;
    timeoutMs: number;
  },
): Promise<PrSummary> {
  const result = await runExternal({
    command: request.command,
    cwd: request.repo,
    vars: { ARCHAL_PREPROD_VALIDATION_JSON: request.validationFile },
    passEnv: request.passEnv,
    timeoutMs: request.timeoutMs,
    redactor: request.redactor,
    env: request.env,
  });
  const { stdout, ...command } = result;
  const summary = unpublished('command', { command });
  if (result.exitCode !== 0)
    return {
      ...summary,
      problems: [`the PR command ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}`],
    };
  const github = apiOf(request.target);
  const repository = request.target.repository;
  const number =
    pullNumberIn(stdout, repository) ?? (await findOpenPull(github, repository, headBranchOf(request.target)))?.number;
  if (number === undefined)
    return {
      ...summary,
      problems: ['cannot find the pull request the command opened: make it print the PR URL (gh pr create does)'],
    };
  const verification = await verifyPull(github, repository, number, { files: request.fixPaths });
  return {
    ...summary,
    action: 'created',
    url: verification.pull.url,
    number,
    branch: null,
    headSha: verification.pull.headSha,
    files: verification.files,
    verified: verification.problems.length === 0,
    problems: verification.problems,
  };
}

/** A remote for messages: its name, or its URL without credentials. */
function describeRemote(remote: string): string {
  return remote.replace(/\/\/[^/@]*@/, '//');
}

function fixedList(fixed: PreprodFailure[]): string {
  return fixed
    .map(
      (failure) =>
        `- ${failure.scenario.title}: ${failure.criterion ? `[${failure.criterion.kind}] ${failure.criterion.text}` : failure.category}`,
    )
    .join('\n');
}

function prBody(request: PublishRequest, files: string[]): string {
  const validation = request.validation
    ? `\`${request.validation.command}\` ${request.validation.passed ? 'passed' : 'failed'} (exit ${request.validation.exitCode}, ${Math.round(request.validation.durationMs / 1000)} s)`
    : 'no validation command was given';
  return request.redactor.text(
    [
      'This draft pull request was opened by the Archal pre-prod loop. Review it like any other change.',
      '',
      '### Failures fixed',
      fixedList(request.fixed) || '- (none recorded)',
      '',
      `### Attempts\n${request.attempts} fix attempt(s); after the last one every scenario passed (failing and previously passing scenarios were rerun).`,
      '',
      `### Validation\n${validation}.`,
      '',
      `### Files\n${files.map((file) => `- \`${file}\``).join('\n')}`,
      '',
      `### Evidence\n${request.artifactsDir ? `\`${request.artifactsDir}/preprod-result.json\` and \`preprod-failures.json\` in the run's artifacts.` : 'Run with --artifacts to keep the evidence.'}`,
    ].join('\n'),
  );
}
