import { mcpServers } from './cli-stream.js';
import { ProviderError } from './types.js';

/**
 * A node's MCP servers for `codex exec`: `-c mcp_servers.<name>.<key>=<TOML value>` overrides (JSON
 * literals are valid TOML here), and the variables to add to codex's own environment.
 *
 * Command-line arguments are readable by every local user (`ps`, `/proc/<pid>/cmdline`), and a
 * server's `env` holds tokens once `$VAR` is expanded, so no `env` value goes on codex's command line.
 * Codex starts a stdio server with a few variables of its own environment (HOME, PATH...) and those
 * its `env_vars` list names, under the same names. A value codex's environment already has under
 * the server's name is forwarded by that name. Any other goes into codex's environment (private to
 * this user) under a private name, never under the server's own: codex, and the commands it runs,
 * would otherwise see a GITHUB_TOKEN, NODE_OPTIONS or OPENAI_API_KEY meant for the server, and two
 * servers could want different values under one name. The server is then started through `sh`, which
 * sets the server's names from the private ones and execs the server's command. An HTTP server's
 * `headers` go the same way, through `env_http_headers` (header name to variable name).
 */
export interface CodexMcp {
  args: string[];
  env: Record<string, string>;
}

const PRIVATE_PREFIX = 'ARCHAL_MCP_ENV_';
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function codexMcpConfig(file: string, codexEnv: NodeJS.ProcessEnv): CodexMcp {
  const args: string[] = [];
  const env: Record<string, string> = {};
  /** Puts a value into codex's environment under a private name, and gives the name. */
  const hide = (value: string) => {
    const name = `${PRIVATE_PREFIX}${Object.keys(env).length}`;
    env[name] = value;
    return name;
  };
  for (const [name, server] of Object.entries(mcpServers(file))) {
    const key = /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
    const set = (field: string, value: unknown) =>
      args.push('-c', `mcp_servers.${key}.${field}=${JSON.stringify(value)}`);
    const forwarded: string[] = [];
    /** `export NAME="$PRIVATE"` for each value forwarded under a private name. */
    const exports: string[] = [];
    for (const [variable, value] of Object.entries(server.env ?? {})) {
      if (codexEnv[variable] === value) {
        forwarded.push(variable);
        continue;
      }
      // The name goes into the sh script, and sh keeps only variables with shell names.
      if (!SHELL_NAME.test(variable))
        throw new ProviderError(
          'invalid_request',
          `the MCP server "${name}" sets ${JSON.stringify(variable)} in its env, which codex cannot be given without putting its value on the command line; name the variable with letters, digits and _ only (not starting with a digit)`,
        );
      const hidden = hide(value);
      forwarded.push(hidden);
      exports.push(`export ${variable}="$${hidden}"; unset ${hidden}`);
    }
    if (exports.length > 0 && server.command !== undefined) {
      set('command', '/bin/sh');
      set('args', ['-c', `${exports.join('; ')}; exec "$@"`, 'sh', server.command, ...(server.args ?? [])]);
    } else {
      if (server.command !== undefined) set('command', server.command);
      if (server.args !== undefined) set('args', server.args);
    }
    if (server.url !== undefined) set('url', server.url);
    if (forwarded.length > 0) set('env_vars', forwarded);
    // An HTTP server's headers (an Authorization token) likewise: codex reads each from the variable
    // `env_http_headers` names.
    if (server.headers !== undefined && Object.keys(server.headers).length > 0) {
      const table = Object.entries(server.headers).map(([header, value]) => {
        return `${JSON.stringify(header)}=${JSON.stringify(hide(value))}`;
      });
      args.push('-c', `mcp_servers.${key}.env_http_headers={${table.join(',')}}`);
    }
  }
  return { args, env };
}
