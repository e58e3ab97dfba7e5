import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware } from 'probot';
import { sql } from 'kysely';
import { archalApp } from './index.js';
import type { AppRuntime } from './runtime.js';
import { readWebhookBody } from './webhook-body.js';

export const WEBHOOK_PATH = '/api/github/webhooks';
export const HEALTH_PATH = '/api/github/health';

export interface Receiver {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * The webhook receiver: Probot's middleware at its default path (signature checked, then the App's
 * handler stores the delivery before the 200), and a health endpoint beside it that also proves the
 * store answers.
 */
export async function startReceiver(
  runtime: AppRuntime,
  options: { port: number; host: string; worker: boolean; webhooks: boolean },
): Promise<Receiver> {
  // A worker-only process answers its health endpoint and nothing else.
  const middleware = options.webhooks
    ? await createNodeMiddleware(archalApp({ db: runtime.db, queue: runtime.queue, appId: runtime.settings.appId! }), {
        probot: runtime.probot,
        webhooksPath: WEBHOOK_PATH,
      })
    : undefined;
  const server = createServer({ keepAlive: true }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === HEALTH_PATH) {
      // One indexed query: the store answers, and how many jobs wait.
      sql<{ queued: number }>`select count(*) as queued from app_jobs where status = 'queued'`.execute(runtime.db).then(
        ({ rows }) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              status: 'ok',
              appId: runtime.settings.appId,
              store: runtime.store.kind,
              queue: runtime.queue.kind,
              receiver: options.webhooks,
              worker: options.worker,
              queued: Number(rows[0]?.queued ?? 0),
            }),
          );
        },
        (error: unknown) => {
          // The endpoint answers anyone: the store's error (its host, user, tables) goes to the log only.
          runtime.probot.log.error(`health: the run store did not answer: ${String(error)}`);
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'unavailable', error: "the run store did not answer (see the App's log)" }));
        },
      );
      return;
    }
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          message: 'Not found',
          ...(options.webhooks ? { webhooks: WEBHOOK_PATH } : {}),
          health: HEALTH_PATH,
        }),
      );
    };
    if (!middleware) return notFound();
    if (req.method !== 'POST' || path !== WEBHOOK_PATH) return void middleware(req, res, notFound);
    readWebhookBody(req).then(
      (body) => {
        if (!body.ok) {
          res.writeHead(body.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: body.message }));
          return;
        }
        // Octokit's middleware takes a body already read as a string in place of the stream.
        void middleware(Object.assign(req, { body: body.text }), res, notFound);
      },
      () => res.destroy(),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
