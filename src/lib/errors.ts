/**
 * An error a person can act on, raised by the core. `code` says what went wrong in a form a host can
 * branch on (the CLI maps it to an exit code and a hint, the Action to a failed step, the App to a
 * comment); `message` says it in words without naming any host's commands; `data` carries what a
 * host needs to say more (the run in the way, the file and its problems…).
 */
export class ArchalError<Code extends string = string, Data extends object = object> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly data: Data,
  ) {
    super(message);
    this.name = 'ArchalError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
