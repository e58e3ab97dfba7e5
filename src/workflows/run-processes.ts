import { processAlive, processesWithEnv, processGroupAlive } from '../lib/process.js';
import type { LifecycleDeps } from './lifecycle.js';
import { RunRefusedError } from './run-errors.js';
import type { RunRecord } from './run-store.js';

/** The processes of runs: their owners, and the node processes a run leaves behind. */

/** A run whose heartbeat is older than this is stale (its owner is presumed gone). */
export const DEFAULT_STALE_AFTER_MS = 15 * 60 * 1000;

/** How long a takeover waits for the processes it killed to be gone. */
const GONE_TIMEOUT_MS = 10_000;

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
  return [...(await killLeftovers(deps, run, options)).all];
}

/**
 * Before a run executes again (resume, or an approval continuing it): kills what its earlier
 * attempt left on this host and waits until every one of those processes is gone, so a node that
 * was interrupted mid-flight never runs twice at once. RunRefusedError run_processes_alive when
 * some survive (a process stuck in the kernel).
 */
export async function stopLeftovers(deps: LifecycleDeps, run: RunRecord): Promise<void> {
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  let survivors: number[];
  for (;;) {
    const { groups, pids } = await killLeftovers(deps, run, { forgetOtherHosts: true });
    survivors = [
      ...groups.filter((pgid) => processGroupAlive(pgid) || processAlive(pgid)),
      ...pids.filter(processAlive),
    ];
    if (survivors.length === 0) return;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new RunRefusedError(
    'run_processes_alive',
    `Processes of an earlier attempt of run ${run.id} are still alive after SIGKILL (${survivors.join(', ')}); its nodes do not run again until they are gone.`,
    { run },
  );
}

async function killLeftovers(
  deps: LifecycleDeps,
  run: RunRecord,
  options: { forgetOtherHosts: boolean },
): Promise<{ groups: number[]; pids: number[]; all: Set<number> }> {
  const kill = deps.killProcessGroup ?? killGroup;
  const all = new Set<number>();
  const groups: number[] = [];
  for (const tracked of await deps.store.listProcesses(run.id)) {
    const local = tracked.host === deps.owner.host;
    if (local) {
      kill(tracked.pid);
      all.add(tracked.pid);
      groups.push(tracked.pid);
    }
    if (local || options.forgetOtherHosts) await deps.store.untrackProcess(run.id, tracked.pid);
  }
  const pids: number[] = [];
  for (const pid of processesWithEnv('ARCHAL_RUN_ID', run.id))
    if (pid !== process.pid && pid !== run.ownerPid && !all.has(pid)) {
      kill(pid);
      all.add(pid);
      pids.push(pid);
    }
  return { groups, pids, all };
}

export { processAlive };

function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
