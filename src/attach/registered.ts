import { errorMessage } from '../lib/errors.js';
import { openWorkspace } from '../workspace/workspace.js';
import { createAttachDeps } from './deps.js';
import type { PolicyOptions } from './pipeline.js';
import type { DatabaseAttachment } from './schema.js';
import { pullRegisteredSource, type PullResult } from './sources.js';
import type { AttachStore } from './store-port.js';

export interface RegisteredPullHost {
  store: AttachStore;
  /**
   * The environment the sources' variables are read from (the host's own: a worker serving many
   * repositories never reads a repository's `.env`).
   */
  env: NodeJS.ProcessEnv;
  owner: { pid: number; host: string };
  isProcessAlive: (pid: number) => boolean;
  log: (line: string) => void;
  signal?: AbortSignal;
}

export type RegisteredPull =
  | { repo: string; source: string; ok: true; result: PullResult }
  | { repo: string; source: string; ok: false; error: string };

/**
 * One pull of every database source registered in the run store (`archal attach --source …`), each
 * in its repository, with the policy it was registered with and the repository's `.archal.json`
 * `attach` defaults. What a worker runs on a schedule; one source that fails (a variable not set, a
 * repository moved away, a database down) is reported and the others still run. A worker never
 * opens a pull request nor runs an external fix command: those need the CLI's explicit flags.
 */
export async function pullRegisteredSources(host: RegisteredPullHost): Promise<RegisteredPull[]> {
  const pulls: RegisteredPull[] = [];
  for (const { repo, source } of await host.store.listSources()) {
    if (host.signal?.aborted) break;
    try {
      pulls.push({ repo, source: source.name, ok: true, result: await pullOne(host, repo, source) });
    } catch (error) {
      pulls.push({ repo, source: source.name, ok: false, error: errorMessage(error) });
    }
  }
  return pulls;
}

async function pullOne(host: RegisteredPullHost, repo: string, source: DatabaseAttachment): Promise<PullResult> {
  const workspace = openWorkspace({ dir: repo, env: host.env });
  const deps = createAttachDeps({
    workspace,
    store: host.store,
    owner: host.owner,
    isProcessAlive: host.isProcessAlive,
    log: host.log,
    ...(host.signal ? { signal: host.signal } : {}),
  });
  await deps.ledger.reconcile();
  const defaults = workspace.config.attach ?? {};
  const options: PolicyOptions = {
    policy: source.policy,
    runs: defaults.runs ?? 1,
    fixer: {
      allowExternalExecution: false,
      ...(defaults.fixCommand ? { fixCommand: defaults.fixCommand } : {}),
      ...(defaults.fixWorkflow ? { fixWorkflow: defaults.fixWorkflow } : {}),
      openPr: false,
    },
  };
  return pullRegisteredSource(deps, source.name, {
    ...options,
    owner: host.owner,
    isProcessAlive: host.isProcessAlive,
  });
}
