import { ArchalError } from '../lib/errors.js';
import type { RunRecord } from './run-store.js';

export type RunRefusalCode =
  /** Another active run holds the working path (`activeRun`). */
  | 'path_busy'
  /** No run has this id (or unique prefix). */
  | 'run_not_found'
  /** Several runs start with this prefix (`matches`). */
  | 'run_id_ambiguous'
  /** The run waits for a decision at an approval node (`run`, `nodeId`): approve or reject it. */
  | 'run_awaiting_approval'
  /** The run is still running under a live owner (`run`): cancel it first. */
  | 'run_still_running'
  /** The run is completed or cancelled (`run`): nothing to resume. */
  | 'run_not_resumable'
  /** A start that asked to resume only (`--resume`) found no failed or interrupted run of the workflow in the path. */
  | 'no_resumable_run'
  /** An approval or rejection for a run that is not paused at an approval (`run`). */
  | 'run_not_awaiting_approval'
  /** `--decision` names no decision the waiting approval declares (`run`, `nodeId`). */
  | 'decision_not_declared'
  /** Someone else decided or cancelled the run first (`run`). */
  | 'run_already_decided'
  /** Another process took the run over, or cancelled it, a moment before this one could. */
  | 'run_taken'
  /** Processes of the run's earlier attempt survived SIGKILL (`run`): its nodes do not run again until they are gone. */
  | 'run_processes_alive';

export interface RunRefusalData {
  /** The run the request was about. */
  run?: RunRecord;
  /** path_busy: the run holding the working path. */
  activeRun?: RunRecord;
  /** run_not_found, run_id_ambiguous: what was asked for, and the ids it matched. */
  query?: string;
  matches?: string[];
  /** run_awaiting_approval: the approval node. */
  nodeId?: string;
}

/** A request the lifecycle refuses (another run holds the path, nothing to resume...). */
export class RunRefusedError extends ArchalError<RunRefusalCode, RunRefusalData> {
  constructor(code: RunRefusalCode, message: string, data: RunRefusalData = {}) {
    super(code, message, data);
    this.name = 'RunRefusedError';
  }

  /** The run in the way of a path_busy refusal. */
  get activeRun(): RunRecord | undefined {
    return this.data.activeRun;
  }
}
