import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../lib/errors.js';
import { hostHeaderName, isLoopback, namesLoopback } from '../lib/loopback.js';
import { SecretRedactor } from '../lib/redact.js';
import { html } from './html.js';
import { contentSecurityPolicy, documentHtml, newNonce, type PageLinks } from './layout.js';
import { listPage } from './pages/list.js';
import { workflowState } from './pages/workflow.js';
import { recordPage } from './render.js';
import type { RecordSource } from './records/source.js';
import type { RecordRef } from './records/types.js';

export interface ViewerOptions {
  source: RecordSource;
  /** The environment whose secret-named variables' values are redacted, with the usual token formats. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Loopback by default: the records hold agents' answers, requests and outputs. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed in tests; random (192 bits) otherwise. */
  token?: string;
  /** Said at the top of the list (a run store that could not be opened); a function is asked on every request. */
  notices?: string[] | (() => string[]);
}

export interface RunningViewer {
  /** The URL to open, token included. */
  url: string;
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const ROUTES: Record<string, RecordRef['kind']> = {
  suites: 'suite',
  runs: 'run',
  preprod: 'preprod',
  workflows: 'workflow',
};

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The local viewer: HTML pages over the repository's records and the run store, and the JSON a
 * live workflow page polls. Every request must carry the token of the printed URL (`?token=`, or
 * `Authorization: Bearer`): without it 401, with another 403.
 */
export async function startViewer(options: ViewerOptions): Promise<RunningViewer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = digest(token);
  const host = options.host ?? '127.0.0.1';
  const withToken = (path: string) => `${path}?token=${encodeURIComponent(token)}`;
  const links: PageLinks = {
    list: withToken('/'),
    suite: (id) => withToken(`/suites/${encodeURIComponent(id)}`),
    run: (id) => withToken(`/runs/${encodeURIComponent(id)}`),
    loop: (id) => withToken(`/preprod/${encodeURIComponent(id)}`),
    workflow: (id) => withToken(`/workflows/${encodeURIComponent(id)}`),
    workflowState: (id) => withToken(`/api/workflows/${encodeURIComponent(id)}`),
    allWorkflowEvents: (id) => `${withToken(`/workflows/${encodeURIComponent(id)}`)}&events=all#events`,
  };
  const redactor = new SecretRedactor([], (options.env ?? {}) as NodeJS.ProcessEnv);
  const where = redactor.text(options.source.options.repo);

  const page = (
    response: ServerResponse,
    status: number,
    title: string,
    body: ReturnType<typeof html>,
    chart = false,
  ) => {
    const nonce = newNonce();
    send(
      response,
      status,
      'text/html; charset=utf-8',
      documentHtml({ title, body, where, mode: 'viewer', links, chart, nonce }),
      {
        'content-security-policy': contentSecurityPolicy('viewer', nonce),
      },
    );
  };

  // Set once listening: whether the address is loopback, where only this machine's names are answered.
  let loopbackOnly = true;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://viewer.invalid');
    // A web page whose DNS name was rebound to 127.0.0.1 reaches the viewer as same-origin, with its
    // own name in Host: refused before anything else, so that a leaked or guessed token is not enough.
    if (loopbackOnly && !namesLoopback(request.headers.host)) {
      const named = hostHeaderName(request.headers.host);
      send(
        response,
        403,
        'text/plain; charset=utf-8',
        `Host ${named || '(none)'} is not this machine: the viewer listens on loopback and answers only 127.0.0.1, ::1 and localhost. Open the URL \`archal view\` printed (give --host to listen elsewhere).\n`,
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD.\n', { allow: 'GET, HEAD' });
      return;
    }
    const authorization = request.headers.authorization;
    const given =
      url.searchParams.get('token') ?? (authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined);
    if (given === undefined || given === '') {
      send(
        response,
        401,
        'text/plain; charset=utf-8',
        'This viewer needs the token of the URL `archal view` printed.\n',
        {
          'www-authenticate': 'Bearer',
        },
      );
      return;
    }
    if (!timingSafeEqual(digest(given), expected)) {
      send(response, 403, 'text/plain; charset=utf-8', 'Wrong token: use the URL `archal view` printed.\n');
      return;
    }

    let parts: string[];
    try {
      parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Malformed path.\n');
      return;
    }
    if (parts.length === 0) {
      const list = await options.source.list();
      const shown = redactor.value(list);
      page(
        response,
        200,
        'Runs',
        listPage(shown, {
          links,
          query: url.searchParams.get('q') ?? '',
          notices: typeof options.notices === 'function' ? options.notices() : options.notices,
          formFields: { token },
        }),
      );
      return;
    }
    if (parts.length === 3 && parts[0] === 'api' && parts[1] === 'workflows') {
      const view = await options.source.workflowRun(parts[2]!);
      if (!view) return send(response, 404, 'application/json', JSON.stringify({ error: 'no such workflow run' }));
      send(response, 200, 'application/json', JSON.stringify(redactor.value(workflowState(view))));
      return;
    }
    const kind = parts.length === 2 ? ROUTES[parts[0]!] : undefined;
    const rendered = kind
      ? await recordPage(
          { kind, id: parts[1]! },
          { source: options.source, links, redactor, allEvents: url.searchParams.get('events') === 'all' },
        )
      : undefined;
    if (!rendered) {
      page(
        response,
        404,
        'Not found',
        html`<h1>Not found</h1>
          <p>No record at <code>${url.pathname}</code>.</p>`,
      );
      return;
    }
    page(response, 200, rendered.title, rendered.body, rendered.chart);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      send(response, 500, 'text/plain; charset=utf-8', `The viewer failed: ${redactor.text(errorMessage(error))}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  loopbackOnly = isLoopback(address.address);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${withToken('/')}`,
    host: address.address,
    port: address.port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...headers,
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
