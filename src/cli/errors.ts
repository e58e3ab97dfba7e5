import type { MissingAgentError } from '../harness/agent.js';
import type { HarnessError } from '../harness/locate.js';
import type { IsolationErrorCode } from '../isolation/worktree.js';
import { errorMessage, type ArchalError } from '../lib/errors.js';
import { shellWord } from '../lib/shell-word.js';
import type { WorkflowLookupErrorCode } from '../workflows/discovery.js';
import type { RunRefusalCode } from '../workflows/lifecycle.js';
import type { RunRecord } from '../workflows/run-store.js';
import type { WorkspaceErrorCode } from '../workspace/errors.js';

/** Exit codes of the CLI: 0 success, 1 the job ran and failed, 2 invalid input. */
export const EXIT = { ok: 0, failed: 1, invalidInput: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A mistake on the command line (a bad flag, a missing argument): its message is printed as is (no
 * stack trace) and the process exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.invalidInput,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A server of the CLI (the viewer, `trace-source serve`) that could not listen: a port in use says how
 * to pick another, a --host that is no address of this machine what to give instead.
 */
export function listenError(host: string, port: number, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EADDRINUSE':
      return new UserError(
        `Port ${port} on ${host} is in use: pass another with --port (0 picks a free one).`,
        EXIT.invalidInput,
      );
    // A name that does not resolve, or an address that is no interface here (a typo, another machine's).
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return new UserError(
        `--host ${host} is not an address of this machine: give 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).`,
        EXIT.invalidInput,
      );
    default:
      return new UserError(`Cannot listen on ${host}:${port}: ${errorMessage(error)}`, EXIT.invalidInput);
  }
}

/** Every code the core raises; the switches below are exhaustive over it. */
type CoreErrorCode =
  | RunRefusalCode
  | WorkflowLookupErrorCode
  | IsolationErrorCode
  | WorkspaceErrorCode
  | MissingAgentError['code']
  | HarnessError['code'];

/** The exit code of a core error: 2 when the input was wrong, 1 when the request was refused or failed. */
export function exitCodeOf(error: ArchalError): ExitCode {
  const code = error.code as CoreErrorCode;
  switch (code) {
    case 'invalid_config':
    case 'unreadable_file':
    case 'missing_directory':
    case 'invalid_branch':
    case 'missing_agent':
    case 'invalid_harness':
    case 'workflow_not_found':
    case 'workflow_ambiguous':
    case 'workflow_invalid':
    case 'workflow_file_not_found':
    case 'decision_not_declared':
    case 'invalid_store_url':
    case 'not_a_repository': // the directory given cannot hold a workflow run: nothing ran
      return EXIT.invalidInput;
    case 'path_busy':
    case 'run_not_found':
    case 'run_id_ambiguous':
    case 'run_awaiting_approval':
    case 'run_still_running':
    case 'run_not_resumable':
    case 'no_resumable_run':
    case 'run_not_awaiting_approval':
    case 'run_already_decided':
    case 'run_taken':
    case 'run_processes_alive':
    case 'foreign_worktree':
    case 'worktree_failed':
    case 'branch_exists':
    case 'checkout_failed':
    case 'store_unavailable':
      return EXIT.failed;
    default:
      return unknownCode(code, EXIT.failed);
  }
}

/** A code this CLI does not know yet (the switches above are exhaustive over the core's codes). */
function unknownCode<T>(code: never, fallback: T): T {
  void code;
  return fallback;
}

/** What to type next, in this CLI's words, for errors where a command helps; undefined otherwise. */
export function cliHint(error: ArchalError): string | undefined {
  const code = error.code as CoreErrorCode;
  const data = error.data as { run?: RunRecord; activeRun?: RunRecord; configArgument?: string };
  switch (code) {
    case 'path_busy': {
      const id = data.activeRun?.id ?? '<run-id>';
      return data.activeRun?.status === 'paused'
        ? `Answer it with \`archal workflow approve ${id}\` or \`archal workflow reject ${id}\`, or cancel it with \`archal workflow cancel ${id}\`.`
        : `Wait for it to finish, or cancel it with \`archal workflow cancel ${id}\`.`;
    }
    case 'run_awaiting_approval': {
      const id = data.run?.id ?? '<run-id>';
      return `Answer with \`archal workflow approve ${id} [comment]\` or \`archal workflow reject ${id} [reason]\`.`;
    }
    case 'run_still_running':
      return `Cancel it with \`archal workflow cancel ${data.run?.id ?? '<run-id>'}\`.`;
    case 'run_not_found':
      return '`archal workflow status` lists runs.';
    case 'not_a_repository':
      return 'Workflow and isolation commands run in a git repository: run `git init` there to make it one, or use --cwd <repository>.';
    case 'missing_agent':
      return 'Or pass --harness "<command>"; `archal init` writes a harness template.';
    case 'invalid_config': {
      const file = data.configArgument === undefined ? '' : ` -c ${shellWord(data.configArgument)}`;
      return `Run \`archal config validate${file}\` for details; \`archal config schema\` prints the JSON Schema.`;
    }
    case 'workflow_not_found':
    case 'workflow_ambiguous':
    case 'workflow_invalid':
    case 'workflow_file_not_found':
    case 'run_id_ambiguous':
    case 'run_not_resumable':
    case 'no_resumable_run':
    case 'run_not_awaiting_approval':
    case 'run_already_decided':
    case 'run_taken':
    case 'run_processes_alive':
    case 'decision_not_declared':
    case 'invalid_branch':
    case 'foreign_worktree':
    case 'worktree_failed':
    case 'branch_exists':
    case 'checkout_failed':
    case 'store_unavailable':
    case 'invalid_store_url':
    case 'unreadable_file':
    case 'missing_directory':
    case 'invalid_harness':
      return undefined;
    default:
      return unknownCode(code, undefined);
  }
}

/** A core error as the CLI prints it: the core's message, then the CLI's hint. */
export function describeError(error: ArchalError): string {
  const hint = cliHint(error);
  if (!hint) return error.message;
  return error.message.includes('\n') ? `${error.message}\n${hint}` : `${error.message} ${hint}`;
}
