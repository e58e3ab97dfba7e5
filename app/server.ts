import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware } from 'probot';
import { deliveryCounts } from './admission.js';
import { archalApp } from './index.js';
import type { AppRuntime } from './runtime.js';

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
  options: { port: number; host: string; worker: boolean },
): Promise<Receiver> {
  const middleware = await createNodeMiddleware(
    archalApp({ db: runtime.db, queue: runtime.queue, appId: runtime.settings.appId! }),
    { probot: runtime.probot, webhooksPath: WEBHOOK_PATH },
  );
  const server = createServer({ keepAlive: true }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === HEALTH_PATH) {
      deliveryCounts(runtime.db).then(
        (deliveries) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              status: 'ok',
              appId: runtime.settings.appId,
              store: runtime.store.kind,
              queue: runtime.queue.kind,
              worker: options.worker,
              deliveries,
            }),
          );
        },
        (error: unknown) => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'unavailable', error: `store: ${String(error)}` }));
        },
      );
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not found', webhooks: WEBHOOK_PATH, health: HEALTH_PATH }));
    });
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
