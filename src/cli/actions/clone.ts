import { archalAliases } from '../../harness/aliases.js';
import { EXIT, UserError } from '../errors.js';
import { workDir, type GlobalOptions } from '../host.js';
import { shellWord } from '../../lib/shell-word.js';
import { err, out } from '../output.js';

export interface StartOptions {
  seed?: string;
  port?: string;
  host?: string;
  token?: string;
  controlToken?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  rateLimit?: string;
  route?: boolean;
  json?: boolean;
}

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UserError(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  return number;
}

/** `archal clone start github`: runs the clone until Ctrl-C or SIGTERM, printing where it is. */
export async function startClone(globals: GlobalOptions, clone: string, options: StartOptions): Promise<number> {
  if (clone !== 'github') throw new UserError(`unknown clone "${clone}" (available: github)`);
  const port = integer(options.port, 'port', 0, 65535);
  const rateLimit = integer(options.rateLimit, 'rate-limit', 1, 100_000_000);
  if (options.webhookSecret && !options.webhookUrl) throw new UserError('--webhook-secret needs --webhook-url');
  if (options.webhookUrl && !/^https?:\/\//.test(options.webhookUrl))
    throw new UserError(`--webhook-url must be an http(s) URL (got "${options.webhookUrl}")`);
  const { startGitHubClone, startRouteProxy, SeedError } = await import('../../clones/github/index.js');
  let started;
  try {
    started = await startGitHubClone({
      // Archal's clone:seed form (`github:enterprise-repo`) names the same seed.
      seed: (options.seed ?? 'small-project').replace(/^github:(?!\/)/i, ''),
      port,
      host: options.host,
      token: options.token,
      controlToken: options.controlToken,
      cwd: workDir(globals),
      rateLimit,
      webhook: options.webhookUrl ? { url: options.webhookUrl, secret: options.webhookSecret } : undefined,
    });
  } catch (error) {
    if (error instanceof SeedError) throw new UserError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use`);
    if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}`);
    throw error;
  }
  // Route mode's CA certificate and preload live in the clone's directory, removed when it stops.
  const route = options.route
    ? await startRouteProxy({ target: { host: '127.0.0.1', port: started.port }, dir: started.dir })
    : undefined;
  const routeEnv = route?.env({}) ?? {};
  // Signal handlers go in before the clone is announced: whoever reads the URLs may stop it at once.
  const interrupted = new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const seed = started.handle.state().seed;
  const harnessEnv = harnessVariables(started.apiUrl, started.token);
  if (options.json) {
    out(
      JSON.stringify({
        clone: 'github',
        seed,
        apiUrl: started.apiUrl,
        gitUrl: started.gitUrl,
        token: started.token,
        controlToken: started.controlToken,
        stateUrl: `${started.apiUrl}/_archal/state`,
        mcpUrl: `${started.apiUrl}/mcp`,
        ...(route ? { route: { proxyUrl: route.url, caFile: route.caFile, env: routeEnv } } : {}),
        harnessEnv,
        pid: process.pid,
      }),
    );
  } else {
    out(`GitHub clone running (seed: ${seed})`);
    out(`  API    ${started.apiUrl}   (also ${started.apiUrl}/api/v3)`);
    out(`  git    ${started.gitUrl}/<owner>/<repo>.git`);
    out(`  MCP    ${started.apiUrl}/mcp   (streamable HTTP)`);
    out(`  token  ${started.token}`);
    out(`  state  ${started.apiUrl}/_archal/state${started.controlToken ? '   (header X-Archal-Control-Token)' : ''}`);
    if (route) {
      out(`  route  ${route.url}   (api.github.com, github.com, uploads.github.com → this clone; CA ${route.caFile})`);
      out('Route mode: export these in the shell of the agent (Bourne shell syntax):');
      for (const [name, value] of Object.entries(routeEnv)) out(`  export ${name}=${shellWord(value)}`);
      out(`  export GH_TOKEN=${shellWord(started.token)}`);
    }
    out('To run a harness by hand against it, export these (Bourne shell syntax), then AGENT_TASK:');
    for (const [name, value] of Object.entries(harnessEnv)) out(`  export ${name}=${shellWord(value)}`);
    err('Press Ctrl-C to stop.');
  }
  await interrupted;
  const refused = route?.refused() ?? [];
  await route?.stop();
  if (refused.length > 0 && !options.json)
    err(
      `Route mode refused ${refused.length} request(s) to: ${[...new Set(refused.map((entry) => entry.host))].join(', ')}`,
    );
  await started.handle.stop();
  if (!options.json) err('GitHub clone stopped.');
  return EXIT.ok;
}

/**
 * The harness contract's variables for this clone, as a run gives them (Archal's hosted names
 * included, as its sessions export them), for a harness started by hand: all but the task.
 */
function harnessVariables(apiUrl: string, token: string): Record<string, string> {
  const cloneUrls = { github: apiUrl, githubMcp: `${apiUrl}/mcp` };
  const aliases = archalAliases({ task: '', cloneUrls, token });
  delete aliases.ARCHAL_ENGINE_TASK;
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_TOKEN: token,
    GH_TOKEN: token,
    AGENT_CLONE_URLS: JSON.stringify(cloneUrls),
    ...aliases,
  };
}
