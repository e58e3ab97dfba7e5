import { join } from 'node:path';
import type { ArchalConfig } from '../../src/config/index.js';
import { errorMessage } from '../../src/lib/errors.js';
import { packageRoot } from '../../src/lib/paths.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { engineDefaults } from '../../src/workspace/workflows.js';
import {
  commandDirectories,
  createCommandResolver,
  discoverWorkflows,
  type Workflow,
} from '../../src/workflows/index.js';
import type { EventSink, WorkflowEvent } from '../../src/workflows/events.js';
import { untrustedSplices } from '../../src/workflows/shell-quoting.js';
import {
  approveRun,
  resumeRun,
  RunRefusedError,
  startRun,
  type LifecycleDeps,
  type StartRequest,
} from '../../src/workflows/lifecycle.js';
import type { RunRecord } from '../../src/workflows/run-store.js';
import { applyEvent, isProgressOf, renderProgress, type ProgressNode, type ProgressView } from '../progress.js';
import { agentEnvironment } from './agent-env.js';
import { CommentUpdater } from './comment.js';
import type { JobScope } from './context.js';
import { describeError, editComment, mintToken, READ_ONLY, reply, transient } from './github.js';
import { finishRun } from './finish.js';
import { getAppRun, recordJobRun, updateRun } from './records.js';
import { postedBefore } from './reply.js';
import { extractDefaults, fetchMirror, prepareWorktree, revParse, withRepoLock } from './repo.js';

/** Everything a run needs that the job and the repository's default branch decided. */
export interface RunPlan {
  workflowName: string;
  /** `$USER_MESSAGE`/`$ARGUMENTS`: the request, from a person who passed the permission gate. */
  userMessage: string;
  /** `$CONTEXT`: the issue, pull request or check, as data. */
  context: string;
  config: ArchalConfig;
  defaultBranch: string;
  cloneUrl: string;
  number: number;
  isPull: boolean;
  /** The fix branch (`archal/fix-issue-<n>`, `archal/fix-pr-<n>`). */
  branch: string;
  /** What the fix pull request targets: the default branch, or the pull request's head branch. */
  base: string;
  /** The pull request's head commit; issues start from the default branch's tip. */
  startSha?: string;
  /** Title of the issue or pull request, for the fix's title. */
  title: string;
  /** What the run fixes, for the PR body: `#3`, or `the failing check "Archal" on #5`. */
  subject: string;
}

/**
 * - start: a new run (`fresh`: from the start point, else resuming this branch's last failed run);
 * - resume: `/archal retry` of a failed run (completed nodes are kept);
 * - recover: a job taken over from a worker that died: a run left running is resumed, a run that
 *   had ended is only reported and published;
 * - approve: continues a run paused at an approval node.
 */
export type RunMode =
  | { kind: 'start'; fresh: boolean }
  | { kind: 'resume'; run: RunRecord }
  | { kind: 'recover'; run: RunRecord }
  | { kind: 'approve'; run: RunRecord; comment: string };

/** Heartbeat of App runs: a cancel from another worker is noticed within this. */
const HEARTBEAT_MS = 2_000;

/**
 * Runs (or resumes, or continues after an approval) a workflow for an issue or pull request in its
 * fix branch's worktree, with the progress comment edited as nodes change state, then publishes.
 */
export async function executeRun(scope: JobScope, plan: RunPlan, mode: RunMode): Promise<string> {
  const { ctx, job, github } = scope;
  const target = { owner: scope.owner, repo: scope.repo };
  const existing = mode.kind === 'start' ? undefined : await getAppRun(ctx.db, mode.run.id);
  let commentId = existing?.commentId ?? job.commentId;
  const startedAt = mode.kind === 'start' ? Date.now() : Date.parse(mode.run.startedAt);
  const view: ProgressView = {
    workflow: plan.workflowName,
    target: `#${plan.number}`,
    phase: 'running',
    startedAt,
    nodes: [],
    jobId: job.id,
    ...(mode.kind === 'start' ? {} : { runId: mode.run.id }),
  };
  if (commentId === null) {
    commentId =
      (await postedBefore(scope, plan.number, (body) => isProgressOf(body, job.id))) ??
      (await reply(github, target, plan.number, renderProgress({ ...view, phase: 'queued' })));
    await ctx.ledger.update(job.id, { comment_id: commentId });
  }
  // A job that continues a run holds it from now on: taken over after a crash, it recovers that run.
  if (mode.kind !== 'start' && job.runId !== mode.run.id) await ctx.ledger.update(job.id, { run_id: mode.run.id });
  const progressComment = commentId;
  const updater = new CommentUpdater((body) => editComment(github, target, progressComment, body), ctx.log);
  const fail = async (reason: string, node?: string) => {
    view.phase = 'failed';
    view.endedAt = Date.now();
    view.result = { failure: { reason, ...(node ? { node } : {}) } };
    await updater.flush(() => renderProgress(view));
    if (view.runId) await updateRun(ctx.db, view.runId, { status: 'failed' });
    return `failed: ${reason}`;
  };

  let prepared: Prepared;
  try {
    prepared = await prepare(scope, plan, mode);
  } catch (error) {
    // GitHub or the network may be back in a moment: the job is tried again (the comment stays as it is).
    if (transient(error)) throw error;
    return fail(describeError(error));
  }
  const { workflow, workingPath, env } = prepared;
  const nodes = new Map<string, ProgressNode>(
    workflow.nodes.map((node) => [node.id, { id: node.id, dependsOn: node.depends_on, state: 'pending' }]),
  );
  view.nodes = [...nodes.values()];
  if (mode.kind !== 'start') for (const event of await ctx.store.listEvents(mode.run.id)) applyEvent(nodes, event);
  updater.schedule(() => renderProgress(view));

  // `/archal cancel` while the job was setting up (no active run to cancel yet) cancelled the job
  // itself: it is checked before the run starts, and once the run is recorded as running (a cancel in
  // between aborts it).
  const cancelledMeanwhile = async () => (await ctx.ledger.get(job.id))?.status === 'cancelled';
  const cancelledBeforeStart = async (note: string) => {
    view.phase = 'cancelled';
    view.endedAt = Date.now();
    view.result = { note };
    await updater.flush(() => renderProgress(view));
    return note.toLowerCase().replace(/\.$/, '');
  };
  if (await cancelledMeanwhile()) return cancelledBeforeStart('Cancelled before its run started.');
  const stop = new AbortController();
  const recorded: Array<Promise<unknown>> = [];
  const sink: EventSink = {
    write: (event: WorkflowEvent) => {
      if (!view.runId) {
        view.runId = event.runId;
        recorded.push(
          recordJobRun(ctx.db, {
            runId: event.runId,
            jobId: job.id,
            repo: job.repo,
            number: plan.number,
            isPull: plan.isPull,
            workflow: workflow.name,
            branch: plan.branch,
            base: plan.base,
            startSha: prepared.startSha,
            commentId: progressComment,
            status: 'running',
          })
            .then(cancelledMeanwhile)
            .then((cancelled) => cancelled && stop.abort()),
        );
      }
      applyEvent(nodes, event);
      updater.schedule(() => renderProgress(view));
    },
  };
  if (view.runId)
    recorded.push(
      // A cancel that reached the run first keeps its word: the record stays cancelled.
      updateRun(ctx.db, view.runId, { status: 'running' }, { unless: ['cancelled'] })
        .then(cancelledMeanwhile)
        .then((cancelled) => cancelled && stop.abort()),
    );

  const deps: LifecycleDeps = {
    store: ctx.store,
    engine: {
      providers: createProviderRegistry(providerConfig(plan.config).assistants),
      env,
      log: (message) => ctx.log(`[${job.repo}#${plan.number}] ${message}`),
      sink,
      heartbeatIntervalMs: HEARTBEAT_MS,
    },
    owner: ctx.owner,
    ...(ctx.staleAfterMs ? { staleAfterMs: ctx.staleAfterMs } : {}),
  };
  const request: StartRequest = {
    workflow,
    workingPath,
    userMessage: plan.userMessage,
    context: plan.context,
    env,
    branch: plan.branch,
    baseBranch: plan.base,
    conversationId: conversationOf(job.repo, plan.number),
    signal: stop.signal,
  };
  let run: RecordLike;
  try {
    switch (mode.kind) {
      case 'start':
        run = (await startRun(deps, { ...request, fresh: mode.fresh })).run;
        break;
      case 'resume':
        run = (await resumeRun(deps, mode.run, request)).run;
        break;
      case 'recover':
        run = ['running', 'pending'].includes(mode.run.status)
          ? (await resumeRun(deps, mode.run, request)).run
          : mode.run;
        break;
      case 'approve': {
        const approved = await approveRun(deps, mode.run, mode.comment, request);
        // The worker that owns the run is still executing other branches: it continues the approved
        // one and finishes the run (its progress comment, its pull request).
        if (approved.kind === 'handed_over') {
          await Promise.all(recorded);
          return `approved: run ${approved.run.id} continues in its worker`;
        }
        run = approved.run;
        break;
      }
    }
  } catch (error) {
    await Promise.all(recorded);
    // A cancel that won the run before this job took it over (a retry, an approval, a recovery) is
    // the outcome, whichever of the two reached the run store first.
    if (mode.kind !== 'start' && (await ctx.store.getRun(mode.run.id))?.status === 'cancelled') {
      await updateRun(ctx.db, mode.run.id, { status: 'cancelled' });
      return cancelledBeforeStart('Cancelled before it continued.');
    }
    if (error instanceof RunRefusedError) return fail(error.message);
    return fail(`the run stopped unexpectedly: ${errorMessage(error)}`);
  }
  await Promise.all(recorded);
  return finishRun(scope, plan, { runId: run.id, workingPath, startSha: prepared.startSha, view, updater });
}

type RecordLike = Pick<RunRecord, 'id'>;

interface Prepared {
  workflow: Workflow;
  workingPath: string;
  startSha: string;
  env: NodeJS.ProcessEnv;
}

/** Fetches the repository, reads the default branch's workflows, and sets up the worktree and the agents' environment. */
async function prepare(scope: JobScope, plan: RunPlan, mode: RunMode): Promise<Prepared> {
  const { ctx, job } = scope;
  const appOctokit = await ctx.probot.auth();
  const readToken = await mintToken(appOctokit, job.installationId, scope.repo, READ_ONLY);
  const { workflow, workingPath, startSha } = await withRepoLock(job.repo, async () => {
    const mirror = await fetchMirror(ctx.home, job.repo, plan.cloneUrl, readToken);
    const defaultSha = await revParse(mirror, `refs/remotes/origin/${plan.defaultBranch}`);
    if (!defaultSha) throw new Error(`the default branch ${plan.defaultBranch} was not found after fetching`);
    const start = plan.startSha ?? defaultSha;
    if (!(await revParse(mirror, start)))
      throw new Error(`commit ${start} was not found in ${job.repo} (is the pull request's head branch gone?)`);
    const found = await findWorkflow(scope, plan, await extractDefaults(ctx.home, job.repo, mirror, defaultSha));
    const path = await prepareWorktree({
      home: ctx.home,
      mirror,
      branch: plan.branch,
      startSha: start,
      workflowName: found.name,
      store: ctx.store,
      fresh: mode.kind === 'start' && mode.fresh,
      log: ctx.log,
    });
    return { workflow: found, workingPath: path, startSha: start };
  });
  const env = agentEnvironment(ctx.env, {
    apiUrl: ctx.apiUrl,
    repository: job.repo,
    ...(ctx.agentReadToken ? { readToken } : {}),
    ...(plan.config.app?.testCommand ? { testCommand: plan.config.app.testCommand } : {}),
  });
  return { workflow, workingPath, startSha, env };
}

/** The workflow by name, from the default branch's `.archal/workflows`, `$ARCHAL_HOME/workflows` and the bundled ones. */
async function findWorkflow(scope: JobScope, plan: RunPlan, defaultsDir: string): Promise<Workflow> {
  const bundled = join(packageRoot(), 'bundled');
  const discovery = await discoverWorkflows(
    { repo: defaultsDir, home: scope.ctx.home, bundled: join(bundled, 'workflows') },
    {
      defaults: engineDefaults(providerConfig(plan.config).assistants),
      resolveCommand: createCommandResolver(commandDirectories(defaultsDir, scope.ctx.home, join(bundled, 'commands'))),
    },
  );
  const workflow = discovery.workflows.find((candidate) => candidate.name === plan.workflowName);
  if (workflow) {
    const unsafe = untrustedSplices(workflow.nodes);
    if (unsafe.length > 0)
      throw new Error(
        `workflow "${workflow.name}" is not run by the App: it puts node output where it can run as code (inside quotes in bash, in a script's code), and App runs read text anyone can write (issues, comments, check output). ${unsafe.join(' ')}`,
      );
    return workflow;
  }
  const broken = discovery.errors.find((error) => error.name === plan.workflowName);
  if (broken) throw new Error(`workflow "${plan.workflowName}" does not load: ${broken.message}`);
  throw new Error(
    `no workflow named "${plan.workflowName}" (available: ${discovery.workflows.map((w) => w.name).join(', ')})`,
  );
}

/** The repository's config with `app.provider` as the default provider of AI nodes. */
export function providerConfig(config: ArchalConfig): ArchalConfig {
  const provider = config.app?.provider;
  return provider ? { ...config, assistants: { ...config.assistants, default: provider } } : config;
}

/** The conversation of an issue or pull request's runs in the run store: `github:<owner>/<repo>#<number>`. */
export function conversationOf(repo: string, number: number): string {
  return `github:${repo}#${number}`;
}
