import { hostname } from 'node:os';
import { pullRegisteredSources, type RegisteredPull } from '../src/attach/index.js';
import { errorMessage } from '../src/lib/errors.js';
import { KyselyAttachStore, type KyselyStore } from '../src/store/index.js';
import { processAlive } from '../src/workflows/lifecycle.js';

export interface TracePulls {
  /** Stops the schedule and waits for a pull under way to end (it stops between its stages). */
  stop(): Promise<void>;
}

/**
 * The worker's schedule of the post-prod loop: every `intervalMs`, starting now, one pull of each
 * trace source registered in the run store (`archal attach --source …`), then its jobs. A pull
 * starts only after the previous one ended, so a slow database never stacks them up.
 */
export function startTracePulls(options: {
  store: KyselyStore;
  env: NodeJS.ProcessEnv;
  intervalMs: number;
  log: { info(line: string): void; warn(line: string): void };
}): TracePulls {
  const controller = new AbortController();
  const store = new KyselyAttachStore(options.store.db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const pass = async () => {
    try {
      const pulls = await pullRegisteredSources({
        store,
        env: options.env,
        owner: { pid: process.pid, host: hostname() },
        isProcessAlive: processAlive,
        log: (line) => options.log.info(line),
        signal: controller.signal,
      });
      for (const pull of pulls)
        if (pull.ok) options.log.info(describePull(pull));
        else options.log.warn(describePull(pull));
    } catch (error) {
      options.log.warn(`trace sources: cannot list the registered sources: ${errorMessage(error)}`);
    }
  };
  const tick = () => {
    running = pass().finally(() => {
      running = undefined;
      if (!controller.signal.aborted) timer = setTimeout(tick, options.intervalMs);
    });
  };
  tick();
  return {
    stop: async () => {
      controller.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

function describePull(pull: RegisteredPull): string {
  const where = `trace source ${pull.source} (${pull.repo})`;
  if (!pull.ok) return `${where}: not pulled: ${pull.error}`;
  const { rows, jobs } = pull.result;
  const statuses = jobs.map((job) => `${job.traceId} ${job.status}`).join(', ');
  return `${where}: ${rows === null ? '' : `${rows} row(s), `}${jobs.length} job(s)${statuses ? `: ${statuses}` : ''}`;
}
