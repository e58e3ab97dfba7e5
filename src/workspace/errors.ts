import { ArchalError } from '../lib/errors.js';
import type { ConfigProblem } from '../config/index.js';

export type WorkspaceErrorCode =
  | 'invalid_config'
  | 'store_unavailable'
  /** The environment names the run store with a value that is not a PostgreSQL URL. */
  | 'invalid_store_url'
  /** An input file (`file`) that is not a regular file, or is too large. */
  | 'unreadable_file'
  /** The directory to work in (`file`) does not exist or is not a directory. */
  | 'missing_directory';

export interface WorkspaceErrorData {
  /** invalid_config: the file and every problem in it. */
  file?: string;
  problems?: ConfigProblem[];
  /** invalid_config: the config file as the host was given it (`archal run -c <file>`), when not .archal.json. */
  configArgument?: string;
  /** store_unavailable: which store (passwords masked). */
  store?: string;
}

/**
 * A workspace that cannot be opened: its directory is missing, its .archal.json is invalid, an
 * input file cannot be read, or its run store cannot be reached.
 */
export class WorkspaceError extends ArchalError<WorkspaceErrorCode, WorkspaceErrorData> {
  constructor(code: WorkspaceErrorCode, message: string, data: WorkspaceErrorData) {
    super(code, message, data);
    this.name = 'WorkspaceError';
  }
}
