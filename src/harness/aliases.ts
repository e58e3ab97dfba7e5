/**
 * The names Archal's harness contract has used over time for what `AGENT_*` carries, so that a
 * harness written for Archal runs unchanged: the task (`ARCHAL_ENGINE_TASK`), the model
 * (`ARCHAL_ENGINE_MODEL`), the clones' URLs (`ARCHAL_TWIN_URLS`, `ARCHAL_CLONE_URLS`,
 * `ARCHAL_<CLONE>_URL`, `ARCHAL_<CLONE>_BASE_URL`, `ARCHAL_<CLONE>_REST_URL`, and `ARCHAL_<CLONE>_MCP_URL`
 * for its MCP endpoint), their names and the token that reaches them (`ARCHAL_TOKEN`). The `_URL`
 * names are the clone's REST base URL.
 */
export interface HarnessAliasInput {
  task: string;
  model?: string;
  /** Clone name → REST base URL. */
  cloneUrls: Record<string, string>;
  /** The credential the clones accept. */
  token?: string;
}

export function archalAliases(input: HarnessAliasInput): Record<string, string> {
  const urls = JSON.stringify(input.cloneUrls);
  // `githubMcp` is the GitHub clone's MCP endpoint, not a clone of its own.
  const rest = Object.entries(input.cloneUrls).filter(([clone]) => !clone.endsWith('Mcp'));
  const names = rest.map(([clone]) => clone).join(',');
  const env: Record<string, string> = {
    ARCHAL_ENGINE_TASK: input.task,
    ARCHAL_ENGINE_MODE: 'local',
    AGENT_RUN_MODE: 'local',
    ARCHAL_CLONE_URLS: urls,
    ARCHAL_TWIN_URLS: urls,
    ARCHAL_CLONE_NAMES: names,
    ARCHAL_TWIN_NAMES: names,
    AGENT_ROUTE_HEADERS: '{}',
  };
  for (const [clone, url] of rest) {
    const name = clone.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    env[`ARCHAL_${name}_URL`] = url;
    env[`ARCHAL_${name}_BASE_URL`] = url;
    env[`ARCHAL_${name}_REST_URL`] = url;
    const mcp = input.cloneUrls[`${clone}Mcp`];
    if (mcp) env[`ARCHAL_${name}_MCP_URL`] = mcp;
  }
  const servers = mcpServers(input);
  if (servers) env.ARCHAL_MCP_SERVERS = JSON.stringify(servers);
  if (input.model) env.ARCHAL_ENGINE_MODEL = input.model;
  if (input.token) env.ARCHAL_TOKEN = input.token;
  return env;
}

/**
 * The clones' MCP endpoints in the `mcpServers` form MCP clients read (`ARCHAL_MCP_SERVERS`, and the
 * file `ARCHAL_MCP_CONFIG` names): streamable HTTP, the clone's token as a bearer token.
 */
export function mcpServers(input: HarnessAliasInput): Record<string, unknown> | undefined {
  const entries = Object.entries(input.cloneUrls).filter(([clone]) => clone.endsWith('Mcp'));
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([clone, url]) => [
      clone.slice(0, -'Mcp'.length),
      {
        type: 'http',
        url,
        ...(input.token ? { headers: { Authorization: `Bearer ${input.token}` } } : {}),
      },
    ]),
  );
}

/** Every name `archalAliases` may set, so that a value left in the host's environment never leaks into a run. */
export const ALIAS_PATTERN =
  /^(?:ARCHAL_ENGINE_(?:TASK|MODE|MODEL)|AGENT_RUN_MODE|ARCHAL_(?:CLONE|TWIN)_(?:URLS|NAMES)|AGENT_ROUTE_HEADERS|ARCHAL_TOKEN|ARCHAL_MCP_(?:SERVERS|CONFIG)|ARCHAL_[A-Z0-9_]+_(?:URL|BASE_URL|REST_URL|MCP_URL))$/;
