import * as core from '@actions/core';
import { context } from '@actions/github';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createGitHubApiClient, type GitHubApi } from '../src/github/index.js';
import { git } from '../src/lib/git.js';
import type { SecretRedactor } from '../src/lib/redact.js';
import { resolvePreprodOptions, type PreprodOptions, type PreprodOverrides } from '../src/preprod/options.js';
import { openWorkspace, type Workspace } from '../src/workspace/workspace.js';
import { readRunContext, type RunContext } from './context.js';
import { eventNotice } from './events.js';
import { EXECUTION_INPUTS, type ActionInputs } from './inputs.js';

/** Where the Action works: the repository, its scenario directory, scratch space, and what it may do on GitHub. */
export interface ActionSetup {
  inputs: ActionInputs;
  ctx: RunContext;
  /** The runner's environment, for the Action's own clients (artifacts, summary). */
  runnerEnv: NodeJS.ProcessEnv;
  /** What the loop, the agents and the commands start from: the runner's minus its own credentials. */
  env: NodeJS.ProcessEnv;
  /** The repository root (the workspace's git top level). */
  repoRoot: string;
  /** `working-directory`: where .archal.json and the scenarios are. */
  repoDir: string;
  /** repoDir relative to repoRoot (annotation paths are relative to the repository root). */
  pathPrefix: string;
  temp: string;
  redactor: SecretRedactor;
  github: GitHubApi | null;
  /** Check runs and comments can be attempted (false without a token and on a fork's read-only token). */
  canWrite: boolean;
  /**
   * Writes GitHub refused, each on its own: a token without `checks: write` may still comment, and
   * one without `pull-requests: write` may still write the check run.
   */
  refused: { checks: boolean; comment: boolean };
  /** Said in the summary, the comment and the check run. */
  notes: string[];
}

/**
 * The runner's variables that are the Action's credentials, not the repository's: its inputs (the
 * token among them), the artifact service's runtime token and the OIDC request token. The agent
 * under test and the fix commands never see them.
 */
const RUNNER_CREDENTIALS =
  /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL)$/;

export function workspaceEnvironment(runnerEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(runnerEnv).filter(([name]) => !RUNNER_CREDENTIALS.test(name)));
}

export async function prepare(inputs: ActionInputs, redactor: SecretRedactor): Promise<ActionSetup> {
  const runnerEnv = process.env;
  const env = workspaceEnvironment(runnerEnv);
  const ctx = readRunContext(context);
  const workspace = resolve(runnerEnv.GITHUB_WORKSPACE || process.cwd());
  const repoDir = resolve(workspace, inputs['working-directory']);
  if (!statSync(repoDir, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(
      `Input 'working-directory' '${inputs['working-directory']}' is not a directory of the workspace (${workspace}): give the directory of .archal.json and the scenarios, relative to the workspace (the default is '.').`,
    );
  const repoRoot = (await git(['rev-parse', '--show-toplevel'], { cwd: repoDir, env })) ?? workspace;
  // One folder per step: a job may use the Action more than once (another working-directory, another
  // agent), and each step's results-path and failures-path must outlive the next step.
  const steps = join(runnerEnv.RUNNER_TEMP || tmpdir(), 'archal');
  mkdirSync(steps, { recursive: true });
  const temp = mkdtempSync(join(steps, `${ctx.runId || process.pid}-`));
  const token = inputs['github-token'];
  const notes: string[] = [];
  const forkPull = ctx.pullRequest?.fork === true;
  // Every event of a fork's pull request (pull_request, pull_request_review, _review_comment) gets
  // a read-only token, except pull_request_target, which runs in the base repository's context.
  const readOnly = forkPull && ctx.eventName !== 'pull_request_target';
  if (!token) notes.push('No github-token was given: results are in the job summary and annotations only.');
  const event = eventNotice(ctx);
  if (event) {
    notes.push(event);
    core.warning(event);
  }
  if (readOnly) {
    notes.push(
      'This pull request comes from a fork: its token is read-only, so no check run or comment is written; the results are in this job summary and as annotations.',
    );
    core.warning(notes.at(-1)!);
  }
  if (forkPull) inputs = refuseExecution(inputs, notes);
  return {
    inputs,
    ctx,
    runnerEnv,
    env,
    repoRoot,
    repoDir,
    pathPrefix: relative(repoRoot, repoDir),
    temp,
    redactor,
    // GitHub's own 5xx are usually gone a moment later: each write is sent up to three times.
    github: token ? createGitHubApiClient(ctx.apiUrl, token, { retries: 2, delayMs: 500 }) : null,
    canWrite: Boolean(token) && !readOnly,
    refused: { checks: false, comment: false },
    notes,
  };
}

/** A fork's code is untrusted: no fix, validation or PR command runs for it, whatever the inputs say. */
function refuseExecution(inputs: ActionInputs, notes: string[]): ActionInputs {
  const asked = EXECUTION_INPUTS.filter((name) => inputs.given.has(name));
  if (asked.length > 0) {
    notes.push(
      `Refused ${asked.map((name) => `'${name}'`).join(', ')}: fix, validation and PR commands never run on a pull request from a fork (its code is untrusted); the scenarios ran and were classified only.`,
    );
    core.warning(notes.at(-1)!);
  }
  const overrides: PreprodOverrides = {
    ...inputs.overrides,
    fixCommand: undefined,
    fixWorkflow: undefined,
    validationCommand: undefined,
    openPr: false,
    allowExternalExecution: false,
  };
  const refused = new Set<string>(asked);
  return { ...inputs, overrides, given: new Set([...inputs.given].filter((name) => !refused.has(name))) };
}

/** The workspace of `working-directory`, with its validated .archal.json. */
export function actionWorkspace(setup: ActionSetup, dir = setup.repoDir): Workspace {
  return openWorkspace({ dir, env: setup.env });
}

/**
 * The loop's options: the inputs over .archal.json "preprod", through the loop's one schema. A
 * problem of the repository's settings names the file; the Action decides where artifacts go.
 */
export function actionOptions(setup: ActionSetup, workspace: Workspace, artifacts: string): PreprodOptions {
  const resolved = resolvePreprodOptions(workspace.config.preprod, { ...setup.inputs.overrides, artifacts });
  if (!resolved.ok)
    throw new Error(
      `Invalid pre-prod options in ${workspace.configFile}:\n${resolved.problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`,
    );
  return resolved.options;
}
