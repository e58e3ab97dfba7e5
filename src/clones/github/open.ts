import { randomBytes } from 'node:crypto';
import { mkdtempSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { scratchDir } from '../../lib/paths.js';
import { removeTree } from '../../lib/remove-tree.js';
import type { GitHubClone, GitHubCloneOptions, ListeningClone } from './clone.js';

/**
 * A clone in two steps: its port is bound (its URLs and token known) before its state is seeded and
 * its routes are loaded. A scenario run starts its agent in between, so that the clone is built while
 * the agent boots. Requests that arrive before the clone serves wait, unanswered, until it does.
 */
export interface OpenedGitHubClone {
  apiUrl: string;
  port: number;
  token: string;
  controlToken: string | null;
  /** The instance's temporary directory. */
  dir: string;
  /**
   * Seeds the clone and loads its routes; requests still wait until `serve()`, so that the caller can
   * look at the seeded state first. On failure the port is closed and the directory removed.
   */
  build(): Promise<GitHubClone>;
  /** Answers the requests that waited, and every later one (after `build()`). */
  serve(): void;
  /**
   * How many requests it has answered (started to): its state changes only through them, so with
   * none it is still the state `build()` seeded.
   */
  served(): number;
  /** Closes the port and removes the directory of a clone that will not be built. */
  abandon(): Promise<void>;
}

// Directories of running instances, removed even if the process exits without stop() (one
// listener for all instances, so starting many adds none).
const liveDirs = new Set<string>();
let exitHook = false;
function track(dir: string): void {
  liveDirs.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const live of liveDirs) removeTree(live);
  });
}

/** Binds a clone's port and makes its directory; `build()` loads and seeds the rest. */
export async function openGitHubClone(options: GitHubCloneOptions = {}): Promise<OpenedGitHubClone> {
  const dir = realpathSync(mkdtempSync(join(scratchDir(), 'archal-github-')));
  track(dir);
  const token = options.token ?? `ghp_${randomBytes(27).toString('base64url').replace(/[-_]/g, '0').slice(0, 36)}`;
  const controlToken = options.controlToken ?? null;
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const held: Array<[IncomingMessage, ServerResponse]> = [];
  let served = 0;
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    served++;
    handler!(req, res);
  };
  const server = createServer({ keepAlive: true }, (req, res) => (handler ? answer(req, res) : held.push([req, res])));
  server.keepAliveTimeout = 30_000;
  const removeDir = () => {
    // Once the agent has exited, on the way to the run's result: see removeTree.
    removeTree(dir);
    liveDirs.delete(dir);
  };
  const discard = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).finally(removeDir);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    server.close();
    removeDir();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = options.host ?? '127.0.0.1';
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const listening: ListeningClone = {
    server,
    dir,
    token,
    controlToken,
    port,
    base,
    serve: (serveWith) => {
      handler = serveWith;
      for (const [req, res] of held.splice(0)) answer(req, res);
    },
    discard,
    removeDir,
  };
  let built: Promise<GitHubClone> | undefined;
  let serve: (() => void) | undefined;
  return {
    apiUrl: base,
    port,
    token,
    controlToken,
    dir,
    build: () =>
      (built ??= import('./clone.js')
        .then(({ buildGitHubClone }) => {
          const result = buildGitHubClone(listening, options);
          serve = result.serve;
          return result.clone;
        })
        .catch(async (error: unknown) => {
          await discard();
          throw error;
        })),
    serve: () => {
      if (!serve) throw new Error('serve() before build() finished');
      serve();
    },
    served: () => served,
    abandon: discard,
  };
}

/**
 * Starts an in-process GitHub clone on loopback: REST API, git smart HTTP, webhooks, control API.
 * Each instance has its own temporary directory and state; stop() removes both.
 */
export async function startGitHubClone(options: GitHubCloneOptions = {}): Promise<GitHubClone> {
  const opened = await openGitHubClone(options);
  const clone = await opened.build();
  opened.serve();
  return clone;
}
