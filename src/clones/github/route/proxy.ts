import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { readFileSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { shippedFile } from '../../../lib/paths.js';
import { routeAuthority, storedTrustBundle } from './ca-store.js';
import { preloadSource, ROUTE_UNDICI } from './preload.js';

/**
 * node:tls, loaded when first needed (a trust bundle to write, the first HTTPS tunnel): a scenario
 * run starts its agent right after the proxy, and loading it earlier would delay the agent's start.
 */
const tlsModule = () => process.getBuiltinModule('node:tls');

/** The hosts whose traffic reaches the clone; any other host is refused and recorded. */
export const ROUTED_HOSTS = ['api.github.com', 'github.com', 'uploads.github.com'] as const;
/** Hosts the agent reaches directly, never through the proxy (the clone's own loopback URLs). */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const MAX_REFUSED = 1000;

export interface RouteProxyOptions {
  /** Where the clone listens. */
  target: { host: string; port: number };
  /** The run's directory: the CA certificate, the trust bundle and the Node preload are written here. */
  dir: string;
  /**
   * Where the CA's certificate and the server certificate it signed are kept between runs (the
   * user's Archal home); without it, a CA is made for this proxy alone.
   */
  authorityDir?: string;
  /** Where the proxy listens (default 127.0.0.1). */
  host?: string;
  clock?: () => Date;
}

/** A request the proxy refused: the agent tried to reach a host that is not GitHub's. */
export interface RefusedRequest {
  host: string;
  port: number;
  /** `CONNECT` for HTTPS (the path is never seen), else the HTTP method. */
  method: string;
  /** The URL of a plain-HTTP request; null for a CONNECT tunnel. */
  url: string | null;
  at: string;
}

export interface RouteProxy {
  /** `http://127.0.0.1:PORT`: the value of HTTPS_PROXY and HTTP_PROXY. */
  url: string;
  port: number;
  /** The run CA's certificate alone (NODE_EXTRA_CA_CERTS adds it to Node's own roots). */
  caFile: string;
  /**
   * The CA followed by the usual public roots (for variables that replace the trust store): in the
   * run's directory, or kept beside a stored CA.
   */
  bundleFile: string;
  /** A file Node loads first (`--require`) that sends fetch() through the proxy on Node versions that ignore HTTPS_PROXY. */
  preloadFile: string;
  /**
   * The variables that route an unchanged agent to the clone, given the environment it starts from
   * (its NO_PROXY entries and NODE_OPTIONS are kept).
   */
  env(base?: NodeJS.ProcessEnv): Record<string, string>;
  /** Requests to other hosts, oldest first. */
  refused(): RefusedRequest[];
  stop(): Promise<void>;
}

/**
 * Starts a loopback HTTP proxy that sends GitHub's hosts to the clone: HTTPS through CONNECT is
 * terminated with the server certificate of the route CA (stored, or made for this proxy) and the decrypted stream piped to the clone as is
 * (its Host header tells the clone which GitHub host was meant); plain HTTP is forwarded. Every
 * other host gets a 403 and is recorded.
 */
export async function startRouteProxy(options: RouteProxyOptions): Promise<RouteProxy> {
  const authority = await routeAuthority(ROUTED_HOSTS, { dir: options.authorityDir });
  // The server certificate is minted for the first HTTPS tunnel: many runs never open one.
  let secureContext: Promise<SecureContext> | undefined;
  const serverContext = () =>
    (secureContext ??= authority.server().then((server) => tlsModule().createSecureContext(server)));
  const caFile = join(options.dir, 'route-ca.pem');
  const storedBundle =
    options.authorityDir === undefined ? undefined : storedTrustBundle(options.authorityDir, authority.caCert);
  const bundleFile = storedBundle ?? join(options.dir, 'route-ca-bundle.pem');
  const preloadFile = join(options.dir, 'route-preload.cjs');
  writeFileSync(caFile, authority.caCert);
  if (!storedBundle) writeFileSync(bundleFile, [authority.caCert, ...tlsModule().rootCertificates].join('\n'));
  writeFileSync(preloadFile, preloadSource(undiciPath()));

  const clock = options.clock ?? (() => new Date());
  const refused: RefusedRequest[] = [];
  const sockets = new Set<Duplex>();
  const { target } = options;
  const targetKeys = new Set([`${target.host}:${target.port}`, `localhost:${target.port}`]);
  const forwardAgent = new Agent({ keepAlive: true });

  const refuse = (host: string, port: number, method: string, url: string | null) => {
    if (refused.length < MAX_REFUSED) refused.push({ host, port, method, url, at: clock().toISOString() });
  };
  const openUpstream = (client: Duplex) => {
    const upstream = connect(target.port, target.host);
    track(upstream);
    upstream.setNoDelay(true);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server = createServer({ keepAlive: true }, (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end("This is Archal's route proxy: send it proxy requests (absolute URLs or CONNECT).\n");
      return;
    }
    const host = normalHost(url.hostname);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (!isRouted(host) && !targetKeys.has(`${host}:${port}`)) {
      refuse(host, port, req.method ?? 'GET', url.href);
      refusal(res, host);
      return;
    }
    const forward = httpRequest(
      {
        host: target.host,
        port: target.port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: withoutProxyHeaders(req.headers),
        agent: forwardAgent,
      },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.rawHeaders);
        upstream.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('The GitHub clone did not answer.\n');
    });
    req.pipe(forward);
  });
  server.on('connection', (socket: Socket) => {
    socket.setNoDelay(true);
    track(socket);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const [rawHost = '', rawPort = '443'] = splitHostPort(req.url ?? '');
    const host = normalHost(rawHost);
    const port = Number(rawPort);
    socket.on('error', () => socket.destroy());
    if (targetKeys.has(`${host}:${port}`) || (isRouted(host) && port === 80)) {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) socket.unshift(head);
      openUpstream(socket);
      return;
    }
    if (!isRouted(host) || port !== 443) {
      refuse(host, port, 'CONNECT', null);
      socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refusalText(host)}`);
      return;
    }
    void serverContext().then(
      (context) => {
        if (socket.destroyed) return;
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) socket.unshift(head);
        const tls = new (tlsModule().TLSSocket)(socket, {
          isServer: true,
          secureContext: context,
          ALPNProtocols: ['http/1.1'],
        });
        track(tls);
        tls.on('error', () => tls.destroy());
        openUpstream(tls);
      },
      () => socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const listenHost = options.host ?? '127.0.0.1';
  const url = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`;
  let stopped: Promise<void> | undefined;

  return {
    url,
    port,
    caFile,
    bundleFile,
    preloadFile,
    env: (base = {}) =>
      routeEnvironment({ url, caFile: nodeExtraCerts(caFile, authority.caCert, base), bundleFile, preloadFile }, base),
    refused: () => refused.slice(),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        forwardAgent.destroy();
      })),
  };
}

/**
 * What NODE_EXTRA_CA_CERTS names: the run CA, followed by the certificates the environment already
 * added that way (a company's proxy CA, for the hosts the agent reaches directly), which the
 * variable would otherwise lose.
 */
function nodeExtraCerts(caFile: string, caCert: string, base: NodeJS.ProcessEnv): string {
  const own = base.NODE_EXTRA_CA_CERTS;
  if (!own || own === caFile) return caFile;
  let extra: string;
  try {
    extra = readFileSync(own, 'utf8');
  } catch {
    return caFile;
  }
  const combined = join(dirname(caFile), 'route-ca-node.pem');
  writeFileSync(combined, `${caCert}\n${extra}`);
  return combined;
}

/** The environment of route mode (see the README: routing). */
function routeEnvironment(
  files: { url: string; caFile: string; bundleFile: string; preloadFile: string },
  base: NodeJS.ProcessEnv,
): Record<string, string> {
  const kept = (base.NO_PROXY ?? base.no_proxy ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry && !ROUTED_HOSTS.some((host) => entry.replace(/^\*?\.?/, '') === host));
  const noProxy = [...new Set([...LOOPBACK, ...kept])].join(',');
  const require = `--require ${JSON.stringify(files.preloadFile)}`;
  return {
    HTTPS_PROXY: files.url,
    https_proxy: files.url,
    HTTP_PROXY: files.url,
    http_proxy: files.url,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    NODE_EXTRA_CA_CERTS: files.caFile,
    SSL_CERT_FILE: files.bundleFile,
    REQUESTS_CA_BUNDLE: files.bundleFile,
    CURL_CA_BUNDLE: files.bundleFile,
    GIT_SSL_CAINFO: files.bundleFile,
    NODE_USE_ENV_PROXY: '1',
    NODE_OPTIONS: base.NODE_OPTIONS ? `${base.NODE_OPTIONS} ${require}` : require,
  };
}

function isRouted(host: string): boolean {
  return (ROUTED_HOSTS as readonly string[]).includes(host);
}

function normalHost(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** `host:port` of a CONNECT line, IPv6 literals in brackets. */
function splitHostPort(authority: string): [string, string] {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(authority);
  return match ? [match[1]!, match[2]!] : [authority, '443'];
}

function withoutProxyHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const copy = { ...headers };
  delete copy['proxy-authorization'];
  delete copy['proxy-connection'];
  return copy;
}

function refusalText(host: string): string {
  return `Archal route mode: ${host} is not reachable from a scenario run (only ${ROUTED_HOSTS.join(', ')} are, and they reach the run's GitHub clone). Add the host to NO_PROXY in the environment you run archal in to let the agent reach it directly.\n`;
}

function refusal(res: ServerResponse, host: string): void {
  res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
  res.end(refusalText(host));
}

/**
 * undici for the preload (Node's own copy is not importable): the build's single-file copy beside
 * the bundle (the Action has no node_modules), else the package's (running from the sources).
 */
function undiciPath(): string {
  // Through the namespace: the Action's bundler (webpack) turns a bare createRequire(import.meta.url)
  // into its own module table, where undici has a number, not a file.
  return shippedFile(ROUTE_UNDICI) ?? nodeModule.createRequire(import.meta.url).resolve('undici');
}
