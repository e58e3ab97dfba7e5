import { unsetAssistantEnvProblems } from '../../config/agent-env.js';
import { CONFIG_FILE, formatConfigProblem } from '../../config/load.js';
import { checkoutInPlace, ensureWorktree } from '../../isolation/index.js';
import {
  formatWorkflowProblem,
  formatWorkflowProblems,
  resolveInputs,
  type RunOptions,
  type Workflow,
  WorkflowLookupError,
} from '../../workflows/index.js';
import {
  approveRun,
  decideRun,
  cancelRun,
  continueRejection,
  findRun,
  rejectionContinues,
  rejectRun,
  resumeRun,
  RunRefusedError,
  startRun,
  type ApprovalOutcome,
  type LifecycleDeps,
  type RunOutcome,
} from '../../workflows/lifecycle.js';
import type { RunRecord } from '../../workflows/run-store.js';
import { baseBranchOf, docsDirOf, findWorkflow, stateDirOf, workflowOfRun } from '../../workspace/workflows.js';
import { lifecycleDeps, type RepoWorkspace } from '../../workspace/workspace.js';
import { preferBaselineCode } from '../baseline-code.js';
import { describeError, EXIT, exitCodeOf, UserError } from '../errors.js';
import { withCliRepo, type GlobalOptions } from '../host.js';
import { workflowArgument } from '../workflow-argument.js';
import { keepYoungGenerationSmall } from '../young-generation.js';
import { err, out, printJson } from '../output.js';
import { progressSink } from '../render/progress.js';
import { runJson, runSummary } from '../render/workflow-run.js';
import { jsonProblem } from './workflow-definitions.js';

export interface RunFlags {
  json?: boolean;
  context?: string;
  branch?: string;
  from?: string;
  /** false with --no-worktree */
  worktree?: boolean;
  fresh?: boolean;
  /** Archon's --resume: continue the last failed run here, or refuse when there is none. */
  resume?: boolean;
  /** --input name=value, repeated. */
  input?: string[];
}

/** `--input name=value` flags as inputs (split at the first '='; `name=` is an empty value). */
function parseInputFlags(values: string[] = []): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) throw new UserError(`--input ${value}: write --input <name>=<value>`);
    inputs[value.slice(0, at).trim()] = value.slice(at + 1);
  }
  return inputs;
}

/** Flags of `workflow run` that ask for two things that cannot both happen. */
function refuseConflictingFlags(flags: RunFlags): void {
  if (flags.resume && flags.fresh)
    throw new UserError(
      '--resume and --fresh are mutually exclusive: --resume continues the last failed run, --fresh starts over.',
    );
  if (flags.resume && flags.branch)
    throw new UserError(
      '--resume and --branch are mutually exclusive: a resumed run continues where it ran. Remove --branch.',
    );
  if (flags.resume && flags.input?.length)
    throw new UserError(
      '--resume and --input are mutually exclusive: a resumed run keeps the inputs it started with. Drop --input, or start a fresh run.',
    );
  if (flags.from && !flags.branch)
    throw new UserError('--from needs --branch: it is the start point of the new branch.');
  // --no-worktree without --branch asks for what a run without --branch does anyway (Archon's
  // `workflow run quick-fix --no-worktree "Fix typo"`): run in the repository as it is.
}

export async function workflowRun(
  globals: GlobalOptions,
  target: string,
  message: string,
  flags: RunFlags,
): Promise<number> {
  refuseConflictingFlags(flags);
  const given = parseInputFlags(flags.input);
  return withCliRepo(globals, async (repo) => {
    // Once the store is open: a V8 flag changed before would make the code that opening it may load
    // (build/kysely.cjs, to migrate the store or on PostgreSQL) miss its code cache.
    keepYoungGenerationSmall();
    const lookup = await findWorkflow(repo, workflowArgument(globals, target)).catch((error: unknown) => {
      // --json answers a workflow that is not there as it answers one that does not validate.
      if (flags.json && error instanceof WorkflowLookupError)
        printJson({
          valid: false,
          workflow: target,
          errors: [jsonProblem({ file: error.data.file ?? target, message: error.message })],
          warnings: [],
        });
      throw error;
    });
    if (lookup.kind === 'invalid') {
      if (flags.json)
        printJson({
          valid: false,
          workflow: lookup.name ?? target,
          errors: lookup.errors.map(jsonProblem),
          warnings: lookup.warnings.map(jsonProblem),
        });
      err(`✗ cannot run ${lookup.file}: it is invalid:\n${formatWorkflowProblems(lookup.errors)}`);
      return EXIT.invalidInput;
    }
    for (const warning of lookup.warnings) err(`warning: ${formatWorkflowProblem(warning)}`);
    // As `archal run` warns of agent.env: an exec node (of this workflow or one it runs) passes '' for these.
    for (const problem of unsetAssistantEnvProblems(repo.config, repo.env))
      err(`warning: ${formatConfigProblem(CONFIG_FILE, problem)}`);
    const inputs = resolveInputs(lookup.workflow, given);
    if (!inputs.ok) throw new UserError(`Invalid inputs for '${lookup.workflow.name}': ${inputs.message}`);

    const policy = lookup.workflow.worktree?.enabled;
    if (policy === false && flags.branch && flags.worktree !== false)
      throw new UserError(
        `'${lookup.workflow.name}' sets worktree.enabled: false (it runs in the checkout); drop --branch or add --no-worktree.`,
      );
    if (policy === true && flags.worktree === false)
      throw new UserError(
        `'${lookup.workflow.name}' sets worktree.enabled: true: it must run in a worktree; drop --no-worktree.`,
      );
    // A workflow that must run isolated gets a worktree of its own branch when none is named.
    const branch = flags.branch ?? (policy === true ? `archal/task-${lookup.workflow.name}-${Date.now()}` : undefined);

    let workingPath = repo.root;
    if (branch) {
      if (flags.worktree === false) await checkoutInPlace(repo.root, branch, flags.from);
      else {
        const worktree = await ensureWorktree({
          repoRoot: repo.root,
          branch,
          from: flags.from,
          home: repo.home,
          workflowName: lookup.workflow.name,
          store: repo.store,
          log: err,
        });
        workingPath = worktree.path;
        err(`${worktree.reused ? 'Reusing' : 'Created'} worktree ${worktree.path} (branch ${branch})`);
      }
    }
    return execute(repo, flags, (deps, signal) =>
      startRun(deps, {
        workflow: lookup.workflow,
        workingPath,
        userMessage: message,
        context: flags.context,
        fresh: flags.fresh,
        resumeOnly: flags.resume,
        branch,
        baseBranch: baseBranchOf(repo, workingPath),
        inputs: inputs.values,
        stateDir: stateDirOf(repo),
        docsDir: docsDirOf(repo),
        signal,
      }),
    );
  });
}

export async function workflowResume(
  globals: GlobalOptions,
  runId: string,
  flags: { json?: boolean },
): Promise<number> {
  return continueRun(globals, runId, flags, (deps, run, request) => resumeRun(deps, run, request));
}

export async function workflowApprove(
  globals: GlobalOptions,
  runId: string,
  comment: string,
  flags: { json?: boolean; decision?: string },
): Promise<number> {
  const { decision } = flags;
  return continueRun(globals, runId, flags, (deps, run, request) =>
    decision === undefined ? approveRun(deps, run, comment, request) : decideRun(deps, run, decision, comment, request),
  );
}

type Continuation = (
  deps: LifecycleDeps,
  run: RunRecord,
  request: {
    workflow: Workflow;
    baseBranch: RunOptions['baseBranch'];
    signal: AbortSignal;
    stateDir: string;
    docsDir?: string;
  },
) => Promise<RunOutcome | ApprovalOutcome>;

/** Continues a stored run (resume, approve) with the definition it should continue with. */
async function continueRun(
  globals: GlobalOptions,
  runId: string,
  flags: { json?: boolean },
  step: Continuation,
): Promise<number> {
  return withCliRepo(globals, async (repo) => {
    const found = await lookUpRun(repo, runId, flags);
    if (typeof found === 'number') return found;
    const run = found;
    const workflow = await workflowOfRun(repo, run);
    return execute(repo, flags, (deps, signal) =>
      step(deps, run, {
        workflow,
        baseBranch: baseBranchOf(repo, run.workingPath),
        signal,
        stateDir: stateDirOf(repo),
        docsDir: docsDirOf(repo),
      }),
    );
  });
}

export async function workflowReject(
  globals: GlobalOptions,
  runId: string,
  reason: string,
  flags: { json?: boolean },
): Promise<number> {
  const found = await withCliRepo(globals, (repo) => lookUpRun(repo, runId, flags));
  if (typeof found === 'number') return found;
  const run = found;
  // A declared `reject` decision, or a rework with on_reject, continues the run instead of cancelling it.
  if (rejectionContinues(run))
    return continueRun(globals, runId, flags, (deps, paused, request) =>
      continueRejection(deps, paused, reason, request),
    );
  return withCliRepo(globals, async (repo) => {
    try {
      const rejected = await rejectRun(lifecycleDeps(repo), run, reason);
      if (flags.json)
        printJson({ runId: rejected.id, status: rejected.status, error: rejected.metadata.error ?? null });
      else out(`Rejected: run ${rejected.id} is ${rejected.status}. ${rejected.metadata.error ?? ''}`.trim());
      return EXIT.ok;
    } catch (error) {
      return refused(error, flags);
    }
  });
}

export async function workflowCancel(
  globals: GlobalOptions,
  runId: string,
  flags: { json?: boolean },
): Promise<number> {
  return withCliRepo(globals, async (repo) => {
    const found = await lookUpRun(repo, runId, flags);
    if (typeof found === 'number') return found;
    const run = found;
    const result = await cancelRun(lifecycleDeps(repo), run, 'Cancelled by user (archal workflow cancel)');
    if (flags.json) printJson({ runId: run.id, cancelled: result.cancelled, signalled: result.signalled });
    if (!result.cancelled) {
      const current = await repo.store.getRun(run.id);
      err(`Run ${run.id} is already ${current?.status ?? run.status}; nothing to cancel.`);
      return EXIT.failed;
    }
    if (!flags.json)
      out(
        `Cancelled run ${run.id} (${run.workflowName})${result.signalled.length ? `; stopped process(es) ${result.signalled.join(', ')}` : ''}.`,
      );
    return EXIT.ok;
  });
}

/**
 * The run `runId` (an id or a unique prefix) names, or the exit code of the refusal when it names
 * none or several: with --json that refusal is answered in JSON too, so a script always gets an object.
 */
async function lookUpRun(repo: RepoWorkspace, runId: string, flags: { json?: boolean }): Promise<RunRecord | number> {
  try {
    return await findRun(repo.store, runId);
  } catch (error) {
    return refused(error, flags);
  }
}

type Lifecycle = (deps: LifecycleDeps, signal: AbortSignal) => Promise<RunOutcome | ApprovalOutcome>;

/** Runs a lifecycle step with progress on stderr, Ctrl-C as cancel, and the run's outcome as the exit code. */
async function execute(repo: RepoWorkspace, flags: { json?: boolean }, step: Lifecycle): Promise<number> {
  preferBaselineCode();
  keepYoungGenerationSmall();
  const deps = lifecycleDeps(repo, { sink: progressSink(err), log: err });
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      err('Cancelling the run (Ctrl-C again to exit immediately)…');
      abort.abort();
    } else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let outcome: RunOutcome | ApprovalOutcome;
  try {
    outcome = await step(deps, abort.signal);
  } catch (error) {
    return refused(error, flags);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if ('kind' in outcome && outcome.kind === 'handed_over') {
    // The run's own process continues it (it was still running other branches).
    const { run, nodeId } = outcome;
    if (flags.json)
      printJson({
        runId: run.id,
        workflow: run.workflowName,
        status: run.status,
        approved: nodeId,
        continuedBy: { pid: run.ownerPid, host: run.ownerHost },
      });
    else out(`Approved '${nodeId}': run ${run.id} continues in its process (pid ${run.ownerPid ?? '?'}).`);
    return EXIT.ok;
  }
  const { result } = outcome;
  if (flags.json) printJson(runJson(result, { resumed: outcome.resumed ?? null }));
  else out(runSummary(result, repo.root));
  return result.status === 'completed' || result.status === 'paused' ? EXIT.ok : EXIT.failed;
}

function refused(error: unknown, flags: { json?: boolean }): number {
  if (error instanceof RunRefusedError) {
    if (flags.json) {
      // --json always answers in JSON: what refused the request, and the run in the way.
      const data = error.data as { run?: RunRecord; activeRun?: RunRecord };
      const other = data.activeRun ?? data.run;
      printJson({
        status: 'refused',
        error: { code: error.code, message: describeError(error) },
        activeRun: other ? { runId: other.id, workflow: other.workflowName, status: other.status } : null,
      });
    }
    err(`✗ ${describeError(error)}`);
    return exitCodeOf(error);
  }
  throw error;
}
