/** Exit codes of the CLI: 0 success, 1 the job ran and failed, 2 invalid input. */
export const EXIT = { ok: 0, failed: 1, invalidInput: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error the user can act on: its message is printed as is (no stack trace) and the process exits
 * with `exitCode`.
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
