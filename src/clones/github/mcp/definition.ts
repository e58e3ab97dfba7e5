/** A tool as github/github-mcp-server publishes it (`tools/list`): name, description, hints, input schema. */
export interface ToolDefinition {
  name: string;
  description: string;
  annotations: { title: string; readOnlyHint: boolean; idempotentHint?: boolean; destructiveHint?: boolean };
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] };
}
