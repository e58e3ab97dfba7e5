import { hostname } from 'node:os';
import { errorMessage } from '../src/lib/errors.js';
import type { Consumer } from './queue/queue.js';
import { privateKeyCheck, runDoctor } from './doctor.js';
import { openRuntime, type AppRuntime } from './runtime.js';
import { startTracePulls, type TracePulls } from './trace-pulls.js';
import { startReceiver, HEALTH_PATH, WEBHOOK_PATH, type Receiver } from './server.js';
import { readSettings, SECRET_VARIABLES, type AppSettings } from './settings.js';
import { startSetup } from './setup.js';
import { redactSecretsOf } from './markdown.js';
import { handleJob } from './worker/dispatch.js';
import type { WorkerContext } from './worker/context.js';
import { hardenedGitEnv } from './worker/repo.js';

/**
 * The App's entry, reached from `archal app start|doctor` (the CLI imports this module at run time:
 * src/ never imports app/). Returns the exit code.
 */

export interface StartOptions {
  port?: number;
  host?: string;
  workers: number;
  /** Receive webhooks (false with --worker-only). */
  receive: boolean;
  /** Run jobs (false with --no-worker). */
  work: boolean;
}

const print = (line: string) => process.stderr.write(`${line}\n`);

export async function appStart(options: StartOptions, env: NodeJS.ProcessEnv): Promise<number> {
  redactSecretsOf(env);
  const settings = readSettings(env);
  if (settings.problems.length > 0) {
    for (const problem of settings.problems) print(`archal app: ${problem}`);
    return 2;
  }
  const port = options.port ?? settings.port;
  const host = options.host ?? settings.host;
  if (settings.appId === undefined) {
    if (!options.receive) {
      print(
        'archal app: --worker-only needs APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH); `archal app doctor` checks the setup.',
      );
      return 2;
    }
    // Probot takes port 0 as its default, 3000, and the manifest's webhook URL needs the port it listens on.
    if (port === 0) {
      print(
        'archal app: the setup flow (no APP_ID) needs a fixed port: the App it registers sends its webhooks there. ' +
          'Give --port N (or PORT), not 0.',
      );
      return 2;
    }
    const setup = await startSetup(settings, { port, host }, env);
    await waitForSignal();
    await setup.stop();
    return 0;
  }
  // An APP_ID says the App is registered: the setup flow would register a second one.
  const key = privateKeyCheck(settings);
  if (key.status !== 'ok') {
    print(`archal app: ${key.message}\n${key.fix ?? ''}`.trimEnd());
    return 2;
  }
  if (options.receive && !settings.webhookSecret) {
    print('archal app: WEBHOOK_SECRET is not set; it must match the secret of the App’s webhook on GitHub.');
    return 2;
  }

  let runtime: AppRuntime;
  try {
    runtime = await openRuntime(settings);
  } catch (error) {
    print(`archal app: cannot open the store: ${errorMessage(error)}`);
    return 1;
  }
  forgetSecrets(env);
  const log = (message: string) => runtime.probot.log.info(message);
  let receiver: Receiver | undefined;
  let consumer: Consumer | undefined;
  let tracePulls: TracePulls | undefined;
  try {
    // A worker-only process serves its health endpoint when given a port (--port or PORT: containers).
    if (options.receive || options.port !== undefined || settings.portSet)
      receiver = await startReceiver(runtime, { port, host, worker: options.work, webhooks: options.receive });
    if (options.work)
      consumer = await runtime.queue.consume({
        concurrency: options.workers,
        handle: (job, signal) => handleJob(workerContext(runtime, settings, env, log), job, signal),
        log,
      });
    if (options.work && settings.tracePullMs > 0)
      tracePulls = startTracePulls({
        store: runtime.store,
        env,
        intervalMs: settings.tracePullMs,
        log: { info: log, warn: (message) => runtime.probot.log.warn(message) },
      });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    print(
      code === 'EADDRINUSE'
        ? `archal app: port ${port} is already in use`
        : `archal app: cannot start: ${errorMessage(error)}`,
    );
    await consumer?.stop(0);
    await receiver?.close();
    await runtime.close();
    return code === 'EADDRINUSE' ? 2 : 1;
  }
  const parts = [
    receiver && options.receive
      ? `webhooks ${receiver.url}${WEBHOOK_PATH} (health ${receiver.url}${HEALTH_PATH})`
      : `no receiver${receiver ? ` (health ${receiver.url}${HEALTH_PATH})` : ''}`,
    consumer ? `${options.workers} worker(s) on the ${runtime.queue.kind} queue` : 'no worker',
    ...(tracePulls ? [`trace sources pulled every ${settings.tracePullMs / 1000} s`] : []),
    `store ${runtime.storeDescription}`,
    `GitHub ${settings.apiUrl}`,
  ];
  print(`Archal App ${settings.appId} running (pid ${process.pid}): ${parts.join('; ')}`);
  await waitForSignal();
  print('Archal App stopping…');
  await tracePulls?.stop();
  await consumer?.stop();
  await receiver?.close();
  await runtime.close();
  return 0;
}

export async function appDoctor(options: { json: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  return runDoctor(readSettings(env), options);
}

function workerContext(
  runtime: AppRuntime,
  settings: AppSettings,
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): WorkerContext {
  return {
    probot: runtime.probot,
    appId: settings.appId!,
    apiUrl: settings.apiUrl,
    db: runtime.db,
    store: runtime.store,
    ledger: runtime.ledger,
    queue: runtime.queue,
    home: settings.home,
    env,
    agentReadToken: settings.agentToken === 'read',
    log,
    owner: { pid: process.pid, host: hostname() },
    // App runs heartbeat every 2 s: one silent for the lease is stale, and another host may take it over.
    ...(settings.leaseMs ? { staleAfterMs: settings.leaseMs } : { staleAfterMs: 2 * 60 * 1000 }),
  };
}

/**
 * Once read, the App's secrets leave the process environment, so that no process the worker starts
 * (git, agents, their tools) inherits them; every git the worker starts gets the hardened settings.
 */
function forgetSecrets(env: NodeJS.ProcessEnv): void {
  for (const target of [env, process.env]) {
    for (const name of SECRET_VARIABLES) delete target[name];
    Object.assign(target, hardenedGitEnv());
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
