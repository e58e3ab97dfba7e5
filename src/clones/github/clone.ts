import type { ChildProcess } from 'node:child_process';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { CloneCore } from './core.js';
import type { WorkflowRunRequest, WorkflowRunResponse } from './control/runs.js';
import { handleResults, TWIRP_PATH } from './http/actions-results.js';
import { BLOB_PREFIX, handleBlob } from './http/blobs.js';
import { GIT_PATH, handleGit } from './http/git-http.js';
import type { RateLimitOption } from './http/rate-limit.js';
import { handleRest } from './http/server.js';
import type { RouteSpec } from './http/route.js';
import type { Router } from './http/router.js';
import type { RequestLogEntry } from './request-log.js';
import { loadSeed } from './seed/named.js';
import type { Seed } from './seed/schema.js';
import { snapshot, type StateSnapshot } from './state/snapshot.js';
import type { Delivery, WebhookConfig } from './webhooks/dispatcher.js';

export interface GitHubCloneOptions {
  /** A named seed (`small-project`, the default), a path to a seed JSON file, or a seed object. */
  seed?: string | Seed;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where state changes are delivered, signed with `secret` (`X-Hub-Signature-256`). */
  webhook?: WebhookConfig;
  /** Inject a rate limit: N requests per hour per credential (403 when exceeded), or the full form. */
  rateLimit?: RateLimitOption;
  /** The token handed out for the default user (default: a random `ghp_` token). */
  token?: string;
  /**
   * Refuse tokens the clone does not know with `401 Bad credentials`, as GitHub does (a seed can
   * ask for it too, `strictTokens: true`). By default any token acts as the seed's default user,
   * so an agent given a made-up token still works.
   */
  strictTokens?: boolean;
  /**
   * When set, the control API (`/_archal/*`, except `health`) requires it in `X-Archal-Control-Token`,
   * so that an agent under test cannot read the state its criteria are checked against, or reset it.
   * Scenario runs set one; without it the control API is open (a clone you run yourself).
   */
  controlToken?: string;
  /** Largest accepted request body (default 25 MiB); larger ones get a 413. */
  maxBodyBytes?: number;
  /** How many requests the log keeps (default 10,000). */
  logCapacity?: number;
  /** Where relative seed file paths are resolved. */
  cwd?: string;
  /** When set, seed files must be inside this directory (scenario runs: the repository). */
  seedRoot?: string;
  /** The clock (for tests); default: the system clock. */
  clock?: () => Date;
  /** Where problems are reported (failed webhook deliveries, internal errors); default: stderr. */
  logger?: (line: string) => void;
}

export interface GitHubCloneHandle {
  /** The whole state as JSON (what `GET /_archal/state` returns). */
  state(): StateSnapshot;
  /** Back to the seed the clone was started (or last seeded) with; clears the request log. */
  reset(): Promise<void>;
  /** Replaces the state with another seed; clears the request log. */
  seed(seed: string | Seed): Promise<void>;
  /** The request log, oldest first (`since`: only entries after that id). */
  requests(options?: { since?: number; notImplemented?: boolean }): RequestLogEntry[];
  clearRequests(): void;
  /** Webhook deliveries with their attempts. */
  deliveries(): Delivery[];
  /** Resolves when no webhook delivery is pending. */
  idle(): Promise<void>;
  /**
   * Registers a GitHub Actions workflow run (as `POST /_archal/actions/runs`): its id, jobs, the
   * run's `GITHUB_TOKEN` and each job's `ACTIONS_RUNTIME_TOKEN`, and the runner's environment.
   */
  workflowRun(request: WorkflowRunRequest): Promise<WorkflowRunResponse>;
  /** The bare git repository of `owner/repo` on disk. */
  repositoryPath(fullName: string): string | undefined;
  stop(): Promise<void>;
}

export interface GitHubClone {
  /** REST base URL (`http://127.0.0.1:PORT`); `${apiUrl}/api/v3` also works. */
  apiUrl: string;
  /** Git base URL: `${gitUrl}/<owner>/<repo>.git`. */
  gitUrl: string;
  /** A token of the seed's default user. */
  token: string;
  /** The control API's token (`X-Archal-Control-Token`), or null when the control API is open. */
  controlToken: string | null;
  /** The instance's temporary directory (removed by stop()). */
  dir: string;
  port: number;
  handle: GitHubCloneHandle;
}

/** What a clone is built on (see `openGitHubClone`): the listening server and the instance's identity. */
export interface ListeningClone {
  server: Server;
  dir: string;
  token: string;
  controlToken: string | null;
  port: number;
  base: string;
  /** Hands the held requests, and every later one, to the clone's handler. */
  serve(handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  /** Closes the server and removes the directory (after a failed build). */
  discard(): Promise<void>;
  /** Removes the directory and forgets it (stop()). */
  removeDir(): void;
}

/** A request sent to api.github.com and routed here by route mode's proxy: it gets GitHub's own URLs. */
function viaGitHubHost(req: IncomingMessage): boolean {
  const host = req.headers.host;
  return host === 'api.github.com' || host === 'api.github.com:443';
}

/**
 * Seeds a clone whose port `openGitHubClone` bound and makes its request handler; the held requests
 * reach it when `serve()` is called.
 */
export function buildGitHubClone(
  listening: ListeningClone,
  options: GitHubCloneOptions,
): { clone: GitHubClone; serve(): void } {
  const seedRules = options.seedRoot === undefined ? {} : { root: options.seedRoot };
  const { seed, source } = loadSeed(options.seed ?? 'small-project', options.cwd, seedRules);
  const { dir, token, controlToken, base, port } = listening;
  const core = new CloneCore(dir, token, {
    webhook: options.webhook,
    rateLimit: options.rateLimit,
    strictTokens: options.strictTokens,
    maxBodyBytes: options.maxBodyBytes ?? 25 * 1024 * 1024,
    clock: options.clock ?? (() => new Date()),
    logCapacity: options.logCapacity,
    warn: options.logger ?? ((line) => process.stderr.write(`archal github clone: ${line}\n`)),
  });
  const children = new Set<ChildProcess>();
  core.applySeed(seed, source);
  // The REST route table is built on the first REST request: importing its ~200 operations (their
  // body schemas) cost every run that never calls the REST API (most scenarios' agents start after
  // the clone, and many only read) a few milliseconds of page faults.
  let router: Promise<Router<RouteSpec | null>> | undefined;
  const restRoutes = () => (router ??= import('./routes/index.js').then(({ restRouter }) => restRouter()));
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q + 1);
    let work: Promise<void>;
    const exchange = { req, res, path, search };
    if (path === '/_archal' || path.startsWith('/_archal/'))
      // Loaded on first use, as the routes below: its schemas cost every clone's start, and a
      // scenario run's agent never calls it.
      work = import('./control/handler.js').then(({ handleControl }) => handleControl(core, exchange, controlToken));
    else if (path === '/mcp')
      work = import('./mcp/handler.js').then(({ handleMcp }) =>
        handleMcp(core, exchange, viaGitHubHost(req) ? core.urlsGitHub : core.urls),
      );
    else if (path === '/graphql' || path === '/api/graphql')
      // Loaded on first use: GitHub's schema takes a second to build.
      work = import('./graphql/handler.js').then(({ handleGraphql }) =>
        handleGraphql(core, exchange, viaGitHubHost(req) ? core.urlsGitHub : core.urls),
      );
    else if (path.startsWith(BLOB_PREFIX)) work = handleBlob(core, exchange);
    else if (path.startsWith('/twirp/')) work = handleResults(core, exchange, TWIRP_PATH.exec(path)?.[1] ?? '');
    else {
      const git = GIT_PATH.exec(path);
      if (git) work = handleGit(core, { children }, exchange, git);
      else if (path === '/api/v3' || path.startsWith('/api/v3/'))
        work = restRoutes().then((router) =>
          handleRest(
            core,
            router,
            { ...exchange, path: path.slice(7) || '/' },
            { prefix: '/api/v3', urls: core.urlsV3 },
          ),
        );
      else
        work = restRoutes().then((router) =>
          handleRest(core, router, exchange, {
            prefix: '',
            urls: viaGitHubHost(req) ? core.urlsGitHub : core.urls,
          }),
        );
    }
    work.catch((error: unknown) => {
      core.config.warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  core.setBase(base);

  let stopped: Promise<void> | undefined;
  const running = listening.server;
  const handle: GitHubCloneHandle = {
    state: () => snapshot(core.store, { seed: core.seedSource }),
    reset: async () => core.reset(),
    seed: async (input) => {
      core.reseed(input, options.cwd, seedRules);
    },
    requests: (filter) => core.log.list(filter),
    clearRequests: () => core.log.clear(),
    deliveries: () => core.webhooks.list(),
    idle: () => core.webhooks.idle(),
    workflowRun: async (request) => (await import('./control/runs.js')).createWorkflowRun(core, request),
    repositoryPath: (fullName) => {
      const [owner = '', name = ''] = fullName.split('/');
      return core.store.repoByFullName(owner, name)?.git.gitDir;
    },
    stop: () =>
      (stopped ??= (async () => {
        core.webhooks.stop();
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
        for (const child of children) child.kill('SIGKILL');
        await Promise.all(
          [...children].map(
            (child) =>
              new Promise<void>((resolve) =>
                child.exitCode !== null ? resolve() : child.once('close', () => resolve()),
              ),
          ),
        );
        listening.removeDir();
      })()),
  };
  return {
    clone: { apiUrl: base, gitUrl: base, token, controlToken, dir, port, handle },
    serve: () => listening.serve(handler),
  };
}
