import type { DomainContext } from '../domain/context.js';
import type { ToolDefinition } from './definition.js';
import { DEFINITIONS } from './definitions.js';
import type { ToolHandler } from './tools/common.js';
import { collaboratorTools } from './tools/collaborators.js';
import { gistTools } from './tools/gists.js';
import { issueTools } from './tools/issues.js';
import { labelTools } from './tools/labels.js';
import { notificationTools } from './tools/notifications.js';
import { pullTools } from './tools/pulls.js';
import { repoTools } from './tools/repos.js';
import { searchTools } from './tools/search.js';
import { teamTools } from './tools/teams.js';

export { ToolContent, ToolError } from './tools/common.js';

/** A tool as github/github-mcp-server defines it, and what the clone does when it is called. */
export interface McpTool extends ToolDefinition {
  run(ctx: DomainContext, args: Record<string, unknown>): Promise<unknown>;
}

const HANDLERS: Record<string, ToolHandler> = {
  ...collaboratorTools,
  ...gistTools,
  ...issueTools,
  ...labelTools,
  ...notificationTools,
  ...pullTools,
  ...repoTools,
  ...searchTools,
  ...teamTools,
};

/** github-mcp-server's tools the clone serves: every definition recorded has its handler. */
export const TOOLS: McpTool[] = DEFINITIONS.map((definition) => {
  const run = HANDLERS[definition.name];
  if (!run) throw new Error(`MCP tool ${definition.name} has no handler`);
  return { ...definition, run };
});
