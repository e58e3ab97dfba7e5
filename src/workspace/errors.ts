import { ArchalError } from '../lib/errors.js';
import type { ConfigProblem } from '../config/index.js';

export type WorkspaceErrorCode = 'invalid_config' | 'store_unavailable';

export interface WorkspaceErrorData {
  /** invalid_config: the file and every problem in it. */
  file?: string;
  problems?: ConfigProblem[];
  /** store_unavailable: which store (passwords masked). */
  store?: string;
}

/** A workspace that cannot be opened: its .archal.json is invalid, or its run store cannot be reached. */
export class WorkspaceError extends ArchalError<WorkspaceErrorCode, WorkspaceErrorData> {
  constructor(code: WorkspaceErrorCode, message: string, data: WorkspaceErrorData) {
    super(code, message, data);
    this.name = 'WorkspaceError';
  }
}
