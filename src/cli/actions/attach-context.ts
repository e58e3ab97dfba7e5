import { hostname } from 'node:os';
import {
  AttachmentsFileError,
  createAttachDeps,
  type AttachDeps,
  type AttachStore,
  type ExecutionPolicy,
  type PolicyOptions,
} from '../../attach/index.js';
import { errorMessage } from '../../lib/errors.js';
import {
  describeStore,
  KyselyAttachStore,
  openStore,
  storeOptionsFromEnv,
  storeUrlProblem,
} from '../../store/index.js';
import { processAlive } from '../../workflows/lifecycle.js';
import type { Workspace } from '../../workspace/workspace.js';
import { EXIT, UserError } from '../errors.js';
import { wholeNumber } from '../flags.js';
import { cliWorkspace, type GlobalOptions } from '../host.js';
import { err } from '../output.js';

export interface AttachContext {
  workspace: Workspace;
  deps: AttachDeps & { store: AttachStore };
  owner: { pid: number; host: string };
  isProcessAlive: (pid: number) => boolean;
}

/**
 * The repository's workspace (--cwd, then --repo), the run store and the post-prod loop's
 * dependencies; the store is closed when `action` ends. Ctrl-C and SIGTERM abort `signal`.
 */
export async function withAttach<T>(
  globals: GlobalOptions,
  repo: string | undefined,
  action: (context: AttachContext) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const workspace = cliWorkspace(globals, repo);
  const urlProblem = storeUrlProblem(workspace.env);
  if (urlProblem) throw new UserError(urlProblem);
  const options = storeOptionsFromEnv(workspace.env);
  let store;
  try {
    store = await openStore(options);
  } catch (error) {
    throw new UserError(`Cannot open the run store ${describeStore(options)}: ${errorMessage(error)}`, 1);
  }
  const owner = { pid: process.pid, host: hostname() };
  try {
    const deps = createAttachDeps({
      workspace,
      store: new KyselyAttachStore(store.db),
      owner,
      isProcessAlive: processAlive,
      log: err,
      signal,
    });
    await deps.ledger.reconcile();
    return await action({ workspace, deps, owner, isProcessAlive: processAlive });
  } catch (error) {
    // A damaged attachments.json is the user's to fix (its message says how), not a crash.
    if (error instanceof AttachmentsFileError) throw new UserError(error.message, EXIT.invalidInput);
    throw error;
  } finally {
    await store.close();
  }
}

/** An AbortController aborted by Ctrl-C or SIGTERM while `work` runs. */
export async function untilSignal<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

export interface PolicyFlags {
  executionPolicy?: string;
  runs?: string;
  allowExternalExecution?: boolean;
  fixCommand?: string;
  fixWorkflow?: string;
  openPr?: boolean;
  json?: boolean;
}

/** Flags over .archal.json "attach" over the defaults; `fallback` is the policy a source was registered with. */
export function policyOptions(workspace: Workspace, flags: PolicyFlags, fallback?: ExecutionPolicy): PolicyOptions {
  const defaults = workspace.config.attach ?? {};
  if (flags.fixCommand && flags.fixWorkflow)
    throw new UserError('--fix-command and --fix-workflow are alternatives: give one.');
  const policy =
    (flags.executionPolicy as ExecutionPolicy | undefined) ?? fallback ?? defaults.executionPolicy ?? 'reproduce';
  if (flags.openPr && policy !== 'fix') throw new UserError('--open-pr publishes a fix: add --execution-policy fix.');
  const fixerFlag = flags.fixCommand !== undefined || flags.fixWorkflow !== undefined;
  const fixCommand = fixerFlag ? flags.fixCommand : defaults.fixCommand;
  const fixWorkflow = fixerFlag ? flags.fixWorkflow : defaults.fixWorkflow;
  return {
    policy,
    runs: wholeNumber('--runs', flags.runs, 1, 20) ?? defaults.runs ?? 1,
    fixer: {
      allowExternalExecution: flags.allowExternalExecution ?? false,
      fixCommand,
      fixWorkflow,
      openPr: flags.openPr ?? false,
      // The CLI's target: the checkout's origin, GITHUB_TOKEN and branch.
      publishTarget: async () =>
        (await import('../../preprod/target.js')).discoverPublishTarget(workspace.root, workspace.env),
    },
  };
}
