import {
  closePull,
  createGitHubApiClient,
  findOpenPull,
  listPullFiles,
  pullNumberIn,
  upsertDraftPull,
  verifyPull,
  type GitHubApi,
  type GitHubPullSummary,
} from '../github/index.js';
import type { SecretRedactor } from '../lib/redact.js';
import { lastLine, runExternal } from './commands.js';
import {
  commitPaths,
  fetchRemoteBranch,
  inFixBranchCheckout,
  pushWithLease,
  sameChange,
  tokenEnvironment,
} from './git.js';
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

/** Where the fix stands on the remote once it has been committed on the base and pushed to the fix branch. */
type PushedFix =
  | { kind: 'problem'; problem: string }
  /** The base already has everything (an open pull request from an earlier run is no longer needed). */
  | { kind: 'nothing'; open: GitHubPullSummary | undefined }
  | {
      kind: 'pushed';
      open: GitHubPullSummary | undefined;
      /** The fix branch's commit, and the files it changes on the base. */
      head: string;
      files: string[];
      /** The open pull request already had exactly this change: its commit was kept. */
      unchanged: boolean;
    };

interface PublishContext {
  github: GitHubApi;
  repository: PublishTarget['repository'];
  remote: string;
  base: string;
  branch: string;
  gitOptions: { cwd: string; env: NodeJS.ProcessEnv };
}

async function publishContext(request: Pick<PublishRequest, 'target' | 'repo' | 'env'>): Promise<PublishContext> {
  const { target } = request;
  return {
    github: apiOf(target),
    repository: target.repository,
    remote: target.gitRemote ?? 'origin',
    base: target.baseBranch,
    branch: headBranchOf(target),
    gitOptions: {
      cwd: request.repo,
      env: { ...request.env, ...(await tokenEnvironment(target.token, { cwd: request.repo, env: request.env })) },
    },
  };
}

const titleOf = (request: Pick<PublishRequest, 'fixed'>, base: string) =>
  `Archal pre-prod fix for ${base}: ${request.fixed.length} failing scenario check(s)`;

/**
 * The change both publishers publish: the fix's paths, plus those of a fix PR still open from an
 * earlier run, as they are in the working tree now, committed on top of the remote base and pushed
 * to the fix branch with a lease (unless the open PR already has exactly this change).
 */
async function pushFix(request: PublishRequest, context: PublishContext): Promise<PushedFix> {
  const { github, repository, remote, base, branch, gitOptions } = context;
  const open = await findOpenPull(github, repository, branch);
  const paths = [
    ...new Set([...request.fixPaths, ...(open ? await listPullFiles(github, repository, open.number) : [])]),
  ].sort();
  const parent = paths.length > 0 ? await fetchRemoteBranch(remote, base, gitOptions) : undefined;
  if (paths.length > 0 && !parent)
    return { kind: 'problem', problem: `the base branch '${base}' does not exist on ${describeRemote(remote)}` };
  const change = parent
    ? await commitPaths(
        parent,
        request.afterTree,
        paths,
        `${titleOf(request, base)}\n\n${fixedList(request.fixed)}\n`,
        gitOptions,
      )
    : undefined;
  if (!change || change.files.length === 0) return { kind: 'nothing', open };

  const previous = await fetchRemoteBranch(remote, branch, gitOptions);
  // The same change on the same base as the open pull request: keep its commit rather than churn it.
  const unchanged =
    open !== undefined && previous === open.headSha && (await sameChange(previous, change.commit, gitOptions));
  const head = unchanged ? previous : change.commit;
  if (!unchanged) await pushWithLease(remote, head, branch, previous, gitOptions);
  return { kind: 'pushed', open, head, files: change.files, unchanged };
}

/** Nothing left to publish: an open pull request from an earlier run is closed. */
async function closeNeedless(
  summary: PrSummary,
  context: PublishContext,
  open: GitHubPullSummary | undefined,
): Promise<PrSummary> {
  if (!open) return { ...summary, verified: true };
  await closePull(
    context.github,
    context.repository,
    open.number,
    'Archal pre-prod: the scenarios pass and the base branch already has everything this pull request changed, so it is no longer needed.',
  );
  return { ...summary, action: 'closed', url: open.url, number: open.number, headSha: open.headSha, verified: true };
}

type Pushed = Extract<PushedFix, { kind: 'pushed' }>;

/**
 * What both publishers do first: the fix is pushed (see `pushFix`); a problem, or a base that already
 * has everything, ends there, else `open` opens or updates the pull request from the fix branch.
 */
async function publishFix(
  request: PublishRequest,
  publisher: PrSummary['publisher'],
  open: (pushed: Pushed, context: PublishContext, summary: PrSummary) => Promise<PrSummary>,
): Promise<PrSummary> {
  const context = await publishContext(request);
  const summary = unpublished(publisher, { branch: context.branch });
  const pushed = await pushFix(request, context);
  switch (pushed.kind) {
    case 'problem':
      return { ...summary, problems: [pushed.problem] };
    case 'nothing':
      return closeNeedless(summary, context, pushed.open);
    case 'pushed':
      return open(pushed, context, summary);
  }
}

/** A published pull request as its verification found it. */
function verified(
  summary: PrSummary,
  verification: Awaited<ReturnType<typeof verifyPull>>,
  fields: Pick<PrSummary, 'action' | 'url' | 'number' | 'headSha'>,
): PrSummary {
  return {
    ...summary,
    ...fields,
    files: verification.files,
    verified: verification.problems.length === 0,
    problems: verification.problems,
  };
}

/**
 * The built-in publisher: pushes the fix (see `pushFix`), creates or updates the draft pull
 * request, and verifies it. When the base already has all of it, an open pull request from an
 * earlier run is closed.
 */
export function publishBuiltin(request: PublishRequest): Promise<PrSummary> {
  return publishFix(request, 'builtin', async (pushed, { github, repository, base, branch }, summary) => {
    const { action, pull } = await upsertDraftPull(github, repository, {
      branch,
      base,
      title: titleOf(request, base),
      body: prBody(request, pushed.files),
    });
    const verification = await verifyPull(github, repository, pull.number, {
      headSha: pushed.head,
      files: pushed.files,
    });
    return verified(summary, verification, {
      action: pushed.unchanged ? 'unchanged' : action,
      url: pull.url,
      number: pull.number,
      headSha: pushed.head,
    });
  });
}

/**
 * A user's PR command (e.g. `gh pr create --draft --fill`). The fix is pushed to the fix branch
 * first (see `pushFix`), and the command runs in a temporary checkout of that branch, so that it
 * opens the pull request from it; then the same verification (head, files, draft, open, checks).
 * When a pull request from the fix branch is already open (an earlier run's), the push has updated
 * it and the command is not run again.
 */
export function publishWithCommand(
  request: PublishRequest & {
    command: string;
    passEnv: readonly string[];
    validationFile: string;
    timeoutMs: number;
  },
): Promise<PrSummary> {
  return publishFix(request, 'command', async (pushed, { github, repository, remote, branch }, summary) => {
    if (pushed.open) {
      const verification = await verifyPull(github, repository, pushed.open.number, {
        headSha: pushed.head,
        files: pushed.files,
      });
      return verified(summary, verification, {
        action: pushed.unchanged ? 'unchanged' : 'updated',
        url: verification.pull.url,
        number: pushed.open.number,
        headSha: pushed.head,
      });
    }
    const { value: result, head } = await inFixBranchCheckout(
      { remote, branch, commit: pushed.head },
      { cwd: request.repo, env: request.env },
      (dir) =>
        runExternal({
          command: request.command,
          cwd: dir,
          vars: { ARCHAL_PREPROD_VALIDATION_JSON: request.validationFile },
          passEnv: request.passEnv,
          timeoutMs: request.timeoutMs,
          redactor: request.redactor,
          env: request.env,
        }),
    );
    const { stdout, ...command } = result;
    const withCommand = { ...summary, command };
    if (result.exitCode !== 0) {
      const said = lastLine(command.outputTail);
      return {
        ...withCommand,
        problems: [
          `the PR command ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}${said ? `: ${said}` : ''}`,
        ],
      };
    }
    const number = pullNumberIn(stdout, repository) ?? (await findOpenPull(github, repository, branch))?.number;
    if (number === undefined)
      return {
        ...withCommand,
        problems: [
          `cannot find the pull request the command opened: make it print the PR URL (gh pr create does), or open it from ${branch}`,
        ],
      };
    const verification = await verifyPull(github, repository, number, { headSha: head, files: pushed.files });
    return verified(withCommand, verification, {
      action: 'created',
      url: verification.pull.url,
      number,
      headSha: verification.pull.headSha,
    });
  });
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
