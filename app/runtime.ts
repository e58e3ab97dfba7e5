import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createProbot, ProbotOctokit, type Probot } from 'probot';
import { describeStore, openStore, type KyselyStore, type StoreOptions } from '../src/store/index.js';
import { appDb, migrateAppTables, type AppDb } from './db.js';
import { JobLedger } from './jobs.js';
import { GraphileQueue } from './queue/graphile-queue.js';
import type { JobQueue } from './queue/queue.js';
import { StoreQueue } from './queue/store-queue.js';
import { isLoopback, type AppSettings } from './settings.js';

/** The App's shared parts: the store (run store + App tables), the job ledger and queue, and Probot. */
export interface AppRuntime extends AppStorage {
  settings: AppSettings;
  probot: Probot;
}

export function storeOptions(settings: AppSettings): StoreOptions {
  return settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : { home: settings.home };
}

export interface AppStorage {
  store: KyselyStore;
  db: AppDb;
  ledger: JobLedger;
  queue: JobQueue;
  storeDescription: string;
  close(): Promise<void>;
}

/** Opens the store, applies the App's migrations, and opens the queue (graphile-worker on PostgreSQL). */
export async function openStorage(settings: AppSettings): Promise<AppStorage> {
  const options = storeOptions(settings);
  const store = await openStore(options);
  try {
    const db = appDb(store);
    await migrateAppTables(db, store.kind);
    const ledger = new JobLedger(
      db,
      { id: randomUUID(), pid: process.pid, host: hostname() },
      settings.leaseMs ? { leaseMs: settings.leaseMs } : {},
    );
    const queue: JobQueue = settings.databaseUrl
      ? await GraphileQueue.open({
          connectionString: settings.databaseUrl,
          db,
          ledger,
          ...(settings.leaseMs ? { leaseMs: settings.leaseMs } : {}),
        })
      : new StoreQueue(ledger);
    return {
      store,
      db,
      ledger,
      queue,
      storeDescription: describeStore(options),
      close: async () => {
        await queue.close().catch(() => {});
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}

export async function openRuntime(settings: AppSettings): Promise<AppRuntime> {
  const storage = await openStorage(settings);
  try {
    return { ...storage, settings, probot: makeProbot(settings) };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/**
 * Probot, configured from the settings (not from the process environment). Against a GitHub on this machine
 * (the clone) Octokit's throttling and retries are off: they pace writes for github.com's limits.
 */
export function makeProbot(settings: AppSettings): Probot {
  const Octokit = isLoopback(settings.gheHost)
    ? ProbotOctokit.defaults((options: Record<string, unknown>) => ({
        ...options,
        retry: { enabled: false },
        throttle: { ...(options?.throttle as object | undefined), enabled: false },
      }))
    : ProbotOctokit;
  return createProbot({
    env: {
      APP_ID: String(settings.appId ?? ''),
      ...(settings.privateKey ? { PRIVATE_KEY: settings.privateKey } : {}),
      WEBHOOK_SECRET: settings.webhookSecret ?? '',
      ...(settings.gheHost ? { GHE_HOST: settings.gheHost, GHE_PROTOCOL: settings.gheProtocol } : {}),
      LOG_LEVEL: settings.logLevel as NodeJS.ProcessEnv['LOG_LEVEL'],
      ...(settings.logFormat ? { LOG_FORMAT: settings.logFormat } : {}),
    },
    overrides: { Octokit: Octokit as typeof ProbotOctokit },
  });
}
