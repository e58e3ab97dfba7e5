import { spawn, type ChildProcess } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import type { CloneCore } from '../core.js';
import { actingUser, type Actor } from '../state/actor.js';
import { requestContext, type DomainContext } from '../domain/context.js';
import { authorize, NEED } from '../state/permissions.js';
import { syncPullRefs } from '../domain/pull-refs.js';
import { afterRefsChanged, type RefUpdate } from '../domain/refs.js';
import { credential, resolveActor } from './auth.js';
import { ApiError } from '../state/errors.js';
import { nextRequestId } from './request-id.js';
import type { Exchange } from './server.js';
import { Journal } from '../state/store.js';
import { gitEnv } from '../git/env.js';
import { monotonicMs } from '../../../lib/elapsed.js';

/** `/<owner>/<repo>(.git)/<service>` — the only git paths served (smart HTTP, no dumb protocol). */
export const GIT_PATH =
  /^\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9_.-]{1,100}?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

const MAX_PUSH_BYTES = 512 * 1024 * 1024;

export interface GitServing {
  children: Set<ChildProcess>;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${text}\n`);
}

/**
 * Git clone, fetch and push through `git http-backend`, after the clone's own auth: anonymous reads
 * of public repositories, a token (`x-access-token:<token>` basic auth or bearer) for everything
 * else, write permission for pushes. A push holds the repository lock, and the refs it moved go
 * through the same path as API writes (push webhook, pull requests following their branches).
 */
export async function handleGit(
  core: CloneCore,
  serving: GitServing,
  exchange: Exchange,
  match: RegExpExecArray,
): Promise<void> {
  const { req, res, search } = exchange;
  const started = monotonicMs();
  const requestId = nextRequestId();
  const [, owner, name, servicePath] = match as unknown as [string, string, string, string];
  const query = new URLSearchParams(search);
  const service = servicePath === 'info/refs' ? (query.get('service') ?? 'git-upload-pack') : servicePath;
  const write = service === 'git-receive-pack';
  const operationId = servicePath === 'info/refs' ? 'git/info-refs' : `git/${servicePath.slice(4)}`;
  const journal = new Journal();
  const deliveries: string[] = [];
  let actor: Actor = { kind: 'anonymous' };
  let status = 200;
  const store = core.store;

  const log = () =>
    core.log.add(
      {
        requestId,
        kind: 'git',
        method: req.method ?? 'GET',
        path: req.url?.split('?')[0] ?? '',
        query: search,
        operationId,
        notImplemented: false,
        status,
        durationMs: Math.round((monotonicMs() - started) * 100) / 100,
        actor: actingUser(actor)?.login ?? null,
        changes: journal.changes,
        deliveries,
      },
      {},
    );

  const ctx = (): DomainContext => requestContext(core, { actor, journal, requestId, deliveries });

  const repo = store.repoByFullName(owner, name);
  try {
    if (service !== 'git-upload-pack' && service !== 'git-receive-pack')
      throw new ApiError(403, 'Service not available');
    const token = credential(req.headers.authorization);
    if (token) actor = resolveActor(store, token, core.unknownTokenUserId, core.now());
    if (actor.kind === 'app') throw new ApiError(401, 'Invalid username or password.');
    if (actor.kind === 'anonymous' && (write || !repo || repo.private))
      throw new ApiError(401, 'Authentication required');
    if (!repo) throw new ApiError(404, 'Repository not found.');
    authorize(store, actor, repo, write ? NEED.contentsWrite : NEED.contentsRead);
  } catch (error) {
    req.resume();
    status = error instanceof ApiError ? error.status : 500;
    const message = error instanceof ApiError ? error.message : 'Server Error';
    if (status === 401) plain(res, 401, message, { 'www-authenticate': 'Basic realm="GitHub"' });
    else if (status === 404) plain(res, 404, 'Repository not found.');
    else plain(res, status, `Permission to ${owner}/${name}.git denied to ${actingUser(actor)?.login ?? 'anonymous'}.`);
    log();
    return;
  }

  const pushing = write && req.method === 'POST';
  const run = async () => {
    if (!write)
      await syncPullRefs(core, repo).catch((error: unknown) =>
        core.config.warn(
          `pull request refs of ${owner}/${name} not updated: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    const before = pushing ? repo.git.refs.list('refs/') : undefined;
    // A push is answered only once pull requests and webhooks have caught up with it, so an agent
    // that pushes and then reads its pull request sees the new head (GitHub is eventually there).
    const afterPush = async () => {
      if (!before) return;
      const after = repo.git.refs.list('refs/');
      const updates: RefUpdate[] = [];
      // refs/pull/* are the clone's own (kept in step by fetches, never pushed to).
      const own = (ref: string) => ref.startsWith('refs/pull/');
      for (const [ref, sha] of after)
        if (!own(ref) && before.get(ref) !== sha) updates.push({ ref, before: before.get(ref) ?? null, after: sha });
      for (const [ref, sha] of before)
        if (!own(ref) && !after.has(ref)) updates.push({ ref, before: sha, after: null });
      const pusher = actingUser(actor) ?? store.get('user', repo.ownerId)!;
      await afterRefsChanged(ctx(), repo, updates, pusher);
    };
    status = await runBackend(
      serving,
      req,
      res,
      {
        projectRoot: dirname(repo.git.gitDir),
        pathInfo: `/${basename(repo.git.gitDir)}/${servicePath}`,
        search,
        user: actingUser(actor)?.login ?? '',
      },
      afterPush,
    );
  };
  try {
    await (write ? core.locks.run(repo.git.gitDir, run) : run());
  } catch (error) {
    status = 500;
    core.config.warn(`git ${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    plain(res, 500, 'git failed');
  } finally {
    log();
  }
}

interface BackendRequest {
  projectRoot: string;
  pathInfo: string;
  search: string;
  user: string;
}

/** Runs git http-backend as a CGI program and streams its answer; resolves with the HTTP status. */
function runBackend(
  serving: GitServing,
  req: IncomingMessage,
  res: ServerResponse,
  request: BackendRequest,
  beforeEnd: () => Promise<void>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], {
      env: gitEnv({
        GIT_PROJECT_ROOT: request.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: request.pathInfo,
        REQUEST_METHOD: req.method ?? 'GET',
        QUERY_STRING: request.search,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: request.user,
        REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        // Pull request refs are GitHub's: pushes to them are refused as git refuses hidden refs.
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'receive.hideRefs',
        GIT_CONFIG_VALUE_0: 'refs/pull/',
        GIT_HTTP_MAX_REQUEST_BUFFER: String(MAX_PUSH_BYTES),
      }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    serving.children.add(child);
    let status = 200;
    let headerBuffer: Buffer | undefined = Buffer.alloc(0);
    let received = 0;
    let stderr = '';
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_PUSH_BYTES) {
        child.kill('SIGKILL');
        req.destroy();
      }
    });
    req.pipe(child.stdin);
    child.stdin.on('error', () => {});
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4096)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!headerBuffer) {
        res.write(chunk);
        return;
      }
      headerBuffer = Buffer.concat([headerBuffer, chunk]);
      const end = headerEnd(headerBuffer);
      if (end === undefined) return;
      const headers: Record<string, string> = {};
      for (const line of headerBuffer.subarray(0, end.at).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon === -1) continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (key === 'status') status = Number.parseInt(value, 10) || 200;
        else headers[key] = value;
      }
      res.writeHead(status, headers);
      const rest = headerBuffer.subarray(end.at + end.length);
      headerBuffer = undefined;
      if (rest.length > 0) res.write(rest);
    });
    child.on('close', (code) => {
      serving.children.delete(child);
      if (headerBuffer !== undefined) {
        status = 500;
        plain(res, 500, `git http-backend failed (${code}): ${stderr.trim()}`);
        resolve(status);
        return;
      }
      beforeEnd().then(
        () => {
          res.end();
          resolve(status);
        },
        (error: unknown) => {
          res.end();
          reject(error);
        },
      );
    });
    child.on('error', () => {
      serving.children.delete(child);
      status = 500;
      plain(res, 500, 'git http-backend could not be started');
      resolve(status);
    });
  });
}

function headerEnd(buffer: Buffer): { at: number; length: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { at: crlf, length: 4 };
  if (lf !== -1) return { at: lf, length: 2 };
  return undefined;
}
