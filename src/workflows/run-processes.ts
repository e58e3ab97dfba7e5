import { processesWithEnv } from '../lib/process.js';
import type { LifecycleDeps } from './lifecycle.js';
import type { RunRecord } from './run-store.js';

/** The processes of runs: their owners, and the node processes a run leaves behind. */

/** The pid of the run's owner when that is another process on this host (alive or not). */
export function otherLocalOwner(run: RunRecord, deps: Pick<LifecycleDeps, 'owner'>): number | undefined {
  const { ownerHost, ownerPid } = run;
  return ownerHost === deps.owner.host && ownerPid !== null && ownerPid !== deps.owner.pid ? ownerPid : undefined;
}

/**
 * Kills the node processes of a run on this host, those recorded and those carrying its id in
 * their environment (an owner killed just after starting a node may not have recorded it yet), and
 * forgets the recorded ones; returns the pids.
 */
export async function killTracked(
  deps: LifecycleDeps,
  run: RunRecord,
  options: { forgetOtherHosts: boolean },
): Promise<number[]> {
  const kill = deps.killProcessGroup ?? killGroup;
  const killed = new Set<number>();
  for (const tracked of await deps.store.listProcesses(run.id)) {
    const local = tracked.host === deps.owner.host;
    if (local) {
      kill(tracked.pid);
      killed.add(tracked.pid);
    }
    if (local || options.forgetOtherHosts) await deps.store.untrackProcess(run.id, tracked.pid);
  }
  for (const pid of processesWithEnv('ARCHAL_RUN_ID', run.id))
    if (pid !== process.pid && pid !== run.ownerPid && !killed.has(pid)) {
      kill(pid);
      killed.add(pid);
    }
  return [...killed];
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
