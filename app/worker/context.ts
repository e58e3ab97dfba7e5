import type { Probot } from 'probot';
import type { KyselyStore } from '../../src/store/index.js';
import type { AppDb } from '../db.js';
import type { JobLedger, JobRecord } from '../jobs.js';
import type { JobQueue } from '../queue/queue.js';
import type { Octokit } from './github.js';

/** What every job handler works with. */
export interface WorkerContext {
  /** Authenticates as the App (JWT) and as its installations. */
  probot: Probot;
  appId: number;
  /** The REST API base (`https://api.github.com`, or GitHub Enterprise's `/api/v3`). */
  apiUrl: string;
  db: AppDb;
  store: KyselyStore;
  ledger: JobLedger;
  queue: JobQueue;
  /** `$ARCHAL_HOME`: mirrors, worktrees, the bundled workflows' overrides. */
  home: string;
  /** The worker's environment, from which the agents' is derived (secrets removed). */
  env: NodeJS.ProcessEnv;
  /** Whether agents get a read-only installation token (else none at all). */
  agentReadToken: boolean;
  log: (message: string) => void;
  owner: { pid: number; host: string };
  staleAfterMs?: number;
}

/** One job being handled: its record, its installation client and its abort signal (shutdown). */
export interface JobScope {
  ctx: WorkerContext;
  job: JobRecord;
  github: Octokit;
  owner: string;
  repo: string;
  signal: AbortSignal;
}
